"""Traces: record one per agent turn, read one, list a conversation's (newest first).

A trace is written once by the turn runner, in the same transaction as the turn's reply, and is
never updated: it is the record of what happened. `record` refuses steps that are not JSON or
whose kinds it does not know, so a bad recorder fails loudly at write time instead of leaving
a trace the console cannot render.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from store.conversations import service as conversations
from store.errors import InvalidInput, NotFound
from store.traces.models import Trace

STEP_KINDS = frozenset({"node", "tool", "model"})


def _check_steps(steps: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    for index, step in enumerate(steps):
        if not isinstance(step, dict) or step.get("kind") not in STEP_KINDS:
            raise InvalidInput("steps", f"item {index} needs a kind of {', '.join(sorted(STEP_KINDS))}")
        if not isinstance(step.get("name"), str):
            raise InvalidInput("steps", f"item {index} needs a name")
    try:
        json.dumps(list(steps), allow_nan=False)
    except (TypeError, ValueError) as error:
        raise InvalidInput("steps", f"must be plain JSON ({error})") from None
    return list(steps)


def _check(turn: int, started_at: datetime, duration_ms: int, outcome: str, model: str | None) -> None:
    if turn < 0:
        raise InvalidInput("turn", "must be >= 0")
    if started_at.tzinfo is None:
        raise InvalidInput("started_at", "needs a time zone offset")
    if duration_ms < 0:
        raise InvalidInput("duration_ms", "must be >= 0")
    if not outcome.strip() or len(outcome) > 32:
        raise InvalidInput("outcome", "must be 1 to 32 characters")
    if model is not None and not 1 <= len(model) <= 100:
        raise InvalidInput("model", "must be 1 to 100 characters")


async def record(
    session: AsyncSession,
    *,
    conversation_id: uuid.UUID,
    turn: int,
    started_at: datetime,
    duration_ms: int,
    inbound_ids: Sequence[uuid.UUID],
    inbound_text: str,
    reply: str,
    outcome: str,
    steps: Sequence[dict[str, Any]],
    error: str | None = None,
    model: str | None = None,
) -> Trace:
    """Store the trace of one turn; NotFound when the conversation does not exist."""
    _check(turn, started_at, duration_ms, outcome, model)
    checked_steps = _check_steps(steps)
    conversation = await conversations.get(session, conversation_id=conversation_id)
    trace = Trace(
        conversation_id=conversation.id,
        turn=turn,
        started_at=started_at,
        duration_ms=duration_ms,
        inbound_ids=[str(i) for i in inbound_ids],
        inbound_text=inbound_text,
        reply=reply,
        outcome=outcome.strip(),
        error=error,
        model=model,
        steps=checked_steps,
    )
    session.add(trace)
    await session.flush()
    await session.refresh(trace, ["conversation"])
    return trace


async def get(session: AsyncSession, *, trace_id: uuid.UUID) -> Trace:
    trace = await session.get(Trace, trace_id)
    if trace is None:
        raise NotFound("trace", trace_id)
    return trace


async def get_all(
    session: AsyncSession,
    *,
    conversation_id: uuid.UUID | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[Trace], int]:
    """A page of traces, newest turn first (what a reviewer looks at first), and the total."""
    query = select(Trace)
    if conversation_id is not None:
        query = query.where(Trace.conversation_id == conversation_id)
    total = await session.scalar(select(func.count()).select_from(query.subquery()))
    page = query.order_by(Trace.started_at.desc(), Trace.turn.desc(), Trace.id).limit(limit).offset(offset)
    return list(await session.scalars(page)), int(total or 0)
