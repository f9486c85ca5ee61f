"""The staff console at /console: sign in, the inbox, a conversation with its traces, tickets.

Server-rendered Jinja2 with htmx (vendored, served from /console/static): the inbox refreshes its
rows every few seconds; actions are plain forms, htmx-enhanced, each carrying the session's CSRF
token. Every action goes through the same domain services as the REST API
(store/conversations/handoff.py), audited with the person's name.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from api.console import views
from api.console.annotating import trace_page
from api.console.auth import COOKIE, Acting, SignedIn, cookie_is_secure, may_try_signing_in
from api.console.pages import page as _page
from api.deps import NowDep, RuntimeDep, SessionDep
from store.auth import sessions, users
from store.conversations import handoff
from store.conversations.models import Channel, ConversationStatus
from store.patients import service as patients
from store.patients.models import Language
from store.queue import enqueue_send

router = APIRouter(prefix="/console", include_in_schema=False)


@router.get("/login")
async def login_form(request: Request) -> HTMLResponse:
    return _page(request, "login.jinja", error=None)


@router.post("/login")
async def login(
    request: Request,
    runtime: RuntimeDep,
    session: SessionDep,
    now: NowDep,
    email: Annotated[str, Form()],
    password: Annotated[str, Form()],
) -> Response:
    client = request.client.host if request.client else "unknown"
    if not await may_try_signing_in(runtime, email=email, client=client):
        return _page(request, "login.jinja", error="Too many attempts. Wait a minute and try again.")
    user = await users.authenticate(session, email=email, password=password)
    if user is None:
        return _page(request, "login.jinja", error="Wrong e-mail or password, or the account is disabled.")
    secret, _ = await sessions.start(session, user=user, now=now)
    response = RedirectResponse("/console", status_code=303)
    response.set_cookie(
        COOKIE,
        secret,
        max_age=int(sessions.LIFETIME.total_seconds()),
        httponly=True,
        samesite="lax",
        secure=cookie_is_secure(runtime),
        path="/console",
    )
    return response


@router.post("/logout")
async def logout(request: Request, person: Acting, session: SessionDep, now: NowDep) -> Response:
    await sessions.end(session, secret=request.cookies.get(COOKIE, ""), now=now)
    response = RedirectResponse("/console/login", status_code=303)
    response.delete_cookie(COOKIE, path="/console")
    return response


async def _filters(
    person: SignedIn,
    status: str | None = None,
    channel: str | None = None,
    phone: str | None = None,
    language: str | None = None,
    mine: bool = False,
) -> dict[str, Any]:
    """The inbox's filters, checked: an unknown status, channel or language is a 422 naming it."""
    try:
        return {
            "status": ConversationStatus(status) if status else None,
            "channel": Channel(channel) if channel else None,
            "phone": patients.normalize_phone(phone) if phone else None,
            "language": Language(language) if language else None,
            "assignee_id": person.user.id if mine else None,
        }
    except ValueError as error:
        raise HTTPException(422, f"filter: {error}") from None


InboxFilters = Annotated[dict[str, Any], Depends(_filters)]


@router.get("")
async def inbox(
    request: Request, person: SignedIn, session: SessionDep, filters: InboxFilters
) -> HTMLResponse:
    rows = await views.inbox(session, reader=person, **filters)
    query = request.url.query
    return _page(
        request, "inbox.jinja", person=person, rows=rows, query=query, statuses=list(ConversationStatus)
    )


@router.get("/inbox/rows")
async def inbox_rows(
    request: Request, person: SignedIn, session: SessionDep, filters: InboxFilters
) -> HTMLResponse:
    """The inbox's rows alone: htmx swaps them in every few seconds (live updates)."""
    rows = await views.inbox(session, reader=person, **filters)
    return _page(request, "_inbox_rows.jinja", rows=rows)


@router.get("/conversations/{conversation_id}")
async def conversation(
    request: Request,
    conversation_id: uuid.UUID,
    person: SignedIn,
    session: SessionDep,
    now: NowDep,
    before: datetime | None = None,
) -> HTMLResponse:
    page = await views.conversation(
        session, reader=person, conversation_id=conversation_id, now=now, before=before
    )
    return _page(request, "conversation.jinja", person=person, page=page)


@router.get("/traces/{trace_id}")
async def trace(request: Request, trace_id: uuid.UUID, person: SignedIn, session: SessionDep) -> HTMLResponse:
    return await trace_page(request, session, person, trace_id)


def _back(conversation_id: uuid.UUID) -> RedirectResponse:
    return RedirectResponse(f"/console/conversations/{conversation_id}", status_code=303)


@router.post("/conversations/{conversation_id}/takeover")
async def take_over(conversation_id: uuid.UUID, person: Acting, session: SessionDep) -> Response:
    await handoff.take_over(
        session, conversation_id=conversation_id, actor=person.actor, staff_id=person.user.id
    )
    return _back(conversation_id)


@router.post("/conversations/{conversation_id}/reply")
async def reply(
    conversation_id: uuid.UUID,
    person: Acting,
    runtime: RuntimeDep,
    session: SessionDep,
    now: NowDep,
    body: Annotated[str, Form(min_length=1, max_length=4096)],
) -> Response:
    message = await handoff.reply(
        session, conversation_id=conversation_id, body=body.strip(), actor=person.actor, now=now
    )
    await enqueue_send(session, runtime.queue, message_id=message.id)
    return _back(conversation_id)


@router.post("/conversations/{conversation_id}/release")
async def release(conversation_id: uuid.UUID, person: Acting, session: SessionDep, now: NowDep) -> Response:
    await handoff.release(session, conversation_id=conversation_id, actor=person.actor, now=now)
    return _back(conversation_id)


@router.post("/conversations/{conversation_id}/close")
async def close(conversation_id: uuid.UUID, person: Acting, session: SessionDep, now: NowDep) -> Response:
    await handoff.close(session, conversation_id=conversation_id, actor=person.actor, now=now)
    return _back(conversation_id)
