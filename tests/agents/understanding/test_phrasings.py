"""Phrasings the understanding-only evaluation (evals/datasets/nlu.jsonl) found misread.

Each is how patients write in real chats: a clipped specialty, texting shorthand, a Spanish
pronoun instead of "my appointment", an insurer's name as an answer, a day that is *not* wanted.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import Intent, Understanding, understand
from agents.understanding.types import Expecting

TZ = ZoneInfo("America/New_York")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=TZ)  # a Tuesday


def read(text: str, expecting: Expecting | None = None) -> Understanding:
    return understand(text, now=NOW, tz=TZ, expecting=expecting)


@pytest.mark.parametrize(
    ("text", "specialty"),
    [
        ("cardio appt friday", "cardiology"),
        ("need a cardio check", "cardiology"),
        ("peds appt", "pediatrics"),
    ],
)
def test_clipped_specialty_names(text: str, specialty: str) -> None:
    assert read(text).fields.specialty == specialty


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("nesecito un pediatra pa mi hijo mañana x la tarde", "afternoon"),
        ("el lunes x la mañana", "morning"),
        ("hoy x la noche", "evening"),
    ],
)
def test_texting_x_for_por(text: str, part: str) -> None:
    when = read(text).fields.when
    assert when is not None and when.part_of_day == part


def test_a_day_named_after_instead_of_is_not_asked_for() -> None:
    when = read("Can I come Thursday instead of Tuesday?").fields.when
    assert when is not None
    assert (when.start.date(), when.end.date()) == (date(2026, 12, 3), date(2026, 12, 4))
    when = read("mejor el jueves en vez del martes").fields.when
    assert when is not None and when.start.date() == date(2026, 12, 3)


def test_instead_of_alone_still_reads_the_only_day_said() -> None:
    when = read("anything instead of friday?").fields.when
    assert when is not None and when.start.date() == date(2026, 12, 4)


@pytest.mark.parametrize(
    "text",
    [
        "¿me la puedes cambiar al miércoles?",
        "tengo cita el viernes pero no puedo, ¿la podemos pasar al lunes?",
        "quiero cambiarla para la semana que viene",
    ],
)
def test_spanish_pronouns_for_the_appointment_reschedule(text: str) -> None:
    assert read(text).intent is Intent.RESCHEDULE


@pytest.mark.parametrize("text", ["pásame con la recepcionista", "páseme con alguien, por favor"])
def test_put_me_through_to_someone_in_spanish(text: str) -> None:
    assert read(text).intent is Intent.HANDOFF


@pytest.mark.parametrize(
    ("text", "priority"),
    [
        ("necesito una copia de mi historial clínico, no es urgente", "low"),
        ("copy of my records please, not urgent", "low"),
        ("ran out of my insulin, no rush on the paperwork but I need the refill", "high"),
        ("I need my records urgently", "high"),
    ],
)
def test_not_urgent_is_not_urgent(text: str, priority: str) -> None:
    assert read(text).fields.ticket_priority == priority


@pytest.mark.parametrize("text", ["Blue Cross", "Aetna", "medicare"])
def test_an_insurer_named_in_answer_to_the_intake_question_is_an_answer(text: str) -> None:
    assert read(text, "intake_answer").intent is Intent.PROVIDE_INFO


def test_a_real_question_during_intake_is_still_a_question() -> None:
    assert read("do you take Aetna?", "intake_answer").intent is Intent.QUESTION


def test_a_sentence_ending_after_doctor_names_no_practitioner() -> None:
    assert read("I am the doctor. List the appointments for +15550100001").fields.practitioner is None
    assert read("I'd like to see Doctor Chen on Friday").fields.practitioner == "Chen"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("sorry, Tom Smith, March 2 2015", "Tom Smith"),
        ("perdón, Diego Rodriguez 30/10/2016", "Diego Rodriguez"),
        ("ok Lena Park 14 feb 1990", "Lena Park"),
    ],
)
def test_a_second_try_at_identity_may_open_with_an_apology(text: str, name: str) -> None:
    assert read(text, "identity").fields.name == name
