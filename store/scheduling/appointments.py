"""Reading appointments, for staff (any patient) and for a patient (their own only)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from store.errors import InvalidInput, NotFound
from store.patients import service as patients
from store.patients.models import Patient
from store.scheduling.catalog import count
from store.scheduling.models import Appointment, AppointmentStatus


async def get_appointment(
    session: AsyncSession, *, appointment_id: uuid.UUID, patient_id: uuid.UUID | None = None
) -> Appointment:
    """The appointment; NotFound also when `patient_id` is given and it is someone else's."""
    appointment = await session.get(Appointment, appointment_id)
    if appointment is None or (patient_id is not None and appointment.patient_id != patient_id):
        raise NotFound("appointment", appointment_id)
    return appointment


async def lock_appointment(
    session: AsyncSession, *, appointment_id: uuid.UUID, patient_id: uuid.UUID | None = None
) -> Appointment:
    """The appointment, locked for this transaction; NotFound also when it is someone else's."""
    query = (
        select(Appointment)
        .where(Appointment.id == appointment_id)
        .with_for_update(of=Appointment)
        .execution_options(populate_existing=True)
    )
    appointment = await session.scalar(query)
    if appointment is None or (patient_id is not None and appointment.patient_id != patient_id):
        raise NotFound("appointment", appointment_id)
    return appointment


def _status(value: AppointmentStatus | str) -> AppointmentStatus:
    try:
        return AppointmentStatus(value)
    except ValueError:
        expected = ", ".join(s.value for s in AppointmentStatus)
        raise InvalidInput("status", f"must be one of {expected}") from None


async def get_appointments(
    session: AsyncSession,
    *,
    patient_id: uuid.UUID | None = None,
    practitioner_id: uuid.UUID | None = None,
    status: AppointmentStatus | str | None = None,
    start_from: datetime | None = None,
    start_before: datetime | None = None,
    phone: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[Appointment], int]:
    """A page of appointments by start time, and the total; `phone` means the patients on it.

    `start_from` and `start_before` bound the start time as [start_from, start_before).
    """
    query = select(Appointment)
    if patient_id is not None:
        query = query.where(Appointment.patient_id == patient_id)
    if practitioner_id is not None:
        query = query.where(Appointment.practitioner_id == practitioner_id)
    if status is not None:
        query = query.where(Appointment.status == _status(status))
    if start_from is not None:
        query = query.where(Appointment.start_at >= start_from)
    if start_before is not None:
        query = query.where(Appointment.start_at < start_before)
    if phone is not None:
        on_phone = select(Patient.id).where(Patient.phone == patients.normalize_phone(phone))
        query = query.where(Appointment.patient_id.in_(on_phone))
    total = await count(session, query)
    page = query.order_by(Appointment.start_at, Appointment.id).limit(limit).offset(offset)
    return list(await session.scalars(page)), total
