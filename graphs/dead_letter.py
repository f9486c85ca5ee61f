"""A turn that keeps failing is dead-lettered, not retried for ever.

Without a bound, a conversation whose turn always fails (its saved state unreadable after the
checkpoint key changed, a bug a message triggers) is retried for ever, and every later message of
the patient joins the failing batch and is never answered. After `TURN_ATTEMPTS` failed attempts of
a batch the turn instead:

- answers the patient once: emergency guidance when the messages hold a red flag (screened exactly
  as a turn screens them: safety does not depend on the graph working), otherwise "we've passed
  this to our team", in the patient's language;
- opens a ticket for staff with the messages (urgent for a red flag, high otherwise);
- marks the messages processed with `error_code = "dead_letter"` (counted on /metrics);
- drops the conversation's saved graph state, so the next message starts clean.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from datetime import datetime

import procrastinate
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from agents.phrasing.templates import say
from agents.understanding import detect_language
from graphs.conversation.safety import RED_FLAG_SUMMARIES, red_flag_in
from graphs.runner import Runner
from store.conversations import inbox
from store.conversations.models import Channel, Conversation, Direction, Message
from store.database import transaction
from store.patients import service as patients
from store.queue import enqueue_send
from store.tickets import service as tickets

log = logging.getLogger(__name__)

TURN_ATTEMPTS = 10  # failed attempts of one batch before it is dead-lettered
DEAD_LETTER = "dead_letter"  # the inbound messages' error_code
PASSED_ON = {
    "en": "Sorry, I couldn't process your message. I've passed it to our team, who will get back to you.",
    "es": "Lo siento, no pude procesar su mensaje. Lo he pasado a nuestro equipo, que le responderá.",
}


async def record_failure(sessions: async_sessionmaker[AsyncSession], message_ids: Sequence[uuid.UUID]) -> int:
    """Count one more failed attempt on the batch; the most attempts any of its messages has had."""
    async with transaction(sessions) as session:
        counts = await session.scalars(
            update(Message)
            .where(Message.id.in_(message_ids))
            .values(attempts=Message.attempts + 1)
            .returning(Message.attempts)
        )
        return max(counts, default=0)


async def dead_letter(
    sessions: async_sessionmaker[AsyncSession],
    queue: procrastinate.App,
    runner: Runner,
    *,
    conversation_id: uuid.UUID,
    message_ids: Sequence[uuid.UUID],
    texts: list[str],
    from_call: bool,
    now: datetime,
) -> None:
    """Answer once, tell staff, and let the next message start clean (see the module's docstring)."""
    alarm = await red_flag_in(runner.red_flags, texts, from_call=from_call)
    said = "\n".join(texts)
    async with transaction(sessions) as session:
        conversation = await session.get(Conversation, conversation_id)
        assert conversation is not None
        on_phone = await patients.find_by_phone(session, phone=conversation.address)
        language = on_phone[0].preferred_language.value if on_phone else detect_language(said)
        if alarm is not None:
            body = say("emergency_suicidal" if alarm.kind == "suicidal" else "emergency", language)
        else:
            body = PASSED_ON.get(language, PASSED_ON["en"])
        reply = await inbox.add_reply(session, conversation=conversation, body=body, now=now, kind="notice")
        messages = list(await session.scalars(select(Message).where(Message.id.in_(message_ids))))
        await inbox.mark_processed(session, messages=messages, reply=reply, now=now)
        for message in messages:
            message.error_code = DEAD_LETTER
        await tickets.create(
            session,
            category="medical_question" if alarm else "other",
            priority="urgent" if alarm else "high",
            summary=RED_FLAG_SUMMARIES[alarm.kind] if alarm else "The agent could not answer these messages",
            description=said[:4000],
            conversation_id=conversation.id,
            patient_id=conversation.patient_id,
            now=now,
            idempotency_key=f"dead-letter:{min(message_ids)}",
        )
        if conversation.channel != Channel.CHAT:  # the terminal reads (and claims) its own replies
            await enqueue_send(session, queue, message_id=reply.id)
    log.error("dead-lettered %d message(s) of conversation %s", len(message_ids), conversation_id)
    try:
        await runner.checkpointer.adelete_thread(str(conversation_id))
    except Exception:  # Redis may be what is failing: the reply and the ticket are what matter
        log.exception("could not clear the saved state of conversation %s", conversation_id)


async def dead_lettered(session: AsyncSession) -> int:
    """How many inbound messages were dead-lettered, ever (a gauge on /metrics)."""
    query = select(func.count()).where(
        Message.direction == Direction.INBOUND, Message.error_code == DEAD_LETTER
    )
    return int(await session.scalar(query) or 0)
