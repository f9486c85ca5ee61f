"""Tickets: open, read, assign, comment on and move work for clinic staff through a guarded workflow.

The workflow is one table, `TRANSITIONS`: a status change not in it raises `InvalidTransition`
naming the statuses that are allowed, so callers (and staff) learn what to do instead. Every change
writes an audit entry, and opening or resolving also an outbox event, in the caller's transaction.
Opening is idempotent on `idempotency_key`: the agent's tools replay after a crash, and a replay
must find the first ticket rather than open a second.
"""

from __future__ import annotations

import enum
import uuid
from datetime import datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import Select, case, column, func, or_, select, table
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from store.audit import service as audit
from store.auth.models import StaffUser
from store.errors import IdempotencyKeyReused, InvalidInput, InvalidTransition, NotFound
from store.outbox import service as outbox
from store.patients import service as patients
from store.patients.models import Patient
from store.tickets.models import Ticket, TicketCategory, TicketComment, TicketPriority, TicketStatus

S = TicketStatus
TRANSITIONS: dict[TicketStatus, tuple[TicketStatus, ...]] = {
    S.OPEN: (S.IN_PROGRESS, S.WAITING_ON_PATIENT, S.RESOLVED, S.CLOSED),
    S.IN_PROGRESS: (S.WAITING_ON_PATIENT, S.RESOLVED, S.OPEN),
    S.WAITING_ON_PATIENT: (S.IN_PROGRESS, S.RESOLVED),
    S.RESOLVED: (S.CLOSED, S.OPEN),
    S.CLOSED: (),
}
DUE_AFTER: dict[TicketPriority, timedelta] = {
    TicketPriority.URGENT: timedelta(hours=1),
    TicketPriority.HIGH: timedelta(hours=4),
    TicketPriority.NORMAL: timedelta(hours=24),
    TicketPriority.LOW: timedelta(hours=72),
}
_URGENCY = (TicketPriority.URGENT, TicketPriority.HIGH, TicketPriority.NORMAL, TicketPriority.LOW)
_PRIORITY_RANK = case(*((Ticket.priority == p, rank) for rank, p in enumerate(_URGENCY)), else_=len(_URGENCY))

# Conversations open tickets (a hand-off does), so this domain reads the conversations table by name
# instead of importing that domain: the two packages stay free of an import cycle.
CONVERSATIONS = table("conversations", column("id"), column("address"))

E = TypeVar("E", bound=enum.StrEnum)


def _enum(kind: type[E], field: str, value: E | str) -> E:
    try:
        return kind(value)
    except ValueError:
        expected = ", ".join(member.value for member in kind)
        raise InvalidInput(field, f"must be one of {expected}") from None


def _aware(field: str, value: datetime) -> datetime:
    if value.tzinfo is None:
        raise InvalidInput(field, "needs a time zone offset")
    return value


def _text(field: str, value: str, limit: int) -> str:
    cleaned = value.strip()
    if not cleaned:
        raise InvalidInput(field, "must not be empty")
    if len(cleaned) > limit:
        raise InvalidInput(field, f"must be at most {limit} characters")
    return cleaned


def _ids(ticket: Ticket) -> dict[str, str | None]:
    """An event payload: ids only, never PHI."""
    return {
        "ticket_id": str(ticket.id),
        "patient_id": str(ticket.patient_id) if ticket.patient_id else None,
        "conversation_id": str(ticket.conversation_id) if ticket.conversation_id else None,
    }


async def _audit(
    session: AsyncSession, ticket: Ticket, *, actor: str, action: str, details: dict[str, Any]
) -> None:
    await audit.record(
        session,
        actor=actor,
        action=f"ticket.{action}",
        resource_type="ticket",
        resource_id=ticket.id,
        patient_id=ticket.patient_id,
        details=details,
    )


async def _by_key(session: AsyncSession, key: str) -> Ticket | None:
    return await session.scalar(select(Ticket).where(Ticket.idempotency_key == key))


async def _check_links(
    session: AsyncSession, patient_id: uuid.UUID | None, conversation_id: uuid.UUID | None
) -> None:
    """NotFound for a patient or conversation that does not exist (rather than a foreign-key 500)."""
    if patient_id is not None:
        await patients.get(session, patient_id=patient_id)
    known = select(CONVERSATIONS.c.id).where(CONVERSATIONS.c.id == conversation_id)
    if conversation_id is not None and await session.scalar(known) is None:
        raise NotFound("conversation", conversation_id)


