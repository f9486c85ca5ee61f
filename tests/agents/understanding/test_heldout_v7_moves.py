"""A move "same time" to a weekday when other weekdays are said too (held-out v7): the appointment's
own weekday is the one that does not suit ("my daughter has a recital monday. can I move it to
tuesday same time?"), a day after "to"/"al" is where it goes, and the other phrasings of moves
relative to the appointment keep their reading."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from agents.understanding.shifts import shifted_when

TZ = ZoneInfo("America/New_York")
NOW = datetime(2027, 5, 7, 14, 0, tzinfo=TZ)  # a Friday
ANCHOR = datetime(2027, 5, 10, 11, 0, tzinfo=TZ)  # the appointment just booked: Monday the 10th, 11:00


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("oh shoot, my daughter has a recital monday. can I move it to tuesday same time?", 1),
        ("monday doesn't work anymore, same time wednesday?", 2),
        ("same time on friday instead of monday", 4),
        ("I can't do monday after all, could we do thursday at the same time", 3),
        ("tengo algo el lunes, ¿me la pasas al martes a la misma hora?", 1),
        ("el lunes no puedo, mejor el jueves a la misma hora", 3),
        ("el lunes tengo trabajo, la misma hora pero el miércoles", 2),
        ("same time but Friday", 4),  # already read: keeps its reading
        ("el martes a la misma hora", 1),
        ("move it to the next day, same time", 1),
        ("a week later, same time", 7),
        ("la semana siguiente a la misma hora", 7),
    ],
)
def test_the_weekday_wanted_at_the_appointments_time(text: str, days: int) -> None:
    when = shifted_when(text, ANCHOR, now=NOW)
    assert when is not None, text
    assert when.near == ANCHOR + timedelta(days=days), (text, when)
    assert when.start <= when.near < when.end


@pytest.mark.parametrize(
    "text",
    [
        "a las diez, el mismo día",
        "same day but at 10",
    ],
)
def test_the_same_day_at_another_time_stays_on_the_appointments_day(text: str) -> None:
    when = shifted_when(text, ANCHOR, now=NOW)
    assert when is not None and when.near == ANCHOR.replace(hour=10), (text, when)


@pytest.mark.parametrize(
    "text",
    [
        "can we do monday same time but the week after",  # the appointment's weekday, a week on
        "same time next monday",
    ],
)
def test_the_appointments_own_weekday_alone_is_not_dropped(text: str) -> None:
    when = shifted_when(text, ANCHOR, now=NOW)
    assert when is not None and when.near is not None and when.near.weekday() == 0, (text, when)
