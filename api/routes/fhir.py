"""FHIR R4 at `/fhir/R4`: read and search Patient, Practitioner, Schedule, Slot and Appointment.

The same bearer tokens as the staff API. Responses are `application/fhir+json`; searches return
`searchset` Bundles paged with `_count` (default 20, at most 100) and `_offset`, linked by
`next`/`previous` on `PRM_PUBLIC_URL`. Every error is an OperationOutcome with the status that
fits (400 a search parameter or Parameters we cannot use, naming it; 401 no token; 404 unknown
id; 409 slot taken; 422 a resource we cannot act on), and the request's transaction is rolled
back first. Reads of patients and appointments are audited per record, ids only.

The IHE ITI Scheduling operations ($find, $hold, $book) live in `api/routes/fhir_scheduling.py`
on this same router.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Coroutine, Iterable
from datetime import UTC, datetime
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.exceptions import HTTPException

from api.deps import CurrentStaff, RuntimeDep, SessionDep
from api.routes.common import audit_reads
from store import fhir
from store.errors import Conflict, DomainError, InvalidInput, NotFound
from store.fhir import search
from store.fhir.resources import PROPOSED_PREFIX, Resource
from store.patients import service as patients
from store.scheduling import service as scheduling
from store.scheduling.models import AppointmentStatus, SlotStatus

FHIR_JSON = "application/fhir+json"
_HTTP_ISSUES = {401: "login", 403: "forbidden", 404: "not-found"}


class FhirResponse(JSONResponse):
    media_type = FHIR_JSON


def outcome_response(
    status: int, code: str, diagnostics: str, *, expression: Iterable[str] = (), more: Iterable[Resource] = ()
) -> FhirResponse:
    body = fhir.operation_outcome("error", code, diagnostics, expression=tuple(expression), more=more)
    return FhirResponse(body, status_code=status)


def _domain_error(error: DomainError) -> FhirResponse:
    if isinstance(error, fhir.BadRequest):
        return outcome_response(400, error.issue_code, error.message, expression=[error.expression])
    if isinstance(error, fhir.UnprocessableResource):
        return outcome_response(422, error.issue_code, error.message, expression=[error.expression])
    if isinstance(error, InvalidInput):
        return outcome_response(422, "invalid", error.message, expression=[error.field])
    if isinstance(error, NotFound):
        return outcome_response(404, "not-found", error.message)
    if isinstance(error, scheduling.SlotUnavailable):
        return outcome_response(409, "conflict", error.message, more=alternatives(error))
    if isinstance(error, Conflict):
        return outcome_response(409, "conflict", error.message)
    return outcome_response(400, "processing", error.message)


def alternatives(error: scheduling.SlotUnavailable) -> list[Resource]:
    """One informational issue per nearby free slot, naming the proposed appointment to $hold."""
    return [
        fhir.issue(
            "information",
            "informational",
            f"alternative: Appointment/{fhir.proposed_id(uuid.UUID(s['id']))} (Slot/{s['id']}) "
            f"from {s['start']} to {s['end']} with {s['practitioner']} ({s['specialty']})",
        )
        for s in error.to_json()["alternatives"]
    ]


def _error_response(error: Exception) -> FhirResponse:
    if isinstance(error, DomainError):
        return _domain_error(error)
    if isinstance(error, RequestValidationError):
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors()[:3])
        return outcome_response(400, "structure", problems)
    assert isinstance(error, HTTPException)
    response = outcome_response(error.status_code, _HTTP_ISSUES.get(error.status_code, "processing"), error.detail)
    response.headers.update(error.headers or {})
    return response


class FhirRoute(APIRoute):
    """Turns every expected error into an OperationOutcome, after rolling the transaction back.

    FastAPI's handlers for the app answer in the staff API's JSON shape; FHIR clients need
    OperationOutcomes, and a router cannot register handlers of its own, so its routes do it.
    """

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def handle(request: Request) -> Response:
            try:
                return await handler(request)
            except (DomainError, HTTPException, RequestValidationError) as error:
                session: AsyncSession | None = getattr(request.state, "fhir_session", None)
                if session is not None:
                    await session.rollback()
                return _error_response(error)

        return handle


async def _fhir_session(request: Request, session: SessionDep) -> AsyncSession:
    """The request's session, made known to `FhirRoute` so that an error can roll it back."""
    request.state.fhir_session = session
    return session


FhirSession = Annotated[AsyncSession, Depends(_fhir_session)]
router = APIRouter(prefix="/fhir/R4", tags=["fhir"], route_class=FhirRoute, default_response_class=FhirResponse)


def base_url(runtime: RuntimeDep) -> str:
    return f"{runtime.settings.public_url.rstrip('/')}{router.prefix}"


