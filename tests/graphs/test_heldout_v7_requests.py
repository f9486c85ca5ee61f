"""Whole turns for the request classes held-out v7 found: an appointment asked for about a ticket's topic
books (the topic is its reason) while a refill asked beside it is still a ticket; a complaint about the
clinic's cancellations is a complaint, not a cancellation; a change of one's own details on file is a
ticket, not the clinic's address; a call asking to renew a prescription is a prescription ticket
whatever the platform's intent, and a call only asking the cancellation notice is answered; "how much
without insurance" and "cash for the copay" find their passages; "a q hora quedó mi cita?" lists it."""

from __future__ import annotations

from typing import Any

import pytest

from agents.understanding import Intent, understand
from api.runtime import Runtime
from graphs.conversation.prefill import caller_text, merge, read_prefill
from graphs.runner import Runner
from tests.graphs.test_flows import tickets_of
from tests.graphs.test_understanding_classes import appointments_of
from tests.graphs.test_voice_turns import call
from tests.instant import NOW, TZ


@pytest.mark.parametrize(
    ("words", "specialty", "reason", "lang"),
    [
        (
            "need to see someone in family med about my cholesterol results, tuesday morning?",
            "family-medicine",
            "my cholesterol results",
            "en",
        ),
        (
            "Buenas tardes. Necesito cita con medicina familiar, tengo q renovar la receta de la presion y el"
            " dr"
            " me dijo q tenia q venir primero. El lunes o el martes en la mañana",
            "family-medicine",
            "renovar la receta de la presion",
            "es",
        ),
        (
            "I'd like an appointment with cardiology next week to go over my lab results",
            "cardiology",
            "lab results",
            "en",
        ),
        (
            "quiero una cita con dermatología la semana que viene para revisar mis resultados",
            "dermatology",
            "resultados",
            "es",
        ),
    ],
)
async def test_an_appointment_asked_for_about_a_topic_books_with_it_as_reason(
    demo: Runtime, patient: Any, register: Any, words: str, specialty: str, reason: str, lang: str
) -> None:
    pat = patient()
    await register(pat.phone, "Iris Tanner", "1961-02-02", language=lang)
    reply = await pat.says(words)
    assert pat.last.state.get("task") == "book" and pat.last.state.get("offered"), reply
    assert "llamado" not in reply and "named" not in reply, reply  # "el dr me dijo" names no doctor "Me"
    assert not await tickets_of(demo, pat.last.conversation_id)
    await pat.says("1")
    assert pat.last.outcome == "booked", pat.last.reply
    [(_, booked)] = await appointments_of(demo, pat.phone)
    assert booked.specialty == specialty
    assert booked.reason is not None and reason in booked.reason


async def test_the_booking_asked_about_a_topic_from_an_unknown_number_asks_who_first(
    demo: Runtime, patient: Any
) -> None:
    pat = patient()
    reply = await pat.says("necesito ver al doctor por mis resultados, el jueves en la tarde")
    assert pat.last.outcome == "none" and "fecha de nacimiento" in reply, reply
    assert not await tickets_of(demo, pat.last.conversation_id)  # nothing for staff: a visit is asked


@pytest.mark.parametrize(
    "words",
    [
        "I need a refill of my inhaler and a cardiology appointment next week",
        "necesito resurtir mi receta del inhalador y una cita con cardiología la semana que viene",
    ],
)
async def test_a_refill_asked_beside_an_appointment_is_still_both(
    demo: Runtime, patient: Any, register: Any, words: str
) -> None:
    pat = patient()
    await register(pat.phone, "Tom Hale", "1971-09-09")
    await pat.says(words)
    assert pat.last.state.get("offered"), pat.last.reply
    [ticket] = await tickets_of(demo, pat.last.conversation_id)
    assert ticket.category.value == "prescription"


@pytest.mark.parametrize(
    ("words", "lang"),
    [
        (
            "Karen Whitfield here (DOB 04/09/1962). I am extremely unhappy. Dr. Becker's office cancelled my"
            " appointment twice with no explanation and the nurse hung up on me. I want this on record.",
            "en",
        ),
        ("me cancelaron la cita dos veces sin avisar y nadie me explicó nada, quiero que conste", "es"),
    ],
)
async def test_a_complaint_about_the_clinics_cancellations_is_a_complaint(
    demo: Runtime, patient: Any, words: str, lang: str
) -> None:
    pat = patient()
    reply = await pat.says(words)
    assert pat.last.outcome == "ticket", reply
    [ticket] = await tickets_of(demo, pat.last.conversation_id)
    assert ticket.category.value == "complaint"


