"""The embedded PostgreSQL server: pgvector and btree_gist available, reused, clear errors."""

from __future__ import annotations

import os
from pathlib import Path

import psycopg
import pytest

from store.database import create_database, libpq_url
from store.embedded import EmbeddedPostgres, EmbeddedServerError


def test_pgvector_and_btree_gist_are_available(server_database_url: str) -> None:
    with psycopg.connect(libpq_url(server_database_url)) as conn:
        versions = dict(conn.execute("SELECT name, default_version FROM pg_available_extensions").fetchall())
        server = conn.execute("SHOW server_version_num").fetchone()
    assert versions["vector"].startswith("0.8")
    assert "btree_gist" in versions
    if server is not None and "DATABASE_URL" not in os.environ:
        assert int(server[0]) >= 180000  # the embedded server is PostgreSQL 18


def test_a_second_handle_reuses_the_running_server(tmp_path: Path) -> None:
    with EmbeddedPostgres(tmp_path) as first:
        second = EmbeddedPostgres(tmp_path).start()
        assert second.url("x") == first.url("x")
        create_database(first.url("reuse"))
        with psycopg.connect(libpq_url(second.url("reuse"))) as conn:
            assert conn.execute("SELECT current_database()").fetchone() == ("reuse",)


def test_url_before_start_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(EmbeddedServerError, match="before start"):
        EmbeddedPostgres(tmp_path).url()
