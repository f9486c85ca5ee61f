"""`AsyncRedisSaver`: LangGraph checkpoints on plain Redis >= 6.2 or Valkey, for `graph.ainvoke()`.

    async with AsyncRedisSaver.from_conn_string("redis://localhost:6379/0", ttl=7 * 86400) as saver:
        graph = builder.compile(checkpointer=saver)
        await graph.ainvoke(inputs, {"configurable": {"thread_id": conversation_id}})

Key layout in `keys.py`, the atomic operations in `scripts.py`. Each operation is retried a
bounded number of times while Redis is unreachable or still loading after a restart (every one
is idempotent, so a retry after a lost reply is safe), then raises `CheckpointConnectionError`.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from functools import partial
from typing import Any, TypeVar

from langchain_core.runnables import RunnableConfig
from langgraph.checkpoint.base import ChannelVersions, Checkpoint, CheckpointMetadata, CheckpointTuple
from redis.asyncio import ConnectionPool, Redis
from redis.asyncio.cluster import RedisCluster
from redis.exceptions import NoScriptError, ResponseError
from redis.exceptions import TimeoutError as RedisTimeoutError
from tenacity import AsyncRetrying
from typing_extensions import Unpack

from store.checkpoint import cluster, keys, resp, scripts, wire
from store.checkpoint.base import (
    DEFAULT_TIMEOUT,
    TRANSIENT_ERRORS,
    PutPlan,
    SaverOptions,
    check_server,
    describe,
)
from store.checkpoint.errors import UnsupportedServerError
from store.checkpoint.from_thread import CallableFromOtherThreads
from store.checkpoint.keys import ThreadKeys
from store.redis_client import AsyncRedis, connect, is_cluster

T = TypeVar("T")


async def _nothing() -> None:
    return None


class AsyncRedisSaver(CallableFromOtherThreads):
    """Asynchronous checkpointer on a `redis.asyncio.Redis` or `RedisCluster` client (options:
    `BaseRedisSaver`; on a cluster see `cluster.py`).

    The sync methods (`get_tuple`, `list`, `put`, ...) work only from another thread while the
    saver's event loop runs, as with LangGraph's AsyncPostgresSaver; on the loop's own thread
    they raise `asyncio.InvalidStateError` naming the async call to use instead.
    """

    def __init__(self, client: AsyncRedis, **options: Unpack[SaverOptions]) -> None:
        super().__init__(**options)
        if isinstance(client, RedisCluster):
            connection = client.get_connection_kwargs()
            self.where = cluster.where(client)
            self._wire: wire.Wire | cluster.ClusterWire = cluster.ClusterWire(client)
        else:
            connection = client.connection_pool.connection_kwargs
            self.where = describe(connection)
            self._wire = wire.Wire(client.connection_pool)
        if connection.get("decode_responses"):
            raise ValueError("the Redis client must use decode_responses=False: checkpoints are bytes")
        self.client = client
        self._limit: asyncio.Semaphore | None = None  # operations at once (from_conn_string)
        try:
            self.loop: asyncio.AbstractEventLoop | None = asyncio.get_running_loop()
        except RuntimeError:
            self.loop = None  # bound on first use

    @classmethod
    @asynccontextmanager
    async def from_conn_string(
        cls, url: str, *, max_connections: int = 50, **options: Unpack[SaverOptions]
    ) -> AsyncIterator[AsyncRedisSaver]:
        """A saver on its own client for `url` (`redis://`, `rediss://`, `unix://`, or a cluster's
        `redis+cluster://`), set up, closed after. When all `max_connections` are busy a call waits
        for one instead of failing: a graph saves in the background, so many conversations at once
        mean many commands at once (on a cluster, `max_connections` per node).

        The waiting is a semaphore of the saver's in front of a plain pool (with room for the
        connections `wire.py` keeps between calls), and connections have no socket timeout, the
        saver's `timeout` bounding each attempt instead: redis-py's BlockingConnectionPool checkout
        and the `asyncio.wait_for` it puts around every write when a socket timeout is set (a task
        per command on Python 3.11) cost more CPU than a loopback round trip."""
        timeout = options.get("timeout", DEFAULT_TIMEOUT)
        pool: ConnectionPool | None = None
        client: AsyncRedis
        if is_cluster(url):  # connections per node, with room for those kept between calls too
            client = connect(
                url,
                max_connections=max_connections + wire.KEEP,
                socket_timeout=None,
                socket_connect_timeout=timeout,
            )
        else:
            pool = ConnectionPool.from_url(  # room for the connections kept between calls too
                url,
                max_connections=max_connections + wire.KEEP,
                socket_timeout=None,
                socket_connect_timeout=timeout,
            )
            client = Redis(connection_pool=pool)
        saver: AsyncRedisSaver | None = None
        try:
            saver = cls(client, **options)
            saver._limit = asyncio.Semaphore(max_connections)
            await saver.setup()
            yield saver
        finally:
            if saver is not None:
                await saver._wire.close()
            await client.aclose()
            if pool is not None:
                await pool.disconnect()

    async def setup(self) -> None:
        """Check the server (Redis >= 6.2, Lua) and load the scripts. Runs by itself on first use;
        call it at startup to fail fast."""
        self._ready = False
        await self._call(_nothing)  # `_call` sets up before any operation, with the same retries

    # -- the checkpointer interface ------------------------------------------------------------

    async def aget_tuple(self, config: RunnableConfig) -> CheckpointTuple | None:
        """The checkpoint named by `checkpoint_id`, or the namespace's latest: one round trip."""
        read = self._get_read(config)
        reply = await self._call(partial(self._eval, scripts.READ, read.keys, read.args))
        return self._first(read, reply)

    async def alist(
        self,
        config: RunnableConfig | None,
        *,
        filter: dict[str, Any] | None = None,
        before: RunnableConfig | None = None,
        limit: int | None = None,
    ) -> AsyncIterator[CheckpointTuple]:
        """Newest first. Without a thread id every thread under the prefix is listed (a SCAN: for
        operators, not for request paths)."""
        query = self._list_query(config, filter, before, limit)
        if query.thread_id is not None:
            thread_ids: Sequence[str] = [query.thread_id]
        else:
            thread_ids = await self._call(self._thread_ids)
        replies = []
        for thread_id in thread_ids:
            read = self._list_read(query, thread_id)
            replies.append(
                (thread_id, await self._call(partial(self._eval, scripts.READ, read.keys, read.args)))
            )
        for item in self._select(query, replies):
            yield item

    async def aput(
        self,
        config: RunnableConfig,
        checkpoint: Checkpoint,
        metadata: CheckpointMetadata,
        new_versions: ChannelVersions,
    ) -> RunnableConfig:
        """Store the checkpoint and the blobs of its new versions atomically, refreshing the TTL."""
        plan = self._put_plan(config, checkpoint, metadata, new_versions)
        await self._call(partial(self._put, plan))
        return plan.next_config

    async def aput_writes(
        self,
        config: RunnableConfig,
        writes: Sequence[tuple[str, Any]],
        task_id: str,
        task_path: str = "",
    ) -> None:
        """Store a task's writes atomically; a replayed task does not duplicate them."""
        if not writes:
            return
        thread_keys, args = self._writes_plan(config, writes, task_id, task_path)
        await self._call(partial(self._eval, scripts.PUT_WRITES, thread_keys, args))

    async def adelete_thread(self, thread_id: str) -> None:
        """Delete every checkpoint, blob and write of the thread (two keys, one script)."""
        await self._call(partial(self._delete_thread, str(thread_id)))

    async def adelete_for_runs(self, run_ids: Sequence[str]) -> None:
        """Delete the checkpoints (and their writes) that the runs wrote, in every thread."""
        runs = [keys.check_name("run_id", str(r)) for r in run_ids]
        if runs:
            await self._call(partial(self._delete_runs, runs))

    async def acopy_thread(self, source_thread_id: str, target_thread_id: str) -> None:
        """Make the target thread a copy of the source (whatever the target held is replaced)."""
        await self._call(partial(self._copy_thread, str(source_thread_id), str(target_thread_id)))

    async def aprune(self, thread_ids: Sequence[str], *, strategy: str = "keep_latest") -> None:
        """`keep_latest`: each namespace keeps its latest checkpoint, with its writes and blobs;
        finished subgraph calls go whole. `delete`: the threads go. Threads that use a
        DeltaChannel are refused by keep_latest (NotImplementedError), before any is pruned."""
        targets = self._prune_targets(thread_ids, strategy)
        if strategy == "delete":
            for thread_id in targets:
                await self.adelete_thread(thread_id)
            return
        await self._call(partial(self._refuse_delta_threads, targets))
        for thread_id in targets:
            await self._call(partial(self._keep_latest, thread_id))

    # -- I/O -----------------------------------------------------------------------------------

    async def _call(self, op: Callable[[], Awaitable[T]]) -> T:
        """Run `op` (after the one-time setup), retrying while Redis is unreachable."""
        if self.loop is None:
            self.loop = asyncio.get_running_loop()
        try:
            return await self._attempt(op)
        except TRANSIENT_ERRORS as exc:
            if self.attempts == 1:
                raise self._lost(self.where, exc) from exc
        await asyncio.sleep(self.retry_wait)
        try:
            return await AsyncRetrying(**self._retry_options())(self._attempt, op)
        except TRANSIENT_ERRORS as exc:
            raise self._lost(self.where, exc) from exc

    async def _attempt(self, op: Callable[[], Awaitable[T]]) -> T:
        if self._limit is None:
            return await self._within_deadline(op)
        async with self._limit:  # one connection at most per operation: never more than the pool's
            return await self._within_deadline(op)

    async def _within_deadline(self, op: Callable[[], Awaitable[T]]) -> T:
        try:
            async with asyncio.timeout(self.timeout):
                if not self._ready:
                    await self._setup()
                return await op()
        except TimeoutError as exc:  # the deadline's (redis-py's own is a RedisTimeoutError)
            raise RedisTimeoutError(f"no reply within {self.timeout} s") from exc

    async def _setup(self) -> None:
        try:
            if isinstance(self.client, RedisCluster):
                infos = await cluster.primaries_info(self.client)
            else:
                infos = [await self.client.info("server")]
        except ResponseError as exc:
            raise UnsupportedServerError(f"{self.where} refused INFO: {exc}") from exc
        for info in infos:
            check_server(info, self.where)
        await self._load_scripts()
        self._ready = True

    async def _load_scripts(self) -> None:
        if isinstance(self.client, RedisCluster):
            try:
                await cluster.load_scripts(self.client)
            except ResponseError as exc:
                raise UnsupportedServerError(f"{self.where} refused to load Lua scripts: {exc}") from exc
            return
        pipe = self.client.pipeline(transaction=False)
        for script in scripts.ALL:
            pipe.script_load(script.source)
        try:
            await pipe.execute()
        except ResponseError as exc:
            raise UnsupportedServerError(f"{self.where} refused to load Lua scripts: {exc}") from exc

    async def _eval(
        self, script: scripts.Script, thread_keys: ThreadKeys, args: Sequence[bytes | int | str]
    ) -> Any:
        command = ("EVALSHA", script.sha, 2, *thread_keys, *args)
        try:
            return (await self._execute(command))[0]
        except NoScriptError:  # the server restarted or flushed its script cache
            await self._load_scripts()
            return (await self._execute(command))[0]

    async def _execute(self, *commands: resp.Command) -> Sequence[Any]:
        return await self._wire.execute(commands)

    async def _put(self, plan: PutPlan) -> None:
        if plan.run_id is None:
            await self._eval(scripts.PUT, plan.keys, plan.args)
            return
        try:
            await self._put_indexed(plan, plan.run_id)
        except NoScriptError:  # the server restarted or flushed its script cache
            await self._load_scripts()
            await self._put_indexed(plan, plan.run_id)

    async def _put_indexed(self, plan: PutPlan, run_id: str) -> None:
        """The run index is another slot, so it cannot join the script: it goes first, in the
        same round trip on one server (on a cluster, to its own node just before), so no
        checkpoint of a run is missing from it (a stale entry is harmless)."""
        index = self._run_index_commands(run_id, plan.thread_id)
        await self._execute(*index, ("EVALSHA", scripts.PUT.sha, 2, *plan.keys, *plan.args))

    async def _forget_runs(self, thread_id: str, run_ids: Sequence[bytes | str]) -> None:
        """Take the thread out of the run index entries it no longer has checkpoints for."""
        if run_ids:
            await self._execute(
                *(("SREM", keys.run_key(self.prefix, keys.text(r)), thread_id) for r in run_ids)
            )

    async def _delete_thread(self, thread_id: str) -> None:
        runs = await self._eval(scripts.DELETE_THREAD, self._thread_keys(thread_id), [])
        await self._forget_runs(thread_id, runs)

    async def _delete_runs(self, run_ids: Sequence[str]) -> None:
        run_keys = [keys.run_key(self.prefix, run) for run in run_ids]
        pipe = self.client.pipeline(transaction=False)
        for run_key in run_keys:
            pipe.smembers(run_key)
        threads = sorted({keys.text(t) for members in await pipe.execute() for t in members})
        for thread_id in threads:
            await self._eval(scripts.DELETE_RUNS, self._thread_keys(thread_id), run_ids)
        pipe = self.client.pipeline(transaction=False)
        for run_key in run_keys:  # one key per command: each run key is its own Cluster slot
            pipe.delete(run_key)
        await pipe.execute()

    async def _copy_thread(self, source: str, target: str) -> None:
        src, dst = self._thread_keys(source), self._thread_keys(target)
        pipe = self.client.pipeline(transaction=True)
        pipe.hgetall(src.hash)
        pipe.zrange(src.zset, 0, -1)
        fields, members = await pipe.execute()
        if not members:
            return
        runs = sorted({keys.split(m)[1] for m in members if m.startswith(b"r\0")})
        pipe = self.client.pipeline(transaction=False)
        for run in runs:
            self._queue_run_index(pipe, run, target)
        await pipe.execute()
        pipe = self.client.pipeline(transaction=True)
        pipe.delete(dst.hash, dst.zset)
        pipe.hset(dst.hash, mapping=fields)
        pipe.zadd(dst.zset, dict.fromkeys(members, 0))
        if self._ttl_ms:
            pipe.pexpire(dst.hash, self._ttl_ms)
            pipe.pexpire(dst.zset, self._ttl_ms)
        await pipe.execute()

    async def _refuse_delta_threads(self, thread_ids: Sequence[str]) -> None:
        if not thread_ids:
            return
        checks = [("HEXISTS", self._thread_keys(t).hash, keys.DELTA_FLAG) for t in thread_ids]
        flagged = [t for t, uses in zip(thread_ids, await self._execute(*checks), strict=True) if uses]
        if flagged:
            raise self._delta_refused(flagged)

    async def _keep_latest(self, thread_id: str) -> None:
        try:
            gone = await self._eval(scripts.PRUNE, self._thread_keys(thread_id), [])
        except ResponseError as exc:
            if str(exc).startswith("DELTA"):  # it started using one since the check
                raise self._delta_refused([thread_id]) from exc
            raise
        await self._forget_runs(thread_id, gone)

    async def _thread_ids(self) -> Sequence[str]:
        pattern = keys.index_key_pattern(self.prefix)
        found = [keys.text(k) async for k in self.client.scan_iter(match=pattern, count=1000)]
        return [keys.thread_id_of(self.prefix, k) for k in found]
