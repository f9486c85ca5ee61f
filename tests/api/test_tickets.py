"""Staff API for tickets: auth, create (idempotent), filters, detail with comments, assign, comment,
transition (409 naming the allowed statuses), clear 4xx bodies, and audited reads."""

from __future__ import annotations

import random
import uuid
from datetime import date
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from store.audit.models import AuditEntry
from store.auth.models import Role, StaffUser
from store.patients.models import Patient

BASE = "/api/v1/prm/tickets"


async def committed_patient(runtime: Any, phone: str | None = None) -> Patient:
    """A patient in its own committed transaction (requests run in theirs)."""
    async with runtime.sessions() as session, session.begin():
        patient = Patient(
            given_name="Api",
            family_name="Ticket",
            birth_date=date(1970, 2, 3),
            phone=phone or f"+1555{random.randint(0, 9_999_999):07d}",
        )
        session.add(patient)
    return patient


async def committed_staff(runtime: Any, *, active: bool = True) -> StaffUser:
    async with runtime.sessions() as session, session.begin():
        staff = StaffUser(name="Desk", role=Role.STAFF, active=active)
        session.add(staff)
    return staff


async def reads(runtime: Any, ticket_id: str) -> list[AuditEntry]:
    async with runtime.sessions() as session:
        query = select(AuditEntry).where(
            AuditEntry.resource_id == ticket_id, AuditEntry.action == "ticket.read"
        )
        return list(await session.scalars(query))


async def create(client: httpx.AsyncClient, headers: dict[str, str], **body: Any) -> dict[str, Any]:
    response = await client.post(
        BASE, json={"category": "billing", "summary": "Bill"} | body, headers=headers
    )
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def test_needs_a_token(client: httpx.AsyncClient) -> None:
    assert (await client.get(BASE)).status_code == 401
    response = await client.post(BASE, json={}, headers={"Authorization": "Bearer nope"})
    assert response.status_code == 401


async def test_create_returns_201_with_due_time_and_replays_on_the_key(
    client: httpx.AsyncClient, runtime: Any, staff_headers: dict[str, str]
) -> None:
    patient = await committed_patient(runtime)
    body = {
        "category": "prescription",
        "summary": "Refill",
        "priority": "urgent",
        "patient_id": str(patient.id),
    }
    headers = staff_headers | {"Idempotency-Key": f"desk-{uuid.uuid4()}"}
    first = await create(client, headers, **body)
    assert (first["status"], first["priority"], first["patient_id"], first["comments"]) == (
        "open",
        "urgent",
        str(patient.id),
        [],
    )
    assert first["due_at"] is not None and first["resolved_at"] is None
    again = await create(client, headers, **body)
    assert again["id"] == first["id"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"category": "gossip", "summary": "x"}, "category"),
        ({"category": "billing", "summary": ""}, "summary"),
        ({"category": "billing", "summary": "x", "priority": "soon"}, "priority"),
        ({"category": "billing", "summary": "x", "due_at": "2031-01-01T09:00:00"}, "due_at"),
        ({"category": "billing", "summary": "x", "colour": "red"}, "colour"),
    ],
)
async def test_create_422_names_the_field(
    client: httpx.AsyncClient, staff_headers: dict[str, str], body: dict[str, Any], field: str
) -> None:
    response = await client.post(BASE, json=body, headers=staff_headers)
    assert response.status_code == 422
    assert response.json()["error"] == "invalid_input" and field in response.json()["message"]


async def test_create_404_for_an_unknown_patient(
    client: httpx.AsyncClient, staff_headers: dict[str, str]
) -> None:
    missing = uuid.uuid4()
    response = await client.post(
        BASE, json={"category": "billing", "summary": "x", "patient_id": str(missing)}, headers=staff_headers
    )
    assert response.status_code == 404
    assert response.json() == {"error": "not_found", "message": f"patient {missing} not found"}


async def test_list_filters_by_phone_status_category_priority_and_audits_reads(
    client: httpx.AsyncClient, runtime: Any, staff_headers: dict[str, str]
) -> None:
    parent = await committed_patient(runtime)
    child = await committed_patient(runtime, phone=parent.phone)
    records = await create(
        client, staff_headers, category="records", priority="high", patient_id=str(parent.id)
    )
    billing = await create(client, staff_headers, category="billing", patient_id=str(child.id))
    await create(client, staff_headers, category="records")  # no patient: not on the phone

    response = await client.get(BASE, params={"phone": parent.phone}, headers=staff_headers)
    assert response.status_code == 200
    listing = response.json()
    assert [t["id"] for t in listing["items"]] == [records["id"], billing["id"]]  # high before normal
    assert (listing["total"], listing["limit"], listing["offset"]) == (2, 50, 0)
    for params, expected in [
        ({"category": "billing"}, [billing["id"]]),
        ({"priority": "high"}, [records["id"]]),
        ({"status": "open", "limit": 1}, [records["id"]]),
        ({"status": "resolved"}, []),
    ]:
        found = (
            await client.get(BASE, params={"phone": parent.phone, **params}, headers=staff_headers)
        ).json()
        assert [t["id"] for t in found["items"]] == expected, params
    by_patient = (await client.get(BASE, params={"patient_id": str(child.id)}, headers=staff_headers)).json()
    assert [t["id"] for t in by_patient["items"]] == [billing["id"]]
    assert [e.patient_id for e in await reads(runtime, records["id"])] == [parent.id] * 3


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"status": "lost"}, "status"),
        ({"phone": "call me"}, "phone"),
        ({"limit": 0}, "limit"),
        ({"offset": 10**30}, "offset"),  # past any OFFSET Postgres takes (was a 500)
    ],
)
async def test_list_422_names_the_filter(
    client: httpx.AsyncClient, staff_headers: dict[str, str], params: dict[str, Any], field: str
) -> None:
    response = await client.get(BASE, params=params, headers=staff_headers)
    assert response.status_code == 422 and field in response.text


