"""Whole turns for the classes of identity and privacy the fifth held-out set found: a caller who books
for their child is not the patient even when the platform's `patient_name` is the caller's, and a
grown-up named and placed ("Olivia Bennett is my aunt", "I'm Robert Hayes's son") whose visit is asked
about is refused without a word about it."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from api.runtime import Runtime
from graphs.runner import Runner
from store.conversations.models import Channel
from store.patients.models import Patient
from tests.graphs.conftest import new_phone
from tests.graphs.test_voice_turns import appointments_of, call
from tests.instant import NOW, TZ

WEDNESDAY = (NOW + timedelta(days=(2 - NOW.weekday()) % 7 or 7)).date()


async def patients_on(demo: Runtime, phone: str) -> list[Patient]:
    async with demo.sessions() as session:
        return list(await session.scalars(select(Patient).where(Patient.phone == phone)))


@pytest.mark.calendar
async def test_a_father_booking_his_son_by_voice_registers_and_books_the_son(
    demo: Runtime, runner: Runner
) -> None:
    phone = new_phone()
    result = await call(
        runner,
        phone,
        "Agent: Riverside Health, good morning. Caller: Hi, I'm Barnaby Voss, I'm calling to book for my "
        "son, "
        "not for me. His name is Felix, F-E-L-I-X, Voss, V-O-S-S, born March third, twenty-nineteen. He "
        "needs "
        "pediatrics, Wednesday afternoon if you can. Agent: I'll send the options by WhatsApp.",
        {"intent": "book_appointment", "specialty": "pediatrics", "preferred_date": WEDNESDAY.isoformat(),
         "preferred_time": "afternoon", "patient_name": "Barnaby Voss", "date_of_birth": "2019-03-03"},
    )  # fmt: skip
    assert "Barnaby" not in result.reply and result.state.get("offered"), result.reply
    [felix] = await patients_on(demo, phone)
    assert (felix.given_name, felix.family_name, felix.birth_date.isoformat()) == (
        "Felix",
        "Voss",
        "2019-03-03",
    )
    assert result.state["patient_id"] == str(felix.id)


@pytest.mark.calendar
async def test_a_mother_booking_her_son_by_voice_on_her_phone_books_the_son_not_her(
    demo: Runtime, runner: Runner, register: Any
) -> None:
    phone = new_phone()
    maria = await register(phone, "Maria Garcia", "1985-04-12", language="es")
    friday = (NOW + timedelta(days=(4 - NOW.weekday()) % 7 or 7)).date()
    result = await call(
        runner,
        phone,
        "Agente: Riverside Health. Paciente: Hola, soy Maria Garcia, pero la cita no es para mi, es para mi "
        "hijo "
        "Mateo Garcia, nacio el doce de septiembre de dos mil dieciseis. Necesita pediatria el viernes en la "
        "mañana, tiene tos. Agente: Le mando los horarios.",
        {"intent": "book_appointment", "language": "es", "specialty": "pediatrics",
         "preferred_date": friday.isoformat(), "preferred_time": "morning", "patient_name": "Maria Garcia"},
    )  # fmt: skip
    assert result.state.get("offered"), result.reply
    people = {p.given_name: p for p in await patients_on(demo, phone)}
    assert set(people) == {"Maria", "Mateo"} and people["Mateo"].birth_date.isoformat() == "2016-09-12"
    assert result.state["patient_id"] == str(people["Mateo"].id)
    await runner.run_turn(channel=Channel.WHATSAPP, phone=phone, texts=["la primera"])
    assert await appointments_of(demo, maria) == []
    [booked] = await appointments_of(demo, people["Mateo"].id)
    assert booked.specialty == "pediatrics" and booked.start_at.astimezone(TZ).date() == friday


@pytest.mark.parametrize(
    "text",
    [
        "hi, Olivia Bennett is my aunt, she's got an appointment with you sometime soon, what time is it? "
        "I'm driving her",
        "Hi, I'm Olivia Bennett's nephew. Can you tell me which doctor she's seeing and what it's for?",
        "Olivia Bennett es mi tia, tiene cita pronto, a que hora es? yo la llevo",
        "soy el sobrino de Olivia Bennett, me pueden decir con que doctor va?",
    ],
)
async def test_a_named_grown_ups_visit_is_refused_and_nothing_of_it_leaks(
    demo: Runtime, patient: Any, register: Any, book_first: Any, text: str
) -> None:
    aunt_phone = new_phone()
    aunt = await register(aunt_phone, "Olivia Bennett", "1958-02-02")
    visit = await book_first(aunt, "cardiology", days=3)
    writer = patient()
    reply = await writer.says(text)
    assert writer.last.outcome == "refused", reply
    [appointment] = await appointments_of(demo, aunt)
    assert appointment.id == visit
    start = appointment.start_at.astimezone(TZ)
    leaks = [
        "cardiolog", "Dr.", start.strftime("%B"), start.strftime("%A"), start.strftime("%-I:%M"),
        start.strftime("%H:%M"), "Olivia", "Bennett",
    ]  # fmt: skip
    assert not [leak for leak in leaks if leak.lower() in reply.lower()], reply
    assert writer.last.state.get("patient_id") != str(aunt)


async def test_a_greeting_that_checks_the_number_is_small_talk_not_an_emergency(patient: Any) -> None:
    brianna = patient()
    first = await brianna.says("hey, is this riverside health?")
    assert "911" not in first and brianna.last.outcome == "none", first
    assert "Riverside Health" in first and "1200" not in first  # greeted, not given the address
    await brianna.says("cool, just saving the number for later, have a good night!")
    assert brianna.last.outcome == "none" and "ticket.opened" not in brianna.last.actions


async def test_a_call_asking_about_an_antibiotic_with_the_pill_opens_a_question_for_the_doctor(
    demo: Runtime, runner: Runner
) -> None:
    result = await call(
        runner,
        new_phone(),
        "Agent: Riverside Health. Caller: Hi, this is Delphine Archer, June eighteenth, seventy-four. Dr. "
        "Chen "
        "put me on amoxicillin on Monday and I'm wondering if it's okay to keep taking my birth control "
        "with it, "
        "or if I need backup. Could the doctor get back to me? No rush. Agent: I'll pass your question on.",
        {"intent": "general_question", "patient_name": "Delphine Archer", "date_of_birth": "1974-06-18"},
    )
    assert result.outcome == "ticket" and "This could be an emergency" not in result.reply, result.reply
    assert "emergency.alerted" not in result.actions


@pytest.mark.calendar
async def test_a_call_with_a_little_flutter_after_coffee_books_cardiology(
    demo: Runtime, runner: Runner, register: Any
) -> None:
    phone = new_phone()
    await register(phone, "Maria Garcia", "1985-04-12")
    result = await call(
        runner,
        phone,
        "Agent: Riverside Health. Caller: Hi, it's Maria Garcia. I'd like a cardiology appointment, "
        "Thursday, "
        "in the afternoon. My heart's been fluttering a bit after coffee, that's all. Agent: I'll text you "
        "the "
        "available times.",
        {"intent": "book_appointment", "specialty": "cardiology", "preferred_time": "afternoon",
         "patient_name": "Maria Garcia"},
    )  # fmt: skip
    assert "911" not in result.reply and result.state.get("offered"), result.reply
