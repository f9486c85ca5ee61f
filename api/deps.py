"""Typed FastAPI dependencies: the runtime, a transaction per request, and the caller's identity."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import AsyncIterator, Callable, Coroutine
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.ext.asyncio import AsyncSession

from api.runtime import Runtime
from store.auth import service as auth
from store.auth.models import Role

log = logging.getLogger(__name__)
# Dependencies are `async def` even when they await nothing: FastAPI runs a plain `def` dependency
# in its thread pool, a hand-off to another thread and back for every request (about 6% of a read
# request's CPU under `prm bench api`, three such dependencies per request, py-spy).


async def get_runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]


async def current_time(runtime: RuntimeDep) -> datetime:
    """The clinic's clock at this request (`Runtime.clock`), read once so a request sees one instant."""
    return runtime.clock()


NowDep = Annotated[datetime, Depends(current_time)]


async def get_session(runtime: RuntimeDep) -> AsyncIterator[AsyncSession]:
    """One transaction per request: committed when the handler returns, rolled back on error."""
    async with runtime.sessions() as session, session.begin():
        yield session


# scope="function": the transaction commits when the handler returns, before the response is sent, so a
# success status means committed (FastAPI's default request scope would commit after sending it)
SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]


@dataclass(frozen=True)
class Principal:
    """Who is calling: a role, a name for the audit log, and the token (idempotency keys are its own)."""

    role: Role
    name: str
    token_id: uuid.UUID | None = None

    def key(self, idempotency_key: str | None) -> str | None:
        """The caller's `Idempotency-Key` in its own namespace: two integrations that both send "1"
        never share a booking or a ticket."""
        return f"{self.token_id}:{idempotency_key}" if idempotency_key is not None else None

    @property
    def actor(self) -> str:
        return f"token:{self.name}"


_bearer = HTTPBearer(auto_error=False)


async def current_staff(
    runtime: RuntimeDep,
    session: SessionDep,
    now: NowDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    if credentials is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "missing bearer token (Authorization: Bearer <token>; create one with `prm token create`)",
            headers={"WWW-Authenticate": "Bearer"},
        )
    token = await auth.authenticate(session, secret=credentials.credentials, now=now)
    if token is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "invalid, expired or revoked token",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if auth.needs_touch(token, now=now):
        _touch_soon(runtime, token.id, now)
    return Principal(role=token.role, name=token.name, token_id=token.id)


_touching: dict[uuid.UUID, asyncio.Task[None]] = {}


def _touch_soon(runtime: Runtime, token_id: uuid.UUID, now: datetime) -> None:
    """Record the token's use beside the request, in a transaction of its own (so that parallel
    requests never queue on the token's row), without waiting for it: the request already holds a
    pooled connection, and waiting for a second one could exhaust the pool — as many requests at
    once as connections, each holding one and waiting for another, would stall until the pool's
    timeout. One recording per token at a time; one lost to a shutdown costs a minute of
    `last_used_at`, nothing more."""
    running = _touching.get(token_id)
    if running is not None and not running.done() and running.get_loop() is asyncio.get_running_loop():
        return
    task = asyncio.create_task(auth.touch(runtime.sessions, token_id=token_id, now=now))
    _touching[token_id] = task

    def done(task: asyncio.Task[None]) -> None:
        _touching.pop(token_id, None)
        if not task.cancelled() and (error := task.exception()) is not None:
            log.warning("could not record the use of token %s: %s", token_id, type(error).__name__)

    task.add_done_callback(done)


CurrentStaff = Annotated[Principal, Depends(current_staff)]


def require_role(*roles: Role) -> Callable[[Principal], Coroutine[Any, Any, Principal]]:
    """A dependency admitting only `roles` (403 for any other authenticated caller)."""

    async def check(principal: CurrentStaff) -> Principal:
        if principal.role not in roles:
            allowed = " or ".join(r.value for r in roles)
            raise HTTPException(
                status.HTTP_403_FORBIDDEN, f"role {principal.role.value!r} may not do this; needs {allowed}"
            )
        return principal

    return check


AdminOnly = Annotated[Principal, Depends(require_role(Role.ADMIN))]


MAX_OFFSET = 100_000


@dataclass(frozen=True)
class Page:
    """Pagination: `limit` (1–200, default 50) and `offset`."""

    limit: int
    offset: int


async def page(limit: int = 50, offset: int = 0) -> Page:
    if not 1 <= limit <= 200:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "limit: must be between 1 and 200")
    if not 0 <= offset <= MAX_OFFSET:  # a deeper OFFSET costs the database every row it skips
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT, f"offset: must be between 0 and {MAX_OFFSET}"
        )
    return Page(limit=limit, offset=offset)


PageDep = Annotated[Page, Depends(page)]
