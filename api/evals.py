"""Evaluation sandboxes: each scenario try gets a clinic of its own, built from a seeded template.

Isolation without paying for a migration and a seed per try: for each distinct scenario `now` a
template database is migrated and seeded once (the demo clinic around `now`, the knowledge base
embedded with the one shared embedder); each try then gets `CREATE DATABASE … TEMPLATE …` (a
file copy, a fraction of a second), its own Redis key prefix for checkpoints, an agent clock
started at the scenario's `now`, and the scenario's patient when the scenario says `registered`.

The patient talks through the production path (`ProductionLine`): WhatsApp messages into the
inbox and the procrastinate queue, a worker of the sandbox's own taking the turns; voice calls
through the signed voice webhook of a real app. Databases and keys are dropped afterwards, the
templates when the run ends.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import secrets
import time
import uuid
from collections.abc import AsyncIterator, Coroutine
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import datetime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import httpx
import psycopg
from pydantic import SecretStr
from sqlalchemy import make_url, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from agents.understanding import SemanticScreen
from api.agent import build_runner
from api.app import create_app
from api.paths import VOICE_PATH
from api.runtime import Runtime, ServerUrls, open_runtime
from api.seeding import seed_demo
from api.settings import Settings
from api.worker import build_worker, run_worker
from channels.pipeline import POLL_S, QueuedLine
from channels.signing import sign
from evals.dataset import Scenario
from evals.pipeline import CallResult, PatientLine, Sandbox, SandboxFactory
from graphs.runner import Runner
from store.checkpoint import AsyncRedisSaver
from store.clock import clock_from
from store.conversations.models import Channel, Conversation, Message
from store.database import drop_database, libpq_url, transaction
from store.knowledge.embeddings import Embedder
from store.migrate import upgrade
from store.patients import service as patients
from store.redis_client import AsyncRedis

T = TypeVar("T")
CHECKPOINT_TTL_S = 6 * 3600  # a crashed run's keys expire on their own
DATABASE_PREFIX = "prm_eval_"
LINE_WAIT_S = 120  # a turn slower than this is a failed try, not a hung run
REST_FALLBACK_MS = 15 * 60 * 1000  # the worker's REST fallback never races the line for a reply


def with_model(settings: Settings, model: str | None) -> Settings:
    """`settings` with the agent's model set by `--model`: "offline" (none), a name, or as configured."""
    if model is None:
        return settings
    chosen = None if model == "offline" else model
    return settings.model_copy(update={"models": settings.models.model_copy(update={"llm_model": chosen})})


def sandbox_settings(settings: Settings) -> Settings:
    """`settings` as a sandbox runs them: nothing sent to Twilio, a voice secret to sign calls with.

    Twilio is unconfigured whatever the environment says (an evaluation must never message real
    phones); replies stay in the database. The line plays the TwiML webhook and claims each
    reply; the REST fallback is pushed beyond the line's wait so that it never takes one first.
    """
    twilio = settings.twilio.model_copy(
        update={
            "account_sid": None,
            "auth_token": None,
            "api_url": None,
            "whatsapp_reply": "twiml",
            "twiml_budget_ms": REST_FALLBACK_MS,
        }
    )
    secret = settings.voice_webhook_secret or SecretStr(secrets.token_hex(32))
    return settings.model_copy(update={"twilio": twilio, "voice_webhook_secret": secret})