def page_url(request: Request, runtime: RuntimeDep, offset: int | None = None) -> str:
    """This request's URL on the public base; with `offset`, the same search at that offset."""
    params = request.query_params.multi_items()
    if offset is not None:
        params = [(k, v) for k, v in params if k != "_offset"] + ([("_offset", str(offset))] if offset else [])
    query = f"?{urlencode(params)}" if params else ""
    return f"{runtime.settings.public_url.rstrip('/')}{request.url.path}{query}"


def searchset(
    request: Request,
    runtime: RuntimeDep,
    resources: list[Resource],
    *,
    total: int,
    paging: tuple[int, int],
    outcome: Resource | None = None,
) -> FhirResponse:
    count, offset = paging
    more = count > 0 and offset + count < total
    body = fhir.bundle(
        resources,
        total=total,
        self_url=page_url(request, runtime),
        base_url=base_url(runtime),
        next_url=page_url(request, runtime, offset + count) if more else None,
        previous_url=page_url(request, runtime, max(offset - count, 0)) if offset > 0 else None,
        outcome=outcome,
    )
    return FhirResponse(body)


def _query(request: Request, allowed: set[str]) -> search.Query:
    return search.collect(request.query_params.multi_items(), allowed)


def _id(resource_type: str, resource_id: str) -> uuid.UUID:
    """Our ids are UUIDs; anything else names nothing here (404, not 400)."""
    try:
        return uuid.UUID(resource_id)
    except ValueError:
        raise NotFound(resource_type, resource_id) from None


def _not_offered(token: str) -> Resource:
    return fhir.operation_outcome("warning", "not-found", f"specialty {token!r} is not offered", expression=["specialty"])


@router.get("/Patient/{resource_id}")
async def read_patient(resource_id: str, session: FhirSession, staff: CurrentStaff) -> FhirResponse:
    patient = await patients.get(session, patient_id=_id("Patient", resource_id))
    await audit_reads(session, staff=staff, resource_type="patient", records=[(patient.id, patient.id)])
    return FhirResponse(fhir.patient_to_fhir(patient))


@router.get("/Patient")
async def search_patients(
    request: Request, runtime: RuntimeDep, session: FhirSession, staff: CurrentStaff
) -> FhirResponse:
    """`telecom` (`+1555...` or `phone|+1555...`) and `birthdate` (with ge/gt/le/lt/eq), ANDed."""
    query = _query(request, {"telecom", "birthdate"})
    count, offset = search.paging(query)
    born_from, born_before = search.birthdate_bounds(query, "birthdate")
    found, total = await patients.get_all(
        session,
        phone=search.phone(query, "telecom"),
        born_from=born_from,
        born_before=born_before,
        limit=count,
        offset=offset,
    )
    await audit_reads(session, staff=staff, resource_type="patient", records=((p.id, p.id) for p in found))
    resources = [fhir.patient_to_fhir(p) for p in found]
    return searchset(request, runtime, resources, total=total, paging=(count, offset))


@router.get("/Practitioner/{resource_id}")
async def read_practitioner(resource_id: str, session: FhirSession, _: CurrentStaff) -> FhirResponse:
    practitioner = await scheduling.get_practitioner(session, practitioner_id=_id("Practitioner", resource_id))
    return FhirResponse(fhir.practitioner_to_fhir(practitioner))


@router.get("/Practitioner")
async def search_practitioners(
    request: Request, runtime: RuntimeDep, session: FhirSession, _: CurrentStaff
) -> FhirResponse:
    """`specialty`: a SNOMED CT token (`http://snomed.info/sct|394579002`) or our code (`cardiology`)."""
    query = _query(request, {"specialty"})
    count, offset = search.paging(query)
    token = search.single(query, "specialty")
    code = None if token is None else search.specialty(token)
    if token is not None and code is None:
        return searchset(request, runtime, [], total=0, paging=(count, offset), outcome=_not_offered(token))
    found, total = await scheduling.get_practitioners(session, specialty=code, limit=count, offset=offset)
    resources = [fhir.practitioner_to_fhir(p) for p in found]
    return searchset(request, runtime, resources, total=total, paging=(count, offset))


@router.get("/Schedule/{resource_id}")
async def read_schedule(resource_id: str, session: FhirSession, _: CurrentStaff) -> FhirResponse:
    schedule = await scheduling.get_schedule(session, schedule_id=_id("Schedule", resource_id))
    return FhirResponse(fhir.schedule_to_fhir(schedule))


