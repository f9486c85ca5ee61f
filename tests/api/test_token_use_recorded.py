"""A token's use is recorded beside the request, never by a request waiting for a second pooled
connection: with as many requests at once as connections, each would hold one and wait for another.

Shown on a pool of one connection: a request on a never-used token (one whose use must be recorded)
completes, and its use is recorded once the connection is free.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace

import httpx

from api.app import create_app
from api.runtime import Runtime
from store.auth import service as auth
from store.auth.models import ApiToken, Role
from store.database import create_engine, session_factory, transaction


async def test_a_request_needing_its_token_s_use_recorded_never_waits_for_a_second_connection(
    runtime: Runtime,
) -> None:
    async with transaction(runtime.sessions) as session:
        secret, token = await auth.create_token(session, name="one-connection", role=Role.STAFF)
    engine = create_engine(runtime.urls.database_url, pool_size=1)
    small = replace(runtime, engine=engine, sessions=session_factory(engine))
    try:
        transport = httpx.ASGITransport(app=create_app(runtime=small))
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            response = await asyncio.wait_for(
                client.get("/api/v1/prm/tickets", headers={"Authorization": f"Bearer {secret}"}), 10
            )
        assert response.status_code == 200
        for _ in range(100):  # recorded once the request gave its connection back
            async with runtime.sessions() as session:
                stored = await session.get(ApiToken, token.id)
            if stored is not None and stored.last_used_at is not None:
                break
            await asyncio.sleep(0.1)
        assert stored is not None and stored.last_used_at is not None
    finally:
        await engine.dispose()
