"""Questions are not requests (issue #20 item 5): asking what cancelling costs is not cancelling,
asking whether a visit can be by video is not booking, asking about coffee before a blood test is
not a medical question for a clinician. And a real request phrased around them still is one."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import Intent, Language, understand

TZ = ZoneInfo("America/New_York")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=TZ)  # a Tuesday


def intent_of(text: str, language: Language) -> Intent:
    return understand(text, now=NOW, tz=TZ, language_hint=language).intent


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("what happens if I cancel on the day — is there a fee?", "en"),
        ("is there a fee if i cancel tomorrow's appointment?", "en"),
        ("do you charge if I miss my appointment", "en"),
        ("how late can I cancel without paying?", "en"),
        ("how much notice do i need to give to reschedule", "en"),
        ("if i reschedule do i lose my spot?", "en"),
        ("what if i can't make it, will i be charged?", "en"),
        ("Can I reschedule online or do I have to call?", "en"),
        ("whats ur cancellation policy", "en"),
        ("is there a no show fee", "en"),
        ("¿qué pasa si cancelo el mismo día? ¿me cobran?", "es"),
        ("que pasa si no llego a la cita", "es"),
        ("si cancelo mañana hay algun cargo?", "es"),
        ("¿con cuánta anticipación tengo que cancelar?", "es"),
        ("cual es la politica de cancelacion", "es"),
        ("si no llego a la cita me cobran algo?", "es"),
        ("puedo cancelar por internet o tengo que llamar?", "es"),
    ],
)
def test_a_question_about_cancelling_is_a_question(text: str, language: Language) -> None:
    assert intent_of(text, language) is Intent.QUESTION


@pytest.mark.parametrize(
    ("text", "language", "intent"),
    [
        ("I need to cancel my appointment, is there a fee?", "en", Intent.CANCEL),
        ("please cancel my appointment tomorrow", "en", Intent.CANCEL),
        ("cancel my appt", "en", Intent.CANCEL),
        ("necesito cancelar mi cita del jueves, me cobran?", "es", Intent.CANCEL),
        ("can you move my friday appointment to next monday?", "en", Intent.RESCHEDULE),
        ("I booked for tuesday but I'd like wednesday instead", "en", Intent.RESCHEDULE),
        ("quiero cambiar la cita del martes para el jueves", "es", Intent.RESCHEDULE),
        ("¿la puedes pasar al viernes?", "es", Intent.RESCHEDULE),
        ("¿la pueden cambiar para la otra semana?", "es", Intent.RESCHEDULE),
        ("can I book a video visit tomorrow?", "en", Intent.BOOK),
        ("i need to bring my baby in for her shots, friday morning?", "en", Intent.BOOK),
        ("oye, mi niña tiene fiebre, ¿podemos ir mañana?", "es", Intent.BOOK),
    ],
)
def test_a_request_with_a_question_attached_is_still_the_request(
    text: str, language: Language, intent: Intent
) -> None:
    assert intent_of(text, language) is intent


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("can I do my follow-up by video?", "en"),
        ("can I do my follow-up appointment by video?", "en"),
        ("could my next visit be over video?", "en"),
        ("¿puedo hacer la consulta por videollamada?", "es"),
        ("¿se puede hacer el seguimiento por video?", "es"),
        ("¿la consulta con el dermatólogo la cubre el seguro?", "es"),
        ("is a cardiology visit covered by medicare?", "en"),
        ("¿ponen vacunas sin cita?", "es"),
        ("can i get a flu shot without an appointment?", "en"),
        ("¿hablan español?", "es"),
    ],
)
def test_a_question_about_how_a_visit_works_is_a_question(text: str, language: Language) -> None:
    assert intent_of(text, language) is Intent.QUESTION


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I have a blood test tomorrow, do I need to fast? can I still have a coffee?", "en"),
        ("can i drink water before my blood work", "en"),
        ("can I eat breakfast before the lab test?", "en"),
        ("puedo tomar cafe antes del analisis de sangre?", "es"),
        ("¿puedo desayunar antes del examen de sangre?", "es"),
    ],
)
def test_eating_before_a_blood_test_is_a_clinic_question(text: str, language: Language) -> None:
    u = understand(text, now=NOW, tz=TZ, language_hint=language)
    assert u.intent is Intent.QUESTION and u.fields.ticket_category is None


@pytest.mark.parametrize(
    "text", ["can i take ibuprofen with my blood pressure meds?", "¿puedo tomar ibuprofeno con mi medicina?"]
)
def test_a_question_about_medicines_still_goes_to_a_clinician(text: str) -> None:
    assert understand(text, now=NOW, tz=TZ).fields.ticket_category == "medical_question"


@pytest.mark.parametrize(
    ("text", "language", "day"),
    [
        ("tengo cita el viernes pero no puedo, ¿la podemos pasar al lunes?", "es", date(2026, 12, 7)),
        ("can you move my friday appointment to next monday?", "en", date(2026, 12, 7)),
        ("I booked for tuesday but I'd like wednesday instead", "en", date(2026, 12, 2)),
        ("move it from thursday to friday please", "en", date(2026, 12, 4)),
        ("cámbiame la cita del lunes al miércoles", "es", date(2026, 12, 2)),
    ],
)
def test_a_move_searches_the_day_moved_to(text: str, language: Language, day: date) -> None:
    when = understand(text, now=NOW, tz=TZ, language_hint=language).fields.when
    assert when is not None and when.start.date() == day == (when.end - timedelta(minutes=1)).date()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("¿necesito cita para la vacuna de la gripe?", "es"),
        ("¿hace falta pedir cita para el análisis de sangre?", "es"),
        ("do I need an appointment for a flu shot?", "en"),
    ],
)
def test_whether_an_appointment_is_needed_is_a_question(text: str, language: Language) -> None:
    assert intent_of(text, language) is Intent.QUESTION
