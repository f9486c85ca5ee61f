"""Annotations: a person's verdict on an agent turn (good or bad, a note, what should have happened).

The expected outcome is stored as given, in the eval dataset's `expect` shape; the caller checks it
against that format (evals/dataset.py), which this layer cannot import. One annotation per turn:
annotating a turn again replaces the earlier verdict, and the change is audited.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from store.audit import service as audit
from store.errors import InvalidInput
from store.traces import service as traces
from store.traces.models import TraceAnnotation, Verdict

NOTE_LIMIT = 4_000


async def annotate(
    session: AsyncSession,
    *,
    trace_id: uuid.UUID,
    verdict: Verdict | str,
    note: str,
    expect: dict[str, Any],
    author: str,
) -> TraceAnnotation:
    """Record (or replace) the verdict on one turn."""
    try:
        verdict = Verdict(verdict)
    except ValueError:
        raise InvalidInput("verdict", "must be good or bad") from None
    if len(note) > NOTE_LIMIT:
        raise InvalidInput("note", f"at most {NOTE_LIMIT} characters")
    trace = await traces.get(session, trace_id=trace_id)
    values = {"verdict": verdict.value, "note": note.strip(), "expect": expect, "author": author}
    upsert = insert(TraceAnnotation).values(
        id=uuid.uuid4(), trace_id=trace.id, conversation_id=trace.conversation_id, **values
    )
    upsert = upsert.on_conflict_do_update(
        index_elements=[TraceAnnotation.trace_id], set_={**values, "updated_at": upsert.excluded.updated_at}
    )
    await session.execute(upsert)
    await audit.record(
        session,
        actor=author,
        action="trace.annotate",
        resource_type="trace",
        resource_id=trace.id,
        patient_id=trace.conversation.patient_id,
        details={"verdict": verdict.value},
    )
    found = await get(session, trace_id=trace.id)
    assert found is not None  # written just above, in this transaction
    return found


async def get(session: AsyncSession, *, trace_id: uuid.UUID) -> TraceAnnotation | None:
    return await session.scalar(
        select(TraceAnnotation)
        .where(TraceAnnotation.trace_id == trace_id)
        .execution_options(populate_existing=True)
    )


async def get_all(session: AsyncSession, *, verdict: Verdict | None = None) -> list[TraceAnnotation]:
    """Every annotation, oldest first (the order an export writes them in)."""
    query = select(TraceAnnotation).order_by(TraceAnnotation.created_at, TraceAnnotation.id)
    if verdict is not None:
        query = query.where(TraceAnnotation.verdict == verdict)
    return list(await session.scalars(query))