async def test_a_registered_patients_complaint_about_a_cancellation_keeps_their_appointment(
    demo: Runtime, patient: Any, register: Any, book_first: Any
) -> None:
    pat = patient()
    await book_first(await register(pat.phone, "Gus Ward", "1958-05-05"), "cardiology")
    reply = await pat.says("you cancelled my appointment twice without notice, this is unacceptable")
    assert pat.last.outcome == "ticket" and "Please confirm" not in reply, reply
    [ticket] = await tickets_of(demo, pat.last.conversation_id)
    assert ticket.category.value == "complaint"
    assert await appointments_of(demo, pat.phone)


@pytest.mark.parametrize(
    "words",
    [
        "hi, I moved, can you update my address on file? it's now 45 Elm Street, Apt 3B, Springfield MA"
        " 01105",
        "I have a new phone number, please update it: 413 555 0199",
        "quiero actualizar mi dirección, ahora vivo en la calle Olmo 45",
        "cambié de número, el nuevo es 413 555 0199",
    ],
)
async def test_a_change_of_ones_own_details_is_a_ticket_for_staff(
    demo: Runtime, patient: Any, register: Any, words: str
) -> None:
    pat = patient()
    await register(pat.phone, "Lola Mena", "1980-08-08")
    reply = await pat.says(words)
    assert pat.last.outcome == "ticket", reply
    assert "1200 Riverside" not in reply
    [ticket] = await tickets_of(demo, pat.last.conversation_id)
    assert ticket.category.value == "other"


RENEWAL = (
    "Agente: Riverside Health. Paciente: Hola, buenas tardes, le habla Catalina Rivas, nací el veintisiete de"
    " marzo del ochenta y ocho. Eh, llamaba porque necesito que me renueven la receta del lisinopril, de diez"
    " miligramos, para la presión. La farmacia es la de Stop and Shop de Boston Road. Agente: Anotado, le"
    " confirmamos por WhatsApp."
)


async def test_a_call_asking_to_renew_a_prescription_is_a_ticket_whatever_the_platform_said(
    demo: Runtime, runner: Runner, patient: Any
) -> None:
    pat = patient()
    data = {"intent": "general_inquiry", "patient_name": "Catalina Rivas", "language": "es"}
    result = await call(runner, pat.phone, RENEWAL, data)
    assert result.outcome == "ticket", result.reply
    [ticket] = await tickets_of(demo, result.conversation_id)
    assert ticket.category.value == "prescription"


async def test_the_same_renewal_written_on_whatsapp_is_a_prescription_ticket(
    demo: Runtime, patient: Any, register: Any
) -> None:
    pat = patient()
    await register(pat.phone, "Catalina Rivas", "1988-03-27", language="es")
    await pat.says("necesito que me renueven la receta del lisinopril de 10 mg")
    assert pat.last.outcome == "ticket", pat.last.reply
    [ticket] = await tickets_of(demo, pat.last.conversation_id)
    assert ticket.category.value == "prescription"


async def test_a_call_only_asking_the_cancellation_notice_is_answered_not_cancelled(
    demo: Runtime, runner: Runner, patient: Any, register: Any, book_first: Any
) -> None:
    pat = patient()
    await book_first(await register(pat.phone, "Ana Ruiz", "1992-07-21", language="es"), "dermatology")
    result = await call(
        runner,
        pat.phone,
        "Agente: Riverside Health, ¿en qué le puedo ayudar? Paciente: Hola, soy Ana Ruiz. Eh, quería saber"
        " con"
        " cuánto tiempo tengo que cancelar una cita para que no me cobren la multa. Agente: Le respondo por"
        " WhatsApp.",
        {"intent": "cancel_appointment", "patient_name": "Ana Ruiz", "language": "es"},
    )
    assert result.outcome == "answered" and "24" in result.reply, result.reply
    assert await appointments_of(demo, pat.phone)


async def test_a_call_that_cancels_and_asks_the_fee_still_cancels(
    demo: Runtime, runner: Runner, patient: Any, register: Any, book_first: Any
) -> None:
    pat = patient()
    await book_first(await register(pat.phone, "Ana Ruiz", "1992-07-21", language="es"), "dermatology")
    result = await call(
        runner,
        pat.phone,
        "Agente: Riverside Health. Paciente: Hola, necesito cancelar mi cita, ¿me cobran algo? Agente: Le"
        " escribo por WhatsApp.",
        {"intent": "cancel_appointment", "language": "es"},
    )
    assert result.state.get("task") == "cancel", result.reply


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("no tengo seguro medico, cuanto me sale la consulta?", "30%"),
        ("no tengo aseguranza, cuánto cobran?", "30%"),
        ("I don't have insurance, how much is a visit?", "30%"),
        ("aceptan efectivo para el copago el dia de la cita?", "efectivo"),
        ("can I pay my copay in cash?", "cash"),
        ("do you take credit cards?", "cards"),
    ],
)
async def test_paying_without_insurance_or_in_cash_finds_its_passage(
    question: str, answer: str, patient: Any
) -> None:
    someone = patient()
    reply = await someone.says(question)
    assert someone.last.outcome == "answered", reply
    assert answer in reply, reply


