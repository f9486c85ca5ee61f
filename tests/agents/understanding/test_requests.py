"""Several requests in one message (issue #20 item 2): split, each with its details, served in an
order that needs the least back-and-forth; one request is never split."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import Intent, Language, understand
from agents.understanding.requests import split_requests

TZ = ZoneInfo("America/New_York")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=TZ)


def split(text: str, language: Language) -> list[str]:
    return split_requests(text, now=NOW, tz=TZ, language=language)


def intents(text: str, language: Language) -> list[Intent]:
    return [
        understand(piece, now=NOW, tz=TZ, language_hint=language).intent for piece in split(text, language)
    ]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "I need a refill of my inhaler and also a cardiology appointment next week",
            "en",
            [Intent.TICKET, Intent.BOOK],
        ),
        (
            "can u book me derm tomorrow afternoon? also do you take aetna?",
            "en",
            [Intent.QUESTION, Intent.BOOK],
        ),
        (
            "Book me a checkup friday morning. Also I was charged twice for my last visit",
            "en",
            [Intent.TICKET, Intent.BOOK],
        ),
        (
            "what are your hours on saturday and can I book pediatrics for my son next monday",
            "en",
            [Intent.QUESTION, Intent.BOOK],
        ),
        ("I need to cancel my appointment, is there a fee?", "en", [Intent.QUESTION, Intent.CANCEL]),
        (
            "btw where do i park? and i want to see a dermatologist thursday",
            "en",
            [Intent.QUESTION, Intent.BOOK],
        ),
        (
            "necesito una receta de mi inhalador y también una cita con cardiología la semana que viene",
            "es",
            [Intent.TICKET, Intent.BOOK],
        ),
        (
            "quiero cita con el dermatologo mañana por la tarde, y otra cosa, ¿dónde se puede aparcar?",
            "es",
            [Intent.QUESTION, Intent.BOOK],
        ),
        (
            "me cobraron dos veces la última consulta y además quiero cita de medicina familiar el jueves",
            "es",
            [Intent.TICKET, Intent.BOOK],
        ),
        (
            "¿aceptan Medicare? y quisiera una cita de cardiología el lunes",
            "es",
            [Intent.QUESTION, Intent.BOOK],
        ),
    ],
)
def test_two_requests_are_split_and_ordered(text: str, language: Language, expected: list[Intent]) -> None:
    assert intents(text, language) == expected


def test_each_request_keeps_its_own_details() -> None:
    ticket, booking = split("I need a refill of my inhaler and also a cardiology appointment next week", "en")
    u = understand(booking, now=NOW, tz=TZ)
    assert "inhaler" in ticket and u.fields.specialty == "cardiology" and u.fields.when is not None


def test_a_question_beside_a_cancellation_is_asked_about_it() -> None:
    question, _ = split("I need to cancel my appointment, is there a fee?", "en")
    assert "fee" in question and "cancel" in question


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I want to book cardiology and dermatology", "en"),
        ("can i come tomorrow and see dr patel", "en"),
        ("cardiology tomorrow morning please. thanks!", "en"),
        ("hi, I'd like to book a cardiology appointment tomorrow morning, also my knee hurts", "en"),
        ("I have a blood test tomorrow, do I need to fast? can I still have a coffee?", "en"),
        ("quiero una cita para mañana y también para mi hermana", "es"),
        ("hola, buenos días, quiero una cita con el dermatólogo", "es"),
        ("cancel my appointment please", "en"),
    ],
)
def test_one_request_is_not_split(text: str, language: Language) -> None:
    assert split(text, language) == []


@pytest.mark.parametrize(
    "text",
    [
        "mañana tengo análisis de sangre, ¿tengo que ir en ayunas? ¿puedo tomar café?",
        "blood test tomorrow. do i need to fast? can i drink coffee?",
    ],
)
def test_a_medical_looking_part_of_a_clinic_question_stays_a_question(text: str) -> None:
    pieces = split(text, "es" if "mañana" in text else "en")
    assert all(understand(p, now=NOW, tz=TZ).intent is Intent.QUESTION for p in pieces)
