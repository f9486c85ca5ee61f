"""WhatsApp media through the pipeline: stored and attached to the ticket the turn opens; voice notes
transcribed through the OpenAI-compatible endpoint, or the patient asked to type when there is none."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select

from store.conversations.models import Direction, Message
from store.database import transaction
from store.migrate import upgrade
from store.tickets.models import Ticket
from tests.fakes.openai_stub import OpenAIStub, transcript
from tests.fakes.twilio_stub import TwilioStub
from tests.pipeline.conftest import (
    WHATSAPP_PATH,
    Clinic,
    clinic_settings,
    message_params,
    open_clinic,
)

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
OGG = b"OggS" + b"\x00" * 64


def with_media(phone: str, body: str, url: str, content_type: str) -> list[tuple[str, str]]:
    params = [(k, v) for k, v in message_params(phone, body) if k != "NumMedia"]
    return [*params, ("NumMedia", "1"), ("MediaUrl0", url), ("MediaContentType0", content_type)]


def new_phone() -> str:
    return f"+1555060{uuid.uuid4().int % 10_000:04d}"


async def reply_to(clinic: Clinic, sid: str) -> Message:
    async def answered() -> bool:
        [inbound] = await clinic.messages(Message.provider_message_id == sid)
        return inbound.reply_id is not None

    await clinic.until(answered)
    [inbound] = await clinic.messages(Message.provider_message_id == sid)
    [reply] = await clinic.messages(Message.id == inbound.reply_id)
    return reply


async def test_a_photo_is_stored_and_attached_to_the_ticket_its_turn_opens(
    clinic: Clinic, data_dir: Path
) -> None:
    phone = "+15550100001"  # Maria, registered
    url = clinic.twilio.add_media(f"rx-{uuid.uuid4().hex}", PNG, "image/png")
    params = with_media(phone, "I need a refill of my prescription, here is the label", url, "image/png")
    response = await clinic.post_signed(WHATSAPP_PATH, params)
    assert response.status_code == 200
    reply = await reply_to(clinic, params[0][1])
    assert reply.direction == Direction.OUTBOUND
    [inbound] = await clinic.messages(Message.provider_message_id == params[0][1])
    [item] = inbound.media
    assert item["sha256"] == hashlib.sha256(PNG).hexdigest() and item["size"] == len(PNG)
    assert Path(item["stored"]).read_bytes() == PNG and "url" in item  # noqa: ASYNC240 - a tiny local file
    async with transaction(clinic.runtime.sessions) as session:
        tickets = list(
            await session.scalars(select(Ticket).where(Ticket.conversation_id == inbound.conversation_id))
        )
    [ticket] = [t for t in tickets if t.attachments]
    assert ticket.category.value == "prescription"
    assert [a["sha256"] for a in ticket.attachments] == [item["sha256"]]


async def test_a_voice_note_with_no_speech_to_text_asks_to_type_in_the_patients_language(
    clinic: Clinic,
) -> None:
    phone = "+15550100003"  # Ana prefers Spanish
    url = clinic.twilio.add_media(f"note-{uuid.uuid4().hex}", OGG, "audio/ogg")
    params = with_media(phone, "", url, "audio/ogg")
    assert (await clinic.post_signed(WHATSAPP_PATH, params)).status_code == 200
    reply = await reply_to(clinic, params[0][1])
    assert reply.kind == "notice" and "escribir" in reply.body


async def test_a_voice_note_is_transcribed_and_runs_as_the_turn(
    data_dir: Path,
    make_session_database: Callable[[], str],
    redis_url: str,
    embedder: Any,
    twilio: TwilioStub,
) -> None:
    url = make_session_database()
    upgrade(url)
    with OpenAIStub() as stt:
        stt.script(transcript("I want to cancel my appointment"))
        settings = clinic_settings(data_dir, twilio)
        settings = settings.model_copy(
            update={"models": settings.models.model_copy(update={"openai_base_url": stt.url + "/v1"})}
        )
        async with open_clinic(settings, url, redis_url, embedder, twilio) as clinic:
            phone = new_phone()
            media = clinic.twilio.add_media(f"note-{uuid.uuid4().hex}", OGG, "audio/ogg")
            params = with_media(phone, "", media, "audio/ogg")
            assert (await clinic.post_signed(WHATSAPP_PATH, params)).status_code == 200
            reply = await reply_to(clinic, params[0][1])
    assert [texts for who, texts in clinic.runner.turns if who == phone] == [
        ["I want to cancel my appointment"]
    ]
    assert reply.kind == "reply"
    [request] = stt.requests  # the voice note, named by its stored file so the format is known
    assert request["file_name"].endswith(".ogg") and request["file_size"] == len(OGG)
    assert request["model"] == "whisper-1"
