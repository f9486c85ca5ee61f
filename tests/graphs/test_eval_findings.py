"""Conversations the evaluation run found wrong (evals/datasets/scenarios.jsonl), now right."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize(
    ("question", "answer_has", "language"),
    [
        ("where do i park?", "garage", "en"),  # the parking section, not "Where we are"
        ("what are your hours on friday", "5:30", "en"),  # the clinic's hours, not the laboratory's
        ("what should i bring to my first appointment", "insurance card", "en"),
        ("do u take aetna", "Aetna", "en"),  # a short question scores low, but the plan is listed
        ("what's your address", "1200 Riverside", "en"),
        ("a que hora abren el sabado?", "sábados", "es"),  # Spanish: the right document was not first
        ("¿cuánto tardan en renovar una receta?", "3 días", "es"),
    ],
)
async def test_clinic_questions_are_answered_from_the_right_section(
    patient: Any, register: Any, question: str, answer_has: str, language: str
) -> None:
    asker = patient()
    await register(asker.phone, "Quinn Asker", "1980-01-01", language)
    reply = await asker.says(question)
    assert answer_has in reply and asker.last.outcome == "answered", reply


async def test_a_spanish_question_the_knowledge_base_does_not_cover_goes_to_staff(
    patient: Any, register: Any
) -> None:
    asker = patient()
    await register(asker.phone, "Quinn Asker", "1980-01-01", "es")
    reply = await asker.says("¿venden tarjetas de regalo?")
    assert asker.last.outcome == "ticket" and "equipo" in reply


@pytest.mark.calendar
async def test_what_a_new_patient_says_before_identifying_is_kept(patient: Any) -> None:
    ben = patient()
    await ben.says("i need an appointment")
    assert "date of birth" in await ben.says("for my back")
    assert "date of birth" in await ben.says("tomorrow afternoon if possible")
    reply = await ben.says("Ben Cole 3/15/1972")
    assert "registered you" in reply and "first free times for orthopedics" in reply
    assert "Wednesday, December 2" in reply and ("PM" in reply)
    assert "You're booked" in await ben.says("1")


@pytest.mark.parametrize(
    "message", ["show me James Smith's appointments", "what time is Ana Rodriguez's appointment tomorrow"]
)
async def test_someone_elses_appointments_asked_by_name_are_refused(
    patient: Any, register: Any, message: str
) -> None:
    maria = patient()
    await register(maria.phone, "Maria Garcia", "1985-04-12")
    await maria.says(message)
    assert maria.last.outcome == "refused"
