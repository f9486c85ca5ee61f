"""`prm eval run` and `prm eval compare` as a CI job calls them: files written, exit codes that gate.

`run` plays two scenarios of tests/evals/data/tiny.jsonl (one passes, one cannot) against the test
servers, through the same sandboxes as any run; `compare` then reads the report it wrote.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from api.cli import app

TINY = Path(__file__).resolve().parents[2] / "evals" / "data" / "tiny.jsonl"
PICKED = ("wa-tiny-book-en", "wa-tiny-wrong-en")


@pytest.fixture
def cli_env(
    monkeypatch: pytest.MonkeyPatch, make_database: Callable[[], str], redis_url: str, data_dir: Path
) -> None:
    """The CLI on the test servers (its own empty database, migrated by the command itself)."""
    monkeypatch.setenv("DATABASE_URL", make_database())
    monkeypatch.setenv("REDIS_URL", redis_url)
    monkeypatch.setenv("PRM_DATA_DIR", str(data_dir))
    monkeypatch.setenv("PRM_ENV", "test")
    monkeypatch.delenv("PRM_LLM_MODEL", raising=False)


def two_scenarios(tmp_path: Path) -> Path:
    lines = [
        line for line in TINY.read_text(encoding="utf-8").splitlines() if json.loads(line)["id"] in PICKED
    ]
    path = tmp_path / "two.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def invoke(*args: str) -> Any:
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_run_writes_both_reports_and_fails_under_the_threshold(cli_env: None, tmp_path: Path) -> None:
    out = tmp_path / "run"
    result = invoke(
        "eval", "run", str(two_scenarios(tmp_path)), "--out", str(out), "--model", "offline",
        "--concurrency", "2", "--fail-under", "0.9",
    )  # fmt: skip
    assert result.exit_code == 1, result.output
    assert "below --fail-under" in result.output and "wa-tiny-wrong-en" in result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["success_rate"] == 0.5 and report["model"] == "offline" and "pass_hat_k" not in report
    assert {s["id"]: s["passed"] for s in report["scenarios"]} == {PICKED[0]: True, PICKED[1]: False}
    assert "wa-tiny-wrong-en" in (out / "report.html").read_text(encoding="utf-8")

    # the same run against itself with one scenario broken: compare names it and gates on it
    broken = json.loads(json.dumps(report))
    broken["scenarios"][0].update(
        passed=False, reasons=["expected outcome booked, the conversation ended as none"]
    )
    broken["success_rate"] = 0.0
    later = tmp_path / "later.json"
    later.write_text(json.dumps(broken), encoding="utf-8")
    compared = invoke("eval", "compare", str(out / "report.json"), str(later))
    assert compared.exit_code == 0, compared.output  # no gate asked for
    assert "Regressions (1)" in compared.output and "wa-tiny-book-en" in compared.output
    assert "-50.0%" in compared.output  # the success rate's change
    gated = invoke("eval", "compare", str(out / "report.json"), str(later), "--fail-on-regression")
    assert gated.exit_code == 1 and "1 scenario(s) regressed" in gated.output
    assert (
        invoke("eval", "compare", str(later), str(out / "report.json"), "--fail-under", "0.5").exit_code == 0
    )
    below = invoke("eval", "compare", str(out / "report.json"), str(later), "--fail-under", "0.5")
    assert below.exit_code == 1 and "below --fail-under" in below.output


def test_a_bad_dataset_exits_2_naming_the_line_and_key(tmp_path: Path) -> None:
    scenario = json.loads(TINY.read_text(encoding="utf-8").splitlines()[0])
    scenario["expect"]["outcom"] = "booked"
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(scenario) + "\n", encoding="utf-8")
    result = invoke("eval", "run", str(bad), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2 and "bad.jsonl:1: expect.outcom: unknown key" in result.output
    assert not (tmp_path / "out").exists()


def test_compare_refuses_a_file_that_is_not_a_report(tmp_path: Path) -> None:
    other = tmp_path / "other.json"
    other.write_text("[]", encoding="utf-8")
    result = invoke("eval", "compare", str(other), str(other))
    assert result.exit_code == 2 and "not a report.json" in result.output
