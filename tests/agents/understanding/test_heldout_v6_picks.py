"""Picks counted from the end or the middle of the list (held-out v6: "la penúltima" was asked about
again): "the second to last", "next to last", "la penúltima", "the middle one", "la de en medio";
with a part of the day, a position among that part's options. Near misses keep their reading."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import resolve_choice
from agents.understanding.choices import mentions_choice, refers_to_option

TZ = ZoneInfo("America/New_York")
THREE = [
    datetime(2027, 5, 4, 9, 0, tzinfo=TZ),
    datetime(2027, 5, 4, 9, 30, tzinfo=TZ),
    datetime(2027, 5, 4, 10, 0, tzinfo=TZ),
]
FIVE = [*THREE, datetime(2027, 5, 4, 14, 0, tzinfo=TZ), datetime(2027, 5, 4, 15, 30, tzinfo=TZ)]


@pytest.mark.parametrize(
    ("text", "options", "index"),
    [
        ("la penúltima", THREE, 1),
        ("la penultima porfa", THREE, 1),
        ("el penúltimo", THREE, 1),
        ("second to last", THREE, 1),
        ("the 2nd to last one", THREE, 1),
        ("second-last please", THREE, 1),
        ("next to last", THREE, 1),
        ("the one before last", THREE, 1),
        ("penultimate pls", THREE, 1),
        ("la penúltima", FIVE, 3),
        ("la antepenúltima", FIVE, 2),
        ("the middle one", THREE, 1),
        ("the middle one", FIVE, 2),
        ("la de en medio", THREE, 1),
        ("la del medio", THREE, 1),
        ("la penúltima de la mañana", FIVE, 1),
        ("the second to last in the afternoon", FIVE, 3),
        # near misses: an ordinal alone still counts from the start, "last" from the end
        ("the second one", THREE, 1),
        ("the last one", THREE, 2),
        ("la última", FIVE, 4),
    ],
)
def test_positions_from_the_end_and_the_middle(text: str, options: list[datetime], index: int) -> None:
    assert resolve_choice(text, options, tz=TZ, language="en") == index
    assert mentions_choice(text) and refers_to_option(text)


@pytest.mark.parametrize(
    ("text", "options"),
    [
        ("the middle one", [*THREE, datetime(2027, 5, 4, 11, 0, tzinfo=TZ)]),  # four have no middle
        ("the middle of the afternoon", THREE),  # a time of day, and no afternoon time is offered
        ("not the second to last", THREE),
    ],
)
def test_no_middle_or_a_refused_position_chooses_nothing(text: str, options: list[datetime]) -> None:
    assert resolve_choice(text, options, tz=TZ, language="en") is None


def test_the_middle_of_the_week_is_not_a_pick() -> None:
    assert not mentions_choice("anything in the middle of the week")
    assert not refers_to_option("in the middle of the week")
