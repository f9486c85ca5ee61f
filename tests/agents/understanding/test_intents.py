"""Intents in English and Spanish, with typos, and short replies read in the light of `expecting`."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import Expecting, Intent, understand

TZ = ZoneInfo("America/New_York")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=TZ)

I = Intent
ENGLISH: list[tuple[str, Expecting | None, Intent]] = [
    ("I'd like to book an appointment", None, I.BOOK),
    ("Can I schedule a check-up?", None, I.BOOK),
    ("I need to see a cardiologist", None, I.BOOK),
    ("my son has a fever", None, I.BOOK),
    ("I want to reschedule my appointment", None, I.RESCHEDULE),
    ("can we move it to Friday?", None, I.RESCHEDULE),
    ("I need to cancel my appointment", None, I.CANCEL),
    ("please cancel", None, I.CANCEL),
    ("I can't make it tomorrow", None, I.CANCEL),
    ("when is my appointment?", None, I.LIST_APPOINTMENTS),
    ("do I have any appointments?", None, I.LIST_APPOINTMENTS),
    ("What are your opening hours?", None, I.QUESTION),
    ("Do you accept Medicare?", None, I.QUESTION),
    ("Is there parking?", None, I.QUESTION),
    ("Do I need to fast before my blood test?", None, I.QUESTION),
    ("Do you offer telehealth visits?", None, I.QUESTION),
    ("How do I get a refill?", None, I.QUESTION),
    ("What's your cancellation policy?", None, I.QUESTION),
    ("I need a refill of my lisinopril", None, I.TICKET),
    ("I have a problem with my bill", None, I.TICKET),
    ("I want a copy of my medical records", None, I.TICKET),
    ("I want to file a complaint, the receptionist was rude", None, I.TICKET),
    ("Is it safe to take ibuprofen with my medication?", None, I.TICKET),
    ("talk to a human please", None, I.HANDOFF),
    ("can I speak with a real person", None, I.HANDOFF),
    ("agent", None, I.HANDOFF),
    ("STOP", None, I.OPT_OUT),
    ("Unsubscribe", None, I.OPT_OUT),
    ("START", None, I.OPT_IN),
    ("hello", None, I.GREETING),
    ("good morning", None, I.GREETING),
    ("thank you so much", None, I.THANKS),
    ("next Tuesday afternoon", None, I.PROVIDE_INFO),
    ("the first one", None, I.CHOOSE),
    ("asdfgh", None, I.UNKNOWN),
]
SPANISH: list[tuple[str, Expecting | None, Intent]] = [
    ("Quiero pedir una cita", None, I.BOOK),
    ("necesito un turno con el dermatólogo", None, I.BOOK),
    ("quiero agendar una consulta", None, I.BOOK),
    ("me duele la rodilla", None, I.BOOK),
    ("quiero cambiar mi cita", None, I.RESCHEDULE),
    ("necesito reprogramar la cita del martes", None, I.RESCHEDULE),
    ("quiero cancelar mi cita", None, I.CANCEL),
    ("anular la cita por favor", None, I.CANCEL),
    ("¿cuándo es mi cita?", None, I.LIST_APPOINTMENTS),
    ("mis citas", None, I.LIST_APPOINTMENTS),
    ("¿Cuál es el horario?", None, I.QUESTION),
    ("¿Dónde puedo estacionar?", None, I.QUESTION),
    ("¿Aceptan seguro Medicaid?", None, I.QUESTION),
    ("necesito renovar mi receta", None, I.TICKET),
    ("me cobraron dos veces", None, I.TICKET),
    ("quiero poner una queja", None, I.TICKET),
    ("¿es normal tener fiebre después de la vacuna?", None, I.TICKET),
    ("quiero hablar con alguien", None, I.HANDOFF),
    ("hablar con una persona", None, I.HANDOFF),
    ("BAJA", None, I.OPT_OUT),
    ("ALTA", None, I.OPT_IN),
    ("hola", None, I.GREETING),
    ("buenos días", None, I.GREETING),
    ("muchas gracias", None, I.THANKS),
]
EXPECTING: list[tuple[str, Expecting | None, Intent]] = [
    ("yes", "confirm", I.AFFIRM),
    ("yes please", "confirm", I.AFFIRM),
    ("sounds good", "confirm", I.AFFIRM),
    ("ok", "confirm", I.AFFIRM),
    ("yes, cancel it", "confirm", I.AFFIRM),
    ("no", "confirm", I.DENY),
    ("nope", "confirm", I.DENY),
    ("no, I meant Wednesday", "confirm", I.DENY),
    ("sí", "confirm", I.AFFIRM),
    ("dale", "confirm", I.AFFIRM),
    ("de acuerdo", "confirm", I.AFFIRM),
    ("vale", "confirm", I.AFFIRM),
    ("no gracias", "confirm", I.DENY),
    ("talk to a person", "confirm", I.HANDOFF),
    ("the first one", "choice", I.CHOOSE),
    ("2", "choice", I.CHOOSE),
    ("#3", "choice", I.CHOOSE),
    ("the 10:30", "choice", I.CHOOSE),
    ("Tuesday's", "choice", I.CHOOSE),
    ("la primera", "choice", I.CHOOSE),
    ("el segundo", "choice", I.CHOOSE),
    ("el del martes", "choice", I.CHOOSE),
    ("a las 3", "choice", I.CHOOSE),
    ("none of those", "choice", I.DENY),
    ("ninguno", "choice", I.DENY),
    ("do you have anything next week instead?", "choice", I.PROVIDE_INFO),
    ("Lena Park, 14 Feb 1990", "identity", I.PROVIDE_INFO),
    ("Ana Rodríguez, 21/07/1992", "identity", I.PROVIDE_INFO),
    ("me llamo Ana Rodríguez", "identity", I.PROVIDE_INFO),
    ("cancel", "identity", I.CANCEL),
    ("dermatology", "specialty", I.PROVIDE_INFO),
    ("pediatría", "specialty", I.PROVIDE_INFO),
    ("next Tuesday afternoon", "when", I.PROVIDE_INFO),
    ("mañana por la tarde", "when", I.PROVIDE_INFO),
    ("rash on my arm", "reason", I.PROVIDE_INFO),
    ("me duele la rodilla", "reason", I.PROVIDE_INFO),
    ("No allergies", "intake_answer", I.PROVIDE_INFO),
    ("Penicilina", "intake_answer", I.PROVIDE_INFO),
    ("I was charged twice for the same visit", "ticket_details", I.PROVIDE_INFO),
    ("STOP", "choice", I.OPT_OUT),
]
TYPOS: list[tuple[str, Expecting | None, Intent]] = [
    ("I need to cancell my apointment", None, I.CANCEL),
    ("can I reschedual?", None, I.RESCHEDULE),
    ("i want to book an apointment", None, I.BOOK),
    ("dermatolgist please", None, I.BOOK),
    ("quiero reprogramr mi cita", None, I.RESCHEDULE),
    ("cancelr mi cita", None, I.CANCEL),
    ("my apointments", None, I.LIST_APPOINTMENTS),
]


@pytest.mark.parametrize(("text", "expecting", "intent"), ENGLISH + SPANISH + EXPECTING + TYPOS)
def test_intent(text: str, expecting: Expecting | None, intent: Intent) -> None:
    assert understand(text, now=NOW, tz=TZ, expecting=expecting).intent is intent


def test_typos_lower_confidence_and_unknown_is_lowest() -> None:
    exact = understand("I need to cancel my appointment", now=NOW, tz=TZ)
    typo = understand("I need to cancell my apointment", now=NOW, tz=TZ)
    unknown = understand("asdfgh", now=NOW, tz=TZ)
    assert exact.confidence > typo.confidence > unknown.confidence


def test_an_empty_message_is_unknown() -> None:
    result = understand("   ", now=NOW, tz=TZ, expecting="reason")
    assert (result.intent, result.text, result.confidence) == (Intent.UNKNOWN, "", 0.2)


def test_understanding_is_deterministic() -> None:
    text = "Hola, necesito ver al dermatólogo el lunes 14 por la mañana"
    assert understand(text, now=NOW, tz=TZ) == understand(text, now=NOW, tz=TZ)
