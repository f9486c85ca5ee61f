"""Hold, book, cancel, reschedule: availability, holds, idempotency, ownership, events and audit."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from store.audit.models import AuditEntry
from store.errors import InvalidInput, InvalidTransition, NotFound
from store.outbox.models import OutboxEvent
from store.scheduling import service as scheduling
from store.scheduling.models import Appointment, AppointmentStatus, SlotStatus


async def _events(session: AsyncSession, appointment_id: uuid.UUID) -> list[OutboxEvent]:
    query = select(OutboxEvent).where(OutboxEvent.payload["appointment_id"].astext == str(appointment_id))
    return list(await session.scalars(query.order_by(OutboxEvent.id)))


async def _audit(session: AsyncSession, appointment_id: uuid.UUID) -> list[AuditEntry]:
    query = select(AuditEntry).where(AuditEntry.resource_id == str(appointment_id))
    return list(await session.scalars(query.order_by(AuditEntry.id)))


async def _book(session: AsyncSession, clinic: Any, slot: Any, **kwargs: Any) -> Appointment:
    args = {"patient_id": clinic.patient.id, "reason": "rash", "now": clinic.now} | kwargs
    return await scheduling.book(session, slot_id=slot.id, **args)


async def test_book_creates_appointment_marks_slot_emits_and_audits(
    session: AsyncSession, clinic: Any
) -> None:
    slot = clinic.slots["derm_a"][0]
    appointment = await _book(session, clinic, slot, actor="token:desk")
    assert appointment.status == AppointmentStatus.BOOKED
    assert (appointment.practitioner_id, appointment.specialty) == (clinic.derm_a.id, "dermatology")
    assert (appointment.start_at, appointment.end_at) == (slot.start_at, slot.end_at)
    assert appointment.location.id == clinic.location.id and appointment.created_at is not None
    assert slot.status == SlotStatus.BUSY
    [event] = await _events(session, appointment.id)
    assert event.topic == "appointment.booked"
    assert event.payload["patient_id"] == str(clinic.patient.id)
    assert set(event.payload) == {
        "appointment_id",
        "patient_id",
        "practitioner_id",
        "slot_id",
        "rescheduled_from_id",
    }
    [entry] = await _audit(session, appointment.id)
    assert (entry.actor, entry.action, entry.patient_id) == (
        "token:desk",
        "appointment.book",
        clinic.patient.id,
    )


async def test_taken_slot_is_refused_with_three_nearby_alternatives(
    session: AsyncSession, clinic: Any
) -> None:
    slot = clinic.slots["derm_a"][4]  # Monday 11:00
    await _book(session, clinic, slot)
    with pytest.raises(scheduling.SlotUnavailable) as raised:
        await _book(session, clinic, slot, patient_id=clinic.other.id)
    error = raised.value
    assert error.slot_id == slot.id and error.code == "slot_unavailable"
    assert [a.start_at for a in error.alternatives] == [
        clinic.at(0, 11),
        clinic.at(0, 10, 30),
        clinic.at(0, 10, 30),
    ]
    body = error.to_json()
    assert body["slot_id"] == str(slot.id)
    assert set(body["alternatives"][0]) == {
        "id",
        "start",
        "end",
        "practitioner_id",
        "practitioner",
        "specialty",
    }
    assert body["alternatives"][0]["practitioner"] == "Dr. Ben Brown"
    assert await session.scalar(select(func.count()).where(Appointment.slot_id == slot.id)) == 1


async def test_past_slot_and_unknown_ids_are_refused(session: AsyncSession, clinic: Any) -> None:
    slot = clinic.slots["derm_a"][0]
    with pytest.raises(scheduling.SlotUnavailable):
        await _book(session, clinic, slot, now=slot.start_at + timedelta(minutes=1))
    with pytest.raises(NotFound, match="slot"):
        await scheduling.book(
            session, slot_id=uuid.uuid4(), patient_id=clinic.patient.id, reason=None, now=clinic.now
        )
    with pytest.raises(NotFound, match="patient"):
        await _book(session, clinic, slot, patient_id=uuid.uuid4())
    assert slot.status == SlotStatus.FREE


async def test_same_idempotency_key_books_once(session: AsyncSession, clinic: Any) -> None:
    slot = clinic.slots["derm_b"][0]
    first = await _book(session, clinic, slot, idempotency_key="thread-1:step-3:call-1")
    again = await _book(session, clinic, slot, idempotency_key="thread-1:step-3:call-1")
    assert again.id == first.id
    assert len(await _events(session, first.id)) == 1 and len(await _audit(session, first.id)) == 1
    with pytest.raises(scheduling.IdempotencyKeyReused):
        await _book(session, clinic, clinic.slots["derm_b"][1], idempotency_key="thread-1:step-3:call-1")


async def test_hold_blocks_others_until_it_expires(session: AsyncSession, clinic: Any) -> None:
    slot = clinic.slots["cardio"][0]
    held = await scheduling.hold_slot(session, slot_id=slot.id, hold_token="conv-a", now=clinic.now)
    assert held.status == SlotStatus.BUSY_TENTATIVE
    assert held.hold_expires_at == clinic.now + timedelta(minutes=10)
    with pytest.raises(scheduling.SlotUnavailable):
        await scheduling.hold_slot(session, slot_id=slot.id, hold_token="conv-b", now=clinic.now)
    with pytest.raises(scheduling.SlotUnavailable):
        await _book(session, clinic, slot, patient_id=clinic.other.id)  # no token
    renewed = await scheduling.hold_slot(
        session, slot_id=slot.id, hold_token="conv-a", now=clinic.now + timedelta(minutes=5)
    )
    assert renewed.hold_expires_at == clinic.now + timedelta(minutes=15)
    later = clinic.now + timedelta(minutes=16)
    await scheduling.hold_slot(session, slot_id=slot.id, hold_token="conv-b", now=later)
    assert slot.hold_token == "conv-b"


async def test_holder_books_its_held_slot_and_the_hold_is_cleared(session: AsyncSession, clinic: Any) -> None:
    slot = clinic.slots["cardio"][1]
    await scheduling.hold_slot(
        session, slot_id=slot.id, hold_token="conv-a", now=clinic.now, ttl=timedelta(minutes=2)
    )
    appointment = await _book(session, clinic, slot, hold_token="conv-a")
    assert appointment.slot_id == slot.id
    assert (slot.status, slot.hold_token, slot.hold_expires_at) == (SlotStatus.BUSY, None, None)


async def test_expired_hold_can_be_booked_by_anyone(session: AsyncSession, clinic: Any) -> None:
    slot = clinic.slots["cardio"][2]
    await scheduling.hold_slot(
        session, slot_id=slot.id, hold_token="conv-a", now=clinic.now, ttl=timedelta(minutes=2)
    )
    appointment = await _book(
        session, clinic, slot, patient_id=clinic.other.id, now=clinic.now + timedelta(minutes=3)
    )
    assert appointment.patient_id == clinic.other.id


async def test_hold_input_is_validated(session: AsyncSession, clinic: Any) -> None:
    slot_id = clinic.slots["cardio"][0].id
    with pytest.raises(InvalidInput, match="hold_token"):
        await scheduling.hold_slot(session, slot_id=slot_id, hold_token="", now=clinic.now)
    with pytest.raises(InvalidInput, match="ttl"):
        await scheduling.hold_slot(session, slot_id=slot_id, hold_token="t", now=clinic.now, ttl=timedelta(0))


async def test_cancel_frees_the_slot_once_and_only_for_the_owner(session: AsyncSession, clinic: Any) -> None:
    slot = clinic.slots["derm_a"][2]
    appointment = await _book(session, clinic, slot)
    with pytest.raises(NotFound):
        await scheduling.cancel(
            session, appointment_id=appointment.id, now=clinic.now, patient_id=clinic.other.id
        )
    assert appointment.status == AppointmentStatus.BOOKED
    cancelled = await scheduling.cancel(
        session, appointment_id=appointment.id, now=clinic.now, patient_id=clinic.patient.id, reason="better"
    )
    assert (cancelled.status, cancelled.cancelled_at, cancelled.cancellation_reason) == (
        AppointmentStatus.CANCELLED,
        clinic.now,
        "better",
    )
    assert cancelled.updated_at is not None
    assert slot.status == SlotStatus.FREE
    again = await scheduling.cancel(session, appointment_id=appointment.id, now=clinic.now)
    assert again.id == appointment.id
    assert [e.topic for e in await _events(session, appointment.id)] == [
        "appointment.booked",
        "appointment.cancelled",
    ]
    rebooked = await _book(session, clinic, slot, patient_id=clinic.other.id)
    assert rebooked.slot_id == slot.id
    with pytest.raises(NotFound):
        await scheduling.cancel(session, appointment_id=uuid.uuid4(), now=clinic.now)


async def test_cancel_refuses_an_appointment_that_has_happened(session: AsyncSession, clinic: Any) -> None:
    appointment = await _book(session, clinic, clinic.slots["derm_a"][3])
    appointment.status = AppointmentStatus.FULFILLED
    await session.flush()
    with pytest.raises(InvalidTransition):
        await scheduling.cancel(session, appointment_id=appointment.id, now=clinic.now)


async def test_reschedule_books_new_then_cancels_old(session: AsyncSession, clinic: Any) -> None:
    old_slot, new_slot = clinic.slots["derm_a"][0], clinic.slots["derm_b"][5]
    old = await _book(session, clinic, old_slot)
    new = await scheduling.reschedule(
        session, appointment_id=old.id, new_slot_id=new_slot.id, now=clinic.now, patient_id=clinic.patient.id
    )
    assert (new.status, new.rescheduled_from_id, new.practitioner_id) == (
        AppointmentStatus.BOOKED,
        old.id,
        clinic.derm_b.id,
    )
    assert (new.patient_id, new.reason) == (clinic.patient.id, "rash")
    assert (old.status, old.cancellation_reason) == (AppointmentStatus.CANCELLED, "rescheduled")
    assert (old_slot.status, new_slot.status) == (SlotStatus.FREE, SlotStatus.BUSY)
    assert [e.topic for e in await _events(session, new.id)] == ["appointment.rescheduled"]
    assert [e.action for e in await _audit(session, new.id)] == ["appointment.reschedule"]


async def test_reschedule_to_a_taken_slot_changes_nothing(session: AsyncSession, clinic: Any) -> None:
    old_slot, taken = clinic.slots["cardio"][0], clinic.slots["cardio"][1]
    old = await _book(session, clinic, old_slot)
    await _book(session, clinic, taken, patient_id=clinic.other.id)
    with pytest.raises(scheduling.SlotUnavailable) as raised:
        await scheduling.reschedule(session, appointment_id=old.id, new_slot_id=taken.id, now=clinic.now)
    assert raised.value.alternatives
    await session.refresh(old)
    assert old.status == AppointmentStatus.BOOKED and old_slot.status == SlotStatus.BUSY
    assert [e.topic for e in await _events(session, old.id)] == ["appointment.booked"]


async def test_reschedule_ownership_idempotency_and_same_slot(session: AsyncSession, clinic: Any) -> None:
    old = await _book(session, clinic, clinic.slots["cardio"][3])
    target = clinic.slots["cardio"][6]
    with pytest.raises(NotFound):
        await scheduling.reschedule(
            session, appointment_id=old.id, new_slot_id=target.id, now=clinic.now, patient_id=clinic.other.id
        )
    with pytest.raises(InvalidInput, match="slot_id"):
        await scheduling.reschedule(session, appointment_id=old.id, new_slot_id=old.slot_id, now=clinic.now)
    key = f"resched-{uuid.uuid4()}"
    first = await scheduling.reschedule(
        session, appointment_id=old.id, new_slot_id=target.id, now=clinic.now, idempotency_key=key
    )
    again = await scheduling.reschedule(
        session, appointment_id=old.id, new_slot_id=target.id, now=clinic.now, idempotency_key=key
    )
    assert again.id == first.id and len(await _events(session, first.id)) == 1
    with pytest.raises(InvalidTransition):  # already moved, and no key to replay
        await scheduling.reschedule(session, appointment_id=old.id, new_slot_id=target.id, now=clinic.now)


async def test_overlapping_slots_of_one_practitioner_cannot_both_be_booked(
    session: AsyncSession, clinic: Any
) -> None:
    """The exclusion constraint, not the slot status, refuses the second; the session stays usable."""
    [overlapping] = await scheduling.create_slots(
        session,
        schedule_id=clinic.schedules["derm_a"].id,
        intervals=[(clinic.at(0, 9, 15), clinic.at(0, 9, 45))],
    )
    await _book(session, clinic, clinic.slots["derm_a"][0])
    with pytest.raises(scheduling.SlotUnavailable) as raised:
        await _book(session, clinic, overlapping, patient_id=clinic.other.id)
    assert overlapping.id not in {a.id for a in raised.value.alternatives}
    assert overlapping.status == SlotStatus.FREE
    assert await _book(session, clinic, clinic.slots["derm_a"][2])  # the transaction goes on
