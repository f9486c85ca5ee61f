"""Worker processes beside `prm serve`'s own: one Python process runs one core, so a 2-core machine
answers about twice the turns with a second process taking jobs from the same queue.

The children are ordinary `prm worker`s on the same Postgres and Redis (the queue's locks keep one
conversation's turns one at a time and in order across processes). One that dies is started again
after a pause; on shutdown each gets SIGTERM, finishes its running jobs, and is waited for.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

RESTART_AFTER_S = 2.0


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
            process = await asyncio.create_subprocess_exec(*command, env=dict(self.env))
            self._running[index] = process
            code = await process.wait()
            if self._stopping:
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
