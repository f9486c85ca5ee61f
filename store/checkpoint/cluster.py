"""`AsyncRedisSaver` on a Redis Cluster: each command to the node that owns its slot, on that
node's connections, through the same hot path as on one server (`wire.py`).

Every script takes one thread's two keys, which share the hash tag `{thread_id}` (`keys.py`), so
each runs on one node; the run index (`P:run:{R}`) is a key of its own slot, written by commands
of their own before the PUT script. `ClusterWire` asks redis-py's `RedisCluster` which node owns
a slot (its map of the cluster) and sends the command there, then handles what a cluster
answers while slots move, as the cluster specification says a client must:

- `MOVED slot node`: the slot has a new owner for good. The client's map is patched
  (`NodesManager.move_slot`, as redis-py does) and the command sent there.
- `ASK slot node`: the slot is being migrated and this key is already on the target. `ASKING`
  and the command go to the target **in one write on one connection**, since ASKING holds for the
  next command of its connection only. (redis-py 8.1's asyncio cluster client sends the two as
  separate commands on connections taken from a first-in-first-out list, so with two or more
  idle connections to the target they land on different ones, the target answers MOVED back to
  the source, and the command fails after 16 redirections; tested in tests/store/checkpoint. It
  also fails on an ASK to a node that has no slot yet, which is how a new node is filled.)
- `TRYAGAIN`: a script whose two keys are split between source and target for the moment of a
  migration; waited out briefly, then raised for the saver to retry (then
  `CheckpointConnectionError`).
- A lost connection: the map is read again from the cluster before the next command.

Scripts are loaded on every primary at setup (a slot may move to any of them); a node that
lacks them (added later, restarted, flushed) answers NOSCRIPT, and they are loaded on that node
and the command sent again.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from typing import Any, cast

from redis.asyncio.cluster import ClusterNode, RedisCluster
from redis.asyncio.connection import AbstractConnection, Connection
from redis.cluster import PRIMARY
from redis.crc import key_slot
from redis.exceptions import AskError, ClusterError, MovedError, NoScriptError, TryAgainError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from store.checkpoint import scripts, wire
from store.checkpoint.resp import Command

REDIRECTIONS = 16  # per command, as redis-py's RedisClusterRequestTTL
TRYAGAIN_WAIT_S = 0.02  # a migration moves a thread's two keys in about a millisecond


class NodePool:
    """One cluster node's connections, as the pool a `wire.Wire` takes from."""

    def __init__(self, node: ClusterNode) -> None:
        self.node = node
        self.connection_kwargs = node.connection_kwargs

    async def get_connection(self) -> AbstractConnection:
        return self.node.acquire_connection()

    async def release(self, connection: AbstractConnection) -> None:
        self.node.release(cast(Connection, connection))  # one of the node's own


class ClusterWire:
    """The saver's commands on a `RedisCluster` (the same interface as `wire.Wire`).

    Consecutive commands of one slot go in one round trip; groups of different slots one
    after another, in order, because the run index must be written before the checkpoint
    that names it. An error stops the groups after it."""

    def __init__(self, client: RedisCluster) -> None:
        self.client = client
        self._wires: dict[str, tuple[ClusterNode, wire.Wire]] = {}
        self._strangers: dict[str, ClusterNode] = {}  # ASK targets the map does not know yet
        self._stale = False  # a connection was lost: read the map again before the next command
        self._refreshing = asyncio.Lock()

    @property
    def idle(self) -> int:
        """Connections kept between calls, over every node."""
        return sum(line.idle for _, line in self._wires.values())

    async def execute(self, commands: Sequence[Command]) -> list[Any]:
        replies: list[Any] = []
        for slot, group in _by_slot(commands):
            replies += await self._on_owner(slot, group)
        return replies

    async def close(self) -> None:
        """Hand the kept connections back to their nodes; drop the nodes met only through ASK."""
        for _, line in self._wires.values():
            await line.close()
        self._wires = {}
        strangers, self._strangers = self._strangers, {}
        for node in strangers.values():
            await node.disconnect()

    async def _on_owner(self, slot: int, group: Sequence[Command]) -> list[Any]:
        await self.client.initialize()  # a no-op once the map is read (again after redis-py closed it)
        await self._refresh_if_stale()
        node = self.client.nodes_manager.get_node_from_slot(slot)
        asking = reloaded = False
        for attempt in range(REDIRECTIONS):
            try:
                if asking:
                    return (await self._send(node, [("ASKING",), *group]))[1:]
                return await self._send(node, group)
            except NoScriptError:  # a node new to the slot (the client's map may not list it yet)
                if reloaded:
                    raise
                await self._send(node, [("SCRIPT", "LOAD", script.source) for script in scripts.ALL])
                reloaded = True
            except MovedError as moved:
                await self.client.nodes_manager.move_slot(moved)
                node, asking = self.client.nodes_manager.get_node_from_slot(slot), False
            except AskError as ask:
                node, asking = self._node_at(ask.host, ask.port), True
            except TryAgainError:
                if attempt >= REDIRECTIONS // 2:
                    raise
                await asyncio.sleep(TRYAGAIN_WAIT_S)
                node, asking = self.client.nodes_manager.get_node_from_slot(slot), False
        raise ClusterError(f"slot {slot} still redirected after {REDIRECTIONS} tries")

    async def _send(self, node: ClusterNode, commands: Sequence[Command]) -> list[Any]:
        try:
            return await self._wire(node).execute(commands)
        except (RedisConnectionError, RedisTimeoutError, OSError):
            self._stale = True  # the node may have failed over: ask the cluster again
            raise

    def _wire(self, node: ClusterNode) -> wire.Wire:
        known = self._wires.get(node.name)
        if known is None or known[0] is not node:  # a node object the map replaced is let go
            known = (node, wire.Wire(NodePool(node)))
            self._wires[node.name] = known
        return known[1]

    def _node_at(self, host: str, port: int) -> ClusterNode:
        """The node an ASK names; one with no slot yet (being filled) is not in the map."""
        host, port = self.client.nodes_manager.remap_host_port(host, port)
        found = self.client.nodes_manager.get_node(host=host, port=port)
        if found is not None:
            return found
        name = f"{host}:{port}"
        if name not in self._strangers:
            kwargs = dict(self.client.nodes_manager.connection_kwargs)
            self._strangers[name] = ClusterNode(host, port, PRIMARY, **kwargs)
        return self._strangers[name]

    async def _refresh_if_stale(self) -> None:
        if not self._stale:
            return
        async with self._refreshing:
            if self._stale:
                await self.client.nodes_manager.initialize()
                self._stale = False


def _by_slot(commands: Sequence[Command]) -> list[tuple[int, list[Command]]]:
    """Consecutive commands grouped by the slot of their key (the first argument after the name;
    for EVALSHA, its first key)."""
    groups: list[tuple[int, list[Command]]] = []
    for command in commands:
        key = command[3] if str(command[0]).upper() == "EVALSHA" else command[1]
        slot = key_slot(key.encode() if isinstance(key, str) else bytes(key))  # type: ignore[arg-type]
        if groups and groups[-1][0] == slot:
            groups[-1][1].append(command)
        else:
            groups.append((slot, [command]))
    return groups


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
    """Every script on every primary (redis-py sends SCRIPT LOAD to all of them)."""
    for script in scripts.ALL:
        await client.script_load(script.source)
