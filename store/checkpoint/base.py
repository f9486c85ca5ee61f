"""What `RedisSaver` and `AsyncRedisSaver` share: options, planning, decoding (no I/O here).

Each operation is planned here (keys and script arguments), run by the sync or async twin with
its own client, and its reply interpreted here again, as LangGraph's Postgres savers share
`BasePostgresSaver`.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, TypedDict

from langchain_core.runnables import RunnableConfig
from langgraph.checkpoint.base import (
    BaseCheckpointSaver,
    ChannelVersions,
    Checkpoint,
    CheckpointMetadata,
    CheckpointTuple,
    get_checkpoint_id,
    get_serializable_checkpoint_metadata,
)
from langgraph.checkpoint.serde.base import SerializerProtocol
from redis.asyncio.client import Pipeline as AsyncPipeline
from redis.asyncio.cluster import ClusterPipeline as AsyncClusterPipeline
from redis.client import Pipeline
from redis.cluster import ClusterPipeline
from redis.exceptions import ClusterError, MaxConnectionsError, SlotNotCoveredError, TryAgainError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from tenacity import retry_if_exception_type, stop_after_attempt, wait_exponential

from store.checkpoint import keys, rows
from store.checkpoint.errors import CheckpointConnectionError, UnsupportedServerError
from store.checkpoint.keys import ThreadKeys
from store.checkpoint.serde import make_serde

DEFAULT_PREFIX = "prm:ckpt"
DEFAULT_TIMEOUT = 5.0  # seconds, as redis-py's default socket timeout
MIN_SERVER_VERSION = (6, 2)
PRUNE_STRATEGIES = ("keep_latest", "delete")
# Worth another attempt: refused or dropped connections, timeouts, and a restarted server
# still loading its append-only file (BusyLoadingError is a ConnectionError in redis-py); on a
# cluster also a slot moving or a failover that outlasted redis-py's own retries: CLUSTERDOWN,
# TRYAGAIN, redirections that did not settle (ClusterError), a slot missing from the client's map.
CLUSTER_ERRORS = (ClusterError, TryAgainError, SlotNotCoveredError)
TRANSIENT_ERRORS = (RedisConnectionError, RedisTimeoutError, *CLUSTER_ERRORS)


class SaverOptions(TypedDict, total=False):
    """Keyword options of both savers (and of their `from_conn_string`)."""

    prefix: str
    ttl: float | None
    refresh_on_read: bool
    serde: SerializerProtocol | None
    encryption_key: bytes | Sequence[bytes] | None
    attempts: int
    retry_wait: float
    timeout: float


class ThreadRead(NamedTuple):
    """One READ script call: whose thread, its keys, and the script arguments."""

    thread_id: str
    keys: ThreadKeys
    args: list[bytes | int]


class PutPlan(NamedTuple):
    """One PUT: the config to return, whose thread, its keys, the script arguments, the run."""

    next_config: RunnableConfig
    thread_id: str
    keys: ThreadKeys
    args: list[bytes | int]
    run_id: str | None


@dataclass(frozen=True)
class ListQuery:
    """`list()` arguments, with what the READ script can do and what is left to Python."""

    thread_id: str | None
    ns: str | None
    checkpoint_id: str | None
    before: str | None
    filter: Mapping[str, Any] | None
    limit: int | None

    def accepts(self, row: rows.StoredCheckpoint) -> bool:
        return (
            (self.ns is None or row.ns == self.ns)
            and (self.checkpoint_id is None or row.checkpoint_id == self.checkpoint_id)
            and (self.before is None or row.checkpoint_id < self.before)
        )


def check_server(info: Mapping[str, Any], where: str) -> str:
    """The server's version, or `UnsupportedServerError` when it is older than Redis 6.2."""
    version = str(info.get("redis_version", "0"))
    numbers = tuple(int(n) for n in re.findall(r"\d+", version)[:2])
    if numbers < MIN_SERVER_VERSION:
        raise UnsupportedServerError(
            f"{where} runs Redis {version}; the checkpointer needs Redis >= 6.2 or Valkey "
            "(plain commands and Lua scripts, no modules)"
        )
    return str(info.get("valkey_version") or version)


def describe(connection_kwargs: Mapping[str, Any]) -> str:
    """Where the client connects, for error messages (never the password)."""
    if path := connection_kwargs.get("path"):
        return f"Redis at unix://{path}"
    return f"Redis at {connection_kwargs.get('host', 'localhost')}:{connection_kwargs.get('port', 6379)}"


