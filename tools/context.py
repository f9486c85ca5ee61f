"""What every tool is given by the graph, never by a model: the clock, the verified identity, clients.

The patient a tool acts for is `patient_id` here, set only by the graph's identify step from the
verified channel phone (plus name and birth date where a phone is shared). Tool arguments never
carry a patient id, so nothing a patient or a model writes can point a tool at someone else.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from store.knowledge.embeddings import Embedder


class NotVerified(PermissionError):
    """A tool that reads or writes a patient's records was called before identity was verified."""

    def __init__(self, tool: str) -> None:
        super().__init__(f"{tool} needs a verified patient; run the identify step first")


@dataclass(frozen=True)
class ToolContext:
    sessions: async_sessionmaker[AsyncSession]
    embedder: Embedder
    tz: ZoneInfo
    now: datetime
    conversation_id: uuid.UUID
    phone: str  # E.164, verified by the channel (Twilio signature, voice HMAC)
    language: str = "en"
    patient_id: uuid.UUID | None = None
    idempotency_prefix: str = ""  # "<thread>:<checkpoint step>"; a replayed node reuses it
    actor: str = "agent"

    def require_patient(self, tool: str) -> uuid.UUID:
        if self.patient_id is None:
            raise NotVerified(tool)
        return self.patient_id

    def key(self, tool: str, *parts: object) -> str:
        """An idempotency key for one side effect: thread, step, tool and its arguments."""
        return ":".join([self.idempotency_prefix, tool, *(str(p) for p in parts)])[:200]

    def for_patient(self, patient_id: uuid.UUID | None) -> ToolContext:
        return replace(self, patient_id=patient_id)
