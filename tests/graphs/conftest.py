"""A seeded demo clinic on a database of its own, and a runner to talk to the agent through it."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from redis.asyncio import Redis

from api.runtime import Runtime, ServerUrls, open_runtime
from api.seeding import seed_demo
from api.settings import Settings
from graphs.runner import Runner, TurnResult
from store.checkpoint import AsyncRedisSaver
from store.conversations.models import Channel
from store.migrate import upgrade

TZ = ZoneInfo("America/New_York")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=TZ)  # Tuesday 1 December 2026, 09:00


@pytest.fixture(scope="session")
async def demo(
    settings: Settings, make_session_database: Callable[[], str], redis_url: str, embedder: Any
) -> AsyncIterator[Runtime]:
    """The demo clinic seeded with `now` = NOW, on its own database."""
    url = make_session_database()
    upgrade(url)
    async with open_runtime(settings, ServerUrls(url, redis_url), embedder=embedder) as runtime:
        await seed_demo(runtime, now=NOW, console=None)
        yield runtime


@pytest.fixture
async def runner(demo: Runtime, redis_url: str) -> AsyncIterator[Runner]:
    """A runner whose checkpoints live under a key prefix of this test's own."""
    client = Redis.from_url(redis_url)
    saver = AsyncRedisSaver(client, prefix=f"test-{secrets.token_hex(4)}")
    yield Runner(sessions=demo.sessions, embedder=demo.embedder, checkpointer=saver, tz=TZ, clock=lambda: NOW)
    await client.aclose()


@dataclass
class Patient:
    """A patient on one phone, talking to the agent turn by turn."""

    runner: Runner
    phone: str
    results: list[TurnResult] = field(default_factory=list)

    async def says(self, *texts: str) -> str:
        result = await self.runner.run_turn(channel=Channel.WHATSAPP, phone=self.phone, texts=list(texts))
        self.results.append(result)
        return result.reply

    @property
    def last(self) -> TurnResult:
        return self.results[-1]


def new_phone() -> str:
    return f"+1555{secrets.randbelow(10**7):07d}"


@pytest.fixture
def patient(runner: Runner) -> Callable[[str | None], Patient]:
    def make(phone: str | None = None) -> Patient:
        return Patient(runner, phone or new_phone())

    return make
