"""Days held-out v6 found unread, each read as a class (agents/understanding/calendarrules.py and
holidaywords.py): the nth or last weekday or day of a month, "the Tuesday after next", US holidays
and observances in English and Spanish (the next one on or after today, today included, next year's
once it has passed), the day or weekday before or after any of them; and a day clearly said in words
not read ("the day after my birthday") gives no range, so that the agent asks instead of offering the
soonest times. Near-misses keep their reading: "the first one" is a pick, "la madre de mi esposo" no
Mother's Day, "the day after" alone a move relative to the appointment."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import understand
from agents.understanding.dates import names_a_date, parse_when
from agents.understanding.types import Language

TZ = ZoneInfo("America/New_York")


def day_of(text: str, today: date, language: Language = "en") -> date | None:
    """The single day `text` asks for on `today` (None when it names no single day)."""
    now = datetime.combine(today, datetime.min.time(), tzinfo=TZ) + timedelta(hours=8)
    when = parse_when(text, now=now, tz=TZ, language=language)
    if when is None:
        return None
    first, last = when.start.date(), (when.end - timedelta(minutes=1)).date()
    return first if first == last else None


@pytest.mark.parametrize(
    ("text", "language", "today", "day"),
    [
        ("the third Wednesday of this month, afternoon", "en", date(2027, 1, 10), date(2027, 1, 20)),
        ("the 3rd wednesday of the month", "en", date(2027, 1, 10), date(2027, 1, 20)),
        ("skin check the first monday in february", "en", date(2027, 1, 10), date(2027, 2, 1)),
        ("second Friday of next month", "en", date(2027, 1, 10), date(2027, 2, 12)),
        ("the last Friday of March please", "en", date(2027, 1, 10), date(2027, 3, 26)),
        ("last monday of this month", "en", date(2027, 1, 10), date(2027, 1, 25)),
        ("the first Friday of January", "en", date(2027, 1, 10), date(2028, 1, 7)),  # passed: next year's
        ("el primer viernes de febrero, en la mañana", "es", date(2027, 1, 10), date(2027, 2, 5)),
        ("el tercer miercoles del mes que viene", "es", date(2027, 6, 10), date(2027, 7, 21)),
        ("el segundo lunes de este mes", "es", date(2027, 6, 1), date(2027, 6, 14)),
        ("el último jueves de noviembre", "es", date(2027, 6, 1), date(2027, 11, 25)),
        ("el ultimo viernes del proximo mes", "es", date(2027, 12, 20), date(2028, 1, 28)),
        ("the last day of June", "en", date(2028, 5, 31), date(2028, 6, 30)),
        ("cardiología el último día de junio por la mañana", "es", date(2028, 5, 31), date(2028, 6, 30)),
        ("el ultimo dia de febrero", "es", date(2028, 1, 5), date(2028, 2, 29)),
        ("the first day of next month", "en", date(2027, 6, 10), date(2027, 7, 1)),
        ("the first of next month", "en", date(2027, 6, 10), date(2027, 7, 1)),
        ("the 15th of next month", "en", date(2027, 12, 10), date(2028, 1, 15)),
        ("el primero del mes que viene", "es", date(2027, 6, 10), date(2027, 7, 1)),
        ("el 15 de este mes", "es", date(2027, 6, 10), date(2027, 6, 15)),
        ("the Tuesday after next, afternoon", "en", date(2027, 4, 30), date(2027, 5, 11)),
        (
            "the tuesday after next",
            "en",
            date(2027, 5, 3),
            date(2027, 5, 18),
        ),  # "next Tuesday" is not tomorrow
        ("el martes despues del proximo", "es", date(2027, 4, 30), date(2027, 5, 11)),
        ("a week from Friday", "en", date(2027, 4, 30), date(2027, 5, 14)),
        ("el martes de la semana que viene", "es", date(2027, 4, 30), date(2027, 5, 4)),
    ],
)
def test_days_of_a_month_by_rule(text: str, language: Language, today: date, day: date) -> None:
    assert day_of(text, today, language) == day, text


@pytest.mark.parametrize(
    ("text", "language", "today", "day"),
    [
        ("on New Year's Day", "en", date(2027, 12, 30), date(2028, 1, 1)),
        ("MLK day", "en", date(2027, 1, 2), date(2027, 1, 18)),
        ("presidents day", "en", date(2027, 1, 2), date(2027, 2, 15)),
        ("valentines day", "en", date(2027, 1, 2), date(2027, 2, 14)),
        ("a dermatologist on St. Patrick's Day? morning", "en", date(2028, 2, 29), date(2028, 3, 17)),
        ("st paddys day", "en", date(2028, 2, 29), date(2028, 3, 17)),
        ("good friday", "en", date(2027, 1, 2), date(2027, 3, 26)),
        ("easter sunday", "en", date(2027, 1, 2), date(2027, 3, 28)),
        ("mothers day", "en", date(2027, 4, 30), date(2027, 5, 9)),
        ("memorial day", "en", date(2027, 4, 30), date(2027, 5, 31)),
        ("father's day", "en", date(2027, 4, 30), date(2027, 6, 20)),
        ("juneteenth", "en", date(2027, 4, 30), date(2027, 6, 19)),
        ("the fourth of july", "en", date(2027, 4, 30), date(2027, 7, 4)),
        ("independence day", "en", date(2027, 4, 30), date(2027, 7, 4)),
        ("labor day", "en", date(2027, 4, 30), date(2027, 9, 6)),
        ("columbus day", "en", date(2027, 4, 30), date(2027, 10, 11)),
        ("indigenous peoples day", "en", date(2027, 4, 30), date(2027, 10, 11)),
        ("halloween", "en", date(2027, 4, 30), date(2027, 10, 31)),
        ("veterans day", "en", date(2027, 4, 30), date(2027, 11, 11)),
        ("thanksgiving", "en", date(2027, 4, 30), date(2027, 11, 25)),
        ("thanksgivng", "en", date(2027, 4, 30), date(2027, 11, 25)),
        ("black friday", "en", date(2027, 4, 30), date(2027, 11, 26)),
        ("christmas eve", "en", date(2027, 4, 30), date(2027, 12, 24)),
        ("xmas", "en", date(2027, 4, 30), date(2027, 12, 25)),
        ("new years eve", "en", date(2027, 4, 30), date(2027, 12, 31)),
        ("año nuevo", "es", date(2027, 4, 30), date(2028, 1, 1)),
        ("cita con el pediatra el día de Reyes? en la mañana", "es", date(2027, 12, 30), date(2028, 1, 6)),
        ("el dia de reyes", "es", date(2028, 1, 6), date(2028, 1, 6)),  # today is that day: today
        ("el dia de reyes", "es", date(2028, 1, 7), date(2029, 1, 6)),
        ("san valentin", "es", date(2027, 1, 2), date(2027, 2, 14)),
        ("el dia del amor y la amistad", "es", date(2027, 1, 2), date(2027, 2, 14)),
        ("el viernes santo", "es", date(2027, 1, 2), date(2027, 3, 26)),
        ("jueves santo", "es", date(2027, 1, 2), date(2027, 3, 25)),
        ("dia de las madres", "es", date(2027, 4, 30), date(2027, 5, 9)),
        ("el día de la madre", "es", date(2027, 4, 30), date(2027, 5, 9)),
        ("el dia del padre", "es", date(2027, 4, 30), date(2027, 6, 20)),
        ("el día de la independencia", "es", date(2027, 4, 30), date(2027, 7, 4)),
        ("el dia del trabajo", "es", date(2027, 4, 30), date(2027, 9, 6)),
        ("accion de gracias", "es", date(2027, 4, 30), date(2027, 11, 25)),
        ("nochebuena", "es", date(2027, 4, 30), date(2027, 12, 24)),
        ("navidad", "es", date(2027, 12, 26), date(2028, 12, 25)),  # passed: next year's
        ("nochevieja", "es", date(2027, 4, 30), date(2027, 12, 31)),
        ("el día de muertos", "es", date(2027, 4, 30), date(2027, 11, 2)),
    ],
)
def test_holidays_are_their_next_day(text: str, language: Language, today: date, day: date) -> None:
    assert day_of(text, today, language) == day, text


@pytest.mark.parametrize(
    ("text", "language", "today", "day"),
    [
        ("a family medicine visit the day after Mother's Day, ideally before lunch", "en", date(2027, 4, 30),
         date(2027, 5, 10)),
        ("dermatology on the wednesday before thanksgiving? afternoon", "en", date(2027, 11, 4),
         date(2027, 11, 24)),
        ("the day before christmas", "en", date(2027, 11, 4), date(2027, 12, 24)),
        ("the monday after easter", "en", date(2027, 1, 2), date(2027, 3, 29)),
        ("the day after the 4th of july", "en", date(2027, 4, 30), date(2027, 7, 5)),
        ("the friday after the 15th", "en", date(2027, 4, 30), date(2027, 5, 21)),
        ("on the 2nd, the tuesday after new year's. morning", "en", date(2028, 12, 22), date(2029, 1, 2)),
        ("the monday after the clocks go back", "en", date(2027, 11, 4), date(2027, 11, 8)),
        ("el día antes de Navidad", "es", date(2027, 11, 4), date(2027, 12, 24)),
        ("el dia despues del dia de las madres", "es", date(2027, 4, 30), date(2027, 5, 10)),
        ("el miercoles antes de accion de gracias", "es", date(2027, 11, 4), date(2027, 11, 24)),
        ("el lunes despues de semana santa... no, el lunes despues de pascua", "es", date(2027, 1, 2),
         date(2027, 3, 29)),
        # a day said outright wins over "right after" a holiday, which is the week after it
        ("Right after New Year's please, Monday the 3rd", "en", date(2027, 12, 30), date(2028, 1, 3)),
        ("first day back after labor day, so tuesday morning", "en", date(2028, 9, 1), date(2028, 9, 5)),
    ],
)  # fmt: skip
def test_the_day_or_weekday_before_or_after_a_day(
    text: str, language: Language, today: date, day: date
) -> None:
    assert day_of(text, today, language) == day, text


def test_after_a_holiday_alone_is_the_week_after_it() -> None:
    now = datetime(2027, 11, 4, 10, tzinfo=TZ)
    when = parse_when("sometime after thanksgiving", now=now, tz=TZ, language="en")
    assert when is not None
    assert (when.start.date(), when.end.date()) == (date(2027, 11, 26), date(2027, 12, 3))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("derm the day after my birthday, morning please", "en"),
        ("cardiology the Wednesday before Diwali, afternoon", "en"),
        ("can I come in on Founders Day? mornings", "en"),
        ("family medicine on my birthday", "en"),
        ("dermatología el día después de mi cumpleaños, en la mañana", "es"),
        ("cita con cardiologia el martes antes de la boda", "es"),
    ],
)
def test_a_day_said_but_not_read_is_no_range(text: str, language: Language) -> None:
    now = datetime(2027, 4, 30, 10, tzinfo=TZ)
    assert parse_when(text, now=now, tz=TZ, language=language) is None, text
    u = understand(text, now=now, tz=TZ, language_hint=language)
    assert u.fields.when is None and u.fields.unread_day, text


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("the day after", "en", None),  # a move relative to the appointment (shifts), not an unread day
        ("the day after that, same time", "en", None),
        ("el dia despues de la cita", "es", None),
        ("monday before noon", "en", date(2027, 5, 3)),
        ("the first one", "en", None),
        ("la primera", "es", None),
        ("la madre de mi esposo tiene cita el viernes", "es", date(2027, 5, 7)),
        ("Valentina Reyes, cardiology friday", "en", date(2027, 5, 7)),
        ("the Patrick Street office, friday", "en", date(2027, 5, 7)),
        ("9am eastern time friday", "en", date(2027, 5, 7)),
    ],
)
def test_near_misses_keep_their_reading(text: str, language: Language, expected: date | None) -> None:
    today = date(2027, 4, 30)
    assert day_of(text, today, language) == expected, text
    now = datetime(2027, 4, 30, 10, tzinfo=TZ)
    assert understand(text, now=now, tz=TZ, language_hint=language).fields.unread_day is None, text


def test_a_picked_option_is_no_date() -> None:
    now = datetime(2027, 4, 30, 10, tzinfo=TZ)
    u = understand("the first one please", now=now, tz=TZ, language_hint="en", expecting="choice")
    assert u.fields.when is None and u.fields.unread_day is None


@pytest.mark.parametrize(
    "text",
    [
        "can we move it to the day after thanksgiving?",
        "the monday after easter instead",
        "pásela al día antes de Navidad",
    ],
)
def test_a_move_to_a_day_around_a_holiday_names_that_day(text: str) -> None:
    """Said in a move, "the day after" is read against the holiday, not the appointment: the move
    takes the day said in so many words (graphs/conversation/moves.py)."""
    assert names_a_date(text, today=date(2027, 4, 30), language="en"), text
