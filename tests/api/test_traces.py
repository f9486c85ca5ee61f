"""Staff API for traces: 401 without a valid token; list (one conversation, newest first, paged,
summaries without steps) and detail (every step) for both roles; every trace shown audited with
the conversation's patient; 404 and 422 for unknown ids and bad paging."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from store.audit.models import AuditEntry
from store.conversations import service as conversations
from store.conversations.models import Channel
from store.patients.models import Patient
from store.traces import service as traces

BASE = "/api/v1/prm/traces"
T0 = datetime(2031, 7, 1, 15, 0, tzinfo=UTC)
STEPS = [
    {"kind": "node", "name": "understand", "started_ms": 0.2, "duration_ms": 1.0, "changed": ["intent"]},
    {"kind": "tool", "name": "find_slots", "started_ms": 1.4, "duration_ms": 6.5, "input": {"limit": 3}},
]


async def committed_conversation(runtime: Any, *, with_patient: bool) -> tuple[uuid.UUID, uuid.UUID | None]:
    """A conversation (and its verified patient, if asked) in a committed transaction."""
    phone = f"+1555{random.randint(0, 9_999_999):07d}"
    async with runtime.sessions() as session, session.begin():
        conversation = await conversations.get_or_create(session, channel=Channel.WHATSAPP, address=phone)
        if not with_patient:
            return conversation.id, None
        patient = Patient(given_name="Tracy", family_name="Trace", birth_date=date(1988, 1, 2), phone=phone)
        session.add(patient)
        await session.flush()
        await conversations.link_patient(session, conversation_id=conversation.id, patient_id=patient.id)
        return conversation.id, patient.id


async def committed_traces(runtime: Any, conversation_id: uuid.UUID, turns: int) -> list[uuid.UUID]:
    async with runtime.sessions() as session, session.begin():
        made = [
            await traces.record(
                session,
                conversation_id=conversation_id,
                turn=turn,
                started_at=T0 + timedelta(minutes=turn),
                duration_ms=30 + turn,
                inbound_ids=[uuid.uuid4()],
                inbound_text=f"message {turn}",
                reply=f"reply {turn}",
                outcome="booked" if turn == turns else "none",
                steps=STEPS,
            )
            for turn in range(1, turns + 1)
        ]
        return [t.id for t in made]


async def reads(runtime: Any, trace_ids: list[uuid.UUID]) -> list[AuditEntry]:
    async with runtime.sessions() as session:
        query = select(AuditEntry).where(
            AuditEntry.action == "trace.read", AuditEntry.resource_id.in_([str(i) for i in trace_ids])
        )
        return list(await session.scalars(query.order_by(AuditEntry.id)))


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer not-a-token"}])
async def test_needs_a_valid_token(client: httpx.AsyncClient, headers: dict[str, str]) -> None:
    assert (await client.get(BASE, headers=headers)).status_code == 401
    assert (await client.get(f"{BASE}/{uuid.uuid4()}", headers=headers)).status_code == 401


async def test_list_one_conversation_newest_first_paged_and_audited(
    client: httpx.AsyncClient, runtime: Any, staff_headers: dict[str, str]
) -> None:
    conversation_id, patient_id = await committed_conversation(runtime, with_patient=True)
    ids = await committed_traces(runtime, conversation_id, turns=3)
    other_id, _ = await committed_conversation(runtime, with_patient=False)
    await committed_traces(runtime, other_id, turns=1)

    params: dict[str, Any] = {"conversation_id": str(conversation_id), "limit": 2}
    first = (await client.get(BASE, params=params, headers=staff_headers)).json()
    second = (await client.get(BASE, params=params | {"offset": 2}, headers=staff_headers)).json()

    assert (first["total"], first["limit"], first["offset"], second["offset"]) == (3, 2, 0, 2)
    items = first["items"] + second["items"]
    assert [i["id"] for i in items] == [str(i) for i in reversed(ids)]
    newest = items[0]
    assert (newest["turn"], newest["outcome"], newest["inbound_text"], newest["reply"]) == (
        3,
        "booked",
        "message 3",
        "reply 3",
    )
    assert (newest["patient_id"], newest["step_count"], newest["duration_ms"]) == (str(patient_id), 2, 33)
    assert "steps" not in newest
    entries = await reads(runtime, ids)
    assert sorted(e.resource_id or "" for e in entries) == sorted(str(i) for i in ids)
    assert {(e.actor, e.patient_id, e.resource_type) for e in entries} == {
        ("token:test-staff", patient_id, "trace")
    }


@pytest.mark.parametrize("role", ["staff", "admin"])
async def test_detail_shows_steps_to_both_roles_and_audits_each_view(
    client: httpx.AsyncClient,
    runtime: Any,
    staff_headers: dict[str, str],
    admin_headers: dict[str, str],
    role: str,
) -> None:
    headers = staff_headers if role == "staff" else admin_headers
    conversation_id, patient_id = await committed_conversation(runtime, with_patient=True)
    [trace_id] = await committed_traces(runtime, conversation_id, turns=1)

    for _ in range(2):
        response = await client.get(f"{BASE}/{trace_id}", headers=headers)
        assert response.status_code == 200, response.text
    body = response.json()
    assert (body["id"], body["conversation_id"], body["inbound_text"]) == (
        str(trace_id),
        str(conversation_id),
        "message 1",
    )
    assert body["steps"] == STEPS
    entries = await reads(runtime, [trace_id])
    assert [(e.actor, e.patient_id) for e in entries] == [(f"token:test-{role}", patient_id)] * 2


async def test_a_trace_without_a_verified_patient_is_still_audited(
    client: httpx.AsyncClient, runtime: Any, staff_headers: dict[str, str]
) -> None:
    conversation_id, _ = await committed_conversation(runtime, with_patient=False)
    [trace_id] = await committed_traces(runtime, conversation_id, turns=1)
    body = (await client.get(f"{BASE}/{trace_id}", headers=staff_headers)).json()
    assert body["patient_id"] is None
    [entry] = await reads(runtime, [trace_id])
    assert (entry.resource_type, entry.patient_id) == ("trace", None)


async def test_unknown_and_malformed_ids_and_bad_paging(
    client: httpx.AsyncClient, staff_headers: dict[str, str]
) -> None:
    missing = await client.get(f"{BASE}/{uuid.uuid4()}", headers=staff_headers)
    assert (missing.status_code, missing.json()["error"]) == (404, "not_found")
    malformed = await client.get(f"{BASE}/not-a-uuid", headers=staff_headers)
    assert malformed.status_code == 422 and "trace_id" in malformed.text
    bad_filter = await client.get(BASE, params={"conversation_id": "x"}, headers=staff_headers)
    assert bad_filter.status_code == 422 and "conversation_id" in bad_filter.text
    bad_limit = await client.get(BASE, params={"limit": 0}, headers=staff_headers)
    assert bad_limit.status_code == 422 and "limit" in bad_limit.text
    unknown = await client.get(BASE, params={"conversation_id": str(uuid.uuid4())}, headers=staff_headers)
    assert unknown.json() == {"items": [], "total": 0, "limit": 50, "offset": 0}
