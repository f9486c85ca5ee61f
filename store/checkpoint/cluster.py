"""`AsyncRedisSaver` on a Redis Cluster: commands through redis-py's cluster client.

Every script takes one thread's two keys, which share the hash tag `{thread_id}` (`keys.py`), so
each runs on the one node that owns the thread's slot; the run index (`P:run:{R}`) is a key of
its own slot, written by a command of its own before the PUT script. What the cluster adds is
routing and moving slots, and redis-py's `RedisCluster` already does both: it sends a command to
the node its slot map names, follows `MOVED` (updating the map) and `ASK` (a slot being
migrated), and waits out `TRYAGAIN` (a script whose two keys are split between the two nodes
for the moment of a migration). So this path sends each command through it, in order, rather
than through `wire.py`'s single-connection hot path, which knows one server only.

Scripts are loaded on every primary (a slot may move to any of them); a node that lacks them
(added later, restarted) answers NOSCRIPT, and the saver loads them again everywhere.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from redis.asyncio.cluster import RedisCluster

from store.checkpoint import scripts
from store.checkpoint.resp import Command


class ClusterWire:
    """The saver's commands on a `RedisCluster`, one after another (the same interface as
    `wire.Wire`). In order, because the run index must be written before the checkpoint that
    names it; an error stops the ones after it."""

    idle = 0  # connections are the cluster client's own: none kept here

    def __init__(self, client: RedisCluster) -> None:
        self.client = client

    async def execute(self, commands: Sequence[Command]) -> list[Any]:
        return [await self.client.execute_command(*command) for command in commands]

    async def close(self) -> None:
        """Nothing of its own to hand back."""


def where(client: RedisCluster) -> str:
    """The nodes the client was given, for error messages (never the password)."""
    return f"Redis Cluster at {', '.join(client.nodes_manager.startup_nodes)}"


async def primaries_info(client: RedisCluster) -> list[Mapping[str, Any]]:
    """`INFO server` of every primary: the checkpointer needs Redis >= 6.2 on each of them."""
    await client.initialize()
    return [
        await client.execute_command("INFO", "server", target_nodes=node) for node in client.get_primaries()
    ]


async def load_scripts(client: RedisCluster) -> None:
    """Every script on every primary (SCRIPT LOAD is sent to all of them by redis-py)."""
    for script in scripts.ALL:
        await client.script_load(script.source)
