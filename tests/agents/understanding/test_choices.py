"""Which offered slot the patient chose; None whenever the reply is unclear or contradictory."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import Language, resolve_choice

TZ = ZoneInfo("America/New_York")
OPTIONS = [
    datetime(2026, 12, 8, 9, 0, tzinfo=TZ),  # Tuesday morning
    datetime(2026, 12, 8, 10, 30, tzinfo=TZ),  # Tuesday morning
    datetime(2026, 12, 9, 15, 0, tzinfo=TZ),  # Wednesday afternoon
]


@pytest.mark.parametrize(
    ("text", "language", "index"),
    [
        ("the first one", "en", 0),
        ("1", "en", 0),
        ("2", "en", 1),
        ("2.", "es", 1),
        ("#3", "en", 2),
        ("option 2 please", "en", 1),
        ("the second", "en", 1),
        ("the last one", "en", 2),
        ("la primera", "es", 0),
        ("el segundo", "es", 1),
        ("la tercera por favor", "es", 2),
        ("la última", "es", 2),
        ("the 10:30", "en", 1),
        ("10:30am works", "en", 1),
        ("a las 3", "es", 2),
        ("3pm", "en", 2),
        ("la de las 10 y media", "es", 1),
        ("Wednesday's", "en", 2),
        ("el del miércoles", "es", 2),
        ("the Tuesday at 9", "en", 0),
        ("the afternoon one", "en", 2),
        ("la de la tarde", "es", 2),
        ("the earliest", "en", 0),
        ("the latest one", "en", 2),
        ("December 9", "en", 2),
        ("el 9 de diciembre", "es", 2),
        ("no, the second one", "en", 1),
        ("any of them is fine", "en", 0),
        ("cualquiera", "es", 0),
        ("the secnod one", "en", 1),
    ],
)
def test_choice(text: str, language: Language, index: int) -> None:
    assert resolve_choice(text, OPTIONS, tz=TZ, language=language) == index


@pytest.mark.parametrize(
    "text",
    [
        "Tuesday's",  # two Tuesday slots
        "the morning one",  # two morning slots
        "4",  # no fourth option, and no slot at 16:00
        "at 11",
        "not the first one",
        "the first one on Wednesday",  # contradictory
        "hmm",
        "",
        "ninguno",
    ],
)
def test_unclear_choices_are_refused(text: str) -> None:
    assert resolve_choice(text, OPTIONS, tz=TZ, language="en") is None


def test_options_in_another_zone_are_compared_in_clinic_time() -> None:
    in_utc = [o.astimezone(UTC) for o in OPTIONS]
    assert resolve_choice("the 10:30", in_utc, tz=TZ, language="en") == 1
    assert resolve_choice("el del miércoles", in_utc, tz=TZ, language="es") == 2


def test_no_options_no_choice() -> None:
    assert resolve_choice("the first one", [], tz=TZ, language="en") is None


PRACTITIONERS = ["Dr. Ana Patel", "Dr. Sofia Alvarez", "Dr. David Kim"]
AFTERNOONS = [
    datetime(2026, 12, 8, 9, 0, tzinfo=TZ),
    datetime(2026, 12, 8, 13, 30, tzinfo=TZ),
    datetime(2026, 12, 9, 15, 0, tzinfo=TZ),
]


@pytest.mark.parametrize(
    ("text", "index"),
    [
        ("the 2nd one", 1),
        ("2nd", 1),
        ("number two", 1),
        ("no. 2", 1),
        ("two", 1),
        ("dos", 1),
        ("la dos", 1),
        ("option three", 2),
        ("número tres", 2),
        ("the 1:30 one", 1),
        ("one thirty", 1),
        ("the half one one", 1),
        ("the nine o'clock one", 0),
        ("la de las nueve", 0),
        ("la de las 9", 0),
        ("the one at three", 2),
        ("the one with Dr. Alvarez", 1),
        ("with dr kim please", 2),
        ("la de la doctora Alvarez", 1),
        ("el del dr Patel", 0),
        ("uh the second one i guess", 1),
    ],
)
def test_references_in_words_numbers_and_practitioners(text: str, index: int) -> None:
    chosen = resolve_choice(text, AFTERNOONS, tz=TZ, language="en", practitioners=PRACTITIONERS)
    assert chosen == index


@pytest.mark.parametrize("text", ["the one with Dr. Jones", "no", "not the one with Dr. Kim"])
def test_a_practitioner_not_offered_or_refused_chooses_nothing(text: str) -> None:
    assert resolve_choice(text, AFTERNOONS, tz=TZ, language="en", practitioners=PRACTITIONERS) is None


# One time offered with two practitioners, as the first free times often are.
SHARED = [
    datetime(2026, 12, 8, 15, 30, tzinfo=TZ),
    datetime(2026, 12, 8, 15, 30, tzinfo=TZ),
    datetime(2026, 12, 8, 16, 0, tzinfo=TZ),
]
SHARED_BY = ["Dr. Sofia Alvarez", "Dr. Nathan Brooks", "Dr. Sofia Alvarez"]


@pytest.mark.parametrize(
    ("text", "index"),
    [
        ("3:30", 0),
        ("3:30 yes", 0),
        ("3:30pm works", 0),
        ("the 3:30 one please", 0),
        ("sí, a las 3:30 está bien", 0),
        ("a las tres y media", 0),
        ("half three", 0),
        ("the 3:30 with Dr. Brooks", 1),  # a name says which of them
        ("4", 2),
        ("4 is great", 2),
        ("4 works", 2),
    ],
)
def test_a_time_offered_with_several_practitioners_is_the_first_of_them(text: str, index: int) -> None:
    assert resolve_choice(text, SHARED, tz=TZ, language="en", practitioners=SHARED_BY) == index


@pytest.mark.parametrize(
    ("text", "index"),
    [("11 works", 1), ("10 is fine", 0), ("11 está bien", 1), ("las 10 me sirve", 0), ("9 is great", None)],
)
def test_an_hour_said_with_a_yes_is_a_time(text: str, index: int | None) -> None:
    hours = [datetime(2026, 12, 8, 10, 0, tzinfo=TZ), datetime(2026, 12, 8, 11, 0, tzinfo=TZ)]
    assert resolve_choice(text, hours, tz=TZ, language="en") == index


def test_a_shared_time_with_other_clues_that_disagree_chooses_nothing() -> None:
    chosen = resolve_choice("the 3:30 on Wednesday", SHARED, tz=TZ, language="en", practitioners=SHARED_BY)
    assert chosen is None
