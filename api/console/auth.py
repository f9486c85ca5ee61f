"""Who is at the console: a signed-in person from a server-side session cookie, and CSRF checks.

The cookie holds a random secret (HttpOnly, SameSite=Lax, Secure when `PRM_PUBLIC_URL` is https);
the session row holds its hash, expiry and CSRF token (store/auth/sessions.py). Every request that
changes something must echo that token, in the `csrf` form field or htmx's `X-CSRF-Token` header:
a page on another site can make the browser send the cookie, but cannot read the token. Sign-in
attempts are throttled per e-mail and per client address (Redis; fails open like the webhook's).
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from api.deps import NowDep, SessionDep
from api.runtime import Runtime
from channels.rate_limit import allow
from store.auth import sessions
from store.auth.models import ConsoleSession, StaffUser

COOKIE = "prm_console"
ATTEMPTS_PER_MINUTE = 5  # per e-mail; ten times that per client address


class NeedsSignIn(Exception):
    """No live session: pages redirect to the sign-in page (htmx requests are told to)."""


class CsrfRefused(Exception):
    """A state-changing request without this session's CSRF token."""


class NotAllowed(Exception):
    """A signed-in person whose role may not open this page (staff on the admin pages)."""


@dataclass(frozen=True)
class Person:
    """The signed-in person: named in the audit log as `user:<email>`."""

    user: StaffUser
    session: ConsoleSession

    @property
    def actor(self) -> str:
        return f"user:{self.user.email}"


async def signed_in(request: Request, session: SessionDep, now: NowDep) -> Person:
    secret = request.cookies.get(COOKIE)
    found = await sessions.current(session, secret=secret, now=now) if secret else None
    if found is None:
        raise NeedsSignIn
    return Person(user=found[1], session=found[0])


SignedIn = Annotated[Person, Depends(signed_in)]


async def with_csrf(request: Request, person: SignedIn) -> Person:
    """The signed-in person, for a request that changes something and carries their CSRF token."""
    sent = request.headers.get("X-CSRF-Token")
    if sent is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await request.form()
        value = form.get("csrf")
        sent = value if isinstance(value, str) else None
    if not sent or not hmac.compare_digest(sent.encode(), person.session.csrf_token.encode()):
        raise CsrfRefused
    return person


Acting = Annotated[Person, Depends(with_csrf)]


async def may_try_signing_in(runtime: Runtime, *, email: str, client: str) -> bool:
    """Whether one more sign-in attempt may be made for this e-mail from this client."""
    redis, limit, now = runtime.redis, ATTEMPTS_PER_MINUTE, runtime.clock().timestamp()
    secret = runtime.settings.hash_key
    per_email = await allow(
        redis, key=f"console-login:{email.lower()}", per_minute=limit, now=now, secret=secret
    )
    per_client = await allow(
        redis, key=f"console-login-ip:{client}", per_minute=limit * 10, now=now, secret=secret
    )
    return per_email and per_client


def cookie_is_secure(runtime: Runtime) -> bool:
    return runtime.settings.public_url.startswith("https://")
