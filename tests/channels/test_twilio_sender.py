"""TwilioSender over the network: twilio's real Client against the local Twilio stub."""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import Iterator

import pytest

from channels.twilio.sender import Retry, SentMessage, TwilioSender, TwilioSendError, whatsapp_address
from tests.fakes.twilio_stub import TwilioStub

SID = "AC" + "1" * 32
TOKEN = "sender-test-token"
FAST = Retry(attempts=3, first_wait_s=0.01, max_wait_s=0.05)  # real back-off, test-sized
CLINIC = "whatsapp:+15550000000"
PATIENT = "whatsapp:+15550100001"
CALLBACK = "https://clinic.example.com/api/v1/prm/webhooks/twilio/status"


@pytest.fixture
def stub() -> Iterator[TwilioStub]:
    with TwilioStub(account_sid=SID, auth_token=TOKEN) as server:
        yield server


def sender_for(
    stub: TwilioStub, *, token: str = TOKEN, retry: Retry = FAST, timeout_s: float = 5
) -> TwilioSender:
    return TwilioSender(SID, token, api_url=stub.url, retry=retry, timeout_s=timeout_s)


async def test_a_whatsapp_text_reaches_twilio_as_twilio_expects_it(stub: TwilioStub) -> None:
    sent = await sender_for(stub).send(
        to=PATIENT, from_=CLINIC, body="Hola María 👋", status_callback=CALLBACK, idempotency_key="m1:0"
    )
    assert sent.sid.startswith("SM") and len(sent.sid) == 34 and sent.status == "queued"
    [message] = stub.messages
    assert message["To"] == PATIENT and message["From"] == CLINIC and message["Body"] == "Hola María 👋"
    assert message["StatusCallback"] == CALLBACK
    assert message["sid"] == sent.sid and message["idempotency_token"] == "m1:0"
    assert "ContentSid" not in message


async def test_sms_is_the_same_call_with_plain_numbers(stub: TwilioStub) -> None:
    await sender_for(stub).send(to="+15550100001", from_="+15550000000", body="hi", idempotency_key="sms")
    assert stub.messages[0]["To"] == "+15550100001" and stub.messages[0]["From"] == "+15550000000"


async def test_a_template_is_sent_by_content_sid_with_json_variables(stub: TwilioStub) -> None:
    variables = {"1": "María", "2": "martes 10:00"}
    await sender_for(stub).send(
        to=PATIENT,
        from_=CLINIC,
        content_sid="HX" + "a" * 32,
        content_variables=variables,
        idempotency_key="t",
    )
    [message] = stub.messages
    assert message["ContentSid"] == "HX" + "a" * 32 and "Body" not in message
    assert json.loads(message["ContentVariables"]) == variables


async def test_rate_limits_and_server_errors_are_retried_until_accepted(stub: TwilioStub) -> None:
    stub.fail_next(1, status=429)
    stub.fail_next(1, status=500)
    sent = await sender_for(stub).send(to=PATIENT, from_=CLINIC, body="hello", idempotency_key="r")
    assert stub.attempts == 3
    assert [m["sid"] for m in stub.messages] == [sent.sid]


async def test_when_retries_run_out_the_error_is_temporary(stub: TwilioStub) -> None:
    stub.fail_next(5, status=503)
    with pytest.raises(TwilioSendError) as raised:
        await sender_for(stub).send(to=PATIENT, from_=CLINIC, body="hello", idempotency_key="x")
    assert (raised.value.status, raised.value.code, raised.value.permanent) == (503, 20503, False)
    assert stub.attempts == FAST.attempts and stub.messages == []


async def test_a_bad_request_is_permanent_at_once_and_does_not_quote_the_number(stub: TwilioStub) -> None:
    with pytest.raises(TwilioSendError) as raised:
        await sender_for(stub).send(to="whatsapp:5550100001", from_=CLINIC, body="hello", idempotency_key="b")
    assert (raised.value.status, raised.value.code, raised.value.permanent) == (400, 21211, True)
    assert stub.attempts == 1
    assert "5550100001" not in str(raised.value)


