"""Held-out v9: "la 1ra" answered with "which one did you mean?". Spanish writes ordinals as a digit
and the word's ending (1ra, 2do, 3era, 1er) or a raised mark (1ª, 1º, 1°); they pick like the words."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import resolve_choice
from agents.understanding.choices import mentions_choice, refers_to_option
from agents.understanding.ordinalmarks import spell_ordinal_marks

TZ = ZoneInfo("America/New_York")
OPTIONS = [datetime(2028, 2, 25, h, m, tzinfo=TZ) for h, m in ((13, 0), (13, 0), (14, 0))]


@pytest.mark.parametrize(
    ("text", "index"),
    [
        ("la 1ra", 0),
        ("la 1ra porfa", 0),
        ("la 1era", 0),
        ("el 1ro", 0),
        ("el 1er horario", 0),
        ("la 1ª", 0),
        ("el 1º", 0),
        ("1°", 0),
        ("la 1a", 0),
        ("la 2da", 1),
        ("el 2do porfa", 1),
        ("la 2da. gracias", 1),
        ("la 3ra", 2),
        ("la 3era por favor", 2),
        ("el 3ro", 2),
        ("la 3 ra", 2),
    ],
)
def test_a_digit_with_an_ordinal_ending_picks_that_position(text: str, index: int) -> None:
    assert mentions_choice(text), text
    assert resolve_choice(text, OPTIONS, tz=TZ, language="es") == index, text


@pytest.mark.parametrize("text", ["la 1ra", "la 2da", "el 3ro", "la 1ª"])
def test_it_points_at_an_option_whatever_was_asked(text: str) -> None:
    assert refers_to_option(text), text


@pytest.mark.parametrize(
    ("text", "spelled"),
    [
        ("el 1ro de marzo", "el primero de marzo"),  # still a date: "the first of" rules apply
        ("apt 1a", "apt 1a"),  # a bare "1a" with no article is no ordinal
        ("10ra", "10ra"),  # only positions 1 to 5
        ("3/4/1990", "3/4/1990"),
        ("a las 1:30", "a las 1:30"),
        ("1 o 2", "1 o 2"),
        ("el 2 o el 3", "el 2 o el 3"),
    ],
)
def test_near_misses_keep_their_words(text: str, spelled: str) -> None:
    assert spell_ordinal_marks(text) == spelled