class ProductionLine:
    """A patient's phone on the production path, with a worker of the sandbox's own behind it.

    WhatsApp messages go through `channels.pipeline.QueuedLine` (inbox row and queued turn in one
    transaction, the worker takes the turn, the reply is claimed here as a TwiML webhook would).
    Voice calls are posted, signed, to the real voice webhook; its 202 answer is the result, and
    the follow-up the patient receives on WhatsApp is the reply that the call's turn stored. The
    sandbox's Twilio is unconfigured, so nothing leaves the machine: a reply that REST would send
    stays in the database (marked `no_twilio`), which is where it is read from.

    Everything in the sandbox (inbound stamps, the agent, the worker's sweeps) reads the sandbox's
    clock, which starts at the scenario's `now` (so that "tomorrow" means the scenario's tomorrow).
    """

    def __init__(
        self,
        runtime: Runtime,
        http: httpx.AsyncClient,
        worker: asyncio.Task[None],
        *,
        phone: str,
        wait_s: float = LINE_WAIT_S,
    ) -> None:
        self.runtime, self.http, self.worker, self.wait_s = runtime, http, worker, wait_s
        self.whatsapp = QueuedLine(
            runtime.sessions,
            runtime.queue,
            channel=Channel.WHATSAPP,
            phone=phone,
            clock=runtime.clock,
            wait_s=wait_s,
        )

    async def send(self, text: str) -> list[str]:
        return await self._while_working(self.whatsapp.send(text))

    async def call(self, payload: dict[str, Any]) -> CallResult:
        body = json.dumps(payload).encode()
        response = await self.http.post(VOICE_PATH, content=body, headers=self._signed(body))
        if response.status_code != 202:
            raise VoiceRefused(f"the voice webhook answered {response.status_code}: {response.text[:300]}")
        follow_up = await self._while_working(self._follow_up(str(payload["call_id"])))
        return CallResult(response.json(), follow_up)

    def _signed(self, body: bytes) -> dict[str, str]:
        """The headers the voice platform sends: HMAC-SHA256 of `<timestamp>.<raw body>`."""
        secret = self.runtime.settings.voice_webhook_secret
        assert secret is not None  # `sandbox_settings` always sets one
        timestamp = str(int(time.time()))
        return {
            "Content-Type": "application/json",
            "X-PRM-Timestamp": timestamp,
            "X-PRM-Signature": sign(secret=secret.get_secret_value(), timestamp=timestamp, body=body),
        }

    async def _follow_up(self, call_id: str) -> list[str]:
        """The WhatsApp reply of the call's turn, once the worker has taken it."""
        deadline = time.monotonic() + self.wait_s
        while True:
            async with self.runtime.sessions() as session:
                call = await session.scalar(
                    select(Message).where(
                        Message.channel == Channel.VOICE, Message.provider_message_id == call_id
                    )
                )
                if call is not None and call.processed_at is not None:
                    reply = await session.get(Message, call.reply_id) if call.reply_id else None
                    return [reply.body] if reply is not None and reply.body else []
            if time.monotonic() >= deadline:
                raise TimeoutError(f"the call's turn did not finish within {self.wait_s:.0f} s")
            await asyncio.sleep(POLL_S)

    async def _while_working(self, waiting: Coroutine[Any, Any, T]) -> T:
        """`waiting`'s result, or the worker's failure if it stops first (rather than a silent timeout)."""
        task = asyncio.ensure_future(waiting)
        await asyncio.wait({task, self.worker}, return_when=asyncio.FIRST_COMPLETED)
        if task.done():
            return task.result()
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        error = self.worker.exception() if not self.worker.cancelled() else None
        raise RuntimeError(f"the sandbox's worker stopped: {error!r}") from error


class VoiceRefused(RuntimeError):
    """The voice webhook did not accept the call (the answer's status and body are in the message)."""


class EvalSandbox:
    """One try's clinic (see `Sandbox`)."""

    def __init__(
        self, runtime: Runtime, runner: Runner, line: PatientLine, *, phone: str, patient_id: uuid.UUID | None
    ) -> None:
        self.runtime, self.runner, self.line, self.phone = runtime, runner, line, phone
        self.patient_id = patient_id

    @property
    def sessions(self) -> async_sessionmaker[AsyncSession]:
        return self.runtime.sessions

    @property
    def tz(self) -> ZoneInfo:
        return self.runtime.settings.tz

    async def awaiting(self) -> str | None:
        """What the last reply waits for, from the conversation's latest checkpoint."""
        async with self.sessions() as session:
            conversation_id = await session.scalar(
                select(Conversation.id).where(
                    Conversation.channel == Channel.WHATSAPP, Conversation.address == self.phone
                )
            )
        if conversation_id is None:
            return None
        snapshot = await self.runner.graph.aget_state({"configurable": {"thread_id": str(conversation_id)}})
        value = snapshot.values.get("awaiting")
        return str(value) if value else None


class Templates:
    """Template databases: one migrated base, and from it one seeded template per distinct `now`.

    Alembic migrates once per run (its context is process-global, so never in parallel); each
    `now` then costs a copy of the base and a seed, built on first use.
    """

    def __init__(self, settings: Settings, urls: ServerUrls, embedder: Embedder) -> None:
        self.settings, self.urls, self.embedder = settings, urls, embedder
        self._names: dict[datetime | None, str] = {}  # None: the migrated, unseeded base
        self._building: dict[datetime | None, asyncio.Lock] = {}
        self._copying = asyncio.Lock()  # a template must have no other user while it is copied

    def url(self, name: str) -> str:
        return make_url(self.urls.database_url).set(database=name).render_as_string(hide_password=False)

    async def _copy(self, template: str | None) -> str:
        name = f"{DATABASE_PREFIX}{secrets.token_hex(6)}"
        source = f' TEMPLATE "{template}"' if template else ""
        async with self._copying:
            await asyncio.to_thread(_execute, self.urls.database_url, f'CREATE DATABASE "{name}"{source}')
        return name

    async def _template(self, now: datetime | None) -> str:
        async with self._building.setdefault(now, asyncio.Lock()):
            if now not in self._names:
                if now is None:
                    self._names[None] = name = await self._copy(None)
                    await asyncio.to_thread(upgrade, self.url(name))
                else:
                    self._names[now] = name = await self._copy(await self._template(None))
                    urls = ServerUrls(self.url(name), self.urls.redis_url)
                    async with open_runtime(self.settings, urls, embedder=self.embedder) as runtime:
                        await seed_demo(runtime, now=now, console=None)
            return self._names[now]

    async def clone(self, now: datetime) -> str:
        """A new database holding the clinic seeded around `now`; its URL."""
        return self.url(await self._copy(await self._template(now)))

    async def drop_all(self) -> None:
        for name in self._names.values():
            await asyncio.to_thread(drop_database, self.url(name))
        self._names.clear()


