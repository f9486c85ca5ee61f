"""Practitioners, schedules, slot creation and the clinic's standard weekday grid."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from store.errors import InvalidInput, NotFound
from store.scheduling import service as scheduling
from store.scheduling.specialties import UnknownSpecialty

TZ = ZoneInfo("America/New_York")


async def test_get_practitioner_and_not_found(session: AsyncSession, clinic: Any) -> None:
    found = await scheduling.get_practitioner(session, practitioner_id=clinic.cardio.id)
    assert found.display_name == "Dr. Cy Cole"
    with pytest.raises(NotFound, match="practitioner"):
        await scheduling.get_practitioner(session, practitioner_id=uuid.uuid4())


async def test_get_practitioners_by_specialty_with_total_and_paging(
    session: AsyncSession, clinic: Any
) -> None:
    everyone, total = await scheduling.get_practitioners(session, specialty="dermatology", limit=200)
    assert {clinic.derm_a.id, clinic.derm_b.id} <= {p.id for p in everyone}
    assert clinic.cardio.id not in {p.id for p in everyone}
    assert {p.specialty for p in everyone} == {"dermatology"}
    page, page_total = await scheduling.get_practitioners(session, specialty="dermatology", limit=1, offset=1)
    assert len(page) == 1 and page_total == total == len(everyone)


async def test_unknown_specialty_is_invalid_input_naming_specialty(session: AsyncSession) -> None:
    with pytest.raises(UnknownSpecialty) as raised:
        await scheduling.get_practitioners(session, specialty="astrology")
    assert isinstance(raised.value, InvalidInput)
    assert raised.value.field == "specialty" and raised.value.specialty == "astrology"
    assert raised.value.code == "unknown_specialty"


async def test_create_practitioner_validates(session: AsyncSession) -> None:
    with pytest.raises(InvalidInput) as raised:
        await scheduling.create_practitioner(session, given_name=" ", family_name="X", specialty="cardiology")
    assert raised.value.field == "given_name"
    with pytest.raises(UnknownSpecialty):
        await scheduling.create_practitioner(session, given_name="A", family_name="B", specialty="nope")


async def test_schedules_by_practitioner_and_not_found(session: AsyncSession, clinic: Any) -> None:
    schedule = await scheduling.get_schedule(session, schedule_id=clinic.schedules["derm_a"].id)
    assert schedule.practitioner.id == clinic.derm_a.id and schedule.location.id == clinic.location.id
    found, total = await scheduling.get_schedules(session, practitioner_id=clinic.derm_a.id)
    assert [s.id for s in found] == [schedule.id] and total == 1
    with pytest.raises(NotFound):
        await scheduling.get_schedule(session, schedule_id=uuid.uuid4())
    with pytest.raises(NotFound, match="location"):
        await scheduling.create_schedule(session, practitioner_id=clinic.derm_a.id, location_id=uuid.uuid4())


async def test_create_slots_refuses_bad_intervals(session: AsyncSession, clinic: Any) -> None:
    schedule_id = clinic.schedules["cardio"].id
    start = clinic.at(4, 9)
    with pytest.raises(InvalidInput) as raised:
        await scheduling.create_slots(session, schedule_id=schedule_id, intervals=[(start, start)])
    assert raised.value.field == "end"
    with pytest.raises(InvalidInput) as raised:
        naive = datetime(2030, 1, 1, 9)
        await scheduling.create_slots(
            session, schedule_id=schedule_id, intervals=[(naive, naive.replace(hour=10))]
        )
    assert raised.value.field == "start"


def test_weekday_grid_skips_weekends_and_lunch_and_keeps_local_time_across_dst() -> None:
    grid = scheduling.weekday_grid(date(2026, 3, 6), 4, TZ)  # Fri 6 March .. Mon 9 March (DST begins 8th)
    assert len(grid) == 28  # Friday and Monday, 14 slots each
    assert {start.date() for start, _ in grid} == {date(2026, 3, 6), date(2026, 3, 9)}
    assert all(not (time(12) <= start.time() < time(13)) for start, _ in grid)
    assert grid[0][0].isoformat() == "2026-03-06T09:00:00-05:00"
    assert grid[14][0].isoformat() == "2026-03-09T09:00:00-04:00"
    assert grid[-1][1].time() == time(17)
