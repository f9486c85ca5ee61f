"""Helpers shared by the checkpointer tests (fixtures are in conftest.py)."""

from __future__ import annotations

import secrets

from store.redis_client import connect_sync


def unique_prefix() -> str:
    return f"test:ckpt:{secrets.token_hex(4)}"


def wipe(url: str, prefix: str) -> None:
    """Delete every key under `prefix` (and only those: other tests share the server), on a
    single server or on every primary of a cluster."""
    with connect_sync(url) as client:
        for key in client.scan_iter(match=f"{prefix}:*", count=1000):
            client.unlink(key)
