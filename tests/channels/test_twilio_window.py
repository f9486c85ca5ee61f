"""WhatsApp's 24-hour window, and free text inside it or an approved template outside it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from channels.twilio.window import VARIABLE_MAX, NoTemplate, TemplateChoice, in_session_window

NOW = datetime(2031, 3, 4, 12, 0, tzinfo=UTC)
TEMPLATES = {"reply": "HX" + "1" * 32, "reminder": "HX" + "2" * 32}


def test_the_window_is_24_hours_after_the_last_inbound_message() -> None:
    assert in_session_window(NOW - timedelta(hours=23, minutes=59, seconds=59), NOW)
    assert not in_session_window(NOW - timedelta(hours=24), NOW)
    assert not in_session_window(NOW - timedelta(days=3), NOW)
    assert not in_session_window(None, NOW)
    assert in_session_window(NOW + timedelta(seconds=2), NOW)  # a clock a little ahead


def test_time_zones_are_compared_as_instants() -> None:
    new_york = timezone(timedelta(hours=-5))
    assert in_session_window(datetime(2031, 3, 4, 6, 30, tzinfo=new_york), NOW)  # 11:30 UTC
    with pytest.raises(ValueError):
        in_session_window(datetime(2031, 3, 4, 11, 0), NOW)


def test_inside_the_window_the_text_itself_is_sent() -> None:
    choice = TemplateChoice.choose(kind="reply", body="Your slot is at 10:00.", templates={}, in_window=True)
    assert choice == TemplateChoice(body="Your slot is at 10:00.")


def test_outside_it_the_kinds_template_carries_the_text_as_one_clean_line() -> None:
    choice = TemplateChoice.choose(
        kind="reply",
        body="Two options:\n\n1. Tue  10:00\n2. Wed\t11:00",
        templates=TEMPLATES,
        in_window=False,
    )
    assert choice.body is None and choice.content_sid == TEMPLATES["reply"]
    assert choice.content_variables == {"1": "Two options: 1. Tue 10:00 2. Wed 11:00"}


def test_explicit_variables_and_long_text() -> None:
    choice = TemplateChoice.choose(
        kind="reminder",
        body="ignored",
        templates=TEMPLATES,
        in_window=False,
        variables={"1": "Maria", "2": "10:00"},
    )
    assert choice.content_variables == {"1": "Maria", "2": "10:00"}
    long = TemplateChoice.choose(kind="reply", body="word " * 600, templates=TEMPLATES, in_window=False)
    assert long.content_variables is not None
    assert len(long.content_variables["1"]) <= VARIABLE_MAX and long.content_variables["1"].endswith("…")


def test_outside_the_window_without_a_template_is_an_error_naming_the_kind() -> None:
    with pytest.raises(NoTemplate) as raised:
        TemplateChoice.choose(kind="followup", body="How are you?", templates=TEMPLATES, in_window=False)
    assert raised.value.kind == "followup" and "followup" in str(raised.value)
    with pytest.raises(NoTemplate):
        TemplateChoice.choose(kind="reply", body="x", templates={"reply": ""}, in_window=False)
