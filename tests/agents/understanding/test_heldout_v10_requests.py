"""Held-out v10: requests that ended as nothing. A question put to the clinician through the clinic
("Dr Raman started me on … Can she let me know if I should keep taking it?", "¿le pueden preguntar a
la doctora?") was a booking; "necesito más pastillas de la presión, losartan 50 mg" was a thank-you;
"can someone from billing call me back?" about a bill was a hand-off. Each is now the ticket staff act
on; a clinician's availability, a visit wished, and a person asked for stay what they were."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import Intent, understand

TZ = ZoneInfo("America/New_York")
NOW = datetime(2027, 12, 2, 9, 10, tzinfo=TZ)


def _read(text: str):  # type: ignore[no-untyped-def]
    return understand(text, now=NOW, tz=TZ)


@pytest.mark.parametrize(
    "text",
    [
        "Dr Raman started me on a new blood pressure pill last week and I've been a bit dizzy in the"
        " mornings. Not terrible, no chest pain or anything like that. Can she let me know if I should keep"
        " taking it?",
        "could dr lee tell me whether I should double the dose?",
        "can the nurse let me know if I should stop the cream?",
        "would my doctor please get back to me about whether to keep the inhaler?",
        "hola, la dermatóloga me dio una crema para las manchas y me está picando un poco la piel. puedo"
        " seguir usándola? le pueden preguntar a la doctora?",
        "le pueden preguntar a la doctora?",
        "¿le podrían consultar al médico si puedo tomar ibuprofeno?",
        "pueden decirle a la doctora que me diga si sigo con la pastilla",
    ],
)
def test_a_question_for_the_clinician_is_a_medical_question(text: str) -> None:
    u = _read(text)
    assert (u.intent, u.fields.ticket_category) == (Intent.TICKET, "medical_question"), text


@pytest.mark.parametrize(
    "text",
    [
        "can she let me know if she has openings thursday?",
        "le pueden preguntar a la doctora si tiene citas el lunes?",
        "necesito cita con la dermatóloga, le pueden preguntar a la doctora si me ve el lunes?",
        "can you ask dr lee if she can see me friday?",
        "que me diga si hay turnos el lunes",
    ],
)
def test_a_clinicians_availability_is_no_medical_question(text: str) -> None:
    assert _read(text).fields.ticket_category != "medical_question", text


@pytest.mark.parametrize(
    "text",
    [
        "buenos dias necesito mas pastillas de la presion, losartan 50 mg, en la farmacia cvs de mill street."
        " gracias",
        "necesito más pastillas de la presión",
        "I need more tablets of my metformin, cvs on main st. thanks",
        "need more pills for my blood pressure please",
        "ocupo más pastillas de la tiroides",
    ],
)
def test_more_of_ones_medicine_asked_for_is_a_prescription(text: str) -> None:
    u = _read(text)
    assert (u.intent, u.fields.ticket_category) == (Intent.TICKET, "prescription"), text


@pytest.mark.parametrize(
    "text",
    ["no quiero tomar mas pastillas, gracias", "quiero mas informacion de las pastillas", "thanks, see you"],
)
def test_pills_not_asked_for_are_no_prescription(text: str) -> None:
    assert _read(text).fields.ticket_category != "prescription", text


@pytest.mark.parametrize(
    "text",
    [
        "I got a bill for $240 for my February visit, it should have been covered. can someone from billing"
        " call me back?",
        "alguien de facturación me puede llamar? me cobraron dos veces",
        "I got charged twice for my visit last month, can someone from billing call me back?",
    ],
)
def test_billing_asked_to_call_back_about_a_bill_is_a_billing_ticket(text: str) -> None:
    u = _read(text)
    assert (u.intent, u.fields.ticket_category) == (Intent.TICKET, "billing"), text


@pytest.mark.parametrize(
    "text",
    ["can I talk to someone in billing?", "I want to speak to a person", "can a real person call me back?"],
)
def test_a_person_asked_for_is_still_a_hand_off(text: str) -> None:
    assert _read(text).intent is Intent.HANDOFF, text
