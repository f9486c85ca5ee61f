"""Two runs side by side: what broke (passed before, fails now), what was fixed, how the numbers moved.

Reads report.json files only, so a run of last week's commit and one of today's can be compared
without running anything again; scenarios present in one run only are listed apart.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class ReportError(ValueError):
    """A file that is not a report.json of `prm eval run` (the message names the file)."""


@dataclass(frozen=True)
class Delta:
    metric: str
    before: float | None
    after: float | None

    @property
    def change(self) -> float | None:
        return None if self.before is None or self.after is None else self.after - self.before


@dataclass
class Comparison:
    regressions: list[dict[str, Any]] = field(default_factory=list)  # {id, reasons}
    fixes: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    deltas: list[Delta] = field(default_factory=list)


def load_report(path: Path) -> dict[str, Any]:
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ReportError(f"{path}: cannot read a report ({error})") from error
    if not isinstance(report, dict) or not isinstance(report.get("scenarios"), list):
        raise ReportError(f"{path}: not a report.json (no scenarios list)")
    return report


def _get(data: Any, path: str) -> float | None:
    for key in path.split("."):
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return float(data) if isinstance(data, int | float) and not isinstance(data, bool) else None


def _metric_paths(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    paths = [
        "success_rate",
        "pass_hat_k",
        "metrics.fields.precision",
        "metrics.fields.recall",
        "metrics.turns.mean",
        "metrics.latency_ms.p50",
        "metrics.latency_ms.p95",
    ]
    for group in ("by_category", "by_outcome", "by_language", "by_channel"):
        names = {*before.get("metrics", {}).get(group, {}), *after.get("metrics", {}).get(group, {})}
        paths += [f"metrics.{group}.{name}.rate" for name in sorted(names)]
    return paths


def compare(before: dict[str, Any], after: dict[str, Any]) -> Comparison:
    """Regressions, fixes, scenarios added/removed and metric deltas from `before` to `after`."""
    old = {s["id"]: s for s in before["scenarios"]}
    new = {s["id"]: s for s in after["scenarios"]}
    result = Comparison(
        added=sorted(new.keys() - old.keys()),
        removed=sorted(old.keys() - new.keys()),
    )
    for sid in sorted(old.keys() & new.keys()):
        if old[sid]["passed"] and not new[sid]["passed"]:
            result.regressions.append({"id": sid, "reasons": list(new[sid].get("reasons", []))})
        elif not old[sid]["passed"] and new[sid]["passed"]:
            result.fixes.append(sid)
    for path in _metric_paths(before, after):
        delta = Delta(path.removeprefix("metrics."), _get(before, path), _get(after, path))
        if delta.before is not None or delta.after is not None:
            result.deltas.append(delta)
    return result
