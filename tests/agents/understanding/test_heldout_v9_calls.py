"""Who a message calls for (held-out v9): a message made only of calls for a person, however many and
however shouted ("REPRESENTATIVE. agent. human. someone real pls") hands off; a greeting that asks who
answered ("buenas noches, quién habla?", "who is this?") is a greeting, not a question for the knowledge
base (it was given the what-to-bring checklist). Near misses keep their reading."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import Intent, understand

TZ = ZoneInfo("America/New_York")
NOW = datetime(2027, 3, 3, 10, 0, tzinfo=TZ)


def _intent(text: str) -> Intent:
    return understand(text, now=NOW, tz=TZ).intent


@pytest.mark.parametrize(
    "text",
    [
        "REPRESENTATIVE. agent. human. someone real pls",
        "someone real pls",
        "AGENT AGENT AGENT",
        "human. HUMAN. now",
        "representative please, representative",
        "humano, persona real, alguien de verdad ya",
        "agente porfa, un humano",
        "operator!!! operator",
        "rep pls",
    ],
)
def test_a_message_of_calls_for_a_person_hands_off(text: str) -> None:
    assert _intent(text) is Intent.HANDOFF, text


@pytest.mark.parametrize(
    "text",
    ["someone there?", "alguien?", "real", "I want to talk", "is there someone who speaks spanish?"],
)
def test_near_misses_do_not_hand_off(text: str) -> None:
    assert _intent(text) is not Intent.HANDOFF, text


@pytest.mark.parametrize(
    "text",
    [
        "buenas noches, quién habla?",
        "quien habla",
        "aló? quién habla?",
        "Hola, ¿con quién tengo el gusto?",
        "con quién hablo?",
        "oiga, quien me escribe?",
        "who is this?",
        "hi who am i talking to",
        "who r u",
        "hello, who's this?",
    ],
)
def test_who_answered_is_a_greeting(text: str) -> None:
    assert _intent(text) is Intent.GREETING, text


@pytest.mark.parametrize(
    "text",
    [
        "quien es la doctora Morales?",
        "who is my doctor?",
        "quién me atiende mañana?",
        "who is the cardiologist there?",
    ],
)
def test_who_someone_else_is_stays_a_question(text: str) -> None:
    assert _intent(text) is not Intent.GREETING, text
