"""Fields from free text: specialty, reason, practitioner, phone, ticket category and priority, question."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import Fields, Intent, understand

TZ = ZoneInfo("America/New_York")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=TZ)


def fields(text: str) -> Fields:
    return understand(text, now=NOW, tz=TZ).fields


@pytest.mark.parametrize(
    ("text", "specialty"),
    [
        ("I need a heart doctor", "cardiology"),
        ("can I see a cardiologist?", "cardiology"),
        ("I get palpitations at night", "cardiology"),
        ("quiero ver al cardiólogo", "cardiology"),
        ("skin problem", "dermatology"),
        ("I have acne", "dermatology"),
        ("there's a mole on my back", "dermatology"),
        ("tengo granos en la cara", "dermatology"),
        ("necesito un dermatólogo", "dermatology"),
        ("my son has a fever", "pediatrics"),
        ("it's for my daughter", "pediatrics"),
        ("my baby has a rash", "pediatrics"),
        ("mi hijo tiene tos", "pediatrics"),
        ("cita con la pediatra", "pediatrics"),
        ("my son needs a dermatologist", "dermatology"),
        ("knee pain", "orthopedics"),
        ("my back hurts", "orthopedics"),
        ("I sprained my ankle", "orthopedics"),
        ("me duele la espalda", "orthopedics"),
        ("creo que tengo un hueso roto", "orthopedics"),
        ("annual check-up", "family-medicine"),
        ("I need a physical", "family-medicine"),
        ("I think I have the flu", "family-medicine"),
        ("un chequeo general", "family-medicine"),
        ("mi médico de cabecera", "family-medicine"),
        ("GP appointment", "family-medicine"),
        ("dermatolgist", "dermatology"),
        ("I have chest pain", None),
        ("please call me back", None),
        ("I'd like an appointment", None),
    ],
)
def test_specialty(text: str, specialty: str | None) -> None:
    assert fields(text).specialty == specialty


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("I have a rash on my arm", "rash on my arm"),
        ("I'd like to book for my knee pain next week", "my knee pain"),
        ("my knee hurts since I fell", "my knee hurts since I fell"),
        ("me duele la rodilla", "me duele la rodilla"),
        ("tengo granos en la cara desde hace un mes", "granos en la cara desde hace un mes"),
        ("Hi, I have a bad cough, can I come tomorrow?", "bad cough"),
        ("I need a dermatologist", None),
    ],
)
def test_reason_is_the_complaint_phrase(text: str, reason: str | None) -> None:
    assert fields(text).reason == reason


def test_reason_while_asked_for_is_the_whole_reply() -> None:
    result = understand("It's for a follow-up on my blood pressure pills", now=NOW, tz=TZ, expecting="reason")
    assert result.intent is Intent.PROVIDE_INFO
    assert result.fields.reason == "a follow-up on my blood pressure pills"


@pytest.mark.parametrize(
    ("text", "practitioner"),
    [
        ("can I see Dr. Patel?", "Patel"),
        ("with dr patel tomorrow", "Patel"),
        ("Doctor Sarah Lee please", "Sarah Lee"),
        ("quiero cita con la Dra. García", "García"),
        ("Dr. Patel's first opening", "Patel"),
        ("I need a doctor tomorrow", None),
        ("a heart doctor", None),
    ],
)
def test_practitioner(text: str, practitioner: str | None) -> None:
    assert fields(text).practitioner == practitioner


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("my number is (555) 010-0001", "+15550100001"),
        ("call me at 212-555-1234", "+12125551234"),
        ("mi número es +34 612 345 678", "+34612345678"),
        ("Lena Park, 14/02/1990", None),
        ("2", None),
    ],
)
def test_phone_is_e164(text: str, phone: str | None) -> None:
    assert fields(text).phone == phone


@pytest.mark.parametrize(
    ("text", "category", "priority"),
    [
        ("I ran out of my heart medication", "prescription", "high"),
        ("I need a refill of my inhaler, no rush", "prescription", "low"),
        ("se me acabaron las pastillas de la presión", "prescription", "high"),
        ("necesito renovar mi receta", "prescription", "normal"),
        ("I was charged twice", "billing", "normal"),
        ("urgent: there's a wrong charge on my invoice", "billing", "high"),
        ("me cobraron dos veces", "billing", "normal"),
        ("I need a copy of my medical records", "records", "normal"),
        ("quiero mi historial clínico", "records", "normal"),
        ("I want to complain, the receptionist was rude", "complaint", "normal"),
        ("quiero poner una queja", "complaint", "normal"),
        ("Is it normal to feel dizzy on the new pills?", "medical_question", "normal"),
        ("¿es normal tener fiebre después de la vacuna?", "medical_question", "normal"),
    ],
)
def test_ticket_category_and_priority(text: str, category: str, priority: str) -> None:
    result = understand(text, now=NOW, tz=TZ)
    assert result.intent is Intent.TICKET
    assert (result.fields.ticket_category, result.fields.ticket_priority) == (category, priority)


def test_a_red_flag_makes_an_urgent_medical_ticket() -> None:
    result = understand("I have chest pain since this morning", now=NOW, tz=TZ)
    assert (result.fields.ticket_category, result.fields.ticket_priority) == ("medical_question", "urgent")


def test_booking_carries_no_ticket_fields() -> None:
    result = understand("I'd like to book a check-up", now=NOW, tz=TZ)
    assert (result.fields.ticket_category, result.fields.ticket_priority, result.fields.question) == (
        None,
        None,
        None,
    )


@pytest.mark.parametrize(
    "text", ["Do you accept Medicare?", "¿Dónde están ubicados?", "What time do you open on Saturday?"]
)
def test_question_text_is_kept(text: str) -> None:
    result = understand(text, now=NOW, tz=TZ)
    assert result.intent is Intent.QUESTION
    assert result.fields.question == text


def test_the_example_booking_request() -> None:
    result = understand("Hi, I'd like to see a dermatologist next Tuesday afternoon", now=NOW, tz=TZ)
    assert (result.intent, result.language, result.fields.specialty) == (Intent.BOOK, "en", "dermatology")
    when = result.fields.when
    assert when is not None
    assert (when.start.isoformat(), when.end.isoformat(), when.part_of_day) == (
        "2026-12-08T12:00:00-05:00",
        "2026-12-08T17:00:00-05:00",
        "afternoon",
    )


def test_a_birth_date_is_not_taken_for_a_visit_date() -> None:
    result = understand("Lena Park, 14 Feb 1990", now=NOW, tz=TZ)
    assert result.fields.when is None
    assert (result.fields.name, str(result.fields.birth_date)) == ("Lena Park", "1990-02-14")


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("tomorrow afternoon if possible", "tomorrow afternoon"),
        ("mañana por la mañana", "mañana por la mañana"),
    ],
)
def test_while_identity_is_asked_a_message_without_it_still_says_when(text: str, when: str) -> None:
    result = understand(text, now=NOW, tz=TZ, expecting="identity")
    assert result.fields.when is not None and result.fields.when.text == when
    assert result.fields.birth_date is None and result.intent is Intent.PROVIDE_INFO


@pytest.mark.parametrize("text", ["Ben Cole 3/15/1972", "Pedro Soto, 2 de marzo de 1980", "14 Feb 1990"])
def test_while_identity_is_asked_a_date_is_the_birth_date(text: str) -> None:
    result = understand(text, now=NOW, tz=TZ, expecting="identity")
    assert result.fields.when is None and result.fields.birth_date is not None
