"""Reminders and follow-ups read the appointment as it is now: due windows, changes of plan, locks."""

from __future__ import annotations

import secrets
import uuid
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from store.audit.models import AuditEntry
from store.database import transaction
from store.errors import Conflict, InvalidTransition, NotFound
from store.journeys import service as journeys
from store.journeys.models import JourneyInstance
from store.scheduling import reminders
from store.scheduling import service as scheduling
from store.scheduling.models import Appointment, AppointmentStatus


async def _book(session: AsyncSession, clinic: Any, slot: Any, now: datetime | None = None) -> Appointment:
    return await scheduling.book(
        session, slot_id=slot.id, patient_id=clinic.patient.id, reason=None, now=now or clinic.now
    )


def _slot(clinic: Any, day: int, hour: int, minute: int = 0) -> Any:
    start = clinic.at(day, hour, minute)
    return next(s for s in clinic.slots["derm_a"] if s.start_at == start)


async def _reminded(session: AsyncSession, now: datetime, *ours: Appointment) -> list[uuid.UUID]:
    wanted = {a.id for a in ours}
    return [a.id for a in await reminders.due_reminders(session, now=now) if a.id in wanted]


async def _followed(session: AsyncSession, now: datetime, *ours: Appointment) -> list[uuid.UUID]:
    wanted = {a.id for a in ours}
    return [a.id for a in await reminders.due_followups(session, now=now) if a.id in wanted]


async def test_a_reminder_is_due_from_24_hours_before_until_2_hours_before(
    session: AsyncSession, clinic: Any
) -> None:
    visit = await _book(session, clinic, _slot(clinic, 1, 10))  # Tuesday 10:00
    assert await _reminded(session, clinic.at(0, 9, 59), visit) == []  # 24 h 1 min ahead
    assert await _reminded(session, clinic.at(0, 10), visit) == [visit.id]
    assert await _reminded(session, clinic.at(1, 8), visit) == [visit.id]  # exactly 2 h ahead
    assert await _reminded(session, clinic.at(1, 8, 1), visit) == []  # too late to act on


async def test_a_late_booking_is_reminded_at_once_unless_it_is_within_two_hours(
    session: AsyncSession, clinic: Any
) -> None:
    evening_booking = clinic.at(0, 19)
    soon = await _book(session, clinic, _slot(clinic, 1, 9), now=evening_booking)  # 14 h ahead
    assert await _reminded(session, evening_booking, soon) == [soon.id]
    now = clinic.at(1, 12)
    imminent = await _book(session, clinic, _slot(clinic, 1, 13, 30), now=now)  # 1 h 30 ahead
    assert await _reminded(session, now, imminent) == []


async def test_once_marked_sent_a_reminder_is_not_due_again(session: AsyncSession, clinic: Any) -> None:
    visit = await _book(session, clinic, _slot(clinic, 1, 10))
    now = clinic.at(0, 12)
    first = await reminders.mark_reminder_sent(session, appointment_id=visit.id, now=now)
    assert first.reminder_sent_at == now and await _reminded(session, now, visit) == []
    again = await reminders.mark_reminder_sent(session, appointment_id=visit.id, now=now + timedelta(hours=1))
    assert again.reminder_sent_at == now


async def test_rescheduling_moves_the_reminder_and_cancelling_removes_it(
    session: AsyncSession, clinic: Any
) -> None:
    visit = await _book(session, clinic, _slot(clinic, 1, 10))
    await reminders.mark_reminder_sent(session, appointment_id=visit.id, now=clinic.at(0, 10))
    moved = await scheduling.reschedule(
        session, appointment_id=visit.id, new_slot_id=_slot(clinic, 2, 15).id, now=clinic.at(0, 11)
    )
    assert await _reminded(session, clinic.at(1, 9), visit, moved) == []  # the old time: nothing
    assert await _reminded(session, clinic.at(1, 15), visit, moved) == [moved.id]  # 24 h before the new
    await scheduling.cancel(session, appointment_id=moved.id, now=clinic.at(1, 14))
    assert await _reminded(session, clinic.at(1, 15), visit, moved) == []


async def test_patients_who_opted_out_get_no_reminder_or_follow_up(
    session: AsyncSession, clinic: Any
) -> None:
    visit = await _book(session, clinic, _slot(clinic, 1, 10))
    clinic.patient.consent_messaging = False
    await session.flush()
    assert await _reminded(session, clinic.at(0, 12), visit) == []
    assert await _followed(session, clinic.at(1, 13), visit) == []


async def test_a_follow_up_is_due_two_hours_after_the_visit_for_three_days(
    session: AsyncSession, clinic: Any
) -> None:
    visit = await _book(session, clinic, _slot(clinic, 0, 9))  # Monday 09:00-09:30
    assert await _followed(session, clinic.at(0, 11, 29), visit) == []
    assert await _followed(session, clinic.at(0, 11, 30), visit) == [visit.id]  # still "booked": it happened
    assert await _followed(session, clinic.at(3, 9, 29), visit) == [visit.id]
    assert await _followed(session, clinic.at(3, 9, 30), visit) == []  # three days on: too late


