"""Console accounts and sessions: argon2id passwords, same cost for unknown e-mails, server-side
sessions that end on logout, expiry or when the account is disabled."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from store.auth import sessions, users
from store.auth.models import Role
from store.errors import Conflict, InvalidInput

T0 = datetime(2031, 5, 6, 8, 0, tzinfo=UTC)
PASSWORD = "correct horse battery"


def _email() -> str:
    return f"dana.{uuid.uuid4().hex[:8]}@Clinic.example"


async def test_an_account_signs_in_with_its_password_only(session: Any) -> None:
    email = _email()
    user = await users.create(session, email=email, name="Dana Front", role=Role.STAFF, password=PASSWORD)
    assert user.password_hash is not None and user.password_hash.startswith("$argon2id$")
    assert PASSWORD not in user.password_hash and user.email == email.lower()
    assert await users.authenticate(session, email=email.upper(), password=PASSWORD) == user
    assert await users.authenticate(session, email=email, password="wrong horse battery") is None
    assert await users.authenticate(session, email="nobody@clinic.example", password=PASSWORD) is None
    assert await users.authenticate(session, email="not an email", password=PASSWORD) is None


@pytest.mark.parametrize(
    ("email", "name", "password", "field"),
    [
        ("no-at-sign", "Dana", PASSWORD, "email"),
        (None, " ", PASSWORD, "name"),
        (None, "Dana", "short", "password"),
    ],
)
async def test_bad_accounts_are_refused_naming_the_field(
    session: Any, email: str | None, name: str, password: str, field: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        await users.create(session, email=email or _email(), name=name, role=Role.STAFF, password=password)
    assert refused.value.field == field


async def test_one_account_per_email(session: Any) -> None:
    email = _email()
    await users.create(session, email=email, name="Dana", role=Role.STAFF, password=PASSWORD)
    with pytest.raises(Conflict):
        await users.create(session, email=email.upper(), name="Other", role=Role.ADMIN, password=PASSWORD)


async def test_sessions_end_on_logout_expiry_and_disabling(session: Any) -> None:
    email = _email()
    user = await users.create(session, email=email, name="Dana", role=Role.STAFF, password=PASSWORD)
    secret, row = await sessions.start(session, user=user, now=T0)
    assert secret not in row.token_hash and len(row.csrf_token) >= 32
    assert await sessions.current(session, secret=secret, now=T0 + timedelta(hours=1)) == (row, user)
    assert await sessions.current(session, secret=secret, now=T0 + sessions.LIFETIME) is None  # expired
    await sessions.end(session, secret=secret, now=T0)
    assert await sessions.current(session, secret=secret, now=T0) is None  # logged out

    other, _ = await sessions.start(session, user=user, now=T0)
    await users.disable(session, email=email, now=T0)
    assert await sessions.current(session, secret=other, now=T0) is None
    assert await users.authenticate(session, email=email, password=PASSWORD) is None
    assert await sessions.current(session, secret="made-up", now=T0) is None