@pytest.mark.parametrize(
    ("book", "ask", "lang"),
    [
        ("cita con ortopedia el lunes en la tarde", "me recuerdas a q hora quedo mi cita?", "es"),
        ("orthopedics on monday afternoon please", "what time is my appointment again?", "en"),
        ("orthopedics on monday afternoon please", "when am I booked for?", "en"),
    ],
)
async def test_asking_when_ones_appointment_is_lists_it(
    demo: Runtime, patient: Any, register: Any, book: str, ask: str, lang: str
) -> None:
    pat = patient()
    await register(pat.phone, "Rosa Quintero", "1984-09-09", language=lang)
    await pat.says(book)
    await pat.says("1")
    [(_, booked)] = await appointments_of(demo, pat.phone)
    reply = await pat.says(ask)
    assert pat.last.outcome == "answered", reply
    start = booked.start_at.astimezone(TZ)
    hour = start.strftime("%H:%M") if lang == "es" else start.strftime("%-I:%M %p")
    assert hour in reply, reply
    assert pat.last.state.get("task") != "book"
    assert len(await appointments_of(demo, pat.phone)) == 1  # nothing new booked


def call_intent(transcript: str, data: dict[str, Any]) -> Intent:
    """The intent a call is acted on: the caller's words read, the platform's fields merged."""
    said = understand(caller_text(transcript), now=NOW, tz=TZ)
    return merge(said, read_prefill(data, now=NOW, tz=TZ, language_hint=None), tz=TZ, now=NOW).intent


@pytest.mark.parametrize(
    ("spoken", "platform", "intent"),
    [
        # a request said outright wins over "a question", even when an unrelated word was corrected
        (RENEWAL, "general_inquiry", Intent.TICKET),
        (
            "Caller: Hi, this is Bo Lind, I need a refill of my metformin 500 mg. Agent: Noted.",
            "question",
            Intent.TICKET,
        ),
        # a question about what cancelling or moving costs wins over "cancel" or "reschedule"
        (
            "Paciente: quería saber con cuánto tiempo tengo que cancelar una cita para que no me cobren la"
            " multa."
            " Agente: Le respondo por WhatsApp.",
            "cancel_appointment",
            Intent.QUESTION,
        ),
        (
            "Caller: how much notice do you need if I have to reschedule? Agent: I'll text you.",
            "reschedule_appointment",
            Intent.QUESTION,
        ),
        # near misses: a change asked for stays one; the platform's own reading stands otherwise
        (
            "Paciente: necesito cancelar mi cita, ¿me cobran algo? Agente: Le escribo.",
            "cancel_appointment",
            Intent.CANCEL,
        ),
        (
            "Caller: yeah, I can't make Friday, cancel it please. Agent: OK.",
            "cancel_appointment",
            Intent.CANCEL,
        ),
        (
            "Caller: what time do you open on Saturday? Agent: I'll text you.",
            "cancel_appointment",
            Intent.CANCEL,
        ),
        # a caller who only asked a clinic question outright is answered, whatever topic the platform
        # named (held-out v8: "¿a qué hora abren…?" came as book_appointment); with a visit asked for
        # beside it, or no request in the caller's words, the platform's reading stands
        ("Caller: I'd like to know your hours. Agent: Sure.", "book_appointment", Intent.QUESTION),
        (
            "Caller: I'd like to know your hours, and get my daughter in for a checkup. Agent: Sure.",
            "book_appointment",
            Intent.BOOK,
        ),
        ("Caller: yes, that works, thanks. Agent: Sure.", "book_appointment", Intent.BOOK),
    ],
)
def test_the_callers_own_request_or_policy_question_outranks_the_platforms_intent(
    spoken: str, platform: str, intent: Intent
) -> None:
    transcript = (
        spoken if spoken.startswith("Agente: ") or spoken.startswith("Agent") else f"Agent: Hello. {spoken}"
    )
    assert call_intent(transcript, {"intent": platform}) is intent
