"""The synchronous checkpointer interface of `AsyncRedisSaver`, for callers on other threads.

Each sync method runs its async twin on the saver's event loop and waits for it, as LangGraph's
AsyncPostgresSaver does; on the loop's own thread that would deadlock, so it refuses, naming the
async call to use instead.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Coroutine, Iterator, Sequence
from typing import Any, TypeVar

from langchain_core.runnables import RunnableConfig
from langgraph.checkpoint.base import ChannelVersions, Checkpoint, CheckpointMetadata, CheckpointTuple

from store.checkpoint.base import BaseRedisSaver

T = TypeVar("T")


class CallableFromOtherThreads(BaseRedisSaver):
    """The sync methods over the async ones; `loop` is the event loop the saver's client lives on."""

    loop: asyncio.AbstractEventLoop | None

    def get_tuple(self, config: RunnableConfig) -> CheckpointTuple | None:
        return self._from_thread(self.aget_tuple(config), "await checkpointer.aget_tuple(...)")

    def list(
        self,
        config: RunnableConfig | None,
        *,
        filter: dict[str, Any] | None = None,
        before: RunnableConfig | None = None,
        limit: int | None = None,
    ) -> Iterator[CheckpointTuple]:
        listing = self.alist(config, filter=filter, before=before, limit=limit)
        yield from self._from_thread(_collect(listing), "checkpointer.alist(...)")

    def put(
        self,
        config: RunnableConfig,
        checkpoint: Checkpoint,
        metadata: CheckpointMetadata,
        new_versions: ChannelVersions,
    ) -> RunnableConfig:
        coro = self.aput(config, checkpoint, metadata, new_versions)
        return self._from_thread(coro, "await checkpointer.aput(...)")

    def put_writes(
        self, config: RunnableConfig, writes: Sequence[tuple[str, Any]], task_id: str, task_path: str = ""
    ) -> None:
        coro = self.aput_writes(config, writes, task_id, task_path)
        self._from_thread(coro, "await checkpointer.aput_writes(...)")

    def delete_thread(self, thread_id: str) -> None:
        self._from_thread(self.adelete_thread(thread_id), "await checkpointer.adelete_thread(...)")

    def delete_for_runs(self, run_ids: Sequence[str]) -> None:
        self._from_thread(self.adelete_for_runs(run_ids), "await checkpointer.adelete_for_runs(...)")

    def copy_thread(self, source_thread_id: str, target_thread_id: str) -> None:
        coro = self.acopy_thread(source_thread_id, target_thread_id)
        self._from_thread(coro, "await checkpointer.acopy_thread(...)")

    def prune(self, thread_ids: Sequence[str], *, strategy: str = "keep_latest") -> None:
        self._from_thread(self.aprune(thread_ids, strategy=strategy), "await checkpointer.aprune(...)")

    def _from_thread(self, coro: Coroutine[Any, Any, T], instead: str) -> T:
        try:
            running: asyncio.AbstractEventLoop | None = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is not None and running is self.loop:
            coro.close()
            raise asyncio.InvalidStateError(
                "Synchronous calls to AsyncRedisSaver are only allowed from a different thread. "
                f"From the event loop's thread, use the async interface, e.g. `{instead}` or "
                "`await graph.ainvoke(...)`; in synchronous code, use RedisSaver."
            )
        if self.loop is None or not self.loop.is_running():
            coro.close()
            raise asyncio.InvalidStateError(
                "AsyncRedisSaver's synchronous methods run on its event loop, which is not running; "
                "in synchronous code, use RedisSaver."
            )
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result()


async def _collect(listing: AsyncIterator[CheckpointTuple]) -> list[CheckpointTuple]:
    return [item async for item in listing]
