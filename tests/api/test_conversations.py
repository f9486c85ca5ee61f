"""Staff API for conversations: 401 without a valid token; list filtered by phone (any common
format), status and patient; detail with messages oldest first; every conversation shown audited;
clear 4xx for a bad phone, unknown or malformed ids."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from store.audit.models import AuditEntry
from store.conversations import handoff
from store.conversations import service as conversations
from store.conversations.models import Channel, Direction
from store.patients.models import Patient

BASE = "/api/v1/prm/conversations"
T0 = datetime(2031, 8, 1, 10, 0, tzinfo=UTC)


def random_phone() -> str:
    return f"+1555{random.randint(0, 9_999_999):07d}"


async def committed_patient(runtime: Any, phone: str) -> uuid.UUID:
    async with runtime.sessions() as session, session.begin():
        patient = Patient(given_name="Connie", family_name="Convo", birth_date=date(1975, 3, 4), phone=phone)
        session.add(patient)
    return patient.id


async def committed_conversation(
    runtime: Any,
    phone: str,
    *,
    channel: Channel = Channel.WHATSAPP,
    patient_id: uuid.UUID | None = None,
    handed_off: bool = False,
    bodies: tuple[str, ...] = (),
) -> uuid.UUID:
    async with runtime.sessions() as session, session.begin():
        conversation = await conversations.get_or_create(session, channel=channel, address=phone)
        for index, body in enumerate(bodies):
            direction = Direction.INBOUND if index % 2 == 0 else Direction.OUTBOUND
            await conversations.add_message(
                session,
                conversation=conversation,
                direction=direction,
                body=body,
                now=T0 + timedelta(seconds=index),
            )
        if patient_id is not None:
            await conversations.link_patient(session, conversation_id=conversation.id, patient_id=patient_id)
        if handed_off:
            await handoff.hand_off(
                session, conversation_id=conversation.id, reason="asked for a person", now=T0
            )
        return conversation.id


async def reads(runtime: Any, conversation_id: uuid.UUID) -> list[AuditEntry]:
    async with runtime.sessions() as session:
        query = select(AuditEntry).where(
            AuditEntry.action == "conversation.read", AuditEntry.resource_id == str(conversation_id)
        )
        return list(await session.scalars(query.order_by(AuditEntry.id)))


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer not-a-token"}])
async def test_needs_a_valid_token(client: httpx.AsyncClient, headers: dict[str, str]) -> None:
    assert (await client.get(BASE, headers=headers)).status_code == 401
    assert (await client.get(f"{BASE}/{uuid.uuid4()}", headers=headers)).status_code == 401


async def test_list_by_phone_in_any_format_and_by_status(
    client: httpx.AsyncClient, runtime: Any, staff_headers: dict[str, str]
) -> None:
    phone = random_phone()
    patient_id = await committed_patient(runtime, phone)
    whatsapp = await committed_conversation(runtime, phone, patient_id=patient_id)
    voice = await committed_conversation(runtime, phone, channel=Channel.VOICE, handed_off=True)
    await committed_conversation(runtime, random_phone())

    national = f"({phone[2:5]}) {phone[5:8]}-{phone[8:]}"
    for spelled in (phone, national):
        listed = (await client.get(BASE, params={"phone": spelled}, headers=staff_headers)).json()
        assert listed["total"] == 2
        assert {i["id"] for i in listed["items"]} == {str(whatsapp), str(voice)}

    unencoded = (await client.get(f"{BASE}?phone={phone}", headers=staff_headers)).json()  # "+" reads as " "
    assert unencoded["total"] == 2

    handoff = (
        await client.get(BASE, params={"phone": phone, "status": "handoff"}, headers=staff_headers)
    ).json()
    assert [(i["id"], i["channel"], i["status"]) for i in handoff["items"]] == [
        (str(voice), "voice", "handoff")
    ]
    mine = (await client.get(BASE, params={"patient_id": str(patient_id)}, headers=staff_headers)).json()
    assert [(i["id"], i["address"], i["patient_id"]) for i in mine["items"]] == [
        (str(whatsapp), phone, str(patient_id))
    ]
    assert [e.patient_id for e in await reads(runtime, whatsapp)] == [patient_id] * 4
    assert [e.patient_id for e in await reads(runtime, voice)] == [None] * 4


async def test_detail_has_the_messages_oldest_first_and_is_audited(
    client: httpx.AsyncClient, runtime: Any, admin_headers: dict[str, str]
) -> None:
    phone = random_phone()
    patient_id = await committed_patient(runtime, phone)
    bodies = ("I need a cardiologist", "When would suit you?", "Friday morning")
    conversation_id = await committed_conversation(runtime, phone, patient_id=patient_id, bodies=bodies)

    response = await client.get(f"{BASE}/{conversation_id}", headers=admin_headers)
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["id"], body["status"], body["patient_id"]) == (
        str(conversation_id),
        "active",
        str(patient_id),
    )
    assert [(m["direction"], m["body"]) for m in body["messages"]] == [
        ("inbound", "I need a cardiologist"),
        ("outbound", "When would suit you?"),
        ("inbound", "Friday morning"),
    ]
    assert body["last_inbound_at"] == "2031-08-01T10:00:02Z"
    [entry] = await reads(runtime, conversation_id)
    assert (entry.actor, entry.patient_id, entry.resource_type) == (
        "token:test-admin",
        patient_id,
        "conversation",
    )


async def test_bad_phone_unknown_and_malformed_ids(
    client: httpx.AsyncClient, staff_headers: dict[str, str]
) -> None:
    bad_phone = await client.get(BASE, params={"phone": "12"}, headers=staff_headers)
    assert (bad_phone.status_code, bad_phone.json()["field"]) == (422, "phone")
    bad_status = await client.get(BASE, params={"status": "sleeping"}, headers=staff_headers)
    assert bad_status.status_code == 422 and "status" in bad_status.text
    missing = await client.get(f"{BASE}/{uuid.uuid4()}", headers=staff_headers)
    assert (missing.status_code, missing.json()["error"]) == (404, "not_found")
    malformed = await client.get(f"{BASE}/nope", headers=staff_headers)
    assert malformed.status_code == 422 and "conversation_id" in malformed.text
