"""The async saver's own path to Redis (`store/checkpoint/wire.py`): connections kept between calls
and handed back, a deadline per attempt, and no reply ever read by the wrong call."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest
from langgraph.checkpoint.base import empty_checkpoint
from redis import Redis
from redis.asyncio import ConnectionPool
from redis.asyncio import Redis as AsyncRedis
from redis.backoff import NoBackoff
from redis.exceptions import MaxConnectionsError
from redis.retry import Retry

from store.checkpoint import AsyncRedisSaver, CheckpointConnectionError, wire
from store.embedded import EmbeddedValkey

CONFIG: dict[str, Any] = {"configurable": {"thread_id": "conv-1", "checkpoint_ns": ""}}
METADATA: dict[str, Any] = {"source": "loop", "step": 0}


async def test_kept_connections_go_back_to_the_pool_once_idle(
    redis_url: str, prefix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(wire, "IDLE_S", 0.05)
    pool = ConnectionPool.from_url(redis_url, max_connections=2)
    client = AsyncRedis(connection_pool=pool)
    saver = AsyncRedisSaver(client, prefix=prefix)
    try:
        stored = await saver.aput(CONFIG, empty_checkpoint(), METADATA, {})
        other = await pool.get_connection()  # another user of the client's pool
        with pytest.raises(MaxConnectionsError):  # the saver still keeps the second one
            await pool.get_connection()
        assert (await saver.aget_tuple(CONFIG)).config == stored  # type: ignore[union-attr]
        await asyncio.sleep(0.3)  # no call for more than 2 x IDLE_S
        again = await pool.get_connection()
        await pool.release(again)
        await pool.release(other)
    finally:
        await client.aclose()


async def test_an_attempt_without_a_reply_is_abandoned_then_retried() -> None:
    connections = 0

    async def never_answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal connections
        connections += 1
        await reader.read()  # takes the commands, answers nothing, as a hung server or a lost network
        writer.close()

    server = await asyncio.start_server(never_answer, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    client = AsyncRedis(host="127.0.0.1", port=port, retry=Retry(NoBackoff(), 0))
    saver = AsyncRedisSaver(client, attempts=2, retry_wait=0.01, timeout=0.2)
    started = time.monotonic()
    try:
        with pytest.raises(CheckpointConnectionError, match=r"after 2 attempt\(s\): no reply within 0\.2 s"):
            await saver.aget_tuple(CONFIG)
    finally:
        await client.aclose()
        server.close()
        await server.wait_closed()
    assert connections == 2
    assert time.monotonic() - started < 2


async def test_a_call_cancelled_while_waiting_leaves_no_reply_behind(server: EmbeddedValkey) -> None:
    """A cancelled call's reply arrives later; the connection it was on must not serve the next call."""
    async with AsyncRedisSaver.from_conn_string(server.url) as saver:
        stored = await saver.aput(CONFIG, empty_checkpoint(), METADATA, {})
        with Redis.from_url(server.url) as admin:
            admin.client_pause(400)  # every command waits, as behind a slow script
        waiting = asyncio.create_task(saver.aget_tuple(CONFIG))
        await asyncio.sleep(0.1)
        waiting.cancel()
        with pytest.raises(asyncio.CancelledError):
            await waiting
        await saver.aput_writes(stored, [("messages", "hello")], "task-1")
        latest = await saver.aget_tuple(CONFIG)
    assert latest is not None and latest.config == stored
    assert latest.pending_writes == [("task-1", "messages", "hello")]


async def test_timeout_must_be_positive() -> None:
    with pytest.raises(ValueError, match="timeout"):
        AsyncRedisSaver(AsyncRedis(), timeout=0)
