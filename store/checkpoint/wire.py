"""The async saver's hot path to Redis: its own commands and replies on the client pool's connections.

`aget_tuple`, `aput` and `aput_writes` each make one round trip, and a graph turn makes about
ten, so what a round trip costs in Python is most of what the saver adds to a turn. On the
benchmark machine redis-py 8 spends more CPU around a command than the loopback round trip
takes: `execute_command`'s retry wrapper, observability hooks and response callbacks, the
pool's checkout and release (a lock, a connection check and more hooks), encoding every
argument, and reading the reply through a StreamReader, its parser and their timeout wrappers.

So the saver takes a connection from the client's pool (same server, authentication, TLS and
database, connected and checked by redis-py), and for one round trip puts a `ReplyReader` in
place of the connection's stream protocol on its transport: the commands are written as one
buffer (`resp.pack`) and the replies parsed as they arrive (`resp.parse`), then the stream
protocol is put back. Anything the ReplyReader does not consume (bytes after the replies, the
server closing) is passed on to it, so redis-py sees the connection as it is. A round trip that
fails or is cancelled midway disconnects the connection (a reply may still be on its way), and
it goes back to the pool, which reconnects it before its next use.

The connections it used are kept for the next calls (at most `KEEP`, since the calls of one
turn come one after another) and handed back to the pool once none has been used for
`IDLE_S`, so a saver that is dropped does not hold them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any, Protocol

from redis.asyncio.connection import AbstractConnection
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError

from store.checkpoint import resp
from store.checkpoint.resp import Command

KEEP = 4  # connections kept between calls: a turn has at most a put and a put_writes in flight
IDLE_S = 1.0  # seconds without a call after which they go back to the pool (within 2 x IDLE_S)


class ReplyReader(asyncio.Protocol):
    """Reads `count` replies off a transport for one round trip, standing in for `stream` (the
    connection's own protocol), to which it passes on whatever is not a reply it waits for."""

    def __init__(self, stream: asyncio.BaseProtocol, count: int) -> None:
        self.stream = stream
        self.count = count
        self.replies: asyncio.Future[list[Any]] = asyncio.get_running_loop().create_future()
        self._buffer = b""
        self._at = 0  # where the next reply starts in the buffer
        self._parsed: list[Any] = []

    def data_received(self, data: bytes) -> None:
        if self.replies.done():  # not ours: let redis-py find it (and drop the connection)
            self.stream.data_received(data)  # type: ignore[attr-defined]
            return
        self._buffer = self._buffer + data if self._buffer else data
        try:
            while len(self._parsed) < self.count:
                parsed = resp.parse(self._buffer, self._at)
                if parsed is None:
                    return  # the rest is still on its way
                reply, self._at = parsed
                self._parsed.append(reply)
        except (ValueError, RedisError) as exc:  # not RESP: the connection is unusable
            self.replies.set_exception(exc)
            return
        rest = self._buffer[self._at :]
        self.replies.set_result(self._parsed)
        if rest:
            self.stream.data_received(rest)  # type: ignore[attr-defined]

    def eof_received(self) -> bool | None:
        self._lost(None)
        return self.stream.eof_received()  # type: ignore[attr-defined, no-any-return]

    def connection_lost(self, exc: Exception | None) -> None:
        self._lost(exc)
        self.stream.connection_lost(exc)

    def pause_writing(self) -> None:
        self.stream.pause_writing()

    def resume_writing(self) -> None:
        self.stream.resume_writing()

    def _lost(self, exc: Exception | None) -> None:
        if not self.replies.done():
            error = RedisConnectionError(f"the server closed the connection: {exc or 'end of stream'}")
            self.replies.set_exception(error)


class Pool(Protocol):
    """Where a Wire takes connections from and gives them back: a client's `ConnectionPool`, or
    one node of a cluster (`cluster.NodePool`)."""

    connection_kwargs: dict[str, Any]

    async def get_connection(self) -> AbstractConnection: ...

    async def release(self, connection: AbstractConnection) -> None: ...


class Wire:
    """Sends the saver's commands on the connections of `pool` (one server's)."""

    def __init__(self, pool: Pool) -> None:
        self.pool = pool
        kwargs = self.pool.connection_kwargs
        self._encoding = (kwargs.get("encoding", "utf-8"), kwargs.get("encoding_errors", "strict"))
        self._idle: list[AbstractConnection] = []
        self._used = False
        self._sweeper: asyncio.TimerHandle | None = None
        self._returning: set[asyncio.Task[None]] = set()

    @property
    def idle(self) -> int:
        """Connections kept between calls (at most `KEEP`), before the sweep hands them back."""
        return len(self._idle)

    async def execute(self, commands: Sequence[Command]) -> list[Any]:
        """The replies of `commands`, sent together on one connection (a pipeline without MULTI).

        Every reply is read before an error reply is raised (the first one), so the connection
        stays in step and can be kept."""
        payload = resp.pack(commands, *self._encoding)
        connection = await self._take()
        try:
            replies = await self._round_trip(connection, payload, len(commands))
        except BaseException as exc:
            await self._drop(connection, exc)
            raise
        failure = next((r for r in replies if isinstance(r, RedisError)), None)
        if isinstance(failure, RedisConnectionError):  # e.g. LOADING: the server is restarting
            await self._drop(connection, failure)
            raise failure
        await self._keep(connection)
        if failure is not None:
            raise failure
        return replies

    async def close(self) -> None:
        """Hand the kept connections back to the pool now."""
        if self._sweeper is not None:
            self._sweeper.cancel()
            self._sweeper = None
        idle, self._idle = self._idle, []
        await self._release(idle)
        await asyncio.gather(*self._returning)

    @staticmethod
    async def _round_trip(connection: AbstractConnection, payload: bytes, count: int) -> list[Any]:
        if not connection.is_connected:
            await connection.connect()  # type: ignore[no-untyped-call]
        writer = connection._writer  # redis-py 8's stream on the connection's transport
        if writer is None or writer.transport.is_closing():
            raise RedisConnectionError("the connection to Redis is closed")
        transport = writer.transport
        reader = ReplyReader(transport.get_protocol(), count)
        transport.set_protocol(reader)
        try:
            transport.write(payload)
            return await reader.replies
        finally:
            transport.set_protocol(reader.stream)

    async def _drop(self, connection: AbstractConnection, exc: BaseException) -> None:
        """A round trip that did not complete: its replies may still come, so the connection is
        closed before it goes back to the pool (which reconnects it before its next use)."""
        await connection.disconnect(nowait=True)
        await self.pool.release(connection)
        if isinstance(exc, (RedisConnectionError, RedisTimeoutError, OSError)):  # the server may have
            idle, self._idle = self._idle, []  # gone away: the pool checks the other connections again
            await self._release(idle)

    async def _take(self) -> AbstractConnection:
        """A kept connection, else one from the pool. A kept one that has seen the server hang up
        (or holds stray data) is reset, as the pool does on checkout; the round trip reconnects it."""
        if not self._idle:
            return await self.pool.get_connection()
        connection = self._idle.pop()
        if connection.is_connected and await connection.can_read():
            await connection.disconnect()
        return connection

    async def _keep(self, connection: AbstractConnection) -> None:
        if len(self._idle) >= KEEP:
            await self.pool.release(connection)
            return
        self._idle.append(connection)
        self._used = True
        if self._sweeper is None:
            self._sweeper = asyncio.get_running_loop().call_later(IDLE_S, self._sweep)

    def _sweep(self) -> None:
        """Timer callback: hand the kept connections back if none was used since the last sweep."""
        loop = asyncio.get_running_loop()
        if self._used:
            self._used = False
            self._sweeper = loop.call_later(IDLE_S, self._sweep)
            return
        self._sweeper = None
        idle, self._idle = self._idle, []
        if idle:
            task = loop.create_task(self._release(idle))
            self._returning.add(task)
            task.add_done_callback(self._returning.discard)

    async def _release(self, connections: Sequence[AbstractConnection]) -> None:
        for connection in connections:
            await self.pool.release(connection)
