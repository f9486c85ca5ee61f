"""A reply and the job that sends it are committed together: a worker killed just after the turn
recorded its reply (the patient's messages marked answered) still leaves a job to send it — the
retried turn would find no message waiting and send nothing."""

from __future__ import annotations

import secrets
import uuid
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select, text

from api.runtime import Runtime
from graphs.runner import Runner, TurnResult
from graphs.turns import Turns
from store.conversations import inbox
from store.conversations.models import Channel, Direction, Message
from store.database import transaction
from store.queue import SEND
from tests.instant import NOW


class KilledAfterTheReply(Exception):
    """Stands for the worker dying between the reply's commit and whatever the job did next."""


class DiesAfterTheReply(Runner):
    async def run_queued_turn(self, **kwargs: Any) -> TurnResult:  # type: ignore[override]
        await super().run_queued_turn(**kwargs)
        raise KilledAfterTheReply


@pytest.mark.parametrize("reply_by_rest", [True, False], ids=["rest", "twiml-budget"])
async def test_the_reply_is_recorded_with_its_send_job(
    demo: Runtime, runner: Runner, reply_by_rest: bool
) -> None:
    dying = DiesAfterTheReply(
        sessions=runner.sessions,
        embedder=runner.embedder,
        checkpointer=runner.checkpointer,
        tz=runner.tz,
        clock=runner.clock,
        red_flags=runner.red_flags,
    )
    turns = Turns(
        sessions=demo.sessions,
        runner=dying,
        clock=lambda: NOW,
        twiml_budget=timedelta(seconds=8),
        reply_by_rest=reply_by_rest,
        attempts=3,
    )
    phone = "+1555017" + str(secrets.randbelow(10_000)).zfill(4)
    async with transaction(demo.sessions) as session:
        received = await inbox.receive(
            session,
            conversation_channel=Channel.WHATSAPP,
            address=phone,
            provider_message_id="SM" + secrets.token_hex(16),
            body="What are your opening hours?",
            now=NOW,
        )
    conversation_id: uuid.UUID = received.conversation.id
    with pytest.raises(KilledAfterTheReply):
        await turns.take(demo.queue, conversation_id)
    async with demo.sessions() as session:
        [reply] = await session.scalars(
            select(Message).where(
                Message.conversation_id == conversation_id, Message.direction == Direction.OUTBOUND
            )
        )
        assert await inbox.take_pending(session, conversation_id=conversation_id) == []  # all answered
        jobs = await session.scalar(
            text(
                "SELECT count(*) FROM procrastinate_jobs"
                " WHERE task_name = :task AND args->>'message_id' = :id AND status = 'todo'"
            ),
            {"task": SEND, "id": str(reply.id)},
        )
    assert jobs == 1
