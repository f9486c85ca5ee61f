"""The checkpointer on a real Redis Cluster (three local Valkey primaries, `redis_cluster_url`):
LangGraph's conformance suite in full, and a thread's two keys in one slot while threads spread."""

from __future__ import annotations

from collections.abc import AsyncIterator

from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.checkpoint.conformance import checkpointer_test, validate
from redis import Redis
from redis.asyncio.cluster import RedisCluster

from store.checkpoint import AsyncRedisSaver, keys, scripts
from tests.store.checkpoint.graphs import echo_graph
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


async def test_a_threads_keys_share_a_node_and_threads_spread_over_every_node(redis_cluster_url: str) -> None:
    """The layout a cluster needs: one thread's keys in one slot (so one script changes them
    atomically), different threads spread over the primaries, the scripts on each of them."""
    prefix = unique_prefix()
    threads = [f"spread-{n}" for n in range(30)]
    try:
        async with AsyncRedisSaver.from_conn_string(redis_cluster_url, prefix=prefix) as saver:
            assert isinstance(saver.client, RedisCluster)
            graph = echo_graph(saver)
            for thread in threads:
                await graph.ainvoke({"messages": ["patient: hello"]}, {"configurable": {"thread_id": thread}})
            primaries = saver.client.get_primaries()
        held: dict[str, set[str]] = {}
        for node in primaries:
            with Redis(host=node.host, port=int(node.port)) as client:
                held[node.name] = {k.decode() for k in client.scan_iter(match=f"{prefix}:*", count=1000)}
                assert all(client.script_exists(*(s.sha for s in scripts.ALL)))
        assert len(primaries) == 3 and all(held.values())  # every node holds some threads
        for thread in threads:
            hash_key, index_key = keys.thread_keys(prefix, thread)
            homes = [name for name, found in held.items() if hash_key in found]
            assert len(homes) == 1 and index_key in held[homes[0]]
    finally:
        wipe(redis_cluster_url, prefix)
