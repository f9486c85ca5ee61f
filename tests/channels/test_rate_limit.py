"""The per-phone rate limit: counts per one-minute window, tells a sender once per window, and keeps
phone numbers out of Redis keys behind a keyed hash (an unkeyed one is undone by hashing every number).
The same on a Redis Cluster, where each sender's keys are a slot of their own, so senders spread
over the nodes."""

from __future__ import annotations

import hashlib

import pytest
from redis import Redis as SyncRedis
from redis.asyncio.cluster import RedisCluster

from channels.rate_limit import allow, first_notice
from store.redis_client import connect

PHONE = "+15550107777"


@pytest.fixture(params=["server", "cluster"])
def url(request: pytest.FixtureRequest) -> str:
    """The session's Redis, then the session's local cluster."""
    return str(request.getfixturevalue("redis_url" if request.param == "server" else "redis_cluster_url"))


async def test_the_window_counts_and_the_notice_is_given_once(url: str) -> None:
    redis = connect(url)
    now = 1_900_000_020.0  # 20 s into a minute
    verdicts = [await allow(redis, key=PHONE, per_minute=3, now=now, secret=b"k1") for _ in range(5)]
    assert verdicts == [True, True, True, False, False]
    assert await allow(redis, key=PHONE, per_minute=3, now=now + 60, secret=b"k1")  # the next window
    assert await first_notice(redis, key=PHONE, now=now, secret=b"k1")
    assert not await first_notice(redis, key=PHONE, now=now + 10, secret=b"k1")
    await redis.aclose()


async def test_redis_keys_hold_no_phone_number_nor_its_plain_hash(url: str) -> None:
    redis = connect(url)
    now = 1_900_000_200.0
    await allow(redis, key=PHONE, per_minute=3, now=now, secret=b"clinic-a")
    await allow(redis, key=PHONE, per_minute=3, now=now, secret=b"clinic-b")
    keys = [k.decode() async for k in redis.scan_iter(match=f"prm:rate:*:{int(now // 60)}")]
    plain = hashlib.sha256(PHONE.encode()).hexdigest()[:24]
    assert len(keys) >= 2 and not any(PHONE in k or plain in k for k in keys)
    await redis.aclose()


async def test_on_a_cluster_senders_spread_over_every_node(redis_cluster_url: str) -> None:
    """No hash tag groups the limits: 60 senders in one window land on every primary, one key
    each (so the window's INCR+EXPIRE transaction stays in that key's slot)."""
    redis = connect(redis_cluster_url)
    assert isinstance(redis, RedisCluster)
    now = 1_900_000_500.0
    phones = [f"+1555020{n:04d}" for n in range(60)]
    for phone in phones:
        assert await allow(redis, key=phone, per_minute=1, now=now, secret=b"spread")
        assert not await allow(redis, key=phone, per_minute=1, now=now, secret=b"spread")  # counted once
    pattern = f"prm:rate:*:{int(now // 60)}"
    per_node = {}
    for node in redis.get_primaries():
        with SyncRedis(host=node.host, port=int(node.port)) as direct:
            per_node[node.name] = [k for k in direct.scan_iter(match=pattern, count=1000)]
    await redis.aclose()
    found = [key for keys in per_node.values() for key in keys]
    assert len(per_node) == 3 and all(len(keys) >= 5 for keys in per_node.values())
    assert len(found) >= len(phones) and not any(b"{" in key for key in found)
