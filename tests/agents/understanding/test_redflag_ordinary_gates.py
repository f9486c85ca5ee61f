"""The classes of `redflags/ordinary.py` one by one: each says what it passes over, and its veto keeps
every word of an emergency for the nearest examples to read (the signs read them first anyway)."""

from __future__ import annotations

import pytest

from agents.understanding.redflags.ordinary import (
    companions_denied,
    in_care,
    logistics_only,
    mild_for,
    supply_only,
)
from agents.understanding.text import clean, fold


def _f(text: str) -> str:
    return fold(clean(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i have like 4 pills left", True),
        ("me quedan como tres pastillas", True),
        ("running low on my inhaler", True),
        ("i have 4 pills left and i'm taking them all tonight", False),
        ("i have enough pills left", False),
        ("me quedan 30 pastillas y las estoy guardando", False),
        ("only 3 left, the rest are gone, my son found the bottle", False),
        ("i've been saving my pills, only a few left to collect", False),
    ],
)
def test_supply(text: str, expected: bool) -> None:
    assert supply_only(_f(text)) is expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mi nieto me va a llevar y no sabe llegar", True),
        ("where do I park?", True),
        ("the parking attendant yelled at me", True),
        ("my son is driving me to the ER", False),
        ("mi nieto me va a llevar, me duele el pecho", False),
        ("my wife collapsed in the parking lot", False),
        ("there's a man on the ground in the garage", False),
        ("I won't need a ride anymore", False),
        ("mi hijo me va a traer porque no sabe donde esta mi papa", False),
    ],
)
def test_logistics(text: str, expected: bool) -> None:
    assert logistics_only(_f(text)) is expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my husband was admitted to the hospital last night", True),
        ("a mi esposo lo internaron anoche", True),
        ("ya le hicieron radiografia en urgencias", True),
        ("my husband was admitted last night and can't breathe", False),
        ("ya lo vieron en urgencias y sigue sangrando", False),
        ("she was hospitalized and says she wants to die", False),
    ],
)
def test_in_care(text: str, expected: bool) -> None:
    assert in_care(_f(text)) is expected, text


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        ("bleeding", "spot on my nose that keeps bleeding a bit when I wash", True),
        ("bleeding", "me sangra un poquito la encia", True),
        ("anaphylaxis", "a mild itchy rash on my stomach", True),
        ("bleeding", "a little bleeding but it won't stop", False),
        ("bleeding", "bleeding a little for an hour", False),
        ("bleeding", "coughing up a little blood", False),
        ("bleeding", "a little blood from his ear", False),
        ("bleeding", "spotting a little at 30 weeks pregnant", False),
        ("bleeding", "a small cut, bleeding a bit, I'm on warfarin", False),
        ("bleeding", "a small cut on my wrist, I did it on purpose", False),
        ("anaphylaxis", "a mild rash and my lips are swelling", False),
        ("anaphylaxis", "slight rash and I'm wheezing", False),
        ("breathing", "his lips are a little blue", False),
        ("stroke", "my face is a bit droopy", False),
    ],
)
def test_mild(kind: str, text: str, expected: bool) -> None:
    assert mild_for(kind, _f(text)) is expected, text  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        ("anaphylaxis", "mild itchy rash on my stomach. no swelling, breathing fine.", True),
        ("anaphylaxis", "itchy bumps, lips and throat are fine, no trouble breathing", True),
        ("anaphylaxis", "sarpullido, sin hinchazon y respiro bien", True),
        ("other_emergency", "se golpeo la cabeza pero no ha vomitado ni esta confundido", True),
        ("other_emergency", "bumped his head, didn't black out, no vomiting", True),
        ("anaphylaxis", "rash, no swelling but I can't breathe", False),
        ("anaphylaxis", "rash and he's not breathing good", False),
        ("anaphylaxis", "sarpullido y no respira bien", False),
        ("anaphylaxis", "rash and no swelling but my throat feels tight", False),
        ("anaphylaxis", "hives after a bee sting, no swelling", False),
        ("anaphylaxis", "a rash", False),
        ("other_emergency", "hit his head, no vomiting, but he won't wake up", False),
        ("other_emergency", "se pego en la cabeza, no vomito pero no sabe donde esta", False),
        ("other_emergency", "hit his head, no vomiting, his pupils look different", False),
        ("other_emergency", "fell off the ladder and hit his head, no vomiting", False),
        ("other_emergency", "hit her head, no vomiting but her face is drooping", False),
        ("suicidal", "i keep hitting my head on the wall, no vomiting", False),
    ],
)
def test_companions_denied(kind: str, text: str, expected: bool) -> None:
    assert companions_denied(kind, _f(text)) is expected, text  # type: ignore[arg-type]
