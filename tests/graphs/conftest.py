"""A seeded demo clinic on a database of its own, and a runner to talk to the agent through it."""

from __future__ import annotations

import secrets
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from redis.asyncio import Redis

from agents.understanding import RedFlagReader, SemanticScreen
from api.runtime import Runtime, ServerUrls, open_runtime
from api.seeding import seed_demo
from api.settings import Settings
from graphs.runner import Runner, TurnResult
from store.checkpoint import AsyncRedisSaver
from store.conversations.models import Channel
from store.migrate import upgrade
from tests.instant import NOW, TZ


@pytest.fixture(scope="session")
async def demo(
    settings: Settings, make_session_database: Callable[[], str], redis_url: str, embedder: Any
) -> AsyncIterator[Runtime]:
    """The demo clinic seeded with `now` = NOW, on its own database."""
    url = make_session_database()
    upgrade(url)
    urls = ServerUrls(url, redis_url)
    async with open_runtime(settings, urls, embedder=embedder, clock=lambda: NOW) as runtime:
        await seed_demo(runtime, now=NOW, console=None)
        yield runtime


@pytest.fixture
async def runner(demo: Runtime, redis_url: str) -> AsyncIterator[Runner]:
    """A runner whose checkpoints live under a key prefix of this test's own."""
    client = Redis.from_url(redis_url)
    saver = AsyncRedisSaver(client, prefix=f"test-{secrets.token_hex(4)}")
    yield Runner(
        sessions=demo.sessions,
        embedder=demo.embedder,
        checkpointer=saver,
        tz=TZ,
        clock=lambda: NOW,
        red_flags=RedFlagReader(SemanticScreen(demo.embedder)),  # the reader production runs (api/agent.py)
    )
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


async def _register(demo: Runtime, phone: str, name: str, birth: str, language: str = "en") -> uuid.UUID:
    """A registered patient on `phone`."""
    from datetime import date

    from store.database import transaction
    from store.patients import service as patients

    given, family = name.split(" ", 1)
    async with transaction(demo.sessions) as session:
        made = await patients.create(
            session,
            given_name=given,
            family_name=family,
            birth_date=date.fromisoformat(birth),
            phone=phone,
            preferred_language=language,
            today=NOW.date(),
        )
        return made.id


async def _book_first(demo: Runtime, patient_id: uuid.UUID, specialty: str, days: int = 7) -> uuid.UUID:
    """Book the first free slot of `specialty` at least `days` after NOW for the patient."""
    from datetime import timedelta

    from store.database import transaction
    from store.scheduling import service as scheduling

    async with transaction(demo.sessions) as session:
        start = NOW + timedelta(days=days)
        [slot] = await scheduling.find_free_slots(
            session, start=start, end=start + timedelta(days=14), specialty=specialty, tz=TZ, now=NOW, limit=1
        )
        appointment = await scheduling.book(
            session, slot_id=slot.id, patient_id=patient_id, reason=None, now=NOW
        )
        return appointment.id


@pytest.fixture
def register(demo: Runtime) -> Callable[..., Any]:
    """`await register(phone, "Given Family", "1990-01-31", language="en")` -> patient id."""
    return lambda *args, **kwargs: _register(demo, *args, **kwargs)


@pytest.fixture
def book_first(demo: Runtime) -> Callable[..., Any]:
    """`await book_first(patient_id, "cardiology", days=7)` -> appointment id."""
    return lambda *args, **kwargs: _book_first(demo, *args, **kwargs)
