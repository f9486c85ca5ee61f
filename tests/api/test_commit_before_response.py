"""A success status means committed: the response leaves only after the request's transaction commits.

Against a real uvicorn server, not ASGITransport (which waits for the whole app and would hide a
commit that runs after the response is sent). The server runs in a thread of its own, on its own
event loop and runtime, with every commit slowed down on purpose; the client, on the test's loop,
must not hear the 201 before the commit is done.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import uvicorn
from sqlalchemy import event
from sqlalchemy.orm import Session

from api.app import create_app
from api.runtime import ServerUrls, open_runtime


@pytest.fixture
def server(settings: Any, database_url: str, redis_url: str, embedder: Any) -> Iterator[str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    stop = threading.Event()
    started = threading.Event()

    async def serve() -> None:
        async with open_runtime(settings, ServerUrls(database_url, redis_url), embedder=embedder) as runtime:
            config = uvicorn.Config(create_app(runtime=runtime), host="127.0.0.1", port=port, log_config=None)
            running = uvicorn.Server(config)
            task = asyncio.create_task(running.serve())
            while not running.started:  # noqa: ASYNC110 - uvicorn's Server exposes a flag, not an event
                await asyncio.sleep(0.02)
            started.set()
            await asyncio.to_thread(stop.wait)
            running.should_exit = True
            await task

    thread = threading.Thread(target=lambda: asyncio.run(serve()), daemon=True)
    thread.start()
    assert started.wait(30)
    yield f"http://127.0.0.1:{port}"
    stop.set()
    thread.join(30)


async def test_a_201_arrives_after_its_commit(server: str, staff_headers: dict[str, str]) -> None:
    committed: list[float] = []

    def slow(session: Session) -> None:
        time.sleep(0.5)  # only the server's thread waits: the client runs on the test's loop

    def done(session: Session) -> None:
        committed.append(time.monotonic())

    event.listen(Session, "before_commit", slow)
    event.listen(Session, "after_commit", done)
    try:
        body = {
            "name": f"Commit Check{uuid.uuid4().hex[:4]}",
            "birth_date": "1980-01-01",
            "phone": f"+1555{uuid.uuid4().int % 10**7:07d}",
            "preferred_language": "en",
        }
        async with httpx.AsyncClient(base_url=server, timeout=30) as client:
            response = await client.post("/api/v1/prm/patients", json=body, headers=staff_headers)
            received = time.monotonic()
    finally:
        event.remove(Session, "before_commit", slow)
        event.remove(Session, "after_commit", done)
    assert response.status_code == 201, response.text
    assert committed and max(committed) <= received  # done before the client heard back
