"""Timed messages as jobs (graphs/timed.py): found due, queued once, sent once, read back as a reply."""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, text

from api.runtime import Runtime
from graphs import timed
from graphs.runner import Runner
from store.conversations.models import Channel, Conversation, Direction, Message
from store.database import transaction
from store.journeys import service as journeys
from store.journeys.models import JourneyInstance
from store.queue import SEND
from store.scheduling import service as scheduling
from store.scheduling.models import Appointment
from tests.instant import NOW


async def _jobs(demo: Runtime, task: str, **arguments: str) -> int:
    async with demo.sessions() as session:
        found = await session.scalar(
            text(
                "SELECT count(*) FROM procrastinate_jobs"
                " WHERE task_name = :task AND args @> CAST(:args AS jsonb)"
            ),
            {"task": task, "args": json.dumps(arguments)},
        )
        return int(found or 0)


async def _outbound(demo: Runtime, phone: str) -> list[Message]:
    async with demo.sessions() as session:
        query = (
            select(Message)
            .join(Conversation, Conversation.id == Message.conversation_id)
            .where(
                Conversation.channel == Channel.WHATSAPP,
                Conversation.address == phone,
                Message.direction == Direction.OUTBOUND,
            )
            .order_by(Message.created_at)
        )
        return list(await session.scalars(query))


async def _start(demo: Runtime, appointment_id: uuid.UUID) -> datetime:
    async with demo.sessions() as session:
        appointment = await session.get(Appointment, appointment_id)
        assert appointment is not None
        return appointment.start_at


async def test_a_reminder_is_queued_once_sent_once_and_its_reply_confirms(
    demo: Runtime, runner: Runner, patient: Any, register: Any, book_first: Any
) -> None:
    kim = patient()
    appointment_id = await book_first(await register(kim.phone, "Kim Park", "1991-01-01"), "cardiology")
    due_at = await _start(demo, appointment_id) - timedelta(hours=20)
    assert await timed.queue_due(demo.sessions, demo.queue, now=due_at) >= 1
    await timed.queue_due(demo.sessions, demo.queue, now=due_at)  # a second sweep before the job ran
    assert await _jobs(demo, timed.REMIND, appointment_id=str(appointment_id), kind="reminder") == 1

    sent = await timed.remind(
        demo.sessions, demo.queue, runner, appointment_id=appointment_id, kind="reminder", now=due_at
    )
    again = await timed.remind(
        demo.sessions, demo.queue, runner, appointment_id=appointment_id, kind="reminder", now=due_at
    )
    assert (sent, again) == (True, False)
    [reminder] = await _outbound(demo, kim.phone)
    assert reminder.kind == "reminder" and "Reply 1 or CONFIRM" in reminder.body
    assert await _jobs(demo, SEND, message_id=str(reminder.id)) == 1
    async with demo.sessions() as session:
        stored = await session.get(Appointment, appointment_id)
        assert stored is not None and stored.reminder_sent_at == due_at

    reply = await kim.says("CONFIRM")
    assert "is confirmed" in reply
    async with demo.sessions() as session:
        confirmed = await session.get(Appointment, appointment_id)
        assert confirmed is not None and confirmed.confirmed_at is not None


async def test_a_cancelled_appointment_sends_no_reminder(
    demo: Runtime, runner: Runner, patient: Any, register: Any, book_first: Any
) -> None:
    lee = patient()
    appointment_id = await book_first(await register(lee.phone, "Lee Chan", "1980-05-05"), "dermatology")
    due_at = await _start(demo, appointment_id) - timedelta(hours=20)
    await timed.queue_due(demo.sessions, demo.queue, now=due_at)
    async with transaction(demo.sessions) as session:
        await scheduling.cancel(session, appointment_id=appointment_id, now=NOW)
    sent = await timed.remind(
        demo.sessions, demo.queue, runner, appointment_id=appointment_id, kind="reminder", now=due_at
    )
    assert sent is False and await _outbound(demo, lee.phone) == []


async def test_a_journey_question_goes_out_once_and_the_answer_is_recorded(
    demo: Runtime, runner: Runner, patient: Any, register: Any
) -> None:
    ana = patient()
    patient_id = await register(ana.phone, "Ana Ruiz", "1990-02-02", "es")
    async with transaction(demo.sessions) as session:
        instance = await journeys.start(
            session, patient_id=patient_id, definition_key="new-patient-onboarding", now=NOW
        )
        instance_id = instance.id
    later = NOW + timedelta(minutes=5)
    await timed.queue_due(demo.sessions, demo.queue, now=later)
    [key] = [
        job_key
        for job_key in await _journey_job_keys(demo, instance_id)
        if job_key.startswith("intake:0:")  # onboarding_welcome, due when the stage was entered
    ]
    arguments: dict[str, Any] = {"instance_id": instance_id, "key": key, "patient_id": patient_id}
    first = await timed.act_on_journey(
        demo.sessions, demo.queue, runner, template="onboarding_welcome", now=later, **arguments
    )
    second = await timed.act_on_journey(
        demo.sessions, demo.queue, runner, template="onboarding_welcome", now=later, **arguments
    )
    assert (first, second) == (True, False)
    [welcome] = await _outbound(demo, ana.phone)
    assert welcome.body.startswith("¡Bienvenido a Riverside Health, Ana!") and "seguro médico" in welcome.body

    await ana.says("Sanitas")
    async with demo.sessions() as session:
        stored = await session.get(JourneyInstance, instance_id)
        assert stored is not None
        assert "Sanitas" in str(stored.context)


async def test_a_patient_in_conversation_gets_no_timed_journey_message(
    demo: Runtime, runner: Runner, patient: Any, register: Any
) -> None:
    bo = patient()
    patient_id = await register(bo.phone, "Bo Diaz", "1975-07-07")
    await bo.says("hi")  # the conversation carries the journey: the welcome is not sent on top of it
    async with transaction(demo.sessions) as session:
        conversation = await session.scalar(select(Conversation).where(Conversation.address == bo.phone))
        assert conversation is not None
        instance = await journeys.start(
            session, patient_id=patient_id, definition_key="new-patient-onboarding", now=NOW
        )
        instance_id = instance.id
        chatting_at = conversation.last_inbound_at or NOW
    [key] = [k for k in await _journey_job_keys(demo, instance_id, now=NOW) if k.startswith("intake:0:")]
    sent = await timed.act_on_journey(
        demo.sessions,
        demo.queue,
        runner,
        instance_id=instance_id,
        key=key,
        template="onboarding_welcome",
        patient_id=patient_id,
        now=chatting_at + timedelta(minutes=1),
    )
    assert sent is False and [m.kind for m in await _outbound(demo, bo.phone)] == ["reply"]


async def _journey_job_keys(demo: Runtime, instance_id: uuid.UUID, now: datetime | None = None) -> list[str]:
    from store.journeys import actions

    async with demo.sessions() as session:
        due = await actions.due_actions(session, now=(now or NOW) + timedelta(minutes=5))
    return [action.key for action in due if action.instance_id == instance_id]
