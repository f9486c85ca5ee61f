"""A per-phone rate limit in Redis: one number cannot flood the agent or reserve every slot.

A fixed one-minute window (INCR + EXPIRE in one transaction) is enough here: the aim is to stop a
script, not to shape traffic. One key per sender and window, so on a Redis Cluster the transaction
stays in one slot and senders spread over the nodes (no hash tag groups them: one busy clinic's
senders must not all land on one node). Redis being down must not lose messages, so the limit
fails open. What is over the limit is not dropped: it waits for the next window (`next_window`), and the
sender is told so once per window (`first_notice`).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import time

from redis.exceptions import RedisError

from store.redis_client import AsyncRedis

log = logging.getLogger(__name__)


def _name(key: str, secret: bytes) -> str:
    """`key` (a phone number, an e-mail) as a Redis key part: an HMAC keyed with the deployment's
    `secret`, since an unkeyed hash of a phone number is undone by hashing every phone number."""
    return hmac.new(secret or b"prm-development", key.encode(), hashlib.sha256).hexdigest()[:24]


async def allow(
    redis: AsyncRedis, *, key: str, per_minute: int, now: float | None = None, secret: bytes = b""
) -> bool:
    """Whether one more message from `key` may pass (no PHI in Redis keys: see `_name`)."""
    minute = int((now if now is not None else time.time()) // 60)
    digest = _name(key, secret)
    name = f"prm:rate:{digest}:{minute}"
    try:
        async with redis.pipeline(transaction=True) as pipe:
            pipe.incr(name)
            pipe.expire(name, 120)
            count, _ = await pipe.execute()
    except (RedisError, OSError) as error:
        log.warning("rate limit skipped, Redis unavailable: %s", type(error).__name__)
        return True
    return int(count) <= per_minute


def next_window(now: float) -> float:
    """Seconds until the next one-minute window opens (a second's margin past its start)."""
    return 60 - now % 60 + 1


async def first_notice(redis: AsyncRedis, *, key: str, now: float, secret: bytes = b"") -> bool:
    """True once per window for `key`: whether to tell this sender their messages will wait."""
    minute = int(now // 60)
    name = f"prm:rate-notice:{_name(key, secret)}:{minute}"
    try:
        return bool(await redis.set(name, b"1", nx=True, ex=120))
    except (RedisError, OSError):
        return False  # no notice rather than one per message
