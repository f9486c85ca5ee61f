"""The reminder before a visit and the follow-up after it, as the start of a conversation turn.

The worker finds what is due (store/scheduling/reminders.py), calls `open_reminder` for the text,
sends it and marks it sent. `open_reminder` also writes into the conversation's checkpointed state
that the agent now awaits a reply about that appointment, so the patient's next message — "1",
"CONFIRMAR", "cancel", "CAMBIAR", "my knee still hurts" — is read about it (plan.py), while
anything else is an ordinary conversation. Call it under the conversation's lock, as a turn is
run: a turn running at the same moment would overwrite this state, or be overwritten by it.
"""

from __future__ import annotations

import uuid
from typing import Any, Literal

from langchain_core.messages import AIMessage
from langchain_core.runnables import RunnableConfig

from agents.phrasing import format_date, format_slot, say
from agents.phrasing.templates import specialty_name
from graphs.conversation.common import finish
from graphs.runner import Runner
from store.conversations import service as conversations
from store.conversations.models import Channel
from store.database import transaction
from store.errors import Conflict, NotFound
from store.patients import service as patients
from store.scheduling import reminders
from store.scheduling import service as scheduling
from store.scheduling.models import AppointmentStatus

Kind = Literal["reminder", "followup"]


async def open_reminder(
    runner: Runner, *, channel: Channel, phone: str, appointment_id: uuid.UUID, kind: Kind
) -> str:
    """The reminder or follow-up text, in the patient's language; the conversation now awaits its reply.

    NotFound when the appointment does not exist or belongs to no patient on `phone`: an
    appointment's details never go to another number. Conflict when it changed since it was
    found due (cancelled, moved, or no visit took place): a stale job must send nothing.
    """
    async with transaction(runner.sessions) as session:
        appointment = await scheduling.get_appointment(session, appointment_id=appointment_id)
        patient = await patients.get(session, patient_id=appointment.patient_id)
        if patient.phone != patients.normalize_phone(phone):
            raise NotFound("appointment", appointment_id)
        wanted = (AppointmentStatus.BOOKED,) if kind == "reminder" else reminders.VISITED
        if appointment.status not in wanted:
            raise Conflict(f"appointment {appointment_id} is {appointment.status.value}: no {kind} to send")
        conversation = await conversations.get_or_create(session, channel=channel, address=phone)
        language = patient.preferred_language.value
        values: dict[str, Any] = {
            "name": patient.given_name,
            "specialty": specialty_name(appointment.specialty, language),
            "practitioner": appointment.practitioner.display_name,
            "address": appointment.location.address,
            "clinic": appointment.location.name,
        }
    tz = runner.tz
    if kind == "reminder":
        text = say("reminder", language, when=format_slot(appointment.start_at, language, tz), **values)
    else:
        text = say("followup", language, day=format_date(appointment.start_at, language, tz), **values)
    config: RunnableConfig = {"configurable": {"thread_id": str(conversation.id)}}
    update = {
        **finish("none"),  # whatever was under way, the patient's next reply is about this message
        "messages": [AIMessage(text)],
        "language": language,
        "awaiting": kind,
        "reminder": {"kind": kind, "appointment_id": str(appointment_id), "patient_id": str(patient.id)},
    }
    await runner.graph.aupdate_state(config, update, as_node="respond")
    return text
