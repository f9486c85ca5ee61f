"""LangGraph's official conformance suite, every capability, against both savers.

The suite detects capabilities by looking for overridden async methods, so a saver with none
would report 0/0 and still "pass": we assert each capability was detected and ran every one of
its tests. The sync saver runs through a thin adapter that calls it from worker threads.
"""

from __future__ import annotations

import asyncio
import builtins
from collections.abc import AsyncIterator, Sequence
from typing import Any

from langchain_core.runnables import RunnableConfig
from langgraph.checkpoint.base import (
    BaseCheckpointSaver,
    ChannelVersions,
    Checkpoint,
    CheckpointMetadata,
    CheckpointTuple,
)
from langgraph.checkpoint.conformance import checkpointer_test, validate
from langgraph.checkpoint.conformance.report import CapabilityReport
from langgraph.checkpoint.conformance.spec import (
    test_copy_thread,
    test_delete_for_runs,
    test_delete_thread,
    test_get_tuple,
    test_list,
    test_prune,
    test_put,
    test_put_writes,
)

from store.checkpoint import AsyncRedisSaver, RedisSaver
from tests.store.checkpoint.support import unique_prefix, wipe

# Every test the suite has, per capability (so a new suite version is counted, not skipped).
EXPECTED_TESTS = {
    "put": len(test_put.ALL_PUT_TESTS),
    "put_writes": len(test_put_writes.ALL_PUT_WRITES_TESTS),
    "get_tuple": len(test_get_tuple.ALL_GET_TUPLE_TESTS),
    "list": len(test_list.ALL_LIST_TESTS),
    "delete_thread": len(test_delete_thread.ALL_DELETE_THREAD_TESTS),
    "delete_for_runs": len(test_delete_for_runs.ALL_DELETE_FOR_RUNS_TESTS),
    "copy_thread": len(test_copy_thread.ALL_COPY_THREAD_TESTS),
    "prune": len(test_prune.ALL_PRUNE_TESTS),
}


class ThreadedRedisSaver(RedisSaver):
    """The sync saver behind async methods, each call on a worker thread."""

    async def aget_tuple(self, config: RunnableConfig) -> CheckpointTuple | None:
        return await asyncio.to_thread(self.get_tuple, config)

    async def alist(
        self,
        config: RunnableConfig | None,
        *,
        filter: dict[str, Any] | None = None,
        before: RunnableConfig | None = None,
        limit: int | None = None,
    ) -> AsyncIterator[CheckpointTuple]:
        def listed() -> builtins.list[CheckpointTuple]:
            return builtins.list(self.list(config, filter=filter, before=before, limit=limit))

        for item in await asyncio.to_thread(listed):
            yield item

    async def aput(
        self,
        config: RunnableConfig,
        checkpoint: Checkpoint,
        metadata: CheckpointMetadata,
        new_versions: ChannelVersions,
    ) -> RunnableConfig:
        return await asyncio.to_thread(self.put, config, checkpoint, metadata, new_versions)

    async def aput_writes(
        self, config: RunnableConfig, writes: Sequence[tuple[str, Any]], task_id: str, task_path: str = ""
    ) -> None:
        await asyncio.to_thread(self.put_writes, config, writes, task_id, task_path)

    async def adelete_thread(self, thread_id: str) -> None:
        await asyncio.to_thread(self.delete_thread, thread_id)

    async def adelete_for_runs(self, run_ids: Sequence[str]) -> None:
        await asyncio.to_thread(self.delete_for_runs, run_ids)

    async def acopy_thread(self, source_thread_id: str, target_thread_id: str) -> None:
        await asyncio.to_thread(self.copy_thread, source_thread_id, target_thread_id)

    async def aprune(self, thread_ids: Sequence[str], *, strategy: str = "keep_latest") -> None:
        await asyncio.to_thread(self.prune, thread_ids, strategy=strategy)


def assert_full_conformance(report: CapabilityReport) -> None:
    failures = {name: r.failures for name, r in report.results.items() if r.failures}
    assert not failures, failures
    assert report.passed_all_base()
    assert report.passed_all()
    assert report.conformance_level() == "FULL"
    assert set(report.results) == set(EXPECTED_TESTS)
    for name, count in EXPECTED_TESTS.items():
        result = report.results[name]
        assert result.detected, f"{name} not detected"
        assert result.passed is True, f"{name} skipped or failed"
        assert (result.tests_passed, result.tests_failed, result.tests_skipped) == (count, 0, 0), name
    assert sum(EXPECTED_TESTS.values()) == 81  # langgraph-checkpoint-conformance 0.0.2


async def test_async_saver_passes_every_capability(redis_url: str) -> None:
    prefix = unique_prefix()

    @checkpointer_test(name="AsyncRedisSaver")
    async def factory() -> AsyncIterator[BaseCheckpointSaver[str]]:
        async with AsyncRedisSaver.from_conn_string(redis_url, prefix=prefix) as saver:
            yield saver

    try:
        assert_full_conformance(await validate(factory))
    finally:
        wipe(redis_url, prefix)


async def test_encrypted_async_saver_passes_every_capability(redis_url: str) -> None:
    prefix = unique_prefix()

    @checkpointer_test(name="AsyncRedisSaver+AES")
    async def factory() -> AsyncIterator[BaseCheckpointSaver[str]]:
        async with AsyncRedisSaver.from_conn_string(redis_url, prefix=prefix, encryption_key=b"k" * 32) as s:
            yield s

    try:
        assert_full_conformance(await validate(factory))
    finally:
        wipe(redis_url, prefix)


async def test_sync_saver_passes_every_capability(redis_url: str) -> None:
    prefix = unique_prefix()

    @checkpointer_test(name="RedisSaver")
    async def factory() -> AsyncIterator[BaseCheckpointSaver[str]]:
        with ThreadedRedisSaver.from_conn_string(redis_url, prefix=prefix) as saver:
            yield saver

    try:
        assert_full_conformance(await validate(factory))
    finally:
        wipe(redis_url, prefix)


async def test_the_plain_sync_saver_alone_is_refused_not_vacuously_passed(redis_url: str) -> None:
    """Without the adapter, the sync saver's async methods raise (pointing to AsyncRedisSaver),
    so the suite detects them and fails loudly instead of reporting an empty 0/0 pass."""
    prefix = unique_prefix()

    @checkpointer_test(name="RedisSaver (no adapter)")
    async def factory() -> AsyncIterator[BaseCheckpointSaver[str]]:
        with RedisSaver.from_conn_string(redis_url, prefix=prefix) as saver:
            yield saver

    try:
        report = await validate(factory, capabilities={"put"})
    finally:
        wipe(redis_url, prefix)
    put = report.results["put"]
    assert put.detected and put.tests_passed == 0 and put.tests_failed == EXPECTED_TESTS["put"]
    assert "use AsyncRedisSaver" in put.failures[0]
