"""Staff API for journeys: definitions (admin only to create), starting, listing, advancing with
guards (409 naming what is allowed), cancelling, detail with history, and audited reads."""

from __future__ import annotations

import random
import secrets
import uuid
from datetime import date
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from store.audit.models import AuditEntry
from store.patients.models import Patient

BASE = "/api/v1/prm/journeys"


async def committed_patient(runtime: Any) -> Patient:
    async with runtime.sessions() as session, session.begin():
        patient = Patient(
            given_name="Api",
            family_name="Journey",
            birth_date=date(1988, 4, 5),
            phone=f"+1555{random.randint(0, 9_999_999):07d}",
        )
        session.add(patient)
    return patient


def definition(key: str) -> dict[str, Any]:
    return {
        "key": key,
        "name": "Pre-visit",
        "trigger": f"appointment.booked.{key}",
        "stages": [
            {
                "key": "paperwork",
                "name": "Paperwork",
                "asks": ["insurance"],
                "actions": [{"kind": "send_message", "template": "forms", "offset_minutes": 0}],
            },
            {"key": "visit", "name": "Visit", "advance_on": "appointment.completed"},
            {"key": "survey", "name": "Survey"},
        ],
    }


@pytest.fixture
async def key(client: httpx.AsyncClient, admin_headers: dict[str, str]) -> str:
    """A committed definition of this test's own."""
    key = f"pre-visit-{secrets.token_hex(4)}"
    response = await client.post(f"{BASE}/definitions", json=definition(key), headers=admin_headers)
    assert response.status_code == 201, response.text
    return key


async def test_definitions_admin_creates_staff_reads(
    client: httpx.AsyncClient, admin_headers: dict[str, str], staff_headers: dict[str, str], key: str
) -> None:
    other = definition(f"other-{secrets.token_hex(4)}")
    response = await client.post(f"{BASE}/definitions", json=other, headers=staff_headers)
    assert response.status_code == 403 and "admin" in response.json()["message"]
    assert (await client.get(f"{BASE}/definitions")).status_code == 401
    listing = (await client.get(f"{BASE}/definitions", params={"limit": 200}, headers=staff_headers)).json()
    [mine] = [d for d in listing["items"] if d["key"] == key]
    assert [(s["position"], s["key"], s["advance_on"]) for s in mine["stages"]] == [
        (0, "paperwork", None),
        (1, "visit", "appointment.completed"),
        (2, "survey", None),
    ]
    assert mine["stages"][0]["actions"] == [
        {"kind": "send_message", "template": "forms", "offset_minutes": 0, "anchor": "stage_entered"}
    ]
    duplicate = await client.post(f"{BASE}/definitions", json=definition(key), headers=admin_headers)
    assert duplicate.status_code == 409 and key in duplicate.json()["message"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"stages": []}, "stages"),
        ({"key": "Not A Key"}, "key"),
        ({"stages": [{"key": "a", "name": "A"}, {"key": "a", "name": "B"}]}, "stages"),
        (
            {"stages": [{"key": "a", "name": "A", "actions": [{"kind": "x", "template": "y"}]}]},
            "offset_minutes",
        ),
        (
            {
                "stages": [
                    {
                        "key": "a",
                        "name": "A",
                        "actions": [{"kind": "x", "template": "y", "offset_minutes": 1, "anchor": "lunch"}],
                    }
                ]
            },
            "anchor",
        ),
    ],
)
async def test_bad_definitions_are_422_naming_the_field(
    client: httpx.AsyncClient, admin_headers: dict[str, str], change: dict[str, Any], field: str
) -> None:
    body = definition(f"bad-{secrets.token_hex(4)}") | change
    response = await client.post(f"{BASE}/definitions", json=body, headers=admin_headers)
    assert response.status_code == 422 and field in response.json()["message"]


