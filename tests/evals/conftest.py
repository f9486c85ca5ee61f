"""Evaluation sandboxes on the test servers, and one small run shared by the end-to-end tests."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from api.evals import EvalSandbox, open_sandboxes, with_model
from api.runtime import ServerUrls
from api.settings import Settings
from evals.dataset import Scenario, load_scenarios
from evals.pipeline import Sandbox, SandboxFactory
from evals.report import build_report, write_report
from evals.runner import RunResult, run_scenarios
from store.conversations.models import Message
from store.patients.models import Patient
from tests.browser import browser, chromium_path  # noqa: F401  (fixtures)

DATA = Path(__file__).parent / "data"
TINY = DATA / "tiny.jsonl"


@pytest.fixture(scope="session")
def offline_settings(settings: Settings) -> Settings:
    return with_model(settings, "offline")


@pytest.fixture(scope="session")
async def sandboxes(
    offline_settings: Settings, server_database_url: str, redis_url: str, embedder: Any
) -> AsyncIterator[SandboxFactory]:
    """Sandboxes on the test servers (templates built once per `now` for the whole session)."""
    urls = ServerUrls(server_database_url, redis_url)
    async with open_sandboxes(offline_settings, urls, embedder=embedder) as factory:
        yield factory


@dataclass(frozen=True)
class Stored:
    """One message as the try's database held it when the try ended (read before the drop)."""

    channel: str
    direction: str
    body: str
    processed: bool
    replied: bool  # an inbound message linked to its turn's reply
    sent_via: str | None
    error_code: str | None


@dataclass(frozen=True)
class Evidence:
    """What a try left in its own database: the path its messages took and who is on the phone."""

    scenario_id: str
    messages: list[Stored]
    patients_on_phone: list[str]


@dataclass
class TinyRun:
    run: RunResult
    report: dict[str, Any]
    out: Path
    database_urls: list[str]  # each try's own database
    checkpoint_prefixes: list[str]
    evidence: list[Evidence]

    def of(self, scenario_id: str) -> list[Evidence]:
        return [e for e in self.evidence if e.scenario_id == scenario_id]


async def _evidence(sandbox: EvalSandbox, scenario: Scenario) -> Evidence:
    async with sandbox.sessions() as session:
        rows = await session.scalars(select(Message).order_by(Message.created_at, Message.id))
        messages = [
            Stored(
                m.channel.value,
                m.direction.value,
                m.body,
                m.processed_at is not None,
                m.reply_id is not None,
                m.sent_via,
                m.error_code,
            )
            for m in rows
        ]
        people = await session.scalars(select(Patient).where(Patient.phone == scenario.patient.phone))
        names = sorted(p.full_name for p in people)
    return Evidence(scenario.id, messages, names)


@pytest.fixture(scope="session")
def tiny_out(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield tmp_path_factory.mktemp("tiny-report")


@pytest.fixture(scope="session")
async def tiny_run(sandboxes: SandboxFactory, tiny_out: Path) -> TinyRun:
    """tests/evals/data/tiny.jsonl played twice (k=2): three scenarios that pass and one that cannot."""
    urls: list[str] = []
    prefixes: list[str] = []
    evidence: list[Evidence] = []

    @asynccontextmanager
    async def recording(scenario: Scenario) -> AsyncIterator[Sandbox]:
        async with sandboxes(scenario) as sandbox:
            assert isinstance(sandbox, EvalSandbox)
            urls.append(sandbox.runtime.urls.database_url)
            prefixes.append(sandbox.runner.checkpointer.prefix)  # type: ignore[attr-defined]
            yield sandbox
            evidence.append(await _evidence(sandbox, scenario))

    run = await run_scenarios(load_scenarios(TINY), sandboxes=recording, k=2, concurrency=4)
    report = build_report(run, dataset=str(TINY), model="offline")
    write_report(report, tiny_out)
    return TinyRun(run, report, tiny_out, urls, prefixes, evidence)
