"""The hand-off loop: a conversation goes to a person, a person answers, and it comes back.

- `hand_off`: the agent (a patient asked for a person, identity failed three times) or staff give
  the conversation to staff. The agent stays silent from then on — except for an emergency, which
  always gets its reply (graphs/runner.py). A ticket in the `handoff` queue carries the reason and
  the last messages, so the staff queue and the contact's phone find it; handing off again while
  it is open adds a comment instead of a second ticket.
- `take_over`: a person takes it (and is named on it).
- `reply`: a person writes to the contact, registered patient or not; a conversation the agent
  owned is taken over first, so the agent never talks over staff.
- `release`: back to the agent, whose next turn starts clean (`released_at`): no offer or pending
  confirmation from before the hand-off is acted on.
- `close`: done; the `handoff` ticket is resolved. A new message from the contact reopens it.

Every step is audited with the person's name; services never commit (the caller's transaction).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from store.audit import service as audit
from store.conversations import inbox
from store.conversations.models import Conversation, ConversationStatus, Direction, Message
from store.conversations.service import get
from store.outbox import service as outbox
from store.tickets import service as tickets
from store.tickets.models import Ticket, TicketCategory, TicketStatus

LAST_MESSAGES = 10  # quoted in the hand-off ticket
_OPEN = (TicketStatus.OPEN, TicketStatus.IN_PROGRESS, TicketStatus.WAITING_ON_PATIENT)


async def _open_ticket(session: AsyncSession, conversation_id: uuid.UUID) -> Ticket | None:
    query = select(Ticket).where(
        Ticket.conversation_id == conversation_id,
        Ticket.category == TicketCategory.HANDOFF,
        Ticket.status.in_(_OPEN),
    )
    return await session.scalar(query.order_by(Ticket.created_at.desc()).limit(1))


async def _transcript(session: AsyncSession, conversation_id: uuid.UUID) -> str:
    query = (
        select(Message)
        .where(Message.conversation_id == conversation_id)
        .order_by(Message.created_at.desc(), Message.id.desc())
        .limit(LAST_MESSAGES)
    )
    latest = list(await session.scalars(query))
    who = {Direction.INBOUND: "contact", Direction.OUTBOUND: "clinic"}
    return "\n".join(f"{who[m.direction]}: {m.body}" for m in reversed(latest))[:4000]


async def _saved(session: AsyncSession, conversation: Conversation) -> Conversation:
    await session.flush()
    await session.refresh(conversation, ["updated_at"])  # set by the database on UPDATE
    return conversation


async def _audit(session: AsyncSession, conversation: Conversation, actor: str, action: str) -> None:
    await audit.record(
        session,
        actor=actor,
        action=f"conversation.{action}",
        resource_type="conversation",
        resource_id=conversation.id,
        patient_id=conversation.patient_id,
    )


async def hand_off(
    session: AsyncSession, *, conversation_id: uuid.UUID, reason: str, now: datetime, actor: str = "agent"
) -> Conversation:
    """Staff own the conversation; `conversation.handoff` is emitted once; the queue's ticket opens."""
    conversation = await get(session, conversation_id=conversation_id)
    if conversation.status != ConversationStatus.HANDOFF:
        conversation.status = ConversationStatus.HANDOFF
        await outbox.emit(
            session,
            topic="conversation.handoff",
            payload={"conversation_id": str(conversation.id), "reason": reason},
        )
        await _audit(session, conversation, actor, "handoff")
    transcript = await _transcript(session, conversation.id)
    ticket = await _open_ticket(session, conversation.id)
    if ticket is None:
        await tickets.create(
            session,
            category=TicketCategory.HANDOFF,
            summary=f"Hand-off: {reason}"[:300],
            description=transcript,
            patient_id=conversation.patient_id,
            conversation_id=conversation.id,
            now=now,
            actor=actor,
        )
    else:
        await tickets.comment(session, ticket_id=ticket.id, author=actor, body=f"Handed off again: {reason}")
    return await _saved(session, conversation)


async def take_over(
    session: AsyncSession, *, conversation_id: uuid.UUID, actor: str, staff_id: uuid.UUID | None = None
) -> Conversation:
    """A person owns the conversation now (the agent stays silent, emergencies aside)."""
    conversation = await get(session, conversation_id=conversation_id)
    conversation.status = ConversationStatus.HANDOFF
    conversation.assigned_staff_id = staff_id or conversation.assigned_staff_id
    await _audit(session, conversation, actor, "takeover")
    return await _saved(session, conversation)


async def reply(
    session: AsyncSession, *, conversation_id: uuid.UUID, body: str, actor: str, now: datetime
) -> Message:
    """A person's message to the contact, queued for sending (the caller enqueues its delivery)."""
    conversation = await get(session, conversation_id=conversation_id)
    if conversation.status != ConversationStatus.HANDOFF:
        await take_over(session, conversation_id=conversation_id, actor=actor)
    message = await inbox.add_reply(session, conversation=conversation, body=body, now=now, kind="staff")
    await _audit(session, conversation, actor, "reply")
    return message


async def release(
    session: AsyncSession, *, conversation_id: uuid.UUID, actor: str, now: datetime
) -> Conversation:
    """Back to the agent, whose next turn starts clean."""
    conversation = await get(session, conversation_id=conversation_id)
    conversation.status = ConversationStatus.ACTIVE
    conversation.released_at = now
    await _audit(session, conversation, actor, "release")
    return await _saved(session, conversation)


async def close(
    session: AsyncSession, *, conversation_id: uuid.UUID, actor: str, now: datetime
) -> Conversation:
    """Done: the conversation is closed and its `handoff` ticket resolved."""
    conversation = await get(session, conversation_id=conversation_id)
    conversation.status = ConversationStatus.CLOSED
    conversation.released_at = now  # a new message starts a new task with the agent
    if (ticket := await _open_ticket(session, conversation.id)) is not None:
        await tickets.transition(session, ticket_id=ticket.id, to=TicketStatus.RESOLVED, now=now, actor=actor)
    await _audit(session, conversation, actor, "close")
    return await _saved(session, conversation)
