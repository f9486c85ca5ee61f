"""The production path of one inbound message: inbox row + queued turn, then the reply's hand-over.

Every door uses it — the Twilio webhook, the voice webhook, `prm chat` and evaluation runs — so
what is tested once holds for all of them: the message is durable before anyone is told "ok",
a duplicate is acknowledged and not processed again, and a reply is delivered exactly once.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import procrastinate
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from store.conversations import inbox
from store.conversations.models import Channel, Message
from store.database import transaction
from store.queue import enqueue_turn

POLL_S = 0.05


@dataclass(frozen=True)
class Accepted:
    message_id: uuid.UUID
    conversation_id: uuid.UUID
    duplicate: bool


async def accept(
    session: AsyncSession,
    queue: procrastinate.App,
    *,
    channel: Channel,
    address: str,
    provider_message_id: str,
    body: str,
    now: datetime,
    message_channel: Channel | None = None,
    media: list[dict[str, Any]] | None = None,
    turn_after: timedelta | None = None,
) -> Accepted:
    """Store the message and queue its conversation's turn, in the caller's transaction (`turn_after`
    from now for a number over its rate limit: the backlog is taken when the window allows)."""
    received = await inbox.receive(
        session,
        conversation_channel=channel,
        address=address,
        provider_message_id=provider_message_id,
        body=body,
        now=now,
        message_channel=message_channel,
        media=media,
        opens_window=(message_channel or channel) == channel,
    )
    if received.message.processed_at is None:  # new, or a redelivery of one still waiting: make sure
        await enqueue_turn(session, queue, conversation_id=received.conversation.id, after=turn_after)
    return Accepted(received.message.id, received.conversation.id, received.duplicate)


async def record_unprocessed(
    session: AsyncSession,
    *,
    channel: Channel,
    address: str,
    provider_message_id: str,
    body: str,
    now: datetime,
    kind: str,
) -> Accepted:
    """Store a message no turn should take (an opt-out keyword, a rate-limited flood): kept, not run."""
    received = await inbox.receive(
        session,
        conversation_channel=channel,
        address=address,
        provider_message_id=provider_message_id,
        body=body,
        now=now,
        processed=True,
    )
    received.message.kind = kind
    return Accepted(received.message.id, received.conversation.id, received.duplicate)


async def wait_for_reply(
    sessions: async_sessionmaker[AsyncSession], *, message_id: uuid.UUID, budget_s: float, via: str
) -> Message | None:
    """The reply to `message_id` if its turn finishes within `budget_s` and nobody else sent it.

    Claiming is atomic: of the webhooks of a burst and the REST sender, exactly one gets the reply.
    """
    deadline = time.monotonic() + budget_s
    while True:
        async with transaction(sessions) as session:
            message = await inbox.get(session, message_id=message_id)
            if message is not None and message.processed_at is not None:
                if message.reply_id is None:
                    return None  # staff own the conversation, or the turn was silent
                return await inbox.claim(session, message_id=message.reply_id, via=via)
        if time.monotonic() >= deadline:
            return None
        await asyncio.sleep(min(POLL_S, max(0.0, deadline - time.monotonic())))


class QueuedLine:
    """A patient writing on `channel` through the production path (`prm chat`, evaluation runs).

    Each message is accepted like a webhook's, the worker takes the turn, and the reply is claimed
    here (`via="line"`), exactly as a TwiML webhook would — so nothing else sends it.
    """

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        queue: procrastinate.App,
        *,
        channel: Channel,
        phone: str,
        clock: Callable[[], datetime],
        wait_s: float = 120,
    ) -> None:
        self.sessions, self.queue, self.channel, self.phone = sessions, queue, channel, phone
        self.clock, self.wait_s = clock, wait_s

    async def send(self, text: str) -> list[str]:
        async with transaction(self.sessions) as session:
            accepted = await accept(
                session,
                self.queue,
                channel=self.channel,
                address=self.phone,
                provider_message_id=f"line-{uuid.uuid4().hex}",
                body=text,
                now=self.clock(),
            )
        reply = await wait_for_reply(
            self.sessions, message_id=accepted.message_id, budget_s=self.wait_s, via="line"
        )
        return [reply.body] if reply is not None else []
