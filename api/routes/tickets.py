"""Staff API: the tickets inbox — open, filter, read, assign, comment on and move tickets.

Reading a ticket linked to a patient is audited (`ticket.read`, ids only). A refused status
change is a 409 whose body names the current status and the statuses `allowed` from it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Annotated

from fastapi import APIRouter, Header, status
from sqlalchemy.ext.asyncio import AsyncSession

from api.deps import CurrentStaff, NowDep, PageDep, Principal, SessionDep
from api.routes.common import Listing, audit_reads
from store.tickets import service as tickets
from store.tickets.models import Ticket, TicketCategory, TicketPriority, TicketStatus
from store.tickets.schemas import (
    CommentCreate,
    CommentOut,
    TicketAssign,
    TicketCreate,
    TicketDetail,
    TicketOut,
    TicketTransition,
)

router = APIRouter(prefix="/tickets", tags=["tickets"])
IdempotencyKey = Annotated[str | None, Header(alias="Idempotency-Key", min_length=1, max_length=160)]


async def _audit_reads(session: AsyncSession, staff: Principal, found: Iterable[Ticket]) -> None:
    records = [(t.id, t.patient_id) for t in found if t.patient_id is not None]
    await audit_reads(session, staff=staff, resource_type="ticket", records=records)


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_ticket(
    body: TicketCreate,
    session: SessionDep,
    staff: CurrentStaff,
    now: NowDep,
    idempotency_key: IdempotencyKey = None,
) -> TicketDetail:
    """Open a ticket; a retried request with the same `Idempotency-Key` returns the first ticket."""
    ticket = await tickets.create(
        session,
        category=body.category,
        summary=body.summary,
        priority=body.priority,
        patient_id=body.patient_id,
        conversation_id=body.conversation_id,
        description=body.description,
        due_at=body.due_at,
        idempotency_key=staff.key(idempotency_key),
        strict_replay=True,
        now=now,
        actor=staff.actor,
    )
    return TicketDetail.with_comments(ticket)


@router.get("")
async def list_tickets(
    session: SessionDep,
    staff: CurrentStaff,
    page: PageDep,
    status: TicketStatus | None = None,
    category: TicketCategory | None = None,
    priority: TicketPriority | None = None,
    phone: str | None = None,
    patient_id: uuid.UUID | None = None,
    assignee_id: uuid.UUID | None = None,
) -> Listing[TicketOut]:
    """Tickets, most urgent and soonest due first; `phone` covers every patient on that phone."""
    found, total = await tickets.get_all(
        session,
        status=status,
        category=category,
        priority=priority,
        phone=phone,
        patient_id=patient_id,
        assignee_id=assignee_id,
        limit=page.limit,
        offset=page.offset,
    )
    await _audit_reads(session, staff, found)
    return Listing.of([TicketOut.of(t) for t in found], total, page)


@router.get("/{ticket_id}")
async def get_ticket(ticket_id: uuid.UUID, session: SessionDep, staff: CurrentStaff) -> TicketDetail:
    ticket = await tickets.get(session, ticket_id=ticket_id)
    await _audit_reads(session, staff, [ticket])
    return TicketDetail.with_comments(ticket)


@router.post("/{ticket_id}/assign")
async def assign_ticket(
    ticket_id: uuid.UUID, body: TicketAssign, session: SessionDep, staff: CurrentStaff
) -> TicketDetail:
    ticket = await tickets.assign(
        session, ticket_id=ticket_id, assignee_id=body.assignee_id, actor=staff.actor
    )
    return TicketDetail.with_comments(ticket)


@router.post("/{ticket_id}/comments", status_code=status.HTTP_201_CREATED)
async def comment_on_ticket(
    ticket_id: uuid.UUID, body: CommentCreate, session: SessionDep, staff: CurrentStaff
) -> CommentOut:
    note = await tickets.comment(session, ticket_id=ticket_id, author=staff.actor, body=body.body)
    return CommentOut.of(note)


@router.post("/{ticket_id}/transition")
async def transition_ticket(
    ticket_id: uuid.UUID, body: TicketTransition, session: SessionDep, staff: CurrentStaff, now: NowDep
) -> TicketDetail:
    """Change the status; 409 `invalid_transition` with `allowed` when the workflow forbids it."""
    ticket = await tickets.transition(
        session, ticket_id=ticket_id, to=body.status, now=now, actor=staff.actor
    )
    return TicketDetail.with_comments(ticket)
