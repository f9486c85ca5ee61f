"""Held-out v9's dates: "week after next on the Tuesday" was read as the nearest Tuesday (a week
early: "next" of "week after next" was claimed by the week, so "on tuesday" was never read, and "on
the" did not tie a weekday to its week); a birth date restated after "born" ("born, uh, ten twelve
eighty-eight, October twelfth") was read as the day wanted."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import Intent, understand
from agents.understanding.dates import dated_days

TZ = ZoneInfo("America/New_York")
FRIDAY = datetime(2028, 4, 14, 12, 5, tzinfo=TZ)  # a Friday
TUESDAY = datetime(2028, 6, 13, 9, 0, tzinfo=TZ)


def _days(text: str, now: datetime) -> tuple[date, date] | None:
    when = understand(text, now=now, tz=TZ).fields.when
    return (when.start.date(), (when.end.astimezone(TZ)).date()) if when else None


@pytest.mark.parametrize(
    "text",
    [
        "week after next on the Tuesday",
        "week after next on tuesday afternoon",
        "the week after next, tuesday",
        "tuesday the week after next",
        "tuesday week after next",
        "week after next on the tuesday in the afternoon pls",
        "el martes de la semana subsiguiente",
        "el martes de la semana despues de la proxima",
        "la semana siguiente a la proxima, el martes",
        "in two weeks on tuesday",
    ],
)
def test_a_weekday_of_the_week_after_next_is_that_weeks(text: str) -> None:
    days = _days(text, FRIDAY)
    assert days is not None and days[0] == date(2028, 4, 25), text


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("next tuesday", date(2028, 4, 18)),
        ("next week on the tuesday", date(2028, 4, 18)),
        ("tuesday", date(2028, 4, 18)),
        ("week after next", date(2028, 4, 24)),  # the whole week
    ],
)
def test_near_misses_keep_their_days(text: str, first: date) -> None:
    days = _days(text, FRIDAY)
    assert days is not None and days[0] == first, text


@pytest.mark.parametrize(
    "text",
    [
        "Hi this is Priscilla Vaughn, born ten twelve eighty-eight, October twelfth. I'd like a family"
        " medicine appointment this Friday, afternoon",
        "this is Tom Reyes, born, uh, october twelfth, eighty-eight, and I need a checkup friday afternoon",
        "Tom Reyes, date of birth october 12th 1988. Family medicine this friday afternoon",
        "soy Ana Ruiz, nacida el doce de octubre del ochenta y ocho, quiero cita el viernes en la tarde",
        "my name is Gloria Stanton, birthday is October twelfth, fifty-four. heart doctor friday afternoon",
        "mi hijo Mateo Garcia, nacio el doce de octubre de dos mil dieciseis, pediatria el viernes en la"
        " tarde",
        "se llama Sofía Paz, nació el doce de octubre de este año, ¿puede ser el viernes en la tarde?",
    ],
)
def test_a_birth_date_restated_is_no_day_wanted(text: str) -> None:
    days = _days(text, TUESDAY)
    assert days is not None and days[0] == date(2028, 6, 16), text
    assert dated_days(text, today=TUESDAY.date(), language="en") == {}, text


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Mia Torres born march 3 2019, can she come friday the 16th afternoon", date(2028, 6, 16)),
        ("born 3/4/2019. I want October twelfth for her visit", date(2028, 10, 12)),
        ("nacido el 2 de febrero de 1949; cita el jueves 22", date(2028, 6, 22)),
    ],
)
def test_a_day_said_after_the_birth_date_still_counts(text: str, day: date) -> None:
    days = _days(text, TUESDAY)
    assert days is not None and days[0] == day, text


@pytest.mark.parametrize(
    "text",
    [
        "buenas, mi bebé necesita sus vacunas de los dos meses... se llama Sofía Paz, nació el primero de"
        " julio de este año... ¿puede ser el martes después del feriado, en la mañana?",
        "mi hija necesita pediatría, nació el 3 de marzo de este año, ¿puede ser el jueves antes del"
        " feriado?",
    ],
)
def test_a_visit_wished_for_a_day_no_rule_reads_is_still_a_booking(text: str) -> None:
    assert understand(text, now=datetime(2028, 8, 29, 15, 30, tzinfo=TZ), tz=TZ).intent is Intent.BOOK, text
