"""Staff API: the trace of each agent turn, for review.

Traces hold PHI (message bodies, names and dates in tool results). Both staff roles (admin,
staff) may read them — reviewing what the agent told a patient is clinic work — and every trace
shown writes a `trace.read` audit entry naming the conversation's patient when one is verified,
so "who has seen this patient's conversations" stays one query. No token: 401.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from fastapi import APIRouter
from sqlalchemy.ext.asyncio import AsyncSession

from api.deps import CurrentStaff, PageDep, Principal, SessionDep
from api.routes.common import Listing, audit_reads
from store.traces import service as traces
from store.traces.models import Trace
from store.traces.schemas import TraceDetail, TraceOut

router = APIRouter(prefix="/traces", tags=["traces"])


async def _audit_reads(session: AsyncSession, staff: Principal, shown: Iterable[Trace]) -> None:
    records = [(t.id, t.conversation.patient_id) for t in shown]
    await audit_reads(session, staff=staff, resource_type="trace", records=records)


@router.get("")
async def list_traces(
    session: SessionDep, staff: CurrentStaff, page: PageDep, conversation_id: uuid.UUID | None = None
) -> Listing[TraceOut]:
    """Turn summaries, newest first; `conversation_id` narrows to one conversation."""
    found, total = await traces.get_all(
        session, conversation_id=conversation_id, limit=page.limit, offset=page.offset
    )
    await _audit_reads(session, staff, found)
    return Listing.of([TraceOut.of(t) for t in found], total, page)


@router.get("/{trace_id}")
async def get_trace(trace_id: uuid.UUID, session: SessionDep, staff: CurrentStaff) -> TraceDetail:
    """One turn with every node, tool and model step."""
    trace = await traces.get(session, trace_id=trace_id)
    await _audit_reads(session, staff, [trace])
    return TraceDetail.with_steps(trace)
