"""The benchmark's round-trip floor: InMemorySaver plus one bare Redis round trip per call.

No saver that goes to Redis on each call, as LangGraph's interface has it, can cost less on the
machine the benchmark runs on, so this row says how much of a goal relative to InMemorySaver is
left for a saver's own work (see docs/checkpointer.md).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from langchain_core.runnables import RunnableConfig
from langgraph.checkpoint.memory import InMemorySaver
from redis.asyncio import ConnectionPool, Redis

from store.checkpoint.wire import KEEP, Wire

MAX_AT_ONCE = 50  # Redis operations in flight at once, as AsyncRedisSaver.from_conn_string's default


class RoundTripFloor(InMemorySaver):
    """InMemorySaver plus one Redis round trip (a PING, on the saver's own wire) per call: the
    least any saver that goes to Redis once per call can cost on this machine, before doing any
    work of its own. It tells what the goals relative to InMemorySaver leave for a saver. At most
    `MAX_AT_ONCE` round trips at once, as `AsyncRedisSaver.from_conn_string` allows."""

    def __init__(self, wire: Wire) -> None:
        super().__init__()
        self.wire = wire
        self.limit = asyncio.Semaphore(MAX_AT_ONCE)

    async def round_trip(self) -> None:
        async with self.limit:
            await self.wire.execute([("PING",)])

    async def aget_tuple(self, config: RunnableConfig) -> Any:
        await self.round_trip()
        return await super().aget_tuple(config)

    async def alist(self, config: RunnableConfig | None, **kwargs: Any) -> AsyncIterator[Any]:
        await self.round_trip()
        async for item in super().alist(config, **kwargs):
            yield item

    async def aput(self, config: RunnableConfig, *args: Any) -> RunnableConfig:
        await self.round_trip()
        return await super().aput(config, *args)

    async def aput_writes(self, config: RunnableConfig, *args: Any) -> None:
        await self.round_trip()
        await super().aput_writes(config, *args)


@asynccontextmanager
async def open_floor(redis_url: str) -> AsyncIterator[RoundTripFloor]:
    """The floor on a client of its own, pooled as `from_conn_string` pools ours."""
    pool = ConnectionPool.from_url(redis_url, max_connections=MAX_AT_ONCE + KEEP, socket_timeout=None)
    client = Redis(connection_pool=pool)
    saver = RoundTripFloor(Wire(pool))
    try:
        yield saver
    finally:
        await saver.wire.close()
        await client.aclose()