@router.get("/Schedule")
async def search_schedules(
    request: Request, runtime: RuntimeDep, session: FhirSession, _: CurrentStaff
) -> FhirResponse:
    """`actor=Practitioner/<id>` (or the bare id)."""
    query = _query(request, {"actor"})
    count, offset = search.paging(query)
    actor = search.single(query, "actor")
    practitioner_id = None if actor is None else search.reference_id(actor, "Practitioner", "actor")
    found, total = await scheduling.get_schedules(
        session, practitioner_id=practitioner_id, limit=count, offset=offset
    )
    resources = [fhir.schedule_to_fhir(s) for s in found]
    return searchset(request, runtime, resources, total=total, paging=(count, offset))


@router.get("/Slot/{resource_id}")
async def read_slot(resource_id: str, runtime: RuntimeDep, session: FhirSession, _: CurrentStaff) -> FhirResponse:
    slot = await scheduling.get_slot(session, slot_id=_id("Slot", resource_id))
    return FhirResponse(fhir.slot_to_fhir(slot, tz=runtime.settings.tz))


def _status(query: search.Query, kind: type[SlotStatus] | type[AppointmentStatus]) -> str | None:
    value = search.single(query, "status")
    if value is not None and value not in {s.value for s in kind}:
        raise fhir.BadRequest("status", f"must be one of {', '.join(s.value for s in kind)}")
    return value


@router.get("/Slot")
async def search_slots(request: Request, runtime: RuntimeDep, session: FhirSession, _: CurrentStaff) -> FhirResponse:
    """`status`, `start` (repeatable, with prefixes), `schedule=Schedule/<id>`, `specialty`; by start time."""
    query = _query(request, {"status", "start", "schedule", "specialty"})
    count, offset = search.paging(query)
    tz = runtime.settings.tz
    token = search.single(query, "specialty")
    code = None if token is None else search.specialty(token)
    if token is not None and code is None:
        return searchset(request, runtime, [], total=0, paging=(count, offset), outcome=_not_offered(token))
    schedule = search.single(query, "schedule")
    start = search.date_bounds(query, "start", tz)
    found, total = await scheduling.get_slots(
        session,
        status=_status(query, SlotStatus),
        start=start.low,
        end=start.high,
        schedule_id=None if schedule is None else search.reference_id(schedule, "Schedule", "schedule"),
        specialty=code,
        limit=count,
        offset=offset,
    )
    resources = [fhir.slot_to_fhir(s, tz=tz) for s in found]
    return searchset(request, runtime, resources, total=total, paging=(count, offset))


@router.get("/Appointment/{resource_id}")
async def read_appointment(
    resource_id: str, runtime: RuntimeDep, session: FhirSession, staff: CurrentStaff
) -> FhirResponse:
    """A booked (or past, or cancelled) appointment, or `slot-<id>`: the one a free or held slot proposes."""
    tz = runtime.settings.tz
    if resource_id.startswith(PROPOSED_PREFIX):
        slot = await scheduling.get_slot(session, slot_id=_id("Appointment", resource_id.removeprefix(PROPOSED_PREFIX)))
        proposable = {SlotStatus.FREE: "proposed", SlotStatus.BUSY_TENTATIVE: "pending"}
        if slot.status not in proposable or slot.start_at < datetime.now(UTC):
            raise NotFound("Appointment", resource_id)
        status = "proposed" if slot.status == SlotStatus.FREE else "pending"
        return FhirResponse(fhir.proposed_appointment_to_fhir(slot, tz=tz, status=status))
    appointment = await scheduling.get_appointment(session, appointment_id=_id("Appointment", resource_id))
    await audit_reads(
        session, staff=staff, resource_type="appointment", records=[(appointment.id, appointment.patient_id)]
    )
    return FhirResponse(fhir.appointment_to_fhir(appointment, tz=tz))


@router.get("/Appointment")
async def search_appointments(
    request: Request, runtime: RuntimeDep, session: FhirSession, staff: CurrentStaff
) -> FhirResponse:
    """`patient=Patient/<id>` (or bare id), `practitioner`, `status`, `date` (repeatable, prefixed)."""
    query = _query(request, {"patient", "practitioner", "status", "date"})
    count, offset = search.paging(query)
    patient = search.single(query, "patient")
    practitioner = search.single(query, "practitioner")
    when = search.date_bounds(query, "date", runtime.settings.tz)
    found, total = await scheduling.get_appointments(
        session,
        patient_id=None if patient is None else search.reference_id(patient, "Patient", "patient"),
        practitioner_id=None
        if practitioner is None
        else search.reference_id(practitioner, "Practitioner", "practitioner"),
        status=_status(query, AppointmentStatus),
        start_from=when.low,
        start_before=when.high,
        limit=count,
        offset=offset,
    )
    await audit_reads(
        session, staff=staff, resource_type="appointment", records=((a.id, a.patient_id) for a in found)
    )
    resources = [fhir.appointment_to_fhir(a, tz=runtime.settings.tz) for a in found]
    return searchset(request, runtime, resources, total=total, paging=(count, offset))
