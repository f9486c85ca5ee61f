"""Staff API for appointments: book, race, replay, read (audited), cancel, reschedule."""

from __future__ import annotations

import asyncio
import random
import uuid
from collections import Counter
from datetime import date, timedelta
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

import httpx
from sqlalchemy import func, select

from store.audit.models import AuditEntry
from store.database import transaction
from store.outbox.models import OutboxEvent
from store.patients import service as patients
from store.scheduling import service as scheduling
from store.scheduling.models import Appointment
from tests.instant import NOW

URL = "/api/v1/prm/appointments"
TZ = ZoneInfo("America/New_York")


async def _clinic(runtime: Any, patients_on_phone: int = 1) -> SimpleNamespace:
    """A practitioner with a week of slots from tomorrow, and patients sharing one phone."""
    phone = f"+1555{random.randint(0, 9_999_999):07d}"
    async with transaction(runtime.sessions) as session:
        location = await scheduling.create_location(
            session, name="Api", address_line="1 A St", city="A", state="NY", postal_code="1", timezone=TZ.key
        )
        practitioner = await scheduling.create_practitioner(
            session, given_name="Ann", family_name=f"Api{uuid.uuid4().hex[:6]}", specialty="cardiology"
        )
        schedule = await scheduling.create_schedule(
            session, practitioner_id=practitioner.id, location_id=location.id
        )
        tomorrow = runtime.clock().astimezone(TZ).date() + timedelta(days=1)
        grid = scheduling.weekday_grid(tomorrow, 7, TZ)
        slots = await scheduling.create_slots(session, schedule_id=schedule.id, intervals=grid)
        people = [
            await patients.create(
                session,
                given_name=f"P{i}",
                family_name="Api",
                birth_date=date(1980, 1, 1),
                phone=phone,
                today=NOW.date(),
            )
            for i in range(patients_on_phone)
        ]
    return SimpleNamespace(practitioner=practitioner, slots=slots, patients=people, phone=phone)


async def _appointments_of(runtime: Any, patient_id: uuid.UUID) -> int:
    async with transaction(runtime.sessions) as session:
        return await session.scalar(select(func.count()).where(Appointment.patient_id == patient_id)) or 0


def _book_body(clinic: SimpleNamespace, slot: int = 0, patient: int = 0) -> dict[str, Any]:
    return {
        "slot_id": str(clinic.slots[slot].id),
        "patient_id": str(clinic.patients[patient].id),
        "reason": "check",
    }


async def test_book_returns_201_with_the_appointment_in_clinic_time(
    client: httpx.AsyncClient, staff_headers: dict[str, str], runtime: Any
) -> None:
    clinic = await _clinic(runtime)
    response = await client.post(URL, json=_book_body(clinic), headers=staff_headers)
    assert response.status_code == 201, response.text
    appointment = response.json()
    assert (appointment["status"], appointment["specialty"]) == ("booked", "cardiology")
    assert appointment["practitioner"] == clinic.practitioner.display_name
    assert appointment["start"] == clinic.slots[0].start_at.astimezone(TZ).isoformat()
    async with transaction(runtime.sessions) as session:
        entry = await session.scalar(
            select(AuditEntry).where(
                AuditEntry.resource_id == appointment["id"], AuditEntry.action == "appointment.book"
            )
        )
        assert entry is not None and entry.actor == "token:test-staff"


async def test_fifty_concurrent_requests_for_one_slot_one_201_and_49_409(
    client: httpx.AsyncClient, staff_headers: dict[str, str], runtime: Any
) -> None:
    clinic = await _clinic(runtime, patients_on_phone=50)
    requests = [client.post(URL, json=_book_body(clinic, 0, i), headers=staff_headers) for i in range(50)]
    responses = await asyncio.gather(*requests)
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [201] + [409] * 49
    refusal = next(r.json() for r in responses if r.status_code == 409)
    assert (refusal["error"], refusal["slot_id"]) == ("slot_unavailable", str(clinic.slots[0].id))
    alternatives = refusal["alternatives"]
    assert 1 <= len(alternatives) <= 3 and str(clinic.slots[0].id) not in {a["id"] for a in alternatives}
    assert {a["specialty"] for a in alternatives} == {"cardiology"}
    assert set(alternatives[0]) == {
        "id",
        "start",
        "end",
        "practitioner_id",
        "practitioner",
        "specialty",
    }
    async with transaction(runtime.sessions) as session:
        booked = await session.scalar(select(func.count()).where(Appointment.slot_id == clinic.slots[0].id))
        assert booked == 1


async def test_idempotency_key_replays_instead_of_booking_twice(
    client: httpx.AsyncClient, staff_headers: dict[str, str], runtime: Any
) -> None:
    clinic = await _clinic(runtime)
    headers = staff_headers | {"Idempotency-Key": f"desk-{uuid.uuid4()}"}
    first = await client.post(URL, json=_book_body(clinic), headers=headers)
    again = await client.post(URL, json=_book_body(clinic), headers=headers)
    assert first.status_code == again.status_code == 201
    assert first.json()["id"] == again.json()["id"]
    async with transaction(runtime.sessions) as session:
        events = await session.scalar(
            select(func.count()).where(OutboxEvent.payload["appointment_id"].astext == first.json()["id"])
        )
        assert events == 1
    other_slot = await client.post(URL, json=_book_body(clinic, slot=1), headers=headers)
    assert other_slot.status_code == 409 and other_slot.json()["error"] == "idempotency_key_reused"
    assert await _appointments_of(runtime, clinic.patients[0].id) == 1


