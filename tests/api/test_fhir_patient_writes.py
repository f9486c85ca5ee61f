"""FHIR Patient writes: create, conditional create (If-None-Exist), update with ETag / If-Match,
vread of the current version; the staff API's validation and audit; every error an OperationOutcome."""

from __future__ import annotations

import asyncio
import random
import string
import uuid
from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from sqlalchemy import func, select

from store.audit.models import AuditEntry
from store.database import transaction
from store.patients.models import Patient
from tests.api.fhir_client import BASE, HEADERS, bundle, fhir_json, ids, outcome, warnings

MRN = "urn:prm:mrn"


def _tag() -> str:
    return "".join(random.choices(string.ascii_lowercase, k=8))


def _patient(tag: str, **overrides: Any) -> dict[str, Any]:
    """A Patient as an EHR would push it: more than the clinic keeps (an address, a second name)."""
    resource: dict[str, Any] = {
        "resourceType": "Patient",
        "identifier": [
            {"system": MRN, "value": f"MRN-{tag}"},
            {"system": "http://ehr.example/ids", "value": "7"},
        ],
        "name": [
            {"use": "maiden", "family": "Old", "given": ["Lena"]},
            {"use": "official", "family": f"Park{tag}", "given": ["Lena", "Mae"]},
        ],
        "telecom": [
            {"system": "email", "value": f"lena.{tag}@example.org"},
            {"system": "phone", "value": "+1 (555) 010-9001", "use": "home"},
            {"system": "phone", "value": f"+1555{random.randint(0, 9_999_999):07d}", "use": "mobile"},
        ],
        "gender": "female",
        "birthDate": "1990-02-14",
        "address": [{"city": "Testville"}],
        "communication": [{"language": {"coding": [{"system": "urn:ietf:bcp:47", "code": "es-MX"}]}}],
    }
    return resource | overrides


async def _create(
    client: httpx.AsyncClient, headers: dict[str, str], body: object, **extra: str
) -> httpx.Response:
    return await client.post(f"{BASE}/Patient", json=body, headers=headers | HEADERS | extra)


async def _audit(runtime: Any, patient_id: str) -> list[tuple[str, dict[str, Any]]]:
    async with transaction(runtime.sessions) as session:
        entries = await session.scalars(
            select(AuditEntry).where(AuditEntry.patient_id == uuid.UUID(patient_id)).order_by(AuditEntry.id)
        )
        return [(e.action, e.details) for e in entries]


async def test_create_keeps_what_the_clinic_keeps_and_answers_201_with_location_and_etag(
    client: httpx.AsyncClient, staff_headers: dict[str, str], runtime: Any
) -> None:
    tag = _tag()
    sent = _patient(tag)
    response = await _create(client, staff_headers, sent)
    created = fhir_json(response, 201)
    assert response.headers["etag"] == 'W/"1"'
    assert response.headers["location"] == f"http://127.0.0.1:8000{BASE}/Patient/{created['id']}/_history/1"
    assert created["meta"]["versionId"] == "1"
    assert created["name"][0]["family"] == f"Park{tag}" and created["name"][0]["given"] == ["Lena", "Mae"]
    assert created["telecom"][0]["value"] == sent["telecom"][2]["value"]  # the mobile, not the home phone
    assert created["telecom"][1]["value"] == f"lena.{tag}@example.org"
    assert created["gender"] == "female" and created["birthDate"] == "1990-02-14"
    assert created["communication"][0]["language"]["coding"][0]["code"] == "es"
    assert {"system": MRN, "value": f"MRN-{tag}"}.items() <= created["identifier"][1].items()
    read = await client.get(f"{BASE}/Patient/{created['id']}", headers=staff_headers)
    assert fhir_json(read) == created and read.headers["etag"] == 'W/"1"'
    vread = await client.get(f"{BASE}/Patient/{created['id']}/_history/1", headers=staff_headers)
    assert fhir_json(vread) == created
    older = await client.get(f"{BASE}/Patient/{created['id']}/_history/0", headers=staff_headers)
    assert outcome(older, 404)["issue"][0]["code"] == "not-found"
    actions = [action for action, _ in await _audit(runtime, created["id"])]
    assert actions == ["patient.create", "patient.read", "patient.read"]  # as the staff API audits


