"""Staff API: book, list, read, cancel and reschedule appointments.

Booking and rescheduling honour an `Idempotency-Key` header: a retried request returns the
first result instead of booking twice. Reads are audited per appointment, naming its patient.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Header, status

from api.deps import CurrentStaff, NowDep, PageDep, RuntimeDep, SessionDep
from api.routes.common import Listing, audit_reads
from store.scheduling import service as scheduling
from store.scheduling.models import AppointmentStatus
from store.scheduling.schemas import (
    AppointmentCancel,
    AppointmentCreate,
    AppointmentOut,
    AppointmentReschedule,
)

router = APIRouter(prefix="/appointments", tags=["scheduling"])
IdempotencyKey = Annotated[str | None, Header(alias="Idempotency-Key", min_length=1, max_length=160)]


@router.post("", status_code=status.HTTP_201_CREATED)
async def book_appointment(
    body: AppointmentCreate,
    runtime: RuntimeDep,
    session: SessionDep,
    staff: CurrentStaff,
    now: NowDep,
    idempotency_key: IdempotencyKey = None,
) -> AppointmentOut:
    """Book a slot; 409 `slot_unavailable` with `alternatives` when it is taken, 404 for unknown ids."""
    appointment = await scheduling.book(
        session,
        slot_id=body.slot_id,
        patient_id=body.patient_id,
        reason=body.reason,
        now=now,
        idempotency_key=staff.key(idempotency_key),
        actor=staff.actor,
    )
    return AppointmentOut.of(appointment, runtime.settings.tz)


@router.get("")
async def list_appointments(
    runtime: RuntimeDep,
    session: SessionDep,
    staff: CurrentStaff,
    page: PageDep,
    phone: str | None = None,
    status: AppointmentStatus | None = None,
    patient_id: uuid.UUID | None = None,
    practitioner_id: uuid.UUID | None = None,
    start_from: datetime | None = None,
) -> Listing[AppointmentOut]:
    """Appointments by start time; filter by the patient's `phone`, `status`, patient or practitioner."""
    found, total = await scheduling.get_appointments(
        session,
        patient_id=patient_id,
        practitioner_id=practitioner_id,
        status=status,
        start_from=start_from,
        phone=phone,
        limit=page.limit,
        offset=page.offset,
    )
    await audit_reads(
        session, staff=staff, resource_type="appointment", records=((a.id, a.patient_id) for a in found)
    )
    return Listing.of([AppointmentOut.of(a, runtime.settings.tz) for a in found], total, page)


@router.get("/{appointment_id}")
async def get_appointment(
    appointment_id: uuid.UUID, runtime: RuntimeDep, session: SessionDep, staff: CurrentStaff
) -> AppointmentOut:
    appointment = await scheduling.get_appointment(session, appointment_id=appointment_id)
    await audit_reads(
        session, staff=staff, resource_type="appointment", records=[(appointment.id, appointment.patient_id)]
    )
    return AppointmentOut.of(appointment, runtime.settings.tz)


@router.post("/{appointment_id}/cancel")
async def cancel_appointment(
    appointment_id: uuid.UUID,
    runtime: RuntimeDep,
    session: SessionDep,
    staff: CurrentStaff,
    now: NowDep,
    body: AppointmentCancel | None = None,
) -> AppointmentOut:
    """Cancel and free the slot; cancelling again returns the cancelled appointment."""
    appointment = await scheduling.cancel(
        session,
        appointment_id=appointment_id,
        now=now,
        reason=body.reason if body else None,
        actor=staff.actor,
    )
    return AppointmentOut.of(appointment, runtime.settings.tz)


@router.post("/{appointment_id}/reschedule", status_code=status.HTTP_201_CREATED)
async def reschedule_appointment(
    appointment_id: uuid.UUID,
    body: AppointmentReschedule,
    runtime: RuntimeDep,
    session: SessionDep,
    staff: CurrentStaff,
    now: NowDep,
    idempotency_key: IdempotencyKey = None,
) -> AppointmentOut:
    """Move to another slot: 201 with the new appointment; on 409 the old one is untouched."""
    appointment = await scheduling.reschedule(
        session,
        appointment_id=appointment_id,
        new_slot_id=body.slot_id,
        now=now,
        idempotency_key=staff.key(idempotency_key),
        actor=staff.actor,
    )
    return AppointmentOut.of(appointment, runtime.settings.tz)
