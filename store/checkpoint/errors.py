"""What the Redis checkpointer raises on its own, as one small tree.

    CheckpointStoreError                 anything below; catch this to catch them all
    ├── UnsupportedServerError           the server lacks what we need (Redis < 6.2, Lua disabled)
    ├── CheckpointConnectionError        Redis stayed unreachable through every retry (also a ConnectionError)
    └── CheckpointDecodeError            stored bytes cannot be read back (encrypted without a key, wrong key)

A synchronous call made on the event loop's own thread raises `asyncio.InvalidStateError`,
as LangGraph's `AsyncPostgresSaver` does, so callers handle both savers alike. Bad arguments
(a NUL character in a name, an unknown prune strategy) raise `ValueError` / `TypeError`.
"""

from __future__ import annotations


class CheckpointStoreError(Exception):
    """Base class of the checkpointer's own errors."""


class UnsupportedServerError(CheckpointStoreError):
    """The server cannot run the checkpointer: too old, or it refuses Lua scripts."""


class CheckpointConnectionError(CheckpointStoreError, ConnectionError):
    """Redis did not answer after the configured number of attempts."""


class CheckpointDecodeError(CheckpointStoreError):
    """A stored checkpoint, blob or write could not be deserialized."""