def _same(earlier: Ticket, request: tuple[Any, ...], strict: bool) -> Ticket:
    """`earlier` when `request` is the one that opened it; `IdempotencyKeyReused` otherwise."""
    first: tuple[Any, ...] = (earlier.category.value, earlier.patient_id, earlier.conversation_id)
    if strict:
        first += (earlier.summary, earlier.description, earlier.priority.value)
    if first != request:
        raise IdempotencyKeyReused()
    return earlier


async def create(
    session: AsyncSession,
    *,
    category: TicketCategory | str,
    summary: str,
    now: datetime,
    priority: TicketPriority | str = TicketPriority.NORMAL,
    patient_id: uuid.UUID | None = None,
    conversation_id: uuid.UUID | None = None,
    description: str | None = None,
    due_at: datetime | None = None,
    idempotency_key: str | None = None,
    actor: str = "system",
    attachments: list[dict[str, Any]] | None = None,
    strict_replay: bool = False,
) -> Ticket:
    """Open a ticket, due by `due_at` or by `now` plus its priority's allowance (`DUE_AFTER`).

    A replayed `idempotency_key` returns the ticket first opened with it, unchanged, when it is the
    same request: the same queue, patient and conversation and, with `strict_replay` (API callers,
    who retry with the very same body), the same summary, description and priority too; another
    request under a used key is `IdempotencyKeyReused` (409). The agent's tools replay without
    `strict_replay`, since a model may word a summary differently the second time.
    """
    request: tuple[Any, ...] = (str(category), patient_id, conversation_id)
    if strict_replay:  # compared as stored: the summary is kept stripped
        request += (summary.strip(), description, str(priority))
    if idempotency_key is not None:
        _text("idempotency_key", idempotency_key, 200)
        if (earlier := await _by_key(session, idempotency_key)) is not None:
            return _same(earlier, request, strict_replay)
    rank = _enum(TicketPriority, "priority", priority)
    ticket = Ticket(
        category=_enum(TicketCategory, "category", category),
        priority=rank,
        status=TicketStatus.OPEN,
        summary=_text("summary", summary, 300),
        description=description,
        patient_id=patient_id,
        conversation_id=conversation_id,
        due_at=_aware("due_at", due_at) if due_at is not None else _aware("now", now) + DUE_AFTER[rank],
        idempotency_key=idempotency_key,
        comments=[],
        attachments=list(attachments or []),
    )
    await _check_links(session, patient_id, conversation_id)
    try:
        async with session.begin_nested():
            session.add(ticket)
            await session.flush()
    except IntegrityError:
        # A concurrent twin with the same key committed between our lookup and our insert.
        if idempotency_key is not None and (earlier := await _by_key(session, idempotency_key)) is not None:
            return _same(earlier, request, strict_replay)
        raise
    await outbox.emit(session, topic="ticket.opened", payload=_ids(ticket))
    await _audit(session, ticket, actor=actor, action="open", details={"category": ticket.category.value})
    return ticket


async def get(session: AsyncSession, *, ticket_id: uuid.UUID) -> Ticket:
    ticket = await session.get(Ticket, ticket_id)
    if ticket is None:
        raise NotFound("ticket", ticket_id)
    return ticket


async def _count(session: AsyncSession, query: Select[Any]) -> int:
    counted = query.order_by(None).limit(None).offset(None).subquery()
    return await session.scalar(select(func.count()).select_from(counted)) or 0


async def get_all(
    session: AsyncSession,
    *,
    status: TicketStatus | str | None = None,
    category: TicketCategory | str | None = None,
    priority: TicketPriority | str | None = None,
    patient_id: uuid.UUID | None = None,
    phone: str | None = None,
    assignee_id: uuid.UUID | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[Ticket], int]:
    """A page of tickets, most urgent and soonest due first, and how many match in all.

    `phone` means every patient registered on that phone (a family may share one) and every
    conversation on it, so that a ticket of a contact who never identified (an emergency from an
    unknown number, say) is found by the number it came from.
    """
    query = select(Ticket)
    if status is not None:
        query = query.where(Ticket.status == _enum(TicketStatus, "status", status))
    if category is not None:
        query = query.where(Ticket.category == _enum(TicketCategory, "category", category))
    if priority is not None:
        query = query.where(Ticket.priority == _enum(TicketPriority, "priority", priority))
    if patient_id is not None:
        query = query.where(Ticket.patient_id == patient_id)
    if phone is not None:
        number = patients.normalize_phone(phone)
        on_phone = select(Patient.id).where(Patient.phone == number)
        from_phone = select(CONVERSATIONS.c.id).where(CONVERSATIONS.c.address == number)
        query = query.where(or_(Ticket.patient_id.in_(on_phone), Ticket.conversation_id.in_(from_phone)))
    if assignee_id is not None:
        query = query.where(Ticket.assignee_id == assignee_id)
    total = await _count(session, query)
    ordered = query.order_by(_PRIORITY_RANK, Ticket.due_at.asc().nulls_last(), Ticket.created_at, Ticket.id)
    return list(await session.scalars(ordered.limit(limit).offset(offset))), total


