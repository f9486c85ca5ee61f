"""A journey's timed message (a nudge, a preparation note) as the start of a conversation turn.

Journey stages that ask the patient something are conversational steps of the patient graph
(support.advance_journey asks them while the patient is talking to us). A timed action reaches a
patient who is *not* talking to us: it says its piece and, when one of the journey's questions is
still unanswered, asks it and leaves the conversation awaiting the answer, so that the patient's
reply is recorded like any intake answer (when the phone is that patient's alone; on a family's
phone the conversation asks once it knows who is writing). Call it under the conversation's lock,
as a turn runs.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Literal

from langchain_core.messages import AIMessage
from langchain_core.runnables import RunnableConfig

from agents.phrasing import say
from graphs.conversation.common import finish
from graphs.conversation.state import ConversationState
from graphs.runner import Runner
from store.conversations import service as conversations
from store.conversations.models import Channel
from store.database import transaction
from store.journeys import intake
from store.patients import service as patients

Handling = Literal["say", "ask", "covered"]

# What each timed action of the demo journeys does. "say": its text, plus a pending question if
# any; "ask": only worth sending while one of the journey's questions is unanswered; "covered":
# another path already sends it (the appointment reminder and post-visit follow-up sweeps).
ACTIONS: dict[str, Handling] = {
    "onboarding_welcome": "say",
    "onboarding_intake_nudge": "ask",
    "onboarding_book_first_visit": "say",
    "onboarding_first_visit_prep": "say",
    "follow_up_check_in": "covered",
    "follow_up_feedback": "ask",
    "appointment_reminder_24h": "covered",
}


@dataclass(frozen=True)
class JourneyMessage:
    text: str
    language: str


def handling(template: str) -> Handling | None:
    """How the action `template` is performed; None when no text is known for it."""
    return ACTIONS.get(template)


async def open_journey_message(
    runner: Runner, *, channel: Channel, phone: str, patient_id: uuid.UUID, template: str
) -> JourneyMessage | None:
    """The text to send for the action `template`, the conversation set to await any question asked.

    None when there is nothing worth sending: the action is covered elsewhere, has no known text,
    or only asks and nothing is left to ask.
    """
    how = handling(template)
    if how is None or how == "covered":
        return None
    async with transaction(runner.sessions) as session:
        patient = await patients.get(session, patient_id=patient_id)
        question = await intake.pending_question(session, patient_id=patient_id)
        on_phone = await patients.find_by_phone(session, phone=phone)
        conversation = await conversations.get_or_create(session, channel=channel, address=phone)
    if how == "ask" and question is None:
        return None
    language = patient.preferred_language.value
    clinic = await runner.clinic()
    parts = [say(template, language, name=patient.given_name, clinic=clinic.called(language))]
    update: ConversationState = {**finish("none"), "language": language}
    # The answer is recorded for the one patient on the phone, as the identify step would conclude;
    # on a shared (family) phone the question waits until the conversation knows who is writing.
    if question is not None and [p.id for p in on_phone] == [patient_id]:
        parts.append(say(f"intake_{question}", language))
        update.update(
            {
                "awaiting": "intake",
                "gathered": {"intake_question": question},
                "patient_id": str(patient_id),
                "patient_name": patient.given_name,
            }
        )
    text = "\n\n".join(parts)
    config: RunnableConfig = {"configurable": {"thread_id": str(conversation.id)}}
    await runner.graph.aupdate_state(config, {**update, "messages": [AIMessage(text)]}, as_node="respond")
    return JourneyMessage(text, language)
