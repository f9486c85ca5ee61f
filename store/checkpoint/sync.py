"""`RedisSaver`: the synchronous twin of `AsyncRedisSaver`, for `graph.invoke()` and scripts.

    with RedisSaver.from_conn_string("redis://localhost:6379/0") as saver:
        graph = builder.compile(checkpointer=saver)
        graph.invoke(inputs, {"configurable": {"thread_id": conversation_id}})

Same keys, scripts, retries and errors as the async saver (see `aio.py`); the two read each
other's data. Its async methods raise, pointing to AsyncRedisSaver, rather than block a loop.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from typing import Any, NoReturn, TypeVar, cast

from langchain_core.runnables import RunnableConfig
from langgraph.checkpoint.base import ChannelVersions, Checkpoint, CheckpointMetadata, CheckpointTuple
from redis.cluster import RedisCluster
from redis.exceptions import NoScriptError, ResponseError
from tenacity import Retrying
from typing_extensions import Unpack

from store.checkpoint import keys, scripts
from store.checkpoint.base import (
    DEFAULT_TIMEOUT,
    TRANSIENT_ERRORS,
    BaseRedisSaver,
    PutPlan,
    SaverOptions,
    check_server,
    describe,
)
from store.checkpoint.errors import UnsupportedServerError
from store.checkpoint.keys import ThreadKeys
from store.redis_client import SyncRedis, connect_sync

T = TypeVar("T")


def _nothing() -> None:
    return None


def _async_refused(method: str) -> NoReturn:
    raise NotImplementedError(
        f"RedisSaver is synchronous, so it has no {method}(): for graph.ainvoke() / astream(), "
        "use AsyncRedisSaver (from store.checkpoint import AsyncRedisSaver)."
    )


class RedisSaver(BaseRedisSaver):
    """Synchronous checkpointer on a `redis.Redis` or `redis.cluster.RedisCluster` client
    (options: `BaseRedisSaver`; on a cluster redis-py routes and redirects, as in `cluster.py`)."""

    def __init__(self, client: SyncRedis, **options: Unpack[SaverOptions]) -> None:
        super().__init__(**options)
        if isinstance(client, RedisCluster):
            connection = client.get_connection_kwargs()  # type: ignore[no-untyped-call]
            self.where = f"Redis Cluster at {', '.join(client.nodes_manager.startup_nodes)}"
        else:
            connection = client.connection_pool.connection_kwargs
            self.where = describe(connection)
        if connection.get("decode_responses"):
            raise ValueError("the Redis client must use decode_responses=False: checkpoints are bytes")
        self.client = client

    @classmethod
    @contextmanager
    def from_conn_string(cls, url: str, **options: Unpack[SaverOptions]) -> Iterator[RedisSaver]:
        """A saver on its own client for `url` (`redis://`, `rediss://`, `unix://`, or a cluster's
        `redis+cluster://`), set up, closed after."""
        timeout = options.get("timeout", DEFAULT_TIMEOUT)
        client = connect_sync(url, socket_timeout=timeout, socket_connect_timeout=timeout)
        try:
            saver = cls(client, **options)
            saver.setup()
            yield saver
        finally:
            client.close()

    def setup(self) -> None:
        """Check the server (Redis >= 6.2, Lua) and load the scripts. Runs by itself on first use;
        call it at startup to fail fast."""
        self._ready = False
        self._call(_nothing)  # `_call` sets up before any operation, with the same retries

    # -- the checkpointer interface ------------------------------------------------------------

    def get_tuple(self, config: RunnableConfig) -> CheckpointTuple | None:
        """The checkpoint named by `checkpoint_id`, or the namespace's latest: one round trip."""
        read = self._get_read(config)
        return self._first(read, self._call(partial(self._eval, scripts.READ, read.keys, read.args)))

    def list(
        self,
        config: RunnableConfig | None,
        *,
        filter: dict[str, Any] | None = None,
        before: RunnableConfig | None = None,
        limit: int | None = None,
    ) -> Iterator[CheckpointTuple]:
        """Newest first. Without a thread id every thread under the prefix is listed (a SCAN: for
        operators, not for request paths)."""
        query = self._list_query(config, filter, before, limit)
        thread_ids = [query.thread_id] if query.thread_id is not None else self._call(self._thread_ids)
        replies = []
        for thread_id in thread_ids:
            read = self._list_read(query, thread_id)
            replies.append((thread_id, self._call(partial(self._eval, scripts.READ, read.keys, read.args))))
        yield from self._select(query, replies)

    def put(
        self,
        config: RunnableConfig,
        checkpoint: Checkpoint,
        metadata: CheckpointMetadata,
        new_versions: ChannelVersions,
    ) -> RunnableConfig:
        """Store the checkpoint and the blobs of its new versions atomically, refreshing the TTL."""
        plan = self._put_plan(config, checkpoint, metadata, new_versions)
        self._call(partial(self._put, plan))
        return plan.next_config

    def put_writes(
        self, config: RunnableConfig, writes: Sequence[tuple[str, Any]], task_id: str, task_path: str = ""
    ) -> None:
        """Store a task's writes atomically; a replayed task does not duplicate them."""
        if not writes:
            return
        thread_keys, args = self._writes_plan(config, writes, task_id, task_path)
        self._call(partial(self._eval, scripts.PUT_WRITES, thread_keys, args))

    def delete_thread(self, thread_id: str) -> None:
        """Delete every checkpoint, blob and write of the thread (two keys, one script)."""
        self._call(partial(self._delete_thread, str(thread_id)))

    def delete_for_runs(self, run_ids: Sequence[str]) -> None:
        """Delete the checkpoints (and their writes) that the runs wrote, in every thread."""
        runs = [keys.check_name("run_id", str(r)) for r in run_ids]
        if runs:
            self._call(partial(self._delete_runs, runs))

    def copy_thread(self, source_thread_id: str, target_thread_id: str) -> None:
        """Make the target thread a copy of the source (whatever the target held is replaced)."""
        self._call(partial(self._copy_thread, str(source_thread_id), str(target_thread_id)))

    def prune(self, thread_ids: Sequence[str], *, strategy: str = "keep_latest") -> None:
        """See `AsyncRedisSaver.aprune`."""
        targets = self._prune_targets(thread_ids, strategy)
        if strategy == "delete":
            for thread_id in targets:
                self.delete_thread(thread_id)
            return
        self._call(partial(self._refuse_delta_threads, targets))
        for thread_id in targets:
            self._call(partial(self._keep_latest, thread_id))

    # -- async calls are refused ---------------------------------------------------------------

    async def aget_tuple(self, config: RunnableConfig) -> CheckpointTuple | None:
        _async_refused("aget_tuple")

    async def alist(
        self,
        config: RunnableConfig | None,
        *,
        filter: dict[str, Any] | None = None,
        before: RunnableConfig | None = None,
        limit: int | None = None,
    ) -> AsyncIterator[CheckpointTuple]:
        _async_refused("alist")
        yield  # an async generator, like the method it overrides

    async def aput(
        self,
        config: RunnableConfig,
        checkpoint: Checkpoint,
        metadata: CheckpointMetadata,
        new_versions: ChannelVersions,
    ) -> RunnableConfig:
        _async_refused("aput")

    async def aput_writes(
        self, config: RunnableConfig, writes: Sequence[tuple[str, Any]], task_id: str, task_path: str = ""
    ) -> None:
        _async_refused("aput_writes")

    async def adelete_thread(self, thread_id: str) -> None:
        _async_refused("adelete_thread")

    async def adelete_for_runs(self, run_ids: Sequence[str]) -> None:
        _async_refused("adelete_for_runs")

    async def acopy_thread(self, source_thread_id: str, target_thread_id: str) -> None:
        _async_refused("acopy_thread")

    async def aprune(self, thread_ids: Sequence[str], *, strategy: str = "keep_latest") -> None:
        _async_refused("aprune")

    # -- I/O -----------------------------------------------------------------------------------

    def _call(self, op: Callable[[], T]) -> T:
        """Run `op` (after the one-time setup), retrying while Redis is unreachable."""
        try:
            return self._attempt(op)
        except TRANSIENT_ERRORS as exc:
            if self.attempts == 1:
                raise self._lost(self.where, exc) from exc
        time.sleep(self.retry_wait)
        try:
            return cast(T, Retrying(**self._retry_options())(self._attempt, op))
        except TRANSIENT_ERRORS as exc:
            raise self._lost(self.where, exc) from exc

    def _attempt(self, op: Callable[[], T]) -> T:
        if not self._ready:
            self._setup()
        return op()

    def _setup(self) -> None:
        try:
            if isinstance(self.client, RedisCluster):  # Redis >= 6.2 on every primary
                nodes = self.client.get_primaries()  # type: ignore[no-untyped-call]
                infos = [
                    self.client.execute_command("INFO", "server", target_nodes=node)  # type: ignore[no-untyped-call]
                    for node in nodes
                ]
            else:
                infos = [self.client.info("server")]
        except ResponseError as exc:
            raise UnsupportedServerError(f"{self.where} refused INFO: {exc}") from exc
        for info in infos:
            check_server(info, self.where)
        self._load_scripts()
        self._ready = True

    def _load_scripts(self) -> None:
        if isinstance(self.client, RedisCluster):  # on every primary: a slot may move to any
            try:
                for script in scripts.ALL:
                    self.client.script_load(script.source)
            except ResponseError as exc:
                raise UnsupportedServerError(f"{self.where} refused to load Lua scripts: {exc}") from exc
            return
        pipe = self.client.pipeline(transaction=False)
        for script in scripts.ALL:
            pipe.script_load(script.source)
        try:
            pipe.execute()
        except ResponseError as exc:
            raise UnsupportedServerError(f"{self.where} refused to load Lua scripts: {exc}") from exc

    def _eval(
        self, script: scripts.Script, thread_keys: ThreadKeys, args: Sequence[bytes | int | str]
    ) -> Any:
        try:
            return self.client.evalsha(script.sha, 2, *thread_keys, *args)
        except NoScriptError:  # the server restarted or flushed its script cache
            self._load_scripts()
            return self.client.evalsha(script.sha, 2, *thread_keys, *args)

    def _put(self, plan: PutPlan) -> None:
        if plan.run_id is None:
            self._eval(scripts.PUT, plan.keys, plan.args)
            return
        try:
            self._put_indexed(plan, plan.run_id)
        except NoScriptError:  # the server restarted or flushed its script cache
            self._load_scripts()
            self._put_indexed(plan, plan.run_id)

    def _put_indexed(self, plan: PutPlan, run_id: str) -> None:
        """The run index goes first in the same round trip (see `AsyncRedisSaver._put_indexed`);
        on a cluster it is another node's, so it goes first on its own."""
        pipe = self.client.pipeline(transaction=False)
        self._queue_run_index(pipe, run_id, plan.thread_id)
        if isinstance(self.client, RedisCluster):
            pipe.execute()
            self.client.evalsha(scripts.PUT.sha, 2, *plan.keys, *plan.args)
            return
        pipe.evalsha(scripts.PUT.sha, 2, *plan.keys, *plan.args)
        pipe.execute()

    def _forget_runs(self, thread_id: str, run_ids: Sequence[bytes | str]) -> None:
        if not run_ids:
            return
        pipe = self.client.pipeline(transaction=False)
        for run in run_ids:
            pipe.srem(keys.run_key(self.prefix, keys.text(run)), thread_id)
        pipe.execute()

    def _delete_thread(self, thread_id: str) -> None:
        runs = self._eval(scripts.DELETE_THREAD, self._thread_keys(thread_id), [])
        self._forget_runs(thread_id, runs)

    def _delete_runs(self, run_ids: Sequence[str]) -> None:
        run_keys = [keys.run_key(self.prefix, run) for run in run_ids]
        pipe = self.client.pipeline(transaction=False)
        for run_key in run_keys:
            pipe.smembers(run_key)
        threads = sorted({keys.text(t) for members in pipe.execute() for t in members})
        for thread_id in threads:
            self._eval(scripts.DELETE_RUNS, self._thread_keys(thread_id), run_ids)
        pipe = self.client.pipeline(transaction=False)
        for run_key in run_keys:  # one key per command: each run key is its own Cluster slot
            pipe.delete(run_key)
        pipe.execute()

    def _copy_thread(self, source: str, target: str) -> None:
        src, dst = self._thread_keys(source), self._thread_keys(target)
        pipe = self.client.pipeline(transaction=True)
        pipe.hgetall(src.hash)
        pipe.zrange(src.zset, 0, -1)
        fields, members = pipe.execute()
        if not members:
            return
        runs = sorted({keys.split(m)[1] for m in members if m.startswith(b"r\0")})
        pipe = self.client.pipeline(transaction=False)
        for run in runs:
            self._queue_run_index(pipe, run, target)
        pipe.execute()
        pipe = self.client.pipeline(transaction=True)
        pipe.delete(dst.hash, dst.zset)
        pipe.hset(dst.hash, mapping=fields)
        pipe.zadd(dst.zset, dict.fromkeys(members, 0))
        if self._ttl_ms:
            pipe.pexpire(dst.hash, self._ttl_ms)
            pipe.pexpire(dst.zset, self._ttl_ms)
        pipe.execute()

    def _refuse_delta_threads(self, thread_ids: Sequence[str]) -> None:
        pipe = self.client.pipeline(transaction=False)
        for thread_id in thread_ids:
            pipe.hexists(self._thread_keys(thread_id).hash, keys.DELTA_FLAG)
        flagged = [t for t, uses in zip(thread_ids, pipe.execute(), strict=True) if uses]
        if flagged:
            raise self._delta_refused(flagged)

    def _keep_latest(self, thread_id: str) -> None:
        try:
            gone = self._eval(scripts.PRUNE, self._thread_keys(thread_id), [])
        except ResponseError as exc:
            if str(exc).startswith("DELTA"):  # it started using one since the check
                raise self._delta_refused([thread_id]) from exc
            raise
        self._forget_runs(thread_id, gone)

    def _thread_ids(self) -> Sequence[str]:
        pattern = keys.index_key_pattern(self.prefix)
        return [
            keys.thread_id_of(self.prefix, keys.text(k))
            for k in self.client.scan_iter(match=pattern, count=1000)
        ]
