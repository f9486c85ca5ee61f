"""What the worker-side graph tests share: a patient's message in the inbox, a conversation's
replies, the send jobs queued for a message, and a runner of another kind built from the real one."""

from __future__ import annotations

import secrets
import uuid
from typing import Any, TypeVar

from sqlalchemy import select, text

from api.runtime import Runtime
from graphs.runner import Runner, TurnResult
from store.conversations import inbox
from store.conversations.models import Channel, Direction, Message
from store.database import transaction
from store.queue import SEND
from tests.instant import NOW

R = TypeVar("R", bound=Runner)


async def write(demo: Runtime, phone: str, body: str, *, channel: Channel = Channel.WHATSAPP) -> uuid.UUID:
    """`body` from `phone` stored as a webhook stores it (no turn queued); its conversation's id."""
    async with transaction(demo.sessions) as session:
        received = await inbox.receive(
            session,
            conversation_channel=channel,
            address=phone,
            provider_message_id="SM" + secrets.token_hex(16),
            body=body,
            now=NOW,
        )
        return received.conversation.id


async def replies(demo: Runtime, conversation_id: uuid.UUID) -> list[Message]:
    async with demo.sessions() as session:
        query = select(Message).where(
            Message.conversation_id == conversation_id, Message.direction == Direction.OUTBOUND
        )
        return list(await session.scalars(query.order_by(Message.created_at)))


async def send_jobs(demo: Runtime, message_id: uuid.UUID, *, waiting_only: bool = False) -> int:
    """Send jobs queued for `message_id` (only those still waiting, with `waiting_only`)."""
    query = "SELECT count(*) FROM procrastinate_jobs WHERE task_name = :task AND args->>'message_id' = :id"
    if waiting_only:
        query += " AND status = 'todo'"
    async with demo.sessions() as session:
        count = await session.scalar(text(query), {"task": SEND, "id": str(message_id)})
    return int(count or 0)


def like(kind: type[R], runner: Runner) -> R:
    """A runner of `kind` (a test's subclass) on `runner`'s collaborators."""
    return kind(
        sessions=runner.sessions,
        embedder=runner.embedder,
        checkpointer=runner.checkpointer,
        tz=runner.tz,
        clock=runner.clock,
        red_flags=runner.red_flags,
    )


class KilledAfterTheReply(Exception):
    """Stands for the worker dying between the reply's commit and whatever the job did next."""


class DiesAfterTheReply(Runner):
    """The real runner, whose worker dies once the turn's reply is committed."""

    async def run_queued_turn(self, **kwargs: Any) -> TurnResult:  # type: ignore[override]
        await super().run_queued_turn(**kwargs)
        raise KilledAfterTheReply
