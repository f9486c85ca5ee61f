"""A turn that fails while the patient has written again (a turn of the conversation waits) is not
retried beside it: procrastinate's retry would break the waiting turn's queueing lock, fail inside
its own bookkeeping and leave the job `doing`, holding the conversation's lock. The waiting turn
takes the failed batch's messages instead, and the failure still counts towards dead-lettering."""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from api.runtime import Runtime
from graphs.runner import Runner, TurnResult
from graphs.turns import Turns
from store.conversations.models import Message
from store.database import transaction
from store.queue import enqueue_turn, turn_waiting
from tests.graphs.inbox_helpers import like, write
from tests.instant import NOW


class Broken(Runner):
    async def run_queued_turn(self, **kwargs: Any) -> TurnResult:  # type: ignore[override]
        raise RuntimeError("the model endpoint is down")


async def test_a_failed_turn_leaves_its_messages_to_the_turn_waiting(demo: Runtime, runner: Runner) -> None:
    broken = like(Broken, runner)
    turns = Turns(
        sessions=demo.sessions,
        runner=broken,
        clock=lambda: NOW,
        twiml_budget=timedelta(seconds=8),
        reply_by_rest=True,
        attempts=5,
    )
    phone = "+1555019" + str(secrets.randbelow(10_000)).zfill(4)
    conversation_id = await write(demo, phone, "Can I book a cleaning?")
    async with transaction(demo.sessions) as session:
        assert not await turn_waiting(session, conversation_id=conversation_id)
        assert await enqueue_turn(session, demo.queue, conversation_id=conversation_id)  # written again
        assert await turn_waiting(session, conversation_id=conversation_id)
    await turns.take(demo.queue, conversation_id)  # returns: no retry beside the waiting turn
    async with demo.sessions() as session:
        [message] = await session.scalars(select(Message).where(Message.conversation_id == conversation_id))
        assert message.processed_at is None and message.attempts == 1  # left waiting, failure counted