async def test_detail_comments_assign_and_transitions(
    client: httpx.AsyncClient, runtime: Any, staff_headers: dict[str, str]
) -> None:
    patient = await committed_patient(runtime)
    staff = await committed_staff(runtime)
    ticket = await create(client, staff_headers, patient_id=str(patient.id))
    url = f"{BASE}/{ticket['id']}"

    comment = await client.post(f"{url}/comments", json={"body": "Called back"}, headers=staff_headers)
    assert comment.status_code == 201
    assert (comment.json()["author"], comment.json()["body"]) == ("token:test-staff", "Called back")
    assigned = await client.post(f"{url}/assign", json={"assignee_id": str(staff.id)}, headers=staff_headers)
    assert assigned.status_code == 200 and assigned.json()["assignee_id"] == str(staff.id)
    resolved = await client.post(f"{url}/transition", json={"status": "resolved"}, headers=staff_headers)
    assert resolved.status_code == 200
    assert resolved.json()["status"] == "resolved" and resolved.json()["resolved_at"] is not None

    detail = await client.get(url, headers=staff_headers)
    assert detail.status_code == 200
    assert [c["body"] for c in detail.json()["comments"]] == ["Called back"]
    assert detail.json()["status"] == "resolved"
    [read] = await reads(runtime, ticket["id"])
    assert (read.actor, read.patient_id, read.details) == ("token:test-staff", patient.id, {})

    refused = await client.post(f"{url}/transition", json={"status": "in_progress"}, headers=staff_headers)
    assert refused.status_code == 409
    assert refused.json() == {
        "error": "invalid_transition",
        "message": "ticket cannot go from 'resolved' to 'in_progress'; allowed: closed, open",
        "current": "resolved",
        "target": "in_progress",
        "allowed": ["closed", "open"],
    }
    assert (await client.get(url, headers=staff_headers)).json()["status"] == "resolved"


async def test_unknown_records_and_bad_bodies(
    client: httpx.AsyncClient, runtime: Any, staff_headers: dict[str, str]
) -> None:
    ticket = await create(client, staff_headers)
    url = f"{BASE}/{ticket['id']}"
    missing = f"{BASE}/{uuid.uuid4()}"
    assert (await client.get(missing, headers=staff_headers)).status_code == 404
    for path, body in [
        ("transition", {"status": "closed"}),
        ("comments", {"body": "x"}),
        ("assign", {"assignee_id": None}),
    ]:
        response = await client.post(f"{missing}/{path}", json=body, headers=staff_headers)
        assert response.status_code == 404 and "ticket" in response.json()["message"], path
    retired = await committed_staff(runtime, active=False)
    response = await client.post(
        f"{url}/assign", json={"assignee_id": str(retired.id)}, headers=staff_headers
    )
    assert response.status_code == 404 and "staff user" in response.json()["message"]
    response = await client.post(f"{url}/transition", json={"status": "done"}, headers=staff_headers)
    assert response.status_code == 422 and "status" in response.json()["message"]
    response = await client.post(f"{url}/comments", json={"body": ""}, headers=staff_headers)
    assert response.status_code == 422 and "body" in response.json()["message"]
    assert (await client.get(f"{BASE}/not-a-uuid", headers=staff_headers)).status_code == 422


async def test_a_nul_character_is_a_422_and_nothing_is_stored(
    client: httpx.AsyncClient, staff_headers: dict[str, str]
) -> None:
    summary = f"Bill {uuid.uuid4().hex[:8]}\x00"
    response = await client.post(
        BASE, json={"category": "billing", "summary": summary}, headers=staff_headers
    )
    assert response.status_code == 422 and "NUL" in response.json()["message"]  # was a DataError and a 500
    listed = await client.get(BASE, params={"category": "billing", "limit": 200}, headers=staff_headers)
    assert all(not t["summary"].startswith(summary[:13]) for t in listed.json()["items"])


async def test_idempotency_keys_belong_to_their_caller_and_a_reused_key_with_another_body_is_409(
    client: httpx.AsyncClient, admin_headers: dict[str, str], staff_headers: dict[str, str]
) -> None:
    key = {"Idempotency-Key": "1"}  # what two integrations would both pick
    summary = f"Key test {uuid.uuid4().hex[:8]}"
    first = await create(client, staff_headers | key, summary=summary)
    other_caller = await create(client, admin_headers | key, summary=summary)
    assert other_caller["id"] != first["id"]  # was one shared ticket
    assert (await create(client, staff_headers | key, summary=summary))["id"] == first["id"]  # a retry
    changed = await client.post(
        BASE, json={"category": "billing", "summary": summary + " (changed)"}, headers=staff_headers | key
    )
    assert changed.status_code == 409 and changed.json()["error"] == "idempotency_key_reused"
