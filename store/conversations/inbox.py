"""The inbox and the reply hand-over: what makes a webhook durable, a burst one turn, a reply sent once.

An inbound message is stored (unique on the provider's id) before the webhook is acknowledged; a
turn takes every pending message of its conversation at once, and links them to its reply; the
reply is then *claimed* exactly once, either by a webhook still within its TwiML budget or by the
REST sender, whichever gets there first. Delivery status moves only forward.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import String, and_, cast, column, exists, func, or_, select, table, update
from sqlalchemy.dialects.postgresql import JSONB, insert
from sqlalchemy.ext.asyncio import AsyncSession

from store.conversations import service as conversations
from store.conversations.models import (
    Channel,
    Conversation,
    DeliveryStatus,
    Direction,
    Message,
)
from store.queue import SEND

TURN_REPLY_KINDS = ("reply", "notice")  # what a turn itself writes to the patient
_JOBS = table("procrastinate_jobs", column("task_name"), column("status"), column("args", JSONB))


@dataclass(frozen=True)
class Received:
    message: Message
    conversation: Conversation
    duplicate: bool  # the provider delivered this id before: acknowledge, do not process again


async def receive(
    session: AsyncSession,
    *,
    conversation_channel: Channel,
    address: str,
    provider_message_id: str,
    body: str,
    now: datetime,
    message_channel: Channel | None = None,
    media: list[dict[str, Any]] | None = None,
    processed: bool = False,
    opens_window: bool = True,
) -> Received:
    """Store one inbound message once, however many times (and however concurrently) it is delivered.

    `message_channel` differs from the conversation's for a voice call that continues on WhatsApp.
    `processed` stores a message no turn should take (an opt-out keyword, a rate-limited flood).
    """
    conversation = await conversations.get_or_create(session, channel=conversation_channel, address=address)
    await session.refresh(conversation, with_for_update=True)
    arrived = _arrival(now, conversation.last_inbound_at) if opens_window else now
    channel = message_channel or conversation_channel
    message_id = await session.scalar(
        insert(Message)
        .values(
            id=uuid.uuid4(),
            conversation_id=conversation.id,
            channel=channel,
            direction=Direction.INBOUND,
            provider_message_id=provider_message_id,
            body=body,
            media=media or [],
            status=DeliveryStatus.RECEIVED,
            created_at=arrived,
            processed_at=now if processed else None,
            kind="inbound",
        )
        .on_conflict_do_nothing(constraint="uq_messages_channel_provider_id")
        .returning(Message.id)
    )
    duplicate = message_id is None
    message = await session.scalar(
        select(Message).where(Message.channel == channel, Message.provider_message_id == provider_message_id)
    )
    assert message is not None  # inserted now or by an earlier delivery
    if not duplicate and opens_window:
        conversation.last_inbound_at = arrived
        await session.flush()
    return Received(message=message, conversation=conversation, duplicate=duplicate)


def _arrival(now: datetime, last_inbound_at: datetime | None) -> datetime:
    """When a message arrived, as the order of turns reads it: `now`, or just after the message
    stored before it in this conversation, whichever is later.

    Why: turns take a conversation's messages in `created_at` order, and `now` was read before the
    conversation's row was locked. Two deliveries a few milliseconds apart (a burst, or API
    processes with clocks apart) can read `now` in one order and store in the other; under the
    lock, each message is stamped after the one stored before it, so the stored order and the
    order of turns are the same.
    """
    if last_inbound_at is None or now > last_inbound_at:
        return now
    return last_inbound_at + timedelta(microseconds=1)


async def already_received(session: AsyncSession, *, channel: Channel, provider_message_id: str) -> bool:
    """Whether this provider message is stored already (a redelivery)."""
    query = select(Message.id).where(
        Message.channel == channel, Message.provider_message_id == provider_message_id
    )
    return await session.scalar(query) is not None


async def take_pending(session: AsyncSession, *, conversation_id: uuid.UUID) -> list[Message]:
    """Every inbound message of the conversation no turn has taken yet, oldest first, locked."""
    query = (
        select(Message)
        .where(
            Message.conversation_id == conversation_id,
            Message.direction == Direction.INBOUND,
            Message.processed_at.is_(None),
        )
        .order_by(Message.created_at, Message.id)
        .with_for_update()
    )
    return list(await session.scalars(query))


async def conversations_with_pending(
    session: AsyncSession, *, older_than: datetime, limit: int = 100
) -> list[uuid.UUID]:
    """Conversations whose messages still wait (the sweep re-queues them, so nothing waits forever)."""
    query = (  # the longest-waiting first, so that more than `limit` stuck conversations all get a turn
        select(Message.conversation_id)
        .where(
            Message.direction == Direction.INBOUND,
            Message.processed_at.is_(None),
            Message.created_at < older_than,
        )
        .group_by(Message.conversation_id)
        .order_by(func.min(Message.created_at), Message.conversation_id)
        .limit(limit)
    )
    return list(await session.scalars(query))


async def mark_processed(
    session: AsyncSession, *, messages: Collection[Message], reply: Message | None, now: datetime
) -> None:
    for message in messages:
        message.processed_at = now
        message.reply_id = reply.id if reply else None
    await session.flush()


async def add_reply(
    session: AsyncSession,
    *,
    conversation: Conversation,
    body: str,
    now: datetime,
    kind: str = "reply",
    channel: Channel | None = None,
) -> Message:
    """An outbound message waiting to be claimed and sent (status `queued`, `sent_via` unset)."""
    message = Message(
        conversation_id=conversation.id,
        channel=channel or conversation.channel,
        direction=Direction.OUTBOUND,
        body=body,
        status=DeliveryStatus.QUEUED,
        created_at=now,
        kind=kind,
    )
    session.add(message)
    await session.flush()
    return message


async def crossed_reply(
    session: AsyncSession, *, conversation_id: uuid.UUID, body: str, messages: Collection[Message]
) -> Message | None:
    """The conversation's last outbound message, if it is a turn's reply saying `body` word for
    word and every one of `messages` was written before it existed: they crossed it on its way to
    the patient, so it answers them too — sent again, the patient would read the same words twice.

    None otherwise: for a message written once the reply existed (asked again, answered again),
    when anything else was said since, and when that reply failed."""
    if not messages:
        return None
    query = (
        select(Message)
        .where(Message.conversation_id == conversation_id, Message.direction == Direction.OUTBOUND)
        .order_by(Message.created_at.desc(), Message.id.desc())
        .limit(1)
    )
    last = await session.scalar(query)
    if (
        last is None
        or last.kind not in TURN_REPLY_KINDS
        or last.body != body
        or last.status in (DeliveryStatus.FAILED, DeliveryStatus.UNDELIVERED)
        or any(message.created_at >= last.created_at for message in messages)
    ):
        return None
    return last


async def unsent_replies(session: AsyncSession, *, conversation_id: uuid.UUID) -> list[uuid.UUID]:
    """The conversation's turn replies that nobody has finished sending, is sending, or has queued
    to send, oldest first. A turn sends its reply itself once the reply is committed; a worker
    killed in between — or half-way through a long reply's parts — leaves one here, for the turn's
    retry (or the conversation's next turn) to send, however late: `claim`'s "unfinished" rule, so
    a status a callback moved on for a part that did go out does not hide the rest. Not a reply a
    webhook may still answer (its TwiML fallback job waits), nor one the terminal or an evaluation
    line reads (the chat channel), nor one that failed for good."""
    queued = exists().where(
        _JOBS.c.task_name == SEND,
        cast(_JOBS.c.status, String).in_(("todo", "doing")),
        _JOBS.c.args["message_id"].astext == cast(Message.id, String),
    )
    query = (
        select(Message.id)
        .where(
            Message.conversation_id == conversation_id,
            Message.direction == Direction.OUTBOUND,
            Message.kind.in_(TURN_REPLY_KINDS),
            Message.channel != Channel.CHAT,
            Message.status.not_in([DeliveryStatus.FAILED, DeliveryStatus.UNDELIVERED]),
            Message.provider_message_id.is_(None),
            or_(Message.sent_via.is_(None), Message.sent_via == "rest"),
            ~queued,
        )
        .order_by(Message.created_at, Message.id)
    )
    return list(await session.scalars(query))


async def claim(
    session: AsyncSession, *, message_id: uuid.UUID, via: str, retry: bool = False
) -> Message | None:
    """Take the right to send `message_id` (`twiml`, `rest`, `chat`…): only the first caller gets it.

    With `retry`, a sender that claimed it before and has not recorded a result may take it again
    (a job retried after a transient failure or a crash) — even when a status callback for a part
    that did go out has moved its status on meanwhile: the retry finds that part at the provider and
    sends the rest. A failure, recorded by us or called back, is final.
    """
    unfinished = and_(
        Message.sent_via == via,
        Message.status.not_in([DeliveryStatus.FAILED, DeliveryStatus.UNDELIVERED]),
        Message.provider_message_id.is_(None),
    )
    unclaimed = or_(Message.sent_via.is_(None), unfinished) if retry else Message.sent_via.is_(None)
    claimed = await session.scalar(
        update(Message).where(Message.id == message_id, unclaimed).values(sent_via=via).returning(Message.id)
    )
    if claimed is None:
        return None
    message = await session.get(Message, claimed, populate_existing=True)
    return message


async def record_sent(
    session: AsyncSession,
    *,
    message: Message,
    provider_message_id: str | None,
    status: DeliveryStatus,
    error_code: str | None = None,
) -> None:
    """What the provider said when it took (or refused) the message.

    `queued` never overwrites a status a callback already set: Twilio may call back before this
    is recorded (the callback finds the row by our id, see `advance_status`).
    """
    message.provider_message_id = provider_message_id
    if status != DeliveryStatus.QUEUED or message.status == DeliveryStatus.QUEUED:
        message.status = status
        message.error_code = error_code
    message.attempts += 1
    await session.flush()


async def advance_status(
    session: AsyncSession,
    *,
    channel: Channel,
    provider_message_id: str,
    status: DeliveryStatus,
    allowed_from: Collection[DeliveryStatus],
    error_code: str | None = None,
    message_id: uuid.UUID | None = None,
) -> bool:
    """Move a sent message's status forward (one atomic update; a stale callback changes nothing).

    `message_id` (our id, carried in the callback URL) finds the row even before the provider's id
    is recorded on it; without it the provider's id does.
    """
    found = (
        Message.id == message_id
        if message_id is not None
        else (Message.channel == channel) & (Message.provider_message_id == provider_message_id)
    )
    updated = await session.scalar(
        update(Message)
        .where(
            found,
            Message.direction == Direction.OUTBOUND,
            Message.status.in_(list(allowed_from)),
        )
        .values(status=status, error_code=error_code)
        .returning(Message.id)
    )
    return updated is not None


async def get(session: AsyncSession, *, message_id: uuid.UUID) -> Message | None:
    return await session.get(Message, message_id, populate_existing=True)


async def pending_media(session: AsyncSession, *, conversation_id: uuid.UUID) -> list[dict[str, Any]]:
    """The stored media of the messages the conversation's running turn is taking (not yet processed)."""
    query = (
        select(Message.media)
        .where(
            Message.conversation_id == conversation_id,
            Message.direction == Direction.INBOUND,
            Message.processed_at.is_(None),
        )
        .order_by(Message.created_at, Message.id)
    )
    return [item for media in await session.scalars(query) for item in media if "stored" in item]
