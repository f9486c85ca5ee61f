"""`REDIS_URL` to a client (`store/redis_client.py`): a single server or a Redis Cluster, and the
readiness check `/readyz` uses, against real servers (the session's and clusters of their own)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from redis.asyncio import Redis
from redis.asyncio.cluster import RedisCluster
from redis.exceptions import ConnectionError as RedisConnectionError

from store.embedded.cluster import SLOTS, EmbeddedValkeyCluster
from store.embedded.valkey import free_port
from store.redis_client import ClusterNotReadyError, cluster_seeds, connect, connect_sync, is_cluster, ready


def test_a_cluster_url_names_its_seed_nodes_and_keeps_credentials_and_options() -> None:
    url = "redis+cluster://app:s3cret@10.0.0.1:7000,10.0.0.2:7001,10.0.0.3?ssl_cert_reqs=none"
    assert is_cluster(url) and not is_cluster("redis://10.0.0.1:6379/0")
    assert cluster_seeds(url) == (
        "redis://app:s3cret@10.0.0.1:7000?ssl_cert_reqs=none",
        [("10.0.0.1", 7000), ("10.0.0.2", 7001), ("10.0.0.3", 6379)],
    )
    assert cluster_seeds("rediss+cluster://[::1]:7000/0") == ("rediss://[::1]:7000", [("::1", 7000)])


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("redis+cluster://10.0.0.1:7000/2", "database 0 only"),
        ("redis+cluster://", "at least one host"),
        ("redis://10.0.0.1:7000", "not a cluster URL"),
    ],
)
def test_bad_cluster_urls_are_refused_saying_why(url: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        cluster_seeds(url)


async def test_a_plain_url_gets_a_server_client_and_a_cluster_url_a_cluster_client(
    redis_url: str, redis_cluster_url: str
) -> None:
    server, cluster = connect(redis_url), connect(redis_cluster_url)
    try:
        assert isinstance(server, Redis) and isinstance(cluster, RedisCluster)
        await ready(server)
        await ready(cluster)
        await cluster.set("test:client:a", b"1")
        assert await cluster.get("test:client:a") == b"1"
        await cluster.delete("test:client:a")
    finally:
        await server.aclose()
        await cluster.aclose()
    with connect_sync(redis_cluster_url) as sync:
        assert sync.ping()


async def test_the_client_starts_from_any_seed_that_answers(redis_cluster_url: str) -> None:
    _, [(host, port)] = cluster_seeds(redis_cluster_url)
    client = connect(f"redis+cluster://127.0.0.1:{free_port()},{host}:{port}")  # the first is down
    try:
        await ready(client)
    finally:
        await client.aclose()


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[EmbeddedValkeyCluster]:
    with EmbeddedValkeyCluster(tmp_path) as made:
        yield made


async def test_a_cluster_is_not_ready_when_a_node_misses_slots_or_a_primary_is_down(
    cluster: EmbeddedValkeyCluster,
) -> None:
    client = connect(cluster.url)
    try:
        await ready(client)
        node = cluster.nodes[1]
        slot = SLOTS // 3  # the first of node 1's slots
        with node.client() as direct:
            direct.execute_command("CLUSTER", "DELSLOTS", slot)  # its view now misses a slot
            await settle(lambda: "cluster_state:fail" in str(direct.execute_command("CLUSTER", "INFO")))
        with pytest.raises(ClusterNotReadyError, match=f":{node.port} reports cluster_state:fail"):
            await ready(client)
        with node.client() as direct:
            direct.execute_command("CLUSTER", "ADDSLOTS", slot)
        cluster.wait_until_ok()
        await ready(client)

        stopped = cluster.nodes[2]
        assert stopped.process is not None
        stopped.process.terminate()
        stopped.process.wait()
        with pytest.raises(RedisConnectionError):
            await ready(client)
    finally:
        await client.aclose()


async def settle(condition: Callable[[], bool]) -> None:
    """Until `condition()` holds (a node updates its state between two event-loop turns of its own)."""
    for _ in range(200):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the node never got there")
