"""Races across real connections: one slot, many bookers; overlapping slots, many bookers.

Each attempt runs in its own session and transaction from the runtime's pool, as concurrent
requests and agent turns do. The database, not the Python check, must have the last word.
"""

from __future__ import annotations

import asyncio
import uuid
from datetime import date, datetime, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from store.database import transaction
from store.patients import service as patients
from store.scheduling import service as scheduling
from store.scheduling.models import Appointment
from tests.instant import NOW

OVERLAPS = text(
    """
    SELECT count(*) FROM appointments a JOIN appointments b
      ON a.practitioner_id = b.practitioner_id AND a.id < b.id
     AND tstzrange(a.start_at, a.end_at, '[)') && tstzrange(b.start_at, b.end_at, '[)')
    WHERE a.practitioner_id = :practitioner_id
      AND a.status IN ('pending', 'booked', 'arrived', 'checked-in', 'fulfilled')
      AND b.status IN ('pending', 'booked', 'arrived', 'checked-in', 'fulfilled')
    """
)


async def _attempt(runtime: Any, slot_id: uuid.UUID, patient_id: uuid.UUID, now: datetime) -> Appointment:
    async with transaction(runtime.sessions) as session:
        return await scheduling.book(session, slot_id=slot_id, patient_id=patient_id, reason=None, now=now)


async def test_fifty_concurrent_bookings_of_one_slot_make_exactly_one(
    runtime: Any, clinic_builder: Any
) -> None:
    async with transaction(runtime.sessions) as session:
        clinic = await clinic_builder(session, days=1)
        bookers = [
            await patients.create(
                session,
                given_name=f"P{i}",
                family_name="Race",
                birth_date=date(1980, 1, 1),
                phone=clinic.patient.phone,
                today=NOW.date(),
            )
            for i in range(50)
        ]
    slot = clinic.slots["derm_a"][0]
    results = await asyncio.gather(
        *(_attempt(runtime, slot.id, p.id, clinic.now) for p in bookers), return_exceptions=True
    )
    booked = [r for r in results if isinstance(r, Appointment)]
    refused = [r for r in results if isinstance(r, scheduling.SlotUnavailable)]
    assert (len(booked), len(refused)) == (1, 49), [type(r).__name__ for r in results]
    # read after the losers' transactions rolled back, as callers catching the error do
    for error in refused:
        assert error.alternatives and slot.id not in {a.id for a in error.alternatives}
        assert {a.schedule.practitioner.specialty for a in error.alternatives} == {"dermatology"}
        assert all(a.schedule.location.name == "Test Clinic" for a in error.alternatives)
    async with transaction(runtime.sessions) as session:
        on_slot, total = await scheduling.get_appointments(session, practitioner_id=clinic.derm_a.id)
        assert [a.id for a in on_slot] == [booked[0].id] and total == 1


intervals = st.lists(
    st.tuples(st.integers(0, 48).map(lambda q: q * 5), st.integers(1, 12).map(lambda q: q * 10)),
    min_size=2,
    max_size=12,
    unique_by=lambda pair: pair[0],  # one slot per schedule and start time
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(spans=intervals)
async def test_concurrent_bookings_of_overlapping_slots_never_overlap(
    runtime: Any, clinic_builder: Any, spans: list[tuple[int, int]]
) -> None:
    """Property: whatever the overlaps, booked appointments of one practitioner are disjoint, and
    every refusal is explained by a booked appointment overlapping the refused slot."""
    async with transaction(runtime.sessions) as session:
        clinic = await clinic_builder(session, days=1)
        base = clinic.at(0, 18)  # after the clinic's own grid, so only these slots exist then
        slots = await scheduling.create_slots(
            session,
            schedule_id=clinic.schedules["cardio"].id,
            intervals=[(base + timedelta(minutes=m), base + timedelta(minutes=m + d)) for m, d in spans],
        )
    results = await asyncio.gather(
        *(_attempt(runtime, s.id, clinic.patient.id, clinic.now) for s in slots), return_exceptions=True
    )
    assert all(isinstance(r, Appointment | scheduling.SlotUnavailable) for r in results), results
    booked = [r for r in results if isinstance(r, Appointment)]
    assert booked
    async with transaction(runtime.sessions) as session:
        assert await session.scalar(OVERLAPS, {"practitioner_id": clinic.cardio.id}) == 0
    for slot, result in zip(slots, results, strict=True):
        if isinstance(result, scheduling.SlotUnavailable):
            overlapping = [a for a in booked if a.start_at < slot.end_at and slot.start_at < a.end_at]
            assert overlapping, f"slot {slot.start_at}-{slot.end_at} refused with nothing booked over it"
