"""No free slot in the asked range: say so and offer the nearest, even past the open calendar.

The demo clinic publishes slots for the 60 days after NOW; a date beyond them used to make the
nearest-slot search ask for a range ending before it started (InvalidInput) and fail the turn.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest

from api.runtime import Runtime
from tests.instant import NOW, TZ
from tools.context import ToolContext
from tools.scheduling import SEARCH_HORIZON, find_slots, nearest_slots
from tools.schemas import FindSlotsArgs


def context(demo: Runtime) -> ToolContext:
    return ToolContext(demo.sessions, demo.embedder, TZ, NOW, uuid.uuid4(), "+15550199999")


def asked(days_ahead: int, **changes: Any) -> FindSlotsArgs:
    start = NOW + timedelta(days=days_ahead)
    return FindSlotsArgs(specialty="dermatology", start=start, end=start + timedelta(days=1), **changes)


async def test_past_the_calendar_the_nearest_are_the_last_free_slots_before_the_asked_date(
    demo: Runtime,
) -> None:
    ctx = context(demo)
    far = asked(100)
    assert await find_slots(far, ctx) == []
    nearest = await nearest_slots(far, ctx)
    assert len(nearest) == 3 and [s.start for s in nearest] == sorted(s.start for s in nearest)
    assert all(s.specialty == "dermatology" and s.start < far.start for s in nearest)
    # nothing free for dermatology lies between the offered ones and the asked date
    after_last = FindSlotsArgs(
        specialty="dermatology", start=nearest[-1].start + timedelta(minutes=1), end=far.start, limit=1
    )
    assert await find_slots(after_last, ctx) == []
    assert nearest[-1].start > NOW + SEARCH_HORIZON - timedelta(days=7)  # the calendar's last week


@pytest.mark.calendar
async def test_inside_the_calendar_the_nearest_start_at_the_asked_date_in_any_part_of_the_day(
    demo: Runtime,
) -> None:
    ctx = context(demo)
    saturday = asked(4, part_of_day="morning")  # Saturday 5 December: the clinic is closed
    nearest = await nearest_slots(saturday, ctx)
    assert nearest and all(s.start >= saturday.start for s in nearest)
    assert nearest[0].start.astimezone(TZ).date().isoformat() == "2026-12-07"  # the Monday after


@pytest.mark.calendar
async def test_a_date_months_ahead_gets_an_apology_and_bookable_alternatives(
    patient: Any, register: Any
) -> None:
    lena = patient()
    await register(lena.phone, "Lena Park", "1990-02-14")
    reply = await lena.says("I need a dermatologist on 15 March please")
    assert "there's nothing free for dermatology" in reply, reply
    assert "1." in reply and "3." in reply
    assert lena.last.outcome != "error"
    reply = await lena.says("3")
    assert "You're booked" in reply and lena.last.outcome == "booked"
