"""A seeded clinic wired like production: webhooks → inbox → procrastinate → worker → Twilio (a local stub).

The clinic is seeded at `NOW` and its clock (`Runtime.clock`: routes, runner, worker sweeps) starts
there too, so what the worker finds due depends on the test's instant, never on the real date.

The Twilio REST API is the only fake: a real HTTP server on 127.0.0.1 speaking its wire format.
Webhook requests are signed with twilio's own `RequestValidator` for the public URL, while the app
is reached in-process: exactly the "signed for PRM_PUBLIC_URL, served elsewhere" situation.
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from twilio.request_validator import RequestValidator

from api.app import create_app
from api.runtime import Runtime, ServerUrls, open_runtime
from api.seeding import seed_demo
from api.settings import Settings
from api.worker import Worker, build_worker, run_worker
from channels.twilio.signature import FormParams
from graphs.runner import Runner, TurnResult
from store.checkpoint import AsyncRedisSaver
from store.clock import clock_from
from store.conversations.models import Message
from store.database import transaction
from store.migrate import upgrade
from tests.fakes.twilio_stub import TwilioStub
from tests.instant import NOW

PUBLIC_URL = "https://clinic.example.com"
WHATSAPP_PATH = "/api/v1/prm/webhooks/twilio/whatsapp"
STATUS_PATH = "/api/v1/prm/webhooks/twilio/status"
ACCOUNT_SID = "AC" + "0" * 32
AUTH_TOKEN = "test-auth-token-0123456789abcdef"
CLINIC_NUMBER = "+15550000000"


@pytest.fixture(scope="module")
def twilio() -> Iterator[TwilioStub]:
    with TwilioStub(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN) as stub:
        yield stub


def clinic_settings(data_dir: Path, twilio: TwilioStub, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "PRM_ENV": "test",
        "PRM_WEBHOOKS_ALLOW_PRIVATE": True,  # subscribers are local receivers on 127.0.0.1
        "PRM_DATA_DIR": data_dir,
        "PRM_PUBLIC_URL": PUBLIC_URL,
        "twilio": {
            "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
            "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
            "TWILIO_WHATSAPP_FROM": f"whatsapp:{CLINIC_NUMBER}",
            "PRM_TWILIO_API_URL": twilio.url,
            "PRM_WHATSAPP_REPLY": overrides.pop("reply", "twiml"),
            "PRM_TWIML_BUDGET_MS": overrides.pop("budget_ms", 8000),
            "PRM_WHATSAPP_TEMPLATES": overrides.pop("templates", {}),
            # the stub answers whole: a lost answer's look-up need not wait for Twilio to settle
            "PRM_TWILIO_LOOKUP_SETTLE_S": overrides.pop("settle_s", 0.2),
        },
        "channels": {
            "PRM_WORKER_HEARTBEAT_S": 1,
            "PRM_WORKER_STALLED_S": 3,
            "PRM_RATE_LIMIT_PER_MINUTE": overrides.pop("rate_limit", 20),
        },
    }
    values.update(overrides)
    return Settings(**values)


class CountingRunner(Runner):
    """The real runner, measuring how many turns run at once per conversation and overall."""

    def __post_init__(self) -> None:
        super().__post_init__()
        self.running: dict[str, int] = {}
        self.max_per_conversation = 0
        self.overall = 0
        self.max_overall = 0
        self.turns: list[tuple[str, list[str]]] = []
        self.delay_s = 0.0

    async def run_queued_turn(self, **kwargs: Any) -> TurnResult:  # type: ignore[override]
        phone = kwargs["phone"]
        self.running[phone] = self.running.get(phone, 0) + 1
        self.overall += 1
        self.max_per_conversation = max(self.max_per_conversation, self.running[phone])
        self.max_overall = max(self.max_overall, self.overall)
        self.turns.append((phone, list(kwargs["texts"])))
        try:
            await asyncio.sleep(self.delay_s)
            return await super().run_queued_turn(**kwargs)
        finally:
            self.running[phone] -= 1
            self.overall -= 1


@dataclass
class Clinic:
    runtime: Runtime
    http: httpx.AsyncClient
    twilio: TwilioStub
    runner: CountingRunner
    worker: Worker

    async def post_signed(
        self, path: str, params: list[tuple[str, str]], *, token: str = AUTH_TOKEN, url: str | None = None
    ) -> httpx.Response:
        signature = RequestValidator(token).compute_signature(url or PUBLIC_URL + path, FormParams(params))
        return await self.http.post(path, data=_multi(params), headers={"X-Twilio-Signature": signature})

    async def whatsapp(self, phone: str, body: str, sid: str | None = None) -> httpx.Response:
        return await self.post_signed(WHATSAPP_PATH, message_params(phone, body, sid))

    async def count(self, *criteria: Any) -> int:
        async with transaction(self.runtime.sessions) as session:
            return int(await session.scalar(select(func.count()).select_from(Message).where(*criteria)) or 0)

    async def messages(self, *criteria: Any) -> list[Message]:
        async with transaction(self.runtime.sessions) as session:
            query = select(Message).where(*criteria).order_by(Message.created_at, Message.id)
            return list(await session.scalars(query))

    async def until(self, check: Callable[[], Awaitable[bool]], timeout_s: float = 30) -> None:
        deadline = time.monotonic() + timeout_s
        while not await check():
            if time.monotonic() > deadline:
                raise AssertionError("condition not reached in time")
            await asyncio.sleep(0.05)


def _multi(params: list[tuple[str, str]]) -> dict[str, Any]:
    """Form data with repeated keys kept (httpx and RequestValidator both take lists as values)."""
    merged: dict[str, Any] = {}
    for key, value in params:
        if key in merged:
            merged[key] = [*(merged[key] if isinstance(merged[key], list) else [merged[key]]), value]
        else:
            merged[key] = value
    return merged


def message_params(phone: str, body: str, sid: str | None = None) -> list[tuple[str, str]]:
    return [
        ("MessageSid", sid or "SM" + uuid.uuid4().hex),
        ("AccountSid", ACCOUNT_SID),
        ("From", f"whatsapp:{phone}"),
        ("To", f"whatsapp:{CLINIC_NUMBER}"),
        ("Body", body),
        ("NumMedia", "0"),
        ("ProfileName", "Patient"),
        ("WaId", phone.lstrip("+")),
    ]


@contextlib.asynccontextmanager
async def open_clinic(
    settings: Settings,
    database_url: str,
    redis_url: str,
    embedder: Any,
    twilio: TwilioStub,
    *,
    seed: bool = True,
    concurrency: int = 4,
) -> AsyncIterator[Clinic]:
    urls = ServerUrls(database_url, redis_url)
    async with open_runtime(settings, urls, embedder=embedder, clock=clock_from(NOW)) as runtime:
        if seed:
            await seed_demo(runtime, now=NOW, console=None)
        saver = AsyncRedisSaver(runtime.redis, prefix=f"test-{secrets.token_hex(4)}")
        runner = CountingRunner(
            sessions=runtime.sessions,
            embedder=runtime.embedder,
            checkpointer=saver,
            tz=runtime.settings.tz,
            clock=runtime.clock,
        )
        worker = build_worker(runtime, runner=runner)
        jobs = asyncio.create_task(run_worker(runtime, concurrency=concurrency, worker=worker))
        transport = httpx.ASGITransport(app=create_app(runtime=runtime))
        try:
            async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1:8000") as http:
                yield Clinic(runtime, http, twilio, runner, worker)
        finally:
            jobs.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await jobs


@pytest.fixture(scope="module")
async def clinic(
    data_dir: Path,
    make_session_database: Callable[[], str],
    redis_url: str,
    embedder: Any,
    twilio: TwilioStub,
) -> AsyncIterator[Clinic]:
    url = make_session_database()
    upgrade(url)
    async with open_clinic(clinic_settings(data_dir, twilio), url, redis_url, embedder, twilio) as clinic:
        yield clinic
