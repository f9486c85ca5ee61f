"""Moving or asking for an appointment is no emergency: the nearest-example screen once read
"¿la puedes pasar una semana después?" as a stroke and "a rash that itches, an appointment on
Thursday?" as an emergency. Emergencies asked for as a booking are still caught."""

from __future__ import annotations

from typing import Any

import pytest

from agents.understanding import RedFlagReader, SemanticScreen


@pytest.mark.parametrize(
    "text",
    [
        "¿nos vemos la semana siguiente a la misma hora?",
        "¿me la puede pasar dos días después?",
        "¿la cambiamos al mismo día pero más tarde?",
        "me pica mucho un lunar, ¿tienen turno el martes?",
        "¿y una semana más tarde se podría?",
        "can you push my visit back a couple of days?",
        "could it be the same time but on friday?",
        "this rash itches like crazy, any appointments wednesday?",
        "for my son",
        "la de las diez y media",
    ],
)
async def test_scheduling_is_no_emergency(embedder: Any, text: str) -> None:
    assert await RedFlagReader(SemanticScreen(embedder))(text) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("no puedo mover el brazo derecho y tengo la cara caída, ¿me dan cita?", "stroke"),
        ("tengo dolor en el pecho que se va al brazo, ¿me dan turno?", "chest_pain"),
        ("my face is drooping on one side and my speech is slurred, can I book for today?", "stroke"),
    ],
)
async def test_an_emergency_asked_as_a_booking_is_still_one(embedder: Any, text: str, kind: str) -> None:
    flag = await RedFlagReader(SemanticScreen(embedder))(text)
    assert flag is not None and flag.kind == kind
