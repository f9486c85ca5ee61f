"""`prm eval nlu`'s body: it writes the report and its exit code gates CI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from api.eval_nlu_cli import EXIT_BAD_DATASET, EXIT_BELOW, REPORT_NAME, nlu_command

CASES = [
    {"id": "hi", "text": "hola", "language": "es", "now": "2026-12-01T09:00:00-05:00",
     "expect": {"intent": "greeting", "fields": {}}},
    {"id": "stop", "text": "STOP", "language": "en", "now": "2026-12-01T09:00:00-05:00",
     "expect": {"intent": "book", "fields": {}}},
]  # fmt: skip


@pytest.fixture
def dataset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("PRM_LLM_MODEL", raising=False)  # the offline understander
    path = tmp_path / "nlu.jsonl"
    path.write_text("\n".join(json.dumps(case) for case in CASES) + "\n", encoding="utf-8")
    return path


def test_writes_the_report_and_passes_without_a_threshold(
    dataset: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert nlu_command(dataset, out, None) == 0
    report = json.loads((out / REPORT_NAME).read_text(encoding="utf-8"))
    assert report["intent_accuracy"] == 0.5
    assert [m["id"] for m in report["mistakes"]] == ["stop"]
    printed = capsys.readouterr().out
    assert "intent accuracy" in printed and "50.0%" in printed and "book read as opt_out: 1" in printed


def test_below_fail_under_exits_non_zero(dataset: Path, tmp_path: Path) -> None:
    assert nlu_command(dataset, tmp_path / "out", 0.9) == EXIT_BELOW
    assert nlu_command(dataset, tmp_path / "out", 0.5) == 0


def test_a_bad_dataset_is_reported_with_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({**CASES[0], "extra": 1}) + "\n", encoding="utf-8")
    assert nlu_command(bad, tmp_path / "out", None) == EXIT_BAD_DATASET
    assert "bad.jsonl:1: extra: unknown key" in capsys.readouterr().out
    assert nlu_command(tmp_path / "missing.jsonl", tmp_path / "out", None) == EXIT_BAD_DATASET
    assert not (tmp_path / "out").exists()
