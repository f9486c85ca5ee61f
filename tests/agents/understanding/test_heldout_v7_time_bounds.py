"""A clock bound said with a day (held-out v7: "can we get peds this thursday after 3? he has practice
till 2:30" was offered 9:00): "after 3", "después de las 3", "from 4 on", "not before 2", "before 11"
bound the times searched, every day of a longer range too (`When.earliest`/`latest`); an hour without
am/pm is read in clinic hours; a greeting "morning!" is no morning; and numbers that count something
else ("after 3 days", "after the 3rd", "después del 3 de marzo") are no bound."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from agents.understanding.dates import parse_when
from agents.understanding.types import Language, When

TZ = ZoneInfo("America/New_York")
NOW = datetime(2028, 2, 7, 7, 20, tzinfo=TZ)  # a Monday morning
THURSDAY = NOW.date() + timedelta(days=3)


def _when(text: str, language: Language = "en") -> When | None:
    return parse_when(text, now=NOW, tz=TZ, language=language)


def _minutes(moment: datetime) -> int:
    return moment.hour * 60 + moment.minute


@pytest.mark.parametrize(
    ("text", "earliest", "language"),
    [
        ("morning! can we get peds this thursday after 3? he has practice till 2:30", 15 * 60, "en"),
        ("thursday after 3", 15 * 60, "en"),
        ("thursday after 3pm", 15 * 60, "en"),
        ("thursday after 3:30", 15 * 60 + 30, "en"),
        ("thursday anytime after 2", 14 * 60, "en"),
        ("thursday from 4 on", 16 * 60, "en"),
        ("thursday 4pm onwards", 16 * 60, "en"),
        ("thursday 3 or later", 15 * 60, "en"),
        ("thursday not before 2", 14 * 60, "en"),
        ("thursday no earlier than 1", 13 * 60, "en"),
        ("thursday later than 2", 14 * 60, "en"),
        ("thursday, he has practice till 2:30", 14 * 60 + 30, "en"),
        ("thursday, I work until 3", 15 * 60, "en"),
        ("good morning! thursday after 3 please", 15 * 60, "en"),
        ("el jueves después de las 3", 15 * 60, "es"),
        ("el jueves despues de las 3 de la tarde", 15 * 60, "es"),
        ("el jueves a partir de las 4", 16 * 60, "es"),
        ("el jueves de 4 en adelante", 16 * 60, "es"),
        ("el jueves no antes de las 2", 14 * 60, "es"),
        ("el jueves las 3 o más tarde", 15 * 60, "es"),
        ("el jueves, tengo clases hasta las 2", 14 * 60, "es"),
        ("el jueves después del mediodía", 12 * 60, "es"),
    ],
)
def test_after_a_clock_time_that_day(text: str, earliest: int, language: Language) -> None:
    when = _when(text, language)
    assert when is not None, text
    assert when.start.date() == THURSDAY and _minutes(when.start) == earliest, (text, when)
    assert when.earliest == earliest and when.near is None, (text, when)


@pytest.mark.parametrize(
    ("text", "latest", "language"),
    [
        ("thursday before 11", 11 * 60, "en"),
        ("thursday not after 11", 11 * 60, "en"),
        ("thursday no later than 10:30", 10 * 60 + 30, "en"),
        ("thursday 11 or earlier", 11 * 60, "en"),
        ("el jueves antes de las 11", 11 * 60, "es"),
        ("el jueves no después de las 11", 11 * 60, "es"),
        ("el jueves antes del mediodía", 12 * 60, "es"),
    ],
)
def test_before_a_clock_time_that_day(text: str, latest: int, language: Language) -> None:
    when = _when(text, language)
    assert when is not None, text
    assert when.start.date() == THURSDAY and when.end == when.start.replace(hour=0, minute=0) + timedelta(
        minutes=latest
    ), (text, when)
    assert when.latest == latest, (text, when)


@pytest.mark.parametrize(
    ("text", "earliest", "latest", "language"),
    [
        ("cardiology any day after 3", 15 * 60, None, "en"),
        ("next week after 3pm", 15 * 60, None, "en"),
        ("next week before 11", None, 11 * 60, "en"),
        ("next week between 2 and 4", 14 * 60, 16 * 60, "en"),
        ("la semana que viene después de las 3", 15 * 60, None, "es"),
        ("cualquier día antes de las 10", None, 10 * 60, "es"),
    ],
)
def test_a_bound_holds_every_day_of_a_longer_range(
    text: str, earliest: int | None, latest: int | None, language: Language
) -> None:
    when = _when(text, language)
    assert when is not None and when.end - when.start > timedelta(days=1), (text, when)
    if earliest is not None:
        assert when.earliest == earliest, (text, when)
    if latest is not None:
        assert when.latest == latest, (text, when)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("cardiology after 3 days", "en"),
        ("cardiology after 30 days", "en"),
        ("cardiology after 3 doses of the antibiotic", "en"),
        ("cardiology after the 3rd", "en"),
        ("cardiology after 3rd", "en"),
        ("cardiology, I'll be 3 after all", "en"),
        ("cita después del 3", "es"),
        ("cita después del 3 de marzo", "es"),
        ("cita después de 3 semanas", "es"),
        ("next week in the afternoon", "en"),  # a part of day, no clock bound
        ("after lunch next week", "en"),
        ("el jueves por la tarde", "es"),
    ],
)
def test_numbers_that_count_something_else_are_no_bound(text: str, language: Language) -> None:
    when = _when(text, language)
    assert when is None or (when.earliest is None and when.latest is None), (text, when)
    if when is not None and when.start.hour == 15:
        pytest.fail(f"{text!r} read 3 as 3 PM: {when}")


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("morning please", "morning"),  # an answer, not a greeting
        ("thursday morning", "morning"),
        ("mornings are best, thursday", "morning"),
        ("good morning! thursday afternoon", "afternoon"),
    ],
)
def test_a_part_of_day_said_is_kept_beside_a_greeting(text: str, part: str) -> None:
    when = _when(text)
    assert when is not None and when.part_of_day == part, (text, when)


def test_a_morning_greeting_is_no_morning() -> None:
    when = _when("Morning! peds this thursday please")
    assert when is not None and when.part_of_day is None and when.start.date() == THURSDAY, when
