"""Properties over arbitrary input: understanding never fails and its values stay well-formed."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from agents.understanding import Intent, resolve_choice, understand

TZ = ZoneInfo("America/New_York")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=TZ)
WORDS = st.sampled_from(
    ["next", "Tuesday", "mañana", "por", "la", "tarde", "3/12", "10:30", "the", "first", "cita", "cancel",
     "no", "sí", "Dr.", "Patel", "14", "Feb", "1990", "after", "3pm", "¿", "?", "ignore", "chest", "pain",
     "el", "lunes", "asap", "semana", "que", "viene", "+1 555 010 0001", "\u200b", "о"]
)  # fmt: skip
MESSAGES = st.one_of(st.text(max_size=80), st.lists(WORDS, max_size=12).map(" ".join))
EXPECTING = st.sampled_from([None, "identity", "specialty", "when", "choice", "confirm", "reason"])


@settings(max_examples=100, deadline=None)
@given(text=MESSAGES, expecting=EXPECTING)
def test_any_message_is_understood_within_bounds(text: str, expecting: str | None) -> None:
    result = understand(text, now=NOW, tz=TZ, expecting=expecting)  # type: ignore[arg-type]
    assert result.language in ("en", "es")
    assert isinstance(result.intent, Intent)
    assert 0.0 <= result.confidence <= 1.0
    when = result.fields.when
    if when is not None:
        assert NOW <= when.start <= when.end
        assert when.start.tzinfo is not None and when.end - when.start <= timedelta(days=62)


@settings(max_examples=100, deadline=None)
@given(text=MESSAGES, count=st.integers(min_value=0, max_value=5))
def test_a_choice_is_none_or_a_valid_index(text: str, count: int) -> None:
    options = [NOW + timedelta(days=1, hours=i) for i in range(count)]
    index = resolve_choice(text, options, tz=TZ, language="en")
    assert index is None or 0 <= index < count
