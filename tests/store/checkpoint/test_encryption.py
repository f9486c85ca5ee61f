"""Checkpoints hold PHI: with a key, nothing readable reaches Redis, and a missing or wrong key
fails clearly instead of returning garbage."""

from __future__ import annotations

import pytest
from langgraph.checkpoint.base import empty_checkpoint
from redis import Redis

from store.checkpoint import AsyncRedisSaver, CheckpointDecodeError, RedisSaver
from store.checkpoint.keys import thread_keys

KEY = bytes(range(32))
PHI = ("Maria Garcia", "1985-04-12", "+15550100001", "chest pain since Monday")


async def store_phi(saver: AsyncRedisSaver, thread_id: str) -> None:
    checkpoint = empty_checkpoint()
    checkpoint["channel_values"] = {"patient": {"name": PHI[0], "birth_date": PHI[1], "phone": PHI[2]}}
    checkpoint["channel_versions"] = {"patient": "1"}
    config = {"configurable": {"thread_id": thread_id, "checkpoint_ns": ""}}
    stored = await saver.aput(
        config, checkpoint, {"source": "input", "step": -1, "note": PHI[3]}, {"patient": "1"}
    )
    await saver.aput_writes(stored, [("messages", [PHI[3]])], "task-1")


def stored_bytes(raw: Redis, prefix: str, thread_id: str) -> bytes:
    keys = thread_keys(prefix, thread_id)
    return b"".join(k + v for k, v in raw.hgetall(keys.hash).items())


async def test_no_phi_reaches_redis_in_clear(redis_url: str, prefix: str, raw: Redis) -> None:
    async with AsyncRedisSaver.from_conn_string(redis_url, prefix=prefix) as plain:
        await store_phi(plain, "conv-plain")
    async with AsyncRedisSaver.from_conn_string(redis_url, prefix=prefix, encryption_key=KEY) as sealed:
        await store_phi(sealed, "conv-sealed")
        latest = await sealed.aget_tuple({"configurable": {"thread_id": "conv-sealed"}})

    assert all(p.encode() in stored_bytes(raw, prefix, "conv-plain") for p in PHI)  # the control
    assert not any(p.encode() in stored_bytes(raw, prefix, "conv-sealed") for p in PHI)
    assert latest is not None
    assert latest.checkpoint["channel_values"]["patient"]["name"] == "Maria Garcia"
    assert latest.metadata["note"] == PHI[3]
    assert latest.pending_writes == [("task-1", "messages", [PHI[3]])]


async def test_a_missing_or_wrong_key_fails_clearly(redis_url: str, prefix: str) -> None:
    config = {"configurable": {"thread_id": "conv-sealed"}}
    async with AsyncRedisSaver.from_conn_string(redis_url, prefix=prefix, encryption_key=KEY) as sealed:
        await store_phi(sealed, "conv-sealed")
    async with AsyncRedisSaver.from_conn_string(redis_url, prefix=prefix) as keyless:
        with pytest.raises(CheckpointDecodeError, match="encrypted"):
            await keyless.aget_tuple(config)
    async with AsyncRedisSaver.from_conn_string(redis_url, prefix=prefix, encryption_key=b"x" * 32) as wrong:
        with pytest.raises(CheckpointDecodeError, match="encryption_key differs"):
            await wrong.aget_tuple(config)


async def test_turning_encryption_on_keeps_older_checkpoints_readable(redis_url: str, prefix: str) -> None:
    async with AsyncRedisSaver.from_conn_string(redis_url, prefix=prefix) as plain:
        await store_phi(plain, "conv-old")
    async with AsyncRedisSaver.from_conn_string(redis_url, prefix=prefix, encryption_key=KEY) as sealed:
        latest = await sealed.aget_tuple({"configurable": {"thread_id": "conv-old"}})
    assert latest is not None and latest.checkpoint["channel_values"]["patient"]["phone"] == PHI[2]


def test_the_key_must_be_an_aes_key(raw: Redis) -> None:
    with pytest.raises(ValueError, match="16, 24 or 32 bytes"):
        RedisSaver(raw, encryption_key=b"short")
