"""Pure helpers between LangGraph objects and the script arguments / replies (no I/O here).

`put_args` and `write_args` turn a checkpoint or pending writes into the arguments of the PUT
and PUT_WRITES scripts; `parse_read` and `to_tuple` turn a READ reply back into
`CheckpointTuple`s. Both savers call these, so the sync and async twins cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, cast

from langchain_core.runnables import RunnableConfig
from langgraph.checkpoint.base import (
    WRITES_IDX_MAP,
    ChannelVersions,
    Checkpoint,
    CheckpointMetadata,
    CheckpointTuple,
    PendingWrite,
    writes_sort_key,
)
from langgraph.checkpoint.serde.base import SerializerProtocol
from langgraph.checkpoint.serde.types import _DeltaSnapshot

from store.checkpoint import keys
from store.checkpoint.serde import dump, load

# Metadata keys by which LangGraph (Python and JS) marks a thread that uses a DeltaChannel.
DELTA_METADATA_KEYS = ("counters_since_delta_snapshot", "delta_writes_versioned")


class PutArgs(NamedTuple):
    """PUT script arguments after the TTL, and the run id to index (if the metadata has one)."""

    args: list[bytes]
    run_id: str | None


@dataclass(frozen=True, slots=True)
class StoredCheckpoint:
    """One row of a READ reply, still serialized."""

    ns: str
    checkpoint_id: str
    record: bytes
    parent_id: str | None
    versions: dict[str, str]
    writes: list[tuple[bytes, bytes]]


def config_for(thread_id: str, ns: str, checkpoint_id: str) -> RunnableConfig:
    return {"configurable": {"thread_id": thread_id, "checkpoint_ns": ns, "checkpoint_id": checkpoint_id}}


def _uses_delta_channel(checkpoint: Checkpoint, metadata: CheckpointMetadata) -> bool:
    return any(k in metadata for k in DELTA_METADATA_KEYS) or any(
        isinstance(v, _DeltaSnapshot) for v in checkpoint["channel_values"].values()
    )


def put_args(
    serde: SerializerProtocol,
    *,
    ns: str,
    checkpoint: Checkpoint,
    metadata: CheckpointMetadata,
    parent_id: str | None,
    new_versions: ChannelVersions,
) -> PutArgs:
    """Record, plain meta, run index entry, DeltaChannel flag and the new blobs of one checkpoint."""
    checkpoint_id = checkpoint["id"]
    values = checkpoint["channel_values"]
    body = {k: v for k, v in checkpoint.items() if k != "channel_values"}
    run = metadata.get("run_id")
    run_id = keys.check_name("run_id", run) if isinstance(run, str) and run else None
    parents = metadata.get("parents")
    root = parents.get("", "") if isinstance(parents, dict) else ""
    meta = [parent_id or "", root, run_id or ""]
    for channel, version in checkpoint["channel_versions"].items():
        meta += [keys.check_name("channel", channel), str(version)]
    args = [
        keys.checkpoint_member(ns, checkpoint_id),
        dump(serde, {"checkpoint": body, "metadata": metadata}),
        keys.SEP.join(meta).encode(),
        keys.run_member(run_id, ns, checkpoint_id) if run_id else b"",
        b"1" if _uses_delta_channel(checkpoint, metadata) else b"0",
    ]
    for channel, version in new_versions.items():
        if channel in values:
            args += [keys.blob_field(ns, channel, str(version)), dump(serde, values[channel])]
    return PutArgs(args, run_id)


def write_args(
    serde: SerializerProtocol,
    *,
    ns: str,
    checkpoint_id: str,
    task_id: str,
    task_path: str,
    writes: Sequence[tuple[str, Any]],
) -> list[bytes]:
    """PUT_WRITES arguments: field, `channel \\0 task_path \\0 typed value`, upsert flag per write."""
    path = keys.check_name("task_path", task_path).encode()
    keys.check_name("task_id", task_id)
    args: list[bytes] = []
    for idx, (channel, value) in enumerate(writes):
        slot = WRITES_IDX_MAP.get(channel, idx)
        args += [
            keys.write_field(ns, checkpoint_id, task_id, slot),
            keys.check_name("channel", channel).encode() + b"\0" + path + b"\0" + dump(serde, value),
            b"1" if slot < 0 else b"0",
        ]
    return args


def _items(reply: bytes) -> Iterator[bytes]:
    """The `length:bytes` items of a READ reply."""
    at = 0
    while at < len(reply):
        colon = reply.index(b":", at)
        end = colon + 1 + int(reply[at:colon])
        yield reply[colon + 1 : end]
        at = end


def parse_read(reply: bytes) -> tuple[list[StoredCheckpoint], dict[bytes, bytes]]:
    """Rows (newest first) and the blobs they use, from a READ script reply."""
    items = _items(reply)
    rows = []
    for _ in range(int(next(items))):
        member, record, meta, count = next(items), next(items), next(items), int(next(items))
        writes = [(next(items), next(items)) for _ in range(count)]
        _, ns, checkpoint_id = keys.split(member)
        parent, _root, _run, *pairs = keys.split(meta)
        rows.append(
            StoredCheckpoint(
                ns=ns,
                checkpoint_id=checkpoint_id,
                record=record,
                parent_id=parent or None,
                versions=dict(zip(pairs[::2], pairs[1::2], strict=True)),
                writes=writes,
            )
        )
    rest = list(items)
    return rows, dict(zip(rest[::2], rest[1::2], strict=True))


def decode_record(serde: SerializerProtocol, row: StoredCheckpoint) -> tuple[Checkpoint, CheckpointMetadata]:
    """The checkpoint (without channel values yet) and its metadata."""
    record = load(serde, row.record)
    return cast(Checkpoint, record["checkpoint"]), cast(CheckpointMetadata, record["metadata"])


def _decode_writes(serde: SerializerProtocol, writes: list[tuple[bytes, bytes]]) -> list[PendingWrite]:
    decoded: list[tuple[tuple[str, str, int], PendingWrite]] = []
    for field, value in writes:
        _, _, _, task_id, idx = keys.split(field)
        channel, task_path, typed = value.split(b"\0", 2)
        sort_key = writes_sort_key(task_path.decode(), task_id, int(idx))
        decoded.append((sort_key, (task_id, channel.decode(), load(serde, typed))))
    decoded.sort(key=lambda item: item[0])
    return [write for _, write in decoded]


def to_tuple(
    serde: SerializerProtocol,
    thread_id: str,
    row: StoredCheckpoint,
    record: tuple[Checkpoint, CheckpointMetadata],
    blobs: Mapping[bytes, bytes],
) -> CheckpointTuple:
    """The full tuple: channel values from the blobs of the row's versions, writes in replay order."""
    checkpoint, metadata = record
    values = {}
    for channel, version in row.versions.items():
        raw = blobs.get(keys.blob_field(row.ns, channel, version))
        if raw is not None:
            values[channel] = load(serde, raw)
    return CheckpointTuple(
        config=config_for(thread_id, row.ns, row.checkpoint_id),
        checkpoint={**checkpoint, "channel_values": values},
        metadata=metadata,
        parent_config=config_for(thread_id, row.ns, row.parent_id) if row.parent_id else None,
        pending_writes=_decode_writes(serde, row.writes),
    )


def matches(metadata: Mapping[str, Any], query: Mapping[str, Any]) -> bool:
    """Metadata containment, as Postgres' `metadata @> filter`: nested dicts match partially."""
    for key, wanted in query.items():
        if key not in metadata:
            return False
        have = metadata[key]
        if isinstance(wanted, Mapping):
            if not isinstance(have, Mapping) or not matches(have, wanted):
                return False
        elif have != wanted:
            return False
    return True
