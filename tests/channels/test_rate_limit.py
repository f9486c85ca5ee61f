"""The per-phone rate limit: counts per one-minute window, tells a sender once per window, and keeps
phone numbers out of Redis keys behind a keyed hash (an unkeyed one is undone by hashing every number)."""

from __future__ import annotations

import hashlib

from redis.asyncio import Redis

from channels.rate_limit import allow, first_notice

PHONE = "+15550107777"


async def test_the_window_counts_and_the_notice_is_given_once(redis_url: str) -> None:
    redis = Redis.from_url(redis_url)
    now = 1_900_000_020.0  # 20 s into a minute
    verdicts = [await allow(redis, key=PHONE, per_minute=3, now=now, secret=b"k1") for _ in range(5)]
    assert verdicts == [True, True, True, False, False]
    assert await allow(redis, key=PHONE, per_minute=3, now=now + 60, secret=b"k1")  # the next window
    assert await first_notice(redis, key=PHONE, now=now, secret=b"k1")
    assert not await first_notice(redis, key=PHONE, now=now + 10, secret=b"k1")
    await redis.aclose()


async def test_redis_keys_hold_no_phone_number_nor_its_plain_hash(redis_url: str) -> None:
    redis = Redis.from_url(redis_url)
    now = 1_900_000_200.0
    await allow(redis, key=PHONE, per_minute=3, now=now, secret=b"clinic-a")
    await allow(redis, key=PHONE, per_minute=3, now=now, secret=b"clinic-b")
    keys = [k.decode() for k in await redis.keys(f"prm:rate:*:{int(now // 60)}")]
    plain = hashlib.sha256(PHONE.encode()).hexdigest()[:24]
    assert len(keys) >= 2 and not any(PHONE in k or plain in k for k in keys)
    await redis.aclose()