@pytest.mark.parametrize(
    ("status", "due"),
    [
        (AppointmentStatus.FULFILLED, True),
        (AppointmentStatus.ARRIVED, True),
        (AppointmentStatus.NOSHOW, False),
        (AppointmentStatus.ENTERED_IN_ERROR, False),
    ],
)
async def test_only_visits_that_took_place_are_followed_up(
    session: AsyncSession, clinic: Any, status: AppointmentStatus, due: bool
) -> None:
    visit = await _book(session, clinic, _slot(clinic, 0, 9))
    visit.status = status
    await session.flush()
    assert await _followed(session, clinic.at(0, 12), visit) == ([visit.id] if due else [])


async def test_a_cancelled_visit_gets_no_follow_up(session: AsyncSession, clinic: Any) -> None:
    visit = await _book(session, clinic, _slot(clinic, 0, 9))
    await scheduling.cancel(session, appointment_id=visit.id, now=clinic.now)
    assert await _followed(session, clinic.at(0, 12), visit) == []


async def test_marking_a_follow_up_sent_ends_the_visit_for_the_journeys(
    session: AsyncSession, clinic: Any
) -> None:
    key = f"after-visit-{secrets.token_hex(4)}"
    await journeys.create_definition(
        session,
        key=key,
        name="After the visit",
        trigger=reminders.VISIT_OVER,
        stages=[journeys.StageSpec(key="check-in", name="Check-in", asks=["feeling_better"])],
    )
    visit = await _book(session, clinic, _slot(clinic, 0, 9))
    now = clinic.at(0, 12)
    marked = await reminders.mark_followup_sent(session, appointment_id=visit.id, now=now)
    assert marked.followup_sent_at == now and await _followed(session, now, visit) == []
    await reminders.mark_followup_sent(session, appointment_id=visit.id, now=now + timedelta(hours=1))

    instances = list(
        await session.scalars(select(JourneyInstance).where(JourneyInstance.patient_id == clinic.patient.id))
    )
    [started] = [i for i in instances if i.definition.key == key]  # once, though marked twice
    assert started.current_stage_key == "check-in"
    assert started.context["appointment_start"] == visit.start_at.isoformat()
    assert await journeys.pending_question(session, patient_id=clinic.patient.id) == "feeling_better"


async def test_two_sweeps_at_once_never_take_the_same_appointment(runtime: Any, clinic_builder: Any) -> None:
    async with transaction(runtime.sessions) as session:
        clinic = await clinic_builder(session, days=2)
        ours = [await _book(session, clinic, _slot(clinic, 1, hour)) for hour in (9, 10, 11)]
    wanted = {a.id for a in ours}
    now = clinic.at(0, 12)
    async with runtime.sessions() as first, first.begin():
        taken = [a.id for a in await reminders.due_reminders(first, now=now) if a.id in wanted]
        async with runtime.sessions() as second, second.begin():
            skipped = [a.id for a in await reminders.due_reminders(second, now=now) if a.id in wanted]
        for appointment_id in taken:
            await reminders.mark_reminder_sent(first, appointment_id=appointment_id, now=now)
    assert sorted(taken) == sorted(wanted) and skipped == []
    async with runtime.sessions() as third, third.begin():  # committed: nothing is due twice
        assert [a for a in await reminders.due_reminders(third, now=now) if a.id in wanted] == []


async def test_the_patient_confirms_their_own_future_booked_appointment(
    session: AsyncSession, clinic: Any
) -> None:
    visit = await _book(session, clinic, _slot(clinic, 1, 10))
    now = clinic.at(0, 12)
    with pytest.raises(NotFound):
        await reminders.confirm(session, appointment_id=visit.id, patient_id=clinic.other.id, now=now)
    confirmed = await reminders.confirm(
        session, appointment_id=visit.id, patient_id=clinic.patient.id, now=now
    )
    assert confirmed.confirmed_at == now
    again = await reminders.confirm(
        session, appointment_id=visit.id, patient_id=clinic.patient.id, now=now + timedelta(minutes=5)
    )
    assert again.confirmed_at == now
    audited = await session.scalars(
        select(AuditEntry).where(
            AuditEntry.resource_id == str(visit.id), AuditEntry.action == "appointment.confirm"
        )
    )
    assert len(list(audited)) == 1
    with pytest.raises(Conflict, match="already started"):
        await reminders.confirm(
            session, appointment_id=visit.id, patient_id=clinic.patient.id, now=clinic.at(1, 10)
        )


async def test_a_cancelled_appointment_cannot_be_confirmed(session: AsyncSession, clinic: Any) -> None:
    visit = await _book(session, clinic, _slot(clinic, 1, 10))
    await scheduling.cancel(session, appointment_id=visit.id, now=clinic.now)
    with pytest.raises(InvalidTransition, match="cancelled"):
        await reminders.confirm(
            session, appointment_id=visit.id, patient_id=clinic.patient.id, now=clinic.now
        )