async def test_conditional_create_twice_makes_one_patient_and_several_matches_are_412(
    client: httpx.AsyncClient, staff_headers: dict[str, str], runtime: Any
) -> None:
    tag = _tag()
    condition = {"If-None-Exist": f"identifier={MRN}|MRN-{tag}"}
    first = await _create(client, staff_headers, _patient(tag), **condition)
    created = fhir_json(first, 201)
    second = await _create(client, staff_headers, _patient(tag), **condition)
    assert fhir_json(second, 200)["id"] == created["id"]
    assert second.headers["etag"] == 'W/"1"' and "location" not in second.headers
    as_url = {"If-None-Exist": f"Patient?identifier={MRN}%7CMRN-{tag}"}  # a client that sends the URL
    assert (
        fhir_json(await _create(client, staff_headers, _patient(tag), **as_url), 200)["id"] == created["id"]
    )
    async with transaction(runtime.sessions) as session:
        count = await session.scalar(select(func.count()).where(Patient.ehr_id == f"MRN-{tag}"))
    assert count == 1

    other = _patient(_tag(), identifier=[])
    by_family = {"If-None-Exist": f"family=park{tag}"}
    assert fhir_json(await _create(client, staff_headers, other, **by_family), 200)["id"] == created["id"]
    fhir_json(await _create(client, staff_headers, _patient(tag, identifier=[])), 201)  # a namesake
    several = await _create(client, staff_headers, other, **by_family)
    assert outcome(several, 412)["issue"][0]["code"] == "conflict"


@pytest.mark.parametrize(
    ("condition", "expression"),
    [
        ("colour=red", "colour"),
        ("_count=1", "If-None-Exist"),
        ("", "If-None-Exist"),
        ("gender=yes", "gender"),
    ],
)
async def test_a_condition_that_is_not_a_patient_search_is_400(
    client: httpx.AsyncClient, staff_headers: dict[str, str], condition: str, expression: str
) -> None:
    response = await _create(client, staff_headers, _patient(_tag()), **{"If-None-Exist": condition})
    assert outcome(response, 400)["issue"][0]["expression"] == [expression]


async def test_update_with_if_match_bumps_the_version_and_a_stale_one_is_412(
    client: httpx.AsyncClient, staff_headers: dict[str, str], runtime: Any
) -> None:
    created = fhir_json(await _create(client, staff_headers, _patient(_tag())), 201)
    url = f"{BASE}/Patient/{created['id']}"
    unchanged = await client.put(url, json=created, headers=staff_headers | HEADERS | {"If-Match": 'W/"1"'})
    assert fhir_json(unchanged)["meta"]["versionId"] == "1"  # what a read gave back changes nothing

    edited = created | {"gender": "other", "telecom": created["telecom"][:1]}  # the e-mail removed
    response = await client.put(url, json=edited, headers=staff_headers | HEADERS | {"If-Match": 'W/"1"'})
    updated = fhir_json(response)
    assert response.headers["etag"] == 'W/"2"' and updated["meta"]["versionId"] == "2"
    assert updated["gender"] == "other" and [t["system"] for t in updated["telecom"]] == ["phone"]

    stale = await client.put(url, json=created, headers=staff_headers | HEADERS | {"If-Match": 'W/"1"'})
    assert outcome(stale, 412)["issue"][0]["code"] == "conflict"
    assert fhir_json(await client.get(url, headers=staff_headers))["gender"] == "other"  # untouched

    blind = await client.put(
        url, json=created, headers=staff_headers | HEADERS
    )  # no If-Match: last write wins
    assert fhir_json(blind)["meta"]["versionId"] == "3"
    audit = await _audit(runtime, created["id"])
    updates = [details["fields"] for action, details in audit if action == "patient.update"]
    assert updates == [[], ["email", "gender"], ["email", "gender"]]  # field names, never values


