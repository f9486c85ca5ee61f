"""A reply that goes out by REST at once (PRM_WHATSAPP_REPLY=rest, voice hand-offs) is sent by the
turn's own job, after the transaction that records it: no second job to queue, fetch and finish.
What a send job used to guarantee still holds: a send that fails is handed to a send job (with its
retries), and a worker killed between the reply's commit and its send leaves it to the turn's retry,
which sends the conversation's unsent replies first."""

from __future__ import annotations

import secrets
import uuid
from datetime import timedelta

import pytest

from api.runtime import Runtime
from graphs.runner import Runner
from graphs.turns import Turns
from store.conversations import inbox
from store.conversations.models import DeliveryStatus
from store.database import transaction
from tests.graphs.inbox_helpers import DiesAfterTheReply, KilledAfterTheReply, like, send_jobs
from tests.graphs.inbox_helpers import replies as _replies
from tests.graphs.inbox_helpers import write as _write
from tests.instant import NOW


class Deliveries:
    """Stands for channels.outbound.deliver as the worker wires it: records what it was asked to
    send and marks it taken by Twilio, or fails like an outage when told to."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.asked: list[uuid.UUID] = []
        self.failing = False

    async def __call__(self, message_id: uuid.UUID) -> object:
        self.asked.append(message_id)
        async with transaction(self.runtime.sessions) as session:
            message = await inbox.claim(session, message_id=message_id, via="rest", retry=True)
            assert message is not None
        if self.failing:  # claimed, then the post failed: as a sender whose Twilio is down
            raise ConnectionError("Twilio unreachable")
        async with transaction(self.runtime.sessions) as session:
            message = await inbox.get(session, message_id=message_id)
            assert message is not None
            await inbox.record_sent(
                session,
                message=message,
                provider_message_id="SM" + secrets.token_hex(16),
                status=DeliveryStatus.QUEUED,
            )
        return DeliveryStatus.QUEUED


def _turns(demo: Runtime, runner: Runner, deliveries: Deliveries) -> Turns:
    return Turns(
        sessions=demo.sessions,
        runner=runner,
        clock=lambda: NOW,
        twiml_budget=timedelta(seconds=8),
        reply_by_rest=True,
        deliver=deliveries,
    )


def _phone() -> str:
    return "+1555018" + str(secrets.randbelow(10_000)).zfill(4)


async def test_the_turn_sends_its_reply_itself_and_queues_no_send_job(demo: Runtime, runner: Runner) -> None:
    deliveries = Deliveries(demo)
    conversation_id = await _write(demo, _phone(), "What are your opening hours?")
    await _turns(demo, runner, deliveries).take(demo.queue, conversation_id)
    [reply] = await _replies(demo, conversation_id)
    assert deliveries.asked == [reply.id]
    assert reply.provider_message_id is not None and reply.sent_via == "rest"
    assert await send_jobs(demo, reply.id, waiting_only=True) == 0


async def test_a_send_that_fails_in_the_turn_is_handed_to_a_send_job(demo: Runtime, runner: Runner) -> None:
    deliveries = Deliveries(demo)
    deliveries.failing = True
    turns = _turns(demo, runner, deliveries)
    phone = _phone()
    conversation_id = await _write(demo, phone, "What are your opening hours?")
    await turns.take(demo.queue, conversation_id)  # answered; the send is left to the job's retries
    [reply] = await _replies(demo, conversation_id)
    assert deliveries.asked == [reply.id] and await send_jobs(demo, reply.id, waiting_only=True) == 1
    deliveries.failing = False
    await _write(demo, phone, "Thanks!")
    await turns.take(demo.queue, conversation_id)  # the next turn leaves that reply to its job
    # both replies carry the test's one instant, so their order is read from the ids, not the clock
    both = await _replies(demo, conversation_id)
    [second] = [r for r in both if r.id != reply.id]
    assert len(both) == 2 and deliveries.asked == [reply.id, second.id]


async def test_a_reply_whose_worker_died_before_the_send_is_sent_by_the_turns_retry(
    demo: Runtime, runner: Runner
) -> None:
    deliveries = Deliveries(demo)
    dying = like(DiesAfterTheReply, runner)
    conversation_id = await _write(demo, _phone(), "What are your opening hours?")
    with pytest.raises(KilledAfterTheReply):
        await _turns(demo, dying, deliveries).take(demo.queue, conversation_id)
    [reply] = await _replies(demo, conversation_id)
    assert deliveries.asked == [] and reply.provider_message_id is None  # recorded, never sent
    await _turns(demo, runner, deliveries).take(demo.queue, conversation_id)  # the job's retry
    assert deliveries.asked == [reply.id]
    [sent] = await _replies(demo, conversation_id)
    assert sent.provider_message_id is not None


async def test_a_long_reply_cut_short_after_a_callback_is_finished_by_the_next_turn(
    demo: Runtime, runner: Runner
) -> None:
    """Part 0 went out and Twilio's callback moved the row to `sent` before the worker died: the
    rest is still to send (claim's "unfinished" rule), not hidden by the status."""
    deliveries = Deliveries(demo)
    conversation_id = await _write(demo, _phone(), "What are your opening hours?")
    dying = like(DiesAfterTheReply, runner)
    with pytest.raises(KilledAfterTheReply):
        await _turns(demo, dying, deliveries).take(demo.queue, conversation_id)
    [reply] = await _replies(demo, conversation_id)
    async with transaction(demo.sessions) as session:
        claimed = await inbox.claim(session, message_id=reply.id, via="rest")
        assert claimed is not None
        claimed.status = DeliveryStatus.SENT  # the first part's callback, by our id
    await _turns(demo, runner, deliveries).take(demo.queue, conversation_id)
    assert deliveries.asked == [reply.id]
