"""Times said relative to the appointment being moved (issues #20 item 4, #16 item 3), read against
the appointment's start, never against the clock."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from agents.understanding.shifts import mentions_shift, shifted_when
from tests.agents.understanding.clock_hour import said

TZ = ZoneInfo("America/New_York")
NOW = datetime(2026, 12, 7, 9, 0, tzinfo=TZ)  # Monday the 7th
ANCHOR = datetime(2026, 12, 14, 10, 30, tzinfo=TZ)  # the appointment: Monday the 14th, 10:30


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=TZ)


@pytest.mark.parametrize(
    ("text", "start", "end", "part"),
    [
        ("push it back a week", "2026-12-21 06:00", "2026-12-21 12:00", "morning"),
        ("can we push it back by two weeks", "2026-12-28 06:00", "2026-12-28 12:00", "morning"),
        ("a day later", "2026-12-15 06:00", "2026-12-15 12:00", "morning"),
        ("two days earlier", "2026-12-12 06:00", "2026-12-12 12:00", "morning"),
        ("mejor una semana después", "2026-12-21 06:00", "2026-12-21 12:00", "morning"),
        ("atrásala un día", "2026-12-15 06:00", "2026-12-15 12:00", "morning"),
        ("adelantarla un día", "2026-12-13 06:00", "2026-12-13 12:00", "morning"),
        ("same time but Friday", "2026-12-18 09:30", "2026-12-18 11:31", "morning"),
        ("a la misma hora pero el jueves", "2026-12-17 09:30", "2026-12-17 11:31", "morning"),
        ("same time next week", "2026-12-21 09:30", "2026-12-21 11:31", "morning"),
        ("same time next month", "2027-01-14 09:30", "2027-01-14 11:31", "morning"),
        ("a day later, same time", "2026-12-15 09:30", "2026-12-15 11:31", "morning"),
        ("a las diez, el mismo día", "2026-12-14 10:00", "2026-12-14 11:00", "morning"),
        ("same day at 3pm", "2026-12-14 15:00", "2026-12-14 16:00", "afternoon"),
        ("el mismo día por la tarde", "2026-12-14 12:00", "2026-12-14 17:00", "afternoon"),
        # the week after: the appointment's own weekday that week (its part of day unless one is said)
        (
            "can you move it to the week after, afternoon?",
            "2026-12-21 12:00",
            "2026-12-21 17:00",
            "afternoon",
        ),
        ("la semana siguiente por la tarde", "2026-12-21 12:00", "2026-12-21 17:00", "afternoon"),
        ("mejor la semana siguiente", "2026-12-21 06:00", "2026-12-21 12:00", "morning"),
        ("hmm can we do the week after instead?", "2026-12-21 06:00", "2026-12-21 12:00", "morning"),
        # the same slot in other words
        ("el mismo horario pero el viernes", "2026-12-18 09:30", "2026-12-18 11:31", "morning"),
        ("mismo horario, un día después", "2026-12-15 09:30", "2026-12-15 11:31", "morning"),
        ("same slot but on thursday", "2026-12-17 09:30", "2026-12-17 11:31", "morning"),
        ("a day later, same hour", "2026-12-15 09:30", "2026-12-15 11:31", "morning"),
        # a clock time said with a day relative to the appointment is that time that day
        (
            "could we do earlier that day instead, like 9am?",
            "2026-12-14 09:00",
            "2026-12-14 10:00",
            "morning",
        ),
        ("later that day, at 2pm", "2026-12-14 14:00", "2026-12-14 15:00", "afternoon"),
        ("el mismo día pero más temprano, a las 9", "2026-12-14 09:00", "2026-12-14 10:00", "morning"),
        ("a day later at 3", "2026-12-15 15:00", "2026-12-15 16:00", "afternoon"),
        ("un día después a las 4 de la tarde", "2026-12-15 16:00", "2026-12-15 17:00", "afternoon"),
        ("the day after", "2026-12-15 06:00", "2026-12-15 12:00", "morning"),
        ("the week after, same time", "2026-12-21 09:30", "2026-12-21 11:31", "morning"),
        ("¿se puede la semana siguiente a la misma hora?", "2026-12-21 09:30", "2026-12-21 11:31", "morning"),
        ("el día anterior", "2026-12-13 06:00", "2026-12-13 12:00", "morning"),
        ("earlier that day", "2026-12-14 00:00", "2026-12-14 10:30", None),
        ("same day but later", "2026-12-14 11:00", "2026-12-14 23:59", None),
        ("el mismo día pero más temprano", "2026-12-14 00:00", "2026-12-14 10:30", None),
        # by hours or minutes: the same day, that much later or earlier (the hour after it)
        ("¿podría moverla una hora más tarde?", "2026-12-14 11:30", "2026-12-14 12:30", None),
        ("an hour later", "2026-12-14 11:30", "2026-12-14 12:30", None),
        ("push it back half an hour", "2026-12-14 11:00", "2026-12-14 12:00", None),
        ("adelantarla media hora", "2026-12-14 10:00", "2026-12-14 11:00", None),
        ("can we do it 2 hours earlier", "2026-12-14 08:30", "2026-12-14 09:30", None),
        ("atrásala una hora", "2026-12-14 11:30", "2026-12-14 12:30", None),
        ("30 minutes later please", "2026-12-14 11:00", "2026-12-14 12:00", None),
        ("move it forward an hour", "2026-12-14 09:30", "2026-12-14 10:30", None),
        ("una hora antes", "2026-12-14 09:30", "2026-12-14 10:30", None),
        ("dos horas mas tarde", "2026-12-14 12:30", "2026-12-14 13:30", None),
    ],
)
def test_a_shift_is_read_against_the_appointment(text: str, start: str, end: str, part: str | None) -> None:
    assert mentions_shift(text)
    when = shifted_when(text, ANCHOR, now=NOW)
    assert when is not None, text
    clock = at(end) - at(start) == timedelta(hours=1)  # "a las diez": the hour it names, searched either side
    window = said(when) if clock else (when.start, when.end)
    assert (*window, when.part_of_day) == (at(start), at(end), part), when


@pytest.mark.parametrize(
    ("text", "near"),
    [
        ("same time next week", "2026-12-21 10:30"),
        ("push it back a week", "2026-12-21 10:30"),
        ("un día después, a la misma hora", "2026-12-15 10:30"),
        ("¿se puede una semana más tarde? misma hora", "2026-12-21 10:30"),
        ("el mismo horario pero el viernes", "2026-12-18 10:30"),
        ("a las diez, el mismo día", "2026-12-14 10:00"),
        ("earlier that day, like 9am", "2026-12-14 09:00"),
        ("an hour later", "2026-12-14 11:30"),
        ("la semana siguiente", "2026-12-21 10:30"),
    ],
)
def test_a_shift_names_the_very_time_it_lands_on(text: str, near: str) -> None:
    when = shifted_when(text, ANCHOR, now=NOW)
    assert when is not None and when.near == at(near), when


@pytest.mark.parametrize(
    "text",
    [
        "the week after, afternoon",  # another part of day than the appointment's: no one time
        "later that day",
        "la semana siguiente por la tarde",
    ],
)
def test_a_shift_to_a_range_names_no_one_time(text: str) -> None:
    when = shifted_when(text, ANCHOR, now=NOW)
    assert when is not None and when.near is None, when


@pytest.mark.parametrize(
    "text",
    ["next tuesday", "friday morning", "tomorrow", "el lunes", "as soon as possible", "the second one"],
)
def test_a_time_said_against_the_clock_is_no_shift(text: str) -> None:
    assert not mentions_shift(text) and shifted_when(text, ANCHOR, now=NOW) is None


def test_a_shift_never_starts_before_now() -> None:
    soon = NOW + timedelta(hours=2)
    when = shifted_when("earlier that day", soon, now=NOW)
    assert when is not None and when.start == NOW


def test_a_weekday_already_past_in_the_appointments_week_is_the_next_one() -> None:
    monday = datetime(2026, 12, 7, 10, 0, tzinfo=TZ)  # the appointment is today; Friday the 4th is past
    when = shifted_when("same time but last friday", monday, now=NOW)
    assert when is not None and when.start.date().isoformat() == "2026-12-11"
