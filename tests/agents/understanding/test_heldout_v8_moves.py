"""Moves said relative to the appointment (held-out v8: "cámbiala para la semana que viene, mismo día y
hora", "pásamela a la próxima semana, el mismo viernes en la mañana", "se puede mover dos semanas?
mismo día y hora" searched from today, and "mi esposo no puede llevarlo el jueves. ¿se puede pasar al
martes 4 de mayo en la tarde?" searched Thursday to Tuesday): the day and the time kept together
("mismo día y hora", "same day and time") keep the appointment's weekday and time, a week or an
amount on; "el mismo viernes" with "la próxima semana" is its weekday a week on; "mover dos semanas"
is an amount like "moverla dos semanas"; and a day of the month after "to"/"al" with its weekday
before it is where the appointment goes."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from agents.understanding.dates import parse_when
from agents.understanding.shifts import keeps_the_time, mentions_shift, shifted_when

TZ = ZoneInfo("America/New_York")
ANCHOR = datetime(2027, 10, 1, 9, 0, tzinfo=TZ)  # the appointment: Friday 1 October, 09:00
NOW = datetime(2027, 9, 28, 13, 5, tzinfo=TZ)


@pytest.mark.parametrize(
    "text",
    [
        "cambiala para la semana que viene, mismo dia y hora porfa",
        "cámbiala para la semana que viene, el mismo día y hora",
        "pasala a la proxima semana, mismo dia y misma hora",
        "la semana siguiente, misma hora y dia",
        "next week, same day and time",
        "move it to next week same day & time",
        "can we do the following week, same time and day?",
        "next week same day, same time",
    ],
)
def test_the_day_and_time_kept_a_week_on(text: str) -> None:
    assert mentions_shift(text) and keeps_the_time(text), text
    when = shifted_when(text, ANCHOR, now=NOW)
    assert when is not None and when.near == ANCHOR + timedelta(days=7), (text, when)


@pytest.mark.parametrize(
    ("text", "weeks"),
    [
        ("se puede mover dos semanas? mismo dia y hora", 2),
        ("¿la puedes mover dos semanas? mismo día y hora", 2),
        ("moverla una semana, mismo dia y hora", 1),
        ("can you move it two weeks, same day and time?", 2),
        ("push it back 3 weeks, same day & time", 3),
    ],
)
def test_an_amount_with_day_and_time_kept(text: str, weeks: int) -> None:
    when = shifted_when(text, ANCHOR, now=NOW)
    assert when is not None and when.near == ANCHOR + timedelta(weeks=weeks), (text, when)


@pytest.mark.parametrize(
    "text",
    [
        "no voy a poder, pasamela a la proxima semana, el mismo viernes en la mañana",
        "pásamela a la semana que viene, el mismo viernes",
        "next week, that same friday, morning",
        "move it to next week, the same friday please",
    ],
)
def test_the_same_weekday_next_week(text: str) -> None:
    assert mentions_shift(text), text
    when = shifted_when(text, ANCHOR, now=NOW)
    assert when is not None and when.start.date() == date(2027, 10, 8), (text, when)
    assert when.part_of_day == "morning", (text, when)


def test_the_same_weekday_alone_is_its_own_day() -> None:
    when = shifted_when("el mismo viernes pero en la tarde", ANCHOR, now=NOW)
    assert when is not None and when.start.date() == ANCHOR.date() and when.part_of_day == "afternoon", when


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "disculpe, mi esposo no puede llevarlo el jueves. se puede pasar al martes 4 de mayo en la"
            " tarde?",
            "es",
        ),
        ("el jueves no podemos, ¿la pasamos al martes 4 de mayo en la tarde?", "es"),
        ("thursday doesn't work for my husband, can we move it to tuesday the 4th, afternoon?", "en"),
        ("can't do thursday, move it to tuesday, may 4 in the afternoon", "en"),
    ],
)
def test_a_date_after_to_with_its_weekday_is_where_it_goes(text: str, language: str) -> None:
    now = datetime(2027, 4, 27, 10, 5, tzinfo=TZ)
    when = parse_when(text, now=now, tz=TZ, language=language)  # type: ignore[arg-type]
    assert when is not None and when.start.date() == date(2027, 5, 4), (text, when)
    assert (when.end - timedelta(microseconds=1)).date() == date(2027, 5, 4), (text, when)


@pytest.mark.parametrize(
    "text",
    [
        "el mismo día",
        "same time",
        "mismo dia, pero mas tarde",
        "tengo cita el mismo dia que mi hija",
    ],
)
def test_near_misses_keep_their_reading(text: str) -> None:
    when = shifted_when(text, ANCHOR, now=NOW)
    assert when is None or when.start.date() == ANCHOR.date(), (text, when)


@pytest.mark.parametrize(
    "text", ["mi hijo no se puede mover", "same day delivery", "el mismo doctor", "the same doctor please"]
)
def test_no_day_and_time_kept_without_both(text: str) -> None:
    assert not keeps_the_time(text), text
