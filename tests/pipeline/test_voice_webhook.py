"""The voice platform's webhook: HMAC and replay window, idempotent calls, turns that act and follow up."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import uuid
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from store.conversations.models import Channel, Conversation, Message
from store.database import transaction
from store.migrate import upgrade
from store.tickets.models import Ticket
from tests.fakes.twilio_stub import TwilioStub
from tests.pipeline.conftest import Clinic, clinic_settings, open_clinic

SECRET = "voice-secret-for-tests-0123456789"
PATH = "/api/v1/prm/webhooks/voice-agent"
TEMPLATE = "HX" + "a" * 32


@pytest.fixture(scope="module")
async def clinic(
    data_dir: Path,
    make_session_database: Callable[[], str],
    redis_url: str,
    embedder: Any,
    twilio: TwilioStub,
) -> AsyncIterator[Clinic]:
    url = make_session_database()
    upgrade(url)
    settings = clinic_settings(
        data_dir, twilio, PRM_VOICE_WEBHOOK_SECRET=SECRET, templates={"reply": TEMPLATE}
    )
    async with open_clinic(settings, url, redis_url, embedder, twilio) as clinic:
        yield clinic


def signed(
    payload: dict[str, Any], *, secret: str = SECRET, at: float | None = None
) -> tuple[bytes, dict[str, str]]:
    body = json.dumps(payload).encode()
    timestamp = str(int(at if at is not None else time.time()))
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    headers = {
        "X-PRM-Timestamp": timestamp,
        "X-PRM-Signature": f"sha256={digest}",
        "Content-Type": "application/json",
    }
    return body, headers


def call(phone: str, transcript: str, **extracted: Any) -> dict[str, Any]:
    return {
        "call_id": f"call-{uuid.uuid4().hex}",
        "patient_phone": phone,
        "recording_url": "https://voice.example.com/recordings/1.mp3",
        "transcript": transcript,
        "extracted_data": extracted,
        "duration_seconds": 94,
    }


async def post(http: httpx.AsyncClient, payload: dict[str, Any], **kwargs: Any) -> httpx.Response:
    body, headers = signed(payload, **kwargs)
    return await http.post(PATH, content=body, headers=headers)


async def test_bad_signatures_and_old_timestamps_are_refused_and_nothing_is_stored(clinic: Clinic) -> None:
    payload = call("+15550100002", "I need a refill of my blood pressure pills", intent="prescription_refill")
    wrong = await post(clinic.http, payload, secret="not-the-secret")
    old = await post(clinic.http, payload, at=time.time() - 301)
    missing = await clinic.http.post(PATH, json=payload)
    assert [wrong.status_code, old.status_code, missing.status_code] == [401, 401, 401]
    assert await clinic.count(Message.provider_message_id == payload["call_id"]) == 0


async def test_bad_payloads_get_a_422_naming_the_field(clinic: Clinic) -> None:
    response = await post(clinic.http, {**call("not-a-phone", "hi"), "duration_seconds": 3})
    assert response.status_code == 422
    assert "patient_phone" in response.json()["message"]
    no_id = {k: v for k, v in call("+15550100002", "hi").items() if k != "call_id"}
    response = await post(clinic.http, no_id)
    assert response.status_code == 422 and "call_id" in response.json()["message"]


async def test_a_refill_call_opens_a_ticket_and_a_replay_is_not_processed_again(clinic: Clinic) -> None:
    payload = call(
        "+15550100002", "Hi, I need a refill of my lisinopril prescription", intent="prescription_refill"
    )
    first = await post(clinic.http, payload)
    assert first.status_code == 202
    answer = first.json()
    assert "ticket.opened" in answer["actions"]
    again = await post(clinic.http, payload)
    assert again.status_code == 202 and again.json()["conversation_id"] == answer["conversation_id"]
    assert await clinic.count(Message.provider_message_id == payload["call_id"]) == 1
    async with transaction(clinic.runtime.sessions) as session:
        conversation = await session.get(Conversation, uuid.UUID(answer["conversation_id"]))
        assert conversation is not None and conversation.channel == Channel.WHATSAPP
        tickets = list(await session.scalars(select(Ticket).where(Ticket.category == "prescription")))
    assert len(tickets) == 1


def sent_to(clinic: Clinic, phone: str) -> list[dict[str, Any]]:
    return [m for m in clinic.twilio.messages if m["To"] == f"whatsapp:{phone}"]


async def test_a_booking_call_follows_up_with_a_template_when_the_window_is_closed(clinic: Clinic) -> None:
    payload = call(
        "+15550100001",
        "I'd like to see a cardiologist next week in the morning",
        intent="book_appointment",
        specialty="cardiology",
        part_of_day="morning",
    )
    response = await post(clinic.http, payload)
    assert response.status_code == 202

    async def followed_up() -> bool:
        return len(sent_to(clinic, "+15550100001")) == 1

    await clinic.until(followed_up)
    [sent] = sent_to(clinic, "+15550100001")
    assert sent["ContentSid"] == TEMPLATE and "Body" not in sent
    assert "slots.offered" in response.json()["actions"] or response.json()["actions"] == ["queued"]


async def test_a_booking_call_follows_up_in_the_window_with_the_offer_itself(clinic: Clinic) -> None:
    phone = "+15550100003"  # Ana prefers Spanish, and wrote on WhatsApp today: the window is open
    await clinic.whatsapp(phone, "hola")
    before = len(sent_to(clinic, phone))
    payload = call(
        phone,
        "Quiero una cita con dermatología lo antes posible",
        intent="book_appointment",
        specialty="dermatology",
    )
    response = await post(clinic.http, payload)
    assert response.status_code == 202

    async def followed_up() -> bool:
        return len(sent_to(clinic, phone)) == before + 1

    await clinic.until(followed_up)
    sent = sent_to(clinic, phone)[-1]
    assert "ContentSid" not in sent or not sent["ContentSid"]
    assert "dermatolog" in sent["Body"].lower()
    assert "slots.offered" in response.json()["actions"]


async def test_a_call_id_replayed_with_another_call_is_409_and_creates_nothing(clinic: Clinic) -> None:
    first = call("+15550100002", "I need a refill of my blood pressure pills", intent="prescription_refill")
    assert (await post(clinic.http, first)).status_code == 202
    assert (await post(clinic.http, first)).json()["duplicate"] is True  # a redelivery: fine
    stranger = f"+1555084{uuid.uuid4().int % 10_000:04d}"
    for changed in ({**first, "patient_phone": stranger}, {**first, "transcript": "cancel my appointment"}):
        response = await post(clinic.http, changed)
        assert response.status_code == 409 and "call_id" in response.json()["message"]
    async with clinic.runtime.sessions() as session:
        assert await session.scalar(select(Conversation).where(Conversation.address == stranger)) is None
    assert await clinic.count(Message.provider_message_id == first["call_id"]) == 1


async def test_nul_characters_are_a_422_not_a_retried_500(clinic: Clinic) -> None:
    for payload in (
        call("+15550100002", "I need a refill\x00 please"),
        call("+15550100002", "I need a refill", intent="refill\x00"),
    ):
        response = await post(clinic.http, payload)
        assert response.status_code == 422 and "NUL" in response.json()["message"]
        assert await clinic.count(Message.provider_message_id == payload["call_id"]) == 0


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 50_000 + b"]" * 50_000,  # nesting past Python's recursion limit
        b'{"call_id": "c", "duration_seconds": 1' + b"0" * 5000 + b"}",  # past int()'s digit limit
        b'{"call_id": "\xff\xfe"}',  # not UTF-8
        b'{"call_id": "c", "patient_phone": "+15550100002", "transcript": "hi", "duration_seconds": 1e999}',
    ],
)
async def test_signed_but_malformed_calls_are_a_422_never_a_500(clinic: Clinic, body: bytes) -> None:
    timestamp = str(int(time.time()))
    digest = hmac.new(SECRET.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    headers = {
        "X-PRM-Timestamp": timestamp,
        "X-PRM-Signature": f"sha256={digest}",
        "Content-Type": "application/json",
    }
    response = await clinic.http.post(PATH, content=body, headers=headers)
    assert response.status_code == 422, response.text  # a 5xx would be retried by the platform for ever
    assert (await clinic.http.get("/healthz")).status_code == 200
