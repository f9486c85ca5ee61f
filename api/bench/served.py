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
def serve(env: dict[str, str], port: int, workers: int | None, logs: Path) -> Iterator[None]:
    """`prm serve` with `workers` worker processes besides its own (None: its default, one per
    core but one); stopped on exit. Its output goes to `logs`/serve.log, where a failed run can be
    read."""
    prm = str(Path(sys.executable).with_name("prm"))
    command = [prm, "serve", "--host", "127.0.0.1", "--port", str(port)]
    if workers is not None:
        command += ["--workers", str(workers)]
    logs.mkdir(parents=True, exist_ok=True)
    with (logs / "serve.log").open("wb") as log:
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
    try:
        yield
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
