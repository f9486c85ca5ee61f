"""FHIR R4 Patient: read (and vread of the current version), search, create and update.

Writes go through the same domain service and validation as the staff API
(`store.patients.service`), and are audited the same way (`patient.create`, `patient.update`
with the names of the fields that changed, never their values); reads are audited per record.
The staff API emits no outbox event for patients, and neither does FHIR.

Versioning: a patient's `version` is its `meta.versionId` and its weak ETag (`W/"3"`). An update
carrying `If-Match` applies only to that version (else 412), so an EHR never overwrites a
change it has not seen. Only the current version is kept: a vread of an older one is a 404.

Conditional create: `If-None-Exist: identifier=<MRN system>|<mrn>` (any Patient search) creates
the patient only when nobody matches; one match is returned as it is (200), several are a 412.
Conditional creates run one at a time (one advisory lock), so two at once cannot both register.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from email.utils import format_datetime
from typing import Annotated, Any
from urllib.parse import parse_qsl

from fastapi import APIRouter, Body, Depends, Header, Request, status

from api.deps import CurrentStaff, NowDep, RuntimeDep
from api.routes.common import audit_reads
from api.routes.fhir_http import (
    FHIR_JSON,
    FhirResponse,
    FhirRoute,
    FhirSession,
    Search,
    base_url,
    record_id,
    searching,
    searchset,
)
from api.runtime import Runtime
from store import fhir
from store.audit import service as audit
from store.errors import InvalidInput, NotFound
from store.fhir import criteria, params, search
from store.fhir.patient_input import PatientFields, patient_fields, unprocessable
from store.patients import search as patient_search
from store.patients import service as patients
from store.patients.models import Patient

router = APIRouter(route_class=FhirRoute, default_response_class=FhirResponse)
PatientSearch = Annotated[Search, Depends(searching("Patient"))]
PatientBody = Annotated[dict[str, Any], Body(media_type=FHIR_JSON, description="A FHIR R4 Patient resource")]
IfNoneExist = Annotated[
    str | None,
    Header(
        alias="If-None-Exist",
        max_length=2000,
        description="Conditional create: Patient search parameters (`identifier=<system>|<value>`)",
    ),
]
IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        max_length=1000,
        description='Update only this version: its ETag, `W/"<version>"` (or a list of them)',
    ),
]


def _respond(patient: Patient, runtime: Runtime, status_code: int = 200) -> FhirResponse:
    """The patient, with the headers FHIR clients version by: ETag and Last-Modified (and, when
    it was just created, Location naming its version)."""
    resource = fhir.patient_to_fhir(patient, mrn_system=runtime.settings.clinic.mrn_system)
    headers = {
        "ETag": f'W/"{patient.version}"',
        "Last-Modified": format_datetime(patient.updated_at.astimezone(UTC), usegmt=True),
    }
    if status_code == status.HTTP_201_CREATED:
        headers["Location"] = f"{base_url(runtime)}/Patient/{patient.id}/_history/{patient.version}"
    return FhirResponse(resource, status_code=status_code, headers=headers)


async def _read(session: FhirSession, staff: CurrentStaff, resource_id: str) -> Patient:
    patient = await patients.get(session, patient_id=record_id("Patient", resource_id))
    await audit_reads(session, staff=staff, resource_type="patient", records=[(patient.id, patient.id)])
    return patient


@router.get("/Patient/{resource_id}")
async def read_patient(
    resource_id: str, runtime: RuntimeDep, session: FhirSession, staff: CurrentStaff
) -> FhirResponse:
    return _respond(await _read(session, staff, resource_id), runtime)


@router.get("/Patient/{resource_id}/_history/{version_id}")
async def vread_patient(
    resource_id: str, version_id: str, runtime: RuntimeDep, session: FhirSession, staff: CurrentStaff
) -> FhirResponse:
    """The current version only: earlier versions are not kept (404 naming the current one)."""
    patient = await _read(session, staff, resource_id)
    if version_id != str(patient.version):
        raise NotFound(f"Patient/{patient.id}/_history", f"{version_id} (only {patient.version} is kept)")
    return _respond(patient, runtime)


@router.get("/Patient")
async def search_patients(
    request: Request, runtime: RuntimeDep, session: FhirSession, staff: CurrentStaff, found: PatientSearch
) -> FhirResponse:
    """Every parameter of `store/fhir/params.py` for Patient, ANDed; by family then given name."""
    mrn_system = runtime.settings.clinic.mrn_system
    wanted = criteria.patient_criteria(found.query, mrn_system=mrn_system)
    matches, total = await patient_search.search(
        session, criteria=wanted, limit=found.count, offset=found.offset
    )
    await audit_reads(session, staff=staff, resource_type="patient", records=((p.id, p.id) for p in matches))
    resources = [fhir.patient_to_fhir(p, mrn_system=mrn_system) for p in matches]
    return searchset(request, runtime, found, resources, total=total)


def _condition(header: str, mrn_system: str) -> patient_search.PatientCriteria:
    """If-None-Exist as criteria: `identifier=…`, `Patient?identifier=…` or a whole URL are all
    read as the search after the `?`."""
    items = parse_qsl(header.partition("?")[2] if "?" in header else header, keep_blank_values=True)
    query = {
        k: v for k, v in search.parse(items, params.names("Patient")).query.items() if k not in search.COMMON
    }
    if not query:
        raise fhir.BadRequest(
            "If-None-Exist", "must hold Patient search parameters, e.g. identifier=<system>|<value>"
        )
    return criteria.patient_criteria(query, mrn_system=mrn_system)


async def _existing(session: FhirSession, header: str, mrn_system: str) -> Patient | None:
    """The one patient an If-None-Exist condition names, None when nobody matches; 412 for several.

    Every conditional create takes the one registration lock first (`lock_registrations`), so
    two conditions naming one person however they are written cannot both find nobody.
    """
    condition = _condition(header, mrn_system)
    await patients.lock_registrations(session)
    matches, total = await patient_search.search(session, criteria=condition, limit=1)
    if total > 1:
        raise fhir.PreconditionFailed(f"If-None-Exist matches {total} patients; make the condition narrower")
    return matches[0] if matches else None


async def _create(session: FhirSession, fields: PatientFields, today: date) -> Patient:
    try:
        return await patients.create(session, **fields.as_arguments(), today=today)
    except InvalidInput as error:
        raise unprocessable(error) from None


@router.post(
    "/Patient",
    status_code=status.HTTP_201_CREATED,
    responses={
        200: {
            "description": "If-None-Exist matched one patient: that patient, unchanged",
            "content": {FHIR_JSON: {}},
        }
    },
)
async def create_patient(
    body: PatientBody,
    runtime: RuntimeDep,
    session: FhirSession,
    staff: CurrentStaff,
    now: NowDep,
    if_none_exist: IfNoneExist = None,
) -> FhirResponse:
    """Register a patient (201, Location and ETag); with If-None-Exist, only if nobody matches
    (one match: 200 with that patient, unchanged). The body's `id`, if any, is ignored."""
    mrn_system = runtime.settings.clinic.mrn_system
    fields = patient_fields(body, mrn_system=mrn_system)
    if if_none_exist is not None and (found := await _existing(session, if_none_exist, mrn_system)):
        await audit_reads(session, staff=staff, resource_type="patient", records=[(found.id, found.id)])
        return _respond(found, runtime)
    patient = await _create(session, fields, _clinic_date(now, runtime))
    await audit.record(
        session,
        actor=staff.actor,
        action="patient.create",
        resource_type="patient",
        resource_id=patient.id,
        patient_id=patient.id,
    )
    return _respond(patient, runtime, status.HTTP_201_CREATED)


