"""Errors that say what to do: the wrong call style, an unfit server, a server that is gone."""

from __future__ import annotations

import asyncio
import secrets
import time
from collections.abc import Iterator
from typing import Any

import pytest
from langgraph.checkpoint.base import empty_checkpoint
from redis import Redis
from redis.asyncio import Redis as AsyncRedis
from redis.backoff import NoBackoff
from redis.retry import Retry

from store.checkpoint import (
    AsyncRedisSaver,
    CheckpointConnectionError,
    RedisSaver,
    UnsupportedServerError,
)
from store.checkpoint.base import check_server

CONFIG: dict[str, Any] = {"configurable": {"thread_id": "conv-1", "checkpoint_ns": ""}}


async def test_a_sync_call_on_the_loop_thread_names_the_async_call(saver: AsyncRedisSaver) -> None:
    with pytest.raises(asyncio.InvalidStateError, match=r"await checkpointer\.aget_tuple\(\.\.\.\)"):
        saver.get_tuple(CONFIG)
    with pytest.raises(asyncio.InvalidStateError, match=r"checkpointer\.alist\(\.\.\.\)"):
        list(saver.list(CONFIG))
    with pytest.raises(asyncio.InvalidStateError, match=r"await checkpointer\.aput\(\.\.\.\)"):
        saver.put(CONFIG, empty_checkpoint(), {}, {})


async def test_sync_calls_from_another_thread_run_on_the_loop(saver: AsyncRedisSaver) -> None:
    stored = await asyncio.to_thread(
        saver.put, CONFIG, empty_checkpoint(), {"source": "input", "step": -1}, {}
    )
    assert (await saver.aget_tuple(stored)) is not None
    listed = await asyncio.to_thread(lambda: list(saver.list(CONFIG)))
    assert [t.config for t in listed] == [stored]


def test_sync_calls_without_the_loop_point_to_the_sync_saver(redis_url: str) -> None:
    saver = AsyncRedisSaver(AsyncRedis.from_url(redis_url))
    with pytest.raises(asyncio.InvalidStateError, match="use RedisSaver"):
        saver.get_tuple(CONFIG)


async def test_the_sync_saver_points_to_the_async_one(sync_saver: RedisSaver) -> None:
    with pytest.raises(NotImplementedError, match=r"no aget_tuple\(\).*use AsyncRedisSaver"):
        await sync_saver.aget_tuple(CONFIG)
    with pytest.raises(NotImplementedError, match=r"no alist\(\)"):
        _ = [t async for t in sync_saver.alist(CONFIG)]


def test_servers_older_than_redis_6_2_are_refused() -> None:
    with pytest.raises(
        UnsupportedServerError, match=r"runs Redis 6\.0\.16; the checkpointer needs Redis >= 6\.2"
    ):
        check_server({"redis_version": "6.0.16"}, "Redis at db:6379")
    assert check_server({"redis_version": "6.2.14"}, "x") == "6.2.14"
    assert check_server({"redis_version": "7.2.4", "valkey_version": "9.0.1"}, "x") == "9.0.1"


class OldRedis(AsyncRedis):
    """A real connection whose INFO claims Redis 6.0 (no older server to run here)."""

    async def info(self, section: str | None = None, *args: Any, **kwargs: Any) -> dict[str, Any]:
        return {"redis_version": "6.0.16"}


async def test_setup_and_first_use_refuse_an_old_server(redis_url: str) -> None:
    client = OldRedis.from_url(redis_url)
    try:
        with pytest.raises(UnsupportedServerError, match=r"needs Redis >= 6\.2"):
            await AsyncRedisSaver(client).setup()
        with pytest.raises(UnsupportedServerError, match=r"needs Redis >= 6\.2"):
            await AsyncRedisSaver(client).aget_tuple(CONFIG)
    finally:
        await client.aclose()


@pytest.fixture
def restricted_user(raw: Redis) -> Iterator[tuple[str, str]]:
    """An ACL user that may run everything except Lua scripts, as some managed services allow."""
    name, password = f"test-nolua-{secrets.token_hex(3)}", secrets.token_hex(8)
    raw.acl_setuser(
        name, enabled=True, passwords=[f"+{password}"], keys=["*"], commands=["+@all", "-@scripting"]
    )
    yield name, password
    raw.acl_deluser(name)


async def test_a_server_that_refuses_lua_is_reported(
    redis_url: str, restricted_user: tuple[str, str]
) -> None:
    name, password = restricted_user
    client = AsyncRedis.from_url(redis_url, username=name, password=password)
    try:
        with pytest.raises(UnsupportedServerError, match="refused to load Lua scripts"):
            await AsyncRedisSaver(client).setup()
    finally:
        await client.aclose()


async def test_an_unreachable_server_is_retried_a_bounded_number_of_times() -> None:
    connections = 0

    async def hang_up(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal connections
        connections += 1
        writer.close()

    server = await asyncio.start_server(hang_up, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    client = AsyncRedis(host="127.0.0.1", port=port, retry=Retry(NoBackoff(), 0))
    saver = AsyncRedisSaver(client, attempts=4, retry_wait=0.01)
    started = time.monotonic()
    try:
        with pytest.raises(
            CheckpointConnectionError, match=rf"127\.0\.0\.1:{port} did not answer after 4 attempt"
        ):
            await saver.aget_tuple(CONFIG)
    finally:
        await client.aclose()
        server.close()
        await server.wait_closed()
    assert connections == 4
    assert time.monotonic() - started < 5


async def test_an_exhausted_connection_pool_is_named(redis_url: str) -> None:
    client = AsyncRedis.from_url(redis_url, max_connections=1)  # a pool that fails when busy
    saver = AsyncRedisSaver(client, attempts=1)
    try:
        results = await asyncio.gather(*(saver.aget_tuple(CONFIG) for _ in range(20)), return_exceptions=True)
    finally:
        await client.aclose()
    failures = [r for r in results if isinstance(r, Exception)]
    assert failures and all(isinstance(f, CheckpointConnectionError) for f in failures)
    assert "connection pool is exhausted" in str(failures[0])


async def test_from_conn_string_waits_for_a_free_connection(redis_url: str, prefix: str) -> None:
    async with AsyncRedisSaver.from_conn_string(redis_url, prefix=prefix, max_connections=4) as saver:
        configs = [{"configurable": {"thread_id": f"conv-{i}", "checkpoint_ns": ""}} for i in range(200)]
        stored = await asyncio.gather(*(saver.aput(c, empty_checkpoint(), {}, {}) for c in configs))
    assert len(stored) == 200


async def test_prune_refuses_bad_arguments_and_delta_channel_threads(saver: AsyncRedisSaver) -> None:
    with pytest.raises(TypeError, match="not a str"):
        await saver.aprune("conv-1")
    with pytest.raises(ValueError, match="Unknown prune strategy"):
        await saver.aprune(["conv-1"], strategy="keep_some")

    for thread_id, metadata in (("conv-plain", {}), ("conv-delta", {"counters_since_delta_snapshot": {}})):
        parent: dict[str, Any] = {"configurable": {"thread_id": thread_id, "checkpoint_ns": ""}}
        for step in range(2):
            parent = await saver.aput(parent, empty_checkpoint(), {"step": step, **metadata}, {})
    with pytest.raises(NotImplementedError, match="DeltaChannel: conv-delta"):
        await saver.aprune(["conv-plain", "conv-delta"])
    assert len([t async for t in saver.alist({"configurable": {"thread_id": "conv-plain"}})]) == 2