@pytest.mark.parametrize(
    ("if_match", "status"), [("*", 200), ('"1"', 200), ('W/"7"', 412), ("yesterday", 400)]
)
async def test_if_match_forms(
    client: httpx.AsyncClient, staff_headers: dict[str, str], if_match: str, status: int
) -> None:
    created = fhir_json(await _create(client, staff_headers, _patient(_tag())), 201)
    response = await client.put(
        f"{BASE}/Patient/{created['id']}",
        json=created,
        headers=staff_headers | HEADERS | {"If-Match": if_match},
    )
    fhir_json(response, status)


async def test_update_refuses_a_wrong_id_and_an_id_we_never_assigned(
    client: httpx.AsyncClient, staff_headers: dict[str, str]
) -> None:
    created = fhir_json(await _create(client, staff_headers, _patient(_tag())), 201)
    headers = staff_headers | HEADERS
    elsewhere = await client.put(f"{BASE}/Patient/{uuid.uuid4()}", json=created, headers=headers)
    assert outcome(elsewhere, 400)["issue"][0]["expression"] == ["Patient.id"]
    for unknown in (str(uuid.uuid4()), "mrn-42"):
        response = await client.put(
            f"{BASE}/Patient/{unknown}", json=created | {"id": unknown}, headers=headers
        )
        assert "create it with POST Patient" in outcome(response, 405)["issue"][0]["diagnostics"]


async def test_a_record_number_belongs_to_one_patient(
    client: httpx.AsyncClient, staff_headers: dict[str, str]
) -> None:
    tag = _tag()
    fhir_json(await _create(client, staff_headers, _patient(tag)), 201)
    again = await _create(
        client, staff_headers, _patient(tag)
    )  # no If-None-Exist: a second patient, same MRN
    assert outcome(again, 409)["issue"][0]["code"] == "conflict"
    other = fhir_json(await _create(client, staff_headers, _patient(_tag())), 201)
    taken = other | {"identifier": [{"system": MRN, "value": f"MRN-{tag}"}]}
    response = await client.put(f"{BASE}/Patient/{other['id']}", json=taken, headers=staff_headers | HEADERS)
    assert outcome(response, 409)["issue"][0]["code"] == "conflict"


def _without(resource: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in resource.items() if k != key}


BAD_PATIENTS: list[tuple[str, object, int, str]] = [
    ("not a patient", {"resourceType": "Practitioner"}, 400, "resourceType"),
    ("not an object", [1, 2], 400, ""),  # refused before it is read: no element to name
    ("invalid R4", _patient("x", name="Lena Park"), 400, "Patient.name"),
    ("unknown element", _patient("x", colour="red"), 400, "Patient.colour"),
    ("a NUL", _patient("x", name=[{"family": "P\x00", "given": ["L"]}]), 400, "Patient"),
    ("bad gender", _patient("x", gender="yes"), 400, "Patient.gender"),
    ("no name", _without(_patient("x"), "name"), 422, "Patient.name"),
    ("no given name", _patient("x", name=[{"family": "Park"}]), 422, "Patient.name"),
    ("no birth date", _without(_patient("x"), "birthDate"), 422, "Patient.birthDate"),
    ("a birth year only", _patient("x", birthDate="1990"), 422, "Patient.birthDate"),
    ("born tomorrow", _patient("x", birthDate="2999-01-01"), 422, "Patient.birthDate"),
    (
        "no phone",
        _patient("x", telecom=[{"system": "email", "value": "a@example.org"}]),
        422,
        "Patient.telecom",
    ),
    ("a bad phone", _patient("x", telecom=[{"system": "phone", "value": "12"}]), 422, "Patient.telecom"),
    (
        "a bad e-mail",
        _patient(
            "x", telecom=[{"system": "phone", "value": "+15550100001"}, {"system": "email", "value": "x"}]
        ),
        422,
        "Patient.telecom",
    ),
    (
        "French",
        _patient("x", communication=[{"language": {"coding": [{"code": "fr"}]}, "preferred": True}]),
        422,
        "Patient.communication",
    ),
    (
        "a name too long",
        _patient("x", name=[{"family": "P" * 101, "given": ["L"]}]),
        422,
        "Patient.name.family",
    ),
    ("deactivated", _patient("x", active=False), 422, "Patient.active"),
]