# RFC 9110 §8.8.3: entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE, etagc = %x21 / %x23-7E / obs-text;
# If-Match = "*" / #entity-tag (a comma list, empty elements allowed, optional white space)
_LIST_ELEMENT = re.compile(r'[ \t]*(?:(?:W/)?"(?P<tag>[\x21\x23-\x7e\x80-\xff]*)")?[ \t]*(?:,|\Z)')


def entity_tags(header: str) -> list[str] | None:
    """The opaque tags of an entity-tag list (RFC 9110), weak or strong; None when malformed."""
    tags: list[str] = []
    position = 0
    while position < len(header):
        element = _LIST_ELEMENT.match(header, position)
        if element is None or element.end() == position:
            return None
        if element["tag"] is not None:
            tags.append(element["tag"])
        position = element.end()
    return tags


def _expected_versions(if_match: str | None) -> frozenset[int] | None:
    """The versions an If-Match header names (None: absent, or `*`, any version).

    A list of entity-tags, weak (`W/"3"`, what we send) or strong (`"3"`), compared by the
    version they name: FHIR's versions are weak ETags, so RFC 9110's strong comparison would
    never match one. A well-formed tag that is not one of our versions (`"abc"`) names no
    version, so it cannot match (412); a header that is not an entity-tag list is a 400.
    """
    if if_match is None or if_match.strip() == "*":
        return None
    tags = entity_tags(if_match)
    if not tags:
        raise fhir.BadRequest("If-Match", 'must be "*" or a list of ETags, such as W/"3"')
    return frozenset(int(t) for t in tags if t.isascii() and t.isdigit() and len(t) <= 9)


def _clinic_date(now: datetime, runtime: Runtime) -> date:
    """The clinic's date at `now` (the request's clock, in the clinic's zone)."""
    return now.astimezone(runtime.settings.tz).date()


@router.put("/Patient/{resource_id}")
async def update_patient(
    resource_id: str,
    body: PatientBody,
    runtime: RuntimeDep,
    session: FhirSession,
    staff: CurrentStaff,
    now: NowDep,
    if_match: IfMatch = None,
) -> FhirResponse:
    """Replace the patient's details with the resource's (elements left out are cleared: FHIR's
    update replaces; but the language is kept when it gives no `communication`). The body's
    `id` must be the URL's; an id this server never assigned is a 405."""
    fields = patient_fields(body, mrn_system=runtime.settings.clinic.mrn_system)
    if fields.resource_id != resource_id:
        raise fhir.BadRequest("Patient.id", "must be the id in the URL")
    expected = _expected_versions(if_match)
    try:
        patient, changed = await patients.update(
            session,
            patient_id=record_id("Patient", resource_id),
            expected_versions=expected,
            **fields.as_arguments(),
            today=_clinic_date(now, runtime),
        )
    except NotFound:
        raise fhir.UpdateCreateRefused("Patient", resource_id) from None
    except InvalidInput as error:
        raise unprocessable(error) from None
    await audit.record(
        session,
        actor=staff.actor,
        action="patient.update",
        resource_type="patient",
        resource_id=patient.id,
        patient_id=patient.id,
        details={"fields": changed},
    )
    return _respond(patient, runtime)
