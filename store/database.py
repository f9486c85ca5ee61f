"""Engines, sessions and database lifecycle (create, drop, migrate).

The caller owns the transaction: services take an `AsyncSession` and never commit; the API's
request scope and the worker's turn scope commit or roll back.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import psycopg
from sqlalchemy import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine


def create_engine(url: str, *, pool_size: int = 20, echo: bool = False) -> AsyncEngine:
    """An async engine on psycopg 3, with at most `pool_size` connections, all kept once opened.

    None beyond the pool (no "overflow"): SQLAlchemy closes an overflow connection as soon as it is
    returned, so with more requests at once than pooled connections every other request paid for a
    new one — a backend forked by Postgres, a log-in, a close (`prm bench api`, 20 clients against a
    pool of 10 and 10 overflow: 3% of the API process's CPU in connect and close alone). A request
    beyond `pool_size` at once waits for a connection instead (30 s at most, then an error).

    No `pool_pre_ping`: it costs a round trip per checkout (15 per patient message, measured with
    `prm bench load` and the server's statement log) to guard against an event that is rare — the
    server restarted or failed over. Then the first statement on a dead connection fails (the API
    answers 503, a job is retried), SQLAlchemy sees the disconnect and discards every pooled
    connection, and the next ones are fresh (tests/pipeline/test_faults.py restarts Postgres under
    traffic and loses nothing).
    """
    return create_async_engine(url, pool_size=pool_size, max_overflow=0, echo=echo)


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions that keep loaded objects usable after commit (responses are built after it)."""
    return async_sessionmaker(engine, expire_on_commit=False)


@asynccontextmanager
async def transaction(sessions: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    """One unit of work: commit on success, roll back on any error."""
    async with sessions() as session, session.begin():
        yield session


def libpq_url(url: str, dbname: str | None = None) -> str:
    """The plain libpq form of a SQLAlchemy URL (psycopg.connect, procrastinate, checkpointers)."""
    parsed = make_url(url).set(drivername="postgresql")
    if dbname is not None:
        parsed = parsed.set(database=dbname)
    return parsed.render_as_string(hide_password=False)


def create_database(url: str) -> None:
    """Create the database named in `url` unless it exists (for first runs and test sessions)."""
    name = make_url(url).database
    with psycopg.connect(libpq_url(url, "postgres"), autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def drop_database(url: str) -> None:
    """Drop the database named in `url`, disconnecting whoever is still on it."""
    name = make_url(url).database
    with psycopg.connect(libpq_url(url, "postgres"), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
