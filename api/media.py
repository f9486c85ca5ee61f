"""Turning a turn's media into text the agent can read: stored attachments and transcribed voice notes.

Images and documents are fetched with the Twilio credentials, checked, stored (under
`PRM_DATA_DIR/media` or `PRM_MEDIA_URL`) and recorded on the message, so staff see them in the
conversation. A voice note is transcribed through the OpenAI-compatible speech-to-text endpoint when
one is configured; without one, the turn's text is empty and the worker asks the patient to type.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path

import httpx
import openai

from api.runtime import Runtime
from channels.twilio.media import MediaRejected, MediaUnavailable, fetch_media
from channels.twilio.transcribe import TranscriptionFailed, transcribe
from store.conversations.models import Message
from store.database import transaction

log = logging.getLogger(__name__)

Prepare = Callable[[list[Message]], Awaitable[list[str]]]
VOICE_NOTE = "voice_note_untranscribed"  # a marker the worker turns into "please type instead"
# a transient fetch failure fails the turn (the job is retried with backoff); past this age the turn
# goes ahead without the attachment, recorded as unavailable, so a dead media URL never blocks a patient
GIVE_UP_ON_MEDIA_AFTER = timedelta(minutes=5)


def build_prepare(runtime: Runtime) -> Prepare:
    settings = runtime.settings
    twilio, models = settings.twilio, settings.models
    store_url = settings.channels.media_url or str(settings.storage.data_dir.resolve() / "media")
    stt: openai.AsyncOpenAI | None = None
    if models.openai_base_url or models.openai_api_key:
        key = models.openai_api_key.get_secret_value() if models.openai_api_key else "unused"
        stt = openai.AsyncOpenAI(api_key=key, base_url=models.openai_base_url, timeout=20, max_retries=2)

    async def prepare(messages: list[Message]) -> list[str]:
        texts: list[str] = []
        async with httpx.AsyncClient(timeout=20) as http:
            for message in messages:
                parts = [message.body.strip()] if message.body.strip() else []
                media = [dict(item) for item in message.media]
                for item in media:
                    if (
                        "url" not in item
                        or "stored" in item
                        or not twilio.account_sid
                        or not twilio.auth_token
                    ):
                        continue
                    try:
                        stored = await fetch_media(
                            url=item["url"],
                            content_type=item["content_type"],
                            account_sid=twilio.account_sid,
                            auth_token=twilio.auth_token.get_secret_value(),
                            store_url=store_url,
                            max_bytes=settings.channels.media_max_bytes,
                            http=http,
                        )
                    except MediaRejected as error:
                        item["rejected"] = str(error)
                        continue
                    except MediaUnavailable as error:
                        if runtime.clock() - message.created_at < GIVE_UP_ON_MEDIA_AFTER:
                            raise
                        item["unavailable"] = str(error)
                        continue
                    item.update(stored=stored.path, size=stored.size, sha256=stored.sha256)
                    if not item["content_type"].startswith("audio/"):
                        parts.append(f"[attachment: {item['content_type']}]")
                        continue
                    if stt is None:
                        parts.append(VOICE_NOTE)
                        continue
                    try:
                        with open(stored.path, "rb") as audio:  # noqa: ASYNC230 - a small local file
                            content = audio.read()
                        parts.append(
                            await transcribe(
                                audio=content,
                                filename=Path(stored.path).name,
                                model=models.stt_model,
                                client=stt,
                            )
                        )
                    except (TranscriptionFailed, OSError) as error:
                        log.warning("voice note not transcribed: %s", type(error).__name__)
                        parts.append(VOICE_NOTE)
                if media != message.media:
                    async with transaction(runtime.sessions) as session:
                        row = await session.get(Message, message.id)
                        if row is not None:
                            row.media = media
                texts.append(" ".join(parts))
        return texts or [""]

    return prepare
