"""The durable job queue (procrastinate on the same Postgres), and enqueueing in the caller's transaction.

A conversation's turn job carries two locks named after the conversation:
- `lock`: procrastinate runs at most one job holding it at a time, in the order they were queued,
  so a conversation takes one turn at a time while different conversations run in parallel;
- `queueing_lock`: at most one such job may *wait*; a message that arrives while a turn is already
  waiting is simply taken by that turn (a burst becomes one turn).
The job row is inserted in the same transaction as the inbox row, so a stored message always has
a job, and a job never points at a message that was rolled back.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import procrastinate
import psycopg
from procrastinate.exceptions import AlreadyEnqueued, UniqueViolation
from procrastinate.jobs import Status
from procrastinate.manager import QUEUEING_LOCK_CONSTRAINT
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from store.database import libpq_url

TURN = "conversation.turn"
SEND = "message.send"


def build_app(database_url: str) -> procrastinate.App:
    """A procrastinate app on the project's database (its schema is installed by migration 0005)."""
    connector = procrastinate.PsycopgConnector(conninfo=libpq_url(database_url), min_size=1, max_size=10)
    return procrastinate.App(connector=connector)


async def _raw_connection(session: AsyncSession) -> psycopg.AsyncConnection[Any]:
    """The psycopg connection under the session's transaction, for procrastinate to defer on."""
    connection = await session.connection()
    raw = await connection.get_raw_connection()
    driver = raw.driver_connection
    assert isinstance(driver, psycopg.AsyncConnection)
    return driver


async def defer_once(
    session: AsyncSession,
    app: procrastinate.App,
    task: str,
    *,
    queueing_lock: str,
    lock: str | None = None,
    after: timedelta | None = None,
    **arguments: str,
) -> bool:
    """Queue `task` in `session`'s transaction (to run `after` from now) unless a job with
    `queueing_lock` already waits (False)."""
    await session.flush()
    connection = await _raw_connection(session)
    deferrer = app.configure_task(
        task, lock=lock, queueing_lock=queueing_lock, connection=connection, schedule_in=_delay(after)
    )
    try:
        # A refused duplicate must not abort the caller's transaction: the insert runs in a psycopg
        # savepoint on the very connection (SQLAlchemy's begin_nested() would emit its SAVEPOINT only
        # on its own next statement, and Postgres answers COMMIT after a failed statement with a
        # silent ROLLBACK: the message would be acknowledged and lost).
        async with connection.transaction():
            await deferrer.defer_async(**arguments)
    except AlreadyEnqueued:
        return False
    return True


def conversation_lock(conversation_id: uuid.UUID) -> str:
    """The lock every job that writes a conversation's state holds: one at a time, in queue order."""
    return f"conversation:{conversation_id}"


async def enqueue_turn(
    session: AsyncSession,
    app: procrastinate.App,
    *,
    conversation_id: uuid.UUID,
    after: timedelta | None = None,
) -> bool:
    """Queue a turn for the conversation in `session`'s transaction (`after` from now: a rate-limited
    backlog); False when one already waits (it will take these messages too)."""
    key = conversation_lock(conversation_id)
    return await defer_once(
        session, app, TURN, lock=key, queueing_lock=key, after=after, conversation_id=str(conversation_id)
    )


async def turn_waiting(session: AsyncSession, *, conversation_id: uuid.UUID) -> bool:
    """Whether a turn of the conversation waits to run (its queueing lock is taken by a `todo` job)."""
    found = await session.scalar(
        text("SELECT 1 FROM procrastinate_jobs WHERE queueing_lock = :lock AND status = 'todo' LIMIT 1"),
        {"lock": conversation_lock(conversation_id)},
    )
    return found is not None


def _delay(after: timedelta | None) -> dict[str, float] | None:
    """procrastinate's `schedule_in`: a delay on the database's clock (the app's may be moved)."""
    return {"seconds": after.total_seconds()} if after is not None and after > timedelta(0) else None


async def enqueue_send(
    session: AsyncSession, app: procrastinate.App, *, message_id: uuid.UUID, after: timedelta | None = None
) -> None:
    """Queue the sending of an outbound message, `after` from now (e.g. when a TwiML budget runs out).

    A delay, not an instant: the queue runs on the database's real clock, the app on `Runtime.clock`.
    """
    deferrer = app.configure_task(SEND, schedule_in=_delay(after), connection=await _raw_connection(session))
    await deferrer.defer_async(message_id=str(message_id))


async def requeue_stalled(app: procrastinate.App, *, seconds_since_heartbeat: float) -> tuple[int, int]:
    """Put back in the queue the jobs of workers that stopped heartbeating (killed with -9):
    (how many were retried, how many were superseded).

    A stalled job may not go back to `todo` beside a newer job of the same `queueing_lock` — a
    patient who wrote again while the worker was dead has a turn waiting — and need not: the
    waiting job does its work (a turn takes every message still pending, an interrupted batch
    first; a reminder or a relay pass is the same job again). It is ended `aborted` instead. Left
    `doing`, it would hold its `lock` forever: no later turn of that conversation would ever run.
    One job's trouble never stops the others being retried.
    """
    retried = superseded = 0
    for job in await app.job_manager.get_stalled_jobs(seconds_since_heartbeat=seconds_since_heartbeat):
        try:
            await app.job_manager.retry_job(job)
            retried += 1
        except UniqueViolation as error:
            if error.constraint_name != QUEUEING_LOCK_CONSTRAINT:
                raise
            await app.job_manager.finish_job(job, Status.ABORTED, delete_job=False)
            superseded += 1
    return retried, superseded
