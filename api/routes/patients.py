"""Staff API: register, list and read patients. Every read of a patient is audited."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, status

from api.deps import CurrentStaff, NowDep, PageDep, RuntimeDep, SessionDep
from api.routes.common import Listing, audit_reads
from store.audit import service as audit
from store.patients import service as patients
from store.patients.schemas import PatientCreate, PatientOut

router = APIRouter(prefix="/patients", tags=["patients"])


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_patient(
    body: PatientCreate, session: SessionDep, staff: CurrentStaff, runtime: RuntimeDep, now: NowDep
) -> PatientOut:
    """Register a patient; 422 names the field that is wrong (name, birth_date, phone, ...)."""
    given, family = patients.split_name(body.name)
    patient = await patients.create(
        session,
        given_name=given,
        family_name=family,
        birth_date=body.birth_date,
        phone=body.phone,
        preferred_language=body.preferred_language,
        email=body.email,
        today=now.astimezone(runtime.settings.tz).date(),  # the clinic's date, not the server's
    )
    await audit.record(
        session,
        actor=staff.actor,
        action="patient.create",
        resource_type="patient",
        resource_id=patient.id,
        patient_id=patient.id,
    )
    return PatientOut.of(patient)


@router.get("")
async def list_patients(
    session: SessionDep, staff: CurrentStaff, page: PageDep, phone: str | None = None
) -> Listing[PatientOut]:
    """Patients by name; `?phone=+E164` gives everyone registered on that phone."""
    found, total = await patients.get_all(session, phone=phone, limit=page.limit, offset=page.offset)
    await audit_reads(session, staff=staff, resource_type="patient", records=((p.id, p.id) for p in found))
    return Listing.of([PatientOut.of(p) for p in found], total, page)


@router.get("/{patient_id}")
async def get_patient(patient_id: uuid.UUID, session: SessionDep, staff: CurrentStaff) -> PatientOut:
    patient = await patients.get(session, patient_id=patient_id)
    await audit_reads(session, staff=staff, resource_type="patient", records=[(patient.id, patient.id)])
    return PatientOut.of(patient)
