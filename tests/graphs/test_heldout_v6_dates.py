"""Whole turns for the class of dates held-out v6 found unread: a day said by a rule of the calendar
("the second Wednesday of next month", "el tercer jueves del mes que viene", "the Tuesday after
next") or by a holiday ("the day before Christmas", "el día antes de San Patricio") is the day
searched; a Sunday said that way gets the nearest free times, as any closed day does; and a day said
in words the agent cannot read ("the day after my birthday") is asked for as a date instead of
offering the soonest times. Expected days are computed from the test's clock (it moves in the
calendar guard) and only days are asserted, never an hour being free."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest

from agents.understanding.timewords import month_of, next_weekday
from api.runtime import Runtime
from tests.graphs.test_understanding_classes import appointments_of
from tests.instant import NOW, TZ

TODAY = NOW.astimezone(TZ).date()
_MONTHS_EN = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december")  # fmt: skip
# fixed-date holidays as patients say them (EN, ES) and their day
_HOLIDAYS = [
    ("Christmas", "Navidad", 12, 25),
    ("Valentine's Day", "San Valentín", 2, 14),
    ("St. Patrick's Day", "San Patricio", 3, 17),
    ("Juneteenth", "Juneteenth", 6, 19),
    ("the 4th of July", "el día de la independencia", 7, 4),
    ("Halloween", "Halloween", 10, 31),
    ("Veterans Day", "el día de los veteranos", 11, 11),
    ("New Year's Eve", "Nochevieja", 12, 31),
]


def _searched(pat: Any) -> date:
    when = pat.last.state.get("gathered", {}).get("when") or {}
    assert when, pat.last.reply
    start = when["start"]
    return (datetime.fromisoformat(start) if isinstance(start, str) else start).astimezone(TZ).date()


def _offered_days(pat: Any) -> set[date]:
    return {
        datetime.fromisoformat(o["start"]).astimezone(TZ).date() for o in pat.last.state.get("offered", [])
    }


def _nth_weekday_of_next_month(nth: int, weekday: int) -> date:
    first = month_of(TODAY.year + (TODAY.month == 12), TODAY.month % 12 + 1)[0]
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def _coming_holiday() -> tuple[str, str, date]:
    """A holiday from the table 3 to 55 days away (the demo has 60 days of slots)."""
    for en, es, month, day in _HOLIDAYS:
        for year in (TODAY.year, TODAY.year + 1):
            when = date(year, month, day)
            if timedelta(days=3) <= when - TODAY <= timedelta(days=55):
                return en, es, when
    pytest.skip("no holiday of the table in reach of this clock")


@pytest.mark.parametrize(
    ("language", "said", "day"),
    [
        ("en", "cardiology the second Wednesday of next month, afternoon", _nth_weekday_of_next_month(2, 2)),
        (
            "es",
            "cardiología el tercer jueves del mes que viene en la tarde",
            _nth_weekday_of_next_month(3, 3),
        ),
        ("en", "can you fit me in with cardiology the Tuesday after next?", None),
    ],
)
async def test_a_day_said_by_a_rule_is_the_day_offered(
    demo: Runtime, patient: Any, register: Any, language: str, said: str, day: date | None
) -> None:
    if day is None:  # "the Tuesday after next": a week after "next Tuesday", which is never tomorrow
        nearest = next_weekday(TODAY, 1)
        day = nearest + timedelta(days=14 if nearest == TODAY + timedelta(days=1) else 7)
    pat = patient()
    await register(pat.phone, "Lidia Ferro", "1981-03-03", language=language)
    await pat.says(said)
    assert _searched(pat) == day, (said, pat.last.reply)
    offered = _offered_days(pat)
    assert offered, pat.last.reply
    if "nearest" not in pat.last.reply and "más cercan" not in pat.last.reply:
        assert offered == {day}, (said, offered)


@pytest.mark.parametrize("language", ["en", "es"])
async def test_the_day_before_a_holiday_is_searched(
    demo: Runtime, patient: Any, register: Any, language: str
) -> None:
    en, es, holiday = _coming_holiday()
    said = f"dermatology the day before {en}" if language == "en" else f"dermatología el día antes de {es}"
    pat = patient()
    await register(pat.phone, "Tomas Vidal", "1975-05-05", language=language)
    await pat.says(said)
    assert _searched(pat) == holiday - timedelta(days=1), (said, pat.last.reply)
    assert pat.last.state.get("offered"), pat.last.reply


async def test_a_sunday_said_by_a_rule_gets_the_nearest_times(
    demo: Runtime, patient: Any, register: Any
) -> None:
    sunday = _nth_weekday_of_next_month(1, 6)
    pat = patient()
    await register(pat.phone, "Rita Moss", "1970-07-07")
    reply = await pat.says("family medicine the first Sunday of next month")
    assert _searched(pat) == sunday, reply
    assert "nearest free times" in reply and sunday not in _offered_days(pat), reply


@pytest.mark.parametrize(
    ("language", "said", "asked"),
    [
        ("en", "dermatology the day after my birthday, in the morning", "didn't catch which day"),
        ("en", "cardiology the Wednesday before Diwali please", "didn't catch which day"),
        ("es", "dermatología el día después de mi cumpleaños, en la mañana", "no he entendido qué día"),
    ],
)
async def test_a_day_not_understood_is_asked_for_not_guessed(
    demo: Runtime, patient: Any, register: Any, language: str, said: str, asked: str
) -> None:
    pat = patient()
    await register(pat.phone, "Noor Haddad", "1990-10-10", language=language)
    reply = await pat.says(said)
    assert asked in reply and not pat.last.state.get("offered"), reply
    day = next_weekday(TODAY + timedelta(days=9), 3)  # a Thursday 10 to 16 days on
    answer = f"{_MONTHS_EN[day.month - 1]} {day.day}" if language == "en" else f"el {day.day}"
    await pat.says(answer)
    assert _searched(pat) == day, pat.last.reply
    assert _offered_days(pat), pat.last.reply


async def test_a_move_to_the_day_after_a_holiday_is_that_day_not_the_day_after_the_appointment(
    demo: Runtime, patient: Any, register: Any
) -> None:
    en, _, holiday = _coming_holiday()
    pat = patient()
    await register(pat.phone, "Ines Paredes", "1984-04-04")
    await pat.says("dermatology as soon as possible")
    await pat.says("1")
    assert await appointments_of(demo, pat.phone), pat.last.reply
    await pat.says(f"can we move it to the day after {en}?")
    assert pat.last.state.get("task") == "reschedule", pat.last.reply
    assert _searched(pat) == holiday + timedelta(days=1), pat.last.reply
