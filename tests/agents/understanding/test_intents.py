"""Intents in English and Spanish, with typos, and short replies read in the light of `expecting`."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import Expecting, Intent, understand

TZ = ZoneInfo("America/New_York")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=TZ)

ENGLISH: list[tuple[str, Expecting | None, Intent]] = [
    ("I'd like to book an appointment", None, Intent.BOOK),
    ("Can I schedule a check-up?", None, Intent.BOOK),
    ("I need to see a cardiologist", None, Intent.BOOK),
    ("my son has a fever", None, Intent.BOOK),
    ("I want to reschedule my appointment", None, Intent.RESCHEDULE),
    ("can we move it to Friday?", None, Intent.RESCHEDULE),
    ("I need to cancel my appointment", None, Intent.CANCEL),
    ("please cancel", None, Intent.CANCEL),
    ("I can't make it tomorrow", None, Intent.CANCEL),
    ("when is my appointment?", None, Intent.LIST_APPOINTMENTS),
    ("do I have any appointments?", None, Intent.LIST_APPOINTMENTS),
    ("What are your opening hours?", None, Intent.QUESTION),
    ("Do you accept Medicare?", None, Intent.QUESTION),
    ("Is there parking?", None, Intent.QUESTION),
    ("Do I need to fast before my blood test?", None, Intent.QUESTION),
    ("Do you offer telehealth visits?", None, Intent.QUESTION),
    ("How do I get a refill?", None, Intent.QUESTION),
    ("What's your cancellation policy?", None, Intent.QUESTION),
    ("I need a refill of my lisinopril", None, Intent.TICKET),
    ("I have a problem with my bill", None, Intent.TICKET),
    ("I want a copy of my medical records", None, Intent.TICKET),
    ("I want to file a complaint, the receptionist was rude", None, Intent.TICKET),
    ("Is it safe to take ibuprofen with my medication?", None, Intent.TICKET),
    ("talk to a human please", None, Intent.HANDOFF),
    ("can I speak with a real person", None, Intent.HANDOFF),
    ("agent", None, Intent.HANDOFF),
    ("STOP", None, Intent.OPT_OUT),
    ("Unsubscribe", None, Intent.OPT_OUT),
    ("START", None, Intent.OPT_IN),
    ("hello", None, Intent.GREETING),
    ("good morning", None, Intent.GREETING),
    ("thank you so much", None, Intent.THANKS),
    ("next Tuesday afternoon", None, Intent.PROVIDE_INFO),
    ("the first one", None, Intent.CHOOSE),
    ("asdfgh", None, Intent.UNKNOWN),
]
SPANISH: list[tuple[str, Expecting | None, Intent]] = [
    ("Quiero pedir una cita", None, Intent.BOOK),
    ("necesito un turno con el dermatólogo", None, Intent.BOOK),
    ("quiero agendar una consulta", None, Intent.BOOK),
    ("me duele la rodilla", None, Intent.BOOK),
    ("quiero cambiar mi cita", None, Intent.RESCHEDULE),
    ("necesito reprogramar la cita del martes", None, Intent.RESCHEDULE),
    ("quiero cancelar mi cita", None, Intent.CANCEL),
    ("anular la cita por favor", None, Intent.CANCEL),
    ("¿cuándo es mi cita?", None, Intent.LIST_APPOINTMENTS),
    ("mis citas", None, Intent.LIST_APPOINTMENTS),
    ("¿Cuál es el horario?", None, Intent.QUESTION),
    ("¿Dónde puedo estacionar?", None, Intent.QUESTION),
    ("¿Aceptan seguro Medicaid?", None, Intent.QUESTION),
    ("necesito renovar mi receta", None, Intent.TICKET),
    ("me cobraron dos veces", None, Intent.TICKET),
    ("quiero poner una queja", None, Intent.TICKET),
    ("¿es normal tener fiebre después de la vacuna?", None, Intent.TICKET),
    ("quiero hablar con alguien", None, Intent.HANDOFF),
    ("hablar con una persona", None, Intent.HANDOFF),
    ("BAJA", None, Intent.OPT_OUT),
    ("ALTA", None, Intent.OPT_IN),
    ("hola", None, Intent.GREETING),
    ("buenos días", None, Intent.GREETING),
    ("muchas gracias", None, Intent.THANKS),
]
EXPECTING: list[tuple[str, Expecting | None, Intent]] = [
    ("yes", "confirm", Intent.AFFIRM),
    ("yes please", "confirm", Intent.AFFIRM),
    ("sounds good", "confirm", Intent.AFFIRM),
    ("ok", "confirm", Intent.AFFIRM),
    ("yes, cancel it", "confirm", Intent.AFFIRM),
    ("no", "confirm", Intent.DENY),
    ("nope", "confirm", Intent.DENY),
    ("no, I meant Wednesday", "confirm", Intent.DENY),
    ("sí", "confirm", Intent.AFFIRM),
    ("dale", "confirm", Intent.AFFIRM),
    ("de acuerdo", "confirm", Intent.AFFIRM),
    ("vale", "confirm", Intent.AFFIRM),
    ("no gracias", "confirm", Intent.DENY),
    ("talk to a person", "confirm", Intent.HANDOFF),
    ("the first one", "choice", Intent.CHOOSE),
    ("2", "choice", Intent.CHOOSE),
    ("#3", "choice", Intent.CHOOSE),
    ("the 10:30", "choice", Intent.CHOOSE),
    ("Tuesday's", "choice", Intent.CHOOSE),
    ("la primera", "choice", Intent.CHOOSE),
    ("el segundo", "choice", Intent.CHOOSE),
    ("el del martes", "choice", Intent.CHOOSE),
    ("a las 3", "choice", Intent.CHOOSE),
    ("none of those", "choice", Intent.DENY),
    ("ninguno", "choice", Intent.DENY),
    ("do you have anything next week instead?", "choice", Intent.PROVIDE_INFO),
    ("Lena Park, 14 Feb 1990", "identity", Intent.PROVIDE_INFO),
    ("Ana Rodríguez, 21/07/1992", "identity", Intent.PROVIDE_INFO),
    ("me llamo Ana Rodríguez", "identity", Intent.PROVIDE_INFO),
    ("cancel", "identity", Intent.CANCEL),
    ("dermatology", "specialty", Intent.PROVIDE_INFO),
    ("pediatría", "specialty", Intent.PROVIDE_INFO),
    ("next Tuesday afternoon", "when", Intent.PROVIDE_INFO),
    ("mañana por la tarde", "when", Intent.PROVIDE_INFO),
    ("rash on my arm", "reason", Intent.PROVIDE_INFO),
    ("me duele la rodilla", "reason", Intent.PROVIDE_INFO),
    ("No allergies", "intake_answer", Intent.PROVIDE_INFO),
    ("Penicilina", "intake_answer", Intent.PROVIDE_INFO),
    ("I was charged twice for the same visit", "ticket_details", Intent.PROVIDE_INFO),
    ("STOP", "choice", Intent.OPT_OUT),
]
TYPOS: list[tuple[str, Expecting | None, Intent]] = [
    ("I need to cancell my apointment", None, Intent.CANCEL),
    ("can I reschedual?", None, Intent.RESCHEDULE),
    ("i want to book an apointment", None, Intent.BOOK),
    ("dermatolgist please", None, Intent.BOOK),
    ("quiero reprogramr mi cita", None, Intent.RESCHEDULE),
    ("cancelr mi cita", None, Intent.CANCEL),
    ("my apointments", None, Intent.LIST_APPOINTMENTS),
    # real words are never "corrected" into keywords ("killing" is not "billing")
    ("my shoulder has been killing me, need to be seen", None, Intent.BOOK),
]
MORE: list[tuple[str, Expecting | None, Intent]] = [
    ("Can I come Thursday instead of Tuesday?", None, Intent.RESCHEDULE),
    ("can I switch my appointment to Friday?", None, Intent.RESCHEDULE),
    ("¿Se puede pasar mi cita a la tarde?", None, Intent.RESCHEDULE),
    ("Can you tell me when my appointment is?", None, Intent.LIST_APPOINTMENTS),
    ("¿Qué citas tengo?", None, Intent.LIST_APPOINTMENTS),
    ("How early should I arrive for my appointment?", None, Intent.QUESTION),
    ("¿Hacen consultas por video?", None, Intent.QUESTION),
    ("I was billed for a visit I never had", None, Intent.TICKET),
    ("I'm almost out of my insulin", None, Intent.TICKET),
    ("get me a human", None, Intent.HANDOFF),
    ("Can a nurse call me?", None, Intent.HANDOFF),
    ("connect me to the front desk", None, Intent.HANDOFF),
    ("Me pueden comunicar con una persona?", None, Intent.HANDOFF),
    ("STOP ALL", None, Intent.OPT_OUT),
    ("no me manden más mensajes", None, Intent.OPT_OUT),
    ("hola qué tal", None, Intent.GREETING),
    ("ok gracias, hasta luego", None, Intent.THANKS),
    ("Actually no", "confirm", Intent.DENY),
    ("Claro que sí", "confirm", Intent.AFFIRM),
    ("Yes that's correct", "confirm", Intent.AFFIRM),
    ("none of these work", "choice", Intent.DENY),
    ("do you have anything later in the day?", "choice", Intent.PROVIDE_INFO),
    ("a la mañana si puede ser", "when", Intent.PROVIDE_INFO),
    ("as early as possible", "when", Intent.PROVIDE_INFO),
]


@pytest.mark.parametrize(("text", "expecting", "intent"), ENGLISH + SPANISH + EXPECTING + TYPOS + MORE)
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
