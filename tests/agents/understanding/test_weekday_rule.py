"""One rule for weekdays in both languages (agents/understanding/dayrules.py): "Friday", "this
Friday", "el viernes", "este viernes" are the nearest one; "next Friday", "el próximo viernes", "el
viernes que viene" too, unless that is tomorrow (then a week on); when "next" may mean either of
two days the other one is kept for the agent to say back; "Friday next week" is that week's."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import Language, parse_when
from agents.understanding.dates import two_readings

TZ = ZoneInfo("America/New_York")
TUESDAY = datetime(2026, 12, 1, 9, 0, tzinfo=TZ)  # Tuesday 1 December 2026

CASES: list[tuple[str, Language, str]] = [
    # the nearest one
    ("wednesday", "en", "2026-12-02"),
    ("this wednesday", "en", "2026-12-02"),
    ("on Wednesday", "en", "2026-12-02"),
    ("this coming friday", "en", "2026-12-04"),
    ("el miércoles", "es", "2026-12-02"),
    ("este miercoles", "es", "2026-12-02"),
    ("este viernes", "es", "2026-12-04"),
    ("el viernes", "es", "2026-12-04"),
    # "next": the nearest unless it is tomorrow
    ("next wednesday", "en", "2026-12-09"),
    ("next wensday", "en", "2026-12-09"),
    ("next Wednesday morning", "en", "2026-12-09"),
    ("el próximo miércoles", "es", "2026-12-09"),
    ("el proximo miercoles", "es", "2026-12-09"),
    ("el miércoles que viene", "es", "2026-12-09"),
    ("el mierkoles que viene", "es", "2026-12-09"),
    ("next thursday", "en", "2026-12-03"),
    ("next friday", "en", "2026-12-04"),
    ("el viernes que viene", "es", "2026-12-04"),
    ("el próximo viernes", "es", "2026-12-04"),
    ("el viernes entrante", "es", "2026-12-04"),
    ("next monday", "en", "2026-12-07"),
    ("el lunes que viene", "es", "2026-12-07"),
    ("next tuesday", "en", "2026-12-08"),
    ("el martes que viene", "es", "2026-12-08"),
    # a weekday of a named week
    ("friday next week", "en", "2026-12-11"),
    ("next week friday", "en", "2026-12-11"),
    ("next week, on friday", "en", "2026-12-11"),
    ("on friday of next week", "en", "2026-12-11"),
    ("wednesday next week", "en", "2026-12-09"),
    ("el viernes de la semana que viene", "es", "2026-12-11"),
    ("el viernes de la proxima semana", "es", "2026-12-11"),
    ("la semana que viene el viernes", "es", "2026-12-11"),
    ("el viernes de la otra semana", "es", "2026-12-11"),
]


@pytest.mark.parametrize(("text", "language", "day"), CASES)
def test_a_weekday_is_read_by_the_one_rule(text: str, language: Language, day: str) -> None:
    when = parse_when(text, now=TUESDAY, tz=TZ, language=language)
    assert when is not None and when.start.date().isoformat() == day, (text, when)


def test_two_weekdays_of_next_week_are_that_weeks() -> None:
    when = parse_when("monday or tuesday next week", now=TUESDAY, tz=TZ, language="en")
    assert when is not None and (when.start.date(), when.end.date()) == (date(2026, 12, 7), date(2026, 12, 9))


@pytest.mark.parametrize(
    ("text", "language", "taken", "other"),
    [
        ("next wednesday", "en", "2026-12-09", "2026-12-02"),
        ("next Wednesday afternoon", "en", "2026-12-09", "2026-12-02"),
        ("el miércoles que viene", "es", "2026-12-09", "2026-12-02"),
        ("next friday", "en", "2026-12-04", "2026-12-11"),
        ("el proximo viernes", "es", "2026-12-04", "2026-12-11"),
        ("el viernes que viene por la mañana", "es", "2026-12-04", "2026-12-11"),
        ("next thursday", "en", "2026-12-03", "2026-12-10"),
    ],
)
def test_next_may_mean_two_days_and_both_are_known(
    text: str, language: Language, taken: str, other: str
) -> None:
    readings = two_readings(text, today=TUESDAY.date(), language=language)
    assert readings is not None and (readings[0].isoformat(), readings[1].isoformat()) == (taken, other)
    assert readings[2].lower().startswith(("next", "el"))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("next monday", "en"),  # the nearest Monday is already next week's
        ("next tuesday", "en"),
        ("el lunes que viene", "es"),
        ("this friday", "en"),
        ("este viernes", "es"),
        ("friday", "en"),
        ("friday next week", "en"),
        ("el viernes de la semana que viene", "es"),
        ("tomorrow", "en"),
        ("next friday or next monday", "en"),  # two days: the range covers both
    ],
)
def test_a_day_with_one_reading_has_no_other(text: str, language: Language) -> None:
    assert two_readings(text, today=TUESDAY.date(), language=language) is None


def test_on_a_sunday_next_monday_is_a_week_on_and_tomorrow_is_the_other() -> None:
    sunday = date(2026, 12, 6)
    assert two_readings("next monday", today=sunday, language="en") == (
        date(2026, 12, 14),
        date(2026, 12, 7),
        "next monday",
    )
