"""Enqueueing in the caller's transaction: a burst waiting on one queued turn loses nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text

from api.runtime import ServerUrls, open_runtime
from channels.pipeline import accept
from store.conversations.models import Channel, Message
from store.database import transaction
from store.migrate import upgrade
from store.queue import TURN, requeue_stalled
from tests.fakes.twilio_stub import TwilioStub
from tests.pipeline.conftest import clinic_settings


async def test_messages_arriving_while_a_turn_waits_are_all_kept_and_share_that_turn(
    data_dir: Path,
    make_session_database: Callable[[], str],
    redis_url: str,
    embedder: Any,
    twilio: TwilioStub,
) -> None:
    url = make_session_database()
    upgrade(url)
    settings = clinic_settings(data_dir, twilio)
    async with open_runtime(settings, ServerUrls(url, redis_url), embedder=embedder) as runtime:
        # no worker runs: the first message's turn waits, and the queueing lock refuses the others
        for index in range(3):
            async with transaction(runtime.sessions) as session:
                accepted = await accept(
                    session,
                    runtime.queue,
                    channel=Channel.WHATSAPP,
                    address="+15559990001",
                    provider_message_id=f"SMburst{index}",
                    body=f"burst {index}",
                    now=runtime.clock(),
                )
                assert not accepted.duplicate
        async with transaction(runtime.sessions) as session:
            stored = await session.scalar(
                select(func.count()).select_from(Message).where(Message.body.like("burst %"))
            )
            jobs = await session.scalar(
                text("SELECT count(*) FROM procrastinate_jobs WHERE task_name = :task AND status = 'todo'"),
                {"task": TURN},
            )
    assert stored == 3, "a message refused a second queued turn was rolled back with it"
    assert jobs == 1


async def test_a_stalled_turn_with_a_newer_turn_waiting_gives_way_and_frees_the_conversation(
    data_dir: Path,
    make_session_database: Callable[[], str],
    redis_url: str,
    embedder: Any,
    twilio: TwilioStub,
) -> None:
    """A worker killed mid-turn while the patient writes again: the new message queues a second
    turn (the first is `doing`, so its queueing lock is free). Retrying the stalled one beside it
    broke the queueing lock's uniqueness, and the stalled job stayed `doing`, holding the
    conversation's lock: no turn of that conversation could ever run again."""
    url = make_session_database()
    upgrade(url)
    settings = clinic_settings(data_dir, twilio)
    async with open_runtime(settings, ServerUrls(url, redis_url), embedder=embedder) as runtime:

        async def write(phone: str, sid: str) -> None:
            async with transaction(runtime.sessions) as session:
                await accept(
                    session,
                    runtime.queue,
                    channel=Channel.WHATSAPP,
                    address=phone,
                    provider_message_id=sid,
                    body="hello",
                    now=runtime.clock(),
                )

        async def sql(statement: str) -> list[Any]:
            async with transaction(runtime.sessions) as session:
                result = await session.execute(text(statement))
                return list(result) if result.returns_rows else []

        await write("+15559990002", "SMstall1")  # this conversation's worker dies mid-turn...
        await write("+15559990003", "SMstall2")  # ...and this one's too
        await sql("UPDATE procrastinate_jobs SET status = 'doing', worker_id = NULL")  # a gone worker's
        await write("+15559990002", "SMstall3")  # the patient writes again: a newer turn waits
        async with runtime.queue.open_async():
            counts = await requeue_stalled(runtime.queue, seconds_since_heartbeat=3)
        rows = await sql("SELECT queueing_lock, status FROM procrastinate_jobs ORDER BY id")
    assert counts == (1, 1)
    [(first, aborted), (second, retried), (again, waiting)] = rows
    assert first == again and (aborted, waiting) == ("aborted", "todo")  # the waiting turn takes over
    assert second != first and retried == "todo"  # the stalled turn with no twin is retried
