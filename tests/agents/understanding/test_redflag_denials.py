"""What a denial cancels and what it does not.

"Has not stopped seizing", "did not stop bleeding" and "no ha dejado de sangrar" deny the stopping,
so the emergency goes on; they were read as denials and missed (found reading the reader after
held-out v7). The companions of a head injury are denied like its sign: "bumped my head, no
vomiting, no confusion" is a bump, "hit my head and has not stopped vomiting" is not. Bleeding that
has not stopped, or has gone on for an hour, is heavy bleeding. And the weather suffocates nobody:
"este calor me está asfixiando" is small talk, "me estoy asfixiando" an emergency.
"""

from __future__ import annotations

import pytest

from agents.understanding import RedFlagReader
from agents.understanding.redflags import screen


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("he has not stopped seizing", "other_emergency"),
        ("she has not stopped convulsing for 5 minutes", "other_emergency"),
        ("no ha dejado de convulsionar", "other_emergency"),
        ("he has not stopped vomiting blood", "bleeding"),
        ("I can not stop the bleeding", "bleeding"),
        ("it did not stop bleeding even with pressure", "bleeding"),
        ("she has not stopped bleeding", "bleeding"),
        ("the bleeding hasn't stopped", "bleeding"),
        ("his nose has been bleeding for over an hour", "bleeding"),
        ("la herida no ha dejado de sangrar en media hora", "bleeding"),
        ("lleva una hora sangrando por la nariz", "bleeding"),
        ("mi hijo no para de sangrar de la cabeza", "bleeding"),
    ],
)
def test_a_denied_stopping_is_no_denial(text: str, kind: str) -> None:
    found = screen(text)
    assert found is not None and found.kind == kind, (text, found)


@pytest.mark.parametrize(
    "text",
    [
        "he fell and hit his head and has not stopped vomiting",
        "se pegó en la cabeza y no para de vomitar",
        "hit my head and now I'm throwing up",
        "I hit my head yesterday, he hasn't vomited but he is very sleepy",
        "bumped my head, no vomiting, but I'm confused and keep asking the same thing",
        "se golpeó la cabeza, no vomitó pero está muy dormido y no despierta bien",
    ],
)
def test_a_head_injury_with_a_companion_said_is_an_emergency(text: str) -> None:
    found = screen(text)
    assert found is not None and found.kind == "other_emergency", (text, found)


@pytest.mark.parametrize(
    "text",
    [
        "I bumped my head on a cabinet, no vomiting, no confusion, just a bump",
        "bumped my head, didn't pass out, no vomiting",
        "se golpeó la cabeza pero no ha vomitado ni está confundido",
        "me golpeé la cabeza con la puerta pero no he vomitado ni estoy mareada, solo un chichón",
    ],
)
def test_a_head_injury_whose_companions_are_all_denied_is_not_a_sign(text: str) -> None:
    assert screen(text) is None, text


@pytest.mark.parametrize(
    "text",
    [
        "I bumped my head on a cabinet, no vomiting, no confusion, just a bump",
        "bumped my head, didn't pass out, no vomiting",
        "me golpeé la cabeza con la puerta pero no he vomitado ni estoy mareada, solo un chichón",
        # the embedding reads no negation ("se golpeó la cabeza, ahora está confundida y vomitando" is
        # 0.047 nearer than anything harmless): the companions' denial is read in words (ordinary.py)
        "se golpeó la cabeza pero no ha vomitado ni está confundido",
    ],
)
async def test_nor_is_it_near_enough_an_emergency_example(text: str, reader: RedFlagReader) -> None:
    assert await reader(text) is None, text


@pytest.mark.parametrize(
    "text",
    [
        "este calor me está asfixiando",
        "this heat is suffocating, is the clinic air conditioned?",
        "it's suffocating in here",
        "qué calor tan asfixiante, ¿a qué hora abren mañana?",
    ],
)
async def test_the_weather_suffocates_nobody(text: str, reader: RedFlagReader) -> None:
    assert screen(text) is None, text
    assert await reader(text) is None, text


@pytest.mark.parametrize(
    "text",
    [
        "me estoy asfixiando",
        "siento que me asfixio",
        "I'm suffocating",
        "it's suffocating him",
        "el calor me está asfixiando y no puedo respirar",
    ],
)
def test_suffocating_is_still_breathing(text: str) -> None:
    found = screen(text)
    assert found is not None and found.kind == "breathing", (text, found)
