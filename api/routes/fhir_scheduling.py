"""IHE ITI Scheduling (R4) on `/fhir/R4/Appointment`: `$find`, `$hold` and `$book`.

Each takes a `Parameters` resource (IHE's parameter names; see `store/fhir/operations.py`) and,
as IHE's OperationDefinitions say, returns a `searchset` Bundle: `$find` of proposed
Appointments (status `proposed`, one per free slot, id `slot-<slot id>`), `$hold` and `$book` of
the one Appointment acted on (`pending`, then `booked`). Failures are OperationOutcomes with an
HTTP status rather than Bundles wrapping them; a slot taken meanwhile is a 409 whose further
issues name nearby free alternatives.

A hold's token is the pending appointment's temporary identifier; sending that appointment to
`$book` proves the hold is the caller's and also keys the booking, so a retried `$book` returns
the same appointment instead of a conflict (an `Idempotency-Key` header, when given, wins).
"""

from __future__ import annotations

import itertools
import uuid
from datetime import datetime
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Body, Header, Request
from sqlalchemy.ext.asyncio import AsyncSession

from api.deps import CurrentStaff, NowDep, RuntimeDep
from api.routes.fhir_http import (
    FHIR_JSON,
    FhirResponse,
    FhirRoute,
    FhirSession,
    base_url,
    not_offered,
    page_url,
)
from api.runtime import Runtime
from store import fhir
from store.fhir import operations, search
from store.fhir.resources import Resource
from store.patients import service as patients
from store.scheduling import service as scheduling
from store.scheduling.models import Slot

router = APIRouter(route_class=FhirRoute, default_response_class=FhirResponse)
MAX_COMBINATIONS = 25  # specialty x practitioner x location searches one $find may ask for
ParametersBody = Annotated[
    dict[str, Any], Body(media_type=FHIR_JSON, description="A FHIR Parameters resource")
]
IdempotencyKey = Annotated[str | None, Header(alias="Idempotency-Key", min_length=1, max_length=200)]


def _result(
    request: Request, runtime: Runtime, resources: list[Resource], warnings: list[Resource] | None = None
) -> FhirResponse:
    """The operation's `return`: a searchset Bundle of what it found or acted on."""
    body = fhir.bundle(
        resources,
        total=len(resources),
        self_url=page_url(request, runtime),
        base_url=base_url(runtime),
        outcome=fhir.outcome_of(warnings or []),
    )
    return FhirResponse(body)


async def _free_slots(
    session: AsyncSession, find: operations.FindRequest, *, tz: ZoneInfo, now: datetime
) -> list[Slot]:
    """Free slots for every (specialty, practitioner, location) asked for, in order of preference.

    Repeated values are alternatives ranked by the caller (IHE: a logical OR), different
    parameters must all hold (AND); duplicates are dropped and `count` slots at most returned.
    """
    if find.count == 0 or (find.not_offered and not find.specialties):
        return []
    combinations = list(
        itertools.product(
            find.specialties or [None], find.practitioner_ids or [None], find.location_ids or [None]
        )
    )
    if len(combinations) > MAX_COMBINATIONS:
        too_many = f"at most {MAX_COMBINATIONS} specialty x practitioner x location combinations"
        raise fhir.BadRequest("Parameters", too_many, issue_code="too-costly")
    found: dict[uuid.UUID, Slot] = {}
    for specialty, practitioner_id, location_id in combinations:
        slots = await scheduling.find_free_slots(
            session,
            start=find.start,
            end=find.end,
            specialty=specialty,
            practitioner_id=practitioner_id,
            location_id=location_id,
            tz=tz,
            now=now,
            limit=find.count,
        )
        found.update((s.id, s) for s in slots if s.id not in found)
        if len(found) >= find.count:
            break
    return list(found.values())[: find.count]


@router.post("/Appointment/$find")
async def find(
    request: Request,
    body: ParametersBody,
    runtime: RuntimeDep,
    session: FhirSession,
    _: CurrentStaff,
    now: NowDep,
) -> FhirResponse:
    """ITI-115: proposed appointments for `start`..`end` by `specialty`, `practitioner`,
    `location-reference`; `patient-reference` and `reason` are carried into them; `_count` caps them."""
    tz = runtime.settings.tz
    query = search.collect(request.query_params.multi_items(), ())
    if "_offset" in query:
        raise fhir.NotSupported("_offset", "$find does not page; narrow start and end instead")
    count = search.paging(query)[0]
    find_request = operations.find_request(body, tz=tz, count=count)
    if find_request.patient_id is not None:
        await patients.get(session, patient_id=find_request.patient_id)
    slots = await _free_slots(session, find_request, tz=tz, now=now)
    resources = [
        fhir.proposed_appointment_to_fhir(
            s, tz=tz, patient_id=find_request.patient_id, reason=find_request.reason
        )
        for s in slots
    ]
    warnings = [not_offered(find_request.not_offered)] if find_request.not_offered else []
    return _result(request, runtime, resources, warnings)


@router.post("/Appointment/$hold")
async def hold(
    request: Request,
    body: ParametersBody,
    runtime: RuntimeDep,
    session: FhirSession,
    _: CurrentStaff,
    now: NowDep,
) -> FhirResponse:
    """ITI-116: hold a proposed appointment's slot for 10 minutes; the pending appointment returned
    carries the hold's token (renew by holding it again)."""
    held = operations.hold_request(body)
    if held.patient_id is not None:
        await patients.get(session, patient_id=held.patient_id)
    token = held.hold_token or str(uuid.uuid4())
    slot = await scheduling.hold_slot(session, slot_id=held.slot_id, hold_token=token, now=now)
    pending = fhir.proposed_appointment_to_fhir(
        slot,
        tz=runtime.settings.tz,
        status="pending",
        patient_id=held.patient_id,
        reason=held.reason,
        hold_token=token,
    )
    return _result(request, runtime, [pending])


@router.post("/Appointment/$book")
async def book(
    request: Request,
    body: ParametersBody,
    runtime: RuntimeDep,
    session: FhirSession,
    staff: CurrentStaff,
    now: NowDep,
    idempotency_key: IdempotencyKey = None,
) -> FhirResponse:
    """ITI-117: book the proposed or held appointment for its Patient participant."""
    wanted = operations.book_request(body)
    key = idempotency_key or (f"fhir-hold:{wanted.hold_token}" if wanted.hold_token else None)
    appointment = await scheduling.book(
        session,
        slot_id=wanted.slot_id,
        patient_id=wanted.patient_id,
        reason=wanted.reason,
        now=now,
        idempotency_key=key,
        hold_token=wanted.hold_token,
        actor=staff.actor,
    )
    return _result(request, runtime, [fhir.appointment_to_fhir(appointment, tz=runtime.settings.tz)])
