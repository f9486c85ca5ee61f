"""The async saver's hot path to Redis: commands on a pooled connection, without redis-py's layers.

`aget_tuple`, `aput` and `aput_writes` each make one round trip, so what a round trip costs in
Python is most of what the saver adds to a graph turn. `Redis.execute_command` in redis-py 8
spends about as much CPU per call as the round trip itself (its retry wrapper, observability
hooks, response callbacks; measured ~70 µs per command on the benchmark machine). The saver
retries on its own (`attempts`) and needs no response callbacks, so here it takes a connection
from the client's own pool, writes its commands in one go, reads every reply and gives the
connection back: the same pool, connections, authentication and TLS as the client, and the
same failure handling, since redis-py's connection disconnects itself when a write or a read
fails or is cancelled midway, before it goes back to the pool.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

from redis.asyncio.connection import ConnectionPool
from redis.exceptions import ResponseError
from redis.typing import EncodableT

Command = Sequence[EncodableT]


async def execute(
    pool: ConnectionPool, commands: Sequence[Command], limit: asyncio.Semaphore | None
) -> list[Any]:
    """The replies of `commands`, sent together on one connection (a pipeline without MULTI).

    Every reply is read before an error reply is raised (the first one), so the connection stays
    in step. `limit` bounds how many connections the saver uses at once when its pool would
    rather fail than wait (see `AsyncRedisSaver.from_conn_string`)."""
    if limit is None:
        return await _on_a_connection(pool, commands)
    async with limit:
        return await _on_a_connection(pool, commands)


async def _on_a_connection(pool: ConnectionPool, commands: Sequence[Command]) -> list[Any]:
    connection = await pool.get_connection()  # type: ignore[no-untyped-call]  # redis-py leaves it untyped
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
        if failure is not None:
            raise failure
        return replies
    finally:
        await pool.release(connection)
