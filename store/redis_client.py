"""The one place a Redis client is built from `REDIS_URL`: a single server, or a Redis Cluster.

    redis://host:6379/0, rediss://…, unix://…     one server         redis.asyncio.Redis
    redis+cluster://host:6379[,host:6380…]        a Redis Cluster    redis.asyncio.cluster.RedisCluster
    rediss+cluster://…                            the same over TLS

Why a scheme rather than a separate setting: the URL is the one thing every process gets (the
API, `prm worker`s, the benchmarks' subprocesses), so it cannot say one thing while a flag left
behind says another. Any node of the cluster will do (the client asks it for the others and for
the slot map); more than one, comma-separated, lets the client start while one of them is down.
A cluster has one database, so the path must be empty or `/0`.

Callers take `AsyncRedis` and use only what both clients have: key commands, pipelines (a
transaction only over keys of one slot: see docs/checkpointer.md), `scan_iter`. `ready()` is
the readiness check: PING on a server, `cluster_state:ok` on every primary of a cluster.
"""

from __future__ import annotations

from typing import Any, TypeAlias
from urllib.parse import urlsplit, urlunsplit

import redis
import redis.cluster
from redis.asyncio import Redis
from redis.asyncio.cluster import ClusterNode, RedisCluster
from redis.exceptions import RedisError

AsyncRedis: TypeAlias = Redis | RedisCluster
SyncRedis: TypeAlias = redis.Redis | redis.cluster.RedisCluster

CLUSTER_SCHEMES = {"redis+cluster": "redis", "rediss+cluster": "rediss"}


class ClusterNotReadyError(RedisError):
    """A cluster node answered but does not report `cluster_state:ok` (slots uncovered, a
    primary failed, a partition): key commands would fail with CLUSTERDOWN."""


def is_cluster(url: str) -> bool:
    """Whether `url` names a Redis Cluster (`redis+cluster://`, `rediss+cluster://`)."""
    return urlsplit(url).scheme in CLUSTER_SCHEMES


def cluster_seeds(url: str) -> tuple[str, list[tuple[str, int]]]:
    """A cluster URL as a plain one on its first node (credentials and options kept) and every
    node it names, as (host, port)."""
    parts = urlsplit(url)
    scheme = CLUSTER_SCHEMES.get(parts.scheme)
    if scheme is None:
        raise ValueError(f"not a cluster URL (redis+cluster:// or rediss+cluster://): {parts.scheme}://")
    if parts.path not in ("", "/", "/0"):
        raise ValueError(f"a Redis Cluster has database 0 only; remove {parts.path!r} from the URL")
    credentials, _, hosts = parts.netloc.rpartition("@")
    seeds = [_host_port(host) for host in hosts.split(",") if host]
    if not seeds:
        raise ValueError("a cluster URL needs at least one host:port")
    first = f"{credentials}@{hosts.split(',')[0]}" if credentials else hosts.split(",")[0]
    return urlunsplit((scheme, first, "", parts.query, "")), seeds


def _host_port(text: str) -> tuple[str, int]:
    """`host:port`, `[v6]:port` or a bare host (port 6379)."""
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        port = rest.removeprefix(":")
    else:
        host, _, port = text.partition(":")
    return host, int(port) if port else 6379


def connect(url: str, **options: Any) -> AsyncRedis:
    """An async client for `url`; `options` go to every connection (timeouts, pool size…).
    A cluster client discovers its nodes on first use, so building one does no I/O."""
    if not is_cluster(url):
        return Redis.from_url(url, **options)
    plain, seeds = cluster_seeds(url)
    others = [ClusterNode(host, port) for host, port in seeds[1:]]
    return RedisCluster.from_url(plain, startup_nodes=others or None, **options)


def connect_sync(url: str, **options: Any) -> SyncRedis:
    """The synchronous twin of `connect` (scripts, the sync checkpointer, tests' inspection)."""
    if not is_cluster(url):
        return redis.Redis.from_url(url, **options)
    plain, seeds = cluster_seeds(url)
    others = [redis.cluster.ClusterNode(host, port) for host, port in seeds[1:]]  # type: ignore[no-untyped-call]
    return redis.cluster.RedisCluster.from_url(plain, startup_nodes=others or None, **options)


async def ready(client: AsyncRedis) -> None:
    """Return when `client` can serve key commands, else raise (a `RedisError` or `OSError`):
    a server answers PING; every primary of a cluster answers `CLUSTER INFO` with
    `cluster_state:ok` (one that does not answer raises a connection error)."""
    if isinstance(client, Redis):
        await client.ping()
        return
    await client.initialize()  # the nodes and slots, once (again after a connection error)
    for node in client.get_primaries():
        info = await client.execute_command("CLUSTER INFO", target_nodes=node)
        state = info.get("cluster_state") if isinstance(info, dict) else None
        if state != "ok":
            raise ClusterNotReadyError(f"cluster node {node.name} reports cluster_state:{state}")
