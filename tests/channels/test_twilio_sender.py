"""TwilioSender over the network: twilio's real Client against the local Twilio stub.

The stub, like Twilio, honours no idempotency key: a post that created a message is a message, so
every "not sent twice" below is the sender's own doing (its look-up in Twilio's list).
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from channels.twilio.sender import (
    Lookup,
    Posted,
    Retry,
    SentMessage,
    TwilioSender,
    TwilioSendError,
    whatsapp_address,
)
from tests.fakes.twilio_stub import TwilioStub

SID = "AC" + "1" * 32
TOKEN = "sender-test-token"
FAST = Retry(attempts=3, first_wait_s=0.01, max_wait_s=0.05)  # real back-off, test-sized
SETTLED = Lookup(settle_s=0.05)  # an empty list is believed at once: the stub answers whole
CLINIC = "whatsapp:+15550000000"
PATIENT = "whatsapp:+15550100001"
CALLBACK = "https://clinic.example.com/api/v1/prm/webhooks/twilio/status"


@pytest.fixture
def stub() -> Iterator[TwilioStub]:
    with TwilioStub(account_sid=SID, auth_token=TOKEN) as server:
        yield server


def sender_for(
    stub: TwilioStub,
    *,
    token: str = TOKEN,
    retry: Retry = FAST,
    timeout_s: float = 5,
    lookup: Lookup = SETTLED,
    wall: datetime | None = None,
) -> TwilioSender:
    clock = (lambda: wall) if wall is not None else (lambda: datetime.now(UTC))
    return TwilioSender(
        SID, token, api_url=stub.url, retry=retry, timeout_s=timeout_s, lookup=lookup, wall=clock
    )


class Posts:
    """The sender's `before_post` hook: what the caller records, handed back in as `posted`."""

    def __init__(self) -> None:
        self.times: list[datetime] = []

    async def __call__(self, at: datetime) -> None:
        self.times.append(at)

    @property
    def posted(self) -> Posted:
        return Posted(self.times[0], self.times[-1])


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
    assert len(stub.lists) == 1  # a 500 may have sent it: looked up once; a 429 certainly did not


async def test_when_retries_run_out_the_error_is_temporary(stub: TwilioStub) -> None:
    stub.fail_next(5, status=503)
    with pytest.raises(TwilioSendError) as raised:
        await sender_for(stub).send(to=PATIENT, from_=CLINIC, body="hello", idempotency_key="x")
    assert (raised.value.status, raised.value.code, raised.value.permanent) == (503, 20503, False)
    assert raised.value.maybe_sent
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


async def test_the_idempotency_header_goes_out_but_twilio_does_not_deduplicate_on_it(
    stub: TwilioStub,
) -> None:
    sender = sender_for(stub)
    first = await sender.send(to=PATIENT, from_=CLINIC, body="part one", idempotency_key="m2:0")
    again = await sender.send(to=PATIENT, from_=CLINIC, body="part one", idempotency_key="m2:0")
    assert again.sid != first.sid  # Twilio's Messages API takes no idempotency key: two messages
    assert [m["idempotency_token"] for m in stub.messages] == ["m2:0", "m2:0"]


async def test_a_lost_answer_is_looked_up_and_not_posted_again(stub: TwilioStub) -> None:
    stub.lose_next(1)  # Twilio created it, then the connection closed without an answer
    posts = Posts()
    sent = await sender_for(stub).send(
        to=PATIENT, from_=CLINIC, body="booked", idempotency_key="m3:0", before_post=posts
    )
    assert [m["sid"] for m in stub.messages] == [sent.sid]
    assert stub.attempts == 1 and len(posts.times) == 1
    assert stub.lists[0] == {"To": PATIENT, "From": CLINIC, "PageSize": str(SETTLED.page_size)}


async def test_a_timed_out_send_is_found_by_the_jobs_retry_and_not_posted_again(stub: TwilioStub) -> None:
    stub.lose_next(1, hang_s=1.0)  # longer than the client waits: Twilio got it, we never heard back
    posts = Posts()
    sender = sender_for(stub, timeout_s=0.2, retry=Retry(attempts=1))
    with pytest.raises(TwilioSendError) as raised:
        await sender.send(to=PATIENT, from_=CLINIC, body="booked", idempotency_key="m4:0", before_post=posts)
    assert (raised.value.status, raised.value.permanent, raised.value.maybe_sent) == (None, False, True)
    stub.release()
    # the job's retry, in another process maybe: only the records of the posts carry over
    later = await sender_for(stub).send(
        to=PATIENT,
        from_=CLINIC,
        body="booked",
        idempotency_key="m4:0",
        posted=posts.posted,
        before_post=posts,
    )
    assert [m["sid"] for m in stub.messages] == [later.sid]
    assert stub.attempts == 1 and len(posts.times) == 1


async def test_a_server_error_that_created_the_message_is_not_sent_twice(stub: TwilioStub) -> None:
    stub.fail_next(1, status=500, created=True)
    sent = await sender_for(stub).send(to=PATIENT, from_=CLINIC, body="see you", idempotency_key="m5:0")
    assert [m["sid"] for m in stub.messages] == [sent.sid] and stub.attempts == 1


