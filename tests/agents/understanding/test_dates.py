"""parse_when against a frozen clock: Tuesday 2026-12-01 09:00 in New York."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import Language, parse_when
from tests.agents.understanding.clock_hour import said

TZ = ZoneInfo("America/New_York")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=TZ)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=TZ)


CASES: list[tuple[str, Language, str, str, str | None]] = [
    # text, language, start, end, part of day
    ("next Tuesday afternoon", "en", "2026-12-08 12:00", "2026-12-08 17:00", "afternoon"),
    (
        "Hi, I'd like to see a dermatologist next Tuesday afternoon",
        "en",
        "2026-12-08 12:00",
        "2026-12-08 17:00",
        "afternoon",
    ),
    ("tomorrow morning", "en", "2026-12-02 06:00", "2026-12-02 12:00", "morning"),
    ("mañana por la tarde", "es", "2026-12-02 12:00", "2026-12-02 17:00", "afternoon"),
    ("mañana por la mañana", "es", "2026-12-02 06:00", "2026-12-02 12:00", "morning"),
    ("pasado mañana", "es", "2026-12-03 00:00", "2026-12-04 00:00", None),
    ("the day after tomorrow", "en", "2026-12-03 00:00", "2026-12-04 00:00", None),
    ("el lunes 14", "es", "2026-12-14 00:00", "2026-12-15 00:00", None),
    ("el viernes", "es", "2026-12-04 00:00", "2026-12-05 00:00", None),
    ("el próximo jueves", "es", "2026-12-03 00:00", "2026-12-04 00:00", None),
    ("Tuesday", "en", "2026-12-08 00:00", "2026-12-09 00:00", None),
    ("this Tuesday", "en", "2026-12-08 00:00", "2026-12-09 00:00", None),
    ("on Friday", "en", "2026-12-04 00:00", "2026-12-05 00:00", None),
    # weekdays as patients misspell them (beyond the typo corrector's reach)
    ("on wensday", "en", "2026-12-02 00:00", "2026-12-03 00:00", None),
    ("thrusday afternoon", "en", "2026-12-03 12:00", "2026-12-03 17:00", "afternoon"),
    ("el biernes", "es", "2026-12-04 00:00", "2026-12-05 00:00", None),
    ("today", "en", "2026-12-01 09:00", "2026-12-02 00:00", None),
    ("tonight", "en", "2026-12-01 17:00", "2026-12-01 22:00", "evening"),
    ("this week", "en", "2026-12-01 09:00", "2026-12-07 00:00", None),
    ("esta semana", "es", "2026-12-01 09:00", "2026-12-07 00:00", None),
    ("next week", "en", "2026-12-07 00:00", "2026-12-14 00:00", None),
    ("la semana que viene", "es", "2026-12-07 00:00", "2026-12-14 00:00", None),
    ("la próxima semana por la mañana", "es", "2026-12-07 00:00", "2026-12-14 00:00", "morning"),
    ("next week, ideally Tuesday", "en", "2026-12-08 00:00", "2026-12-09 00:00", None),
    ("in two weeks", "en", "2026-12-14 00:00", "2026-12-21 00:00", None),
    ("dentro de dos semanas", "es", "2026-12-14 00:00", "2026-12-21 00:00", None),
    ("a week from today", "en", "2026-12-07 00:00", "2026-12-14 00:00", None),
    ("in 3 days", "en", "2026-12-04 00:00", "2026-12-05 00:00", None),
    ("within two weeks", "en", "2026-12-01 09:00", "2026-12-16 00:00", None),
    ("December 3rd", "en", "2026-12-03 00:00", "2026-12-04 00:00", None),
    ("Dec. 8th, 2026", "en", "2026-12-08 00:00", "2026-12-09 00:00", None),
    ("3 de diciembre", "es", "2026-12-03 00:00", "2026-12-04 00:00", None),
    ("January 15", "en", "2027-01-15 00:00", "2027-01-16 00:00", None),
    ("Nov 20", "en", "2027-11-20 00:00", "2027-11-21 00:00", None),
    ("3/12", "en", "2027-03-12 00:00", "2027-03-13 00:00", None),
    ("3/12", "es", "2026-12-03 00:00", "2026-12-04 00:00", None),
    ("on 12/08", "en", "2026-12-08 00:00", "2026-12-09 00:00", None),
    ("2026-12-10", "en", "2026-12-10 00:00", "2026-12-11 00:00", None),
    ("12.08.2026", "en", "2026-12-08 00:00", "2026-12-09 00:00", None),
    ("the 14th", "en", "2026-12-14 00:00", "2026-12-15 00:00", None),
    ("el 14", "es", "2026-12-14 00:00", "2026-12-15 00:00", None),
    ("week of December 14", "en", "2026-12-14 00:00", "2026-12-21 00:00", None),
    ("any time next month", "en", "2027-01-01 00:00", "2027-02-01 00:00", None),
    ("el mes que viene", "es", "2027-01-01 00:00", "2027-02-01 00:00", None),
    ("en enero", "es", "2027-01-01 00:00", "2027-02-01 00:00", None),
    ("this weekend", "en", "2026-12-05 00:00", "2026-12-07 00:00", None),
    ("end of the month", "en", "2026-12-25 00:00", "2027-01-01 00:00", None),
    ("tomorrow after 3pm", "en", "2026-12-02 15:00", "2026-12-03 00:00", "afternoon"),
    ("friday at 10:30", "en", "2026-12-04 10:30", "2026-12-04 11:30", "morning"),
    ("el viernes a las 3 de la tarde", "es", "2026-12-04 15:00", "2026-12-04 16:00", "afternoon"),
    ("el jueves a las 10 y media", "es", "2026-12-03 10:30", "2026-12-03 11:30", "morning"),
    ("Thursday before noon", "en", "2026-12-03 00:00", "2026-12-03 12:00", "morning"),
    ("tomorow afternon", "en", "2026-12-02 12:00", "2026-12-02 17:00", "afternoon"),
    ("Friday Dec 11", "en", "2026-12-11 00:00", "2026-12-12 00:00", None),
    ("Monday or Tuesday next week", "en", "2026-12-07 00:00", "2026-12-09 00:00", None),
    ("tuesday or wednesday", "en", "2026-12-02 00:00", "2026-12-09 00:00", None),
    ("in a couple of weeks", "en", "2026-12-14 00:00", "2026-12-21 00:00", None),
    ("between 2 and 4pm on Thursday", "en", "2026-12-03 14:00", "2026-12-03 16:00", "afternoon"),
    ("entre las 10 y las 12 el viernes", "es", "2026-12-04 10:00", "2026-12-04 12:00", "morning"),
    ("mañana temprano", "es", "2026-12-02 06:00", "2026-12-02 12:00", "morning"),
    ("el viernes 11 de diciembre", "es", "2026-12-11 00:00", "2026-12-12 00:00", None),
    ("Tuesday or March 1", "en", "2026-12-08 00:00", "2026-12-09 00:00", None),
]


@pytest.mark.parametrize(("text", "language", "start", "end", "part"), CASES)
def test_day_ranges(text: str, language: Language, start: str, end: str, part: str | None) -> None:
    when = parse_when(text, now=NOW, tz=TZ, language=language)
    assert when is not None
    assert (*said(when), when.part_of_day) == (at(start), at(end), part)
    assert not when.asap


@pytest.mark.parametrize(
    ("text", "language"),
    [("as soon as possible", "en"), ("asap", "en"), ("ASAP please", "en"), ("lo antes posible", "es"),
     ("cuanto antes", "es"), ("the first available", "en"), ("whenever", "en"), ("cuando sea", "es")],
)  # fmt: skip
def test_as_soon_as_possible_is_the_next_two_weeks(text: str, language: Language) -> None:
    when = parse_when(text, now=NOW, tz=TZ, language=language)
    assert when is not None
    assert (when.start, when.end, when.asap) == (NOW, NOW + timedelta(days=14), True)


@pytest.mark.parametrize(
    ("text", "part"),
    [("after 3pm", "afternoon"), ("before noon", "morning"), ("in the afternoon", "afternoon"),
     ("mornings are better", "morning"), ("por la tarde", "afternoon"), ("después de las 5", "evening")],
)  # fmt: skip
def test_a_time_of_day_alone_searches_the_next_two_weeks_in_that_part(text: str, part: str) -> None:
    when = parse_when(text, now=NOW, tz=TZ, language="en")
    assert when is not None
    assert (when.start, when.end, when.part_of_day, when.asap) == (NOW, NOW + timedelta(days=14), part, False)


@pytest.mark.parametrize(
    "text",
    ["hello", "2", "ok", "Lena Park", "I have a rash from the sun", "May I book?", "the first one", ""],
)
def test_no_time_mentioned(text: str) -> None:
    assert parse_when(text, now=NOW, tz=TZ, language="en") is None


def test_the_phrase_understood_is_kept() -> None:
    when = parse_when("Could I come next Tuesday afternoon, please?", now=NOW, tz=TZ, language="en")
    assert when is not None and when.text == "next Tuesday afternoon"


def test_now_in_another_zone_is_read_in_the_clinic_zone() -> None:
    late_evening = datetime.fromisoformat("2026-12-02T04:30:00+00:00")  # 23:30 on the 1st in New York
    when = parse_when("tomorrow", now=late_evening, tz=TZ, language="en")
    assert when is not None
    assert (when.start, when.end) == (at("2026-12-02 00:00"), at("2026-12-03 00:00"))
    assert when.start.utcoffset() == timedelta(hours=-5)


def test_a_range_already_over_is_empty_and_never_in_the_past() -> None:
    afternoon = NOW.replace(hour=18)
    when = parse_when("this morning", now=afternoon, tz=TZ, language="en")
    assert when is not None and when.start == when.end == afternoon
