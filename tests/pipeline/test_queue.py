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
from store.queue import TURN
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
