"""CPU seconds used by the processes behind a benchmark, by part: `prm serve` (the API and its
workers), Postgres and Redis. Divided by the messages answered, they say where a message's CPU
goes on one machine, which is what sizing and cutting it need (latency alone does not)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import psutil
from sqlalchemy import make_url


def _tree(process: psutil.Process) -> list[psutil.Process]:
    try:
        return [process, *process.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def _listening_on(port: int, socket_dir: str | None = None) -> psutil.Process | None:
    """The local process listening on `port`, or on a Unix socket in `socket_dir` (libpq's
    `host=/dir`, as the embedded Postgres is reached); None: a server elsewhere, or not ours to see."""
    try:
        connections = psutil.net_connections(kind="unix" if socket_dir else "tcp")
    except psutil.AccessDenied:
        return None
    for connection in connections:
        if socket_dir:
            found = isinstance(connection.laddr, str) and connection.laddr.startswith(
                f"{socket_dir}/.s.PGSQL."
            )
        else:
            found = connection.status == psutil.CONN_LISTEN and connection.laddr.port == port
        if found and connection.pid:
            try:
                return _eldest(psutil.Process(connection.pid))
            except psutil.NoSuchProcess:
                return None
    return None


def _eldest(process: psutil.Process) -> psutil.Process:
    """The server's first process: a Postgres backend may still hold the listening socket it was
    forked with, and only the postmaster's tree holds every backend."""
    parent = process.parent()
    while parent is not None and parent.name() == process.name():
        process, parent = parent, parent.parent()
    return process


def _cpu_s(processes: Iterable[psutil.Process]) -> float:
    total = 0.0
    for process in processes:
        try:
            times = process.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system + times.children_user + times.children_system
    return total


@dataclass(frozen=True)
class Parts:
    """The processes of each part, found once the servers run. A part on another machine (the URL
    names no local listener) is left out and reported as unknown."""

    serve_pid: int
    postgres: psutil.Process | None
    redis: psutil.Process | None

    @classmethod
    def find(cls, serve_pid: int, database_url: str, redis_url: str) -> Parts:
        database = make_url(database_url)
        host = database.query.get("host") or database.host or ""
        socket_dir = str(host) if str(host).startswith("/") else None
        redis_port = make_url(redis_url.replace("redis+cluster", "redis")).port or 6379
        return cls(serve_pid, _listening_on(database.port or 5432, socket_dir), _listening_on(redis_port))

    def snapshot(self) -> dict[str, float | None]:
        """CPU seconds so far of each part (its whole process tree: Postgres's backends too)."""
        serve = _cpu_s(_tree(psutil.Process(self.serve_pid)))
        return {
            "prm": serve,
            "postgres": _cpu_s(_tree(self.postgres)) if self.postgres else None,
            "redis": _cpu_s(_tree(self.redis)) if self.redis else None,
        }


def per_message_ms(
    before: dict[str, float | None], after: dict[str, float | None], messages: int
) -> dict[str, float | None]:
    """Each part's CPU milliseconds per message between two snapshots."""
    result: dict[str, float | None] = {}
    for part, start in before.items():
        end = after.get(part)
        result[part] = (
            round((end - start) * 1000 / messages, 1)
            if start is not None and end is not None and messages
            else None
        )
    return result
