"""The ticket workflow: every (from, to) pair of statuses, allowed or refused, and its side effects."""

from __future__ import annotations

import itertools
import uuid
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from store.audit.models import AuditEntry
from store.errors import InvalidInput, InvalidTransition, NotFound
from store.outbox.models import OutboxEvent
from store.tickets import service as tickets
from store.tickets.models import Ticket, TicketStatus

S = TicketStatus
# Written out again here, independently of the service's table, so a change to either is caught.
ALLOWED = {
    (S.OPEN, S.IN_PROGRESS),
    (S.OPEN, S.WAITING_ON_PATIENT),
    (S.OPEN, S.RESOLVED),
    (S.OPEN, S.CLOSED),
    (S.IN_PROGRESS, S.WAITING_ON_PATIENT),
    (S.IN_PROGRESS, S.RESOLVED),
    (S.IN_PROGRESS, S.OPEN),
    (S.WAITING_ON_PATIENT, S.IN_PROGRESS),
    (S.WAITING_ON_PATIENT, S.RESOLVED),
    (S.RESOLVED, S.CLOSED),
    (S.RESOLVED, S.OPEN),
}
PAIRS = list(itertools.product(TicketStatus, TicketStatus))


async def ticket_in(session: AsyncSession, status: TicketStatus, now: datetime) -> Ticket:
    ticket = await tickets.create(session, category="other", summary="workflow", now=now)
    ticket.status = status
    await session.flush()
    return ticket


async def topics(session: AsyncSession, ticket_id: uuid.UUID) -> list[str]:
    query = select(OutboxEvent.topic).where(OutboxEvent.payload["ticket_id"].astext == str(ticket_id))
    return list(await session.scalars(query.order_by(OutboxEvent.id)))


def test_the_table_covers_every_status() -> None:
    assert set(tickets.TRANSITIONS) == set(TicketStatus)
    assert {(a, b) for a, targets in tickets.TRANSITIONS.items() for b in targets} == ALLOWED


@pytest.mark.parametrize(("current", "target"), [p for p in PAIRS if p in ALLOWED], ids=str)
async def test_allowed_transition(
    session: AsyncSession, now: datetime, current: TicketStatus, target: TicketStatus
) -> None:
    ticket = await ticket_in(session, current, now)
    moved = await tickets.transition(
        session, ticket_id=ticket.id, to=target.value, now=now, actor="token:desk"
    )
    assert moved.status == target
    entry = await session.scalar(
        select(AuditEntry).where(
            AuditEntry.resource_id == str(ticket.id), AuditEntry.action == "ticket.transition"
        )
    )
    assert entry is not None and entry.actor == "token:desk"
    assert entry.details == {"from": current.value, "to": target.value}


@pytest.mark.parametrize(("current", "target"), [p for p in PAIRS if p not in ALLOWED], ids=str)
async def test_refused_transition_names_what_is_allowed(
    session: AsyncSession, now: datetime, current: TicketStatus, target: TicketStatus
) -> None:
    ticket = await ticket_in(session, current, now)
    with pytest.raises(InvalidTransition) as raised:
        await tickets.transition(session, ticket_id=ticket.id, to=target, now=now)
    expected = [b.value for b in TicketStatus if (current, b) in ALLOWED]
    assert sorted(raised.value.allowed) == sorted(expected)
    assert raised.value.to_json() == {
        "current": current.value,
        "target": target.value,
        "allowed": raised.value.allowed,
    }
    assert f"allowed: {', '.join(raised.value.allowed) or 'none'}" in raised.value.message
    await session.refresh(ticket)
    assert ticket.status == current


async def test_resolve_stamps_and_emits_reopen_clears_close_keeps(
    session: AsyncSession, now: datetime
) -> None:
    ticket = await ticket_in(session, S.OPEN, now)
    resolved = await tickets.transition(session, ticket_id=ticket.id, to=S.RESOLVED, now=now)
    assert resolved.resolved_at == now
    assert await topics(session, ticket.id) == ["ticket.opened", "ticket.resolved"]
    reopened = await tickets.transition(session, ticket_id=ticket.id, to=S.OPEN, now=now + timedelta(hours=1))
    assert reopened.resolved_at is None
    later = now + timedelta(hours=2)
    await tickets.transition(session, ticket_id=ticket.id, to=S.RESOLVED, now=later)
    closed = await tickets.transition(
        session, ticket_id=ticket.id, to=S.CLOSED, now=later + timedelta(days=1)
    )
    assert (closed.status, closed.resolved_at) == (S.CLOSED, later)
    assert await topics(session, ticket.id) == ["ticket.opened", "ticket.resolved", "ticket.resolved"]


async def test_transition_of_unknown_ticket_or_status(session: AsyncSession, now: datetime) -> None:
    with pytest.raises(NotFound):
        await tickets.transition(session, ticket_id=uuid.uuid4(), to=S.CLOSED, now=now)
    ticket = await ticket_in(session, S.OPEN, now)
    with pytest.raises(InvalidInput, match="status"):
        await tickets.transition(session, ticket_id=ticket.id, to="done", now=now)