@pytest.mark.parametrize(
    ("body", "status", "expression"), [b[1:] for b in BAD_PATIENTS], ids=[b[0] for b in BAD_PATIENTS]
)
async def test_what_the_clinic_cannot_keep_is_a_4xx_naming_where(
    client: httpx.AsyncClient, staff_headers: dict[str, str], body: object, status: int, expression: str
) -> None:
    found = outcome(await _create(client, staff_headers, body), status)
    assert found["issue"][0].get("expression") == ([expression] if expression else None)


async def test_a_body_nested_hundreds_deep_is_a_400_not_a_crash(
    client: httpx.AsyncClient, staff_headers: dict[str, str]
) -> None:
    extension: dict[str, Any] = {"url": "http://x", "valueString": "a"}
    for _ in range(400):
        extension = {"url": "http://x", "extension": [extension]}
    for path, body in (
        ("Patient", _patient(_tag(), extension=[extension])),
        ("Appointment/$find", {"resourceType": "Parameters", "extension": [extension]}),
    ):
        response = await client.post(f"{BASE}/{path}", json=body, headers=staff_headers | HEADERS)
        assert "nested more than" in outcome(response, 400)["issue"][0]["diagnostics"]


async def test_writes_need_a_token(client: httpx.AsyncClient) -> None:
    response = await client.post(f"{BASE}/Patient", json=_patient(_tag()), headers=HEADERS)
    assert outcome(response, 401)["issue"][0]["code"] == "login"
    response = await client.put(f"{BASE}/Patient/{uuid.uuid4()}", json=_patient(_tag()), headers=HEADERS)
    assert outcome(response, 401)["issue"][0]["code"] == "login"


async def test_a_created_patient_is_found_by_its_record_number(
    client: httpx.AsyncClient, staff_headers: dict[str, str]
) -> None:
    tag = _tag()
    created = fhir_json(await _create(client, staff_headers, _patient(tag)), 201)
    found = bundle(await client.get(f"{BASE}/Patient?identifier={MRN}|MRN-{tag}", headers=staff_headers))
    assert ids(found) == {created["id"]}


async def test_concurrent_writes_on_one_version_and_one_condition_do_not_both_win(
    client: httpx.AsyncClient, staff_headers: dict[str, str], runtime: Any
) -> None:
    created = fhir_json(await _create(client, staff_headers, _patient(_tag())), 201)
    url, if_match = f"{BASE}/Patient/{created['id']}", staff_headers | HEADERS | {"If-Match": 'W/"1"'}
    edits = [created | {"gender": gender} for gender in ("male", "other", "unknown")]
    answers = await asyncio.gather(*(client.put(url, json=edit, headers=if_match) for edit in edits))
    assert sorted(a.status_code for a in answers) == [200, 412, 412]  # the row lock serialises them

    tag = _tag()
    condition = {"If-None-Exist": f"identifier={MRN}|MRN-{tag}"}
    pushes = await asyncio.gather(
        *(_create(client, staff_headers, _patient(tag), **condition) for _ in range(3))
    )
    assert sorted(p.status_code for p in pushes) == [200, 200, 201]  # the advisory lock serialises them
    assert len({fhir_json(p, p.status_code)["id"] for p in pushes}) == 1


