"""A database of the outbox tests' own: the relay takes *every* pending event, so events other tests
commit to the shared database would land in these tests' subscribers and skew their counts.

`outbox_sessions` empties the outbox tables before each test; `committed_events` emits in a
transaction of its own, as a service's caller would.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from store.database import create_engine, session_factory, transaction
from store.migrate import upgrade
from store.outbox import service as outbox
from store.outbox.models import OutboxEvent

ADMIN = "token:test-admin"
Sessions = async_sessionmaker[AsyncSession]


@asynccontextmanager
async def own_database(make_session_database: Callable[[], str]) -> AsyncIterator[AsyncEngine]:
    url = make_session_database()
    upgrade(url)
    engine = create_engine(url, pool_size=20)
    try:
        yield engine
    finally:
        await engine.dispose()


async def emptied(engine: AsyncEngine) -> Sessions:
    """Sessions on `engine` after removing every event, subscriber and delivery."""
    async with engine.begin() as conn:
        await conn.execute(text("TRUNCATE outbox_events, subscribers, outbox_deliveries"))
    return session_factory(engine)


async def committed_events(sessions: Sessions, *topics: str) -> list[OutboxEvent]:
    """One event per topic, committed in order (ids increase in that order)."""
    async with transaction(sessions) as session:
        return [
            await outbox.emit(session, topic=topic, payload={"n": n, "ids": "only"})
            for n, topic in enumerate(topics)
        ]


@pytest.fixture(scope="session")
async def outbox_engine(make_session_database: Callable[[], str]) -> AsyncIterator[AsyncEngine]:
    async with own_database(make_session_database) as engine:
        yield engine


@pytest.fixture
async def outbox_sessions(outbox_engine: AsyncEngine) -> Sessions:
    return await emptied(outbox_engine)


async def subscriber(sessions: Sessions, url: str, topics: list[str], **fields: Any) -> Any:
    async with transaction(sessions) as session:
        return await outbox.create_subscriber(
            session, name=fields.pop("name", "n8n"), url=url, topics=topics, actor=ADMIN, **fields
        )
