"""A conversation resumes in a new process exactly where it stopped (Redis checkpoints)."""

from __future__ import annotations

import asyncio
import json
import secrets
import sys
import textwrap
from datetime import timedelta
from typing import Any

from redis.asyncio import Redis

from api.runtime import Runtime
from graphs.runner import Runner
from store.checkpoint import AsyncRedisSaver
from store.conversations.models import Channel
from tests.instant import NOW

FIRST_TURN = textwrap.dedent(
    """
    import asyncio, json, sys
    from datetime import datetime
    from zoneinfo import ZoneInfo
    from redis.asyncio import Redis
    from graphs.runner import Runner
    from store.checkpoint import AsyncRedisSaver
    from store.conversations.models import Channel
    from store.database import create_engine, session_factory
    from store.knowledge.embeddings import LocalEmbedder

    database_url, redis_url, prefix, phone, now = sys.argv[1:6]
    tz = ZoneInfo("America/New_York")

    async def main():
        engine = create_engine(database_url)
        client = Redis.from_url(redis_url)
        runner = Runner(sessions=session_factory(engine), embedder=LocalEmbedder(),
                        checkpointer=AsyncRedisSaver(client, prefix=prefix), tz=tz,
                        clock=lambda: datetime.fromisoformat(now))
        result = await runner.run_turn(channel=Channel.WHATSAPP, phone=phone,
                                       texts=["I need a cardiologist next Thursday morning"])
        print(json.dumps({"reply": result.reply, "offered": result.state["offered"]}))
        await client.aclose()
        await engine.dispose()

    asyncio.run(main())
    """
)


async def test_a_turn_in_a_new_process_continues_the_conversation(
    demo: Runtime, redis_url: str, patient: Any, register: Any
) -> None:
    phone, prefix = patient().phone, f"test-{secrets.token_hex(4)}"
    await register(phone, "Res Ume", "1975-05-05")
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        FIRST_TURN,
        demo.urls.database_url,
        redis_url,
        prefix,
        phone,
        NOW.isoformat(),  # the instant the clinic was seeded at: both processes live there
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await process.communicate()
    assert process.returncode == 0, err.decode()[-2000:]
    first = json.loads(out.decode().strip().splitlines()[-1])
    assert "Here are the first free times for cardiology" in first["reply"]

    client = Redis.from_url(redis_url)
    runner = Runner(
        sessions=demo.sessions,
        embedder=demo.embedder,
        checkpointer=AsyncRedisSaver(client, prefix=prefix),
        tz=demo.settings.tz,
        clock=lambda: NOW + timedelta(minutes=5),
    )
    result = await runner.run_turn(channel=Channel.WHATSAPP, phone=phone, texts=["the second one"])
    await client.aclose()
    assert result.outcome == "booked"
    assert first["offered"][1]["practitioner"] in result.reply
