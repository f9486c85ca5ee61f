"""Playing scenarios: each try in a sandbox of its own, several at once, k tries each for pass^k.

A try sends the scripted `turns` one per agent reply (after the call, for a voice scenario), or
lets the user simulator answer until the database shows what the scenario expects, the simulator
has nothing more to say, or `max_turns` is reached. Every reply's latency is measured at the line
(what a patient waits), the transcript is kept for the report, and the try is scored from its
database before the sandbox is dropped.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from evals.dataset import Scenario
from evals.observed import observe
from evals.pipeline import PatientLine, Sandbox, SandboxFactory
from evals.scoring import Score, expectation_met, score
from evals.simulator import OfflineSimulator, Simulator, SimulatorFactory
from evals.transcript import Exchange, Transcript


@dataclass(frozen=True)
class TryResult:
    scenario: Scenario
    attempt: int  # 0-based
    transcript: Transcript
    score: Score
    duration_s: float

    @property
    def passed(self) -> bool:
        return self.score.passed


@dataclass
class RunResult:
    tries: list[TryResult]
    k: int
    started_at: datetime
    duration_s: float
    concurrency: int
    scenarios: list[Scenario] = field(default_factory=list)

    def by_scenario(self) -> dict[str, list[TryResult]]:
        grouped: dict[str, list[TryResult]] = {s.id: [] for s in self.scenarios}
        for result in self.tries:
            grouped.setdefault(result.scenario.id, []).append(result)
        return grouped


def _elapsed_ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)


def _failure(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"[:500]


async def _send(line: PatientLine, text: str, transcript: Transcript) -> Exchange:
    started = time.perf_counter()
    try:
        replies = await line.send(text)
    except Exception as error:  # the agent failing is a finding, recorded for the report
        exchange = Exchange("message", text, [], _elapsed_ms(started), error=_failure(error))
    else:
        exchange = Exchange("message", text, replies, _elapsed_ms(started))
    transcript.exchanges.append(exchange)
    return exchange


async def _call(line: PatientLine, scenario: Scenario, attempt: int, transcript: Transcript) -> Exchange:
    assert scenario.voice is not None
    call = scenario.voice.model_dump(mode="json")
    payload = {**call, "call_id": f"eval-{scenario.id}-{attempt}-{uuid.uuid4().hex[:8]}"}
    started = time.perf_counter()
    try:
        result = await line.call(payload)
    except Exception as error:
        exchange = Exchange(
            "call", scenario.voice.transcript, [], _elapsed_ms(started), data=call["extracted_data"],
            error=_failure(error),
        )  # fmt: skip
    else:
        actions = [str(action) for action in result.response.get("actions", [])]
        exchange = Exchange(
            "call", scenario.voice.transcript, result.messages, _elapsed_ms(started), actions=actions,
            data=call["extracted_data"],
        )  # fmt: skip
    transcript.exchanges.append(exchange)
    return exchange


async def _simulate(
    scenario: Scenario, sandbox: Sandbox, simulator: Simulator, transcript: Transcript
) -> None:
    replies = transcript.exchanges[-1].replies if transcript.exchanges else []
    while True:
        if transcript.exchanges:
            holdings = await observe(sandbox.sessions, phone=scenario.patient.phone, tz=sandbox.tz)
            if expectation_met(scenario, holdings):
                transcript.stopped = "met"
                return
        if transcript.turns >= scenario.expect.max_turns:
            transcript.stopped = "max_turns"
            return
        awaiting = await sandbox.awaiting() if transcript.exchanges else None
        text = await simulator.next_message(replies=replies, awaiting=awaiting)
        if text is None:
            transcript.stopped = "simulator"
            return
        exchange = await _send(sandbox.line, text, transcript)
        if exchange.error:
            transcript.stopped = "error"
            return
        replies = exchange.replies


async def play(scenario: Scenario, sandbox: Sandbox, simulator: Simulator, *, attempt: int = 0) -> Transcript:
    """One try of the conversation (the sandbox is the caller's); failures end up in the transcript."""
    transcript = Transcript()
    try:
        if scenario.voice is not None and (await _call(sandbox.line, scenario, attempt, transcript)).error:
            transcript.stopped = "error"
            return transcript
        if scenario.turns is None:
            await _simulate(scenario, sandbox, simulator, transcript)
            return transcript
        for text in scenario.turns:
            if (await _send(sandbox.line, text, transcript)).error:
                transcript.stopped = "error"
                return transcript
    except Exception as error:  # the simulator (a model) or the sandbox's reads failed
        transcript.failure = _failure(error)
        transcript.stopped = "error"
    return transcript


async def run_try(
    scenario: Scenario, *, attempt: int, sandboxes: SandboxFactory, simulator: SimulatorFactory
) -> TryResult:
    """Play and score one try in a fresh sandbox."""
    started = time.perf_counter()
    async with sandboxes(scenario) as sandbox:
        transcript = await play(scenario, sandbox, simulator(scenario), attempt=attempt)
        holdings = await observe(sandbox.sessions, phone=scenario.patient.phone, tz=sandbox.tz)
    verdict = score(scenario, holdings, transcript)
    return TryResult(scenario, attempt, transcript, verdict, round(time.perf_counter() - started, 3))


def _progress(console: Console | None) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("[green]{task.fields[passed]} passed[/green]"),
        TimeElapsedColumn(),
        console=console,
        disable=console is None,
    )


async def run_scenarios(
    scenarios: Sequence[Scenario],
    *,
    sandboxes: SandboxFactory,
    k: int = 1,
    concurrency: int = 4,
    simulator: SimulatorFactory = OfflineSimulator,
    console: Console | None = None,
) -> RunResult:
    """Every scenario `k` times, at most `concurrency` tries at once; a progress bar on `console`."""
    if k < 1 or concurrency < 1:
        raise ValueError("k and concurrency must be at least 1")
    started_at, started = datetime.now(UTC), time.perf_counter()
    limit = asyncio.Semaphore(concurrency)
    results: list[TryResult] = []
    with _progress(console) as progress:
        task = progress.add_task("scenarios", total=len(scenarios) * k, passed=0)

        async def one(scenario: Scenario, attempt: int) -> None:
            async with limit:
                result = await run_try(scenario, attempt=attempt, sandboxes=sandboxes, simulator=simulator)
            results.append(result)
            progress.update(task, advance=1, passed=sum(r.passed for r in results))

        async with asyncio.TaskGroup() as group:
            for attempt in range(k):
                for scenario in scenarios:
                    group.create_task(one(scenario, attempt))
    order = {s.id: i for i, s in enumerate(scenarios)}
    results.sort(key=lambda r: (order[r.scenario.id], r.attempt))
    return RunResult(
        results, k, started_at, round(time.perf_counter() - started, 3), concurrency, list(scenarios)
    )
