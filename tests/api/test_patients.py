"""Staff API for patients: register, list by phone, read; validation, auth and the audit trail."""

from __future__ import annotations

import random
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from store.audit.models import AuditEntry
from store.database import transaction
from store.patients.models import Patient

URL = "/api/v1/prm/patients"


def _phone() -> str:
    return f"+1555{random.randint(0, 9_999_999):07d}"


async def _count_on(runtime: Any, phone: str) -> int:
    async with transaction(runtime.sessions) as session:
        return await session.scalar(select(func.count()).where(Patient.phone == phone)) or 0


async def _reads(runtime: Any, patient_id: str) -> list[AuditEntry]:
    async with transaction(runtime.sessions) as session:
        query = select(AuditEntry).where(
            AuditEntry.patient_id == patient_id, AuditEntry.action == "patient.read"
        )
        return list(await session.scalars(query))


async def test_register_then_read_writes_audit(
    client: httpx.AsyncClient, staff_headers: dict[str, str], runtime: Any
) -> None:
    phone = _phone()
    body = {"name": "Lena Park", "birth_date": "1990-02-14", "phone": phone[2:], "preferred_language": "es"}
    created = await client.post(URL, json=body, headers=staff_headers)
    assert created.status_code == 201, created.text
    patient = created.json()
    assert (patient["given_name"], patient["family_name"], patient["phone"]) == ("Lena", "Park", phone)
    assert patient["preferred_language"] == "es" and patient["birth_date"] == "1990-02-14"
    assert await _reads(runtime, patient["id"]) == []

    read = await client.get(f"{URL}/{patient['id']}", headers=staff_headers)
    assert read.status_code == 200 and read.json()["name"] == "Lena Park"
    [entry] = await _reads(runtime, patient["id"])
    assert (entry.actor, entry.resource_id) == ("token:test-staff", patient["id"])
    assert "Lena" not in str(entry.details) and phone not in str(entry.details)


async def test_list_by_phone_pages_and_audits_each_patient_shown(
    client: httpx.AsyncClient, staff_headers: dict[str, str], runtime: Any
) -> None:
    phone = _phone()
    ids = []
    for name in ("Maria Garcia", "Leo Garcia", "Ana Garcia"):
        response = await client.post(
            URL, json={"name": name, "birth_date": "2001-01-01", "phone": phone}, headers=staff_headers
        )
        ids.append(response.json()["id"])
    listed = await client.get(URL, params={"phone": phone, "limit": 2}, headers=staff_headers)
    page = listed.json()
    assert (page["total"], page["limit"], page["offset"]) == (3, 2, 0)
    assert [p["given_name"] for p in page["items"]] == ["Ana", "Leo"]
    shown = {p["id"] for p in page["items"]}
    for patient_id in ids:
        assert len(await _reads(runtime, patient_id)) == (1 if patient_id in shown else 0)
    rest = await client.get(URL, params={"phone": phone, "limit": 2, "offset": 2}, headers=staff_headers)
    assert [p["given_name"] for p in rest.json()["items"]] == ["Maria"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"phone": "call me maybe"}, "phone"),
        ({"phone": "+1555"}, "phone"),
        ({"name": "Madonna"}, "name"),
        ({"birth_date": "2999-01-01"}, "birth_date"),
        ({"birth_date": "14/02/1990"}, "birth_date"),
        ({"preferred_language": "fr"}, "preferred_language"),
        ({"email": "nope"}, "email"),
        ({"surprise": 1}, "surprise"),
    ],
)
async def test_bad_fields_are_422_naming_the_field_and_write_nothing(
    client: httpx.AsyncClient, staff_headers: dict[str, str], runtime: Any, change: dict[str, Any], field: str
) -> None:
    phone = _phone()
    body = {"name": "Lena Park", "birth_date": "1990-02-14", "phone": phone} | change
    response = await client.post(URL, json=body, headers=staff_headers)
    assert response.status_code == 422
    assert field in response.json()["message"]
    assert await _count_on(runtime, phone) == 0


async def test_oversized_body_is_413_and_writes_nothing(
    client: httpx.AsyncClient, staff_headers: dict[str, str], runtime: Any
) -> None:
    phone = _phone()
    body = {"name": "Lena Park" + " x" * 600_000, "birth_date": "1990-02-14", "phone": phone}
    response = await client.post(URL, json=body, headers=staff_headers)
    assert response.status_code == 413
    assert await _count_on(runtime, phone) == 0


async def test_unknown_patient_is_404_and_malformed_id_422(
    client: httpx.AsyncClient, staff_headers: dict[str, str]
) -> None:
    missing = await client.get(f"{URL}/6f1c2a9e-0000-4000-8000-000000000000", headers=staff_headers)
    assert missing.status_code == 404 and missing.json()["error"] == "not_found"
    malformed = await client.get(f"{URL}/not-a-uuid", headers=staff_headers)
    assert malformed.status_code == 422 and "patient_id" in malformed.json()["message"]


async def test_a_bad_phone_filter_is_422(client: httpx.AsyncClient, staff_headers: dict[str, str]) -> None:
    response = await client.get(URL, params={"phone": "nope"}, headers=staff_headers)
    assert response.status_code == 422 and response.json()["field"] == "phone"


async def test_token_required(client: httpx.AsyncClient, runtime: Any) -> None:
    phone = _phone()
    assert (await client.get(URL)).status_code == 401
    body = {"name": "Lena Park", "birth_date": "1990-02-14", "phone": phone}
    refused = await client.post(URL, json=body, headers={"Authorization": "Bearer prm_wrong"})
    assert refused.status_code == 401
    assert await _count_on(runtime, phone) == 0
