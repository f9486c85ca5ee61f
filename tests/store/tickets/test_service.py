"""Tickets: opening (due times, idempotency, links), reading, assigning, commenting, events, audit."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from store.audit.models import AuditEntry
from store.auth.models import Role, StaffUser
from store.errors import InvalidInput, NotFound
from store.outbox.models import OutboxEvent
from store.patients.models import Patient
from store.tickets import service as tickets
from store.tickets.models import Ticket, TicketCategory, TicketPriority, TicketStatus


async def events(session: AsyncSession, ticket_id: uuid.UUID) -> list[OutboxEvent]:
    query = select(OutboxEvent).where(OutboxEvent.payload["ticket_id"].astext == str(ticket_id))
    return list(await session.scalars(query.order_by(OutboxEvent.id)))


async def audits(session: AsyncSession, ticket_id: uuid.UUID) -> list[AuditEntry]:
    query = select(AuditEntry).where(
        AuditEntry.resource_type == "ticket", AuditEntry.resource_id == str(ticket_id)
    )
    return list(await session.scalars(query.order_by(AuditEntry.id)))


async def open_ticket(session: AsyncSession, now: datetime, **kwargs: Any) -> Ticket:
    args: dict[str, Any] = {"category": "billing", "summary": "Question about a bill"} | kwargs
    return await tickets.create(session, now=now, **args)


@pytest.mark.parametrize(("priority", "hours"), [("urgent", 1), ("high", 4), ("normal", 24), ("low", 72)])
async def test_due_time_follows_priority(
    session: AsyncSession, now: datetime, priority: str, hours: int
) -> None:
    ticket = await open_ticket(session, now, priority=priority)
    assert ticket.priority == TicketPriority(priority)
    assert ticket.due_at == now + timedelta(hours=hours)


async def test_explicit_due_time_wins_and_must_be_aware(session: AsyncSession, now: datetime) -> None:
    due = now + timedelta(days=9)
    assert (await open_ticket(session, now, priority="urgent", due_at=due)).due_at == due
    with pytest.raises(InvalidInput, match="due_at"):
        await open_ticket(session, now, due_at=datetime(2031, 1, 1, 9, 0))


async def test_open_links_patient_emits_ids_only_and_audits(
    session: AsyncSession, now: datetime, patient: Patient
) -> None:
    ticket = await open_ticket(
        session,
        now,
        category=TicketCategory.PRESCRIPTION,
        patient_id=patient.id,
        description="refill",
        actor="agent",
    )
    assert (ticket.status, ticket.resolved_at, ticket.comments) == (TicketStatus.OPEN, None, [])
    [event] = await events(session, ticket.id)
    assert event.topic == "ticket.opened"
    assert event.payload == {
        "ticket_id": str(ticket.id),
        "patient_id": str(patient.id),
        "conversation_id": None,
    }
    [entry] = await audits(session, ticket.id)
    assert (entry.actor, entry.action, entry.patient_id) == ("agent", "ticket.open", patient.id)
    assert entry.details == {"category": "prescription"}


async def test_same_idempotency_key_returns_the_first_ticket(session: AsyncSession, now: datetime) -> None:
    key = f"thread-{uuid.uuid4()}:step-3:call-1"
    first = await open_ticket(session, now, idempotency_key=key)
    again = await open_ticket(session, now + timedelta(minutes=5), idempotency_key=key, summary="replayed")
    assert again.id == first.id and again.summary == "Question about a bill"
    assert len(await events(session, first.id)) == 1
    other = await open_ticket(session, now, idempotency_key=f"{key}-other")
    assert other.id != first.id


async def test_concurrent_twins_with_one_key_open_one_ticket(runtime: Any, now: datetime) -> None:
    """The second insert waits on the unique index, loses, and returns the winner's ticket."""
    key = f"race-{uuid.uuid4()}"
    async with runtime.sessions() as first, runtime.sessions() as second:
        async with first.begin():
            winner = await open_ticket(first, now, idempotency_key=key)
            await second.begin()
            loser_task = asyncio.create_task(open_ticket(second, now, idempotency_key=key))
            await asyncio.sleep(0.2)  # the twin is now blocked on the uncommitted key
            assert not loser_task.done()
        loser = await loser_task
        await second.commit()
    assert loser.id == winner.id
    async with runtime.sessions() as check:
        assert len(await events(check, winner.id)) == 1


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"category": "gossip"}, "category"),
        ({"priority": "whenever"}, "priority"),
        ({"summary": "   "}, "summary"),
        ({"summary": "x" * 301}, "summary"),
        ({"idempotency_key": ""}, "idempotency_key"),
    ],
)
async def test_bad_input_names_the_field(
    session: AsyncSession, now: datetime, kwargs: dict[str, Any], field: str
) -> None:
    with pytest.raises(InvalidInput) as raised:
        await open_ticket(session, now, **kwargs)
    assert raised.value.field == field


async def test_unknown_links_are_not_found(session: AsyncSession, now: datetime) -> None:
    with pytest.raises(NotFound, match="patient"):
        await open_ticket(session, now, patient_id=uuid.uuid4())
    with pytest.raises(NotFound, match="conversation"):
        await open_ticket(session, now, conversation_id=uuid.uuid4())
    with pytest.raises(NotFound, match="ticket"):
        await tickets.get(session, ticket_id=uuid.uuid4())


