"""Two runs compared from their report.json files: regressions, fixes, and how the numbers moved."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from evals.compare import ReportError, compare, load_report


def report(passed: dict[str, bool], *, latency_p95: float, category_rate: float) -> dict[str, Any]:
    rate = sum(passed.values()) / len(passed)
    return {
        "success_rate": rate,
        "pass_hat_k": rate / 2,
        "metrics": {
            "by_category": {"book-new": {"tries": 2, "passed": 1, "rate": category_rate}},
            "by_language": {"en": {"tries": 2, "passed": 1, "rate": rate}},
            "latency_ms": {"p50": 100.0, "p95": latency_p95},
            "fields": {"precision": 1.0, "recall": None},
        },
        "scenarios": [
            {"id": sid, "passed": ok, "reasons": [] if ok else [f"{sid} broke"], "turns": 2, "transcript": []}
            for sid, ok in passed.items()
        ],
    }


def test_regressions_fixes_and_scenarios_in_one_run_only() -> None:
    before = report({"a": True, "b": False, "c": True, "gone": True}, latency_p95=900, category_rate=0.5)
    after = report({"a": False, "b": True, "c": True, "new": False}, latency_p95=1200, category_rate=1.0)
    result = compare(before, after)
    assert result.regressions == [{"id": "a", "reasons": ["a broke"]}]
    assert result.fixes == ["b"] and result.added == ["new"] and result.removed == ["gone"]
    deltas = {d.metric: d for d in result.deltas}
    assert deltas["latency_ms.p95"].change == pytest.approx(300)
    assert deltas["by_category.book-new.rate"].change == pytest.approx(0.5)
    assert deltas["success_rate"].before == 0.75 and deltas["success_rate"].after == 0.5
    assert "fields.recall" not in deltas  # undefined on both sides: nothing to show
    assert "turns.mean" not in deltas  # in neither report


def test_a_file_that_is_not_a_report_is_named(tmp_path: Path) -> None:
    broken, other = tmp_path / "broken.json", tmp_path / "other.json"
    broken.write_text("{not json", encoding="utf-8")
    other.write_text(json.dumps({"success_rate": 1}), encoding="utf-8")
    with pytest.raises(ReportError, match=r"broken\.json: cannot read a report"):
        load_report(broken)
    with pytest.raises(ReportError, match=r"other\.json: not a report\.json"):
        load_report(other)
