"""`prm serve`'s worker processes: one that dies is started again; on shutdown each gets SIGTERM and
is waited for (killed only past the grace)."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from pathlib import Path

from api.supervisor import WORKER_NICENESS, Child, Supervisor, usable_cores

SLEEPER = [sys.executable, "-c", "import time; time.sleep(120)"]
# exits 0 on SIGTERM, as `prm worker` does once its running jobs are done
GRACEFUL = [
    sys.executable,
    "-c",
    "import signal, sys, time; signal.signal(signal.SIGTERM, lambda *a: sys.exit(0)); time.sleep(120)",
]


async def _until(condition: object, timeout_s: float = 20) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "not reached in time"
        await asyncio.sleep(0.05)


async def test_a_worker_process_that_dies_is_started_again_and_all_stop_together() -> None:
    kept = [Child(SLEEPER), Child(GRACEFUL)]
    supervisor = Supervisor(kept, env=dict(os.environ), restart_after_s=0.1, grace_s=5)
    running = asyncio.create_task(supervisor.run())
    await _until(lambda: len(supervisor.pids()) == 2)
    first = supervisor.pids()[0]
    os.kill(first, signal.SIGKILL)
    await _until(lambda: supervisor.restarts == 1 and len(supervisor.pids()) == 2)
    assert first not in supervisor.pids()
    children = supervisor.pids()
    await supervisor.stop()
    await asyncio.wait_for(running, 10)
    assert supervisor.pids() == [] and supervisor.restarts == 1
    for pid in children:  # gone, not orphaned
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            continue
        raise AssertionError(f"process {pid} still runs")


async def test_a_child_that_ignores_sigterm_is_killed_after_the_grace() -> None:
    stubborn = [
        sys.executable,
        "-c",
        "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(120)",
    ]
    supervisor = Supervisor([Child(stubborn)], env=dict(os.environ), grace_s=0.5)
    running = asyncio.create_task(supervisor.run())
    await _until(lambda: len(supervisor.pids()) == 1)
    await asyncio.sleep(0.3)  # let it install its handler
    started = time.monotonic()
    await supervisor.stop()
    await asyncio.wait_for(running, 10)
    assert supervisor.pids() == [] and time.monotonic() - started < 5


async def test_a_worker_that_stopped_on_request_is_not_started_again() -> None:
    """A terminal's Ctrl-C or a service manager's SIGTERM reaching a child during shutdown: it
    exits cleanly, and it is not brought back while the API is still draining."""
    quits = [sys.executable, "-c", "import sys; sys.exit(0)"]
    supervisor = Supervisor([Child(quits)], env=dict(os.environ), restart_after_s=0.05, grace_s=5)
    await asyncio.wait_for(supervisor.run(), 10)
    assert supervisor.restarts == 0


def test_usable_cores_are_this_process_s_not_the_host_s() -> None:
    assert 1 <= usable_cores() <= len(os.sched_getaffinity(0)) <= (os.cpu_count() or 1)


async def test_worker_processes_run_below_the_api_process(tmp_path: Path) -> None:
    """Children yield the CPU to `prm serve`'s own process, which acknowledges webhooks."""
    seen = tmp_path / "niceness"
    report = [
        sys.executable,
        "-c",
        f"import os, pathlib; pathlib.Path({str(seen)!r}).write_text(str(os.nice(0)))",
    ]
    supervisor = Supervisor([Child(report)], env=dict(os.environ), grace_s=5)
    await asyncio.wait_for(supervisor.run(), 20)  # it exits 0: a stop, not restarted
    assert int(seen.read_text()) == os.nice(0) + WORKER_NICENESS
