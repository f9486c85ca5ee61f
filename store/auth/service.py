"""API tokens: create (the secret is returned once), authenticate, revoke.

Only a SHA-256 of the secret is stored: tokens are long random strings, so a slow password hash
would add latency to every request without adding safety.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from store.auth.models import ApiToken, Role
from store.errors import NotFound

TOKEN_PREFIX = "prm_"  # noqa: S105 - a prefix, not a secret


def hash_token(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


async def create_token(session: AsyncSession, *, name: str, role: Role) -> tuple[str, ApiToken]:
    """A new token; the caller shows `secret` once, it cannot be recovered later."""
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(name=name, role=role, token_hash=hash_token(secret))
    session.add(token)
    await session.flush()
    return secret, token


async def authenticate(session: AsyncSession, *, secret: str) -> ApiToken | None:
    """The live token for `secret`, or None; records when it was last used."""
    token = await session.scalar(
        select(ApiToken).where(ApiToken.token_hash == hash_token(secret), ApiToken.revoked_at.is_(None))
    )
    if token is not None:
        token.last_used_at = datetime.now(UTC)
    return token


async def revoke(session: AsyncSession, *, token_id: uuid.UUID) -> ApiToken:
    token = await session.get(ApiToken, token_id)
    if token is None:
        raise NotFound("token", token_id)
    token.revoked_at = datetime.now(UTC)
    return token
