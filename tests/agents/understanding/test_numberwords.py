"""Clock times and days written in words are read like digits (issue #20 item 3)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import Language, parse_when
from agents.understanding.numberwords import spell_times
from tests.agents.understanding.clock_hour import said

TZ = ZoneInfo("America/New_York")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=TZ)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "language", "start", "minutes"),
    [
        ("quarter past two on friday", "en", "2026-12-04 14:15", 60),
        ("a quarter after 3 tomorrow", "en", "2026-12-02 15:15", 60),
        ("half three tomorrow", "en", "2026-12-02 15:30", 60),
        ("half past two on Monday", "en", "2026-12-07 14:30", 60),
        ("tomorrow at two thirty", "en", "2026-12-02 14:30", 60),
        ("uh, tomorrow, like, ten fifteen?", "en", "2026-12-02 10:15", 60),
        ("quarter to four on thursday", "en", "2026-12-03 15:45", 60),
        ("next monday at eleven o'clock", "en", "2026-12-07 11:00", 60),
        ("friday around four pm", "en", "2026-12-04 16:00", 60),
        ("tomorrow two in the afternoon", "en", "2026-12-02 14:00", 60),
        ("a eso de las cuatro y media el jueves", "es", "2026-12-03 16:30", 60),
        ("mañana a las tres menos cuarto", "es", "2026-12-02 14:45", 60),
        ("el viernes a la una", "es", "2026-12-04 13:00", 60),
        ("el lunes sobre las diez y cuarto", "es", "2026-12-07 10:15", 60),
        ("mañana como a las once", "es", "2026-12-02 11:00", 60),
        ("Thursday the eleventh", "en", "2027-02-11 00:00", 24 * 60),
        ("december twenty-first", "en", "2026-12-21 00:00", 24 * 60),
        ("on the third of january", "en", "2027-01-03 00:00", 24 * 60),
        ("el once de diciembre", "es", "2026-12-11 00:00", 24 * 60),
        ("el día quince", "es", "2026-12-15 00:00", 24 * 60),
    ],
)
def test_times_and_days_in_words(text: str, language: Language, start: str, minutes: int) -> None:
    when = parse_when(text, now=NOW, tz=TZ, language=language)
    assert when is not None, text
    first, end = said(when)
    assert first == datetime.fromisoformat(start).replace(tzinfo=TZ), when
    assert (end - first).total_seconds() == minutes * 60, when


@pytest.mark.parametrize(
    "text",
    [
        "the first one",
        "one question about my bill",
        "i have two kids",
        "tengo dos citas",
        "dos hijos",
        "half an hour",
        "the second one",
        "en dos semanas",
    ],
)
def test_words_that_are_no_time_are_left_alone(text: str) -> None:
    assert spell_times(text) == text


def test_the_el_martes_que_viene_por_la_tarde_is_next_tuesday_afternoon() -> None:
    when = parse_when("el martes que viene por la tarde", now=NOW, tz=TZ, language="es")
    assert when is not None and when.part_of_day == "afternoon"
    assert when.start == datetime(2026, 12, 8, 12, 0, tzinfo=TZ)
