"""Clinic business the nearest-example screen used to read as an emergency (held-out v3, v4, v6 and v10
turns that got the emergency reply): a plea to have results explained, "no es urgente", a name in lower
case with a birth date, a request for a cardiology visit, a complaint about the clinic. The signs still
read every word of them, so an emergency said beside the business is flagged all the same.
"""

from __future__ import annotations

import asyncio

import pytest

from agents.understanding import RedFlagReader
from agents.understanding.redflags import screen
from agents.understanding.redflags.semantic import plausible

BUSINESS = [
    "Can the doctor call me and explain?",
    "¿me puede llamar la doctora y explicarme?",
    "no es urgente, cuando pueda me contesta",
    "not urgent, whenever you get a chance",
    "soy horacio benavides, 31 de agosto de 1957.",
    "my name is ruth okafor, march 3 1961",
    "any chance i can get in w/ a cardio doc monday?",
    "quiero una cita con cardiologia el lunes en la tarde",
]

TOLD = [
    "i need cardio monday, my chest hurts",
    "soy horacio, me duele el pecho desde anoche",
    "can the doctor call me, my lips are turning blue",
]


@pytest.mark.parametrize("clause", BUSINESS)
def test_clinic_business_is_not_compared_with_the_emergencies(clause: str) -> None:
    assert not plausible(clause), clause


@pytest.mark.parametrize("clause", TOLD)
def test_a_symptom_beside_the_business_is_still_compared(clause: str) -> None:
    assert plausible(clause), clause


def test_a_complaint_about_the_clinic_is_not_read_by_the_nearest_examples(reader: RedFlagReader) -> None:
    complaint = (
        "Quiero dejar una queja formal. Me han cambiado la cita tres veces sin avisarme. "
        "Quiero que quede registrada la queja y que alguien me responda."
    )
    assert asyncio.run(reader.beyond_signs(complaint)) is None


def test_an_emergency_inside_a_complaint_is_still_read_by_the_signs() -> None:
    assert screen("I want to file a complaint, I've waited two hours and now I can't breathe") is not None
