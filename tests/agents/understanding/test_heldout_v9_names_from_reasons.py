"""Held-out v9: the patient registered as "Asthma Follow" ("for my son's asthma follow up … He's
Jayden Moss, born 4/9/2017") and "Q No Maneja" ("es para mi mama, q no maneja el celular: Dolores
Huerta Ríos, nacida el …"). After a possessive comes what is the relative's, not their name; a texted
"q"/"k" opens a clause; and the name said right before the birth date is whose birth date it is."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import understand

TZ = ZoneInfo("America/New_York")
NOW = datetime(2028, 4, 14, 12, 5, tzinfo=TZ)


def _read(text: str):  # type: ignore[no-untyped-def]
    return understand(text, now=NOW, tz=TZ)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Hello, first time here. I'd like to see Dr. Okafor for my son's asthma follow up, week after"
            " next on the Tuesday, in the afternoon. He's Jayden Moss, born 4/9/2017",
            "Jayden Moss",
        ),
        ("appt for my daughter's ear infection recheck, she's Lily Moss, born 3/2/2019", "Lily Moss"),
        ("need peds for my son's skin rash thing. Noah Diaz, dob 05/06/2018", "Noah Diaz"),
        (
            "buen dia. es para mi mama, q no maneja el celular: Dolores Huerta Ríos, nacida el 2 de febrero"
            " de 1949. Cardiologia con la Dra. Raman, el jueves 24 en la mañana",
            "Dolores Huerta Ríos",
        ),
        ("es para mi papa k no sabe usar whatsapp, Ramon Ortiz Vega, nacido el 3/4/1950", "Ramon Ortiz Vega"),
        ("para mi abuela, ke no escucha bien: Carmen Solis, nacida el 9 de mayo de 1940", "Carmen Solis"),
        # the name after the relative, as before, when it is the one before the birth date
        ("for my daughter, Zoe Adams, born 3/4/2019", "Zoe Adams"),
        ("para mi hija Lucia Perez, nacida el 2/3/2018", "Lucia Perez"),
    ],
)
def test_the_name_is_the_persons_not_a_reason_or_a_clause(text: str, name: str) -> None:
    assert _read(text).fields.name == name, text


@pytest.mark.parametrize(
    "text",
    [
        "for my son's asthma follow up, tuesday afternoon",
        "book for my daughter's ear infection recheck tomorrow",
        "es para mi mama q no maneja el celular, cardiologia el jueves",
        "cita para mi papá k no puede escribir, el lunes",
    ],
)
def test_with_no_name_said_nobody_is_named(text: str) -> None:
    assert _read(text).fields.name is None, text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("for my son's appointment, his name is Liam Park", "Liam Park"),
        ("for my daughter Zoe Adams, she has a cough", "Zoe Adams"),
        ("para mi hija Sofia Mendez, tiene fiebre", "Sofia Mendez"),
    ],
)
def test_a_name_after_the_relative_still_counts(text: str, name: str) -> None:
    assert _read(text).fields.name == name, text
