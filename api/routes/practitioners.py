"""Staff API: practitioners. Anyone on staff may read; only an admin may add one."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, status

from api.deps import AdminOnly, CurrentStaff, PageDep, SessionDep
from api.routes.common import Listing
from store.audit import service as audit
from store.scheduling import service as scheduling
from store.scheduling.schemas import PractitionerCreate, PractitionerOut

router = APIRouter(prefix="/practitioners", tags=["practitioners"])


@router.get("")
async def list_practitioners(
    session: SessionDep, _: CurrentStaff, page: PageDep, specialty: str | None = None
) -> Listing[PractitionerOut]:
    """Practitioners by family name; `?specialty=cardiology` (422 for a specialty not offered)."""
    found, total = await scheduling.get_practitioners(
        session, specialty=specialty, limit=page.limit, offset=page.offset
    )
    return Listing.of([PractitionerOut.of(p) for p in found], total, page)


@router.get("/{practitioner_id}")
async def get_practitioner(
    practitioner_id: uuid.UUID, session: SessionDep, _: CurrentStaff
) -> PractitionerOut:
    return PractitionerOut.of(await scheduling.get_practitioner(session, practitioner_id=practitioner_id))


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_practitioner(
    body: PractitionerCreate, session: SessionDep, admin: AdminOnly
) -> PractitionerOut:
    """Add a practitioner (admin only: who may be booked is the clinic's decision, not the desk's)."""
    practitioner = await scheduling.create_practitioner(
        session,
        given_name=body.given_name,
        family_name=body.family_name,
        specialty=body.specialty,
        prefix=body.prefix,
    )
    await audit.record(
        session,
        actor=admin.actor,
        action="practitioner.create",
        resource_type="practitioner",
        resource_id=practitioner.id,
    )
    return PractitionerOut.of(practitioner)
