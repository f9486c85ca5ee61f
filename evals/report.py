"""report.json (read by other tools and by `prm eval compare`) and a self-contained report.html.

The JSON keeps the contract's keys (`success_rate`, `pass_hat_k` when k > 1, `metrics`,
`scenarios: [{id, passed, reasons, turns, transcript}]`) and adds what a person needs to act on a
failure: every check, what was expected and what the database holds. With k tries a scenario
passes only when every try did; its entry shows the first failed try (or the first try).
The HTML needs no network: CSS and SVG charts are inline, so it can be attached to a CI run.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from evals import charts
from evals.metrics import category, summarize
from evals.runner import RunResult, TryResult

TEMPLATES = Path(__file__).parent / "templates"
REPORT_JSON, REPORT_HTML = "report.json", "report.html"
FORMAT_VERSION = 1


def _scenario(tries: list[TryResult]) -> dict[str, Any]:
    shown = next((t for t in tries if not t.passed), tries[0])
    scenario = shown.scenario
    return {
        "id": scenario.id,
        "passed": all(t.passed for t in tries),
        "reasons": shown.score.reasons,
        "turns": shown.transcript.turns,
        "transcript": shown.transcript.to_json(),
        "channel": scenario.channel,
        "language": scenario.language,
        "outcome": scenario.expect.outcome,
        "category": category(scenario),
        "tries": len(tries),
        "passes": sum(t.passed for t in tries),
        "shown_try": shown.attempt,
        "stopped": shown.transcript.stopped,
        "checks": [{"name": c.name, "passed": c.passed, "reasons": c.reasons} for c in shown.score.checks],
        "expected": scenario.expect.model_dump(mode="json"),
        "database": shown.score.holdings.to_json(),
        "fields": [
            {"field": f.field, "expected": f.expected, "stored": f.stored, "verdict": f.verdict}
            for f in shown.score.fields
        ],
        "duration_s": shown.duration_s,
    }


def build_report(run: RunResult, *, dataset: str, model: str) -> dict[str, Any]:
    """The report as JSON-ready data."""
    metrics = summarize(run)
    report: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "dataset": dataset,
        "model": model,
        "k": run.k,
        "concurrency": run.concurrency,
        "started_at": run.started_at.isoformat(),
        "duration_s": run.duration_s,
        "success_rate": metrics["success_rate"],
    }
    if run.k > 1:
        report["pass_hat_k"] = metrics["pass_hat"][str(run.k)]
    report["metrics"] = metrics
    report["scenarios"] = [_scenario(tries) for tries in run.by_scenario().values() if tries]
    return report


def _charts(report: dict[str, Any]) -> dict[str, Markup]:
    metrics = report["metrics"]
    categories = [
        (name, row["rate"], f"{row['passed']}/{row['tries']}") for name, row in metrics["by_category"].items()
    ]
    latency = [(f"{b['from']:.0f}", int(b["count"])) for b in metrics["latency_ms"]["histogram"]]
    turns = [(name, int(count)) for name, count in metrics["turns"]["distribution"].items()]
    return {
        "categories": charts.success_bars(categories),
        "latency": charts.columns(latency, label="reply latency", x_title="reply latency (ms, bin start)"),
        "turns": charts.columns(turns, label="turns per try", x_title="turns used"),
    }


def render_html(report: dict[str, Any]) -> str:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "jinja"]), trim_blocks=True
    )
    environment.filters["percent"] = lambda v: "—" if v is None else f"{v:.1%}"
    environment.filters["number"] = lambda v, digits=0: "—" if v is None else f"{v:,.{digits}f}"
    template = environment.get_template("report.html.jinja")
    failed = [s for s in report["scenarios"] if not s["passed"]]
    return template.render(report=report, metrics=report["metrics"], charts=_charts(report), failed=failed)


def write_report(report: dict[str, Any], out: Path) -> tuple[Path, Path]:
    """Write report.json and report.html into `out` (created if needed); returns both paths."""
    out.mkdir(parents=True, exist_ok=True)
    json_path, html_path = out / REPORT_JSON, out / REPORT_HTML
    json_path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    html_path.write_text(render_html(report), encoding="utf-8")
    return json_path, html_path
