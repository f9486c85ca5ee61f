"""Timed messages about an appointment: the reminder before it, the follow-up after it, confirmation.

Nothing is scheduled ahead. A sweep (the worker, every minute) asks what is due *now* and reads
each appointment as it is at that moment, so a cancelled appointment simply stops being due and a
rescheduled one — a new row, `rescheduled_from_id` naming the old — is due at its new time. No
job has to be found and cancelled when plans change, and a sweep that missed a minute catches up.

The rules, with their reasons:
- A reminder is due from `lead` (24 h) before the start, and only for appointments still booked.
  An appointment less than `MIN_NOTICE` (2 h) away gets none, whether it was booked late or the
  sweep fell behind: the patient has just been told, or there is no time left to act on a reply.
  One booked, say, 10 h ahead is reminded at the next sweep.
- A follow-up is due `after` (2 h) the end of a visit that took place — fulfilled, or still
  booked/arrived/checked-in because nobody closed it — and for `FOLLOWUP_WINDOW` (3 days) at
  most: a "how did it go?" a week later, after an outage, is noise.
- Sweeps lock what they return with `FOR UPDATE SKIP LOCKED`, so two workers sweeping at once
  never take the same appointment; mark it sent in the same transaction before committing.
- Patients who opted out of messages are not returned at all.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from store.audit import service as audit
from store.errors import Conflict, InvalidTransition
from store.journeys import service as journeys
from store.patients.models import Patient
from store.scheduling.appointments import lock_appointment
from store.scheduling.models import Appointment, AppointmentStatus

REMINDER_LEAD = timedelta(hours=24)
MIN_NOTICE = timedelta(hours=2)
FOLLOWUP_AFTER = timedelta(hours=2)
FOLLOWUP_WINDOW = timedelta(days=3)
VISITED = (
    AppointmentStatus.BOOKED,
    AppointmentStatus.ARRIVED,
    AppointmentStatus.CHECKED_IN,
    AppointmentStatus.FULFILLED,
)
VISIT_OVER = "appointment.fulfilled"  # the journey event the post-visit follow-up stands for
DEFAULT_LIMIT = 100


def _claimable(query: Select[Appointment], limit: int) -> Select[Appointment]:
    """Only patients who accept messages; locked, skipping rows another sweep holds."""
    consenting = select(Patient.id).where(Patient.consent_messaging.is_(True))
    return (
        query.where(Appointment.patient_id.in_(consenting))
        .limit(limit)
        .with_for_update(of=Appointment, skip_locked=True)
        .execution_options(populate_existing=True)
    )


async def due_reminders(
    session: AsyncSession, *, now: datetime, lead: timedelta = REMINDER_LEAD, limit: int = DEFAULT_LIMIT
) -> list[Appointment]:
    """Booked appointments starting in [now + 2 h, now + lead] whose reminder is not sent, soonest first."""
    query = (
        select(Appointment)
        .where(
            Appointment.status == AppointmentStatus.BOOKED,
            Appointment.reminder_sent_at.is_(None),
            Appointment.start_at >= now + MIN_NOTICE,
            Appointment.start_at <= now + lead,
        )
        .order_by(Appointment.start_at, Appointment.id)
    )
    return list(await session.scalars(_claimable(query, limit)))


async def due_followups(
    session: AsyncSession, *, now: datetime, after: timedelta = FOLLOWUP_AFTER, limit: int = DEFAULT_LIMIT
) -> list[Appointment]:
    """Visits that ended between 3 days and `after` ago, not yet followed up, earliest first."""
    query = (
        select(Appointment)
        .where(
            Appointment.status.in_(VISITED),
            Appointment.followup_sent_at.is_(None),
            Appointment.end_at <= now - after,
            Appointment.end_at > now - FOLLOWUP_WINDOW,
        )
        .order_by(Appointment.end_at, Appointment.id)
    )
    return list(await session.scalars(_claimable(query, limit)))


async def mark_reminder_sent(
    session: AsyncSession, *, appointment_id: uuid.UUID, now: datetime
) -> Appointment:
    """Record the reminder as sent (the first time counts; marking again changes nothing)."""
    appointment = await lock_appointment(session, appointment_id=appointment_id)
    if appointment.reminder_sent_at is None:
        appointment.reminder_sent_at = now
        await session.flush()
    return appointment


async def mark_followup_sent(
    session: AsyncSession, *, appointment_id: uuid.UUID, now: datetime
) -> Appointment:
    """Record the follow-up as sent, and tell the patient's journeys that the visit is over.

    The follow-up is where the clinic treats the visit as done, so it is the moment journeys
    waiting for `appointment.fulfilled` move on (the demo's onboarding completes, the reminder
    journey ends) and those it triggers start (the demo's post-visit follow-up, whose check-in
    question the patient's answer to the follow-up then fills).
    """
    appointment = await lock_appointment(session, appointment_id=appointment_id)
    if appointment.followup_sent_at is not None:
        return appointment
    appointment.followup_sent_at = now
    await session.flush()
    await journeys.handle_event(
        session,
        patient_id=appointment.patient_id,
        event=VISIT_OVER,
        now=now,
        context={"appointment_start": appointment.start_at.isoformat()},
    )
    return appointment


async def confirm(
    session: AsyncSession,
    *,
    appointment_id: uuid.UUID,
    patient_id: uuid.UUID,
    now: datetime,
    actor: str = "agent",
) -> Appointment:
    """The patient confirms they will come. Their own booked, future appointment only.

    NotFound for anyone else's; InvalidTransition when it is no longer booked (cancelled, moved);
    Conflict once it has started. Confirming twice keeps the first time.
    """
    appointment = await lock_appointment(session, appointment_id=appointment_id, patient_id=patient_id)
    if appointment.status != AppointmentStatus.BOOKED:
        raise InvalidTransition("appointment", appointment.status.value, "confirmed", [])
    if appointment.start_at <= now:
        raise Conflict("the appointment has already started")
    if appointment.confirmed_at is None:
        appointment.confirmed_at = now
        await session.flush()
        await audit.record(
            session,
            actor=actor,
            action="appointment.confirm",
            resource_type="appointment",
            resource_id=appointment.id,
            patient_id=appointment.patient_id,
        )
    return appointment
