"""Traces as the staff API returns them: a summary per turn in lists, the steps in the detail."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel

from store.traces.models import Trace


class TraceOut(BaseModel):
    id: uuid.UUID
    conversation_id: uuid.UUID
    patient_id: uuid.UUID | None  # the conversation's verified patient, if any
    turn: int
    started_at: datetime
    duration_ms: int
    inbound_ids: list[str]
    inbound_text: str
    reply: str
    outcome: str
    error: str | None
    model: str | None
    step_count: int

    @classmethod
    def of(cls, trace: Trace) -> TraceOut:
        return cls(
            id=trace.id,
            conversation_id=trace.conversation_id,
            patient_id=trace.conversation.patient_id,
            turn=trace.turn,
            started_at=trace.started_at,
            duration_ms=trace.duration_ms,
            inbound_ids=trace.inbound_ids,
            inbound_text=trace.inbound_text,
            reply=trace.reply,
            outcome=trace.outcome,
            error=trace.error,
            model=trace.model,
            step_count=len(trace.steps),
        )


class TraceDetail(TraceOut):
    """Every node, tool and model step of the turn, in the order they started."""

    steps: list[dict[str, Any]]

    @classmethod
    def with_steps(cls, trace: Trace) -> TraceDetail:
        return cls(**TraceOut.of(trace).model_dump(), steps=trace.steps)
