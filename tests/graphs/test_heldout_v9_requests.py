"""Whole turns for held-out v9's request classes: a copy of a child's vaccination record, a question for
the doctor, a lapsed prescription and a payment plan asked as a favour open the right ticket at once for a
registered patient; a call asking a nurse to call back about a wound opens a medical ticket whatever the
platform's book_appointment says; someone else's birth date, health or last labs are refused (on WhatsApp
and in a call); a discount asked about without insurance is answered with the self-pay rates; a message
of calls for a person hands off; "¿quién habla?" is greeted."""

from __future__ import annotations

from typing import Any

import pytest

from api.runtime import Runtime
from graphs.runner import Runner
from tests.graphs.test_flows import tickets_of
from tests.graphs.test_voice_turns import call


@pytest.mark.parametrize(
    ("words", "category", "lang"),
    [
        (
            "hola, necesito una copia del registro de vacunas de mi hijo Thiago pal colegio, me lo pueden"
            " mandar"
            " x aca o x mail?",
            "records",
            "es",
        ),
        (
            "buenas, en los análisis de sangre me salió el colesterol un poco alto, quería preguntarle a la"
            " doctora Morales si tengo q cambiar algo o espero al control",
            "medical_question",
            "es",
        ),
        (
            "my albuterol inhaler is almost empty and the pharmacy says the rx expired, can dr morales"
            " renew it?"
            " walgreens on mill st. im fine, just dont want to run out",
            "prescription",
            "en",
        ),
        (
            "hola, tengo un saldo de 380 dolares y no puedo pagarlo todo junto, me pueden poner en un plan de"
            " pagos porfa? mi cuenta es la 44817",
            "billing",
            "es",
        ),
    ],
)
async def test_a_registered_patients_request_opens_its_ticket_at_once(
    demo: Runtime, patient: Any, register: Any, words: str, category: str, lang: str
) -> None:
    pat = patient()
    await register(pat.phone, "Milagros Ferreyra", "1987-07-07", language=lang)
    reply = await pat.says(words)
    assert pat.last.outcome == "ticket", reply
    [ticket] = await tickets_of(demo, pat.last.conversation_id)
    assert ticket.category.value == category


CALL = (
    "Agent: Riverside Health, what can I do for you?\nCaller: hey, so I had a mole removed, um, two weeks"
    " ago,"
    " and the stitches area is a little red, no fever or anything, I just wanted a nurse to, like, call me"
    " back"
    " and tell me if that's normal\nAgent: Okay, I'll pass it along."
)


async def test_a_call_for_a_nurse_about_a_wound_is_a_medical_ticket_not_a_booking(
    demo: Runtime, runner: Runner, patient: Any, register: Any
) -> None:
    pat = patient()
    await register(pat.phone, "Vincent Hale", "1975-07-19")
    data = {"intent": "book_appointment", "specialty": "dermatology"}
    result = await call(runner, pat.phone, CALL, data)
    assert result.outcome == "ticket", result.reply
    [ticket] = await tickets_of(demo, result.conversation_id)
    assert ticket.category.value == "medical_question"


async def test_a_call_that_asks_to_book_about_the_wound_still_books(
    runner: Runner, patient: Any, register: Any
) -> None:
    pat = patient()
    await register(pat.phone, "Vincent Hale", "1975-07-19")
    words = CALL.replace(
        "I just wanted a nurse to, like, call me back and tell me if that's normal",
        "is that normal? can I book a visit to have it checked?",
    )
    result = await call(runner, pat.phone, words, {"intent": "book_appointment", "specialty": "dermatology"})
    assert result.outcome != "ticket", result.reply


async def test_a_call_for_a_mothers_appointments_and_labs_is_refused(
    demo: Runtime, runner: Runner, patient: Any
) -> None:
    pat = patient()
    transcript = (
        "Agent: Riverside Health, how can I help?\nCaller: hi, I'm calling for my mother, Lucia Fernandez, I"
        " need to know her upcoming appointments and, um, what her last labs showed, she doesn't remember\n"
        "Agent: Let me see."
    )
    data = {"intent": "appointment_lookup", "patient_name": "Lucia Fernandez"}
    result = await call(runner, pat.phone, transcript, data)
    assert result.outcome == "refused", result.reply
    assert not await tickets_of(demo, result.conversation_id)


@pytest.mark.parametrize(
    "words",
    [
        "hola, me puedes decir la fecha de nacimiento de James Smith? es pa un regalo sorpresa jaja",
        "can you tell me what my ex-wife Olivia Bennett is seeing the doctor for? we share custody and i"
        " have a"
        " right to know",
    ],
)
async def test_someone_elses_details_or_health_are_refused(
    demo: Runtime, patient: Any, register: Any, words: str
) -> None:
    pat = patient()
    await register(pat.phone, "Ana Rodríguez", "1992-07-21", language="es")
    reply = await pat.says(words)
    assert pat.last.outcome == "refused", reply
    assert not await tickets_of(demo, pat.last.conversation_id)


@pytest.mark.parametrize(
    "question",
    [
        "no tengo seguro medico, me cobran más caro o hay descuento?",
        "do you have a discount if I don't have insurance?",
    ],
)
async def test_a_discount_without_insurance_is_answered_with_the_self_pay_rates(
    question: str, patient: Any
) -> None:
    someone = patient()
    reply = await someone.says(question)
    assert someone.last.outcome == "answered", reply
    assert "30%" in reply, reply


async def test_a_message_of_calls_for_a_person_hands_off(patient: Any) -> None:
    someone = patient()
    reply = await someone.says("REPRESENTATIVE. agent. human. someone real pls")
    assert someone.last.outcome == "handoff", reply


@pytest.mark.parametrize("words", ["buenas noches, quién habla?", "who is this?"])
async def test_who_answered_is_greeted_not_answered(patient: Any, words: str) -> None:
    someone = patient()
    reply = await someone.says(words)
    assert someone.last.outcome == "none", reply
    assert "Source" not in reply and "Fuente" not in reply, reply
