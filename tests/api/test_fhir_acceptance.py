"""Issue #17's acceptance, end to end, as a generic FHIR client would go about it.

A client that reads `/fhir/R4/metadata` and follows it can: find Maria Garcia by `family=garcia`
and by `phone`, create a new patient with conditional create (twice: one patient), find free
cardiology slots, `$book` one, and read the booking back with `Appointment?patient=`. Every
resource and Bundle the server returns on the way is validated as R4 (tests/api/fhir_client.py).

The demo clinic is seeded at the tests' instant (tests/instant.py) on a database of its own, and
the server's clock ticks from the same instant, so nothing here depends on the real date.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import timedelta
from typing import Any

import httpx
import pytest

from api.app import create_app
from api.runtime import ServerUrls, open_runtime
from api.seeding import seed_demo
from store.auth import service as auth
from store.auth.models import Role
from store.clock import clock_from
from store.database import transaction
from store.migrate import upgrade
from tests.api.fhir_client import BASE, HEADERS, bundle, fhir_json, matches
from tests.instant import NOW

SNOMED_CARDIOLOGY = {"system": "http://snomed.info/sct", "code": "394579002"}


@pytest.fixture(scope="module")
async def ehr(
    settings: Any, make_session_database: Callable[[], str], redis_url: str, embedder: Any
) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client on the demo clinic, carrying an integration's bearer token."""
    url = make_session_database()
    upgrade(url)
    async with open_runtime(
        settings, ServerUrls(url, redis_url), embedder=embedder, clock=clock_from(NOW)
    ) as rt:
        await seed_demo(rt, now=NOW, console=None)
        async with transaction(rt.sessions) as session:
            secret, _ = await auth.create_token(session, name="ehr", role=Role.STAFF)
        transport = httpx.ASGITransport(app=create_app(runtime=rt))
        async with httpx.AsyncClient(
            transport=transport,
            base_url="http://127.0.0.1:8000",
            headers={"Authorization": f"Bearer {secret}"},
        ) as client:
            yield client


def _search_params(resource: dict[str, Any]) -> set[str]:
    return {p["name"] for p in resource.get("searchParam", [])}


async def test_a_client_that_follows_the_metadata_books_and_reads_back(ehr: httpx.AsyncClient) -> None:
    # 1. what does the server support? (no token needed)
    statement = fhir_json(await ehr.get(f"{BASE}/metadata", headers={"Authorization": ""}))
    resources = {r["type"]: r for r in statement["rest"][0]["resource"]}
    patient_support, slot_support = resources["Patient"], resources["Slot"]
    assert {"family", "phone", "identifier"} <= _search_params(patient_support)
    assert patient_support["conditionalCreate"] is True
    assert {"create", "read", "search-type"} <= {i["code"] for i in patient_support["interaction"]}
    assert {"specialty", "status", "start"} <= _search_params(slot_support)
    assert {"find", "book"} <= {o["name"] for o in resources["Appointment"]["operation"]}
    assert "patient" in _search_params(resources["Appointment"])

    # 2. Maria Garcia, by family name and by phone
    by_family = matches(bundle(await ehr.get(f"{BASE}/Patient", params={"family": "garcia"})))
    by_phone = matches(bundle(await ehr.get(f"{BASE}/Patient", params={"phone": "+15550100001"})))
    for found in (by_family, by_phone):
        maria = [p for p in found if p["name"][0]["text"] == "Maria Garcia"]
        assert len(maria) == 1 and maria[0]["birthDate"] == "1985-04-12"
    assert {p["id"] for p in by_family} & {p["id"] for p in by_phone} == {maria[0]["id"]}

    # 3. a new patient, pushed twice with conditional create: one patient
    mrn_system = "urn:prm:mrn"
    lena = {
        "resourceType": "Patient",
        "identifier": [{"system": mrn_system, "value": "EHR-000917"}],
        "name": [{"use": "official", "family": "Park", "given": ["Lena"]}],
        "telecom": [{"system": "phone", "value": "+15550109001", "use": "mobile"}],
        "birthDate": "1990-02-14",
    }
    condition = {"If-None-Exist": f"identifier={mrn_system}|EHR-000917"}
    first = await ehr.post(f"{BASE}/Patient", json=lena, headers=HEADERS | condition)
    second = await ehr.post(f"{BASE}/Patient", json=lena, headers=HEADERS | condition)
    patient_id = fhir_json(first, 201)["id"]
    assert fhir_json(second, 200)["id"] == patient_id
    same = bundle(await ehr.get(f"{BASE}/Patient", params={"identifier": f"{mrn_system}|EHR-000917"}))
    assert same["total"] == 1

    # 4. free cardiology slots from an hour on (the clock ticks), and $find proposing the first of
    # them (its specialty sent as a CodeableConcept, as some clients do)
    soon = NOW + timedelta(hours=1)
    free = bundle(
        await ehr.get(
            f"{BASE}/Slot",
            params={
                "specialty": f"{SNOMED_CARDIOLOGY['system']}|{SNOMED_CARDIOLOGY['code']}",
                "status": "free",
                "start": f"ge{soon.isoformat(timespec='seconds')}",
                "_count": "5",
            },
        )
    )
    slots = matches(free)
    assert len(slots) == 5 and free["total"] > 5
    assert all(s["status"] == "free" and s["specialty"][0]["coding"][0]["code"] == "394579002" for s in slots)
    found = await ehr.post(
        f"{BASE}/Appointment/$find",
        json={
            "resourceType": "Parameters",
            "parameter": [
                {"name": "start", "valueDateTime": slots[0]["start"]},
                {"name": "end", "valueDateTime": slots[0]["end"]},
                {"name": "specialty", "valueCodeableConcept": {"coding": [SNOMED_CARDIOLOGY]}},
            ],
        },
        headers=HEADERS,
    )
    proposed = matches(bundle(found))
    assert f"slot-{slots[0]['id']}" in {a["id"] for a in proposed}

    # 5. $book the first for the new patient
    booking = {
        "resourceType": "Parameters",
        "parameter": [
            {
                "name": "appointment-reference",
                "valueReference": {"reference": f"Appointment/slot-{slots[0]['id']}"},
            },
            {"name": "patient-reference", "valueReference": {"reference": f"Patient/{patient_id}"}},
            {"name": "comment", "valueString": "referred by the EHR"},
        ],
    }
    (booked,) = matches(bundle(await ehr.post(f"{BASE}/Appointment/$book", json=booking, headers=HEADERS)))
    assert booked["status"] == "booked"

    # 6. read the booking back by patient
    mine = bundle(await ehr.get(f"{BASE}/Appointment", params={"patient": f"Patient/{patient_id}"}))
    assert mine["total"] == 1
    (appointment,) = matches(mine)
    assert appointment["id"] == booked["id"] and appointment["slot"] == [
        {"reference": f"Slot/{slots[0]['id']}"}
    ]
    assert f"Patient/{patient_id}" in {p["actor"]["reference"] for p in appointment["participant"]}
    assert appointment["start"] == slots[0]["start"]
