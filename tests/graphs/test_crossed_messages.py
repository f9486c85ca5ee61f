"""Messages that cross a turn: stored while the turn takes its batch, or written before its reply
existed and taken by the next turn (a patient writing again while waiting; under load, webhooks
that commit late). None is left without a turn, and none gets the same words sent twice."""

from __future__ import annotations

import asyncio
import dataclasses
import secrets
import uuid
from datetime import timedelta

from sqlalchemy import select, text

from api.runtime import Runtime
from channels.pipeline import accept
from graphs.runner import Runner
from graphs.turns import Turns
from store.conversations import inbox
from store.conversations.models import Channel, Direction, Message
from store.database import transaction
from store.queue import conversation_lock
from tests.graphs.inbox_helpers import replies
from tests.instant import NOW

HOURS = "What are your opening hours?"


def _turns(demo: Runtime, runner: Runner) -> Turns:
    return Turns(
        sessions=demo.sessions,
        runner=runner,
        clock=runner.clock,
        twiml_budget=timedelta(seconds=8),
        reply_by_rest=True,
    )


def _phone() -> str:
    return f"+1555077{secrets.randbelow(10**4):04d}"


async def _inbound(demo: Runtime, conversation_id: uuid.UUID) -> list[Message]:
    async with demo.sessions() as session:
        query = select(Message).where(
            Message.conversation_id == conversation_id, Message.direction == Direction.INBOUND
        )
        return list(await session.scalars(query.order_by(Message.created_at)))


async def _blocked_on_a_lock(demo: Runtime) -> bool:
    async with demo.sessions() as session:
        waiting = await session.scalar(
            text(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
        )
    return bool(waiting)


async def test_a_message_committed_while_its_turn_is_taken_is_not_left_without_a_turn(
    demo: Runtime, runner: Runner
) -> None:
    """The webhook of the patient's next message stores it and finds a turn waiting (so it queues
    none: that turn will take it); before it commits, a worker starts that turn. The turn must wait
    for the webhook's commit and take the message: read before it, the message was left with no
    turn at all until the sweep, minutes later (seen in `prm bench load` at 50 msg/s)."""
    phone = _phone()
    async with transaction(demo.sessions) as session:
        first = await accept(
            session,
            demo.queue,
            channel=Channel.WHATSAPP,
            address=phone,
            provider_message_id="SM" + secrets.token_hex(16),
            body=HOURS,
            now=NOW,
        )
    conversation_id = first.conversation_id
    taking: asyncio.Task[None] | None = None
    async with transaction(demo.sessions) as webhook:
        await accept(
            webhook,
            demo.queue,
            channel=Channel.WHATSAPP,
            address=phone,
            provider_message_id="SM" + secrets.token_hex(16),
            body="And do you take walk-ins?",
            now=NOW,
        )
        async with transaction(demo.sessions) as worker:  # the worker fetches the waiting turn
            await worker.execute(
                text("UPDATE procrastinate_jobs SET status = 'doing' WHERE queueing_lock = :lock"),
                {"lock": conversation_lock(conversation_id)},
            )
        taking = asyncio.create_task(_turns(demo, runner).take(demo.queue, conversation_id))
        for _ in range(200):  # until the turn is done, or waits for this webhook's commit
            if taking.done() or await _blocked_on_a_lock(demo):
                break
            await asyncio.sleep(0.05)
    await taking
    async with demo.sessions() as session:
        waiting_turns = await session.scalar(
            text("SELECT count(*) FROM procrastinate_jobs WHERE queueing_lock = :lock AND status = 'todo'"),
            {"lock": conversation_lock(conversation_id)},
        )
    left = [m for m in await _inbound(demo, conversation_id) if m.processed_at is None]
    assert not left or waiting_turns, "a stored message has no turn to take it"
    [reply] = await replies(demo, conversation_id)
    assert {m.reply_id for m in await _inbound(demo, conversation_id)} == {reply.id}  # one turn, both


async def test_a_message_that_crossed_the_reply_is_not_sent_the_same_words_again(
    demo: Runtime, runner: Runner
) -> None:
    """The patient asks, and asks again before the answer has reached them; the second message comes
    too late for the first turn, so the next turn takes it and answers it word for word as the
    first did. That answer is not sent again: the reply already on its way answers both. A message
    written after the reply existed is answered again, however alike."""
    replying = dataclasses.replace(runner, clock=lambda: NOW + timedelta(seconds=2))  # replies at 09:00:02
    turns = _turns(demo, replying)
    phone = _phone()

    async def write(at: timedelta) -> uuid.UUID:
        async with transaction(demo.sessions) as session:
            received = await inbox.receive(
                session,
                conversation_channel=Channel.WHATSAPP,
                address=phone,
                provider_message_id="SM" + secrets.token_hex(16),
                body=HOURS,
                now=NOW + at,
            )
            return received.conversation.id

    conversation_id = await write(timedelta(0))
    await turns.take(demo.queue, conversation_id)
    [first] = await replies(demo, conversation_id)
    await write(timedelta(seconds=1))  # written at 09:00:01, stored after the turn took its batch
    await turns.take(demo.queue, conversation_id)
    assert [r.id for r in await replies(demo, conversation_id)] == [first.id], "the same words sent twice"
    crossed = (await _inbound(demo, conversation_id))[1]
    assert crossed.processed_at is not None and crossed.reply_id == first.id

    await write(timedelta(seconds=3))  # written once the reply existed: asked again, answered again
    await turns.take(demo.queue, conversation_id)
    both = await replies(demo, conversation_id)  # stamped at the runner's one instant: told apart by id
    [second] = [r for r in both if r.id != first.id]
    assert len(both) == 2 and second.body == first.body
