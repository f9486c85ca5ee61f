"""Savers on the shared test server, each under a key prefix of its own that is wiped after use."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import pytest
from redis import Redis

from store.checkpoint import AsyncRedisSaver, RedisSaver
from store.embedded import EmbeddedValkey
from store.embedded import valkey as embedded_valkey
from tests.store.checkpoint.support import unique_prefix, wipe


@pytest.fixture
def prefix(redis_url: str) -> Iterator[str]:
    value = unique_prefix()
    yield value
    wipe(redis_url, value)


@pytest.fixture
async def saver(redis_url: str, prefix: str) -> AsyncIterator[AsyncRedisSaver]:
    async with AsyncRedisSaver.from_conn_string(redis_url, prefix=prefix) as s:
        yield s


@pytest.fixture
def sync_saver(redis_url: str, prefix: str) -> Iterator[RedisSaver]:
    with RedisSaver.from_conn_string(redis_url, prefix=prefix) as s:
        yield s


@pytest.fixture
def raw(redis_url: str) -> Iterator[Redis]:
    """A plain client to look at what the savers stored."""
    with Redis.from_url(redis_url) as client:
        yield client


@pytest.fixture
def prefix_keys(raw: Redis, prefix: str) -> Callable[[], list[bytes]]:
    """The keys stored under this test's prefix, sorted."""

    def keys() -> list[bytes]:
        return sorted(raw.scan_iter(match=f"{prefix}:*", count=1000))

    return keys


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[EmbeddedValkey]:
    """A Valkey of this test's own, for what would disturb the shared one (restarts, pauses); it
    comes back on the same port when restarted, as a real deployment's would."""
    port = embedded_valkey.free_port()
    monkeypatch.setattr(embedded_valkey, "free_port", lambda: port)
    valkey = EmbeddedValkey(tmp_path).start()
    yield valkey
    valkey.stop()
