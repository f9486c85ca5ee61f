"""Moving one slot between two nodes of a local cluster by hand, step by step, as
`valkey-cli --cluster reshard` does (the wheel ships no valkey-cli): IMPORTING on the target,
MIGRATING on the source, MIGRATE of the keys, then SETSLOT NODE everywhere. The steps are
separate so a test can act between them."""

from __future__ import annotations

from collections.abc import Sequence

from store.embedded.cluster import ClusterNode, EmbeddedValkeyCluster


def node_id(node: ClusterNode) -> str:
    with node.client() as client:
        return str(client.execute_command("CLUSTER", "MYID"))


def owner(cluster: EmbeddedValkeyCluster, slot: int) -> ClusterNode:
    """The node that serves `slot` now, as every node's own view says."""
    for node in cluster.nodes:
        with node.client() as client:
            mine = str(client.execute_command("CLUSTER", "NODES"))
        line = next(line for line in mine.splitlines() if "myself" in line.split()[2])
        for part in line.split()[8:]:
            if part.startswith("["):  # a slot being imported or migrated, not a range
                continue
            first, _, last = part.partition("-")
            if int(first) <= slot <= int(last or first):
                return node
    raise LookupError(f"no node serves slot {slot}")


def keys_in_slot(node: ClusterNode, slot: int) -> int:
    with node.client() as client:
        return int(client.execute_command("CLUSTER", "COUNTKEYSINSLOT", slot))


class SlotMigration:
    """`slot` from `source` to `target`, one step at a time."""

    def __init__(self, cluster: EmbeddedValkeyCluster, slot: int, source: ClusterNode, target: ClusterNode):
        self.cluster, self.slot, self.source, self.target = cluster, slot, source, target

    def begin(self) -> None:
        """The target imports, the source migrates: the source still serves the keys it holds
        and redirects (ASK) for the ones it does not."""
        with self.target.client() as client:
            client.execute_command("CLUSTER", "SETSLOT", self.slot, "IMPORTING", node_id(self.source))
        with self.source.client() as client:
            client.execute_command("CLUSTER", "SETSLOT", self.slot, "MIGRATING", node_id(self.target))

    def move(self, keys: Sequence[str]) -> None:
        """MIGRATE these keys from the source to the target (atomically each)."""
        with self.source.client() as client:
            client.execute_command("MIGRATE", "127.0.0.1", self.target.port, "", 0, 5000, "KEYS", *keys)

    def finish(self) -> None:
        """The slot is the target's: told to the target, the source, then the others (the
        order `valkey-cli` uses, so no node ever thinks the slot has no owner)."""
        target = node_id(self.target)
        others = [n for n in self.cluster.nodes if n not in (self.target, self.source)]
        for node in (self.target, self.source, *others):
            with node.client() as client:
                client.execute_command("CLUSTER", "SETSLOT", self.slot, "NODE", target)
        self.cluster.wait_until_ok()
