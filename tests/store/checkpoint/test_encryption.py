"""Checkpoints hold PHI: with a key, nothing readable reaches Redis, and a missing or wrong key
fails clearly instead of returning garbage."""

from __future__ import annotations

from pathlib import Path

import pytest
from langgraph.checkpoint.base import empty_checkpoint
from redis import Redis

from store.checkpoint import AsyncRedisSaver, CheckpointDecodeError
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
        with pytest.raises(CheckpointDecodeError, match=r"encryption_key differs|not configured"):
            await wrong.aget_tuple(config)


async def test_with_a_key_unencrypted_data_is_refused(redis_url: str, prefix: str) -> None:
    """Written before encryption was on, or planted by someone who can write to Redis but has no key
    (another patient's id, say): either way it is not trusted."""
    async with AsyncRedisSaver.from_conn_string(redis_url, prefix=prefix) as plain:
        await store_phi(plain, "conv-old")
    async with AsyncRedisSaver.from_conn_string(redis_url, prefix=prefix, encryption_key=KEY) as sealed:
        with pytest.raises(CheckpointDecodeError, match="not encrypted, yet a key is set"):
            await sealed.aget_tuple({"configurable": {"thread_id": "conv-old"}})


async def test_keys_rotate_the_first_encrypts_every_one_decrypts(redis_url: str, prefix: str) -> None:
    new = bytes(range(100, 132))
    config = {"configurable": {"thread_id": "conv-rotating"}}
    async with AsyncRedisSaver.from_conn_string(redis_url, prefix=prefix, encryption_key=KEY) as old_only:
        await store_phi(old_only, "conv-rotating")
    async with AsyncRedisSaver.from_conn_string(redis_url, prefix=prefix, encryption_key=[new, KEY]) as both:
        assert (await both.aget_tuple(config)) is not None  # the old key still reads what it wrote
        await store_phi(both, "conv-new")
    async with AsyncRedisSaver.from_conn_string(redis_url, prefix=prefix, encryption_key=[new]) as new_only:
        assert (await new_only.aget_tuple({"configurable": {"thread_id": "conv-new"}})) is not None
        with pytest.raises(CheckpointDecodeError, match="not configured"):
            await new_only.aget_tuple(config)  # the old key retired: its data names a key we lack


def test_a_stored_value_cannot_make_the_loader_run_code(tmp_path: Path) -> None:
    """msgpack extension values name a module and a callable; ours loads LangGraph's safe types only,
    so a planted value that names `os.system` runs nothing (LangGraph's permissive default would)."""
    import ormsgpack
    from langgraph.checkpoint.serde.jsonplus import EXT_CONSTRUCTOR_SINGLE_ARG, JsonPlusSerializer

    from store.checkpoint.serde import load, make_serde

    marker = tmp_path / "pwned"
    call = ormsgpack.packb(("os", "system", f"touch {marker}"))
    planted = b"msgpack\0" + ormsgpack.packb({"v": ormsgpack.Ext(EXT_CONSTRUCTOR_SINGLE_ARG, call)})
    load(make_serde(None, None), planted)
    assert not marker.exists()
    load(JsonPlusSerializer(allowed_msgpack_modules=True), planted)  # the control: permissive runs it
    assert marker.exists()


def test_a_planted_value_with_an_unknown_cipher_is_a_decode_error() -> None:
    """Not an AssertionError from inside LangGraph: the app drops state it cannot decode at once."""
    from store.checkpoint.serde import load, make_serde

    with pytest.raises(CheckpointDecodeError, match="cannot decrypt"):
        load(make_serde(None, KEY), b"msgpack+xyz\0planted bytes")
