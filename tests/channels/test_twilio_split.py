"""Splitting long replies: within the limit, at the strongest boundary, nothing dropped or reordered."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from channels.twilio.split import LIMIT, split_message


def units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def assert_faithful(text: str, parts: list[str], limit: int) -> None:
    """Each part is a non-blank slice of `text` within the limit, in order, with only whitespace
    left out between them and around them."""
    position = 0
    for part in parts:
        assert part and part == part.strip(), repr(part)
        assert units(part) <= limit
        found = text.find(part, position)
        assert found >= 0 and text[position:found].strip() == "", (text, parts)
        position = found + len(part)
    assert text[position:].strip() == ""


words = st.text(alphabet=st.characters(codec="utf-8"), min_size=0, max_size=12)
prose = st.lists(
    st.one_of(
        words, st.sampled_from([" ", "  ", "\n", "\n\n", ". ", "! ", "? ", "… ", "👍🏽", "e\u0301", "\u200d"])
    ),
    max_size=80,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(text=prose, limit=st.integers(min_value=2, max_value=40))
@example(text="a" * 100, limit=7)
@example(text="👍" * 10, limit=3)
def test_parts_are_faithful_and_within_the_limit(text: str, limit: int) -> None:
    assert_faithful(text, split_message(text, limit), limit)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=300), limit=st.integers(min_value=2, max_value=20))
def test_any_text_at_all(text: str, limit: int) -> None:
    assert_faithful(text, split_message(text, limit), limit)


def test_short_text_is_one_part_and_blank_text_none() -> None:
    assert split_message("  Hello!\n") == ["Hello!"]
    assert split_message("x" * LIMIT) == ["x" * LIMIT]
    assert split_message("") == [] and split_message(" \n\t ") == []


def test_paragraphs_come_first() -> None:
    first = "First paragraph. " * 50
    second = "Second paragraph. " * 50
    text = f"{first.strip()}\n\n{second.strip()}"
    assert split_message(text, 1000) == [first.strip(), second.strip()]


def test_then_lines_then_sentences() -> None:
    assert split_message("Options:\n1. Tue 10:00\n2. Wed 11:00", 30) == [
        "Options:\n1. Tue 10:00",
        "2. Wed 11:00",
    ]
    text = "Your appointment is booked. Please arrive ten minutes early. Bring your card."
    assert split_message(text, 60) == [
        "Your appointment is booked. Please arrive ten minutes early.",
        "Bring your card.",
    ]


def test_then_words_and_only_a_single_long_word_is_cut() -> None:
    assert split_message("one two three four", 9) == ["one two", "three", "four"]
    url = "https://example.com/" + "a" * 30
    assert split_message(f"see {url}", 20) == ["see", url[:20], url[20:40], url[40:]]


def test_a_cut_inside_a_word_keeps_accents_and_emoji_whole() -> None:
    assert split_message("e\u0301" * 3, 3) == ["e\u0301", "e\u0301", "e\u0301"]
    assert split_message("👍🏽" * 3, 5) == ["👍🏽", "👍🏽", "👍🏽"]  # an emoji and its skin tone: 4 units


def test_the_limit_counts_utf16_units_like_twilio() -> None:
    parts = split_message("😀" * 1000)
    assert [len(part) for part in parts] == [800, 200]


def test_a_limit_below_one_character_is_refused() -> None:
    with pytest.raises(ValueError):
        split_message("text", 1)
