"""Inbound WhatsApp with TwiML replies: signatures, durability, duplicates, one turn at a time."""

from __future__ import annotations

import asyncio
import html
import random
import re
import uuid

from channels.twilio.signature import FormParams
from store.conversations.models import Direction, Message
from tests.pipeline.conftest import (
    PUBLIC_URL,
    WHATSAPP_PATH,
    Clinic,
    _multi,
    message_params,
)


def new_phone() -> str:
    return f"+1555030{random.randrange(10_000):04d}"


def twiml_messages(text: str) -> list[str]:
    return [html.unescape(m) for m in re.findall(r"<Message>(.*?)</Message>", text, flags=re.S)]


async def test_bad_signatures_are_refused_before_any_side_effect(clinic: Clinic) -> None:
    phone = new_phone()
    params = message_params(phone, "hola")
    sid = params[0][1]
    signed = await clinic.post_signed(WHATSAPP_PATH, params)  # a valid one, to compare the headers with
    assert signed.status_code == 200
    fresh = message_params(phone, "hola")
    fresh_sid = fresh[0][1]

    from twilio.request_validator import RequestValidator

    def signature(
        params: list[tuple[str, str]], url: str = PUBLIC_URL + WHATSAPP_PATH, token: str = ""
    ) -> str:
        from tests.pipeline.conftest import AUTH_TOKEN

        return RequestValidator(token or AUTH_TOKEN).compute_signature(url, FormParams(params))

    tampered = [(k, "hola!" if k == "Body" else v) for k, v in fresh]
    cases = {
        "missing header": {},
        "tampered body": {"X-Twilio-Signature": signature(fresh)},
        "wrong token": {"X-Twilio-Signature": signature(fresh, token="not-the-token")},
        "wrong host": {
            "X-Twilio-Signature": signature(fresh, url="https://evil.example.com" + WHATSAPP_PATH)
        },
        "wrong path": {"X-Twilio-Signature": signature(fresh, url=PUBLIC_URL + "/api/v1/prm/other")},
        "signed for the request's own host": {
            "X-Twilio-Signature": signature(fresh, url="http://127.0.0.1:8000" + WHATSAPP_PATH)
        },
    }
    for name, headers in cases.items():
        body = tampered if name == "tampered body" else fresh
        response = await clinic.http.post(WHATSAPP_PATH, data=_multi(body), headers=headers)
        assert response.status_code == 403, name
    extra = await clinic.http.post(
        WHATSAPP_PATH,
        data=_multi([*fresh, ("SmsStatus", "received")]),
        headers={"X-Twilio-Signature": signature(fresh)},
    )
    assert extra.status_code == 403, "an extra parameter not covered by the signature"
    assert await clinic.count(Message.provider_message_id == fresh_sid) == 0
    assert await clinic.count(Message.provider_message_id == sid) == 1


async def test_repeated_and_unknown_parameters_are_signed_over_too(clinic: Clinic) -> None:
    params = [*message_params(new_phone(), "hi"), ("NewTwilioField", "a"), ("NewTwilioField", "b")]
    response = await clinic.post_signed(WHATSAPP_PATH, params)
    assert response.status_code == 200


async def test_a_signed_message_is_stored_processed_and_answered_in_the_response(clinic: Clinic) -> None:
    response = await clinic.whatsapp("+15550100001", "Hi, I need an appointment with a dermatologist")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/xml")
    replies = twiml_messages(response.text)
    assert len(replies) == 1 and replies[0].strip()
    [inbound] = await clinic.messages(Message.body == "Hi, I need an appointment with a dermatologist")
    assert inbound.processed_at is not None and inbound.reply_id is not None
    [reply] = await clinic.messages(Message.id == inbound.reply_id)
    assert reply.direction == Direction.OUTBOUND and reply.sent_via == "twiml"


async def test_the_same_message_delivered_ten_times_at_once_is_one_row_one_turn_one_reply(
    clinic: Clinic,
) -> None:
    phone = new_phone()
    params = message_params(phone, "hello there")
    responses = await asyncio.gather(*(clinic.post_signed(WHATSAPP_PATH, params) for _ in range(10)))
    assert [r.status_code for r in responses] == [200] * 10
    assert await clinic.count(Message.provider_message_id == params[0][1]) == 1
    assert [texts for who, texts in clinic.runner.turns if who == phone] == [["hello there"]]
    replies = [reply for r in responses for reply in twiml_messages(r.text)]
    assert len(replies) == 1
    [inbound] = await clinic.messages(Message.provider_message_id == params[0][1])
    outbound = await clinic.messages(
        Message.direction == Direction.OUTBOUND, Message.conversation_id == inbound.conversation_id
    )
    assert [m.body for m in outbound] == replies
    assert [m.sent_via for m in outbound] == ["twiml"]


async def test_a_burst_runs_one_turn_at_a_time_in_order_and_conversations_overlap(clinic: Clinic) -> None:
    clinic.runner.delay_s = 0.3
    clinic.runner.max_per_conversation = clinic.runner.max_overall = 0
    first, second = new_phone(), new_phone()
    bodies = ["hi", "I need", "an appointment", "with cardiology", "next week"]
    sids: dict[str, list[str]] = {first: [], second: []}

    async def burst(phone: str) -> None:
        sends = []
        for body in bodies:
            sids[phone].append(sid := "SM" + uuid.uuid4().hex)
            sends.append(asyncio.create_task(clinic.whatsapp(phone, body, sid)))
            await asyncio.sleep(0.02)  # the requests overlap, mostly arriving in this order
        assert all(r.status_code == 200 for r in await asyncio.gather(*sends))

    try:
        await asyncio.gather(burst(first), burst(second))
    finally:
        clinic.runner.delay_s = 0.0

    async def all_taken() -> bool:  # a webhook's wait is bounded by the TwiML budget; the turns are not
        waiting = Message.direction == Direction.INBOUND, Message.processed_at.is_(None)
        return await clinic.count(*waiting) == 0

    await clinic.until(all_taken, timeout_s=60)
    assert clinic.runner.max_per_conversation == 1, "two turns of one conversation ran at once"
    assert clinic.runner.max_overall >= 2, "different conversations did not run in parallel"
    for phone in (first, second):
        # Arrival is the order the server stored them in: 20 ms apart, a busy machine can still
        # swap two requests on their way in, and then the turns must follow the server, not us.
        arrived = [m.body for m in await clinic.messages(Message.provider_message_id.in_(sids[phone]))]
        assert sorted(arrived) == sorted(bodies)
        taken = [text for who, texts in clinic.runner.turns if who == phone for text in texts]
        assert taken == arrived  # every message once, in arrival order
        turns = [texts for who, texts in clinic.runner.turns if who == phone]
        assert len(turns) < len(bodies)  # messages waiting behind a running turn were merged


async def test_a_signed_form_of_10000_fields_is_a_4xx(clinic: Clinic) -> None:
    params = message_params("+15550100001", "hi") + [(f"Extra{i}", "x") for i in range(10_000)]
    response = await clinic.post_signed(WHATSAPP_PATH, params)
    assert 400 <= response.status_code < 500  # Starlette's form parser stops at 1,000 fields
    assert (await clinic.http.get("/healthz")).status_code == 200
