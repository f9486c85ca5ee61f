"""Run metrics on known numbers: τ-bench's pass^k, field precision/recall, percentiles, breakdowns."""

from __future__ import annotations

from datetime import UTC, datetime
from math import comb
from pathlib import Path

import pytest

from evals.dataset import load_scenarios
from evals.metrics import field_scores, histogram, pass_hat_k, percentile, summarize
from evals.observed import Holdings
from evals.runner import RunResult, TryResult
from evals.scoring import Check, FieldResult, Score
from evals.transcript import Exchange, Transcript

SCENARIOS = load_scenarios(Path(__file__).parent / "data" / "tiny.jsonl")


def test_pass_hat_k_is_the_tau_bench_estimator() -> None:
    tries = {"a": [True, True, True], "b": [True, True, False], "c": [False, False, False]}
    assert pass_hat_k(tries, 1) == pytest.approx((1 + 2 / 3 + 0) / 3)  # the success rate
    assert pass_hat_k(tries, 2) == pytest.approx((1 + comb(2, 2) / comb(3, 2) + 0) / 3)  # 4/9
    assert pass_hat_k(tries, 3) == pytest.approx(1 / 3)  # only "a" never failed
    four = {"d": [True, True, True, False]}  # C(3,2)/C(4,2) = 3/6
    assert pass_hat_k(four, 2) == pytest.approx(0.5)
    assert pass_hat_k(tries, 4) is None  # no scenario was tried four times


def test_precision_counts_disagreements_and_recall_counts_what_is_missing() -> None:
    results = [
        FieldResult("appointment.specialty", "cardiology", "cardiology"),  # tp
        FieldResult("appointment.specialty", "dermatology", "cardiology"),  # fp: stored, but wrong
        FieldResult("appointment.date", "2026-12-02", "2026-12-02"),  # tp
        FieldResult("appointment.date", "2026-12-03", None),  # fn: nothing stored
        FieldResult("appointment.practitioner", "Dr. Priya Raman", "Priya Raman"),  # tp: same doctor
        FieldResult("ticket.category", "billing", None),  # fn
    ]
    scores = field_scores(results)
    assert (scores["tp"], scores["fp"], scores["fn"]) == (3, 1, 2)
    assert scores["precision"] == pytest.approx(3 / 4) and scores["recall"] == pytest.approx(3 / 5)
    assert scores["f1"] == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    specialty = scores["by_field"]["appointment.specialty"]
    assert specialty["precision"] == 0.5 and specialty["recall"] == 1.0
    assert scores["by_field"]["ticket.category"]["precision"] is None  # nothing stored: undefined
    assert scores["by_field"]["ticket.category"]["recall"] == 0.0


def test_percentiles_and_histograms() -> None:
    values = [100.0, 200.0, 300.0, 400.0, 1000.0]
    assert percentile(values, 50) == 300.0 and percentile(values, 95) == pytest.approx(880.0)
    assert percentile([], 50) is None and percentile([7.0], 95) == 7.0
    bins = histogram(values, bins=3)
    assert [b["count"] for b in bins] == [3, 1, 1] and bins[0]["from"] == 100.0 and bins[-1]["to"] == 1000.0
    assert histogram([5.0, 5.0]) == [{"from": 5.0, "to": 6.0, "count": 2}]


def _try(index: int, attempt: int, passed: bool, turns: int, latency_ms: float) -> TryResult:
    scenario = SCENARIOS[index]
    exchanges = [Exchange("message", "hi", ["hello"], latency_ms) for _ in range(turns)]
    checks = [
        Check("outcome", passed, [] if passed else ["expected outcome booked, the database shows nothing"])
    ]
    fields = [FieldResult("appointment.specialty", "cardiology", "cardiology" if passed else None)]
    return TryResult(scenario, attempt, Transcript(exchanges), Score(checks, fields, Holdings()), 0.1)


def test_a_run_summary_breaks_success_down_and_measures_turns_and_latency() -> None:
    tries = [
        _try(0, 0, True, 2, 100), _try(0, 1, True, 2, 300),  # whatsapp en: 2/2
        _try(1, 0, True, 3, 200), _try(1, 1, False, 6, 400),  # whatsapp es: 1/2
        _try(2, 0, False, 1, 500), _try(2, 1, False, 1, 600),  # voice en: 0/2
    ]  # fmt: skip
    run = RunResult(tries, 2, datetime.now(UTC), 1.0, 2, SCENARIOS[:3])
    metrics = summarize(run)
    assert metrics["scenarios"] == 3 and metrics["tries"] == 6
    assert metrics["success_rate"] == pytest.approx(0.5)
    assert metrics["pass_hat"] == {"1": pytest.approx(0.5), "2": pytest.approx(1 / 3)}
    assert metrics["by_language"] == {
        "en": {"tries": 4, "passed": 2, "rate": 0.5},
        "es": {"tries": 2, "passed": 1, "rate": 0.5},
    }
    assert metrics["by_channel"]["voice"] == {"tries": 2, "passed": 0, "rate": 0.0}
    assert metrics["by_outcome"]["booked"]["passed"] == 3
    assert metrics["fields"]["recall"] == pytest.approx(0.5) and metrics["fields"]["precision"] == 1.0
    turns = metrics["turns"]  # to completion: the passed tries only
    assert turns["mean"] == pytest.approx(7 / 3) and turns["p50"] == 2 and turns["max"] == 3
    assert turns["distribution"] == {"1": 2, "2": 2, "3": 1, "6": 1}
    latency = metrics["latency_ms"]
    assert latency["count"] == 2 * 2 + 3 + 6 + 1 + 1 and latency["p50"] == 400.0
    assert metrics["failed_checks"] == {"outcome": 3}
