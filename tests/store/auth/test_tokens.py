"""API tokens: a secret shown once and stored hashed, expiry, revocation, and when it was last used
recorded at most once a minute in a transaction of its own (never holding the row for a request)."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import pytest

from store.auth import service as auth
from store.auth.models import ApiToken, Role
from store.database import transaction
from store.errors import InvalidInput, NotFound
from tests.instant import NOW


async def test_a_token_is_live_until_it_expires_or_is_revoked(session: Any) -> None:
    secret, token = await auth.create_token(
        session, name="n8n", role=Role.STAFF, expires_at=NOW + timedelta(days=30)
    )
    assert secret.startswith("prm_") and secret not in token.token_hash
    live = auth.LiveToken(id=token.id, name="n8n", role=Role.STAFF, last_used_at=None)
    assert await auth.authenticate(session, secret=secret, now=NOW) == live
    assert await auth.authenticate(session, secret=secret, now=NOW + timedelta(days=30, seconds=-1)) == live
    assert await auth.authenticate(session, secret=secret, now=NOW + timedelta(days=30)) is None  # expired
    assert await auth.authenticate(session, secret="prm_" + "x" * 43, now=NOW) is None
    await auth.revoke(session, token_id=token.id, now=NOW)
    await auth.revoke(session, token_id=token.id, now=NOW + timedelta(hours=1))  # the first time is kept
    assert token.revoked_at == NOW
    assert await auth.authenticate(session, secret=secret, now=NOW) is None
    listed = await auth.get_all(session)
    assert token in listed and all(isinstance(t, ApiToken) for t in listed)


async def test_bad_expiry_and_unknown_tokens_are_refused(session: Any) -> None:
    with pytest.raises(InvalidInput, match="expires_at"):
        await auth.create_token(session, name="x", role=Role.STAFF, expires_at=NOW.replace(tzinfo=None))
    with pytest.raises(NotFound):
        await auth.revoke(session, token_id=__import__("uuid").uuid4(), now=NOW)


async def test_use_is_recorded_at_most_once_a_minute_without_holding_the_row(runtime: Any) -> None:
    async with transaction(runtime.sessions) as session:
        _, token = await auth.create_token(session, name="ehr", role=Role.STAFF)
    assert auth.needs_touch(token, now=NOW)
    # a request's transaction that read the token stays open while the use is recorded beside it
    async with runtime.sessions() as request, request.begin():
        await request.get(ApiToken, token.id)
        await asyncio.wait_for(auth.touch(runtime.sessions, token_id=token.id, now=NOW), timeout=5)
        await auth.touch(runtime.sessions, token_id=token.id, now=NOW + timedelta(seconds=30))  # too soon
    async with runtime.sessions() as session:
        stored = await session.get(ApiToken, token.id)
        assert stored is not None and stored.last_used_at == NOW
        assert not auth.needs_touch(stored, now=NOW + timedelta(seconds=59))
        assert auth.needs_touch(stored, now=NOW + timedelta(minutes=1))
    await auth.touch(runtime.sessions, token_id=token.id, now=NOW + timedelta(minutes=2))
    async with runtime.sessions() as session:
        stored = await session.get(ApiToken, token.id)
        assert stored is not None and stored.last_used_at == NOW + timedelta(minutes=2)
