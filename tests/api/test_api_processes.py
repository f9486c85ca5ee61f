"""`prm serve --api-processes 2`: a second API process accepts on the same port, and `/metrics`,
whichever process answers it, counts every process's requests.

Which process takes a connection is the kernel's choice; the test makes it certain by stopping one
process (SIGSTOP) while requests are made, so that only the other can accept them.
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import psutil

from api.bench.served import wait_ready
from store.embedded.valkey import free_port

PRM = str(Path(sys.executable).with_name("prm"))


@contextmanager
def stopped(pid: int) -> Iterator[None]:
    os.kill(pid, signal.SIGSTOP)
    try:
        yield
    finally:
        os.kill(pid, signal.SIGCONT)


async def _health_checks(base: str, count: int) -> None:
    """`count` requests, each on a new connection (a kept-alive one would stay with its process)."""
    for _ in range(count):
        async with httpx.AsyncClient(base_url=base, timeout=10) as http:
            assert (await http.get("/healthz")).status_code == 200


def _served(metrics: str, route: str) -> float:
    pattern = rf'^prm_http_requests_total{{[^}}]*route="{re.escape(route)}"[^}}]*}} (\S+)$'
    return sum(float(value) for value in re.findall(pattern, metrics, flags=re.MULTILINE))


async def test_a_second_api_process_serves_the_port_and_metrics_count_both(
    make_database: Callable[[], str], redis_url: str, tmp_path: Path
) -> None:
    port = free_port()
    env = os.environ | {
        "DATABASE_URL": make_database(),
        "REDIS_URL": redis_url,
        "PRM_DATA_DIR": str(tmp_path / "data"),
        "PRM_ENV": "test",
    }
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)  # `prm serve` makes the shared directory itself
    command = [PRM, "serve", "--port", str(port), "--no-worker", "--api-processes", "2"]
    with (tmp_path / "serve.log").open("wb") as log:  # the child keeps its own copy of the descriptor
        server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)  # noqa: ASYNC220
    base = f"http://127.0.0.1:{port}"
    try:
        await wait_ready(base)
        children = psutil.Process(server.pid).children()
        assert len(children) == 1 and "api-process" in children[0].cmdline()
        child = children[0].pid
        assert psutil.Process(child).nice() == psutil.Process(server.pid).nice()  # not below the API

        with stopped(child):  # only `prm serve`'s own process can accept
            await _health_checks(base, 3)
        with stopped(server.pid):  # only the child can
            await _health_checks(base, 4)

        async with httpx.AsyncClient(base_url=base, timeout=10) as http:
            metrics = (await http.get("/metrics")).text
        assert _served(metrics, "/healthz") == 7
    finally:
        server.send_signal(signal.SIGTERM)
        code = await asyncio.to_thread(server.wait, 60)
    assert code == 128 + signal.SIGTERM  # an orderly stop: the servers released, the child gone
    assert not psutil.pid_exists(child) or psutil.Process(child).status() == psutil.STATUS_ZOMBIE, (
        tmp_path / "serve.log"
    ).read_text()


def test_a_port_in_use_is_said_plainly_before_anything_starts(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = os.environ | {"PRM_DATA_DIR": str(data), "DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none"}
    with socket.create_server(("127.0.0.1", 0)) as taken:
        command = [PRM, "serve", "--port", str(taken.getsockname()[1]), "--no-worker"]
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert f"cannot listen on 127.0.0.1:{command[3]}" in result.stdout + result.stderr
    assert not data.exists()  # no embedded server was started for nothing
