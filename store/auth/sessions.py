"""Console sessions: a random secret in an HttpOnly cookie, its hash and expiry here (server side).

Ending one (logout, the account disabled) or letting it expire takes effect on the next request.
Each session has its own CSRF token, which state-changing console requests echo in a form field
or an htmx header (api/console/auth.py checks it).
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from store.auth.models import ConsoleSession, StaffUser

LIFETIME = timedelta(hours=12)  # a working day: sign in at the start of a shift


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


async def start(session: AsyncSession, *, user: StaffUser, now: datetime) -> tuple[str, ConsoleSession]:
    """A new session for `user`; the caller puts `secret` in the cookie (it is not stored)."""
    secret = secrets.token_urlsafe(32)
    row = ConsoleSession(
        token_hash=_hash(secret),
        user_id=user.id,
        csrf_token=secrets.token_urlsafe(32),
        created_at=now,
        expires_at=now + LIFETIME,
    )
    session.add(row)
    await session.flush()
    return secret, row


async def current(
    session: AsyncSession, *, secret: str, now: datetime
) -> tuple[ConsoleSession, StaffUser] | None:
    """The live session for a cookie's secret and its (active) person, or None."""
    found = await session.execute(
        select(ConsoleSession, StaffUser)
        .join(StaffUser, StaffUser.id == ConsoleSession.user_id)
        .where(
            ConsoleSession.token_hash == _hash(secret),
            ConsoleSession.ended_at.is_(None),
            ConsoleSession.expires_at > now,
            StaffUser.active.is_(True),
        )
    )
    row = found.first()
    return (row[0], row[1]) if row is not None else None


async def end(session: AsyncSession, *, secret: str, now: datetime) -> None:
    """Log out: the session stops working now (a missing or ended one is no error)."""
    row = await session.scalar(select(ConsoleSession).where(ConsoleSession.token_hash == _hash(secret)))
    if row is not None and row.ended_at is None:
        row.ended_at = now
