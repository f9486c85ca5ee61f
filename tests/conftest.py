"""Shared fixtures: real PostgreSQL+pgvector and Redis, embedded unless DATABASE_URL / REDIS_URL are set,
and a local Redis (Valkey) Cluster for the tests that need one.

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


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """With the clinic moved by `PRM_TEST_NOW`, tests pinned to the calendar of the default instant
    ("next Tuesday" is 8 December) are skipped; every other test runs at the moved instant."""
    from tests.instant import NOW, PINNED

    if NOW == PINNED:
        return
    skip = pytest.mark.skip(reason=f"pinned to the calendar at {PINNED.isoformat()}; PRM_TEST_NOW moved it")
    for item in items:
        if "calendar" in item.keywords:
            item.add_marker(skip)


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


@pytest.fixture(scope="session")
def redis_cluster_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Valkey Cluster of three primaries on loopback for this session
    (`redis+cluster://…`); tests keep to key prefixes of their own on it, as on `redis_url`."""
    from store.embedded.cluster import EmbeddedValkeyCluster

    with EmbeddedValkeyCluster(tmp_path_factory.mktemp("valkey-cluster")) as cluster:
        yield cluster.url


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


def _database_factory(server_url: str) -> Iterator[Callable[[], str]]:
    made: list[str] = []

    def make() -> str:
        made.append(_fresh_database_url(server_url))
        return made[-1]

    yield make
    for url in made:
        drop_database(url)


@pytest.fixture(scope="session")
def make_session_database(server_database_url: str) -> Iterator[Callable[[], str]]:
    """Like `make_database`, for session-scoped fixtures (dropped at the end of the session)."""
    yield from _database_factory(server_database_url)


@pytest.fixture
def make_database(server_database_url: str) -> Iterator[Callable[[], str]]:
    """A factory of new, empty databases (not migrated), dropped after the test."""
    yield from _database_factory(server_database_url)


@pytest.fixture
async def redis_client(redis_url: str) -> AsyncIterator[object]:
    """An async redis-py client; keys the test writes are its own to clean."""
    from redis.asyncio import Redis

    client = Redis.from_url(redis_url)
    yield client
    await client.aclose()


@pytest.fixture(scope="session")
def embedder() -> object:
    """One local embedder for the whole session (loading the model takes seconds)."""
    from store.knowledge.embeddings import LocalEmbedder

    return LocalEmbedder()


@pytest.fixture(scope="session")
def settings(data_dir: Path) -> object:
    from api.settings import Settings

    return Settings(PRM_ENV="test", PRM_DATA_DIR=data_dir)


@pytest.fixture(scope="session")
async def runtime(
    settings: object, database_url: str, redis_url: str, embedder: object
) -> AsyncIterator[object]:
    """The app's runtime on this session's database and Redis, its clock ticking from `NOW`."""
    from api.runtime import ServerUrls, open_runtime
    from store.clock import clock_from
    from tests.instant import NOW

    urls = ServerUrls(database_url, redis_url)
    async with open_runtime(settings, urls, embedder=embedder, clock=clock_from(NOW)) as rt:  # type: ignore[arg-type]
        yield rt


@pytest.fixture
async def session(runtime: object) -> AsyncIterator[object]:
    """A session in a transaction that is rolled back after the test (services never commit)."""
    async with runtime.sessions() as s, s.begin():  # type: ignore[attr-defined]
        yield s
        await s.rollback()


@pytest.fixture(scope="session")
def app(runtime: object) -> object:
    from api.app import create_app

    return create_app(runtime=runtime)  # type: ignore[arg-type]


@pytest.fixture
async def client(app: object) -> AsyncIterator[object]:
    """An HTTP client on the app in-process (real routing, real database)."""
    import httpx

    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


async def _token(runtime: object, role: str) -> str:
    from store.auth import service as auth
    from store.auth.models import Role
    from store.database import transaction

    async with transaction(runtime.sessions) as s:  # type: ignore[attr-defined]
        secret, _ = await auth.create_token(s, name=f"test-{role}", role=Role(role))
    return secret


@pytest.fixture(scope="session")
async def admin_headers(runtime: object) -> dict[str, str]:
    return {"Authorization": f"Bearer {await _token(runtime, 'admin')}"}


@pytest.fixture(scope="session")
async def staff_headers(runtime: object) -> dict[str, str]:
    return {"Authorization": f"Bearer {await _token(runtime, 'staff')}"}
