"""A reply and the job that sends it are committed together: a worker killed just after the turn
recorded its reply (the patient's messages marked answered) still leaves a job to send it — the
retried turn would find no message waiting and send nothing."""

from __future__ import annotations

import secrets
from datetime import timedelta

import pytest

from api.runtime import Runtime
from graphs.runner import Runner
from graphs.turns import Turns
from store.conversations import inbox
from tests.graphs.inbox_helpers import DiesAfterTheReply, KilledAfterTheReply, like, replies, send_jobs, write
from tests.instant import NOW


@pytest.mark.parametrize("reply_by_rest", [True, False], ids=["rest", "twiml-budget"])
async def test_the_reply_is_recorded_with_its_send_job(
    demo: Runtime, runner: Runner, reply_by_rest: bool
) -> None:
    turns = Turns(
        sessions=demo.sessions,
        runner=like(DiesAfterTheReply, runner),
        clock=lambda: NOW,
        twiml_budget=timedelta(seconds=8),
        reply_by_rest=reply_by_rest,
        attempts=3,
    )
    phone = "+1555017" + str(secrets.randbelow(10_000)).zfill(4)
    conversation_id = await write(demo, phone, "What are your opening hours?")
    with pytest.raises(KilledAfterTheReply):
        await turns.take(demo.queue, conversation_id)
    [reply] = await replies(demo, conversation_id)
    async with demo.sessions() as session:
        assert await inbox.take_pending(session, conversation_id=conversation_id) == []  # all answered
    assert await send_jobs(demo, reply.id, waiting_only=True) == 1
