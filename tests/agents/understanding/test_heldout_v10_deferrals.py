"""Held-out v10: "let me check my work schedule first and I'll text you back. thanks!" to the times on
offer booked the first one ("first", an adverb, was read as a pick). A pick put off — checking something
first, or coming back later — picks nothing, in English and Spanish; an option named beside it ("the
first one, I'll let you know if it changes", "la primera, si no puedo te aviso") still picks, and so do
the ordinary picks."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import Intent, RedFlagReader, understand
from agents.understanding.deferrals import puts_off_pick

TZ = ZoneInfo("America/New_York")
NOW = datetime(2027, 8, 6, 9, 45, tzinfo=TZ)

PUT_OFF = [
    "actually let me check my work schedule first and I'll text you back. thanks!",
    "let me check my calendar and get back to you",
    "I'll get back to you",
    "i'll let you know tomorrow",
    "let me think about it",
    "I need to check with my boss first",
    "I have to ask my wife, I'll text you later",
    "lemme look at my schedule, ill msg u back",
    "will confirm later, thanks",
    "first let me check my calendar",
    "déjame ver mi agenda y te aviso",
    "lo consulto y le escribo",
    "lo pienso y luego te digo",
    "tengo que revisar mi horario, luego le escribo",
    "déjeme consultarlo con mi esposo y le confirmo",
    "primero lo hablo con mi jefe y te aviso",
]
PICKS = [
    "the first one",
    "first one please",
    "first",
    "1st",
    "2",
    "la primera",
    "la segunda porfa",
    "the first one, thanks!",
    "I'll take the first one",
    "the 10:30 please",
    "the second one, I'll let you know if anything changes",
    "let me see, the second one works",
    "la primera, si no puedo te aviso",
    "te confirmo la segunda",
    "the first, I'll check with my boss and let you know if it changes",
]


@pytest.mark.parametrize("text", PUT_OFF)
def test_a_pick_put_off_picks_nothing(text: str) -> None:
    assert puts_off_pick(text), text
    read = understand(text, now=NOW, tz=TZ, expecting="choice")
    assert read.intent is Intent.THANKS, (text, read.intent)
    assert read.fields.when is None and read.fields.specialty is None


@pytest.mark.parametrize("text", PICKS)
def test_a_pick_said_beside_it_or_alone_still_picks(text: str) -> None:
    assert not puts_off_pick(text), text
    assert understand(text, now=NOW, tz=TZ, expecting="choice").intent is Intent.CHOOSE, text


@pytest.mark.parametrize(
    "text",
    [
        "I need to see a dermatologist on friday",
        "tengo que ver al doctor el lunes",
        "I need to ask: is there parking?",
        "do you have anything friday instead?",
    ],
)
def test_what_only_looks_like_putting_off_is_not(text: str) -> None:
    assert not puts_off_pick(text), text
    assert understand(text, now=NOW, tz=TZ, expecting="choice").intent is not Intent.THANKS, text


@pytest.mark.parametrize("text", PUT_OFF)
async def test_a_pick_put_off_is_no_emergency(text: str, reader: RedFlagReader) -> None:
    """ "lo consulto y le escribo" lay nearest a farewell note (`redflags.ordinary.deferral_only`)."""
    assert await reader(text) is None, text


@pytest.mark.parametrize(
    "text",
    [
        "lo pienso y le escribo una carta de despedida a mi familia, ya no quiero vivir",
        "let me think... I just want to say goodbye, I won't be around anymore",
        "I'll let you know but I've been having chest pain and can't breathe right now",
    ],
)
async def test_a_deferral_beside_an_emergency_still_flags(text: str, reader: RedFlagReader) -> None:
    assert await reader(text) is not None, text
