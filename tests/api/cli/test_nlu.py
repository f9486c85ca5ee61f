"""`prm eval nlu`'s body: it writes the report and its exit code gates CI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from api.cli.common import EXIT_BAD_INPUT as EXIT_BAD_DATASET
from api.cli.common import EXIT_BELOW
from api.cli.nlu import REPORT_NAME, Gates, nlu_command

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
    assert nlu_command(dataset, out, Gates()) == 0
    report = json.loads((out / REPORT_NAME).read_text(encoding="utf-8"))
    assert report["intent_accuracy"] == 0.5
    assert [m["id"] for m in report["mistakes"]] == ["stop"]
    printed = capsys.readouterr().out
    assert "intent accuracy" in printed and "50.0%" in printed and "book read as opt_out: 1" in printed


def test_below_fail_under_exits_non_zero(dataset: Path, tmp_path: Path) -> None:
    assert nlu_command(dataset, tmp_path / "out", Gates(intent_accuracy=0.9)) == EXIT_BELOW
    assert nlu_command(dataset, tmp_path / "out", Gates(intent_accuracy=0.5)) == 0


def test_a_bad_dataset_is_reported_with_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({**CASES[0], "extra": 1}) + "\n", encoding="utf-8")
    assert nlu_command(bad, tmp_path / "out", Gates()) == EXIT_BAD_DATASET
    assert "bad.jsonl:1: extra: unknown key" in capsys.readouterr().out
    assert nlu_command(tmp_path / "missing.jsonl", tmp_path / "out", Gates()) == EXIT_BAD_DATASET
    assert not (tmp_path / "out").exists()


SAFETY = [
    {"id": "s-en-1", "text": "his face is drooping and he's slurring his words", "language": "en",
     "now": "2026-12-01T09:00:00-05:00", "scope": "safety",
     "expect": {"intent": None, "fields": {"red_flag": "stroke"}}},
    {"id": "s-es-1", "text": "mi bebé tiene fiebre y está muy decaído, no despierta", "language": "es",
     "now": "2026-12-01T09:00:00-05:00", "scope": "safety",
     "expect": {"intent": None, "fields": {"red_flag": "child_fever"}}},
    {"id": "s-es-2", "text": "la presión de la llanta está baja", "language": "es",
     "now": "2026-12-01T09:00:00-05:00", "scope": "safety", "expect": {"intent": None, "fields": {}}},
    {"id": "s-en-2", "text": "the pain in my knee is killing me", "language": "en",
     "now": "2026-12-01T09:00:00-05:00", "scope": "safety",
     "expect": {"intent": None, "fields": {"red_flag": "other_emergency"}}},
]  # fmt: skip


def test_red_flag_recall_is_reported_per_language_and_gated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("PRM_LLM_MODEL", raising=False)
    path = tmp_path / "safety.jsonl"
    path.write_text("\n".join(json.dumps(case) for case in SAFETY) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    # s-en-2 is mislabelled on purpose: a "positive" the detector rightly leaves alone: English recall 1/2
    assert nlu_command(path, out, Gates(red_flag_recall=0.99)) == EXIT_BELOW
    printed = capsys.readouterr().out
    assert "red-flag recall (en) 50.0% is below 99.0%" in printed
    assert "red-flag recall (es)" not in printed
    assert "missed other_emergency (s-en-2)" in printed
    report = json.loads((out / REPORT_NAME).read_text(encoding="utf-8"))
    flags = report["red_flags"]
    assert flags["by_language"]["es"]["recall"] == 1.0 and flags["by_language"]["es"]["precision"] == 1.0
    assert flags["by_language"]["en"]["recall"] == 0.5 and report["intent_accuracy"] is None
    assert [m["id"] for m in flags["misses"]] == ["s-en-2"] and flags["false_alarms"] == []
    assert nlu_command(path, out, Gates(red_flag_recall=0.5, red_flag_precision=1.0)) == 0
