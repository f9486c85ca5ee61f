"""A turn that keeps failing is dead-lettered after a bounded number of attempts: the patient is
answered once (emergency guidance when the messages hold a red flag), staff get a ticket, the
messages are counted on /metrics, and the next message starts clean."""

from __future__ import annotations

import secrets
import uuid
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from api.runtime import Runtime
from graphs.dead_letter import DEAD_LETTER, PASSED_ON, dead_lettered
from graphs.runner import Runner, TurnResult
from graphs.turns import Turns
from store.conversations.models import Channel, Conversation, Message
from store.tickets.models import Ticket
from tests.graphs.inbox_helpers import like, send_jobs
from tests.graphs.inbox_helpers import replies as _replies
from tests.graphs.inbox_helpers import write as _write
from tests.instant import NOW


class Flaky(Runner):
    """The real runner, made to fail on demand (a checkpoint that cannot be read, say)."""

    failing = True

    async def run_queued_turn(self, **kwargs: Any) -> TurnResult:  # type: ignore[override]
        if self.failing:
            raise RuntimeError("the saved state cannot be read")
        return await super().run_queued_turn(**kwargs)


@pytest.fixture
def flaky(runner: Runner) -> Flaky:
    return like(Flaky, runner)


def _turns(demo: Runtime, runner: Runner) -> Turns:
    return Turns(
        sessions=demo.sessions,
        runner=runner,
        clock=lambda: NOW,
        twiml_budget=timedelta(seconds=8),
        reply_by_rest=True,
        attempts=3,
    )


async def _fail_until_dead_lettered(turns: Turns, demo: Runtime, conversation_id: uuid.UUID) -> None:
    for _ in range(turns.attempts - 1):
        with pytest.raises(RuntimeError):  # the job is retried, with backoff
            await turns.take(demo.queue, conversation_id)
    await turns.take(demo.queue, conversation_id)  # the last attempt dead-letters instead of raising


async def test_a_batch_that_always_fails_is_answered_once_ticketed_and_the_next_message_starts_clean(
    demo: Runtime, flaky: Flaky
) -> None:
    phone = f"+1555086{secrets.randbelow(10**4):04d}"
    turns = _turns(demo, flaky)
    flaky.failing = False
    conversation_id = await _write(demo, phone, "Hi, what are your opening hours?")
    await turns.take(demo.queue, conversation_id)  # a good turn first: the conversation has saved state
    thread = {"configurable": {"thread_id": str(conversation_id), "checkpoint_ns": ""}}
    assert await flaky.checkpointer.aget_tuple(thread) is not None

    flaky.failing = True
    await _write(demo, phone, "can I book a dermatology appointment?")
    await _write(demo, phone, "hello? anyone?")  # written while the first kept failing: joins its batch
    before = await _count_dead(demo)
    await _fail_until_dead_lettered(turns, demo, conversation_id)

    replies = await _replies(demo, conversation_id)
    assert replies[-1].body == PASSED_ON["en"] and replies[-1].kind == "notice"
    async with demo.sessions() as session:
        stuck = list(
            await session.scalars(
                select(Message).where(
                    Message.conversation_id == conversation_id, Message.error_code == DEAD_LETTER
                )
            )
        )
        assert len(stuck) == 2 and all(
            m.processed_at is not None and m.reply_id == replies[-1].id for m in stuck
        )
        [ticket] = await session.scalars(select(Ticket).where(Ticket.conversation_id == conversation_id))
        assert (ticket.category.value, ticket.priority.value) == ("other", "high")
        assert "hello? anyone?" in (ticket.description or "")
    assert await send_jobs(demo, replies[-1].id) == 1  # the answer goes out like any reply
    assert await _count_dead(demo) == before + 2
    assert await flaky.checkpointer.aget_tuple(thread) is None  # the saved state that failed is gone

    flaky.failing = False
    await _write(demo, phone, "what are your opening hours?")
    await turns.take(demo.queue, conversation_id)
    async with demo.sessions() as session:  # its own reply: replies stamped at one fixed instant tie
        asked = await session.scalar(
            select(Message).where(
                Message.conversation_id == conversation_id, Message.body == "what are your opening hours?"
            )
        )
        assert asked is not None and asked.reply_id is not None
        answer = await session.get(Message, asked.reply_id)
    assert answer is not None and "Monday" in answer.body  # answered afresh


async def test_a_red_flag_in_a_dead_lettered_batch_still_gets_the_emergency_reply(
    demo: Runtime, flaky: Flaky
) -> None:
    phone = f"+1555087{secrets.randbelow(10**4):04d}"
    turns = _turns(demo, flaky)
    conversation_id = await _write(demo, phone, "I have crushing chest pain and my left arm is numb")
    await _fail_until_dead_lettered(turns, demo, conversation_id)
    assert "911" in (await _replies(demo, conversation_id))[-1].body
    async with demo.sessions() as session:
        [ticket] = await session.scalars(select(Ticket).where(Ticket.conversation_id == conversation_id))
        assert (ticket.category.value, ticket.priority.value) == ("medical_question", "urgent")
        conversation = await session.get(Conversation, conversation_id)
        assert conversation is not None


async def _count_dead(demo: Runtime) -> int:
    async with demo.sessions() as session:
        return await dead_lettered(session)


async def test_saved_state_no_key_can_read_is_dropped_and_the_turn_answered(
    demo: Runtime, runner: Runner, redis_url: str
) -> None:
    """A changed PRM_CHECKPOINT_KEY (or state planted without the key) must not silence a patient
    until the dead letter: the unreadable state is dropped and the turn runs again, clean."""
    from redis.asyncio import Redis

    from store.checkpoint import AsyncRedisSaver

    phone = f"+1555088{secrets.randbelow(10**4):04d}"
    client = Redis.from_url(redis_url)
    prefix = f"test-{secrets.token_hex(4)}"
    old_key, new_key = bytes(range(32)), bytes(range(1, 33))

    def with_key(key: bytes) -> Runner:
        saver = AsyncRedisSaver(client, prefix=prefix, encryption_key=key)
        return Runner(
            sessions=runner.sessions,
            embedder=runner.embedder,
            checkpointer=saver,
            tz=runner.tz,
            clock=runner.clock,
            red_flags=runner.red_flags,
        )

    conversation_id = await _write(demo, phone, "Hi, what are your opening hours?")
    await _turns(demo, with_key(old_key)).take(demo.queue, conversation_id)
    await _write(demo, phone, "and do you take Aetna insurance?")
    await _turns(demo, with_key(new_key)).take(demo.queue, conversation_id)  # no exception, no retry
    replies = await _replies(demo, conversation_id)
    assert len(replies) == 2 and replies[-1].kind != "notice"  # answered, not dead-lettered
    await client.aclose()


async def test_a_dead_lettered_terminal_conversation_queues_no_send(demo: Runtime, flaky: Flaky) -> None:
    """`prm chat` reads and claims its own replies: a send job would race it to the phone by WhatsApp."""
    phone = f"+1555088{secrets.randbelow(10**4):04d}"
    turns = _turns(demo, flaky)
    conversation_id = await _write(demo, phone, "hello?", channel=Channel.CHAT)
    await _fail_until_dead_lettered(turns, demo, conversation_id)
    [notice] = await _replies(demo, conversation_id)
    assert notice.body == PASSED_ON["en"]
    assert await send_jobs(demo, notice.id) == 0
