"""What the savers keep in Redis: two keys per thread in one Cluster slot, a blob per channel
version, TTLs, a run index that never outlives its checkpoints, bounded pruning."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest
from langgraph.checkpoint.base import Checkpoint, CheckpointMetadata, empty_checkpoint
from redis import Redis
from redis.crc import key_slot

from store.checkpoint import AsyncRedisSaver, RedisSaver
from store.checkpoint.keys import thread_keys
from tests.store.checkpoint.graphs import echo_graph


def checkpoint_with(values: dict[str, Any], versions: dict[str, str]) -> Checkpoint:
    checkpoint = empty_checkpoint()
    checkpoint["channel_values"] = values
    checkpoint["channel_versions"] = versions
    return checkpoint


async def put_chain(
    saver: AsyncRedisSaver,
    thread_id: str,
    count: int,
    *,
    ns: str = "",
    run_id: str | None = None,
) -> list[dict[str, Any]]:
    """`count` checkpoints, each a child of the previous; `profile` never changes, `messages` always does."""
    configs: list[dict[str, Any]] = []
    parent: str | None = None
    version = None
    for step in range(count):
        version = saver.get_next_version(version, None)
        checkpoint = checkpoint_with(
            {"profile": {"name": "Maria Garcia"}, "messages": [f"m{i}" for i in range(step + 1)]},
            {"profile": "1", "messages": version},
        )
        configurable = {"thread_id": thread_id, "checkpoint_ns": ns}
        if parent:
            configurable["checkpoint_id"] = parent
        metadata: CheckpointMetadata = {"source": "loop", "step": step}
        if run_id:
            metadata["run_id"] = run_id
        new_versions = {"profile": "1", "messages": version} if step == 0 else {"messages": version}
        stored = await saver.aput({"configurable": configurable}, checkpoint, metadata, new_versions)
        parent = stored["configurable"]["checkpoint_id"]
        configs.append(stored)
    return configs


def fields(raw: Redis, prefix: str, thread_id: str, kind: bytes) -> list[bytes]:
    return [f for f in raw.hkeys(thread_keys(prefix, thread_id).hash) if f.startswith(kind + b"\0")]


async def test_a_thread_is_two_keys_in_one_cluster_slot(
    saver: AsyncRedisSaver, prefix: str, prefix_keys: Callable[[], list[bytes]]
) -> None:
    for thread_id in ("conv-1", "odd {thread} id%"):
        configs = await put_chain(saver, thread_id, 3)
        await put_chain(saver, thread_id, 2, ns="collect:task-1")
        await saver.aput_writes(configs[-1], [("messages", ["hello"])], "task-1")
        keys = thread_keys(prefix, thread_id)
        assert key_slot(keys.hash.encode()) == key_slot(keys.zset.encode())
        latest = await saver.aget_tuple({"configurable": {"thread_id": thread_id}})
        assert latest is not None and latest.config["configurable"]["thread_id"] == thread_id
        assert latest.pending_writes == [("task-1", "messages", ["hello"])]
    assert len(prefix_keys()) == 4


async def test_blobs_are_stored_once_per_channel_version(
    saver: AsyncRedisSaver, raw: Redis, prefix: str
) -> None:
    await put_chain(saver, "conv-blobs", 10)
    blobs = fields(raw, prefix, "conv-blobs", b"b")
    assert len(blobs) == 11  # one `profile`, ten `messages`; not 20
    history = [t async for t in saver.alist({"configurable": {"thread_id": "conv-blobs"}})]
    assert all(t.checkpoint["channel_values"]["profile"] == {"name": "Maria Garcia"} for t in history)
    assert [len(t.checkpoint["channel_values"]["messages"]) for t in history] == list(range(10, 0, -1))


async def test_writes_refresh_the_ttl_and_reads_may_too(redis_url: str, prefix: str, raw: Redis) -> None:
    keys = thread_keys(prefix, "conv-ttl")
    async with AsyncRedisSaver.from_conn_string(redis_url, prefix=prefix, ttl=3600) as saver:
        configs = await put_chain(saver, "conv-ttl", 1, run_id="run-ttl")
        assert 3_590_000 < raw.pttl(keys.hash) <= 3_600_000
        assert 3_590_000 < raw.pttl(keys.zset) <= 3_600_000
        assert 3_590_000 < raw.pttl(f"{prefix}:run:{{run-ttl}}") <= 3_600_000

        raw.pexpire(keys.hash, 5_000)
        raw.pexpire(keys.zset, 5_000)
        await saver.aget_tuple(configs[0])
        assert raw.pttl(keys.hash) <= 5_000  # reads leave it alone by default
        await saver.aput_writes(configs[0], [("messages", ["x"])], "task")
        assert raw.pttl(keys.hash) > 3_590_000 and raw.pttl(keys.zset) > 3_590_000

    raw.pexpire(keys.hash, 5_000)
    raw.pexpire(keys.zset, 5_000)
    async with AsyncRedisSaver.from_conn_string(
        redis_url, prefix=prefix, ttl=3600, refresh_on_read=True
    ) as saver:
        await saver.aget_tuple(configs[0])
    assert raw.pttl(keys.hash) > 3_590_000 and raw.pttl(keys.zset) > 3_590_000


async def test_prune_bounds_a_long_conversation(saver: AsyncRedisSaver, raw: Redis, prefix: str) -> None:
    graph = echo_graph(saver)
    config = {"configurable": {"thread_id": "conv-long"}}
    for turn in range(30):
        await graph.ainvoke({"messages": [f"patient: message {turn}"]}, config)
    keys = thread_keys(prefix, "conv-long")
    before = raw.memory_usage(keys.hash) + raw.memory_usage(keys.zset)
    state_before = await graph.aget_state(config)

    await saver.aprune(["conv-long"], strategy="keep_latest")

    after = raw.memory_usage(keys.hash) + raw.memory_usage(keys.zset)
    assert len(fields(raw, prefix, "conv-long", b"c")) == 1
    assert after < before / 5
    assert (await graph.aget_state(config)).values == state_before.values


async def test_the_run_index_follows_deletes_prunes_and_copies(
    saver: AsyncRedisSaver, raw: Redis, prefix: str
) -> None:
    def run_key(run: str) -> str:
        return f"{prefix}:run:{{{run}}}"

    await put_chain(saver, "conv-a", 2, run_id="run-1")
    await put_chain(saver, "conv-b", 1, run_id="run-1")
    assert raw.smembers(run_key("run-1")) == {b"conv-a", b"conv-b"}

    await saver.adelete_thread("conv-b")
    assert raw.smembers(run_key("run-1")) == {b"conv-a"}

    await saver.acopy_thread("conv-a", "conv-c")
    assert raw.smembers(run_key("run-1")) == {b"conv-a", b"conv-c"}

    await put_chain(saver, "conv-a", 1, run_id="run-2")  # a later turn; run-1 is pruned away
    await saver.aprune(["conv-a"])
    assert raw.smembers(run_key("run-1")) == {b"conv-c"}

    await saver.adelete_for_runs(["run-1", "run-2"])
    assert not raw.exists(run_key("run-1"), run_key("run-2"))
    assert [t async for t in saver.alist({"configurable": {"thread_id": "conv-c"}})] == []


async def test_deleting_a_run_collects_its_blobs_and_orphans_its_children(
    saver: AsyncRedisSaver, raw: Redis, prefix: str
) -> None:
    first = await put_chain(saver, "conv-runs", 3, run_id="run-old")
    await saver.aput_writes(first[-1], [("messages", ["pending"])], "task-1")
    checkpoint = checkpoint_with({"messages": ["new"]}, {"messages": "99"})
    config = {"configurable": {"thread_id": "conv-runs", "checkpoint_ns": "", **first[-1]["configurable"]}}
    kept = await saver.aput(
        config, checkpoint, {"source": "loop", "step": 3, "run_id": "run-new"}, {"messages": "99"}
    )

    await saver.adelete_for_runs(["run-old"])

    remaining = [t async for t in saver.alist({"configurable": {"thread_id": "conv-runs"}})]
    assert [t.config for t in remaining] == [kept]
    assert remaining[0].parent_config is None
    assert remaining[0].checkpoint["channel_values"] == {"messages": ["new"]}
    assert len(fields(raw, prefix, "conv-runs", b"b")) == 1
    assert fields(raw, prefix, "conv-runs", b"w") == []


async def test_readers_never_see_half_a_checkpoint(saver: AsyncRedisSaver) -> None:
    """Each put is one script: a concurrent reader sees a checkpoint with all its blobs or none."""
    done = asyncio.Event()

    async def write() -> None:
        await put_chain(saver, "conv-race", 60)
        done.set()

    async def read() -> int:
        seen = 0
        while not done.is_set():
            latest = await saver.aget_tuple({"configurable": {"thread_id": "conv-race"}})
            if latest is not None:
                assert set(latest.checkpoint["channel_values"]) == {"profile", "messages"}
                seen += 1
        return seen

    _, *seen = await asyncio.gather(write(), read(), read())
    assert sum(seen) > 0


async def test_list_across_threads_with_filter_before_and_limit(saver: AsyncRedisSaver) -> None:
    a = await put_chain(saver, "conv-x", 3)
    b = await put_chain(saver, "conv-y", 3)
    everything = [t async for t in saver.alist(None)]
    ids = [t.checkpoint["id"] for t in everything]
    assert len(ids) == 6 and ids == sorted(ids, reverse=True)

    steps = [t.metadata["step"] async for t in saver.alist(None, filter={"step": 1})]
    assert steps == [1, 1]
    newest_two = [t.config async for t in saver.alist(None, limit=2)]
    assert newest_two == [b[-1], b[-2]]
    before = [t.config async for t in saver.alist({"configurable": {"thread_id": "conv-x"}}, before=a[1])]
    assert before == [a[0]]


async def test_metadata_filter_matches_nested_values(saver: AsyncRedisSaver) -> None:
    config = {"configurable": {"thread_id": "conv-meta", "checkpoint_ns": ""}}
    metadata: CheckpointMetadata = {"source": "update", "step": 4, "parents": {"": "abc"}}
    await saver.aput(config, empty_checkpoint(), {**metadata, "channel": "whatsapp"}, {})  # type: ignore[typeddict-unknown-key]
    assert [t async for t in saver.alist(config, filter={"parents": {"": "abc"}, "channel": "whatsapp"})]
    assert not [t async for t in saver.alist(config, filter={"parents": {"": "other"}})]
    assert not [t async for t in saver.alist(config, filter={"missing": None})]


async def test_sync_and_async_savers_share_one_store(saver: AsyncRedisSaver, sync_saver: RedisSaver) -> None:
    configs = await put_chain(saver, "conv-both", 2)
    from_sync = await asyncio.to_thread(sync_saver.get_tuple, {"configurable": {"thread_id": "conv-both"}})
    assert from_sync is not None and from_sync.config == configs[-1]
    await asyncio.to_thread(sync_saver.put_writes, configs[-1], [("messages", ["from sync"])], "task-s")
    latest = await saver.aget_tuple(configs[-1])
    assert latest is not None and latest.pending_writes == [("task-s", "messages", ["from sync"])]


async def test_names_with_nul_are_refused(saver: AsyncRedisSaver) -> None:
    with pytest.raises(ValueError, match="checkpoint_ns must not contain NUL"):
        await saver.aput(
            {"configurable": {"thread_id": "t", "checkpoint_ns": "a\0b"}}, empty_checkpoint(), {}, {}
        )
    with pytest.raises(ValueError, match="channel must not contain NUL"):
        await saver.aput(
            {"configurable": {"thread_id": "t", "checkpoint_ns": ""}},
            checkpoint_with({"a\0": 1}, {"a\0": "1"}),
            {},
            {},
        )


def test_bad_options_are_refused(raw: Redis) -> None:
    with pytest.raises(ValueError, match="prefix"):
        RedisSaver(raw, prefix="app:{x}")
    with pytest.raises(ValueError, match="ttl"):
        RedisSaver(raw, ttl=0)
    with pytest.raises(ValueError, match="attempts"):
        RedisSaver(raw, attempts=0)
    with pytest.raises(ValueError, match="decode_responses=False"):
        RedisSaver(Redis(decode_responses=True))
