"""The async saver's hot path to Redis: commands on a connection it keeps between calls.

`aget_tuple`, `aput` and `aput_writes` each make one round trip, and a graph turn makes about
ten, so what a round trip costs in Python is most of what the saver adds to a turn. redis-py 8
spends more CPU around a command than the loopback round trip takes: `execute_command`'s retry
wrapper, observability hooks and response callbacks, then the pool's checkout and release
(a lock, a connection check and more hooks). On the benchmark machine that was 20-70 µs and
20-55 µs of CPU per call, against 40-70 µs for a bare asyncio socket round trip. The saver
retries on its own (`attempts`) and needs no callbacks, so it writes its commands itself on a
connection of the client's pool and reads the replies.

The connections it used are kept for the next calls (at most `KEEP`, since the calls of one
turn come one after another) and handed back to the pool once none has been used for
`IDLE_S`, so a saver that is dropped does not hold them. They stay the pool's connections all
along: same server, authentication and TLS, closed with the client. A write or read that fails
or is cancelled midway makes redis-py disconnect that connection; it then goes back to the pool,
which reconnects it before its next use.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

from redis.asyncio import Redis
from redis.asyncio.connection import AbstractConnection
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ResponseError
from redis.exceptions import TimeoutError as RedisTimeoutError
from redis.typing import EncodableT

Command = Sequence[EncodableT]
KEEP = 4  # connections kept between calls: a turn has at most a put and a put_writes in flight
IDLE_S = 1.0  # seconds without a call after which they go back to the pool (within 2 x IDLE_S)


class Wire:
    """Sends the saver's commands on the connections of `client`'s pool."""

    def __init__(self, client: Redis) -> None:
        self.pool = client.connection_pool
        self._idle: list[AbstractConnection] = []
        self._used = False
        self._sweeper: asyncio.TimerHandle | None = None
        self._returning: set[asyncio.Task[None]] = set()

    async def execute(self, commands: Sequence[Command]) -> list[Any]:
        """The replies of `commands`, sent together on one connection (a pipeline without MULTI).

        Every reply is read before an error reply is raised (the first one), so the connection
        stays in step and can be kept."""
        connection = await self._take()
        try:
            await connection.send_packed_command(connection.pack_commands(commands))
            replies: list[Any] = []
            failure: ResponseError | None = None
            for _ in commands:
                try:
                    replies.append(await connection.read_response())
                except ResponseError as exc:  # an error reply: the connection is still in step
                    failure = failure or exc
                    replies.append(exc)
        except BaseException as exc:
            await self.pool.release(connection)
            if isinstance(exc, (RedisConnectionError, RedisTimeoutError)):  # the server may have gone
                idle, self._idle = self._idle, []  # away: the pool checks the other connections again
                await self._release(idle)
            raise
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

    async def _take(self) -> AbstractConnection:
        """A kept connection, else one from the pool. A kept one that has seen the server hang up
        (or holds stray data) is reset, as the pool does on checkout; the write reconnects it."""
        if not self._idle:
            fresh: AbstractConnection = await self.pool.get_connection()  # type: ignore[no-untyped-call]
            return fresh
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