async def test_conditions_written_differently_naming_one_person_still_create_one_patient(
    client: httpx.AsyncClient, staff_headers: dict[str, str]
) -> None:
    """The lock was keyed on the condition's text: `family=Park…` and `family=park…` both found
    nobody and both registered. Every conditional create now takes one lock."""
    for _ in range(3):  # a race lost once could be luck; three rounds of four at once
        tag = _tag()
        conditions = [
            f"family=Park{tag}",
            f"family=park{tag}",
            f"family=PARK{tag}&given=lena",
            f"Patient?given=Lena&family=park{tag}&birthdate=1990-02-14",
        ]
        pushes = await asyncio.gather(
            *(_create(client, staff_headers, _patient(tag), **{"If-None-Exist": c}) for c in conditions)
        )
        assert sorted(p.status_code for p in pushes) == [200, 200, 200, 201]
        assert len({fhir_json(p, p.status_code)["id"] for p in pushes}) == 1


async def test_if_match_takes_an_entity_tag_list_and_refuses_what_is_not_one(
    client: httpx.AsyncClient, staff_headers: dict[str, str]
) -> None:
    """RFC 9110: If-Match is `*` or a comma list of entity-tags, weak or strong, each quoted."""
    created = fhir_json(await _create(client, staff_headers, _patient(_tag())), 201)
    url, headers = f"{BASE}/Patient/{created['id']}", staff_headers | HEADERS
    for malformed in ("W/1", "1", 'W/"1" W/"2"', 'W/"1', ","):
        response = await client.put(url, json=created, headers=headers | {"If-Match": malformed})
        assert outcome(response, 400)["issue"][0]["expression"] == ["If-Match"], malformed
    for not_matching in ('W/"7", "8"', '"abc"', 'W/""'):
        response = await client.put(url, json=created, headers=headers | {"If-Match": not_matching})
        outcome(response, 412)
    for version, matching in enumerate(('W/"0", W/"1"', ' "2" , W/"9"', 'W/"9",, W/"3"'), start=1):
        edit = created | {"gender": ["male", "other", "unknown"][version - 1]}
        response = await client.put(url, json=edit, headers=headers | {"If-Match": matching})
        assert fhir_json(response)["meta"]["versionId"] == str(version + 1), matching


async def test_an_update_without_communication_keeps_the_patients_language(
    client: httpx.AsyncClient, staff_headers: dict[str, str]
) -> None:
    """It reset a Spanish speaker to English (the resource says nothing of language)."""
    created = fhir_json(await _create(client, staff_headers, _patient(_tag())), 201)  # es-MX
    assert created["communication"][0]["language"]["coding"][0]["code"] == "es"
    edit = {k: v for k, v in created.items() if k != "communication"} | {"gender": "other"}
    url = f"{BASE}/Patient/{created['id']}"
    updated = fhir_json(await client.put(url, json=edit, headers=staff_headers | HEADERS))
    assert updated["communication"][0]["language"]["coding"][0]["code"] == "es"
    english = edit | {"communication": [{"language": {"coding": [{"code": "en"}]}}]}
    updated = fhir_json(await client.put(url, json=english, headers=staff_headers | HEADERS))
    assert updated["communication"][0]["language"]["coding"][0]["code"] == "en"


async def test_a_dstu2_content_type_is_415_not_a_400_from_a_body_never_read(
    client: httpx.AsyncClient, staff_headers: dict[str, str]
) -> None:
    headers = staff_headers | {"Content-Type": "application/json+fhir", "Accept": "application/fhir+json"}
    response = await client.post(f"{BASE}/Patient", json=_patient(_tag()), headers=headers)
    outcome(response, 415)
    read = await client.get(f"{BASE}/metadata", headers={"Accept": "application/json+fhir"})
    assert fhir_json(read)["resourceType"] == "CapabilityStatement"  # asked for, it is still served


async def test_every_405_says_which_methods_are_allowed(
    client: httpx.AsyncClient, staff_headers: dict[str, str]
) -> None:
    created = fhir_json(await _create(client, staff_headers, _patient(_tag())), 201)
    answer = await client.delete(f"{BASE}/Patient/{created['id']}", headers=staff_headers)
    outcome(answer, 405)
    assert answer.headers["allow"] == "GET, HEAD, PUT"
    answer = await client.post(f"{BASE}/Slot", json={}, headers=staff_headers | HEADERS)
    outcome(answer, 405)
    assert answer.headers["allow"] == "GET, HEAD"
    unknown = str(uuid.uuid4())
    answer = await client.put(
        f"{BASE}/Patient/{unknown}", json=created | {"id": unknown}, headers=staff_headers | HEADERS
    )
    outcome(answer, 405)  # an id we never assigned: read it, but not create it by PUT
    assert answer.headers["allow"] == "GET, HEAD"


