"""LangGraph checkpointers on plain Redis >= 6.2 or Valkey: no modules, Cluster-shaped keys, encrypted.

`AsyncRedisSaver` (for `graph.ainvoke()`) and `RedisSaver` (for `graph.invoke()`) implement
LangGraph's whole `BaseCheckpointSaver` interface, including `delete_for_runs`, `copy_thread`
and `prune`, and pass its conformance suite. Why our own: the official
`langgraph-checkpoint-redis` needs the RedisJSON and RediSearch modules, which plain Redis,
Valkey and many managed services do not have. See docs/checkpointer.md for the layout,
guarantees and measurements.
"""

from store.checkpoint.aio import AsyncRedisSaver
from store.checkpoint.base import DEFAULT_PREFIX, SaverOptions
from store.checkpoint.errors import (
    CheckpointConnectionError,
    CheckpointDecodeError,
    CheckpointStoreError,
    UnsupportedServerError,
)
from store.checkpoint.sync import RedisSaver

__all__ = [
    "DEFAULT_PREFIX",
    "AsyncRedisSaver",
    "CheckpointConnectionError",
    "CheckpointDecodeError",
    "CheckpointStoreError",
    "RedisSaver",
    "SaverOptions",
    "UnsupportedServerError",
]
