"""Admin pages (admins only; anyone else gets 403): console accounts, API tokens, webhook subscribers.

The same services as the CLI (`prm user …`, `prm token …`) and the REST API's subscribers, each
change audited with the admin's name. A new token's or subscriber's secret is shown once, on the
response to the form that made it, and never stored in the clear.
"""

from __future__ import annotations

import secrets
import uuid
from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from redis.exceptions import RedisError
from sqlalchemy.ext.asyncio import AsyncSession

from api.console.auth import Acting, NotAllowed, Person, SignedIn
from api.console.pages import page
from api.deps import NowDep, RuntimeDep, SessionDep
from api.routes.subscribers import checked_url
from api.runtime import Runtime
from store.audit import service as audit
from store.auth import service as tokens
from store.auth import users
from store.auth.models import Role
from store.errors import Conflict, DomainError
from store.outbox import service as outbox
from store.outbox.models import TOPICS

router = APIRouter(prefix="/console/admin", include_in_schema=False)
NO_STORE = {"Cache-Control": "no-store"}  # pages that show a secret once
RESENT = "That form was already sent (the page was reloaded): nothing new was created."


def _admin(person: Person) -> Person:
    if person.user.role != Role.ADMIN:
        raise NotAllowed
    return person


async def admin_reading(person: SignedIn) -> Person:
    return _admin(person)


async def admin_acting(person: Acting) -> Person:
    return _admin(person)


Admin = Annotated[Person, Depends(admin_reading)]
AdminActing = Annotated[Person, Depends(admin_acting)]


async def _record(
    session: AsyncSession, person: Person, action: str, resource: str, resource_id: uuid.UUID
) -> None:
    await audit.record(
        session, actor=person.actor, action=action, resource_type=resource, resource_id=resource_id
    )


async def first_submission(runtime: Runtime, once: str) -> bool:
    """Whether this form (its one-time `once` value, drawn when the page was drawn) is sent for the
    first time: reloading the page that showed a new secret re-posts the form, which must not mint
    a second live token or subscriber. Redis down: let it through (the admin sees what was made)."""
    if not once:
        return True
    try:
        return bool(await runtime.redis.set(f"prm:console-form:{once}", b"1", nx=True, ex=86_400))
    except (RedisError, OSError):
        return True


@router.get("")
async def admin_home() -> Response:
    return RedirectResponse("/console/admin/users", status_code=303)


# --- console accounts -------------------------------------------------------------------------------


async def _users_page(
    request: Request, session: SessionDep, person: Person, *, error: str | None = None, status: int = 200
) -> HTMLResponse:
    found = await users.get_all(session)
    return page(
        request, "admin_users.jinja", status, person=person, users=found, roles=list(Role), error=error
    )


@router.get("/users")
async def users_page(request: Request, person: Admin, session: SessionDep) -> HTMLResponse:
    return await _users_page(request, session, person)


@router.post("/users")
async def create_user(
    request: Request,
    person: AdminActing,
    session: SessionDep,
    email: Annotated[str, Form()],
    name: Annotated[str, Form()],
    role: Annotated[Role, Form()],
    password: Annotated[str, Form()],
) -> Response:
    try:
        user = await users.create(session, email=email, name=name, role=role, password=password)
    except DomainError as error:
        return await _users_page(request, session, person, error=error.message, status=422)
    await _record(session, person, "user.create", "staff_user", user.id)
    return RedirectResponse("/console/admin/users", status_code=303)


@router.post("/users/disable")
async def disable_user(
    person: AdminActing, session: SessionDep, now: NowDep, email: Annotated[str, Form()]
) -> Response:
    if email.strip().lower() == person.user.email:
        raise Conflict("you cannot disable your own account; ask another admin")
    user = await users.disable(session, email=email, now=now)
    await _record(session, person, "user.disable", "staff_user", user.id)
    return RedirectResponse("/console/admin/users", status_code=303)


# --- API tokens ------------------------------------------------------------------------------------