async def test_get_all_orders_by_priority_then_due_time(
    session: AsyncSession, now: datetime, patient: Patient
) -> None:
    low = await open_ticket(session, now, priority="low", patient_id=patient.id)
    normal_late = await open_ticket(session, now + timedelta(hours=1), patient_id=patient.id)
    normal_soon = await open_ticket(session, now, patient_id=patient.id)
    urgent = await open_ticket(session, now, priority="urgent", patient_id=patient.id)
    found, total = await tickets.get_all(session, patient_id=patient.id)
    assert [t.id for t in found] == [urgent.id, normal_soon.id, normal_late.id, low.id] and total == 4
    page, page_total = await tickets.get_all(session, patient_id=patient.id, limit=2, offset=1)
    assert [t.id for t in page] == [normal_soon.id, normal_late.id] and page_total == 4


async def test_get_all_filters(
    session: AsyncSession, now: datetime, make_patient: Callable[..., Awaitable[Patient]]
) -> None:
    parent = await make_patient()
    child = await make_patient(phone=parent.phone)
    stranger = await make_patient()
    staff = StaffUser(name="Desk", role=Role.STAFF)
    session.add(staff)
    mine = await open_ticket(session, now, patient_id=parent.id, category="records", priority="high")
    childs = await open_ticket(session, now, patient_id=child.id, category="billing")
    theirs = await open_ticket(session, now, patient_id=stranger.id, category="records")
    await tickets.assign(session, ticket_id=childs.id, assignee_id=staff.id)
    await tickets.transition(session, ticket_id=mine.id, to="in_progress", now=now)

    on_phone, total = await tickets.get_all(session, phone=parent.phone.removeprefix("+1"))
    assert {t.id for t in on_phone} == {mine.id, childs.id} and total == 2
    by_status, _ = await tickets.get_all(session, phone=parent.phone, status=TicketStatus.IN_PROGRESS)
    assert [t.id for t in by_status] == [mine.id]
    by_category, _ = await tickets.get_all(session, patient_id=stranger.id, category="records")
    assert [t.id for t in by_category] == [theirs.id]
    by_priority, _ = await tickets.get_all(session, phone=parent.phone, priority="high")
    assert [t.id for t in by_priority] == [mine.id]
    assigned, _ = await tickets.get_all(session, assignee_id=staff.id)
    assert [t.id for t in assigned] == [childs.id]


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"status": "lost"}, "status"),
        ({"category": "x"}, "category"),
        ({"priority": "x"}, "priority"),
        ({"phone": "not a phone"}, "phone"),
    ],
)
async def test_bad_filters_name_the_field(session: AsyncSession, kwargs: dict[str, Any], field: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        await tickets.get_all(session, **kwargs)
    assert raised.value.field == field


async def test_assign_and_unassign(session: AsyncSession, now: datetime, patient: Patient) -> None:
    staff = StaffUser(name="Nurse", role=Role.STAFF)
    retired = StaffUser(name="Gone", role=Role.STAFF, active=False)
    session.add_all([staff, retired])
    ticket = await open_ticket(session, now, patient_id=patient.id)
    assigned = await tickets.assign(session, ticket_id=ticket.id, assignee_id=staff.id, actor="token:desk")
    assert assigned.assignee_id == staff.id
    with pytest.raises(NotFound, match="staff user"):
        await tickets.assign(session, ticket_id=ticket.id, assignee_id=retired.id)
    with pytest.raises(NotFound, match="staff user"):
        await tickets.assign(session, ticket_id=ticket.id, assignee_id=uuid.uuid4())
    with pytest.raises(NotFound, match="ticket"):
        await tickets.assign(session, ticket_id=uuid.uuid4(), assignee_id=staff.id)
    assert (await tickets.assign(session, ticket_id=ticket.id, assignee_id=None)).assignee_id is None
    _, first, second = await audits(session, ticket.id)
    assert (first.actor, first.action, first.patient_id) == ("token:desk", "ticket.assign", patient.id)
    assert first.details == {"from": None, "to": str(staff.id)}
    assert second.details == {"from": str(staff.id), "to": None}


async def test_comments_keep_their_order_and_are_audited(session: AsyncSession, now: datetime) -> None:
    ticket = await open_ticket(session, now)
    first = await tickets.comment(session, ticket_id=ticket.id, author="token:desk", body="Called, no answer")
    second = await tickets.comment(
        session, ticket_id=ticket.id, author="token:nurse", body="  Left a voicemail "
    )
    assert second.body == "Left a voicemail" and first.created_at < second.created_at
    session.expunge(ticket)  # reload from the database: the order is the database's, not the list's
    reloaded = await tickets.get(session, ticket_id=ticket.id)
    assert [c.id for c in reloaded.comments] == [first.id, second.id]
    with pytest.raises(InvalidInput, match="body"):
        await tickets.comment(session, ticket_id=ticket.id, author="token:desk", body=" ")
    with pytest.raises(NotFound):
        await tickets.comment(session, ticket_id=uuid.uuid4(), author="token:desk", body="hello")
    entries = [e for e in await audits(session, ticket.id) if e.action == "ticket.comment"]
    assert [(e.actor, e.details) for e in entries] == [
        ("token:desk", {"comment_id": str(first.id)}),
        ("token:nurse", {"comment_id": str(second.id)}),
    ]


async def test_events_commit_and_roll_back_with_the_ticket(runtime: Any, now: datetime) -> None:
    """The outbox row is written in the caller's transaction: it exists exactly when the ticket does."""
    async with runtime.sessions() as session, session.begin():
        kept = await open_ticket(session, now)
    async with runtime.sessions() as session, session.begin():
        dropped = await open_ticket(session, now)
        assert [e.topic for e in await events(session, dropped.id)] == ["ticket.opened"]
        await session.rollback()
    async with runtime.sessions() as check:
        assert await check.get(Ticket, kept.id) is not None
        assert [e.topic for e in await events(check, kept.id)] == ["ticket.opened"]
        assert await check.get(Ticket, dropped.id) is None
        assert await events(check, dropped.id) == []
