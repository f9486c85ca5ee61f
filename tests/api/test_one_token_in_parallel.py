"""Requests on one token do not wait for each other: an n8n workflow or an EHR integration fires
them in parallel on one token, and none may hold a lock (the token's row, say) for the others.

The first request is held open inside its handler, its session and transaction open, after
authenticating on a token never used before (so each request would want to note its use); the
second, on the same token, must complete meanwhile.
"""

from __future__ import annotations

import asyncio

import httpx
from fastapi import FastAPI
from sqlalchemy import text

from api.deps import CurrentStaff, SessionDep


async def test_a_request_held_open_does_not_hold_up_another_on_the_same_token(
    app: FastAPI, client: httpx.AsyncClient, staff_headers: dict[str, str]
) -> None:
    entered, release = asyncio.Event(), asyncio.Event()

    @app.get("/api/v1/prm/held-open")
    async def held_open(session: SessionDep, staff: CurrentStaff) -> dict[str, str]:
        await session.execute(text("SELECT 1"))  # the request's transaction is open
        entered.set()
        await release.wait()
        return {"actor": staff.actor}

    first = asyncio.create_task(client.get("/api/v1/prm/held-open", headers=staff_headers))
    await asyncio.wait_for(entered.wait(), 10)
    try:
        second = await asyncio.wait_for(client.get("/api/v1/prm/tickets", headers=staff_headers), 10)
        assert second.status_code == 200 and not first.done()
    finally:
        release.set()
    assert (await first).status_code == 200
