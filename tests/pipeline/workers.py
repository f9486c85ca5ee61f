"""Real `prm worker` processes for the fault tests: started, killed with -9, their logs kept.

A worker lives on the clinic's clock as the test process does: each one is started with `PRM_NOW`
set to the test clock's *current* instant (not the seeded one), so that the clinic's time runs on
across a kill and a restart instead of jumping back to the seed. `ahead` moves it further, for a
test that must let a lease run out without waiting for it in real time.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Mapping
from datetime import timedelta
from pathlib import Path

from store.clock import Clock

PRM = str(Path(sys.executable).parent / "prm")


class Workers:
    """At most one `prm worker` at a time (so a kill lands on the worker holding the job)."""

    def __init__(
        self, environment: Mapping[str, str], logs: Path, clock: Clock, concurrency: int = 2
    ) -> None:
        self._environment = {**os.environ, **environment}
        self._logs = logs
        self._clock = clock
        self._concurrency = concurrency
        self._process: subprocess.Popen[bytes] | None = None
        self._started: list[Path] = []

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self, *, ahead: timedelta = timedelta(0)) -> None:
        assert not self.running, "one worker at a time"
        log = self._logs / f"worker-{len(self._started)}.log"
        self._started.append(log)
        environment = {**self._environment, "PRM_NOW": (self._clock() + ahead).isoformat()}
        with log.open("wb") as out:  # the child keeps its own copy of the descriptor
            self._process = subprocess.Popen(
                [PRM, "worker", "--concurrency", str(self._concurrency)],
                env=environment,
                stdout=out,
                stderr=out,
            )

    def kill(self) -> None:
        """SIGKILL: no shutdown, no clean-up, its jobs left `doing` under a heartbeat that stops."""
        assert self._process is not None and self.running, "no worker to kill"
        self._process.send_signal(signal.SIGKILL)
        self._process.wait(timeout=10)

    def stop(self) -> None:
        """SIGTERM, as a process manager stops it; SIGKILL if it does not leave in time."""
        if self._process is None or not self.running:
            return
        self._process.send_signal(signal.SIGTERM)
        try:
            self._process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(timeout=10)

    def tails(self) -> str:
        return "\n".join(
            f"--- {log.name}\n{log.read_text(errors='replace')[-4000:]}" for log in self._started
        )

    async def until(self, check: Callable[[], Awaitable[bool]], what: str, timeout_s: float = 120) -> None:
        """Poll `check` until true. The bound is generous (a cold worker loads the embedding model
        first, slowly on a busy machine); a passing run never waits for it."""
        deadline = time.monotonic() + timeout_s
        while not await check():
            if time.monotonic() > deadline:
                raise AssertionError(f"not reached in {timeout_s} s: {what}\n{self.tails()}")
            await asyncio.sleep(0.1)
