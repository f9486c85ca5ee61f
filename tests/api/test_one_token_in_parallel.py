"""Requests on one token do not wait for each other: an n8n workflow or an EHR integration fires
them in parallel on one token, and none may hold a lock (the token's row, say) for the others.

The first request is held open inside its handler, its session and transaction open, after
authenticating on a token never used before (so each request would want to note its use); the
second, on the same token, must complete meanwhile.
"""

from __future__ import annotations

import asyncio

import httpx
from sqlalchemy import text

from api.app import create_app
from api.deps import CurrentStaff, SessionDep
from api.runtime import Runtime
from store.auth import service as auth
from store.auth.models import Role
from store.database import transaction


async def test_a_request_held_open_does_not_hold_up_another_on_the_same_token(runtime: Runtime) -> None:
    async with transaction(runtime.sessions) as session:  # a token of its own: never used before
        secret, _ = await auth.create_token(session, name="parallel", role=Role.STAFF)
    staff_headers = {"Authorization": f"Bearer {secret}"}
    app = create_app(runtime=runtime)  # an app of its own for the extra route
    entered, release = asyncio.Event(), asyncio.Event()

    @app.get("/api/v1/prm/held-open")
    async def held_open(session: SessionDep, staff: CurrentStaff) -> dict[str, str]:
        await session.execute(text("SELECT 1"))  # the request's transaction is open
        entered.set()
        await release.wait()
        return {"actor": staff.actor}

    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        await _race(client, staff_headers, entered, release)


async def _race(
    client: httpx.AsyncClient, staff_headers: dict[str, str], entered: asyncio.Event, release: asyncio.Event
) -> None:
    first = asyncio.create_task(client.get("/api/v1/prm/held-open", headers=staff_headers))
    await asyncio.wait_for(entered.wait(), 10)
    try:
        second = await asyncio.wait_for(client.get("/api/v1/prm/tickets", headers=staff_headers), 10)
        assert second.status_code == 200 and not first.done()
    finally:
        release.set()
    assert (await first).status_code == 200
