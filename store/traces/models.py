"""One row per agent turn: the inbound message(s), every step the graph took, the reply, the outcome.

`steps` is an ordered JSONB list written by `graphs.tracing.TraceRecorder`, each item
`{"kind": "node"|"tool"|"model", "name", "started_ms", "duration_ms", "input", "output", "error", ...}`.
It is a document rather than a child table because a trace is written once, read whole, and its
shape follows the graph (new nodes, new tools) without a migration. Traces hold PHI (message
bodies, tool results), which is why the API audits every read.
"""

from __future__ import annotations

import enum
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from store.base import Base, Timestamps, UUIDPk, text_enum
from store.conversations.models import Conversation


class Trace(UUIDPk, Base):
    __tablename__ = "traces"
    __table_args__ = (Index("ix_traces_conversation_started", "conversation_id", "started_at"),)

    conversation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("conversations.id"))
    turn: Mapped[int]
    started_at: Mapped[datetime] = mapped_column(index=True)
    duration_ms: Mapped[int]
    inbound_ids: Mapped[list[str]] = mapped_column(default=list)  # messages.id of the merged burst
    inbound_text: Mapped[str] = mapped_column(Text, default="")
    reply: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(String(32))  # booked, cancelled, …, none (see the eval contract)
    error: Mapped[str | None] = mapped_column(Text)
    model: Mapped[str | None] = mapped_column(String(100))  # None: the offline agent
    steps: Mapped[list[dict[str, Any]]] = mapped_column(default=list)

    # Joined so that the patient a trace concerns is known for the audit without another query.
    conversation: Mapped[Conversation] = relationship(lazy="joined", innerjoin=True, viewonly=True)


class Verdict(enum.StrEnum):
    GOOD = "good"
    BAD = "bad"


class TraceAnnotation(UUIDPk, Timestamps, Base):
    """A person's verdict on one agent turn, with what should have happened.

    `expect` holds the `expect` object of the eval dataset format (outcome, appointment, ticket,
    reply_contains, …), so that `prm eval export --annotated` turns the conversation up to this turn
    into a scenario that `prm eval run` replays. One per turn: annotating again replaces it.
    """

    __tablename__ = "trace_annotations"

    trace_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("traces.id", ondelete="CASCADE"), unique=True)
    conversation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("conversations.id"), index=True)
    verdict: Mapped[Verdict] = mapped_column(text_enum(Verdict, "verdict"))
    note: Mapped[str] = mapped_column(Text, default="")
    expect: Mapped[dict[str, Any]] = mapped_column(default=dict)
    author: Mapped[str] = mapped_column(String(120))

    trace: Mapped[Trace] = relationship(lazy="joined", innerjoin=True, viewonly=True)
