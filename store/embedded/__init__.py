"""Embedded PostgreSQL (with pgvector) and Valkey servers for machines that have neither.

Used only when `DATABASE_URL` / `REDIS_URL` are unset. Both keep their data under one directory,
reuse a server that is already running for that directory, listen on a Unix socket or a free
loopback port, and raise `EmbeddedServerError` (with the server's log) when they cannot start.
"""

from store.embedded.errors import EmbeddedServerError
from store.embedded.postgres import EmbeddedPostgres
from store.embedded.valkey import EmbeddedValkey

__all__ = ["EmbeddedPostgres", "EmbeddedServerError", "EmbeddedValkey"]
