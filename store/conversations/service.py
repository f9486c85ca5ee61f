"""Conversations and their messages: find or open one per channel address, record and page messages.

Handing a conversation to staff and back is `handoff.py`."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import case, func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from store.conversations.models import (
    Channel,
    Conversation,
    ConversationStatus,
    DeliveryStatus,
    Direction,
    Message,
)
from store.errors import NotFound
from store.patients.models import Language, Patient
from store.tickets.models import Ticket, TicketPriority, TicketStatus


async def get(session: AsyncSession, *, conversation_id: uuid.UUID) -> Conversation:
    conversation = await session.get(Conversation, conversation_id)
    if conversation is None:
        raise NotFound("conversation", conversation_id)
    return conversation


async def get_or_create(session: AsyncSession, *, channel: Channel, address: str) -> Conversation:
    """The conversation for `address` on `channel`, created once even under concurrent deliveries."""
    await session.execute(
        insert(Conversation)
        .values(id=uuid.uuid4(), channel=channel, address=address, status=ConversationStatus.ACTIVE)
        .on_conflict_do_nothing(constraint="uq_conversations_channel_address")
    )
    conversation = await session.scalar(
        select(Conversation).where(Conversation.channel == channel, Conversation.address == address)
    )
    assert conversation is not None  # inserted or already there
    return conversation


async def get_all(
    session: AsyncSession,
    *,
    status: ConversationStatus | None = None,
    patient_id: uuid.UUID | None = None,
    address: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[Conversation], int]:
    query = select(Conversation)
    if status is not None:
        query = query.where(Conversation.status == status)
    if patient_id is not None:
        query = query.where(Conversation.patient_id == patient_id)
    if address is not None:
        query = query.where(Conversation.address == address)
    total = await session.scalar(select(func.count()).select_from(query.subquery()))
    page = query.order_by(Conversation.updated_at.desc()).limit(limit).offset(offset)
    return list(await session.scalars(page)), int(total or 0)


async def get_queue(
    session: AsyncSession,
    *,
    status: ConversationStatus | None = None,
    channel: Channel | None = None,
    address: str | None = None,
    language: Language | None = None,
    assignee_id: uuid.UUID | None = None,
    limit: int = 100,
) -> list[Conversation]:
    """The staff inbox: conversations waiting for a person first (hand-offs, then any with an open
    urgent ticket: emergencies), then the agent's active ones, then closed ones; newest first within.

    `language` is the identified patient's preferred language (a contact nobody identified has none).
    """
    urgent = (
        select(Ticket.conversation_id)
        .where(
            Ticket.priority == TicketPriority.URGENT,
            Ticket.status.in_((TicketStatus.OPEN, TicketStatus.IN_PROGRESS, TicketStatus.WAITING_ON_PATIENT)),
            Ticket.conversation_id.isnot(None),
        )
        .scalar_subquery()
    )
    rank = case(
        (Conversation.status == ConversationStatus.HANDOFF, 0),
        (Conversation.id.in_(urgent), 1),
        (Conversation.status == ConversationStatus.ACTIVE, 2),
        else_=3,
    )
    query = select(Conversation)
    if status is not None:
        query = query.where(Conversation.status == status)
    if channel is not None:
        query = query.where(Conversation.channel == channel)
    if address is not None:
        query = query.where(Conversation.address == address)
    if language is not None:
        speakers = select(Patient.id).where(Patient.preferred_language == language)
        query = query.where(Conversation.patient_id.in_(speakers))
    if assignee_id is not None:
        query = query.where(Conversation.assigned_staff_id == assignee_id)
    ordered = query.order_by(rank, Conversation.updated_at.desc(), Conversation.id).limit(limit)
    return list(await session.scalars(ordered))


async def add_message(
    session: AsyncSession,
    *,
    conversation: Conversation,
    direction: Direction,
    body: str,
    now: datetime,
    provider_message_id: str | None = None,
    status: DeliveryStatus | None = None,
) -> Message:
    """Record one message; inbound messages also mark the customer-service window's start."""
    message = Message(
        conversation_id=conversation.id,
        channel=conversation.channel,
        direction=direction,
        body=body,
        provider_message_id=provider_message_id,
        status=status
        or (DeliveryStatus.RECEIVED if direction == Direction.INBOUND else DeliveryStatus.QUEUED),
        created_at=now,
    )
    session.add(message)
    if direction == Direction.INBOUND:
        conversation.last_inbound_at = now
    await session.flush()
    return message


async def get_messages(
    session: AsyncSession, *, conversation_id: uuid.UUID, limit: int = 200, before: datetime | None = None
) -> list[Message]:
    """The latest `limit` messages (before `before`, to page back), oldest first: a long thread shows
    its newest messages, the ones a hand-off is about."""
    query = select(Message).where(Message.conversation_id == conversation_id)
    if before is not None:
        query = query.where(Message.created_at < before)
    latest = await session.scalars(query.order_by(Message.created_at.desc(), Message.id.desc()).limit(limit))
    return list(reversed(list(latest)))


async def link_patient(session: AsyncSession, *, conversation_id: uuid.UUID, patient_id: uuid.UUID) -> None:
    """Remember who was verified on this conversation (for staff views; the graph re-verifies)."""
    conversation = await get(session, conversation_id=conversation_id)
    conversation.patient_id = patient_id
    await session.flush()
