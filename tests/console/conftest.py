"""The console served for real: the seeded clinic wired like production, behind uvicorn on a free port."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from api.app import create_app
from store.auth import users
from store.auth.models import Role
from store.database import transaction
from store.migrate import upgrade
from tests.browser import browser, chromium_path  # noqa: F401  (fixtures)
from tests.fakes.twilio_stub import TwilioStub
from tests.pipeline.conftest import Clinic, clinic_settings, open_clinic, twilio  # noqa: F401  (fixture)

PASSWORD = "a long enough password"


@dataclass
class Served:
    clinic: Clinic
    url: str
    email: str


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
async def served(
    data_dir: Path,
    make_session_database: Callable[[], str],
    redis_url: str,
    embedder: Any,
    twilio: TwilioStub,  # noqa: F811 - the fixture imported above
) -> AsyncIterator[Served]:
    url = make_session_database()
    upgrade(url)
    settings = clinic_settings(data_dir, twilio, rate_limit=1000)
    async with open_clinic(settings, url, redis_url, embedder, twilio) as clinic:
        email = f"dana.{uuid.uuid4().hex[:8]}@clinic.example"
        async with transaction(clinic.runtime.sessions) as session:
            await users.create(session, email=email, name="Dana Front", role=Role.STAFF, password=PASSWORD)
        port = _free_port()
        config = uvicorn.Config(
            create_app(runtime=clinic.runtime), host="127.0.0.1", port=port, log_config=None
        )
        server = uvicorn.Server(config)
        task = asyncio.create_task(server.serve())
        while not server.started:  # noqa: ASYNC110 - uvicorn's Server exposes a flag, not an event
            await asyncio.sleep(0.05)
        try:
            yield Served(clinic, f"http://127.0.0.1:{port}", email)
        finally:
            server.should_exit = True
            with contextlib.suppress(asyncio.CancelledError):
                await task