async def test_a_scripted_client_error_is_permanent_too(stub: TwilioStub) -> None:
    stub.fail_next(1, status=400, code=63016)
    with pytest.raises(TwilioSendError) as raised:
        await sender_for(stub).send(to=PATIENT, from_=CLINIC, body="hello", idempotency_key="c")
    assert raised.value.code == 63016 and raised.value.permanent and stub.attempts == 1


async def test_wrong_credentials_are_permanent(stub: TwilioStub) -> None:
    with pytest.raises(TwilioSendError) as raised:
        await sender_for(stub, token="wrong").send(to=PATIENT, from_=CLINIC, body="hi", idempotency_key="w")
    assert (raised.value.status, raised.value.code, raised.value.permanent) == (401, 20003, True)


async def test_the_same_idempotency_key_is_sent_once(stub: TwilioStub) -> None:
    sender = sender_for(stub)
    first = await sender.send(to=PATIENT, from_=CLINIC, body="part one", idempotency_key="m2:0")
    again = await sender.send(to=PATIENT, from_=CLINIC, body="part one", idempotency_key="m2:0")
    other = await sender.send(to=PATIENT, from_=CLINIC, body="part two", idempotency_key="m2:1")
    assert again == first and other.sid != first.sid
    assert [m["Body"] for m in stub.messages] == ["part one", "part two"]


async def test_a_send_whose_answer_was_lost_is_not_duplicated_by_the_retries(stub: TwilioStub) -> None:
    stub.latency_s = 0.6  # longer than the client waits: Twilio got it, we never heard back
    sender = sender_for(stub, timeout_s=0.2, retry=Retry(attempts=2, first_wait_s=0.01, max_wait_s=0.01))
    with pytest.raises(TwilioSendError) as raised:
        await sender.send(to=PATIENT, from_=CLINIC, body="booked", idempotency_key="m3:0")
    assert (raised.value.status, raised.value.permanent) == (None, False)
    for _ in range(200):  # both attempts reach the stub's handler after its latency
        if stub.attempts == 2:
            break
        await asyncio.sleep(0.05)
    stub.latency_s = 0
    later = await sender.send(
        to=PATIENT, from_=CLINIC, body="booked", idempotency_key="m3:0"
    )  # the job's retry
    assert [m["sid"] for m in stub.messages] == [later.sid]


async def test_no_answer_at_all_is_temporary() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sender = TwilioSender(SID, TOKEN, api_url=f"http://127.0.0.1:{port}", retry=FAST, timeout_s=2)
    with pytest.raises(TwilioSendError) as raised:
        await sender.send(to=PATIENT, from_=CLINIC, body="hi", idempotency_key="n")
    assert (raised.value.status, raised.value.code, raised.value.permanent) == (None, None, False)


async def test_twilio_edge_and_region_settings_do_not_rewrite_a_gateway_url(
    stub: TwilioStub, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TWILIO_EDGE", "sydney")
    monkeypatch.setenv("TWILIO_REGION", "au1")
    sent = await sender_for(stub).send(to=PATIENT, from_=CLINIC, body="hi", idempotency_key="e")
    assert stub.messages[0]["sid"] == sent.sid


async def test_a_gateway_url_may_have_a_path_prefix_and_a_trailing_slash() -> None:
    with TwilioStub(account_sid=SID, auth_token=TOKEN) as stub:
        sender = TwilioSender(SID, TOKEN, api_url=stub.url + "/", retry=FAST)
        assert isinstance(
            await sender.send(to=PATIENT, from_=CLINIC, body="hi", idempotency_key="p"), SentMessage
        )


@pytest.mark.parametrize(
    "arguments",
    [
        {},
        {"body": "hi", "content_sid": "HX1"},
        {"body": "hi", "content_variables": {"1": "x"}},
        {"body": "hi", "idempotency_key": ""},
    ],
)
async def test_a_malformed_call_is_refused_before_anything_is_sent(
    stub: TwilioStub, arguments: dict[str, object]
) -> None:
    with pytest.raises(ValueError):
        await sender_for(stub).send(to=PATIENT, from_=CLINIC, **{"idempotency_key": "k", **arguments})  # type: ignore[arg-type]
    assert stub.attempts == 0


def test_whatsapp_addresses() -> None:
    assert whatsapp_address("+15550100001") == "whatsapp:+15550100001"
    assert whatsapp_address("whatsapp:+15550100001") == "whatsapp:+15550100001"
