"""Holding, booking, cancelling and rescheduling, safe under concurrency and retries.

Two layers keep double bookings out. Python locks the slot row (`SELECT ... FOR UPDATE`) and
checks it is free, which settles the common race politely; the database has the last word
(`uq_appointments_active_slot`, and `ex_appointments_no_overlap` across overlapping slots of one
practitioner). The insert runs in a SAVEPOINT so a constraint violation becomes `SlotUnavailable`
and leaves the caller's transaction usable. Every write also appends an outbox event and an audit
entry in the same transaction; `idempotency_key` makes a retried call return the first result.
"""

from __future__ import annotations

import asyncio
import random
import uuid
from datetime import datetime, timedelta
from typing import Any

import psycopg
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from store.audit import service as audit
from store.errors import InvalidInput, InvalidTransition, NotFound
from store.outbox import service as outbox
from store.patients import service as patients
from store.scheduling.appointments import lock_appointment
from store.scheduling.errors import IdempotencyKeyReused, SlotUnavailable
from store.scheduling.models import Appointment, AppointmentStatus, Slot, SlotStatus
from store.scheduling.slots import nearest_free

CANCELLABLE = (
    AppointmentStatus.PROPOSED,
    AppointmentStatus.PENDING,
    AppointmentStatus.BOOKED,
    AppointmentStatus.WAITLIST,
)
_SLOT_TAKEN = {"uq_appointments_active_slot", "ex_appointments_no_overlap"}
# Many overlapping bookings at once can deadlock again and again (each retry may meet a new
# cycle); a few jittered retries settle them, and only a last resort counts as a lost race.
DEADLOCK_ATTEMPTS = 8
_AUDIT_ACTION = {"booked": "book", "cancelled": "cancel", "rescheduled": "reschedule"}


def _available(slot: Slot, now: datetime, hold_token: str | None) -> bool:
    """Whether the (locked) slot can be taken at `now` by the holder of `hold_token`."""
    if slot.start_at < now or not slot.schedule.active or not slot.schedule.practitioner.active:
        return False
    if slot.status == SlotStatus.FREE:
        return True
    if slot.status != SlotStatus.BUSY_TENTATIVE:
        return False
    own_hold = hold_token is not None and slot.hold_token == hold_token
    expired = slot.hold_expires_at is not None and slot.hold_expires_at <= now
    return own_hold or expired


async def _lock_slot(session: AsyncSession, slot_id: uuid.UUID) -> Slot:
    """The slot row, locked until the transaction ends, as the database has it now."""
    query = (
        select(Slot)
        .where(Slot.id == slot_id)
        .with_for_update(of=Slot)
        .execution_options(populate_existing=True)
    )
    slot = await session.scalar(query)
    if slot is None:
        raise NotFound("slot", slot_id)
    return slot


async def _unavailable(session: AsyncSession, slot: Slot, now: datetime) -> SlotUnavailable:
    return SlotUnavailable(slot.id, await nearest_free(session, slot=slot, now=now))


async def _by_key(session: AsyncSession, key: str) -> Appointment | None:
    return await session.scalar(select(Appointment).where(Appointment.idempotency_key == key))


def _constraint(error: DBAPIError) -> str | None:
    diag = getattr(error.orig, "diag", None)
    return getattr(diag, "constraint_name", None)


def _deadlocked(error: DBAPIError) -> bool:
    return isinstance(error.orig, psycopg.errors.DeadlockDetected)


def _lost_race(error: DBAPIError) -> bool:
    """Another transaction took the slot, or an overlapping one, first."""
    return (isinstance(error, IntegrityError) and _constraint(error) in _SLOT_TAKEN) or _deadlocked(error)


