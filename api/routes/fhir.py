"""FHIR R4 at `/fhir/R4`: read and search Practitioner, Schedule, Slot and Appointment.

The same bearer tokens as the staff API. Responses are `application/fhir+json`; searches return
`searchset` Bundles paged with `_count` (default 20, at most 100) and `_offset`, linked by
`self`/`next`/`previous` on `PRM_PUBLIC_URL`, with `total` unless `_total=none`; errors are
OperationOutcomes. Search is strict: an unknown parameter, modifier or prefix is a 400 naming
it, unless the request says `Prefer: handling=lenient`. Each resource's search parameters are
declared once, in `store/fhir/params.py`. Reads of appointments are audited per record, ids only.

Included here: Patient (read, search, create, update) from `fhir_patients.py`, the IHE ITI
Scheduling operations ($find, $hold, $book) from `fhir_scheduling.py`, and the
CapabilityStatement (`/metadata`) from `fhir_metadata.py`; what they share (formats, errors as
OperationOutcomes, searches and paging) is in `fhir_http.py`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import RedirectResponse
from sqlalchemy.ext.asyncio import AsyncSession

from api.deps import CurrentStaff, NowDep, RuntimeDep
from api.routes import fhir_metadata, fhir_patients, fhir_scheduling
from api.routes.common import audit_reads
from api.routes.fhir_http import (
    FHIR_BASE,
    FhirResponse,
    FhirRoute,
    FhirSession,
    Search,
    method_not_allowed,
    not_offered,
    outcome_response,
    record_id,
    searching,
    searchset,
)
from store import fhir
from store.errors import NotFound
from store.fhir import criteria, params, search
from store.fhir.resources import PROPOSED_PREFIX, Resource
from store.scheduling import service as scheduling
from store.scheduling.models import AppointmentStatus, SlotStatus

# FHIR refuses with an OperationOutcome (any status a FHIR server uses), documented once here
OUTCOME = {
    "description": "an OperationOutcome saying what was wrong",
    "content": {"application/fhir+json": {}},
}
router = APIRouter(
    prefix=FHIR_BASE,
    tags=["fhir"],
    route_class=FhirRoute,
    default_response_class=FhirResponse,
    responses={status: OUTCOME for status in (400, 401, 403, 404, 405, 406, 409, 412, 413, 415, 422, 503)},
)
router.include_router(fhir_metadata.router)
router.include_router(fhir_patients.router)
router.include_router(fhir_scheduling.router)
PractitionerSearch = Annotated[Search, Depends(searching("Practitioner"))]
ScheduleSearch = Annotated[Search, Depends(searching("Schedule"))]
SlotSearch = Annotated[Search, Depends(searching("Slot"))]
AppointmentSearch = Annotated[Search, Depends(searching("Appointment"))]


def _specialty(query: search.Query) -> tuple[str | None, Resource | None]:
    """Our code for the `specialty` token, or a warning issue when it names nothing the clinic offers."""
    token = search.single(query, "specialty")
    code = None if token is None else search.specialty(token)
    if token is not None and code is None:
        return None, not_offered([token])
    return code or None, None  # ANY_SPECIALTY (`<SNOMED CT>|`) filters nothing


@router.get("/Practitioner/{resource_id}")
async def read_practitioner(resource_id: str, session: FhirSession, _: CurrentStaff) -> FhirResponse:
    practitioner = await scheduling.get_practitioner(
        session, practitioner_id=record_id("Practitioner", resource_id)
    )
    return FhirResponse(fhir.practitioner_to_fhir(practitioner))


@router.get("/Practitioner")
async def search_practitioners(
    request: Request, runtime: RuntimeDep, session: FhirSession, _: CurrentStaff, found: PractitionerSearch
) -> FhirResponse:
    """`name` (word prefixes, case and accents ignored), `identifier` (our `urn:uuid` one) and
    `specialty`: a SNOMED CT token (`http://snomed.info/sct|394579002`) or our code (`cardiology`)."""
    code, warning = _specialty(found.query)
    if warning is not None:
        return searchset(request, runtime, found, [], total=0, warnings=[warning])
    wanted = criteria.practitioner_criteria(found.query)
    matches, total = await scheduling.get_practitioners(
        session, specialty=code, names=wanted.names, ids=wanted.ids, limit=found.count, offset=found.offset
    )
    resources = [fhir.practitioner_to_fhir(p) for p in matches]
    return searchset(request, runtime, found, resources, total=total)


@router.get("/Schedule/{resource_id}")
async def read_schedule(resource_id: str, session: FhirSession, _: CurrentStaff) -> FhirResponse:
    schedule = await scheduling.get_schedule(session, schedule_id=record_id("Schedule", resource_id))
    return FhirResponse(fhir.schedule_to_fhir(schedule))


@router.get("/Schedule")
async def search_schedules(
    request: Request, runtime: RuntimeDep, session: FhirSession, _: CurrentStaff, found: ScheduleSearch
) -> FhirResponse:
    """`actor=Practitioner/<id>` (or the bare id)."""
    actor = search.single(found.query, "actor")
    practitioner_id = None if actor is None else search.reference_id(actor, "Practitioner", "actor")
    matches, total = await scheduling.get_schedules(
        session, practitioner_id=practitioner_id, limit=found.count, offset=found.offset
    )
    resources = [fhir.schedule_to_fhir(s) for s in matches]
    return searchset(request, runtime, found, resources, total=total)


@router.get("/Slot/{resource_id}")
async def read_slot(
    resource_id: str, runtime: RuntimeDep, session: FhirSession, _: CurrentStaff
) -> FhirResponse:
    slot = await scheduling.get_slot(session, slot_id=record_id("Slot", resource_id))
    return FhirResponse(fhir.slot_to_fhir(slot, tz=runtime.settings.tz))


STATUS_SYSTEMS = {
    SlotStatus: "http://hl7.org/fhir/slotstatus",
    AppointmentStatus: "http://hl7.org/fhir/appointmentstatus",
}


def _status(query: search.Query, kind: type[SlotStatus] | type[AppointmentStatus]) -> tuple[bool, str | None]:
    """(whether any record can match, the status code wanted or None for any).

    A status is a `code`, whose system is implicit (`STATUS_SYSTEMS`): `<that system>|` is any
    status, and `|free` (a code with no system) or another system can match nothing.
    """
    value = search.single(query, "status")
    if value is None:
        return True, None
    wanted = search.token(value, "status")
    if wanted.code and wanted.code not in {s.value for s in kind}:
        raise fhir.BadRequest("status", f"must be one of {', '.join(s.value for s in kind)}")
    return wanted.in_system(STATUS_SYSTEMS[kind]), wanted.code or None


@router.get("/Slot")
async def search_slots(
    request: Request, runtime: RuntimeDep, session: FhirSession, _: CurrentStaff, found: SlotSearch
) -> FhirResponse:
    """`status`, `start` (repeatable, with prefixes), `schedule=Schedule/<id>`, `specialty`; by start time."""
    query = found.query
    tz = runtime.settings.tz
    code, warning = _specialty(query)
    if warning is not None:
        return searchset(request, runtime, found, [], total=0, warnings=[warning])
    schedule = search.single(query, "schedule")
    start = search.date_bounds(query, "start", tz)
    possible, status = _status(query, SlotStatus)
    if not possible:
        return searchset(request, runtime, found, [], total=0)
    matches, total = await scheduling.get_slots(
        session,
        status=status,
        start=start.low,
        end=start.high,
        schedule_id=None if schedule is None else search.reference_id(schedule, "Schedule", "schedule"),
        specialty=code,
        limit=found.count,
        offset=found.offset,
    )
    resources = [fhir.slot_to_fhir(s, tz=tz) for s in matches]
    return searchset(request, runtime, found, resources, total=total)


async def _proposed(session: AsyncSession, resource_id: str, tz: ZoneInfo, now: datetime) -> Resource:
    """`slot-<id>`: the appointment a free (`proposed`) or held (`pending`) future slot would be."""
    try:
        slot = await scheduling.get_slot(
            session, slot_id=record_id("Appointment", resource_id.removeprefix(PROPOSED_PREFIX))
        )
    except NotFound:
        raise NotFound("Appointment", resource_id) from None
    if slot.start_at < now:
        raise NotFound("Appointment", resource_id)
    if slot.status == SlotStatus.FREE:
        return fhir.proposed_appointment_to_fhir(slot, tz=tz, status="proposed")
    if slot.status == SlotStatus.BUSY_TENTATIVE:
        return fhir.proposed_appointment_to_fhir(slot, tz=tz, status="pending")
    raise NotFound("Appointment", resource_id)


@router.get("/Appointment/{resource_id}")
async def read_appointment(
    resource_id: str, runtime: RuntimeDep, session: FhirSession, staff: CurrentStaff, now: NowDep
) -> FhirResponse:
    """A booked (or past, or cancelled) appointment, or `slot-<id>`: the one a free or held slot proposes."""
    tz = runtime.settings.tz
    if resource_id.startswith(PROPOSED_PREFIX):
        return FhirResponse(await _proposed(session, resource_id, tz, now))
    appointment = await scheduling.get_appointment(
        session, appointment_id=record_id("Appointment", resource_id)
    )
    await audit_reads(
        session, staff=staff, resource_type="appointment", records=[(appointment.id, appointment.patient_id)]
    )
    return FhirResponse(fhir.appointment_to_fhir(appointment, tz=tz))


@router.get("/Appointment")
async def search_appointments(
    request: Request, runtime: RuntimeDep, session: FhirSession, staff: CurrentStaff, found: AppointmentSearch
) -> FhirResponse:
    """`patient=Patient/<id>` (or bare id), `practitioner`, `status`, `date` (repeatable, prefixed)."""
    query = found.query
    patient = search.single(query, "patient")
    practitioner = search.single(query, "practitioner")
    when = search.date_bounds(query, "date", runtime.settings.tz)
    possible, status = _status(query, AppointmentStatus)
    if not possible:
        return searchset(request, runtime, found, [], total=0)
    matches, total = await scheduling.get_appointments(
        session,
        patient_id=None if patient is None else search.reference_id(patient, "Patient", "patient"),
        practitioner_id=None
        if practitioner is None
        else search.reference_id(practitioner, "Practitioner", "practitioner"),
        status=status,
        start_from=when.low,
        start_before=when.high,
        limit=found.count,
        offset=found.offset,
    )
    await audit_reads(
        session, staff=staff, resource_type="appointment", records=((a.id, a.patient_id) for a in matches)
    )
    resources = [fhir.appointment_to_fhir(a, tz=runtime.settings.tz) for a in matches]
    return searchset(request, runtime, found, resources, total=total)


@router.api_route(
    "/{path:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"], include_in_schema=False
)
async def unsupported(path: str, request: Request) -> Response:
    """Anything else under the base: 405 for an interaction this server does not offer on a type it
    serves (`DELETE Patient/<id>`), else 404; OperationOutcomes both, pointing at the metadata. A
    trailing slash is redirected away, as Starlette would have done.

    Declared last, so it only sees what no route above matched; left out of the OpenAPI
    description, so the CapabilityStatement (read from it) never lists it.
    """
    if path.endswith("/"):
        return RedirectResponse(request.url.replace(path=request.url.path.rstrip("/")), status_code=307)
    resource_type = path.split("/")[0][:64]
    if resource_type in params.SEARCH:
        message = f"{request.method} {resource_type}/… is not supported here; see {FHIR_BASE}/metadata"
        return method_not_allowed(request, message)
    return outcome_response(
        404, "not-found", f"{resource_type!r} is not served here; see {FHIR_BASE}/metadata"
    )
