"""Console accounts: people, not shared tokens. Passwords are hashed with argon2id (pwdlib).

`authenticate` spends the same argon2 work whether the e-mail exists or not, so a response's
timing does not tell which addresses have accounts. A disabled account cannot sign in, and its
open console sessions end (`sessions.py`).
"""

from __future__ import annotations

from datetime import datetime

from pwdlib import PasswordHash
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from store.auth.models import ConsoleSession, Role, StaffUser
from store.errors import Conflict, InvalidInput, NotFound

MIN_PASSWORD = 12
_HASHER = PasswordHash.recommended()  # argon2id with the library's current parameters
_DUMMY_HASH = _HASHER.hash("a password nobody has, for constant-time misses")


def _email(value: str) -> str:
    email = value.strip().lower()
    if "@" not in email or len(email) > 254 or " " in email:
        raise InvalidInput("email", "is not an e-mail address")
    return email


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise InvalidInput("password", f"must be at least {MIN_PASSWORD} characters")
    return password


async def get_by_email(session: AsyncSession, *, email: str) -> StaffUser | None:
    return await session.scalar(select(StaffUser).where(func.lower(StaffUser.email) == _email(email)))


async def create(session: AsyncSession, *, email: str, name: str, role: Role, password: str) -> StaffUser:
    """A new console account; `Conflict` when the e-mail already has one."""
    address = _email(email)
    if not name.strip():
        raise InvalidInput("name", "must not be empty")
    if await get_by_email(session, email=address) is not None:
        raise Conflict(f"an account for {address} already exists")
    user = StaffUser(
        email=address,
        name=name.strip()[:100],
        role=role,
        password_hash=_HASHER.hash(check_password(password)),
        active=True,
    )
    session.add(user)
    await session.flush()
    return user


async def get_all(session: AsyncSession) -> list[StaffUser]:
    return list(
        await session.scalars(select(StaffUser).where(StaffUser.email.isnot(None)).order_by(StaffUser.email))
    )


async def authenticate(session: AsyncSession, *, email: str, password: str) -> StaffUser | None:
    """The active account with this e-mail and password, or None (same cost either way)."""
    try:
        user = await get_by_email(session, email=email)
    except InvalidInput:
        user = None
    stored = user.password_hash if user is not None and user.password_hash else _DUMMY_HASH
    valid, updated = _HASHER.verify_and_update(password, stored)
    if user is None or not user.active or not valid or stored is _DUMMY_HASH:
        return None
    if updated is not None:  # the library's parameters moved on: rehash while we have the password
        user.password_hash = updated
    return user


async def disable(session: AsyncSession, *, email: str, now: datetime) -> StaffUser:
    """The account can no longer sign in; its console sessions end now."""
    user = await get_by_email(session, email=email)
    if user is None:
        raise NotFound("user", email)
    user.active = False
    for open_session in await session.scalars(
        select(ConsoleSession).where(ConsoleSession.user_id == user.id, ConsoleSession.ended_at.is_(None))
    ):
        open_session.ended_at = now
    await session.flush()
    return user
