"""Timed messages as jobs: appointment reminders, post-visit follow-ups, and journeys' timed actions.

A periodic sweep finds what is due and queues one job per message, holding the conversation's
lock (a turn and a reminder never write the same conversation's state at once) and a queueing
lock naming the message (a sweep that runs again before the job did queues nothing new). The job
re-reads what it is about, so a cancelled or moved appointment sends nothing (a moved one earns
its own reminder at its new time), writes the text into the conversation (so the patient's reply
is read as an answer to it), and — in one transaction — records it as sent, stores the outbound
message and queues its delivery. The delivery then honours opt-outs and the WhatsApp window.
"""

from __future__ import annotations

import logging
import uuid
from datetime import datetime, timedelta
from typing import Literal

import procrastinate
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from graphs.journey_messages import handling, open_journey_message
from graphs.reminders import open_reminder
from graphs.runner import Runner
from store.conversations import inbox
from store.conversations import service as conversations
from store.conversations.models import Channel, Conversation
from store.database import transaction
from store.errors import Conflict, NotFound
from store.journeys import actions as journey_actions
from store.patients import service as patients
from store.queue import conversation_lock, defer_once, enqueue_send
from store.scheduling import reminders
from store.scheduling.appointments import get_appointment

log = logging.getLogger(__name__)

REMIND = "appointment.remind"
JOURNEY_ACTION = "journey.act"
CHANNEL = Channel.WHATSAPP
# a patient who wrote within the hour is talking to us: the conversation itself carries the journey
IN_CONVERSATION = timedelta(hours=1)

Kind = Literal["reminder", "followup"]


async def _conversation(session: AsyncSession, phone: str) -> Conversation:
    return await conversations.get_or_create(session, channel=CHANNEL, address=phone)


async def queue_due(
    sessions: async_sessionmaker[AsyncSession], queue: procrastinate.App, *, now: datetime
) -> int:
    """Queue a job for every reminder, follow-up and journey action due at `now`; how many were new."""
    queued = 0
    async with transaction(sessions) as session:
        due: list[tuple[Kind, uuid.UUID, uuid.UUID]] = [
            ("reminder", a.id, a.patient_id) for a in await reminders.due_reminders(session, now=now)
        ]
        due += [("followup", a.id, a.patient_id) for a in await reminders.due_followups(session, now=now)]
        for kind, appointment_id, patient_id in due:
            patient = await patients.get(session, patient_id=patient_id)
            conversation = await _conversation(session, patient.phone)
            queued += await defer_once(
                session,
                queue,
                REMIND,
                lock=conversation_lock(conversation.id),
                queueing_lock=f"remind:{appointment_id}:{kind}",
                appointment_id=str(appointment_id),
                kind=kind,
            )
        for action in await journey_actions.due_actions(session, now=now):
            patient = await patients.get(session, patient_id=action.patient_id)
            conversation = await _conversation(session, patient.phone)
            queued += await defer_once(
                session,
                queue,
                JOURNEY_ACTION,
                lock=conversation_lock(conversation.id),
                queueing_lock=f"journey:{action.instance_id}:{action.key}",
                instance_id=str(action.instance_id),
                key=action.key,
                template=action.template,
                patient_id=str(action.patient_id),
            )
    return queued


async def remind(
    sessions: async_sessionmaker[AsyncSession],
    queue: procrastinate.App,
    runner: Runner,
    *,
    appointment_id: uuid.UUID,
    kind: Kind,
    now: datetime,
) -> bool:
    """Send the appointment's reminder or follow-up unless it went already or no longer applies."""
    async with transaction(sessions) as session:
        appointment = await get_appointment(session, appointment_id=appointment_id)
        if (appointment.reminder_sent_at if kind == "reminder" else appointment.followup_sent_at) is not None:
            return False
        patient = await patients.get(session, patient_id=appointment.patient_id)
    try:
        text = await open_reminder(
            runner, channel=CHANNEL, phone=patient.phone, appointment_id=appointment_id, kind=kind
        )
    except (Conflict, NotFound) as error:  # cancelled, moved, or no visit took place since it was due
        log.info("no %s for appointment %s: %s", kind, appointment_id, error)
        return False
    async with transaction(sessions) as session:
        mark = reminders.mark_reminder_sent if kind == "reminder" else reminders.mark_followup_sent
        marked = await mark(session, appointment_id=appointment_id, now=now)
        if (marked.reminder_sent_at if kind == "reminder" else marked.followup_sent_at) != now:
            return False  # another job sent it meanwhile
        conversation = await _conversation(session, patient.phone)
        reply = await inbox.add_reply(session, conversation=conversation, body=text, now=now, kind=kind)
        await enqueue_send(session, queue, message_id=reply.id)
    return True


async def act_on_journey(
    sessions: async_sessionmaker[AsyncSession],
    queue: procrastinate.App,
    runner: Runner,
    *,
    instance_id: uuid.UUID,
    key: str,
    template: str,
    patient_id: uuid.UUID,
    now: datetime,
) -> bool:
    """Perform one timed journey action, once: sent unless covered, moot, or the patient is chatting."""
    how = handling(template)
    async with transaction(sessions) as session:
        patient = await patients.get(session, patient_id=patient_id)
        conversation = await _conversation(session, patient.phone)
        chatting = (
            conversation.last_inbound_at is not None and now - conversation.last_inbound_at < IN_CONVERSATION
        )
        if how in (None, "covered") or chatting:
            if await journey_actions.mark_done(session, instance_id=instance_id, key=key) and how is None:
                log.error(
                    "journey action %r has no message text: add it to graphs/journey_messages.py", template
                )
            return False
    message = await open_journey_message(
        runner, channel=CHANNEL, phone=patient.phone, patient_id=patient_id, template=template
    )
    async with transaction(sessions) as session:
        if not await journey_actions.mark_done(session, instance_id=instance_id, key=key) or message is None:
            return False
        conversation = await _conversation(session, patient.phone)
        reply = await inbox.add_reply(
            session, conversation=conversation, body=message.text, now=now, kind=template[:32]
        )
        await enqueue_send(session, queue, message_id=reply.id)
    return True
