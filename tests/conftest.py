"""Shared fixtures: real PostgreSQL+pgvector and Redis, embedded unless DATABASE_URL / REDIS_URL are set.

Each test session gets a database of its own (`prm_test_<random>`) migrated to head, and a Redis
key prefix of its own, on the same servers; tests that need more isolation make their own.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import make_url

from store.database import create_database, drop_database
from store.embedded import EmbeddedPostgres, EmbeddedValkey

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """Embedded servers' data for tests, beside (not inside) the developer's own `.prm`."""
    path = Path(os.environ.get("PRM_TEST_DATA_DIR", REPO / ".prm" / "test"))
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def server_database_url(data_dir: Path) -> Iterator[str]:
    """A URL on the Postgres server the tests use (database name to be replaced)."""
    if url := os.environ.get("DATABASE_URL"):
        yield url
        return
    with EmbeddedPostgres(data_dir) as server:
        yield server.url("postgres")


@pytest.fixture(scope="session")
def redis_url(data_dir: Path) -> Iterator[str]:
    """The Redis (or Valkey) server the tests use."""
    if url := os.environ.get("REDIS_URL"):
        yield url
        return
    with EmbeddedValkey(data_dir) as server:
        yield server.url


def _fresh_database_url(server_url: str) -> str:
    url = make_url(server_url).set(database=f"prm_test_{secrets.token_hex(4)}")
    rendered = url.render_as_string(hide_password=False)
    create_database(rendered)
    return rendered


@pytest.fixture(scope="session")
def database_url(server_database_url: str) -> Iterator[str]:
    """This test session's own database, migrated to head."""
    from store.migrate import upgrade

    url = _fresh_database_url(server_database_url)
    upgrade(url)
    yield url
    drop_database(url)


@pytest.fixture
def make_database(server_database_url: str) -> Iterator[Callable[[], str]]:
    """A factory of new, empty databases (not migrated), dropped after the test."""
    made: list[str] = []

    def make() -> str:
        made.append(_fresh_database_url(server_database_url))
        return made[-1]

    yield make
    for url in made:
        drop_database(url)


@pytest.fixture
async def redis_client(redis_url: str) -> AsyncIterator[object]:
    """An async redis-py client; keys the test writes are its own to clean."""
    from redis.asyncio import Redis

    client = Redis.from_url(redis_url)
    yield client
    await client.aclose()
