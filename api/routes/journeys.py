"""Staff API: journey definitions (admins create them) and patients' journeys.

Reading a journey is audited (`journey.read`, ids only). A refused move is a 409 naming the
current stage and where it may go (or the event the stage waits for).
"""

from __future__ import annotations

import uuid

from fastapi import APIRouter, status

from api.deps import AdminOnly, CurrentStaff, NowDep, PageDep, SessionDep
from api.routes.common import Listing, audit_reads
from store.journeys import service as journeys
from store.journeys.models import JourneyStatus
from store.journeys.schemas import (
    DefinitionCreate,
    DefinitionOut,
    JourneyAdvance,
    JourneyCancel,
    JourneyDetail,
    JourneyOut,
    JourneyStart,
)

router = APIRouter(prefix="/journeys", tags=["journeys"])


@router.get("/definitions")
async def list_definitions(session: SessionDep, _: CurrentStaff, page: PageDep) -> Listing[DefinitionOut]:
    found, total = await journeys.get_definitions(session, limit=page.limit, offset=page.offset)
    return Listing.of([DefinitionOut.of(d) for d in found], total, page)


@router.post("/definitions", status_code=status.HTTP_201_CREATED)
async def create_definition(body: DefinitionCreate, session: SessionDep, _: AdminOnly) -> DefinitionOut:
    """A new pathway (admins only); 409 when the key is taken, 422 naming a bad field."""
    definition = await journeys.create_definition(
        session, key=body.key, name=body.name, trigger=body.trigger, stages=body.stages
    )
    return DefinitionOut.of(definition)


@router.get("")
async def list_journeys(
    session: SessionDep,
    staff: CurrentStaff,
    page: PageDep,
    patient_id: uuid.UUID | None = None,
    status: JourneyStatus | None = None,
    definition_key: str | None = None,
) -> Listing[JourneyOut]:
    found, total = await journeys.get_instances(
        session,
        patient_id=patient_id,
        status=status,
        definition_key=definition_key,
        limit=page.limit,
        offset=page.offset,
    )
    await audit_reads(
        session, staff=staff, resource_type="journey", records=((j.id, j.patient_id) for j in found)
    )
    return Listing.of([JourneyOut.of(j) for j in found], total, page)


@router.post("", status_code=status.HTTP_201_CREATED)
async def start_journey(
    body: JourneyStart, session: SessionDep, staff: CurrentStaff, now: NowDep
) -> JourneyDetail:
    """Put a patient on a journey; when they are already on it, the active journey is returned."""
    instance = await journeys.start(
        session,
        patient_id=body.patient_id,
        definition_key=body.definition_key,
        now=now,
        context=body.context,
        actor=staff.actor,
    )
    return JourneyDetail.with_history(instance, await journeys.history(session, instance_id=instance.id))


@router.get("/{journey_id}")
async def get_journey(journey_id: uuid.UUID, session: SessionDep, staff: CurrentStaff) -> JourneyDetail:
    instance = await journeys.get(session, instance_id=journey_id)
    await audit_reads(
        session, staff=staff, resource_type="journey", records=[(instance.id, instance.patient_id)]
    )
    return JourneyDetail.with_history(instance, await journeys.history(session, instance_id=instance.id))


@router.post("/{journey_id}/advance")
async def advance_journey(
    journey_id: uuid.UUID, body: JourneyAdvance, session: SessionDep, staff: CurrentStaff, now: NowDep
) -> JourneyDetail:
    """Complete the current stage on `event` (to the next stage, or to a later `to_stage`)."""
    instance = await journeys.advance(
        session,
        instance_id=journey_id,
        now=now,
        event=body.event,
        to_stage=body.to_stage,
        note=body.note,
        actor=staff.actor,
    )
    return JourneyDetail.with_history(instance, await journeys.history(session, instance_id=instance.id))


@router.post("/{journey_id}/cancel")
async def cancel_journey(
    journey_id: uuid.UUID,
    session: SessionDep,
    staff: CurrentStaff,
    now: NowDep,
    body: JourneyCancel | None = None,
) -> JourneyDetail:
    instance = await journeys.cancel(
        session,
        instance_id=journey_id,
        now=now,
        reason=body.reason if body else None,
        actor=staff.actor,
    )
    return JourneyDetail.with_history(instance, await journeys.history(session, instance_id=instance.id))
