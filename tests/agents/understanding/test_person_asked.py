"""Asking for a person in plain words (held-out v4): "can i talk to an actual person pls, not a bot",
"can someone who knows get back to me", "que alguien me confirme por favor" hand off, whatever was
awaited; a question put to "someone" that the clinic's information may answer, and "someone" in
other senses, do not."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import Intent, understand
from agents.understanding.types import Expecting

TZ = ZoneInfo("America/New_York")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=TZ)


@pytest.mark.parametrize(
    "text",
    [
        "can i talk to an actual person pls, not a bot",
        "I want to speak to a real human",
        "let me chat with an actual human please",
        "i want a real person",
        "I need a human",
        "get me a human please",
        "give me an actual person not a bot",
        "can I get a person?",
        "ok can someone who knows get back to me",
        "can somebody who can help contact me",
        "can someone confirm it for me",
        "someone please let me know",
        "can someone text me",
        "quiero hablar con una persona de verdad",
        "quiero una persona de verdad",
        "necesito un humano",
        "ok, que alguien me confirme por favor",
        "que alguien de la clínica me llame",
        "que alguien que sepa me responda",
        "que alguien me avise",
        "que me confirme alguien",
    ],
)
@pytest.mark.parametrize("expecting", [None, "choice", "identity", "reason"])
def test_a_person_asked_for_hands_off(text: str, expecting: Expecting | None) -> None:
    assert understand(text, now=NOW, tz=TZ, expecting=expecting).intent is Intent.HANDOFF


@pytest.mark.parametrize(
    "text",
    [
        "can someone let me know if you take aetna?",
        "que alguien me diga si necesito ayuno",
        "can someone confirm what time you open?",
        "is someone available on saturday for a checkup?",
        "I want a real appointment, not a video one",
        "my son needs a person to go with him, can I come too?",
        "are you a bot?",
    ],
)
def test_a_question_or_someone_in_another_sense_does_not(text: str) -> None:
    assert understand(text, now=NOW, tz=TZ).intent is not Intent.HANDOFF
