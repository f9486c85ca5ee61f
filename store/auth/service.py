"""API tokens: create (the secret is returned once), authenticate, list, revoke, expire.

Only a SHA-256 of the secret is stored: tokens are long random strings, so a slow password hash
would add latency to every request without adding safety.

`authenticate` only reads. When a token was last used is written by `touch`, in its own short
transaction and at most once a minute: written inside each request's transaction, it held the
token's row lock for the whole request, so parallel requests on one token (an n8n workflow, an EHR)
waited for each other.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from store.auth.models import ApiToken, Role
from store.database import transaction
from store.errors import InvalidInput, NotFound

TOKEN_PREFIX = "prm_"  # noqa: S105 - a prefix, not a secret
USE_RECORDED_EVERY = timedelta(minutes=1)


def hash_token(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


async def create_token(
    session: AsyncSession, *, name: str, role: Role, expires_at: datetime | None = None
) -> tuple[str, ApiToken]:
    """A new token; the caller shows `secret` once, it cannot be recovered later."""
    if expires_at is not None and expires_at.tzinfo is None:
        raise InvalidInput("expires_at", "needs a time zone")
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(name=name, role=role, token_hash=hash_token(secret), expires_at=expires_at)
    session.add(token)
    await session.flush()
    return secret, token


async def authenticate(session: AsyncSession, *, secret: str, now: datetime) -> ApiToken | None:
    """The live token for `secret` (not revoked, not expired at `now`), or None."""
    return await session.scalar(
        select(ApiToken).where(
            ApiToken.token_hash == hash_token(secret),
            ApiToken.revoked_at.is_(None),
            or_(ApiToken.expires_at.is_(None), ApiToken.expires_at > now),
        )
    )


def needs_touch(token: ApiToken, *, now: datetime) -> bool:
    return token.last_used_at is None or now - token.last_used_at >= USE_RECORDED_EVERY


async def touch(sessions: async_sessionmaker[AsyncSession], *, token_id: uuid.UUID, now: datetime) -> None:
    """Record that the token was used, in a transaction of its own (see the module's docstring)."""
    async with transaction(sessions) as session:
        await session.execute(
            update(ApiToken)
            .where(
                ApiToken.id == token_id,
                or_(ApiToken.last_used_at.is_(None), ApiToken.last_used_at <= now - USE_RECORDED_EVERY),
            )
            .values(last_used_at=now)
        )


async def get_all(session: AsyncSession) -> list[ApiToken]:
    """Every token, newest first (their hashes stay in the database; secrets were never kept)."""
    return list(await session.scalars(select(ApiToken).order_by(ApiToken.created_at.desc(), ApiToken.id)))


async def revoke(session: AsyncSession, *, token_id: uuid.UUID, now: datetime) -> ApiToken:
    """The token answers 401 from now on; revoking it again keeps the first time."""
    token = await session.get(ApiToken, token_id)
    if token is None:
        raise NotFound("token", token_id)
    if token.revoked_at is None:
        token.revoked_at = now
    return token
