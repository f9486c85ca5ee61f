"""A run's numbers: success rates, pass^k, field precision/recall, turns and reply latency.

pass^k is τ-bench's estimator of the chance that all k tries of a task succeed: for a scenario
tried n times with c successes, C(c, k) / C(n, k), averaged over scenarios. pass^1 is the success
rate; a falling curve from pass^1 to pass^k is an agent that is right only some of the time.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from evals.dataset import Scenario
from evals.runner import RunResult, TryResult
from evals.scoring import FieldResult

LATENCY_BINS = 12
_NAMED_FLOW = re.compile(r"^(?:wa|vo)-(?P<flow>.+)-(?:en|es)(?:-\d+)?$")


def category(scenario: Scenario) -> str:
    """The flow a scenario exercises, from the datasets' id convention `<wa|vo>-<flow>-<lang>[-<n>]`
    ("wa-book-new-en-010" → "book-new"); other ids fall back to their expected outcome."""
    named = _NAMED_FLOW.match(scenario.id)
    return named.group("flow") if named else scenario.expect.outcome


def pass_hat_k(successes: Mapping[str, Sequence[bool]], k: int) -> float | None:
    """τ-bench's pass^k over scenarios with at least k tries; None when there are none."""
    values = [
        math.comb(sum(tries), k) / math.comb(len(tries), k) for tries in successes.values() if len(tries) >= k
    ]
    return sum(values) / len(values) if values else None


def percentile(values: Sequence[float], q: float) -> float | None:
    """The q-th percentile (0–100), linearly interpolated between the nearest ranks (numpy's default;
    `statistics.quantiles(method="inclusive")`). The one method every report and benchmark uses, so
    their p95s mean the same thing."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def field_scores(results: Iterable[FieldResult]) -> dict[str, Any]:
    """Precision and recall of stored fields against expected ones, overall and per field."""
    per_field: dict[str, Counter[str]] = defaultdict(Counter)
    for result in results:
        per_field[result.field][result.verdict] += 1
    total: Counter[str] = sum(per_field.values(), Counter())

    def scores(counts: Counter[str]) -> dict[str, Any]:
        tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
        precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
        f1 = 2 * precision * recall / (precision + recall) if precision and recall else None
        return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}

    return {**scores(total), "by_field": {name: scores(per_field[name]) for name in sorted(per_field)}}


def rates_by(tries: Iterable[TryResult], key: Callable[[TryResult], str]) -> dict[str, dict[str, Any]]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for result in tries:
        counts[key(result)][0] += 1
        counts[key(result)][1] += result.passed
    return {
        name: {"tries": n, "passed": passed, "rate": passed / n}
        for name, (n, passed) in sorted(counts.items())
    }


def histogram(values: Sequence[float], bins: int = LATENCY_BINS) -> list[dict[str, float]]:
    """Equal-width bins from the smallest to the largest value (one bin when they are all equal)."""
    if not values:
        return []
    low, high = min(values), max(values)
    width = (high - low) / bins if high > low else 1.0
    counts = [0] * (bins if high > low else 1)
    for value in values:
        counts[min(int((value - low) / width), len(counts) - 1)] += 1
    return [
        {"from": round(low + i * width, 1), "to": round(low + (i + 1) * width, 1), "count": count}
        for i, count in enumerate(counts)
    ]


def _turns(tries: Sequence[TryResult]) -> dict[str, Any]:
    completed = [r.transcript.turns for r in tries if r.passed]
    everyone = Counter(r.transcript.turns for r in tries)
    return {
        "mean": sum(completed) / len(completed) if completed else None,
        "p50": percentile(completed, 50),
        "max": max(completed, default=None),
        "distribution": {str(turns): everyone[turns] for turns in sorted(everyone)},
        "completed_distribution": {str(t): n for t, n in sorted(Counter(completed).items())},
    }


def _latency(tries: Sequence[TryResult]) -> dict[str, Any]:
    values = [e.latency_ms for r in tries for e in r.transcript.exchanges if not e.error]
    return {
        "count": len(values),
        "mean": sum(values) / len(values) if values else None,
        "p50": percentile(values, 50),
        "p95": percentile(values, 95),
        "max": max(values, default=None),
        "histogram": histogram(values),
    }


def summarize(run: RunResult) -> dict[str, Any]:
    """Every metric of a run, as plain JSON-ready data."""
    tries = run.tries
    successes = {sid: [r.passed for r in results] for sid, results in run.by_scenario().items() if results}
    failed_checks = Counter(c.name for r in tries for c in r.score.checks if not c.passed)
    return {
        "scenarios": len(successes),
        "tries": len(tries),
        "k": run.k,
        "success_rate": _ratio(sum(r.passed for r in tries), len(tries)),
        "pass_hat": {str(k): pass_hat_k(successes, k) for k in range(1, run.k + 1)},
        "by_category": rates_by(tries, lambda r: category(r.scenario)),
        "by_outcome": rates_by(tries, lambda r: r.scenario.expect.outcome),
        "by_language": rates_by(tries, lambda r: r.scenario.language),
        "by_channel": rates_by(tries, lambda r: r.scenario.channel),
        "fields": field_scores(f for r in tries for f in r.score.fields),
        "turns": _turns(tries),
        "latency_ms": _latency(tries),
        "failed_checks": dict(failed_checks.most_common()),
    }