async def test_when_twilio_holds_no_such_message_it_is_posted_again(stub: TwilioStub) -> None:
    stub.fail_next(1, status=502)  # answered before anything was created
    sent = await sender_for(stub).send(to=PATIENT, from_=CLINIC, body="see you", idempotency_key="m6:0")
    assert [m["sid"] for m in stub.messages] == [sent.sid] and stub.attempts == 2 and len(stub.lists) == 1


async def test_an_identical_message_already_recorded_is_not_taken_for_this_one(stub: TwilioStub) -> None:
    sender = sender_for(stub)
    earlier = await sender.send(to=PATIENT, from_=CLINIC, body="Thank you!", idempotency_key="a:0")
    stub.fail_next(1, status=500)  # the second "Thank you!" certainly did not go out
    again = await sender.send(
        to=PATIENT, from_=CLINIC, body="Thank you!", idempotency_key="b:0", taken={earlier.sid}
    )
    assert again.sid != earlier.sid and len(stub.messages) == 2


async def test_a_message_sent_before_the_first_post_is_not_a_match(stub: TwilioStub) -> None:
    earlier = await sender_for(stub).send(to=PATIENT, from_=CLINIC, body="Thank you!", idempotency_key="c:0")
    later = datetime.now(UTC) + SETTLED.skew + timedelta(minutes=1)  # the retried post began after it
    sent = await sender_for(stub, wall=later).send(
        to=PATIENT, from_=CLINIC, body="Thank you!", idempotency_key="d:0", posted=Posted(later, later)
    )
    assert sent.sid != earlier.sid and len(stub.messages) == 2


async def test_the_look_up_pages_through_twilios_list(stub: TwilioStub) -> None:
    stub.lose_next(1)
    posts = Posts()
    once = sender_for(stub, retry=Retry(attempts=1), lookup=Lookup(settle_s=10))
    with pytest.raises(TwilioSendError):  # one post, no retry in this call
        await once.send(to=PATIENT, from_=CLINIC, body="lost", idempotency_key="e:0", before_post=posts)
    for n in range(5):  # sent after it: listed before it
        await sender_for(stub).send(to=PATIENT, from_=CLINIC, body=f"other {n}", idempotency_key=f"o{n}")
    await sender_for(stub).send(to="whatsapp:+15550100002", from_=CLINIC, body="lost", idempotency_key="x")
    paged = sender_for(stub, lookup=Lookup(settle_s=0, page_size=2))
    found = await paged.send(
        to=PATIENT, from_=CLINIC, body="lost", idempotency_key="e:0", posted=posts.posted
    )
    assert found.sid == stub.messages[0]["sid"] and len(stub.messages) == 7
    assert [page.get("Page") for page in stub.lists] == [None, "1", "2"]
    assert all(page.get("To") == PATIENT for page in stub.lists) and "PageToken" in stub.lists[2]


async def test_a_template_is_recognised_by_its_variables(stub: TwilioStub) -> None:
    stub.add_template("HX" + "b" * 32, "Reminder from Riverside Health: {{1}}")
    stub.lose_next(1)
    sent = await sender_for(stub).send(
        to=PATIENT,
        from_=CLINIC,
        content_sid="HX" + "b" * 32,
        content_variables={"1": "Tuesday 10:00 with Dr. Lee"},
        idempotency_key="t:0",
    )
    assert [m["sid"] for m in stub.messages] == [sent.sid] and stub.attempts == 1


async def test_a_list_that_cannot_be_read_posts_nothing(stub: TwilioStub) -> None:
    stub.lose_next(1)
    stub.fail_next_lists(1, status=503)
    with pytest.raises(TwilioSendError) as raised:
        await sender_for(stub).send(to=PATIENT, from_=CLINIC, body="hi", idempotency_key="u:0")
    assert (raised.value.permanent, raised.value.maybe_sent) == (False, True)
    assert len(stub.messages) == 1 and stub.attempts == 1


async def test_too_many_newer_messages_to_tell_posts_nothing(stub: TwilioStub) -> None:
    stub.lose_next(1)
    posts = Posts()
    with pytest.raises(TwilioSendError):
        await sender_for(stub, retry=Retry(attempts=1), lookup=Lookup(settle_s=10)).send(
            to=PATIENT, from_=CLINIC, body="lost", idempotency_key="v:0", before_post=posts
        )
    for n in range(3):
        await sender_for(stub).send(to=PATIENT, from_=CLINIC, body=f"newer {n}", idempotency_key=f"n{n}")
    narrow = sender_for(stub, lookup=Lookup(settle_s=0, page_size=1, max_pages=2))
    with pytest.raises(TwilioSendError) as raised:
        await narrow.send(to=PATIENT, from_=CLINIC, body="lost", idempotency_key="v:0", posted=posts.posted)
    assert raised.value.maybe_sent and len(stub.messages) == 4 and stub.attempts == 4


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