async def test_start_advance_and_read_a_journey(
    client: httpx.AsyncClient, runtime: Any, staff_headers: dict[str, str], key: str
) -> None:
    patient = await committed_patient(runtime)
    started = await client.post(
        BASE, json={"patient_id": str(patient.id), "definition_key": key}, headers=staff_headers
    )
    assert started.status_code == 201
    journey = started.json()
    assert (journey["status"], journey["current_stage"], journey["definition_key"]) == (
        "active",
        "paperwork",
        key,
    )
    assert [(h["event"], h["to_stage"]) for h in journey["history"]] == [("started", "paperwork")]
    again = await client.post(
        BASE, json={"patient_id": str(patient.id), "definition_key": key}, headers=staff_headers
    )
    assert again.json()["id"] == journey["id"]

    url = f"{BASE}/{journey['id']}"
    moved = await client.post(
        f"{url}/advance", json={"event": "forms.received", "note": "all in"}, headers=staff_headers
    )
    assert moved.status_code == 200 and moved.json()["current_stage"] == "visit"
    refused = await client.post(f"{url}/advance", json={"event": "whatever"}, headers=staff_headers)
    assert refused.status_code == 409
    assert refused.json() == {
        "error": "invalid_transition",
        "message": "journey stage 'visit' advances on event 'appointment.completed', not 'whatever'",
        "current": "visit",
        "target": "whatever",
        "allowed": ["appointment.completed"],
    }
    done = await client.post(
        f"{url}/advance", json={"event": "appointment.completed", "to_stage": "survey"}, headers=staff_headers
    )
    assert done.json()["current_stage"] == "survey"
    backwards = await client.post(
        f"{url}/advance", json={"event": "x", "to_stage": "visit"}, headers=staff_headers
    )
    assert backwards.status_code == 409 and backwards.json()["allowed"] == []
    unknown = await client.post(
        f"{url}/advance", json={"event": "x", "to_stage": "nowhere"}, headers=staff_headers
    )
    assert unknown.status_code == 422 and unknown.json()["field"] == "to_stage"

    detail = await client.get(url, headers=staff_headers)
    assert detail.status_code == 200
    assert [(h["event"], h["from_stage"], h["to_stage"], h["note"]) for h in detail.json()["history"]] == [
        ("started", None, "paperwork", None),
        ("forms.received", "paperwork", "visit", "all in"),
        ("appointment.completed", "visit", "survey", None),
    ]
    listing = (await client.get(BASE, params={"patient_id": str(patient.id)}, headers=staff_headers)).json()
    assert [j["id"] for j in listing["items"]] == [journey["id"]] and listing["total"] == 1
    async with runtime.sessions() as session:
        query = select(AuditEntry).where(
            AuditEntry.resource_id == journey["id"], AuditEntry.action == "journey.read"
        )
        assert [e.patient_id for e in await session.scalars(query)] == [patient.id, patient.id]


async def test_cancel_and_filter_by_status(
    client: httpx.AsyncClient, runtime: Any, staff_headers: dict[str, str], key: str
) -> None:
    patient = await committed_patient(runtime)
    journey = (
        await client.post(
            BASE, json={"patient_id": str(patient.id), "definition_key": key}, headers=staff_headers
        )
    ).json()
    cancelled = await client.post(
        f"{BASE}/{journey['id']}/cancel", json={"reason": "moved"}, headers=staff_headers
    )
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    for status, expected in [("cancelled", [journey["id"]]), ("active", [])]:
        found = await client.get(
            BASE, params={"patient_id": str(patient.id), "status": status}, headers=staff_headers
        )
        assert [j["id"] for j in found.json()["items"]] == expected
    advance = await client.post(f"{BASE}/{journey['id']}/advance", json={"event": "x"}, headers=staff_headers)
    assert advance.status_code == 409 and "cancelled" in advance.json()["message"]
    assert (await client.get(BASE, params={"status": "paused"}, headers=staff_headers)).status_code == 422


async def test_unknown_records(
    client: httpx.AsyncClient, runtime: Any, staff_headers: dict[str, str], key: str
) -> None:
    patient = await committed_patient(runtime)
    missing_patient = await client.post(
        BASE, json={"patient_id": str(uuid.uuid4()), "definition_key": key}, headers=staff_headers
    )
    assert missing_patient.status_code == 404 and "patient" in missing_patient.json()["message"]
    missing_definition = await client.post(
        BASE, json={"patient_id": str(patient.id), "definition_key": "no-such-journey"}, headers=staff_headers
    )
    assert (
        missing_definition.status_code == 404 and "journey definition" in missing_definition.json()["message"]
    )
    bad_context = await client.post(
        BASE,
        json={"patient_id": str(patient.id), "definition_key": key, "context": {"appointment_start": "soon"}},
        headers=staff_headers,
    )
    assert bad_context.status_code == 422 and bad_context.json()["field"] == "context.appointment_start"
    missing = f"{BASE}/{uuid.uuid4()}"
    assert (await client.get(missing, headers=staff_headers)).status_code == 404
    assert (
        await client.post(f"{missing}/advance", json={"event": "x"}, headers=staff_headers)
    ).status_code == 404
    assert (await client.post(f"{missing}/cancel", headers=staff_headers)).status_code == 404
    assert (
        await client.post(BASE, json={"patient_id": str(patient.id)}, headers=staff_headers)
    ).status_code == 422
