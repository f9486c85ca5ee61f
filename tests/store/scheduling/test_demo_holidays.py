"""The demo clinic's opening hours say it is closed on six holidays; its seeded calendar agrees, so
no patient is booked on Christmas Day (held-out v6 booked "the first day you're open after Xmas" on
the 25th). A holiday on a weekend is taken on the nearest weekday."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from store.demo import clinic as demo
from store.demo.seed import slot_grid

TZ = ZoneInfo("America/New_York")


@pytest.mark.parametrize(
    ("year", "days"),
    [
        (
            2026,
            {
                date(2026, 1, 1),
                date(2026, 5, 25),
                date(2026, 7, 3),
                date(2026, 9, 7),
                date(2026, 11, 26),
                date(2026, 12, 25),
            },
        ),
        (
            2027,
            {
                date(2027, 1, 1),
                date(2027, 5, 31),
                date(2027, 7, 5),
                date(2027, 9, 6),
                date(2027, 11, 25),
                date(2027, 12, 24),
            },
        ),
        # New Year's Day 2028 is a Saturday: taken on Friday 31 December 2027
        (
            2028,
            {
                date(2027, 12, 31),
                date(2028, 5, 29),
                date(2028, 7, 4),
                date(2028, 9, 4),
                date(2028, 11, 23),
                date(2028, 12, 25),
            },
        ),
    ],
)
def test_the_holidays_the_opening_hours_name(year: int, days: set[date]) -> None:
    assert demo.holidays(year) == days
    assert all(demo.closed_on(day) for day in days)


def test_ordinary_days_are_open() -> None:
    assert not any(demo.closed_on(day) for day in (date(2027, 12, 23), date(2027, 12, 27), date(2028, 1, 3)))


def test_the_seeded_calendar_has_no_slot_on_a_holiday_and_keeps_the_days_around_it() -> None:
    grid = slot_grid(datetime(2027, 12, 20, 8, 0, tzinfo=TZ), TZ)
    days = {start.astimezone(TZ).date() for start, _ in grid}
    assert not {date(2027, 12, 24), date(2027, 12, 31)} & days
    assert {date(2027, 12, 23), date(2027, 12, 27), date(2027, 12, 30), date(2028, 1, 3)} <= days