@pytest.mark.parametrize("result", ["_pretty=true", "_pretty=false", "_summary=false", "_format=json"])
async def test_result_parameters_are_taken_by_a_strict_search(
    client: httpx.AsyncClient, staff_headers: dict[str, str], result: str
) -> None:
    found = bundle(await client.get(f"{BASE}/Patient?family=zzz&{result}", headers=staff_headers))
    assert warnings(found) == []


async def test_elements_is_ignored_with_a_warning_and_other_summaries_refused(
    client: httpx.AsyncClient, staff_headers: dict[str, str]
) -> None:
    tag = _tag()
    created = fhir_json(await _create(client, staff_headers, _patient(tag)), 201)
    query = f"family=park{tag}&_elements=name,birthDate"
    found = bundle(await client.get(f"{BASE}/Patient?{query}", headers=staff_headers))
    assert ids(found) == {created["id"]} and found["entry"][0]["resource"]["telecom"]  # whole
    assert [w["code"] for w in warnings(found)] == ["not-supported"]
    assert "_elements" in warnings(found)[0]["diagnostics"]
    for refused in ("_summary=count", "_summary=true", "_pretty=yes"):
        response = await client.get(f"{BASE}/Patient?family=x&{refused}", headers=staff_headers)
        assert outcome(response, 400)["issue"][0]["expression"] == [refused.split("=")[0]]


async def test_a_birth_date_is_checked_against_the_clinics_date_not_utcs(
    monkeypatch: pytest.MonkeyPatch, data_dir: Any, database_url: str, redis_url: str, embedder: Any
) -> None:
    """At noon UTC it is already tomorrow on Kiritimati (UTC+14): a baby born there today is not
    born in the future. The check read the server's wall clock in UTC; it now reads the clinic's
    clock in the clinic's zone, on the FHIR paths and the staff API alike."""
    from api.app import create_app
    from api.runtime import ServerUrls, open_runtime
    from store.clock import clock_from
    from tests.instant import NOW

    zone = ZoneInfo("Pacific/Kiritimati")
    noon_utc = datetime.combine(NOW.date(), time(12), UTC)
    clinic_today = noon_utc.astimezone(zone).date()
    assert clinic_today > noon_utc.date()
    from api.settings import Settings

    monkeypatch.setenv("PRM_CLINIC_TZ", "Pacific/Kiritimati")  # the clinic's settings read it
    ahead = Settings(PRM_ENV="test", PRM_DATA_DIR=data_dir)
    assert ahead.tz == zone
    urls = ServerUrls(database_url, redis_url)
    async with open_runtime(ahead, urls, embedder=embedder, clock=clock_from(noon_utc)) as runtime:
        transport = httpx.ASGITransport(app=create_app(runtime=runtime))
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            from tests.conftest import _token

            headers = {"Authorization": f"Bearer {await _token(runtime, 'staff')}"}
            newborn = _patient(_tag(), birthDate=clinic_today.isoformat())
            created = fhir_json(await _create(client, headers, newborn), 201)
            edit = created | {"birthDate": (clinic_today + timedelta(days=1)).isoformat()}
            too_soon = await client.put(
                f"{BASE}/Patient/{created['id']}", json=edit, headers=headers | HEADERS
            )
            assert outcome(too_soon, 422)["issue"][0]["expression"] == ["Patient.birthDate"]
            staff = await client.post(
                "/api/v1/prm/patients",
                json={"name": "New Born", "birth_date": clinic_today.isoformat(), "phone": "+15550108765"},
                headers=headers,
            )
            assert staff.status_code == 201, staff.text
