"""Moves and picks of held-out v5: "al lunes siguiente", "the following Monday", "the Monday after"
are that weekday after the appointment being moved, not after today; among the times offered, a
day of the month said in Spanish without a suffix ("sí, el 25 a las 10") is a day, so times on
another day are not picked; a number after a weekday is its day when an option falls on it, else
the hour ("yes tuesday 11"); "la primera de la tarde" is the first of the afternoon's options;
"la q sea" takes any."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import resolve_choice
from agents.understanding.choices import mentions_choice
from agents.understanding.shifts import mentions_shift, moves_the_day, shifted_when

TZ = ZoneInfo("America/New_York")
NOW = datetime(2027, 10, 17, 20, 30, tzinfo=TZ)  # Sunday evening
ANCHOR = datetime(2027, 10, 18, 10, 0, tzinfo=TZ)  # the appointment: Monday 18 October, 10:00


@pytest.mark.parametrize(
    ("text", "day", "same_time"),
    [
        ("disculpe, me la puede pasar al lunes siguiente a la misma hora?", date(2027, 10, 25), True),
        ("the following monday same time", date(2027, 10, 25), True),
        ("can we do the monday after, same time?", date(2027, 10, 25), True),
        ("pasala al jueves que sigue", date(2027, 10, 21), False),
        ("el siguiente martes en la tarde", date(2027, 10, 19), False),
        ("move it to the following friday", date(2027, 10, 22), False),
        ("cambiala al lunes de despues, misma hora", date(2027, 10, 25), True),
    ],
)
def test_the_following_weekday_counts_from_the_appointment(text: str, day: date, same_time: bool) -> None:
    assert mentions_shift(text), text
    when = shifted_when(text, ANCHOR, now=NOW)
    assert when is not None and when.start.date() <= day <= when.end.date(), (text, when)
    if same_time:
        assert when.near == datetime.combine(day, ANCHOR.time(), tzinfo=TZ), text


@pytest.mark.parametrize(
    "text", ["next monday please", "the monday after next", "el lunes", "monday works", "el lunes que viene"]
)
def test_weekdays_said_from_today_are_no_following_weekday(text: str) -> None:
    assert not mentions_shift(text), text


def _on(day: int, *clock: str) -> list[datetime]:
    return [datetime(2027, 10, day, int(c[:2]), int(c[3:]), tzinfo=TZ) for c in clock]


@pytest.mark.parametrize(
    "text", ["si, el 25 a las 10", "el 25 a las 10 porfa", "mejor el dia 25", "el 26 a las 9:30"]
)
def test_a_day_of_the_month_not_offered_picks_nothing(text: str) -> None:
    options = _on(18, "09:30", "09:30", "10:30")
    assert resolve_choice(text, options, tz=TZ, language="es") is None, text


@pytest.mark.parametrize(
    ("text", "index"),
    [
        ("si, el 25 a las 10", 1),
        ("el 25 a las 9:30", 0),
        ("el 2", 1),  # a reply of only "el 2" is the second option
        ("el 2 por favor", 1),
        ("el de las 10:30", 2),
        ("el 10:30", 2),
    ],
)
def test_a_day_of_the_month_offered_or_a_position_still_picks(text: str, index: int) -> None:
    options = [*_on(25, "09:30", "10:00"), *_on(25, "10:30")]
    assert resolve_choice(text, options, tz=TZ, language="es") == index, text


@pytest.mark.parametrize(
    ("text", "index"),
    [("yes tuesday 11", 0), ("martes 11 por favor", 0), ("tuesday 11:30", 2), ("ok tuesday 11 then", 0)],
)
def test_a_number_after_a_weekday_is_the_hour_when_no_option_is_on_that_day(text: str, index: int) -> None:
    options = [datetime(2028, 11, 28, 11, 0, tzinfo=TZ)] * 2 + [datetime(2028, 11, 28, 11, 30, tzinfo=TZ)]
    assert resolve_choice(text, options, tz=TZ, language="en") == index, text


def test_a_number_after_a_weekday_is_the_day_when_an_option_falls_on_it() -> None:
    options = [datetime(2028, 11, d, 11, 0, tzinfo=TZ) for d in (27, 28)] + [
        datetime(2028, 12, 11, 9, 0, tzinfo=TZ)
    ]
    assert resolve_choice("monday 27", options, tz=TZ, language="en") == 0
    assert resolve_choice("monday 11", options, tz=TZ, language="en") == 2
    assert resolve_choice("tuesday 3", options, tz=TZ, language="en") is None


@pytest.mark.parametrize(
    ("text", "index"),
    [
        ("la primera de la tarde", 1),
        ("the first one in the afternoon", 1),
        ("la primera en la tarde", 1),
        ("la ultima de la tarde", 2),
        ("the last one in the afternoon", 2),
        ("la primera de la mañana", 0),
        ("the first of the morning", 0),
        ("la primera", 0),
        ("the one at one in the afternoon", 1),
    ],
)
def test_a_position_in_a_part_of_day_ranks_within_it(text: str, index: int) -> None:
    options = _on(21, "11:30", "13:00", "13:30")
    assert resolve_choice(text, options, tz=TZ, language="es") == index, text


def test_a_position_beyond_that_part_picks_nothing() -> None:
    assert (
        resolve_choice("la segunda de la mañana", _on(21, "11:30", "13:00", "13:30"), tz=TZ, language="es")
        is None
    )


@pytest.mark.parametrize(
    "text",
    [
        "la q sea",
        "la que sea",
        "cualquiera",
        "me da lo mismo",
        "el que tengan",
        "da igual",
        "whichever",
        "any is fine",
    ],
)
def test_any_takes_the_first(text: str) -> None:
    assert mentions_choice(text), text
    assert resolve_choice(text, _on(21, "09:00", "09:30", "10:00"), tz=TZ, language="es") == 0, text


@pytest.mark.parametrize("text", ["ninguna me sirve", "none of them", "no, ninguna"])
def test_none_is_no_pick(text: str) -> None:
    assert resolve_choice(text, _on(21, "09:00", "09:30", "10:00"), tz=TZ, language="es") is None, text


@pytest.mark.parametrize(
    ("text", "moves"),
    [
        ("actually can we make it the same time the next day?", True),
        ("same time but the day after", True),
        ("a la misma hora pero al dia siguiente", True),
        ("misma hora, una semana despues", True),
        ("the 9:30 one, same time as before", False),
        ("a la misma hora", False),
        ("same time is fine", False),
        ("the second one", False),
    ],
)
def test_a_day_moved_beyond_same_time(text: str, moves: bool) -> None:
    assert moves_the_day(text) is moves, text
