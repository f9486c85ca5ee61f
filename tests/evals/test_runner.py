"""Scenarios played end to end through the sandboxes: the production path, isolation, scoring from the DB.

`tiny_run` (conftest) plays tests/evals/data/tiny.jsonl twice: a scripted WhatsApp booking, a
simulated Spanish booking for a second patient on a demo phone, a voice hand-off continued on
WhatsApp, and a scenario whose expectation the agent cannot meet (to see a failure reported).
"""

from __future__ import annotations

import asyncio
from datetime import datetime

import psycopg
import pytest
from redis.asyncio import Redis

from api.evals import EvalSandbox
from evals.dataset import Scenario, load_scenarios
from evals.pipeline import SandboxFactory
from evals.runner import TryResult, run_try
from evals.simulator import OfflineSimulator
from store.database import libpq_url
from tests.evals.conftest import TINY, TinyRun

SCENARIOS = {s.id: s for s in load_scenarios(TINY)}


def tries(tiny_run: TinyRun, scenario_id: str) -> list[TryResult]:
    return [t for t in tiny_run.run.tries if t.scenario.id == scenario_id]


def test_every_try_ran_and_the_right_ones_passed(tiny_run: TinyRun) -> None:
    verdicts = {(t.scenario.id, t.attempt): t.passed for t in tiny_run.run.tries}
    assert len(verdicts) == 8  # 4 scenarios x k=2
    failures = {
        key: t.score.reasons
        for t in tiny_run.run.tries
        if not t.passed
        for key in [(t.scenario.id, t.attempt)]
    }
    assert set(failures) == {("wa-tiny-wrong-en", 0), ("wa-tiny-wrong-en", 1)}, failures


def test_a_scripted_whatsapp_booking_is_scored_from_the_database(tiny_run: TinyRun) -> None:
    for result in tries(tiny_run, "wa-tiny-book-en"):
        [booked] = result.score.holdings.active_appointments
        assert (booked.specialty, booked.date, booked.part_of_day) == ("cardiology", "2026-12-02", "morning")
        assert booked.patient == "Maria Garcia"
        assert result.score.holdings.outcome == "booked"
        assert result.transcript.turns == 2 and all(e.replies for e in result.transcript.exchanges)
        assert {f.verdict for f in result.score.fields} == {"tp"}


def test_whatsapp_messages_took_the_queued_path_and_the_line_claimed_each_reply(tiny_run: TinyRun) -> None:
    for evidence in tiny_run.of("wa-tiny-book-en"):
        inbound = [m for m in evidence.messages if m.direction == "inbound"]
        outbound = [m for m in evidence.messages if m.direction == "outbound"]
        assert [m.body for m in inbound] == SCENARIOS["wa-tiny-book-en"].turns
        assert all(m.channel == "whatsapp" and m.processed and m.replied for m in inbound)
        assert len(outbound) == 2 and {m.sent_via for m in outbound} == {"line"}


def test_a_voice_call_goes_through_the_signed_webhook_and_continues_on_whatsapp(tiny_run: TinyRun) -> None:
    scenario = SCENARIOS["vo-tiny-voice-en"]
    assert scenario.voice is not None
    for result in tries(tiny_run, "vo-tiny-voice-en"):
        call = result.transcript.exchanges[0]
        assert call.kind == "call" and call.error is None and call.sent == scenario.voice.transcript
        assert call.replies, "the call's follow-up on WhatsApp"
        assert result.passed, result.score.reasons
    for evidence in tiny_run.of("vo-tiny-voice-en"):
        [call] = [m for m in evidence.messages if m.channel == "voice"]
        assert call.direction == "inbound" and call.processed and call.replied
        assert call.body == scenario.voice.transcript
        # the sandbox has no Twilio: the follow-up was kept in the database, never sent anywhere
        assert any(m.direction == "outbound" and m.error_code == "no_twilio" for m in evidence.messages)


def test_a_simulated_patient_on_a_shared_phone_is_registered_beside_the_demo_patient(
    tiny_run: TinyRun,
) -> None:
    for evidence in tiny_run.of("wa-tiny-simulated-es"):
        assert evidence.patients_on_phone == ["Ana Rodriguez", "Diego Rodriguez"]
    for result in tries(tiny_run, "wa-tiny-simulated-es"):
        assert result.passed, result.score.reasons
        assert result.transcript.stopped == "met"
        [booked] = result.score.holdings.active_appointments
        assert booked.patient == "Diego Rodriguez" and booked.specialty == "pediatrics"


def test_a_demo_patient_registered_by_a_scenario_is_not_duplicated(tiny_run: TinyRun) -> None:
    for evidence in tiny_run.of("wa-tiny-book-en") + tiny_run.of("vo-tiny-voice-en"):
        assert len(evidence.patients_on_phone) == 1


def test_a_failed_expectation_names_what_the_database_holds(tiny_run: TinyRun) -> None:
    for result in tries(tiny_run, "wa-tiny-wrong-en"):
        assert "appointment.specialty is cardiology, expected dermatology" in result.score.reasons


async def test_each_try_had_its_own_database_and_keys_and_both_are_gone(
    tiny_run: TinyRun, server_database_url: str, redis_url: str
) -> None:
    assert len(set(tiny_run.database_urls)) == 8 and len(set(tiny_run.checkpoint_prefixes)) == 8
    names = {url.rsplit("/", 1)[-1] for url in tiny_run.database_urls}

    def existing() -> set[str]:
        with psycopg.connect(libpq_url(server_database_url, "postgres")) as connection:
            rows = connection.execute("SELECT datname FROM pg_database").fetchall()
        return {row[0] for row in rows}

    assert not names & await asyncio.to_thread(existing)
    client = Redis.from_url(redis_url)
    try:
        for prefix in tiny_run.checkpoint_prefixes:
            assert [key async for key in client.scan_iter(match=f"{prefix}:*")] == []
    finally:
        await client.aclose()


async def test_a_voice_call_with_a_bad_phone_is_refused_by_the_webhook(sandboxes: SandboxFactory) -> None:
    scenario: Scenario = SCENARIOS["vo-tiny-voice-en"]
    async with sandboxes(scenario) as sandbox:
        assert isinstance(sandbox, EvalSandbox)
        with pytest.raises(RuntimeError, match="voice webhook answered 422"):
            await sandbox.line.call(
                {"call_id": "bad", "patient_phone": "12", "transcript": "hi", "duration_seconds": 3}
            )


async def test_the_agent_clock_starts_at_the_scenario_now(sandboxes: SandboxFactory) -> None:
    scenario = SCENARIOS["wa-tiny-book-en"]
    async with sandboxes(scenario) as sandbox:
        assert isinstance(sandbox, EvalSandbox)
        started: datetime = sandbox.runner.clock()
        assert abs((started - scenario.now).total_seconds()) < 60


async def test_a_try_is_scored_after_its_sandbox_closed(sandboxes: SandboxFactory) -> None:
    scenario = SCENARIOS["wa-tiny-book-en"]
    result = await run_try(scenario, attempt=0, sandboxes=sandboxes, simulator=OfflineSimulator)
    assert result.passed, result.score.reasons
    assert result.transcript.exchanges[-1].latency_ms > 0
