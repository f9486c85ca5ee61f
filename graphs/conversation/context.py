"""What a turn runs with, fixed for the turn and never checkpointed: clients, clock, verified channel.

The runner builds one `AgentContext` per turn (LangGraph's `context=`); nodes read it through
`runtime.context`. The phone here was verified by the channel (Twilio's signature, the voice
platform's HMAC), which is why it, and not anything in the messages, decides who is writing.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from langchain_core.runnables import RunnableConfig
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from agents.clinic import Clinic
from agents.model import OfflineUnderstander, Phraser, TemplatePhraser, Understander
from agents.understanding import RedFlagReader
from store.knowledge.embeddings import Embedder
from tools.context import ToolContext


@dataclass(frozen=True)
class AgentContext:
    sessions: async_sessionmaker[AsyncSession]
    embedder: Embedder
    tz: ZoneInfo
    now: datetime
    conversation_id: uuid.UUID
    phone: str
    clinic: Clinic  # who the agent speaks for: its name, address, hours, specialties (data, not code)
    understander: Understander = field(default_factory=OfflineUnderstander)
    phraser: Phraser = field(default_factory=TemplatePhraser)
    red_flags: RedFlagReader = field(
        default_factory=RedFlagReader
    )  # the signs, and nearest examples if given

    def tools(self, config: RunnableConfig, *, patient_id: str | None, language: str) -> ToolContext:
        """The tools' context for this node: verified patient and an idempotency prefix.

        The prefix is the thread, the batch of messages the turn answers and the checkpoint step: a
        node replayed after a crash runs in the same batch at the same step, so its side effects get
        the same keys and happen once; a later turn never reuses them, even once the thread's saved
        state (and with it the step count) was dropped or expired.
        """
        configurable = config.get("configurable", {})
        metadata = config.get("metadata", {})
        batch = hashlib.sha256(str(metadata.get("inbound_key", "")).encode()).hexdigest()[:12]
        thread = configurable.get("thread_id", self.conversation_id)
        prefix = f"{thread}:{batch}:{metadata.get('langgraph_step', 0)}"
        return ToolContext(
            sessions=self.sessions,
            embedder=self.embedder,
            tz=self.tz,
            now=self.now,
            conversation_id=self.conversation_id,
            phone=self.phone,
            language=language,
            patient_id=uuid.UUID(patient_id) if patient_id else None,
            idempotency_prefix=prefix,
        )
