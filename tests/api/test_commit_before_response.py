"""A success status means committed: the response leaves only after the request's transaction commits.

Against a real uvicorn server, not ASGITransport (which waits for the whole app and would hide a
commit that runs after the response is sent). The server runs in a thread of its own, on its own
event loop and runtime, with every commit slowed down on purpose; the client, on the test's loop,
must not hear the 201 before the commit is done.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from api.runtime import ServerUrls
from store.patients.models import Patient
from tests.served import serving


@pytest.fixture
def server(settings: Any, database_url: str, redis_url: str, embedder: Any) -> Iterator[str]:
    with serving(settings, ServerUrls(database_url, redis_url), embedder, timeout_s=30) as base:
        yield base


async def test_a_201_arrives_after_its_commit(server: str, staff_headers: dict[str, str]) -> None:
    family = f"Check{uuid.uuid4().hex[:4]}"
    committed: list[float] = []

    def slow(session: Session) -> None:
        time.sleep(0.5)  # only the server's thread waits: the client runs on the test's loop

    def mark(session: Session, _context: Any) -> None:
        # Only the request's own transaction counts: the token's use is recorded beside the request,
        # in a transaction of its own that may well commit after the response (api/deps.py).
        if any(isinstance(row, Patient) and row.family_name == family for row in session.new):
            session.info["creates_the_patient"] = True

    def done(session: Session) -> None:
        if session.info.pop("creates_the_patient", False):
            committed.append(time.monotonic())

    event.listen(Session, "before_commit", slow)
    event.listen(Session, "after_flush", mark)
    event.listen(Session, "after_commit", done)
    try:
        body = {
            "name": f"Commit {family}",
            "birth_date": "1980-01-01",
            "phone": f"+1555{uuid.uuid4().int % 10**7:07d}",
            "preferred_language": "en",
        }
        async with httpx.AsyncClient(base_url=server, timeout=30) as client:
            response = await client.post("/api/v1/prm/patients", json=body, headers=staff_headers)
            received = time.monotonic()
    finally:
        event.remove(Session, "before_commit", slow)
        event.remove(Session, "after_flush", mark)
        event.remove(Session, "after_commit", done)
    assert response.status_code == 201, response.text
    assert len(committed) == 1 and committed[0] <= received  # done before the client heard back
