"""Worker processes beside `prm serve`'s own: one Python process runs one core, so a 2-core machine
answers about twice the turns with a second process taking jobs from the same queue.

The children are ordinary `prm worker`s on the same Postgres and Redis (the queue's locks keep one
conversation's turns one at a time and in order across processes). One that dies is started again
after a pause; on shutdown each gets SIGTERM, finishes its running jobs, and is waited for.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import logging
import os
import signal
import sys
from collections.abc import Mapping, Sequence
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


def _in_child() -> None:
    """In the child, before exec: SIGTERM when `prm serve` dies, even by SIGKILL (Linux), so no
    worker outlives it taking jobs; and a lower priority than the API's (`WORKER_NICENESS`)."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    os.nice(WORKER_NICENESS)


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
    commands: Sequence[Sequence[str]]
    env: Mapping[str, str]
    restart_after_s: float = RESTART_AFTER_S
    grace_s: float = 40.0  # a worker's own shutdown grace, and a little more
    restarts: int = 0
    _running: dict[int, asyncio.subprocess.Process] = field(default_factory=dict)
    _stopping: bool = False

    async def run(self) -> None:
        """Keep every child running until `stop` (or cancellation, which stops them too)."""
        try:
            await asyncio.gather(*(self._keep(index) for index in range(len(self.commands))))
        finally:
            await self.stop()

    async def _keep(self, index: int) -> None:
        command = self.commands[index]
        while not self._stopping:
            # a session of its own: a terminal's Ctrl-C reaches `prm serve` alone, which stops them
            process = await asyncio.create_subprocess_exec(
                *command, env=dict(self.env), start_new_session=True, preexec_fn=_in_child
            )
            self._running[index] = process
            code = await process.wait()
            if self._stopping or code in STOPPED:
                return
            self.restarts += 1
            log.error("worker process %s exited with %s; starting it again", process.pid, code)
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
