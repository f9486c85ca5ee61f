"""Free-slot search: what counts as free, ordering, filters, parts of the day, and bad input."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from store.errors import InvalidInput, NotFound
from store.scheduling import service as scheduling
from store.scheduling.models import SlotStatus
from store.scheduling.specialties import UnknownSpecialty

TZ = ZoneInfo("America/New_York")


async def _find(session: AsyncSession, clinic: Any, **filters: Any) -> list[Any]:
    window = {"start": clinic.at(0, 0), "end": clinic.at(7, 0), "tz": TZ, "now": clinic.now}
    return await scheduling.find_free_slots(session, **(window | filters))


async def test_earliest_first_then_by_practitioner_spreading_an_offer(
    session: AsyncSession, clinic: Any
) -> None:
    found = await _find(session, clinic, specialty="dermatology", limit=4)
    assert [s.start_at for s in found] == [clinic.at(0, 9)] * 2 + [clinic.at(0, 9, 30)] * 2
    assert [s.schedule.practitioner.id for s in found] == [clinic.derm_a.id, clinic.derm_b.id] * 2
    assert found[0].schedule.location.name == "Test Clinic"


async def test_busy_past_and_live_holds_are_not_free_but_expired_holds_are(
    session: AsyncSession, clinic: Any
) -> None:
    first, second, third, fourth = clinic.slots["cardio"][:4]
    first.status = SlotStatus.BUSY
    second.status, second.hold_expires_at = SlotStatus.BUSY_TENTATIVE, clinic.now + timedelta(minutes=5)
    third.status, third.hold_expires_at = SlotStatus.BUSY_TENTATIVE, clinic.now - timedelta(minutes=1)
    await session.flush()
    found = await _find(session, clinic, practitioner_id=clinic.cardio.id, limit=2)
    assert [s.id for s in found] == [third.id, fourth.id]
    later = await _find(session, clinic, practitioner_id=clinic.cardio.id, limit=1, now=clinic.at(0, 10, 1))
    assert later[0].start_at == clinic.at(0, 10, 30)  # nothing that has started already


@pytest.mark.parametrize(
    ("part", "low", "high"), [("morning", 0, 12), ("afternoon", 12, 17), ("evening", 17, 24)]
)
async def test_part_of_day_is_in_clinic_time(
    session: AsyncSession, clinic: Any, part: str, low: int, high: int
) -> None:
    await scheduling.create_slots(
        session,
        schedule_id=clinic.schedules["cardio"].id,
        intervals=[(clinic.at(1, 17, 30), clinic.at(1, 18)), (clinic.at(1, 11, 45), clinic.at(1, 12, 15))],
    )
    found = await _find(session, clinic, practitioner_id=clinic.cardio.id, part_of_day=part, limit=200)
    hours = {s.start_at.astimezone(TZ).hour for s in found}
    assert found and all(low <= h < high for h in hours)
    if part == "evening":
        assert [s.start_at for s in found] == [clinic.at(1, 17, 30)]


async def test_filters_by_practitioner_schedule_and_location(session: AsyncSession, clinic: Any) -> None:
    by_practitioner = await _find(session, clinic, practitioner_id=clinic.derm_b.id, limit=50)
    assert {s.schedule.practitioner.id for s in by_practitioner} == {clinic.derm_b.id}
    by_schedule = await _find(session, clinic, schedule_id=clinic.schedules["cardio"].id)
    assert {s.schedule_id for s in by_schedule} == {clinic.schedules["cardio"].id}
    by_location = await _find(session, clinic, location_id=clinic.location.id, limit=200)
    assert {s.schedule.practitioner.id for s in by_location} == {
        clinic.derm_a.id,
        clinic.derm_b.id,
        clinic.cardio.id,
    }
    assert await _find(session, clinic, location_id=uuid.uuid4()) == []


async def test_window_is_half_open_on_slot_start(session: AsyncSession, clinic: Any) -> None:
    found = await _find(
        session, clinic, practitioner_id=clinic.cardio.id, start=clinic.at(0, 9, 30), end=clinic.at(0, 10, 30)
    )
    assert [s.start_at for s in found] == [clinic.at(0, 9, 30), clinic.at(0, 10)]


async def test_naive_bounds_are_clinic_local(session: AsyncSession, clinic: Any) -> None:
    start = clinic.at(0, 9, 30).replace(tzinfo=None)
    found = await _find(
        session, clinic, practitioner_id=clinic.cardio.id, start=start, end=start + timedelta(hours=1)
    )
    assert [s.start_at for s in found] == [clinic.at(0, 9, 30), clinic.at(0, 10)]


async def test_inactive_practitioner_offers_nothing(session: AsyncSession, clinic: Any) -> None:
    clinic.cardio.active = False
    await session.flush()
    assert await _find(session, clinic, practitioner_id=clinic.cardio.id) == []


async def test_bad_search_input_names_the_field(session: AsyncSession, clinic: Any) -> None:
    with pytest.raises(UnknownSpecialty):
        await _find(session, clinic, specialty="astrology")
    with pytest.raises(InvalidInput) as raised:
        await _find(session, clinic, start=clinic.at(1, 9), end=clinic.at(0, 9))
    assert raised.value.field == "end"
    with pytest.raises(InvalidInput) as raised:
        await _find(session, clinic, part_of_day="night")
    assert raised.value.field == "part_of_day"
    with pytest.raises(InvalidInput) as raised:
        await _find(session, clinic, limit=0)
    assert raised.value.field == "limit"


async def test_nearest_free_same_specialty_either_side_excluding_itself(
    session: AsyncSession, clinic: Any
) -> None:
    target = clinic.slots["derm_a"][4]  # Monday 11:00
    found = await scheduling.nearest_free(session, slot=target, now=clinic.now)
    assert target.id not in {s.id for s in found}
    assert {s.schedule.practitioner.specialty for s in found} == {"dermatology"}
    assert [s.start_at for s in found] == [clinic.at(0, 11), clinic.at(0, 10, 30), clinic.at(0, 10, 30)]


async def test_get_slot_and_generic_search(session: AsyncSession, clinic: Any) -> None:
    slot = clinic.slots["cardio"][0]
    assert (await scheduling.get_slot(session, slot_id=slot.id)).start_at == clinic.at(0, 9)
    with pytest.raises(NotFound):
        await scheduling.get_slot(session, slot_id=uuid.uuid4())
    slot.status = SlotStatus.BUSY
    await session.flush()
    busy, total = await scheduling.get_slots(
        session, status="busy", schedule_id=clinic.schedules["cardio"].id, start=clinic.at(0, 0)
    )
    assert [s.id for s in busy] == [slot.id] and total == 1
    day, day_total = await scheduling.get_slots(
        session, specialty="cardiology", start=clinic.at(1, 0), end=clinic.at(2, 0), limit=5
    )
    assert len(day) == 5 and day_total == 14
    assert day[0].start_at == clinic.at(1, 9)
    with pytest.raises(InvalidInput) as raised:
        await scheduling.get_slots(session, status="maybe")
    assert raised.value.field == "status"
