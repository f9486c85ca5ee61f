"""Replies to a reminder and to a post-visit follow-up, in English and Spanish, on the demo clinic."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from sqlalchemy import select

from api.runtime import Runtime
from graphs.reminders import open_reminder
from graphs.runner import Runner
from store.conversations.models import Channel
from store.database import transaction
from store.errors import Conflict, NotFound
from store.journeys.models import JourneyInstance
from store.scheduling import reminders
from store.scheduling import service as scheduling
from store.scheduling.models import Appointment, AppointmentStatus
from store.tickets.models import Ticket
from tests.graphs.conftest import new_phone
from tests.instant import NOW


async def remind(runner: Runner, phone: str, appointment_id: uuid.UUID, kind: str = "reminder") -> str:
    return await open_reminder(
        runner,
        channel=Channel.WHATSAPP,
        phone=phone,
        appointment_id=appointment_id,
        kind=kind,  # type: ignore[arg-type]
    )


async def get(demo: Runtime, appointment_id: uuid.UUID) -> Appointment:
    async with demo.sessions() as session:
        found = await session.get(Appointment, appointment_id)
        assert found is not None
        return found


async def tickets_of(demo: Runtime, conversation_id: uuid.UUID) -> list[Ticket]:
    async with demo.sessions() as session:
        return list(await session.scalars(select(Ticket).where(Ticket.conversation_id == conversation_id)))


@pytest.mark.parametrize("answer", ["1", "CONFIRM", "yes", "ok, see you then"])
async def test_confirming_a_reminder_in_english(
    demo: Runtime, runner: Runner, patient: Any, register: Any, book_first: Any, answer: str
) -> None:
    kim = patient()
    appointment_id = await book_first(
        await register(kim.phone, "Kim Park", "1991-01-01"), "cardiology", days=1
    )
    text = await remind(runner, kim.phone, appointment_id)
    assert text.startswith("Reminder from Riverside Health: Kim, you have a cardiology appointment with Dr.")
    assert "Reply 1 or CONFIRM to confirm it, 2 or CANCEL to cancel it, or 3 or CHANGE to move it." in text
    reply = await kim.says(answer)
    assert reply.startswith("Thank you, your appointment on ") and reply.endswith(
        "is confirmed. See you then!"
    )
    assert kim.last.actions == ["appointment.confirmed"] and kim.last.outcome == "confirmed"
    assert (await get(demo, appointment_id)).confirmed_at == NOW


@pytest.mark.parametrize("answer", ["CONFIRMAR", "sí", "1"])
async def test_confirming_a_reminder_in_spanish(
    demo: Runtime, runner: Runner, patient: Any, register: Any, book_first: Any, answer: str
) -> None:
    ines = patient()
    pid = await register(ines.phone, "Inés Mora", "1983-03-03", "es")
    appointment_id = await book_first(pid, "dermatology", days=2)
    text = await remind(runner, ines.phone, appointment_id)
    assert text.startswith("Recordatorio de Riverside Health: Inés, tiene una cita de dermatología con Dr.")
    assert "Responda 1 o CONFIRMAR para confirmarla" in text
    assert "queda confirmada" in await ines.says(answer)
    assert (await get(demo, appointment_id)).confirmed_at == NOW


async def test_cancelar_cancels_that_appointment_after_an_explicit_yes(
    demo: Runtime, runner: Runner, patient: Any, register: Any, book_first: Any
) -> None:
    pablo = patient()
    pid = await register(pablo.phone, "Pablo Ruiz", "1970-02-02", "es")
    other = await book_first(pid, "cardiology", days=3)
    reminded = await book_first(pid, "orthopedics", days=1)
    await remind(runner, pablo.phone, reminded)
    reply = await pablo.says("CANCELAR")  # two appointments, but the reminder said which
    assert reply.startswith("Confirme, por favor: ¿cancelo su cita de ortopedia")
    assert (await get(demo, reminded)).status == AppointmentStatus.BOOKED
    assert "está cancelada" in await pablo.says("sí")
    assert (await get(demo, reminded)).status == AppointmentStatus.CANCELLED
    assert (await get(demo, other)).status == AppointmentStatus.BOOKED


async def test_cancel_then_no_keeps_it(
    demo: Runtime, runner: Runner, patient: Any, register: Any, book_first: Any
) -> None:
    sam = patient()
    appointment_id = await book_first(
        await register(sam.phone, "Sam Hill", "1960-06-06"), "orthopedics", days=1
    )
    await remind(runner, sam.phone, appointment_id)
    assert "Please confirm: cancel your orthopedics appointment" in await sam.says("cancel")
    assert await sam.says("no") == "All right, I haven't changed anything."
    assert (await get(demo, appointment_id)).status == AppointmentStatus.BOOKED


@pytest.mark.parametrize(("language", "change"), [("en", "CHANGE"), ("es", "CAMBIAR")])
async def test_change_moves_that_appointment(
    demo: Runtime,
    runner: Runner,
    patient: Any,
    register: Any,
    book_first: Any,
    language: str,
    change: str,
) -> None:
    lee = patient()
    pid = await register(lee.phone, "Lee Chen", "1988-08-08", language)
    await book_first(pid, "cardiology", days=5)
    reminded = await book_first(pid, "dermatology", days=1)
    await remind(runner, lee.phone, reminded)
    asked = await lee.says(change)
    assert ("When would suit you?" if language == "en" else "¿Cuándo le viene bien?") in asked
    offered = await lee.says("next friday morning" if language == "en" else "el viernes por la mañana")
    assert ("dermatology" if language == "en" else "dermatología") in offered
    await lee.says("1")  # the pick among the times offered for the move moves it
    assert lee.last.outcome == "rescheduled" and lee.last.actions == ["appointment.rescheduled"]
    assert (await get(demo, reminded)).status == AppointmentStatus.CANCELLED
    async with transaction(demo.sessions) as session:  # the new time earns its own reminder
        moved = await session.scalar(select(Appointment).where(Appointment.rescheduled_from_id == reminded))
        assert moved is not None and moved.reminder_sent_at is None
        due = await reminders.due_reminders(session, now=moved.start_at - reminders.REMINDER_LEAD)
        assert moved.id in {a.id for a in due}


async def test_a_plain_no_asks_whether_to_cancel_or_change(
    runner: Runner, patient: Any, register: Any, book_first: Any
) -> None:
    ana = patient()
    appointment_id = await book_first(
        await register(ana.phone, "Ana Ruiz", "1990-09-09", "es"), "pediatrics", 1
    )
    await remind(runner, ana.phone, appointment_id)
    assert await ana.says("no") == "¿Quiere cancelarla o cambiarla a otro día? Responda CANCELAR o CAMBIAR."
    assert "¿cancelo su cita de pediatría" in await ana.says("no puedo ir")


async def test_anything_else_is_an_ordinary_conversation(
    demo: Runtime, runner: Runner, patient: Any, register: Any, book_first: Any
) -> None:
    joy = patient()
    appointment_id = await book_first(
        await register(joy.phone, "Joy Lake", "1975-05-05"), "cardiology", days=1
    )
    await remind(runner, joy.phone, appointment_id)
    assert "(Source: Address, Directions and Parking)" in await joy.says("where can I park?")
    assert "didn't understand" in await joy.says("1")  # the reminder is no longer the subject
    assert (await get(demo, appointment_id)).confirmed_at is None


async def test_a_reminder_interrupts_a_task_and_is_what_the_next_reply_answers(
    demo: Runtime, runner: Runner, patient: Any, register: Any, book_first: Any
) -> None:
    max_ = patient()
    pid = await register(max_.phone, "Max Bell", "1982-02-02")
    appointment_id = await book_first(pid, "orthopedics", days=1)
    assert "Here are the first free times" in await max_.says("book me a dermatologist asap")
    await remind(runner, max_.phone, appointment_id)
    assert "Please confirm: cancel your orthopedics appointment" in await max_.says("2")  # not slot 2
    assert max_.last.actions == ["confirmation.requested"]


async def test_a_reminder_about_another_patient_on_a_shared_phone_asks_who_is_writing(
    demo: Runtime, runner: Runner, patient: Any, register: Any, book_first: Any
) -> None:
    family = patient()
    await register(family.phone, "James Smith", "1979-11-03")
    son = await register(family.phone, "Tom Smith", "2015-03-02")
    await family.says("what appointments do I have?")
    assert "Thank you, James" in await family.says("James Smith, 3 Nov 1979")
    appointment_id = await book_first(son, "pediatrics", days=1)
    assert "Tom, you have a pediatrics appointment" in await remind(runner, family.phone, appointment_id)
    assert "More than one patient uses this number" in await family.says("1")
    reply = await family.says("Tom Smith, 2 March 2015")
    assert "Thank you, Tom" in reply and "is confirmed" in reply
    assert (await get(demo, appointment_id)).confirmed_at == NOW


async def test_a_reminder_never_goes_to_another_phone(runner: Runner, register: Any, book_first: Any) -> None:
    appointment_id = await book_first(await register(new_phone(), "Eve Moss", "1999-09-09"), "cardiology")
    with pytest.raises(NotFound):
        await remind(runner, new_phone(), appointment_id)


async def _after_the_visit(demo: Runtime, runner: Runner, phone: str, appointment_id: uuid.UUID) -> str:
    """Send the follow-up as the worker does: the text, then the appointment marked (journeys move on)."""
    text = await remind(runner, phone, appointment_id, kind="followup")
    async with transaction(demo.sessions) as session:
        await reminders.mark_followup_sent(session, appointment_id=appointment_id, now=NOW)
    return text


async def test_a_good_visit_is_thanked_and_feeds_the_post_visit_journey(
    demo: Runtime, runner: Runner, patient: Any, register: Any, book_first: Any
) -> None:
    rita = patient()
    pid = await register(rita.phone, "Rita Vance", "1968-08-08")
    appointment_id = await book_first(pid, "family-medicine", days=1)
    text = await _after_the_visit(demo, runner, rita.phone, appointment_id)
    assert text.startswith("Hi Rita, thank you for visiting Riverside Health on ")
    assert "How did your visit with Dr." in text
    reply = await rita.says("It went well, thanks")
    assert reply.startswith("I'm glad to hear it.") and "from 1 (poor) to 5 (excellent)" in reply
    assert rita.last.actions == ["details.requested"]
    assert "added that to your file" in await rita.says("5")
    async with demo.sessions() as session:
        [journey] = await session.scalars(
            select(JourneyInstance).where(JourneyInstance.patient_id == pid)
            .where(JourneyInstance.context["answers"].has_key("feeling_better"))
        )  # fmt: skip
    assert journey.definition.key == "post-visit-follow-up"
    assert journey.context["answers"] == {"feeling_better": "It went well, thanks", "satisfaction": "5"}


async def test_a_health_problem_after_the_visit_opens_a_clinical_ticket(
    demo: Runtime, runner: Runner, patient: Any, register: Any, book_first: Any
) -> None:
    ned = patient()
    appointment_id = await book_first(
        await register(ned.phone, "Ned Fox", "1958-01-01"), "orthopedics", days=1
    )
    await _after_the_visit(demo, runner, ned.phone, appointment_id)
    reply = await ned.says("my knee still hurts and it's getting worse")
    assert reply.startswith("I'm sorry to hear that. I've passed this to our clinical team (reference ")
    assert ned.last.actions == ["ticket.opened"] and ned.last.outcome == "ticket"
    [ticket] = await tickets_of(demo, ned.last.conversation_id)
    assert (ticket.category.value, ticket.priority.value) == ("medical_question", "high")
    assert (
        ticket.description == "my knee still hurts and it's getting worse" and ticket.patient_id is not None
    )


async def test_a_complaint_after_the_visit_in_spanish_goes_to_patient_relations(
    demo: Runtime, runner: Runner, patient: Any, register: Any, book_first: Any
) -> None:
    eva = patient()
    appointment_id = await book_first(
        await register(eva.phone, "Eva Sol", "1987-07-07", "es"), "dermatology", 1
    )
    text = await _after_the_visit(demo, runner, eva.phone, appointment_id)
    assert text.startswith("Hola Eva, gracias por visitar Riverside Health el ")
    reply = await eva.says("En recepción me trataron muy mal")
    assert "atención al paciente" in reply and eva.last.outcome == "ticket"
    [ticket] = await tickets_of(demo, eva.last.conversation_id)
    assert ticket.category.value == "complaint"


async def test_a_red_flag_in_a_follow_up_reply_still_wins(
    demo: Runtime, runner: Runner, patient: Any, register: Any, book_first: Any
) -> None:
    abe = patient()
    appointment_id = await book_first(
        await register(abe.phone, "Abe Cole", "1949-04-04"), "cardiology", days=1
    )
    await _after_the_visit(demo, runner, abe.phone, appointment_id)
    reply = await abe.says("I have crushing chest pain since the visit")
    assert "call 911" in reply and abe.last.outcome == "emergency"
    [ticket] = await tickets_of(demo, abe.last.conversation_id)
    assert ticket.priority.value == "urgent"


async def test_asking_to_book_after_a_follow_up_is_served_as_a_booking(
    runner: Runner, patient: Any, register: Any, book_first: Any, demo: Runtime
) -> None:
    ida = patient()
    appointment_id = await book_first(
        await register(ida.phone, "Ida West", "1972-12-12"), "dermatology", days=1
    )
    await _after_the_visit(demo, runner, ida.phone, appointment_id)
    assert "Here are the first free times for dermatology" in await ida.says(
        "Good, thanks. Can I book another dermatology appointment next week?"
    )


async def test_a_stale_reminder_for_a_cancelled_appointment_sends_nothing(
    demo: Runtime, runner: Runner, patient: Any, register: Any, book_first: Any
) -> None:
    gus = patient()
    appointment_id = await book_first(
        await register(gus.phone, "Gus Dale", "1981-01-01"), "cardiology", days=1
    )
    async with transaction(demo.sessions) as session:
        await scheduling.cancel(session, appointment_id=appointment_id, now=NOW)
    with pytest.raises(Conflict, match="cancelled"):
        await remind(runner, gus.phone, appointment_id)
    assert "didn't understand" in await gus.says("1")  # nothing is awaited
