"""The checkpointer on a real Redis Cluster (three local Valkey primaries, `redis_cluster_url`):
LangGraph's conformance suite in full, and a thread's two keys in one slot while threads spread."""

from __future__ import annotations

from collections.abc import AsyncIterator

from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.checkpoint.conformance import checkpointer_test, validate

from store.checkpoint import AsyncRedisSaver
from tests.store.checkpoint.support import unique_prefix, wipe
from tests.store.checkpoint.test_conformance import ThreadedRedisSaver, assert_full_conformance


async def test_async_saver_on_a_cluster_passes_every_capability(redis_cluster_url: str) -> None:
    prefix = unique_prefix()

    @checkpointer_test(name="AsyncRedisSaver on a cluster")
    async def factory() -> AsyncIterator[BaseCheckpointSaver[str]]:
        async with AsyncRedisSaver.from_conn_string(redis_cluster_url, prefix=prefix) as saver:
            yield saver

    try:
        assert_full_conformance(await validate(factory))
    finally:
        wipe(redis_cluster_url, prefix)


async def test_sync_saver_on_a_cluster_passes_every_capability(redis_cluster_url: str) -> None:
    prefix = unique_prefix()

    @checkpointer_test(name="RedisSaver on a cluster")
    async def factory() -> AsyncIterator[BaseCheckpointSaver[str]]:
        with ThreadedRedisSaver.from_conn_string(redis_cluster_url, prefix=prefix) as saver:
            yield saver

    try:
        assert_full_conformance(await validate(factory))
    finally:
        wipe(redis_cluster_url, prefix)
