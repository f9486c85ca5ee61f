"""Times said in words (held-out v5): a lone clock time, on the half-hour grid or off it ("quarter
to 10", "a eso de las 4 y cuarto", "around ten past two", "a eso del mediodía"), is searched an
hour either side of the very minute it names (`When.near`), so the nearest times are offered; and
"the closest one" / "la más cercana" then picks the option nearest that minute."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import resolve_choice
from agents.understanding.choices import clock_named, mentions_choice
from agents.understanding.dates import parse_when
from agents.understanding.types import Language

TZ = ZoneInfo("America/New_York")
NOW = datetime(2026, 12, 12, 19, 40, tzinfo=TZ)  # a Saturday evening
MONDAY = datetime(2026, 12, 14, tzinfo=TZ)


def near_of(text: str, language: Language = "en") -> tuple[int, int] | None:
    when = parse_when(text, now=NOW, tz=TZ, language=language)
    assert when is not None, text
    return (when.near.hour, when.near.minute) if when.near else None


@pytest.mark.parametrize(
    ("text", "language", "hour", "minute"),
    [
        ("family medicine monday, quarter to 10 if u can, or near that", "en", 9, 45),
        ("derm monday at a quarter past 3", "en", 15, 15),
        ("monday at quarter after 3", "en", 15, 15),
        ("ortho on monday, around ten past two", "en", 14, 10),
        ("monday twenty to four pls", "en", 15, 40),
        ("dermatology monday at half 10", "en", 10, 30),
        ("ortho monday at eleven thirty please", "en", 11, 30),
        ("monday at 9 o'clock", "en", 9, 0),
        ("monday 10:30am", "en", 10, 30),
        ("cardio monday around noon", "en", 12, 0),
        ("medicina general el lunes a eso de las 4 y cuarto", "es", 16, 15),
        ("cardiologo el lunes a las cuatro menos cuarto", "es", 15, 45),
        ("el lunes a las 9 en punto", "es", 9, 0),
        ("el lunes a las diez y media", "es", 10, 30),
        ("el lunes a las 10 y media", "es", 10, 30),
        ("el lunes como a las tres", "es", 15, 0),
        ("el lunes a eso del mediodia", "es", 12, 0),
        ("el lunes tipo mediodía", "es", 12, 0),
        ("lunes a las once y media porfa", "es", 11, 30),
    ],
)
def test_a_clock_time_on_one_day_names_the_very_minute(
    text: str, language: Language, hour: int, minute: int
) -> None:
    assert near_of(text, language) == (hour, minute)
    when = parse_when(text, now=NOW, tz=TZ, language=language)
    assert when is not None and when.near is not None
    assert when.start <= when.near < when.end  # the nearest on either side are searched
    assert when.near - when.start <= timedelta(hours=1) and when.end - when.near <= timedelta(hours=1)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("monday afternoon", "en"),
        ("monday between 2 and 4", "en"),
        ("monday after 3pm", "en"),
        ("monday before noon", "en"),
        ("el lunes por la tarde", "es"),
        ("el lunes despues de las 3", "es"),
        ("next week at 10", "en"),  # several days: the part of day filters, no one minute
        ("el lunes a eso del mediodia, antes de la comida", "es"),  # a bound: before lunch
    ],
)
def test_ranges_and_bounds_name_no_minute(text: str, language: Language) -> None:
    assert near_of(text, language) is None


def test_a_time_in_a_part_of_day_stays_in_it() -> None:
    when = parse_when("monday morning at 11:30", now=NOW, tz=TZ, language="en")
    assert when is not None and when.near == MONDAY.replace(hour=11, minute=30)
    assert when.end <= MONDAY.replace(hour=12) and when.part_of_day == "morning"


def test_around_noon_is_no_part_of_day() -> None:
    when = parse_when("derm monday around noon", now=NOW, tz=TZ, language="en")
    assert when is not None and when.part_of_day is None
    assert when.start.hour == 11 and when.end.hour == 13


def _options(*clock: str) -> list[datetime]:
    return [MONDAY.replace(hour=int(c[:2]), minute=int(c[3:])) for c in clock]


@pytest.mark.parametrize(
    "text",
    [
        "the closest one then",
        "closest",
        "nearest one to that",
        "the nearest",
        "whichever is closest",
        "as close as possible",
        "la mas cercana a esa hora",
        "la más cercana",
        "la mas proxima",
        "lo mas cerca posible",
        "el mas cercano porfa",
        "la cercana",
    ],
)
def test_the_closest_picks_the_option_nearest_the_time_asked(text: str) -> None:
    asked = MONDAY.replace(hour=14, minute=10)  # "around ten past two"
    options = _options("14:30", "14:30", "15:00")
    assert mentions_choice(text), text
    assert resolve_choice(text, options, tz=TZ, language="en", asked=asked) == 0, text
    options = _options("13:30", "14:00", "14:30")
    assert resolve_choice(text, options, tz=TZ, language="en", asked=asked) == 1, text


def test_equally_near_on_both_sides_takes_the_later() -> None:
    asked = MONDAY.replace(hour=9, minute=45)  # "quarter to 10"
    options = _options("09:30", "10:00", "10:00")
    assert resolve_choice("the closest one", options, tz=TZ, language="en", asked=asked) == 1


def test_the_closest_with_no_time_asked_is_the_soonest() -> None:
    options = _options("10:00", "09:30", "11:00")
    assert resolve_choice("la más cercana", options, tz=TZ, language="es") == 1


@pytest.mark.parametrize(
    "text",
    ["not the closest", "ninguna cercana", "the close call", "none of them are close"],
)
def test_near_misses_of_closest_pick_nothing(text: str) -> None:
    asked = MONDAY.replace(hour=14, minute=10)
    options = _options("14:00", "14:30", "15:00")
    assert resolve_choice(text, options, tz=TZ, language="en", asked=asked) is None, text


@pytest.mark.parametrize(
    ("text", "minute"),
    [
        ("las 11:30 si hay", 11 * 60 + 30),
        ("11:30 if you have it", 11 * 60 + 30),
        ("at 4 if it's free", 16 * 60),
        ("la de las 4 si se puede", 16 * 60),
        ("the 11:30 if there's one", 11 * 60 + 30),
        ("10:30 thanks", 10 * 60 + 30),
        ("la de las 3, gracias", 15 * 60),
        ("las 11:30 si esta libre", 11 * 60 + 30),
    ],
)
def test_a_time_with_if_there_is_one_is_still_that_time(text: str, minute: int) -> None:
    assert clock_named(text) == minute


@pytest.mark.parametrize(
    "text", ["11:30 on tuesday if you have it", "la segunda si hay", "si hay algo a las 11:30 o a las 12"]
)
def test_more_than_a_time_is_not_a_time_alone(text: str) -> None:
    assert clock_named(text) is None
