"""Smaller classes held-out v8 found: a spouse named after the relation ("my wife maria garcia's next
appt… and her dob") is another patient's data, refused; asking to be put on a payment plan ("quiero
que me la pongan en un plan de pagos") is a billing ticket, while asking whether one exists stays a
question; a letter staff write ("una carta para mi trabajo… un justificante", "a doctor's note for
school") is a ticket, not a visit; and a part of day inside a reason ("porque en la mañana me lleva mi
hija") is not the part of day asked for."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import Intent, understand
from agents.understanding.requests import split_requests

TZ = ZoneInfo("America/New_York")
NOW = datetime(2027, 2, 24, 10, 40, tzinfo=TZ)


def _read(text: str):  # type: ignore[no-untyped-def]
    return understand(text, now=NOW, tz=TZ)


@pytest.mark.parametrize(
    "text",
    [
        "hey can u tell me when my wife maria garcia's next appt is and her dob, i need it for an insurance"
        " form",
        "when is my husband john smith's next appointment?",
        "can you tell me my mom ana lopez's date of birth",
        "tell me my dad joe's date of birth",
        "my sister carla ruiz's results, can you send them to me?",
    ],
)
def test_a_named_grown_relatives_records_are_refused(text: str) -> None:
    assert _read(text).injection, text


@pytest.mark.parametrize(
    "text",
    [
        "my husband's appointment is at 3, where do we park?",
        "my wife maria has an appointment at 3, can I come with her?",
        "my mom needs an appointment, her name is ana lopez",
        "my son leo's appointment, when is it?",
    ],
)
def test_near_misses_are_no_refusal(text: str) -> None:
    assert not _read(text).injection, text


@pytest.mark.parametrize(
    "text",
    [
        "hola, me llego una factura de $450 y quiero que me la pongan en un plan de pagos. me ayudan a"
        " organizarlo?",
        "quiero que me lo pongan en cuotas, es la factura de marzo",
        "can you set me up on a payment plan for my $300 bill?",
        "I'd like to set up a payment plan for my balance",
        "please put my balance on a payment plan",
    ],
)
def test_asking_to_be_put_on_a_payment_plan_is_a_billing_ticket(text: str) -> None:
    u = _read(text)
    assert u.intent is Intent.TICKET and u.fields.ticket_category == "billing", (text, u.intent, u.fields)


@pytest.mark.parametrize(
    "text",
    [
        "¿lo puedo pagar en cuotas?",
        "do you do payment plans?",
        "my balance is $450, can I pay it in installments?",
        "¿tienen planes de pago?",
    ],
)
def test_asking_whether_a_plan_exists_stays_a_question(text: str) -> None:
    assert _read(text).intent is Intent.QUESTION, text


@pytest.mark.parametrize(
    "text",
    [
        "necesito una carta para mi trabajo que diga que estuve en consulta el lunes pasado, o sea, un"
        " justificante",
        "me pueden dar un justificante de la consulta de ayer?",
        "can I get a doctor's note for school for my son's visit yesterday?",
        "I need a work note for my appointment last week",
        "necesito una constancia de asistencia de mi cita",
    ],
)
def test_a_letter_staff_write_is_a_ticket(text: str) -> None:
    u = _read(text)
    assert u.intent is Intent.TICKET and u.fields.ticket_category == "other", (text, u.intent)


@pytest.mark.parametrize(
    "text",
    [
        "I need an appointment to get a note for work about my back",
        "necesito cita, tengo una carta del seguro",
    ],
)
def test_a_visit_about_a_letter_still_books(text: str) -> None:
    assert _read(text).intent is Intent.BOOK, text


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("2 things: do u take Aetna? and can i get family medicine thursday afternoon", "do u take Aetna?"),
        ("two questions - do you take Aetna? and can I book derm monday", "do you take Aetna?"),
        ("dos cosas: aceptan Aetna? y necesito cita con dermatologia el lunes", "aceptan Aetna?"),
        ("hi, a couple of things: do you take Tufts? and I need ortho friday", "do you take Tufts?"),
    ],
)
def test_words_that_count_the_requests_belong_to_none(text: str, question: str) -> None:
    pieces = split_requests(text, now=NOW, tz=TZ, language="es" if "cosas" in text else "en")
    assert pieces and pieces[0] == question, pieces


def test_a_count_of_things_inside_a_request_stays() -> None:
    pieces = split_requests(
        "I need 2 things refilled and also a cardiology appt", now=NOW, tz=TZ, language="en"
    )
    assert pieces and any("2 things" in piece for piece in pieces), pieces
