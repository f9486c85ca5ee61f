"""Evaluation sandboxes: each scenario try gets a clinic of its own, built from a seeded template.

Isolation without paying for a migration and a seed per try: for each distinct scenario `now` a
template database is migrated and seeded once (the demo clinic around `now`, the knowledge base
embedded with the one shared embedder); each try then gets `CREATE DATABASE … TEMPLATE …` (a
file copy, a fraction of a second), its own Redis key prefix for checkpoints, a clock started at
the scenario's `now`, and the scenario's patient when the scenario says `registered`. Databases
and keys are dropped afterwards, the templates when the run ends.

The patient's line is the one seam left open: `DirectLine` drives the conversation runner
directly until the production path (api/pipeline.py: inbox → queue → worker → reply) takes its
place in `_open_line`.
"""

from __future__ import annotations

import asyncio
import secrets
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import psycopg
from redis.asyncio import Redis
from sqlalchemy import make_url, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from api.agent import build_runner
from api.runtime import Runtime, ServerUrls, open_runtime
from api.seeding import seed_demo
from api.settings import Settings
from channels.voice import VoicePayload
from evals.dataset import Scenario
from evals.pipeline import CallResult, PatientLine, Sandbox, SandboxFactory
from graphs.runner import Runner
from store.checkpoint import AsyncRedisSaver
from store.conversations.models import Channel, Conversation
from store.database import drop_database, libpq_url, transaction
from store.knowledge.embeddings import Embedder
from store.migrate import upgrade
from store.patients import service as patients

CHECKPOINT_TTL_S = 6 * 3600  # a crashed run's keys expire on their own
DATABASE_PREFIX = "prm_eval_"


def with_model(settings: Settings, model: str | None) -> Settings:
    """`settings` with the agent's model set by `--model`: "offline" (none), a name, or as configured."""
    if model is None:
        return settings
    chosen = None if model == "offline" else model
    return settings.model_copy(update={"models": settings.models.model_copy(update={"llm_model": chosen})})


class DirectLine:
    """THE SEAM: a patient's phone wired straight to `Runner.run_turn`, not through the production queue.

    A WhatsApp message is one turn; a voice call is the turn the worker runs for a call (transcript
    as the text, `extracted_data` as the hand-off's prefill) on the patient's WhatsApp conversation,
    whose reply is the follow-up the patient receives there. To evaluate the real path, replace
    this class in `_open_line` with api/pipeline.py's line (and run a worker on the sandbox's
    database) — nothing else in evals/ changes.
    """

    def __init__(self, runner: Runner, *, phone: str) -> None:
        self.runner, self.phone = runner, phone

    async def send(self, text: str) -> list[str]:
        result = await self.runner.run_turn(channel=Channel.WHATSAPP, phone=self.phone, texts=[text])
        return [result.reply] if result.reply else []

    async def call(self, payload: dict[str, Any]) -> CallResult:
        call = VoicePayload.model_validate(payload)  # the webhook's own validation
        result = await self.runner.run_turn(
            channel=Channel.WHATSAPP,
            phone=call.patient_phone,
            texts=[call.transcript],
            prefill=call.extracted_data,
        )
        response = {"conversation_id": str(result.conversation_id), "actions": result.actions}
        return CallResult(response, [result.reply] if result.reply else [])


def _open_line(runner: Runner, phone: str) -> PatientLine:
    return DirectLine(runner, phone=phone)


class EvalSandbox:
    """One try's clinic (see `Sandbox`)."""

    def __init__(self, runtime: Runtime, runner: Runner, *, phone: str, patient_id: uuid.UUID | None) -> None:
        self.runtime, self.runner, self.phone = runtime, runner, phone
        self.line = _open_line(runner, phone)
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
        )
        return made.id


async def _forget(redis: Redis, prefix: str) -> None:
    keys = [key async for key in redis.scan_iter(match=f"{prefix}:*", count=500)]
    if keys:
        await redis.delete(*keys)


@asynccontextmanager
async def _sandbox(scenario: Scenario, settings: Settings, templates: Templates) -> AsyncIterator[Sandbox]:
    url = await templates.clone(scenario.now)
    try:
        urls = ServerUrls(url, templates.urls.redis_url)
        async with open_runtime(settings, urls, embedder=templates.embedder) as runtime:
            prefix = f"prm:eval:{secrets.token_hex(6)}"
            saver = AsyncRedisSaver(runtime.redis, prefix=prefix, ttl=CHECKPOINT_TTL_S)
            runner = replace(build_runner(runtime, now=scenario.now), checkpointer=saver)
            patient_id = await _register(runtime, scenario) if scenario.patient.registered else None
            try:
                yield EvalSandbox(runtime, runner, phone=scenario.patient.phone, patient_id=patient_id)
            finally:
                await _forget(runtime.redis, prefix)
    finally:
        await asyncio.to_thread(drop_database, url)


@asynccontextmanager
async def open_sandboxes(
    settings: Settings, urls: ServerUrls, *, embedder: Embedder
) -> AsyncIterator[SandboxFactory]:
    """A `SandboxFactory` on the servers of `urls` (the user needs CREATEDB); templates dropped on exit."""
    templates = Templates(settings, urls, embedder)
    try:
        yield lambda scenario: _sandbox(scenario, settings, templates)
    finally:
        await templates.drop_all()
