"""Moves relative to the appointment being moved and picks among the times offered (held-out v4):
"the afternoon of the same day" / "la tarde del mismo día" is that day's afternoon, "same time a
week from that" a week after it, "pasarla un día antes" the day before (the word after the amount
says which way); "la última de la lista" is the last option, and "the 10:30 one if it's there,
otherwise any" takes the 10:30 when it is offered, else the fallback."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import resolve_choice
from agents.understanding.choices import mentions_choice
from agents.understanding.dates import names_a_date
from agents.understanding.shifts import mentions_shift, shifted_when

TZ = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 25, 10, 20, tzinfo=TZ)
ANCHOR = datetime(2026, 12, 2, 10, 0, tzinfo=TZ)  # Wednesday 2 December, 10:00


def shifted(text: str) -> tuple[date, int, int]:
    when = shifted_when(text, ANCHOR, now=NOW)
    assert when is not None, text
    return when.start.date(), when.start.hour, (when.end - timedelta(minutes=1)).hour


@pytest.mark.parametrize(
    "text",
    [
        "mejor cambiamela para la tarde del mismo dia",
        "¿me la pasas a la tarde del mismo día?",
        "move it to the afternoon of the same day pls",
        "same day but in the afternoon",
        "that same day in the afternoon",
        "ese mismo día por la tarde",
    ],
)
def test_the_afternoon_of_the_same_day_is_that_days_afternoon(text: str) -> None:
    assert mentions_shift(text), text
    day, first, last = shifted(text)
    assert day == ANCHOR.date() and first >= 12 and last < 17, text


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("same time a week from that", date(2026, 12, 9)),
        ("can we do same time a week from that instead?", date(2026, 12, 9)),
        ("two days after that, same time", date(2026, 12, 4)),
        ("una semana después de esa, misma hora", date(2026, 12, 9)),
        ("perdon, me la puedes pasar un dia antes? misma hora", date(2026, 12, 1)),
        ("pásamela dos días antes", date(2026, 11, 30)),
        ("move it a day earlier", date(2026, 12, 1)),
        ("pasala un dia", date(2026, 12, 3)),  # no word after the amount: the verb's way, later
        ("push it back a week", date(2026, 12, 9)),
        ("adelantala un dia", date(2026, 12, 1)),
    ],
)
def test_a_shift_counts_from_the_appointment_the_way_its_words_say(text: str, day: date) -> None:
    assert mentions_shift(text), text
    assert shifted(text)[0] == day, text


@pytest.mark.parametrize(
    "text",
    ["a week from that", "same time a week from that", "the 9th at 10", "a las 10 del mismo dia"],
)
def test_a_shift_alone_or_a_date_is_told_apart(text: str) -> None:
    dated = names_a_date(text, today=NOW.date(), language="en")
    assert dated == ("9th" in text), text


@pytest.mark.parametrize(
    "text",
    [
        "tuesday the 19th at 9:30 then",
        "so the 9th at 10",
        "el 3 de diciembre",
        "12/3 please",
        "martes 19",
    ],
)
def test_a_day_of_the_month_is_a_date(text: str) -> None:
    assert names_a_date(text, today=NOW.date(), language="en"), text


@pytest.mark.parametrize(
    "text", ["the following week", "next tuesday", "tomorrow", "same time next week", "a week from friday"]
)
def test_relative_days_are_no_date(text: str) -> None:
    assert not names_a_date(text, today=NOW.date(), language="en"), text


OFFERED = [datetime(2026, 12, 1, h, m, tzinfo=TZ) for h, m in ((9, 0), (9, 0), (9, 30))]
AT_1030 = [datetime(2026, 12, 1, h, m, tzinfo=TZ) for h, m in ((10, 0), (10, 30), (11, 0))]


@pytest.mark.parametrize(
    ("text", "index"),
    [
        ("la ultima de la lista", 2),
        ("la última", 2),
        ("the last one", 2),
        ("the last one on the list", 2),
        ("el último", 2),
        ("the last of them", 2),
        ("la primera de la lista", 0),
    ],
)
def test_a_position_from_the_end_or_in_the_list_picks(text: str, index: int) -> None:
    assert resolve_choice(text, OFFERED, tz=TZ, language="es") == index, text


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("the 10:30 one if it's there, otherwise any", 0, 1),
        ("la de las 10:30 si está, si no cualquiera", 0, 1),
        ("10:30 if you have it, if not the first one", 0, 1),
        ("the 10:30 please, otherwise the last one", 2, 1),
        ("10:30 si hay, de lo contrario la primera", 0, 1),
    ],
)
def test_a_time_with_a_fallback_takes_it_when_offered_else_the_fallback(
    text: str, absent: int, present: int
) -> None:
    assert mentions_choice(text), text
    assert resolve_choice(text, OFFERED, tz=TZ, language="en") == absent, text
    assert resolve_choice(text, AT_1030, tz=TZ, language="en") == present, text


@pytest.mark.parametrize(
    "text",
    [
        "the 10:30 one, if not then none",
        "la de las 10:30, si no ninguna",
        "the 10:30 one",  # not offered and no fallback: ask again
        "not the 9:30",
        "the last of may",
    ],
)
def test_no_fallback_or_a_refusal_picks_nothing(text: str) -> None:
    assert resolve_choice(text, OFFERED, tz=TZ, language="en") is None, text


def test_a_date_and_time_from_a_moves_list_picks_that_slot() -> None:
    listed = [datetime(2028, 3, 9, h, m, tzinfo=TZ) for h, m in ((9, 30), (10, 0), (10, 0), (10, 30))]
    practitioners = ["Dr. Sofia Alvarez", "Dr. Nathan Brooks", "Dr. Sofia Alvarez", "Dr. Sofia Alvarez"]
    moving = (datetime(2028, 3, 2, 10, 0, tzinfo=TZ), "Dr. Sofia Alvarez")
    chosen = resolve_choice(
        "yes the 9th at 10", listed, tz=TZ, language="en", practitioners=practitioners, moving=moving
    )
    assert chosen == 2  # March 9 at 10:00, with the practitioner of the appointment being moved
