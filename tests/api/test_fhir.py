"""FHIR R4 over HTTP: reads, searches and paging, IHE $find/$hold/$book, OperationOutcome errors, auth, audit.

Each test builds its own clinic (committed, since the app uses its own sessions) in a random
far-future week, so searches bounded by that week, schedule or patient only see its data.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

import httpx
import pytest
from fhir.resources.R4B.appointment import Appointment as FhirAppointment
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.operationoutcome import OperationOutcome
from fhir.resources.R4B.patient import Patient as FhirPatient
from fhir.resources.R4B.practitioner import Practitioner as FhirPractitioner
from fhir.resources.R4B.schedule import Schedule as FhirSchedule
from fhir.resources.R4B.slot import Slot as FhirSlot
from sqlalchemy import select

from store.audit.models import AuditEntry
from store.database import transaction
from store.patients import service as patients
from store.scheduling import service as scheduling
from tests.instant import NOW

TZ = ZoneInfo("America/New_York")
BASE = "/fhir/R4"
CARDIOLOGY = "http://snomed.info/sct|394579002"


@dataclass
class Clinic:
    monday: date
    cardio: uuid.UUID
    other_cardio: uuid.UUID
    derm: uuid.UUID
    schedule: uuid.UUID  # cardio's
    slots: list[uuid.UUID]  # cardio's, Monday and Tuesday, in time order
    patient: uuid.UUID
    phone: str
    birth_date: date


@pytest.fixture
async def clinic(runtime: Any) -> Clinic:
    day = date(2200, 1, 1) + timedelta(days=random.randint(0, 700_000))
    monday = day - timedelta(days=day.weekday())
    grid = scheduling.weekday_grid(monday, 2, TZ)
    phone = f"+1555{random.randint(0, 9_999_999):07d}"
    birth_date = date(1900, 1, 1) + timedelta(days=random.randint(0, 40_000))
    async with transaction(runtime.sessions) as session:
        location = await scheduling.create_location(
            session,
            name="FHIR Test Clinic",
            address_line="2 Test Ave",
            city="Testville",
            state="NY",
            postal_code="10002",
            timezone=TZ.key,
        )
        people = [
            await scheduling.create_practitioner(session, given_name=g, family_name=f, specialty=s)
            for g, f, s in (
                ("Cy", "Cole", "cardiology"),
                ("Di", "Dunn", "cardiology"),
                ("Ed", "Eng", "dermatology"),
            )
        ]
        schedules = [
            await scheduling.create_schedule(session, practitioner_id=p.id, location_id=location.id)
            for p in people
        ]
        slots = [await scheduling.create_slots(session, schedule_id=s.id, intervals=grid) for s in schedules]
        patient = await patients.create(
            session,
            given_name="Fay",
            family_name="Hir",
            birth_date=birth_date,
            phone=phone,
            today=NOW.date(),
        )
    return Clinic(
        monday=monday,
        cardio=people[0].id,
        other_cardio=people[1].id,
        derm=people[2].id,
        schedule=schedules[0].id,
        slots=[s.id for s in slots[0]],
        patient=patient.id,
        phone=phone,
        birth_date=birth_date,
    )


def _fhir(response: httpx.Response, status: int = 200) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/fhir+json")
    body: dict[str, Any] = response.json()
    return body


def _bundle(response: httpx.Response) -> dict[str, Any]:
    body = _fhir(response)
    Bundle.model_validate(body)
    return body


def _outcome(response: httpx.Response, status: int) -> dict[str, Any]:
    body = _fhir(response, status)
    OperationOutcome.model_validate(body)
    return body


def _resources(bundle: dict[str, Any]) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle.get("entry", []) if e["search"]["mode"] == "match"]


def _link(bundle: dict[str, Any], relation: str) -> str | None:
    return next((link["url"] for link in bundle["link"] if link["relation"] == relation), None)


def _week(clinic: Clinic) -> str:
    return f"start=ge{clinic.monday}&start=lt{clinic.monday + timedelta(days=7)}"


def _parameters(*parameters: dict[str, Any]) -> dict[str, Any]:
    return {"resourceType": "Parameters", "parameter": list(parameters)}


async def _post(
    client: httpx.AsyncClient, operation: str, body: object, headers: dict[str, str]
) -> httpx.Response:
    fhir_headers = headers | {"Content-Type": "application/fhir+json"}
    return await client.post(f"{BASE}/Appointment/{operation}", json=body, headers=fhir_headers)


async def test_every_fhir_endpoint_needs_a_bearer_token(client: httpx.AsyncClient) -> None:
    for method, path in (
        ("GET", "/Patient"),
        ("GET", f"/Slot/{uuid.uuid4()}"),
        ("POST", "/Appointment/$find"),
    ):
        response = await client.request(method, f"{BASE}{path}", json=_parameters())
        outcome = _outcome(response, 401)
        assert outcome["issue"][0]["code"] == "login"
        assert response.headers["www-authenticate"] == "Bearer"
    wrong = await client.get(f"{BASE}/Patient", headers={"Authorization": "Bearer not-a-token"})
    assert _outcome(wrong, 401)["issue"][0]["diagnostics"] == "invalid, expired or revoked token"


async def test_reads_validate_and_patient_reads_are_audited(
    client: httpx.AsyncClient, staff_headers: dict[str, str], clinic: Clinic, runtime: Any
) -> None:
    patient = _fhir(await client.get(f"{BASE}/Patient/{clinic.patient}", headers=staff_headers))
    FhirPatient.model_validate(patient)
    assert patient["telecom"][0]["value"] == clinic.phone
    practitioner = _fhir(await client.get(f"{BASE}/Practitioner/{clinic.cardio}", headers=staff_headers))
    FhirPractitioner.model_validate(practitioner)
    schedule = _fhir(await client.get(f"{BASE}/Schedule/{clinic.schedule}", headers=staff_headers))
    FhirSchedule.model_validate(schedule)
    slot = _fhir(await client.get(f"{BASE}/Slot/{clinic.slots[0]}", headers=staff_headers))
    FhirSlot.model_validate(slot)
    assert slot["start"] == f"{clinic.monday}T09:00:00{slot['start'][-6:]}"
    async with transaction(runtime.sessions) as session:
        entries = list(
            await session.scalars(select(AuditEntry).where(AuditEntry.patient_id == clinic.patient))
        )
    assert [(e.action, e.actor, e.resource_id) for e in entries] == [
        ("patient.read", "token:test-staff", str(clinic.patient))
    ]


@pytest.mark.parametrize(
    "path",
    [
        "/Patient/{random}",
        "/Patient/not-a-uuid",
        "/Slot/{random}",
        "/Appointment/slot-{random}",
        "/Appointment/slot-x",
    ],
)
async def test_unknown_ids_are_404_operation_outcomes(
    client: httpx.AsyncClient, staff_headers: dict[str, str], path: str
) -> None:
    response = await client.get(BASE + path.format(random=uuid.uuid4()), headers=staff_headers)
    assert _outcome(response, 404)["issue"][0]["code"] == "not-found"


async def test_patient_search_by_telecom_and_birthdate(
    client: httpx.AsyncClient, staff_headers: dict[str, str], clinic: Clinic
) -> None:
    for telecom in (
        quote(clinic.phone),
        quote(f"phone|{clinic.phone}"),
        clinic.phone,
    ):  # a raw + decodes to " "
        found = _bundle(await client.get(f"{BASE}/Patient?telecom={telecom}", headers=staff_headers))
        assert [p["id"] for p in _resources(found)] == [str(clinic.patient)]
        assert found["total"] == 1
    both = f"telecom={quote(clinic.phone)}&birthdate=eq{clinic.birth_date}"
    assert _bundle(await client.get(f"{BASE}/Patient?{both}", headers=staff_headers))["total"] == 1
    later = f"telecom={quote(clinic.phone)}&birthdate=gt{clinic.birth_date}"
    assert _bundle(await client.get(f"{BASE}/Patient?{later}", headers=staff_headers))["total"] == 0
    born = _bundle(await client.get(f"{BASE}/Patient?birthdate={clinic.birth_date}", headers=staff_headers))
    assert str(clinic.patient) in {p["id"] for p in _resources(born)}
    assert {p["birthDate"] for p in _resources(born)} == {clinic.birth_date.isoformat()}


async def test_practitioner_search_by_specialty_and_an_unknown_one(
    client: httpx.AsyncClient, staff_headers: dict[str, str], clinic: Clinic
) -> None:
    found = _bundle(
        await client.get(
            f"{BASE}/Practitioner?specialty={quote(CARDIOLOGY)}&_count=100", headers=staff_headers
        )
    )
    ids = {p["id"] for p in _resources(found)}
    assert {str(clinic.cardio), str(clinic.other_cardio)} <= ids
    assert str(clinic.derm) not in ids
    codes = {p["qualification"][0]["code"]["coding"][0]["code"] for p in _resources(found)}
    assert codes == {"394579002"}
    unknown = _bundle(await client.get(f"{BASE}/Practitioner?specialty=astrology", headers=staff_headers))
    assert unknown["total"] == 0
    assert unknown["entry"][0]["search"]["mode"] == "outcome"
    assert unknown["entry"][0]["resource"]["issue"][0]["severity"] == "warning"


async def test_schedule_search_by_actor(
    client: httpx.AsyncClient, staff_headers: dict[str, str], clinic: Clinic
) -> None:
    for actor in (f"Practitioner/{clinic.cardio}", str(clinic.cardio)):
        found = _bundle(await client.get(f"{BASE}/Schedule?actor={actor}", headers=staff_headers))
        assert [s["id"] for s in _resources(found)] == [str(clinic.schedule)]


async def test_slot_search_filters_and_pages_through_next_and_previous_links(
    client: httpx.AsyncClient, staff_headers: dict[str, str], clinic: Clinic
) -> None:
    query = f"status=free&{_week(clinic)}&schedule=Schedule/{clinic.schedule}&specialty={quote(CARDIOLOGY)}"
    first = _bundle(await client.get(f"{BASE}/Slot?{query}&_count=5", headers=staff_headers))
    assert first["total"] == len(clinic.slots) == 28
    assert [s["id"] for s in _resources(first)] == [str(s) for s in clinic.slots[:5]]
    assert all(s["status"] == "free" for s in _resources(first))
    assert first["entry"][0]["fullUrl"] == f"http://127.0.0.1:8000{BASE}/Slot/{clinic.slots[0]}"
    next_url = _link(first, "next")
    assert next_url is not None and "_offset=5" in next_url and _link(first, "previous") is None
    second = _bundle(await client.get(next_url.removeprefix("http://127.0.0.1:8000"), headers=staff_headers))
    assert [s["id"] for s in _resources(second)] == [str(s) for s in clinic.slots[5:10]]
    assert _link(second, "previous") is not None
    last = _bundle(await client.get(f"{BASE}/Slot?{query}&_count=5&_offset=25", headers=staff_headers))
    assert len(_resources(last)) == 3 and _link(last, "next") is None
    tuesday = (
        f"start=ge{clinic.monday + timedelta(days=1)}T12:00:00&start=lt{clinic.monday + timedelta(days=2)}"
    )
    afternoon = _bundle(
        await client.get(f"{BASE}/Slot?{tuesday}&schedule={clinic.schedule}", headers=staff_headers)
    )
    assert afternoon["total"] == 8  # 13:00-17:00, lunch free of slots
    busy = _bundle(
        await client.get(
            f"{BASE}/Slot?status=busy&{_week(clinic)}&schedule={clinic.schedule}", headers=staff_headers
        )
    )
    assert busy["total"] == 0


@pytest.mark.parametrize(
    ("query", "expression"),
    [
        ("Slot?colour=red", "colour"),
        ("Slot?start=yesterday", "start"),
        ("Slot?start=ne2026-12-01", "start"),
        ("Slot?status=gone", "status"),
        ("Slot?status:not=free", "status:not"),
        ("Slot?_count=ten", "_count"),
        ("Patient?_count=%C2%B2", "_count"),  # "²": str.isdigit() says yes, int() says no (was a 500)
        ("Slot?_offset=99999999999999999999999", "_offset"),  # past any OFFSET Postgres takes (was a 500)
        ("Slot?_offset=10001", "_offset"),
        ("Slot?schedule=Practitioner/1", "schedule"),
        ("Patient?telecom=carrier-pigeon|a", "telecom"),
        ("Patient?telecom=12", "telecom"),
        ("Appointment?patient=Patient/42", "patient"),
        ("Appointment?date=2026-12-01T09:00&date=xx", "date"),
    ],
)
async def test_bad_search_parameters_are_400_naming_them(
    client: httpx.AsyncClient, staff_headers: dict[str, str], query: str, expression: str
) -> None:
    outcome = _outcome(await client.get(f"{BASE}/{query}", headers=staff_headers), 400)
    assert outcome["issue"][0]["expression"] == [expression]
    assert outcome["issue"][0]["severity"] == "error"


async def _find(
    client: httpx.AsyncClient, headers: dict[str, str], clinic: Clinic, *extra: dict[str, Any]
) -> dict[str, Any]:
    body = _parameters(
        {"name": "start", "valueDate": clinic.monday.isoformat()},
        {"name": "end", "valueDate": (clinic.monday + timedelta(days=4)).isoformat()},
        *extra,
    )
    return _bundle(await _post(client, "$find", body, headers))


async def test_find_for_cardiology_returns_a_bundle_of_proposed_appointments(
    client: httpx.AsyncClient, staff_headers: dict[str, str], clinic: Clinic
) -> None:
    specialty = {"name": "specialty", "valueString": CARDIOLOGY}
    found = await _find(client, staff_headers, clinic, specialty, {"name": "_count", "valueInteger": 4})
    proposed = _resources(found)
    assert found["total"] == len(proposed) == 4
    practitioners = set()
    for appointment in proposed:
        FhirAppointment.model_validate(appointment)
        assert appointment["status"] == "proposed"
        assert appointment["specialty"][0]["coding"][0]["code"] == "394579002"
        assert appointment["slot"][0]["reference"].startswith("Slot/")
        actor = next(
            p["actor"] for p in appointment["participant"] if p["actor"]["reference"].startswith("Pract")
        )
        assert actor["display"] in {"Dr. Cy Cole", "Dr. Di Dunn"}
        practitioners.add(actor["reference"])
    assert practitioners == {f"Practitioner/{clinic.cardio}", f"Practitioner/{clinic.other_cardio}"}
    assert proposed[0]["id"] == f"slot-{clinic.slots[0]}" or proposed[1]["id"] == f"slot-{clinic.slots[0]}"
    again = _fhir(await client.get(f"{BASE}/Appointment/slot-{clinic.slots[0]}", headers=staff_headers))
    assert again["status"] == "proposed"


async def test_find_by_practitioner_and_with_an_unknown_specialty(
    client: httpx.AsyncClient, staff_headers: dict[str, str], clinic: Clinic
) -> None:
    by_practitioner = {"name": "practitioner", "valueReference": {"reference": f"Practitioner/{clinic.derm}"}}
    found = await _find(client, staff_headers, clinic, by_practitioner, {"name": "_count", "valueInteger": 3})
    assert {a["specialty"][0]["text"] for a in _resources(found)} == {"Dermatology"}
    unknown = await _find(client, staff_headers, clinic, {"name": "specialty", "valueString": "astrology"})
    assert unknown["total"] == 0
    assert (
        unknown["entry"][0]["resource"]["issue"][0]["diagnostics"] == "specialty 'astrology' is not offered"
    )


async def test_hold_then_book_then_retry_returns_the_same_appointment(
    client: httpx.AsyncClient, staff_headers: dict[str, str], clinic: Clinic, runtime: Any
) -> None:
    reference = {
        "name": "appointment-reference",
        "valueReference": {"reference": f"Appointment/slot-{clinic.slots[3]}"},
    }
    held = _bundle(await _post(client, "$hold", _parameters(reference), staff_headers))
    pending = _resources(held)[0]
    FhirAppointment.model_validate(pending)
    assert pending["status"] == "pending"
    assert pending["identifier"][0]["use"] == "temp"
    slot = _fhir(await client.get(f"{BASE}/Slot/{clinic.slots[3]}", headers=staff_headers))
    assert slot["status"] == "busy-tentative"

    pending["participant"].append(
        {"actor": {"reference": f"Patient/{clinic.patient}"}, "status": "tentative"}
    )
    pending["reasonCode"] = [{"text": "palpitations"}]
    booking = _parameters({"name": "appointment-resource", "resource": pending})
    booked = _resources(_bundle(await _post(client, "$book", booking, staff_headers)))[0]
    FhirAppointment.model_validate(booked)
    assert booked["status"] == "booked"
    assert booked["slot"] == [{"reference": f"Slot/{clinic.slots[3]}"}]
    assert booked["reasonCode"] == [{"text": "palpitations"}]
    assert {f"Patient/{clinic.patient}", f"Practitioner/{clinic.cardio}"} <= {
        p["actor"]["reference"] for p in booked["participant"]
    }
    retried = _resources(_bundle(await _post(client, "$book", booking, staff_headers)))[0]
    assert retried["id"] == booked["id"]

    slot = _fhir(await client.get(f"{BASE}/Slot/{clinic.slots[3]}", headers=staff_headers))
    assert slot["status"] == "busy"
    mine = _bundle(
        await client.get(
            f"{BASE}/Appointment?patient=Patient/{clinic.patient}&status=booked", headers=staff_headers
        )
    )
    assert [a["id"] for a in _resources(mine)] == [booked["id"]]
    read = _fhir(await client.get(f"{BASE}/Appointment/{booked['id']}", headers=staff_headers))
    assert read == booked
    async with transaction(runtime.sessions) as session:
        actions = list(
            await session.scalars(select(AuditEntry.action).where(AuditEntry.patient_id == clinic.patient))
        )
    assert sorted(actions) == ["appointment.book", "appointment.read", "appointment.read"]


async def test_book_on_a_taken_slot_is_409_listing_alternatives(
    client: httpx.AsyncClient, staff_headers: dict[str, str], clinic: Clinic
) -> None:
    reference = {
        "name": "appointment-reference",
        "valueReference": {"reference": f"Appointment/slot-{clinic.slots[5]}"},
    }
    patient = {"name": "patient-reference", "valueReference": {"reference": f"Patient/{clinic.patient}"}}
    _bundle(await _post(client, "$book", _parameters(reference, patient), staff_headers))
    taken = _outcome(await _post(client, "$book", _parameters(reference, patient), staff_headers), 409)
    assert taken["issue"][0]["code"] == "conflict"
    alternatives = taken["issue"][1:]
    assert len(alternatives) == 3
    assert all(
        i["severity"] == "information" and "Appointment/slot-" in i["diagnostics"] for i in alternatives
    )
    on_hold = _outcome(await _post(client, "$hold", _parameters(reference), staff_headers), 409)
    assert on_hold["issue"][0]["code"] == "conflict"


async def test_appointment_search_by_patient_status_and_date(
    client: httpx.AsyncClient, staff_headers: dict[str, str], clinic: Clinic
) -> None:
    reference = {
        "name": "appointment-reference",
        "valueReference": {"reference": f"Appointment/slot-{clinic.slots[16]}"},
    }
    patient = {"name": "patient-reference", "valueReference": {"reference": f"Patient/{clinic.patient}"}}
    booked = _resources(
        _bundle(await _post(client, "$book", _parameters(reference, patient), staff_headers))
    )[0]
    tuesday = clinic.monday + timedelta(days=1)
    for query, ids in (
        (f"patient={clinic.patient}&date={tuesday}", [booked["id"]]),
        (f"patient=Patient/{clinic.patient}&date=ge{tuesday}T10:00&date=lt{tuesday}T10:30", [booked["id"]]),
        (f"patient={clinic.patient}&date=lt{tuesday}", []),
        (f"patient={clinic.patient}&date=gt{tuesday}", []),
        (f"patient={clinic.patient}&status=cancelled", []),
        (f"practitioner=Practitioner/{clinic.cardio}&date={tuesday}", [booked["id"]]),
    ):
        found = _bundle(await client.get(f"{BASE}/Appointment?{query}", headers=staff_headers))
        assert [a["id"] for a in _resources(found)] == ids, query
        assert found["total"] == len(ids)


async def test_a_slot_held_by_someone_else_cannot_be_booked(
    client: httpx.AsyncClient, staff_headers: dict[str, str], clinic: Clinic
) -> None:
    reference = {
        "name": "appointment-reference",
        "valueReference": {"reference": f"Appointment/slot-{clinic.slots[7]}"},
    }
    _bundle(await _post(client, "$hold", _parameters(reference), staff_headers))
    patient = {"name": "patient-reference", "valueReference": {"reference": f"Patient/{clinic.patient}"}}
    _outcome(await _post(client, "$book", _parameters(reference, patient), staff_headers), 409)
    held = _fhir(await client.get(f"{BASE}/Appointment/slot-{clinic.slots[7]}", headers=staff_headers))
    assert held["status"] == "pending" and "identifier" not in held


@pytest.mark.parametrize(
    ("operation", "body", "status", "code"),
    [
        ("$find", {"resourceType": "Patient"}, 400, "invalid"),
        ("$find", _parameters({"name": "start", "valueDate": "2026-12-01"}), 400, "invalid"),
        ("$find", _parameters({"name": "visit-type", "valueString": "x"}), 400, "not-supported"),
        ("$hold", _parameters(), 400, "invalid"),
        ("$book", "not json at all", 400, "structure"),
        (
            "$book",
            _parameters(
                {
                    "name": "appointment",
                    "resource": {
                        "resourceType": "Appointment",
                        "status": "booked",
                        "participant": [{"actor": {"reference": "Patient/1"}, "status": "accepted"}],
                    },
                }
            ),
            422,
            "processing",
        ),
        (
            "$book",
            _parameters(
                {
                    "name": "appointment-reference",
                    "valueReference": {"reference": f"Appointment/slot-{uuid.uuid4()}"},
                },
                {"name": "patient-reference", "valueReference": {"reference": f"Patient/{uuid.uuid4()}"}},
            ),
            404,
            "not-found",
        ),
    ],
)
async def test_operation_errors_are_operation_outcomes(
    client: httpx.AsyncClient,
    staff_headers: dict[str, str],
    operation: str,
    body: object,
    status: int,
    code: str,
) -> None:
    if isinstance(body, str):
        response = await client.post(
            f"{BASE}/Appointment/{operation}",
            content=body,
            headers=staff_headers | {"Content-Type": "application/fhir+json"},
        )
    else:
        response = await _post(client, operation, body, staff_headers)
    assert _outcome(response, status)["issue"][0]["code"] == code


async def test_a_book_resource_without_a_status_is_a_clear_error(
    client: httpx.AsyncClient, staff_headers: dict[str, str]
) -> None:
    pending = {  # no status
        "resourceType": "Appointment",
        "slot": [{"reference": f"Slot/{uuid.uuid4()}"}],
        "participant": [{"actor": {"reference": f"Patient/{uuid.uuid4()}"}, "status": "needs-action"}],
    }
    response = await _post(
        client, "$book", _parameters({"name": "appointment-resource", "resource": pending}), staff_headers
    )
    outcome = _outcome(response, 400)  # the resource is validated before it is read: never a KeyError
    assert outcome["issue"][0]["expression"] == ["Parameters.parameter.0.resource.status"]


async def test_status_and_specialty_tokens_take_every_fhir_form(
    client: httpx.AsyncClient, staff_headers: dict[str, str], clinic: Clinic
) -> None:
    """A status is a `code` with an implicit system: `<slotstatus>|free` is `free`, `<slotstatus>|`
    any status, `|free` (no system) none; `<SNOMED CT>|` is any specialty. Each was a 400 or a
    warning before."""
    where = f"{_week(clinic)}&schedule={clinic.schedule}"
    for status, total in (
        (quote("http://hl7.org/fhir/slotstatus|free"), 28),
        (quote("http://hl7.org/fhir/slotstatus|"), 28),
        (quote("|free"), 0),
        (quote("http://hl7.org/fhir/appointmentstatus|free"), 0),  # another code system
    ):
        found = _bundle(await client.get(f"{BASE}/Slot?status={status}&{where}", headers=staff_headers))
        assert found["total"] == total, status
    any_specialty = quote("http://snomed.info/sct|")
    found = _bundle(await client.get(f"{BASE}/Slot?specialty={any_specialty}&{where}", headers=staff_headers))
    assert found["total"] == 28 and "OperationOutcome" not in str(found)
    booked = quote("http://hl7.org/fhir/appointmentstatus|")
    when = _week(clinic).replace("start=", "date=")
    appointments = await client.get(f"{BASE}/Appointment?status={booked}&{when}", headers=staff_headers)
    assert appointments.status_code == 200, appointments.text


async def test_no_next_link_past_the_deepest_offset_but_a_warning_to_narrow_the_search(
    client: httpx.AsyncClient, staff_headers: dict[str, str], clinic: Clinic, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A `next` link past `MAX_OFFSET` would only be refused (400): it was emitted before."""
    from store.fhir import search

    monkeypatch.setattr(search, "MAX_OFFSET", 20)
    query = f"{_week(clinic)}&schedule={clinic.schedule}&_count=5"
    last_page = _bundle(await client.get(f"{BASE}/Slot?{query}&_offset=20", headers=staff_headers))
    assert last_page["total"] == 28 and len(_resources(last_page)) == 5
    assert _link(last_page, "next") is None and _link(last_page, "previous") is not None
    [issue] = [
        i
        for e in last_page["entry"]
        if e["resource"]["resourceType"] == "OperationOutcome"
        for i in e["resource"]["issue"]
    ]
    assert (
        issue["severity"] == "warning" and issue["code"] == "too-costly" and "narrow" in issue["diagnostics"]
    )
    earlier = _bundle(await client.get(f"{BASE}/Slot?{query}&_offset=10", headers=staff_headers))
    next_url = _link(earlier, "next")
    assert next_url is not None  # offset 15 is still served
    assert (
        await client.get(next_url.removeprefix("http://127.0.0.1:8000"), headers=staff_headers)
    ).status_code == 200