async def _insert(session: AsyncSession, values: dict[str, Any]) -> Appointment:
    """Insert the appointment in a SAVEPOINT, so a refusal leaves the caller's transaction usable.

    Two transactions inserting overlapping appointments at once can each wait for the other
    inside the exclusion check, and Postgres breaks the tie by failing one. Rolling back our
    savepoint releases the other; trying again then waits for its outcome and settles ours
    truly (a violation if it committed, success if it did not) instead of refusing a free slot.
    Retries wait a little, at random, so that the same transactions do not meet in the same order.
    """
    attempt = 1
    while True:
        appointment = Appointment(**values)
        try:
            async with session.begin_nested():
                session.add(appointment)
                await session.flush()
            return appointment
        except DBAPIError as error:
            if not _deadlocked(error) or attempt == DEADLOCK_ATTEMPTS:
                raise
        await asyncio.sleep(random.uniform(0, 0.01 * attempt))  # jitter, not secrecy
        attempt += 1


async def hold_slot(
    session: AsyncSession,
    *,
    slot_id: uuid.UUID,
    hold_token: str,
    now: datetime,
    ttl: timedelta = timedelta(minutes=10),
) -> Slot:
    """Mark the slot busy-tentative for `ttl`; the same token may renew its own hold."""
    if not hold_token or len(hold_token) > 64:
        raise InvalidInput("hold_token", "must be 1 to 64 characters")
    if ttl <= timedelta(0):
        raise InvalidInput("ttl", "must be positive")
    slot = await _lock_slot(session, slot_id)
    if not _available(slot, now, hold_token):
        raise await _unavailable(session, slot, now)
    slot.status = SlotStatus.BUSY_TENTATIVE
    slot.hold_token = hold_token
    slot.hold_expires_at = now + ttl
    await session.flush()
    return slot


async def _take(
    session: AsyncSession,
    *,
    slot_id: uuid.UUID,
    patient_id: uuid.UUID,
    reason: str | None,
    now: datetime,
    idempotency_key: str | None,
    hold_token: str | None,
    rescheduled_from_id: uuid.UUID | None = None,
) -> tuple[Appointment, bool]:
    """Book the slot: (appointment, True), or (the earlier appointment, False) on a replayed key."""
    await patients.get(session, patient_id=patient_id)
    slot = await _lock_slot(session, slot_id)
    # Checked under the slot lock: a concurrent twin with this key has committed by now.
    if idempotency_key is not None and (earlier := await _by_key(session, idempotency_key)) is not None:
        if (earlier.patient_id, earlier.slot_id) != (patient_id, slot_id):
            raise IdempotencyKeyReused()
        return earlier, False
    if not _available(slot, now, hold_token):
        raise await _unavailable(session, slot, now)
    practitioner = slot.schedule.practitioner
    values: dict[str, Any] = {
        "patient_id": patient_id,
        "practitioner": practitioner,
        "location": slot.schedule.location,
        "slot_id": slot.id,
        "start_at": slot.start_at,
        "end_at": slot.end_at,
        "status": AppointmentStatus.BOOKED,
        "specialty": practitioner.specialty,
        "reason": reason,
        "idempotency_key": idempotency_key,
        "rescheduled_from_id": rescheduled_from_id,
    }
    try:
        appointment = await _insert(session, values)
    except DBAPIError as error:
        if _lost_race(error):
            raise await _unavailable(session, slot, now) from error
        if _constraint(error) == "uq_appointments_idempotency_key":
            raise IdempotencyKeyReused() from error
        raise
    slot.status = SlotStatus.BUSY
    slot.hold_token = None
    slot.hold_expires_at = None
    await session.flush()
    return appointment, True


def _ids(appointment: Appointment) -> dict[str, str | None]:
    """An event payload: ids only, never PHI."""
    return {
        "appointment_id": str(appointment.id),
        "patient_id": str(appointment.patient_id),
        "practitioner_id": str(appointment.practitioner_id),
        "slot_id": str(appointment.slot_id),
        "rescheduled_from_id": str(appointment.rescheduled_from_id)
        if appointment.rescheduled_from_id
        else None,
    }