def _execute(server_url: str, statement: str) -> None:
    with psycopg.connect(libpq_url(server_url, "postgres"), autocommit=True) as connection:
        connection.execute(statement.encode())


async def _register(runtime: Runtime, scenario: Scenario) -> uuid.UUID:
    """The scenario's patient on its phone (already there when it is one of the demo patients)."""
    person = scenario.patient
    async with transaction(runtime.sessions) as session:
        found = await patients.match(
            session, phone=person.phone, name=person.name, birth_date=person.birth_date
        )
        if found is not None:
            return found.id
        given, family = patients.split_name(person.name)
        made = await patients.create(
            session,
            given_name=given,
            family_name=family,
            birth_date=person.birth_date,
            phone=person.phone,
            preferred_language=scenario.language,
            today=runtime.clock().astimezone(runtime.settings.tz).date(),  # the scenario's clock
        )
        return made.id


async def _forget(redis: AsyncRedis, prefix: str) -> None:
    keys = [key async for key in redis.scan_iter(match=f"{prefix}:*", count=500)]
    if keys:
        await redis.delete(*keys)


@asynccontextmanager
async def _worker(runtime: Runtime, runner: Runner) -> AsyncIterator[asyncio.Task[None]]:
    """The sandbox's own job worker (as `prm chat` runs one), cancelled when the sandbox closes.

    It takes turns and sends, but sweeps for no reminders or journey steps: a scenario is scored on
    the conversation it scripts, and a reminder falling due at the scenario's instant would arrive
    at whichever real minute the sweep's cron fires, making a score depend on timing.
    """
    jobs = asyncio.create_task(
        run_worker(runtime, concurrency=1, worker=build_worker(runtime, runner=runner), timed_messages=False),
        name="eval-worker",
    )
    try:
        yield jobs
    finally:
        jobs.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await jobs


@asynccontextmanager
async def _sandbox(scenario: Scenario, settings: Settings, templates: Templates) -> AsyncIterator[Sandbox]:
    url = await templates.clone(scenario.now)
    try:
        urls = ServerUrls(url, templates.urls.redis_url)
        clock = clock_from(scenario.now)  # the whole sandbox, worker sweeps included, lives at `now`
        async with open_runtime(settings, urls, embedder=templates.embedder, clock=clock) as runtime:
            prefix = f"prm:eval:{secrets.token_hex(6)}"
            saver = AsyncRedisSaver(runtime.redis, prefix=prefix, ttl=CHECKPOINT_TTL_S)
            runner = replace(build_runner(runtime), checkpointer=saver)
            patient_id = await _register(runtime, scenario) if scenario.patient.registered else None
            transport = httpx.ASGITransport(app=create_app(settings, runtime))
            try:
                async with (
                    _worker(runtime, runner) as jobs,
                    httpx.AsyncClient(transport=transport, base_url="http://eval.sandbox") as http,
                ):
                    line = ProductionLine(runtime, http, jobs, phone=scenario.patient.phone)
                    yield EvalSandbox(
                        runtime, runner, line, phone=scenario.patient.phone, patient_id=patient_id
                    )
            finally:
                await _forget(runtime.redis, prefix)
    finally:
        await asyncio.to_thread(drop_database, url)


@asynccontextmanager
async def open_sandboxes(
    settings: Settings, urls: ServerUrls, *, embedder: Embedder
) -> AsyncIterator[SandboxFactory]:
    """A `SandboxFactory` on the servers of `urls` (the user needs CREATEDB); templates dropped on exit."""
    settings = sandbox_settings(settings)
    templates = Templates(settings, urls, embedder)
    # the model loaded and the red-flag examples embedded (a process-wide bank, tens of seconds of
    # CPU) before any scenario starts: else the first scenarios' first replies wait for it, and a
    # start-up cost is reported as reply latency
    await SemanticScreen(embedder).warm()
    try:
        yield lambda scenario: _sandbox(scenario, settings, templates)
    finally:
        await templates.drop_all()