async def test_unknown_or_malformed_ids_write_nothing(
    client: httpx.AsyncClient, staff_headers: dict[str, str], runtime: Any
) -> None:
    clinic = await _clinic(runtime)
    no_slot = await client.post(
        URL, json=_book_body(clinic) | {"slot_id": str(uuid.uuid4())}, headers=staff_headers
    )
    assert no_slot.status_code == 404 and "slot" in no_slot.json()["message"]
    no_patient = await client.post(
        URL, json=_book_body(clinic) | {"patient_id": str(uuid.uuid4())}, headers=staff_headers
    )
    assert no_patient.status_code == 404 and "patient" in no_patient.json()["message"]
    malformed = await client.post(URL, json=_book_body(clinic) | {"slot_id": "slot-1"}, headers=staff_headers)
    assert malformed.status_code == 422 and malformed.json()["problems"][0]["field"] == "slot_id"
    assert await _appointments_of(runtime, clinic.patients[0].id) == 0
    assert (await client.get(f"{URL}/{uuid.uuid4()}", headers=staff_headers)).status_code == 404


async def test_list_filters_and_reads_are_audited(
    client: httpx.AsyncClient, staff_headers: dict[str, str], runtime: Any
) -> None:
    clinic = await _clinic(runtime, patients_on_phone=2)
    ids = [
        (await client.post(URL, json=_book_body(clinic, slot, patient), headers=staff_headers)).json()["id"]
        for slot, patient in ((0, 0), (1, 1), (2, 0))
    ]
    await client.post(f"{URL}/{ids[2]}/cancel", json={"reason": "travel"}, headers=staff_headers)
    by_phone = (await client.get(URL, params={"phone": clinic.phone}, headers=staff_headers)).json()
    assert [a["id"] for a in by_phone["items"]] == ids and by_phone["total"] == 3
    booked = await client.get(
        URL, params={"patient_id": str(clinic.patients[0].id), "status": "booked"}, headers=staff_headers
    )
    assert [a["id"] for a in booked.json()["items"]] == [ids[0]]
    bad_status = await client.get(URL, params={"status": "maybe"}, headers=staff_headers)
    assert bad_status.status_code == 422 and "status" in bad_status.json()["message"]
    single = await client.get(f"{URL}/{ids[1]}", headers=staff_headers)
    assert single.json()["patient_id"] == str(clinic.patients[1].id)
    async with transaction(runtime.sessions) as session:
        reads = await session.scalars(
            select(AuditEntry).where(AuditEntry.action == "appointment.read", AuditEntry.resource_id.in_(ids))
        )
        seen = Counter((e.resource_id, e.patient_id) for e in reads)
    owner = [clinic.patients[0].id, clinic.patients[1].id, clinic.patients[0].id]
    # the phone list showed all three, the status filter the first, the single read the second
    assert seen == Counter({(ids[0], owner[0]): 2, (ids[1], owner[1]): 2, (ids[2], owner[2]): 1})


async def test_cancel_then_cancel_again(
    client: httpx.AsyncClient, staff_headers: dict[str, str], runtime: Any
) -> None:
    clinic = await _clinic(runtime)
    booked = (await client.post(URL, json=_book_body(clinic), headers=staff_headers)).json()
    cancelled = await client.post(
        f"{URL}/{booked['id']}/cancel", json={"reason": "travel"}, headers=staff_headers
    )
    assert cancelled.status_code == 200
    assert (cancelled.json()["status"], cancelled.json()["cancellation_reason"]) == ("cancelled", "travel")
    again = await client.post(f"{URL}/{booked['id']}/cancel", headers=staff_headers)
    assert again.status_code == 200 and again.json()["status"] == "cancelled"
    rebook = await client.post(URL, json=_book_body(clinic), headers=staff_headers)
    assert rebook.status_code == 201


async def test_reschedule_moves_and_a_taken_target_changes_nothing(
    client: httpx.AsyncClient, staff_headers: dict[str, str], runtime: Any
) -> None:
    clinic = await _clinic(runtime, patients_on_phone=2)
    mine = (await client.post(URL, json=_book_body(clinic, 0, 0), headers=staff_headers)).json()
    await client.post(URL, json=_book_body(clinic, 1, 1), headers=staff_headers)
    taken = await client.post(
        f"{URL}/{mine['id']}/reschedule", json={"slot_id": str(clinic.slots[1].id)}, headers=staff_headers
    )
    assert taken.status_code == 409 and taken.json()["alternatives"]
    assert (await client.get(f"{URL}/{mine['id']}", headers=staff_headers)).json()["status"] == "booked"

    moved = await client.post(
        f"{URL}/{mine['id']}/reschedule", json={"slot_id": str(clinic.slots[3].id)}, headers=staff_headers
    )
    assert moved.status_code == 201, moved.text
    assert (moved.json()["rescheduled_from_id"], moved.json()["slot_id"]) == (
        mine["id"],
        str(clinic.slots[3].id),
    )
    old = (await client.get(f"{URL}/{mine['id']}", headers=staff_headers)).json()
    assert (old["status"], old["cancellation_reason"]) == ("cancelled", "rescheduled")


async def test_token_required(client: httpx.AsyncClient, runtime: Any) -> None:
    clinic = await _clinic(runtime)
    assert (await client.get(URL)).status_code == 401
    assert (await client.post(URL, json=_book_body(clinic))).status_code == 401
    assert await _appointments_of(runtime, clinic.patients[0].id) == 0