async def _record(session: AsyncSession, appointment: Appointment, *, topic: str, actor: str) -> None:
    """The outbox event and the audit entry for a change to `appointment`."""
    await outbox.emit(session, topic=f"appointment.{topic}", payload=_ids(appointment))
    await audit.record(
        session,
        actor=actor,
        action=f"appointment.{_AUDIT_ACTION[topic]}",
        resource_type="appointment",
        resource_id=appointment.id,
        patient_id=appointment.patient_id,
        details={"slot_id": str(appointment.slot_id)},
    )


async def book(
    session: AsyncSession,
    *,
    slot_id: uuid.UUID,
    patient_id: uuid.UUID,
    reason: str | None,
    now: datetime,
    idempotency_key: str | None = None,
    hold_token: str | None = None,
    actor: str = "system",
) -> Appointment:
    """Book `slot_id` for the patient (`SlotUnavailable` with alternatives when it is taken).

    A slot held with `hold_token` can be booked by that token's holder only, until the hold expires.
    """
    appointment, created = await _take(
        session,
        slot_id=slot_id,
        patient_id=patient_id,
        reason=reason,
        now=now,
        idempotency_key=idempotency_key,
        hold_token=hold_token,
    )
    if created:
        await _record(session, appointment, topic="booked", actor=actor)
    return appointment


async def _release(
    session: AsyncSession, appointment: Appointment, *, now: datetime, reason: str | None
) -> None:
    """Cancel a locked appointment and free its slot."""
    if appointment.status not in CANCELLABLE:
        raise InvalidTransition(
            "appointment", appointment.status.value, AppointmentStatus.CANCELLED.value, []
        )
    appointment.status = AppointmentStatus.CANCELLED
    appointment.cancelled_at = now
    appointment.cancellation_reason = reason
    slot = await _lock_slot(session, appointment.slot_id)
    if slot.status == SlotStatus.BUSY:
        slot.status = SlotStatus.FREE
    await session.flush()
    await session.refresh(appointment, ["updated_at"])  # set by the database on UPDATE


async def cancel(
    session: AsyncSession,
    *,
    appointment_id: uuid.UUID,
    now: datetime,
    patient_id: uuid.UUID | None = None,
    reason: str | None = None,
    actor: str = "system",
) -> Appointment:
    """Cancel and free the slot; cancelling a cancelled appointment returns it unchanged."""
    appointment = await lock_appointment(session, appointment_id=appointment_id, patient_id=patient_id)
    if appointment.status == AppointmentStatus.CANCELLED:
        return appointment
    await _release(session, appointment, now=now, reason=reason)
    await _record(session, appointment, topic="cancelled", actor=actor)
    return appointment


async def reschedule(
    session: AsyncSession,
    *,
    appointment_id: uuid.UUID,
    new_slot_id: uuid.UUID,
    now: datetime,
    patient_id: uuid.UUID | None = None,
    idempotency_key: str | None = None,
    actor: str = "system",
) -> Appointment:
    """Move an appointment: book the new slot, then cancel the old one, atomically.

    Returns the new appointment (`rescheduled_from_id` names the old). On `SlotUnavailable`
    nothing has changed: the old appointment is still booked.
    """
    old = await lock_appointment(session, appointment_id=appointment_id, patient_id=patient_id)
    if idempotency_key is not None and (earlier := await _by_key(session, idempotency_key)) is not None:
        if earlier.rescheduled_from_id != old.id or earlier.slot_id != new_slot_id:
            raise IdempotencyKeyReused()
        return earlier
    if old.status not in CANCELLABLE:
        raise InvalidTransition("appointment", old.status.value, AppointmentStatus.CANCELLED.value, [])
    if old.slot_id == new_slot_id:
        raise InvalidInput("slot_id", "is the appointment's current slot")
    new, _ = await _take(
        session,
        slot_id=new_slot_id,
        patient_id=old.patient_id,
        reason=old.reason,
        now=now,
        idempotency_key=idempotency_key,
        hold_token=None,
        rescheduled_from_id=old.id,
    )
    await _release(session, old, now=now, reason="rescheduled")
    await _record(session, new, topic="rescheduled", actor=actor)
    return new