async def _lock(session: AsyncSession, ticket_id: uuid.UUID) -> Ticket:
    """The ticket row, locked until the transaction ends, as the database has it now."""
    query = (
        select(Ticket)
        .where(Ticket.id == ticket_id)
        .with_for_update(of=Ticket)
        .execution_options(populate_existing=True)
    )
    ticket = await session.scalar(query)
    if ticket is None:
        raise NotFound("ticket", ticket_id)
    return ticket


async def _saved(session: AsyncSession, ticket: Ticket) -> Ticket:
    await session.flush()
    await session.refresh(ticket, ["updated_at"])  # set by the database on UPDATE
    return ticket


async def assign(
    session: AsyncSession, *, ticket_id: uuid.UUID, assignee_id: uuid.UUID | None, actor: str = "system"
) -> Ticket:
    """Give the ticket to an active member of staff, or to nobody (`assignee_id=None`)."""
    ticket = await _lock(session, ticket_id)
    if assignee_id is not None:
        staff = await session.get(StaffUser, assignee_id)
        if staff is None or not staff.active:
            raise NotFound("staff user", assignee_id)
    previous = ticket.assignee_id
    ticket.assignee_id = assignee_id
    await _audit(
        session,
        ticket,
        actor=actor,
        action="assign",
        details={
            "from": str(previous) if previous else None,
            "to": str(assignee_id) if assignee_id else None,
        },
    )
    return await _saved(session, ticket)


async def attach_to_patient(
    session: AsyncSession, *, conversation_id: uuid.UUID, patient_id: uuid.UUID, actor: str = "system"
) -> list[Ticket]:
    """Give the conversation's tickets opened before anyone was identified (a caller's request, a
    red flag from an unknown number) to the patient now verified on it; idempotent."""
    found = list(
        await session.scalars(
            select(Ticket)
            .where(Ticket.conversation_id == conversation_id, Ticket.patient_id.is_(None))
            .with_for_update()
        )
    )
    for ticket in found:
        ticket.patient_id = patient_id
        await _audit(session, ticket, actor=actor, action="attach", details={"patient_id": str(patient_id)})
    await session.flush()
    return found


async def comment(session: AsyncSession, *, ticket_id: uuid.UUID, author: str, body: str) -> TicketComment:
    """Add a note to the ticket's thread; the author is also the audit entry's actor."""
    ticket = await get(session, ticket_id=ticket_id)
    note = TicketComment(
        author=_text("author", author, 100),
        body=_text("body", body, 10_000),
        # The wall clock, not the transaction's start: comments added in one transaction keep their order.
        created_at=func.clock_timestamp(),
    )
    ticket.comments.append(note)
    await session.flush()
    await _audit(session, ticket, actor=note.author, action="comment", details={"comment_id": str(note.id)})
    return note


def allowed(status: TicketStatus) -> list[str]:
    """The statuses a ticket in `status` may move to, in the workflow's order."""
    return [target.value for target in TRANSITIONS[status]]


async def transition(
    session: AsyncSession,
    *,
    ticket_id: uuid.UUID,
    to: TicketStatus | str,
    now: datetime,
    actor: str = "system",
) -> Ticket:
    """Move the ticket along the workflow; `InvalidTransition` (naming what is allowed) otherwise.

    Resolving stamps `resolved_at` and emits `ticket.resolved`; reopening clears the stamp.
    """
    target = _enum(TicketStatus, "status", to)
    ticket = await _lock(session, ticket_id)
    current = ticket.status
    if target not in TRANSITIONS[current]:
        raise InvalidTransition("ticket", current.value, target.value, allowed(current))
    ticket.status = target
    if target == TicketStatus.RESOLVED:
        ticket.resolved_at = _aware("now", now)
    elif target == TicketStatus.OPEN:
        ticket.resolved_at = None
    await _audit(
        session, ticket, actor=actor, action="transition", details={"from": current.value, "to": target.value}
    )
    if target == TicketStatus.RESOLVED:
        await outbox.emit(session, topic="ticket.resolved", payload=_ids(ticket))
    return await _saved(session, ticket)