async def _tokens_page(request: Request, session: SessionDep, person: Person, **shown: Any) -> HTMLResponse:
    found = await tokens.get_all(session)
    return page(
        request,
        "admin_tokens.jinja",
        person=person,
        tokens=found,
        roles=list(Role),
        headers=NO_STORE,
        once=secrets.token_urlsafe(16),
        **{"secret": None, "created": None, "error": None, **shown},
    )


@router.get("/tokens")
async def tokens_page(request: Request, person: Admin, session: SessionDep) -> HTMLResponse:
    return await _tokens_page(request, session, person)


@router.post("/tokens")
async def create_token(
    request: Request,
    person: AdminActing,
    runtime: RuntimeDep,
    session: SessionDep,
    now: NowDep,
    name: Annotated[str, Form(min_length=1, max_length=100)],
    role: Annotated[Role, Form()],
    expires_days: Annotated[int | None, Form(ge=1, le=3650)] = None,
    once: Annotated[str, Form(max_length=64)] = "",
) -> HTMLResponse:
    if not await first_submission(runtime, once):
        return await _tokens_page(request, session, person, error=RESENT)
    if not name.strip():
        return await _tokens_page(
            request, session, person, error="Give the token a name: who or what uses it."
        )
    expires_at = now + timedelta(days=expires_days) if expires_days else None
    secret, token = await tokens.create_token(session, name=name.strip(), role=role, expires_at=expires_at)
    await _record(session, person, "token.create", "api_token", token.id)
    return await _tokens_page(request, session, person, secret=secret, created=token)


@router.post("/tokens/{token_id}/revoke")
async def revoke_token(
    token_id: uuid.UUID, person: AdminActing, session: SessionDep, now: NowDep
) -> Response:
    await tokens.revoke(session, token_id=token_id, now=now)
    await _record(session, person, "token.revoke", "api_token", token_id)
    return RedirectResponse("/console/admin/tokens", status_code=303)


# --- webhook subscribers ---------------------------------------------------------------------------


async def _subscribers_page(
    request: Request, session: SessionDep, person: Person, *, status: int = 200, **shown: Any
) -> HTMLResponse:
    found = await outbox.get_subscribers(session)
    return page(
        request,
        "admin_subscribers.jinja",
        status,
        person=person,
        subscribers=found,
        topics=TOPICS,
        headers=NO_STORE,
        once=secrets.token_urlsafe(16),
        **{"secret": None, "created": None, "error": None, **shown},
    )


@router.get("/subscribers")
async def subscribers_page(request: Request, person: Admin, session: SessionDep) -> HTMLResponse:
    return await _subscribers_page(request, session, person)


@router.post("/subscribers")
async def create_subscriber(
    request: Request,
    person: AdminActing,
    runtime: RuntimeDep,
    session: SessionDep,
    name: Annotated[str, Form()],
    url: Annotated[str, Form()],
    topics: Annotated[str, Form()] = "*",
    once: Annotated[str, Form(max_length=64)] = "",
) -> HTMLResponse:
    if not await first_submission(runtime, once):
        return await _subscribers_page(request, session, person, error=RESENT)
    patterns = [t.strip() for t in topics.replace(",", " ").split() if t.strip()]
    try:
        subscriber = await outbox.create_subscriber(
            session, name=name, url=await checked_url(url, runtime), topics=patterns, actor=person.actor
        )
    except DomainError as error:
        return await _subscribers_page(request, session, person, status=422, error=error.message)
    return await _subscribers_page(request, session, person, secret=subscriber.secret, created=subscriber)


@router.post("/subscribers/{subscriber_id}/active")
async def set_active(
    subscriber_id: uuid.UUID, person: AdminActing, session: SessionDep, active: Annotated[bool, Form()]
) -> Response:
    await outbox.update_subscriber(session, subscriber_id=subscriber_id, actor=person.actor, active=active)
    return RedirectResponse("/console/admin/subscribers", status_code=303)


@router.post("/subscribers/{subscriber_id}/delete")
async def delete_subscriber(subscriber_id: uuid.UUID, person: AdminActing, session: SessionDep) -> Response:
    await outbox.delete_subscriber(session, subscriber_id=subscriber_id, actor=person.actor)
    return RedirectResponse("/console/admin/subscribers", status_code=303)
