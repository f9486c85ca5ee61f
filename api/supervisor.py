"""The processes beside `prm serve`'s own: one Python process runs one core, so a 2-core machine
answers about twice the turns with a second process taking jobs from the same queue, and about
twice the API requests with a second process accepting on the same socket.

Worker children are ordinary `prm worker`s on the same Postgres and Redis (the queue's locks keep
one conversation's turns one at a time and in order across processes); API children serve the
listening socket `prm serve` bound and handed down. One that dies is started again after a pause;
on shutdown each gets SIGTERM, finishes what it is doing, and is waited for.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import functools
import logging
import os
import signal
import socket
import sys
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

RESTART_AFTER_S = 2.0
STOPPED = {0, -signal.SIGTERM, -signal.SIGINT}  # exit codes of a worker asked to stop: not restarted
_PR_SET_PDEATHSIG = 1


# Worker processes yield the CPU to `prm serve`'s own process, which acknowledges webhooks (Twilio
# gives up at 15 s, Meta wants well under a second): with more workers than idle cores, the kernel
# then gives the API its share first. Measured with `prm bench load --workers 3` on 2 cores at
# 40 msg/s: acknowledgements took 7.8 s at the median at equal priority (docs/benchmarks.md).
WORKER_NICENESS = 5


@dataclass(frozen=True)
class Child:
    """A process to keep running: its command line, how far below `prm serve` it runs (workers
    yield to the API, see `WORKER_NICENESS`), and the descriptors it inherits (an API child's
    listening socket)."""

    argv: Sequence[str]
    niceness: int = WORKER_NICENESS
    pass_fds: tuple[int, ...] = ()


def _in_child(niceness: int) -> None:
    """In the child, before exec: SIGTERM when `prm serve` dies, even by SIGKILL (Linux), so no
    child outlives it taking jobs or requests; and its priority (`Child.niceness`)."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if niceness:
        os.nice(niceness)


def listen(host: str, port: int, backlog: int = 2048) -> socket.socket:
    """The listening socket every API process accepts on. One socket shared (not one each with
    SO_REUSEPORT): the kernel hands a new connection to whichever process accepts first, so a busy
    process takes fewer; and a child that dies drops no connection waiting in its own queue."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.create_server((host, port), family=family, backlog=backlog)
    # Accepted connections inherit TCP_NODELAY from the listener (Linux). Without it, a response
    # written as headers then body waits for the client's delayed ACK: 40 ms on every keep-alive
    # request. (asyncio and uvloop set it themselves only on sockets they create.)
    listener.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return listener


METRICS_DIR_ENV = "PROMETHEUS_MULTIPROC_DIR"


@contextlib.contextmanager
def metrics_shared_by(processes: int) -> Iterator[None]:
    """With more than one API process, each keeps its request metrics in a directory they share
    (prometheus-client's multiprocess mode), so that `/metrics`, answered by any one of them, counts
    every process's requests. Must be entered before `prometheus_client` is imported; a directory
    the operator set (`PROMETHEUS_MULTIPROC_DIR`) is used as it is."""
    if processes <= 1 or os.environ.get(METRICS_DIR_ENV):
        yield
        return
    with tempfile.TemporaryDirectory(prefix="prm-metrics-") as directory:
        os.environ[METRICS_DIR_ENV] = directory
        try:
            yield
        finally:
            del os.environ[METRICS_DIR_ENV]


def usable_cores() -> int:
    """The cores this process may use: its CPU affinity, capped by a cgroup v2 quota (a container
    limited to 2 CPUs on a 64-core host has 2), not `os.cpu_count()`'s host total."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    try:
        quota, period = open("/sys/fs/cgroup/cpu.max").read().split()  # noqa: SIM115
        if quota != "max":
            cores = min(cores, max(1, int(int(quota) / int(period))))
    except (OSError, ValueError):
        pass
    return cores


@dataclass
class Supervisor:
    children: Sequence[Child]
    env: Mapping[str, str]
    restart_after_s: float = RESTART_AFTER_S
    grace_s: float = 40.0  # a worker's own shutdown grace, and a little more
    restarts: int = 0
    _running: dict[int, asyncio.subprocess.Process] = field(default_factory=dict)
    _stopping: bool = False

    async def run(self) -> None:
        """Keep every child running until `stop` (or cancellation, which stops them too)."""
        try:
            await asyncio.gather(*(self._keep(index) for index in range(len(self.children))))
        finally:
            await self.stop()

    async def _keep(self, index: int) -> None:
        child = self.children[index]
        while not self._stopping:
            # a session of its own: a terminal's Ctrl-C reaches `prm serve` alone, which stops them
            process = await asyncio.create_subprocess_exec(
                *child.argv,
                env=dict(self.env),
                start_new_session=True,
                preexec_fn=functools.partial(_in_child, child.niceness),
                pass_fds=child.pass_fds,
            )
            self._running[index] = process
            code = await process.wait()
            if self._stopping or code in STOPPED:
                return
            self.restarts += 1
            log.error("child process %s exited with %s; starting it again", process.pid, code)
            await asyncio.sleep(self.restart_after_s)

    async def stop(self) -> None:
        """SIGTERM to every child, then wait for each (SIGKILL after `grace_s`)."""
        self._stopping = True
        for process in self._running.values():
            if process.returncode is None:
                with contextlib.suppress(ProcessLookupError):
                    process.send_signal(signal.SIGTERM)
        for process in self._running.values():
            try:
                await asyncio.wait_for(process.wait(), self.grace_s)
            except TimeoutError:
                with contextlib.suppress(ProcessLookupError):
                    process.kill()
                await process.wait()

    def pids(self) -> list[int]:
        return [p.pid for p in self._running.values() if p.returncode is None]
