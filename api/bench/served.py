"""`prm serve` as `make run` starts it, in processes of its own, for the benchmarks that measure the
whole server from outside (`load`, `api`): started with an environment, waited for, stopped."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

READY_S = 120.0


@contextmanager
def serve(
    env: dict[str, str], port: int, workers: int | None, logs: Path, api_processes: int | None = None
) -> Iterator[int]:
    """`prm serve` with `workers` worker processes besides its own (None: its default, one per
    core but one) and `api_processes` API processes (None: its default, one); stopped on exit. Its
    output goes to `logs`/serve.log, where a failed run can be read."""
    prm = str(Path(sys.executable).with_name("prm"))
    command = [prm, "serve", "--host", "127.0.0.1", "--port", str(port)]
    if workers is not None:
        command += ["--workers", str(workers)]
    if api_processes is not None:
        command += ["--api-processes", str(api_processes)]
    logs.mkdir(parents=True, exist_ok=True)
    with (logs / "serve.log").open("wb") as log:
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
    try:
        yield process.pid
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()


async def wait_ready(base: str) -> None:
    deadline = time.monotonic() + READY_S
    async with httpx.AsyncClient(base_url=base) as http:
        while time.monotonic() < deadline:
            try:
                if (await http.get("/readyz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.5)
    raise RuntimeError(f"prm serve was not ready within {READY_S:.0f} s")


IDLE_CPU_S = 0.5  # CPU seconds the whole process tree may use in a quiet `IDLE_WINDOW_S`
IDLE_WINDOW_S = 3.0


async def wait_idle(pid: int, timeout_s: float = READY_S) -> None:
    """Until `prm serve` and its worker processes have done their start-up work (the embedding
    model loaded, the red-flag examples embedded: about 17 s of CPU each on the 2-core machine),
    so that a benchmark measures requests, not start-up."""
    import psutil

    def cpu_s() -> float:
        parent = psutil.Process(pid)
        tree = [parent, *parent.children(recursive=True)]
        total = 0.0
        for process in tree:
            try:
                times = process.cpu_times()
            except psutil.NoSuchProcess:
                continue
            total += times.user + times.system
        return total

    deadline = time.monotonic() + timeout_s
    before = cpu_s()
    while time.monotonic() < deadline:
        await asyncio.sleep(IDLE_WINDOW_S)
        now = cpu_s()
        if now - before < IDLE_CPU_S:
            return
        before = now
    raise RuntimeError(f"prm serve was still busy starting after {timeout_s:.0f} s")
