"""Parts of the day said in other words (held-out v8: "any chance of seeing someone TODAY afternoon? my
knee locked up on the stairs this morning" and "el miercole, despues de almuerzo" were offered
mornings): lunch as the line ("after lunch", "después de almuerzo", "antes del mediodía"), the end
of the day as its last hours ("end of the day", "late afternoon", "en la tarde-noche", "a última
hora": a clock bound from 15:00, every day of a longer range too), "first thing" as the morning,
and a "this morning" that tells when something happened giving way to the part of day asked for."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from agents.understanding.dates import parse_when
from agents.understanding.dayends import LATE_START
from agents.understanding.types import Language, When

TZ = ZoneInfo("America/New_York")
NOW = datetime(2027, 8, 9, 7, 45, tzinfo=TZ)  # a Monday, before opening
WEDNESDAY = date(2027, 8, 11)


def _when(text: str, language: Language = "en") -> When | None:
    return parse_when(text, now=NOW, tz=TZ, language=language)


def _minutes(moment: datetime) -> int:
    return moment.hour * 60 + moment.minute


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("wednesday after lunch", "en"),
        ("wed, after lunch pls", "en"),
        ("el miércoles después de almuerzo", "es"),
        ("el miercole, despues de almuerzo", "es"),
        ("el miercoles despues del almuerzo", "es"),
        ("el miercoles despues de almorzar", "es"),
        ("el miércoles después del mediodía", "es"),
        ("wednesday afternoon", "en"),
    ],
)
def test_after_lunch_is_the_afternoon(text: str, language: Language) -> None:
    when = _when(text, language)
    assert when is not None and when.start.date() == WEDNESDAY, (text, when)
    assert when.part_of_day == "afternoon" and _minutes(when.start) == 12 * 60, (text, when)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("wednesday before lunch", "en"),
        ("wednesday, any time before lunch", "en"),
        ("wednesday before noon", "en"),
        ("el miércoles antes del mediodía", "es"),
        ("el miercoles antes del mediodia", "es"),
        ("el miércoles antes del almuerzo", "es"),
        ("el miercoles antes de almuerzo", "es"),
        ("el miercoles antes de almorzar", "es"),
        ("wednesday first thing", "en"),
        ("wednesday, first thing in the morning", "en"),
        ("el miercoles a primera hora", "es"),
    ],
)
def test_before_lunch_and_first_thing_are_the_morning(text: str, language: Language) -> None:
    when = _when(text, language)
    assert when is not None and when.start.date() == WEDNESDAY, (text, when)
    assert when.part_of_day == "morning" and when.end <= when.start.replace(hour=12, minute=0), (text, when)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("wednesday end of the day", "en"),
        ("wednesday at the end of the day", "en"),
        ("wed end of day", "en"),
        ("wednesday late afternoon", "en"),
        ("wednesday, late in the afternoon", "en"),
        ("wednesday, last thing in the day", "en"),
        ("wednesday, the last appointment of the day", "en"),
        ("el miércoles en la tarde-noche", "es"),
        ("el miercoles en la tarde noche", "es"),
        ("el miércoles a última hora", "es"),
        ("el miercoles al final del dia", "es"),
        ("el miercoles al final de la tarde", "es"),
        ("el miércoles ya tarde", "es"),
    ],
)
def test_the_end_of_the_day_is_its_last_hours(text: str, language: Language) -> None:
    when = _when(text, language)
    assert when is not None and when.start.date() == WEDNESDAY, (text, when)
    assert when.part_of_day == "afternoon" and _minutes(when.start) == LATE_START, (text, when)
    assert when.earliest == LATE_START, (text, when)


def test_the_end_of_the_day_over_several_days_is_searched_each_day() -> None:
    for text, language in (
        ("any day next week, end of the day", "en"),
        ("la semana que viene en la tarde-noche", "es"),
    ):
        when = _when(text, language)  # type: ignore[arg-type]
        assert when is not None and when.end - when.start == timedelta(days=7), (text, when)
        assert when.earliest == LATE_START and when.part_of_day == "afternoon", (text, when)


def test_late_with_a_clock_bound_keeps_the_bound() -> None:
    when = _when("wednesday late afternoon, after 4")
    assert when is not None and _minutes(when.start) == 16 * 60, when


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("any chance of seeing someone TODAY afternoon? my knee locked up on the stairs this morning", "en"),
        ("my knee locked up this morning, can I come in this afternoon?", "en"),
        ("I fell this morning and my wrist hurts, today afternoon?", "en"),
        ("woke up this morning with a rash, today in the afternoon pls", "en"),
        ("me caí esta mañana, ¿me pueden ver hoy en la tarde?", "es"),
        ("desde esta mañana me duele la rodilla, hoy por la tarde?", "es"),
        ("hoy en la tarde, amanecí esta mañana con fiebre", "es"),
        ("hoy, por la tarde, porque en la mañana me lleva mi hija al trabajo", "es"),
        ("today in the afternoon, because in the morning I work", "en"),
        ("hoy en la tarde, ya que en la mañana trabajo", "es"),
    ],
)
def test_a_morning_that_tells_what_happened_gives_way(text: str, language: Language) -> None:
    when = _when(text, language)
    assert when is not None and when.start.date() == NOW.date(), (text, when)
    assert when.part_of_day == "afternoon", (text, when)


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("can I come this morning?", "morning"),
        ("this morning or this afternoon", "morning"),
        ("tomorrow morning, I called this afternoon", "morning"),
        ("tengo cita esta mañana?", "morning"),
        ("good morning! thursday afternoon please", "afternoon"),
    ],
)
def test_near_misses_keep_their_part_of_day(text: str, part: str) -> None:
    when = _when(text, "es" if "cita" in text else "en")
    assert when is not None and when.part_of_day == part, (text, when)


@pytest.mark.parametrize(
    "text",
    ["thursday", "the end of the month", "end of next week", "after the 3rd", "late for my appointment"],
)
def test_no_late_hours_without_the_end_of_a_day(text: str) -> None:
    when = _when(text)
    assert when is None or when.earliest is None, (text, when)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "any chance of seeing someone wednesday afternoon? my knee locked up on the stairs this morning",
            "en",
        ),
        ("I fell this morning, can I come wednesday afternoon?", "en"),
        ("me caí esta mañana, ¿me pueden ver el miércoles en la tarde?", "es"),
    ],
)
def test_the_day_of_a_narrated_morning_is_no_day_asked_for(text: str, language: Language) -> None:
    when = _when(text, language)
    assert when is not None and when.start.date() == WEDNESDAY, (text, when)
    assert (when.end - timedelta(microseconds=1)).date() == WEDNESDAY and when.part_of_day == "afternoon"