class BaseRedisSaver(BaseCheckpointSaver[str]):
    """Options and pure planning for the Redis savers.

    Args:
        prefix: start of every key, so several apps (or test sessions) share one server.
        ttl: seconds a thread lives after its last write (None: forever). Conversations are
            short-lived; a TTL plus `prune` bounds what one holds in Redis.
        refresh_on_read: also push the TTL back when a thread is read.
        serde: serializer (default LangGraph's JsonPlusSerializer).
        encryption_key: 16, 24 or 32 bytes, or several such keys (the first encrypts, all
            decrypt: rotation); values are then AES-GCM encrypted (they hold PHI), and values
            stored unencrypted are refused.
        attempts: tries per operation in all (1: no retry) while Redis is unreachable or loading.
        retry_wait: first wait between attempts in seconds, doubling each time (at most 2 s).
        timeout: seconds one attempt may take before it is abandoned (and retried, if attempts
            are left). The async saver enforces it itself; the sync one gives it to the client
            that `from_conn_string` makes as its socket timeout.
    """

    def __init__(
        self,
        *,
        prefix: str = DEFAULT_PREFIX,
        ttl: float | None = None,
        refresh_on_read: bool = False,
        serde: SerializerProtocol | None = None,
        encryption_key: bytes | Sequence[bytes] | None = None,
        attempts: int = 3,
        retry_wait: float = 0.2,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        super().__init__(serde=make_serde(serde, encryption_key))
        if ttl is not None and ttl <= 0:
            raise ValueError(f"ttl must be a positive number of seconds or None, got {ttl}")
        if attempts < 1:
            raise ValueError(f"attempts must be at least 1, got {attempts}")
        if timeout <= 0:
            raise ValueError(f"timeout must be a positive number of seconds, got {timeout}")
        self.prefix = keys.check_prefix(prefix)
        self.ttl = ttl
        self.refresh_on_read = refresh_on_read
        self.attempts = attempts
        self.retry_wait = retry_wait
        self.timeout = timeout
        self._ttl_ms = round(ttl * 1000) if ttl else 0
        self._ready = False

    def get_next_version(self, current: str | None, channel: None) -> str:
        """Zero-padded counter plus a random fraction, as the Postgres saver: two forks that
        write the same channel at the same step get different versions, hence different blobs."""
        if current is None:
            number = 0
        elif isinstance(current, int):
            number = current
        else:
            number = int(current.split(".")[0])
        return f"{number + 1:032}.{random.random():016}"

    # -- retries -------------------------------------------------------------------------------

    def _retry_options(self) -> dict[str, Any]:
        """Tenacity options for the attempts after a first one failed. The first runs bare, so the
        common case pays nothing for the retry machinery (it costs ~0.1 ms a call)."""
        return {
            "stop": stop_after_attempt(self.attempts - 1),
            "wait": wait_exponential(multiplier=self.retry_wait, max=2.0),
            "retry": retry_if_exception_type(TRANSIENT_ERRORS),
            "reraise": True,
        }

    def _lost(self, where: str, exc: Exception) -> CheckpointConnectionError:
        if isinstance(exc, MaxConnectionsError):
            hint = "the client's connection pool is exhausted: use a BlockingConnectionPool or a larger one"
        elif isinstance(exc, CLUSTER_ERRORS):
            hint = "the cluster is moving the thread's slot or failing over: retry the call later"
        else:
            hint = "is the server running and REDIS_URL right?"
        return CheckpointConnectionError(
            f"{where} did not answer after {self.attempts} attempt(s): {exc}; {hint}"
        )

    # -- planning ------------------------------------------------------------------------------

    def _thread_keys(self, thread_id: str) -> ThreadKeys:
        return keys.thread_keys(self.prefix, str(thread_id))

    def _read_ttl(self) -> int:
        return self._ttl_ms if self.refresh_on_read else 0

    def _get_read(self, config: RunnableConfig) -> ThreadRead:
        configurable = config["configurable"]
        thread_id = str(configurable["thread_id"])
        ns = keys.check_name("checkpoint_ns", configurable.get("checkpoint_ns", ""))
        bounds = keys.checkpoints_range(ns, checkpoint_id=get_checkpoint_id(config))
        return ThreadRead(thread_id, self._thread_keys(thread_id), [*bounds, 1, self._read_ttl()])

    def _list_query(
        self,
        config: RunnableConfig | None,
        filter: dict[str, Any] | None,
        before: RunnableConfig | None,
        limit: int | None,
    ) -> ListQuery:
        configurable = (config or {}).get("configurable", {})
        thread_id = configurable.get("thread_id")
        return ListQuery(
            thread_id=str(thread_id) if thread_id is not None else None,
            ns=configurable.get("checkpoint_ns"),
            checkpoint_id=configurable.get("checkpoint_id"),
            before=get_checkpoint_id(before) if before else None,
            filter=filter or None,
            limit=limit,
        )

    def _list_read(self, query: ListQuery, thread_id: str) -> ThreadRead:
        """One namespace is read newest first with the limit applied by Redis (unless a metadata
        filter must see every row first); all namespaces are read whole and sorted here."""
        if query.ns is None:
            bounds = keys.checkpoints_range(None)
        else:
            ns = keys.check_name("checkpoint_ns", query.ns)
            bounds = keys.checkpoints_range(ns, checkpoint_id=query.checkpoint_id, before=query.before)
        server_limit = query.limit if query.ns is not None and query.filter is None and query.limit else 0
        return ThreadRead(thread_id, self._thread_keys(thread_id), [*bounds, server_limit, self._read_ttl()])

    def _put_plan(
        self,
        config: RunnableConfig,
        checkpoint: Checkpoint,
        metadata: CheckpointMetadata,
        new_versions: ChannelVersions,
    ) -> PutPlan:
        configurable = config["configurable"]
        thread_id = str(configurable["thread_id"])
        ns = keys.check_name("checkpoint_ns", configurable.get("checkpoint_ns", ""))
        planned = rows.put_args(
            self.serde,
            ns=ns,
            checkpoint=checkpoint,
            metadata=get_serializable_checkpoint_metadata(config, metadata),
            parent_id=configurable.get("checkpoint_id"),
            new_versions=new_versions,
        )
        return PutPlan(
            next_config=rows.config_for(thread_id, ns, checkpoint["id"]),
            thread_id=thread_id,
            keys=self._thread_keys(thread_id),
            args=[self._ttl_ms, *planned.args],
            run_id=planned.run_id,
        )

    def _writes_plan(
        self, config: RunnableConfig, writes: Sequence[tuple[str, Any]], task_id: str, task_path: str
    ) -> tuple[ThreadKeys, list[bytes | int]]:
        configurable = config["configurable"]
        args = rows.write_args(
            self.serde,
            ns=keys.check_name("checkpoint_ns", configurable.get("checkpoint_ns", "")),
            checkpoint_id=configurable["checkpoint_id"],
            task_id=task_id,
            task_path=task_path,
            writes=writes,
        )
        return self._thread_keys(str(configurable["thread_id"])), [self._ttl_ms, *args]

    @staticmethod
    def _delta_refused(thread_ids: Sequence[str]) -> NotImplementedError:
        """keep_latest would drop the writes a DeltaChannel rebuilds its value from."""
        return NotImplementedError(
            f"keep_latest can't prune threads that use a DeltaChannel: {', '.join(thread_ids)}"
        )

    def _run_index_commands(self, run_id: str, thread_id: str) -> list[tuple[str | int, ...]]:
        """Add `thread_id` to the run's set, with the TTL."""
        run_key = keys.run_key(self.prefix, run_id)
        commands: list[tuple[str | int, ...]] = [("SADD", run_key, thread_id)]
        if self._ttl_ms:
            commands.append(("PEXPIRE", run_key, self._ttl_ms))
        return commands

    def _queue_run_index(
        self,
        pipe: Pipeline | AsyncPipeline | ClusterPipeline | AsyncClusterPipeline,
        run_id: str,
        thread_id: str,
    ) -> None:
        """The same on a pipeline of any client."""
        for command in self._run_index_commands(run_id, thread_id):
            pipe.execute_command(*command)

    @staticmethod
    def _prune_targets(thread_ids: Sequence[str], strategy: str) -> list[str]:
        if isinstance(thread_ids, str):
            raise TypeError("thread_ids must be a sequence of thread IDs, not a str")
        if strategy not in PRUNE_STRATEGIES:
            raise ValueError(f"Unknown prune strategy: {strategy!r} (use one of {PRUNE_STRATEGIES})")
        return [str(t) for t in thread_ids]

    # -- decoding ------------------------------------------------------------------------------

    def _first(self, read: ThreadRead, reply: bytes) -> CheckpointTuple | None:
        found, blobs = rows.parse_read(reply)
        if not found:
            return None
        row = found[0]
        return rows.to_tuple(self.serde, read.thread_id, row, rows.decode_record(self.serde, row), blobs)

    def _select(self, query: ListQuery, replies: Sequence[tuple[str, bytes]]) -> Iterator[CheckpointTuple]:
        """Newest first across the threads read, filtered on metadata, up to the limit; rows are
        decoded only when reached, so a small limit decodes little."""
        candidates: list[tuple[str, rows.StoredCheckpoint, dict[bytes, bytes]]] = []
        for thread_id, reply in replies:
            found, blobs = rows.parse_read(reply)
            candidates += [(thread_id, row, blobs) for row in found if query.accepts(row)]
        candidates.sort(key=lambda c: c[1].checkpoint_id, reverse=True)
        remaining = query.limit
        for thread_id, row, blobs in candidates:
            if remaining is not None and remaining <= 0:
                return
            record = rows.decode_record(self.serde, row)
            if query.filter and not rows.matches(record[1], query.filter):
                continue
            if remaining is not None:
                remaining -= 1
            yield rows.to_tuple(self.serde, thread_id, row, record, blobs)
