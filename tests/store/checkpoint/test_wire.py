"""The async saver's own path to Redis (`store/checkpoint/wire.py`): connections kept between calls
and handed back, a deadline per attempt, replies put together however they arrive, and no reply
ever read by the wrong call."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import pytest
from langgraph.checkpoint.base import empty_checkpoint
from redis import Redis
from redis.asyncio import ConnectionPool
from redis.asyncio import Redis as AsyncRedis
from redis.backoff import NoBackoff
from redis.exceptions import BusyLoadingError, MaxConnectionsError, NoScriptError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.retry import Retry

from store.checkpoint import AsyncRedisSaver, CheckpointConnectionError, resp, wire
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


Handler = Callable[[list[bytes], asyncio.StreamWriter], Awaitable[None]]


@asynccontextmanager
async def fake_redis(handler: Handler) -> AsyncIterator[tuple[wire.Wire, list[int]]]:
    """A server that answers the connection handshake with +OK and passes our commands to
    `handler`; yields a Wire on a client of it and the number of connections it accepted."""
    accepted = [0]

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        accepted[0] += 1
        buffer = b""
        while data := await reader.read(65536):
            buffer += data
            while (parsed := resp.parse(buffer)) is not None:
                command, used = parsed
                buffer = buffer[used:]
                if command[0].upper() in (b"CLIENT", b"HELLO", b"SELECT"):
                    writer.write(b"+OK\r\n")
                else:
                    await handler(command, writer)
        writer.close()

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    client = AsyncRedis(host="127.0.0.1", port=port, socket_timeout=None, retry=Retry(NoBackoff(), 0))
    line = wire.Wire(client.connection_pool)
    try:
        yield line, accepted
    finally:
        await line.close()
        await client.aclose()
        server.close()
        await server.wait_closed()


def bulk(value: bytes) -> bytes:
    return b"$%d\r\n%s\r\n" % (len(value), value)


async def test_replies_arriving_a_byte_at_a_time_are_put_together() -> None:
    async def echo_slowly(command: list[bytes], writer: asyncio.StreamWriter) -> None:
        for byte in bulk(command[1]):
            writer.write(bytes([byte]))
            await writer.drain()
            await asyncio.sleep(0)

    big = bytes(range(256)) * 40
    async with fake_redis(echo_slowly) as (line, accepted):
        assert await line.execute([("ECHO", "hello"), ("ECHO", big)]) == [b"hello", big]
        assert await line.execute([("ECHO", b"again")]) == [b"again"]
    assert accepted == [1]  # the connection stayed in step and was kept


async def test_bytes_after_the_replies_make_the_next_call_use_a_fresh_connection() -> None:
    async def echo_and_more(command: list[bytes], writer: asyncio.StreamWriter) -> None:
        writer.write(bulk(command[1]) + b":1\r\n")  # a reply nobody asked for

    async with fake_redis(echo_and_more) as (line, accepted):
        assert await line.execute([("ECHO", b"one")]) == [b"one"]
        await asyncio.sleep(0.05)
        assert await line.execute([("ECHO", b"two")]) == [b"two"]  # not the stray :1
    assert accepted == [2]


async def test_the_server_hanging_up_midway_is_a_connection_error_and_drops_the_connection() -> None:
    async def half_then_close(command: list[bytes], writer: asyncio.StreamWriter) -> None:
        writer.write(bulk(command[1])[:4])
        await writer.drain()
        writer.close()

    async with fake_redis(half_then_close) as (line, _):
        with pytest.raises(RedisConnectionError, match="closed the connection"):
            await line.execute([("ECHO", b"unfinished")])
        assert line.idle == 0


async def test_error_replies_are_raised_after_every_reply_is_read() -> None:
    async def refuse_first(command: list[bytes], writer: asyncio.StreamWriter) -> None:
        writer.write(b"-NOSCRIPT No matching script\r\n" if command[1] == b"a" else bulk(command[1]))

    async with fake_redis(refuse_first) as (line, accepted):
        with pytest.raises(NoScriptError):
            await line.execute([("ECHO", b"a"), ("ECHO", b"b")])
        assert line.idle == 1  # in step: kept
        assert await line.execute([("ECHO", b"c")]) == [b"c"]
    assert accepted == [1]


async def test_a_server_still_loading_drops_the_connection_for_the_retry() -> None:
    async def loading(command: list[bytes], writer: asyncio.StreamWriter) -> None:
        writer.write(b"-LOADING Redis is loading the dataset in memory\r\n")

    async with fake_redis(loading) as (line, _):
        with pytest.raises(BusyLoadingError):
            await line.execute([("PING",)])
        assert line.idle == 0
