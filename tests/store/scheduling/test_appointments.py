"""Reading appointments: ownership, filters, totals, phone lookups."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from store.errors import InvalidInput, NotFound
from store.patients import service as patients
from store.scheduling import service as scheduling
from tests.instant import NOW


async def _book(session: AsyncSession, clinic: Any, slot: Any, patient_id: uuid.UUID) -> Any:
    return await scheduling.book(session, slot_id=slot.id, patient_id=patient_id, reason=None, now=clinic.now)


async def test_get_appointment_hides_other_patients_records(session: AsyncSession, clinic: Any) -> None:
    appointment = await _book(session, clinic, clinic.slots["cardio"][0], clinic.patient.id)
    mine = await scheduling.get_appointment(
        session, appointment_id=appointment.id, patient_id=clinic.patient.id
    )
    assert mine.id == appointment.id and mine.practitioner.display_name == "Dr. Cy Cole"
    with pytest.raises(NotFound):
        await scheduling.get_appointment(session, appointment_id=appointment.id, patient_id=clinic.other.id)
    with pytest.raises(NotFound):
        await scheduling.get_appointment(session, appointment_id=uuid.uuid4())


async def test_get_appointments_filters_and_counts(session: AsyncSession, clinic: Any) -> None:
    first = await _book(session, clinic, clinic.slots["cardio"][0], clinic.patient.id)
    second = await _book(session, clinic, clinic.slots["derm_a"][20], clinic.patient.id)
    theirs = await _book(session, clinic, clinic.slots["cardio"][1], clinic.other.id)
    await scheduling.cancel(session, appointment_id=second.id, now=clinic.now)

    mine, total = await scheduling.get_appointments(session, patient_id=clinic.patient.id)
    assert [a.id for a in mine] == [first.id, second.id] and total == 2
    booked, _ = await scheduling.get_appointments(session, patient_id=clinic.patient.id, status="booked")
    assert [a.id for a in booked] == [first.id]
    by_practitioner, _ = await scheduling.get_appointments(session, practitioner_id=clinic.cardio.id)
    assert [a.id for a in by_practitioner] == [first.id, theirs.id]
    later, _ = await scheduling.get_appointments(
        session, practitioner_id=clinic.cardio.id, start_from=clinic.at(0, 9, 30)
    )
    assert [a.id for a in later] == [theirs.id]
    paged, paged_total = await scheduling.get_appointments(
        session, practitioner_id=clinic.cardio.id, limit=1, offset=1
    )
    assert [a.id for a in paged] == [theirs.id] and paged_total == 2


async def test_get_appointments_by_phone_covers_everyone_on_it(session: AsyncSession, clinic: Any) -> None:
    child = await patients.create(
        session,
        given_name="Kid",
        family_name="Test",
        birth_date=date(2015, 6, 1),
        phone=clinic.patient.phone,
        today=NOW.date(),
    )
    parent_visit = await _book(session, clinic, clinic.slots["derm_b"][0], clinic.patient.id)
    child_visit = await _book(session, clinic, clinic.slots["derm_b"][1], child.id)
    await _book(session, clinic, clinic.slots["derm_b"][2], clinic.other.id)
    national = clinic.patient.phone.removeprefix("+1")
    found, total = await scheduling.get_appointments(session, phone=national)
    assert [a.id for a in found] == [parent_visit.id, child_visit.id] and total == 2


async def test_bad_filters_name_the_field(session: AsyncSession) -> None:
    with pytest.raises(InvalidInput, match="status"):
        await scheduling.get_appointments(session, status="sometime")
    with pytest.raises(InvalidInput, match="phone"):
        await scheduling.get_appointments(session, phone="not a phone")
