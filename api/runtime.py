"""The concrete clients the app hands down: engine, sessions, Redis, embedder.

Built once per process. When `DATABASE_URL` / `REDIS_URL` are unset the embedded servers under
`PRM_DATA_DIR` are started (or reused) first.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import ExitStack, asynccontextmanager, contextmanager
from dataclasses import dataclass

import procrastinate
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from api.settings import Settings
from store.clock import Clock, clock_from
from store.database import create_database, create_engine, session_factory
from store.embedded import EmbeddedPostgres, EmbeddedValkey
from store.knowledge.embeddings import Embedder, make_embedder
from store.queue import build_app
from store.redis_client import AsyncRedis, connect


@dataclass(frozen=True)
class ServerUrls:
    database_url: str
    redis_url: str


@contextmanager
def servers(settings: Settings) -> Iterator[ServerUrls]:
    """The configured servers, or embedded ones for whichever URL is unset (stopped on exit)."""
    with ExitStack() as stack:
        database_url = settings.storage.database_url
        if database_url is None:
            postgres = stack.enter_context(EmbeddedPostgres(settings.storage.data_dir))
            database_url = postgres.url("prm")
            create_database(database_url)
        redis_url = settings.storage.redis_url
        if redis_url is None:
            redis_url = stack.enter_context(EmbeddedValkey(settings.storage.data_dir)).url
        yield ServerUrls(database_url=database_url, redis_url=redis_url)


@dataclass
class Runtime:
    """Everything a request, a job or a CLI command needs, built by the composition root."""

    settings: Settings
    urls: ServerUrls
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    redis: AsyncRedis  # a RedisCluster when REDIS_URL is redis+cluster:// (store/redis_client.py)
    embedder: Embedder
    queue: procrastinate.App  # the job queue (deferring here; `api.worker` runs the jobs)
    clock: Clock  # every "now" the app decides with (store/clock.py); PRM_NOW moves it


@asynccontextmanager
async def open_runtime(
    settings: Settings, urls: ServerUrls, *, embedder: Embedder | None = None, clock: Clock | None = None
) -> AsyncIterator[Runtime]:
    """Open pools and clients on `urls`; close them on exit.

    The clock is `clock`, else one starting at `PRM_NOW`, else the real time.
    """
    engine = create_engine(urls.database_url)
    redis = connect(urls.redis_url)
    if embedder is None:
        api_key = settings.models.openai_api_key
        embedder = make_embedder(
            settings.models.embeddings,
            api_key=api_key.get_secret_value() if api_key else None,
            base_url=settings.models.openai_base_url,
        )
    queue = build_app(urls.database_url)  # never opened here: jobs are deferred on a session's connection
    try:
        yield Runtime(
            settings,
            urls,
            engine,
            session_factory(engine),
            redis,
            embedder,
            queue,
            clock or clock_from(settings.start_of_clock),
        )
    finally:
        await redis.aclose()
        await engine.dispose()
