"""Held-out v10: a move "para la otra semana? el miércoles 2" searched the whole week (and landed a day
off), so did "me la mueves a la semana que viene, el martes a eso de las 10"; a booking corrected in
the same breath ("need to book derm tues morning.. no wait, … make it wednesday morning") was read as
a move of nothing; "tuesday after the long weekend" was a day no rule reads. A day said after the week
a move goes to, inside it, is that day; "make it …" says where, and after a booking asked in so many
words it corrects that booking; "after the long weekend" is after the next Monday holiday."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import Intent, understand

TZ = ZoneInfo("America/New_York")
WED = datetime(2028, 7, 26, 9, 30, tzinfo=TZ)  # a Wednesday; next week is 31 July – 6 August
SUNDAY_BEFORE_LABOR_DAY = datetime(2028, 9, 3, 9, 0, tzinfo=TZ)  # Labor Day is Monday 4 September


def _day(text: str, now: datetime = WED) -> tuple[date, date] | None:
    when = understand(text, now=now, tz=TZ).fields.when
    if when is None:
        return None
    return when.start.astimezone(TZ).date(), (when.end.astimezone(TZ) - when.start.resolution).date()


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("se puede cambiar para la otra semana? el miércoles 2, también en la mañana", date(2028, 8, 2)),
        ("cambiar para la otra semana el miércoles 2", date(2028, 8, 2)),
        (
            "ay no, mañana no puedo al final. me la mueves a la semana que viene, el martes a eso de las 10?",
            date(2028, 8, 1),
        ),
        ("pásala a la semana que viene, el jueves", date(2028, 8, 3)),
        ("me la cambias para la próxima semana, el viernes por favor", date(2028, 8, 4)),
        ("can we move it to next week? wednesday the 2nd", date(2028, 8, 2)),
        ("move it to next week, thursday maybe", date(2028, 8, 3)),
        ("push it to next week, monday afternoon?", date(2028, 7, 31)),
    ],
)  # fmt: skip
def test_a_day_said_after_the_week_a_move_goes_to_is_that_day(text: str, day: date) -> None:
    assert _day(text) == (day, day), text


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # the week alone, as before
        ("can we move it to next week", (date(2028, 7, 31), date(2028, 8, 6))),
        ("¿se puede cambiar para la otra semana?", (date(2028, 7, 31), date(2028, 8, 6))),
        # a day named before the move, outside where it goes, is the day left
        ("I have friday but can we move it to monday", (date(2028, 7, 31), date(2028, 7, 31))),
    ],
)
def test_a_move_with_no_day_inside_its_week_keeps_the_week(text: str, days: tuple[date, date]) -> None:
    assert _day(text) == days, text


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "need to book a skin check w dermatology tues morning.. no wait, tuesday i have a board meeting,"
            " make it wednesday morning",
            date(2028, 8, 2),
        ),
        ("I'd like to book cardiology friday, actually make it monday", date(2028, 7, 31)),
        ("can I book family medicine thursday? no, make it friday", date(2028, 7, 28)),
        ("i have friday but make it monday", date(2028, 7, 31)),
    ],
)
def test_make_it_says_which_day(text: str, day: date) -> None:
    assert _day(text) == (day, day), text


@pytest.mark.parametrize(
    "text",
    [
        "need to book a skin check w dermatology tues morning.. no wait, tuesday i have a board meeting,"
        " make it wednesday morning",
        "I'd like to book cardiology friday, actually make it monday",
        "can I book family medicine thursday? no, make it friday",
        "quiero agendar dermatología el martes... no, mejor make it wednesday",
    ],
)
def test_a_booking_corrected_with_make_it_stays_a_booking(text: str) -> None:
    assert understand(text, now=WED, tz=TZ).intent is Intent.BOOK, text


@pytest.mark.parametrize(
    "text",
    [
        "can you make it thursday instead",
        "I booked derm for tuesday, can we make it wednesday",
        "make it friday please",
        "can we move my appointment? make it monday",
    ],
)
def test_make_it_with_nothing_booked_in_the_message_is_still_a_move(text: str) -> None:
    assert understand(text, now=WED, tz=TZ).intent is Intent.RESCHEDULE, text


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "Hi can i see dr chen tuesday after the long weekend, first thing in the morning?",
            date(2028, 9, 5),
        ),
        ("tuesday after the long weekend", date(2028, 9, 5)),
        ("el martes después del puente", date(2028, 9, 5)),
        ("el martes después del fin de semana largo, en la mañana", date(2028, 9, 5)),
        ("the wednesday after the long weekend", date(2028, 9, 6)),
    ],
)
def test_after_the_long_weekend_is_after_its_monday_holiday(text: str, day: date) -> None:
    assert _day(text, SUNDAY_BEFORE_LABOR_DAY) == (day, day), text


def test_the_long_weekend_is_the_next_monday_holiday() -> None:
    memorial_week = datetime(2028, 5, 20, 9, 0, tzinfo=TZ)  # Memorial Day is Monday 29 May
    assert _day("tuesday after the long weekend", memorial_week) == (date(2028, 5, 30), date(2028, 5, 30))


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # a long weekend told, not the day asked for
        ("we are away for the long weekend, can I come thursday?", date(2028, 9, 7)),
        ("me voy de puente, el jueves puedo", date(2028, 9, 7)),
    ],
)
def test_a_long_weekend_told_is_no_day(text: str, day: date) -> None:
    assert _day(text, SUNDAY_BEFORE_LABOR_DAY) == (day, day), text
