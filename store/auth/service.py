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
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import DateTime, String, bindparam, or_, select, update
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


@dataclass(frozen=True)
class LiveToken:
    """What a request needs of its token: who it is, and when its use was last recorded."""

    id: uuid.UUID
    name: str
    role: Role
    last_used_at: datetime | None


# Built once: every API request runs it, and building the statement and loading an ORM object
# for it cost a third more CPU than the query's few columns as a plain row (`prm bench api`).
_LIVE_TOKEN = select(ApiToken.id, ApiToken.name, ApiToken.role, ApiToken.last_used_at).where(
    ApiToken.token_hash == bindparam("token_hash", type_=String),
    ApiToken.revoked_at.is_(None),
    or_(ApiToken.expires_at.is_(None), ApiToken.expires_at > bindparam("now", type_=DateTime(timezone=True))),
)


async def authenticate(session: AsyncSession, *, secret: str, now: datetime) -> LiveToken | None:
    """The live token for `secret` (not revoked, not expired at `now`), or None."""
    row = (await session.execute(_LIVE_TOKEN, {"token_hash": hash_token(secret), "now": now})).first()
    return None if row is None else LiveToken(*row)


def needs_touch(token: ApiToken | LiveToken, *, now: datetime) -> bool:
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
