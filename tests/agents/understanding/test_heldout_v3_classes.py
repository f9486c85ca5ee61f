"""The failure classes the third held-out set found, read over many phrasings (EN and ES) beyond the
set's own words: moves of the appointment just booked said relative to it."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import Expecting, Language, Understanding, understand
from agents.understanding.shifts import mentions_shift

TZ = ZoneInfo("America/New_York")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=TZ)


def read(text: str, language: Language | None = None, expecting: Expecting | None = None) -> Understanding:
    return understand(text, now=NOW, tz=TZ, language_hint=language, expecting=expecting)


@pytest.mark.parametrize(
    "text",
    [
        "can you push it back a week?",
        "¿se puede una semana más tarde? misma hora",
        "¿me la puede pasar a la semana siguiente? misma hora",
        "oiga, mejor páseme la cita al día siguiente, a la misma hora",
        "uy, mejor el mismo horario pero el viernes",
        "sorry, could we do earlier that day instead, like 10am?",
        "hmm can we do the week after instead, afternoon?",
        "mejor la semana siguiente, por la tarde",
        "actually can we make it a day later, same time?",
        "me surgió algo, ¿me la puede poner a las diez, el mismo día?",
        "Oiga, mejor un día después, a la misma hora",
        "actually same time but Friday",
        "can we do the same slot on thursday?",
        "en el mismo horario pero el lunes",
    ],
)
def test_a_move_relative_to_the_appointment_is_noticed(text: str) -> None:
    assert mentions_shift(text), text
