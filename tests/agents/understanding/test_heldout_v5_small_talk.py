"""A greeting that checks whom it reached ("hey, is this riverside health?", "¿es la clínica Riverside?",
"am I texting Dr. Chen's office?") is small talk: held-out v5 answered it with the clinic's address (and,
before the red-flag fix, with the emergency reply). A question that only starts the same way ("is this
covered by insurance?", "¿es la clínica abierta los sábados?") is still a question."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import Intent, understand

TZ = ZoneInfo("America/New_York")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=TZ)


@pytest.mark.parametrize(
    "text",
    [
        "hey, is this riverside health?",
        "is this riverside health",
        "hi is this the clinic?",
        "hello, am I texting Dr. Chen's office?",
        "is this the right number for riverside health?",
        "is this the right number?",
        "this is riverside health, right?",
        "hola, es la clinica riverside?",
        "buenas, hablo con el consultorio?",
        "es este el numero de la clinica?",
        "hola es riverside health?",
    ],
)
def test_checking_whom_the_message_reached_is_a_greeting(text: str) -> None:
    assert understand(text, now=NOW, tz=TZ).intent is Intent.GREETING, text


@pytest.mark.parametrize(
    "text",
    [
        "is this covered by insurance?",
        "is this clinic open on saturday?",
        "is this office accessible?",
        "is this the clinic's address?",
        "this is Maria Garcia",
        "is this normal?",
        "es la clinica de la calle Mill?",
        "es normal?",
        "hola, es la clinica abierta los sabados?",
    ],
)
def test_a_question_that_starts_the_same_way_is_not(text: str) -> None:
    assert understand(text, now=NOW, tz=TZ).intent is not Intent.GREETING, text
