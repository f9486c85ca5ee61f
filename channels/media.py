"""Turning a turn's media into text the agent can read: stored attachments and transcribed voice notes.

Images and documents are fetched with the Twilio credentials, checked, stored (under
`PRM_DATA_DIR/media` or `PRM_MEDIA_URL`) and recorded on the message, so staff see them in the
conversation. A voice note is transcribed through the OpenAI-compatible speech-to-text endpoint when
one is configured; without one, the turn's text is empty and the worker asks the patient to type.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import openai
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from channels.twilio.media import TWILIO_MEDIA_HOSTS, MediaRejected, MediaUnavailable, fetch_media
from channels.twilio.transcribe import TranscriptionFailed, transcribe
from store.conversations.models import VOICE_NOTE, Message
from store.database import transaction

log = logging.getLogger(__name__)

Prepare = Callable[[list[Message]], Awaitable[list[str]]]
# a transient fetch failure fails the turn (the job is retried with backoff); past this age the turn
# goes ahead without the attachment, recorded as unavailable, so a dead media URL never blocks a patient
GIVE_UP_ON_MEDIA_AFTER = timedelta(minutes=5)


@dataclass(frozen=True)
class MediaReader:
    """Reads a turn's messages as text (the worker's `prepare` step), storing their media on the way.

    Built by the worker's wiring (api/worker.py) from settings; `stt` is None when no speech-to-text
    endpoint is configured, and Twilio media are left alone without the account's credentials.
    """

    sessions: async_sessionmaker[AsyncSession]
    clock: Callable[[], datetime]
    store_url: str
    max_bytes: int
    account_sid: str | None = None
    auth_token: str | None = None
    stt: openai.AsyncOpenAI | None = None
    stt_model: str = "whisper-1"
    hosts: tuple[str, ...] = TWILIO_MEDIA_HOSTS  # where media may be fetched from, redirects included

    async def __call__(self, messages: list[Message]) -> list[str]:
        if not any(message.media for message in messages):
            # no client for plain text: building one loads the CA bundle (about 15 ms of CPU), and
            # it was a fifth of a text turn's CPU in the worker (`prm bench load`, docs/benchmarks.md)
            return [message.body.strip() for message in messages] or [""]
        texts: list[str] = []
        async with httpx.AsyncClient(timeout=20) as http:
            for message in messages:
                parts = [message.body.strip()] if message.body.strip() else []
                media = [dict(item) for item in message.media]
                for item in media:
                    parts.extend(await self._read(message, item, http))
                if media != message.media:
                    async with transaction(self.sessions) as session:
                        row = await session.get(Message, message.id)
                        if row is not None:
                            row.media = media
                texts.append(" ".join(parts))
        return texts or [""]

    async def _read(self, message: Message, item: dict[str, Any], http: httpx.AsyncClient) -> list[str]:
        """What one attachment adds to the turn's text; records on `item` what became of it."""
        if "url" not in item or "stored" in item or not self.account_sid or not self.auth_token:
            return []
        try:
            stored = await fetch_media(
                url=item["url"],
                content_type=item["content_type"],
                account_sid=self.account_sid,
                auth_token=self.auth_token,
                store_url=self.store_url,
                max_bytes=self.max_bytes,
                http=http,
                hosts=self.hosts,
            )
        except MediaRejected as error:
            item["rejected"] = str(error)
            return []
        except MediaUnavailable as error:
            if self.clock() - message.created_at < GIVE_UP_ON_MEDIA_AFTER:
                raise
            item["unavailable"] = str(error)
            return []
        item.update(stored=stored.path, size=stored.size, sha256=stored.sha256)
        if not item["content_type"].startswith("audio/"):
            return [f"[attachment: {item['content_type']}]"]
        if self.stt is None:
            return [VOICE_NOTE]
        try:
            with open(stored.path, "rb") as audio:  # noqa: ASYNC230 - a small local file
                content = audio.read()
            text = await transcribe(
                audio=content, filename=Path(stored.path).name, model=self.stt_model, client=self.stt
            )
        except (TranscriptionFailed, OSError) as error:
            log.warning("voice note not transcribed: %s", type(error).__name__)
            return [VOICE_NOTE]
        return [text]
