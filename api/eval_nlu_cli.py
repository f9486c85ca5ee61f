"""`prm eval nlu DATASET --out DIR [--fail-under RATE]`: the understanding-only evaluation.

Scores the understander the settings choose (offline unless `PRM_LLM_MODEL` is set, exactly as
the agent would run) on an utterance dataset, writes `nlu_report.json` in DIR and prints a summary;
the exit code says whether intent accuracy reached `--fail-under`, so CI can gate on it.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from agents.model import make_understander
from api.settings import Settings
from evals.nlu import NluDatasetError, NluReport, run_nlu

REPORT_NAME = "nlu_report.json"
EXIT_BELOW = 1  # ran, but below --fail-under
EXIT_BAD_DATASET = 2


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def _summary(report: NluReport) -> Table:
    table = Table(title="Understanding")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row("utterances", str(report.cases))
    table.add_row("intent accuracy", _percent(report.intent_accuracy))
    for language, accuracy in report.intent_accuracy_by_language.items():
        table.add_row(f"  intent accuracy ({language})", _percent(accuracy))
    table.add_row("language accuracy", _percent(report.language_accuracy))
    table.add_row("fields precision", _percent(report.fields_micro.precision))
    table.add_row("fields recall", _percent(report.fields_micro.recall))
    table.add_row("cases with a mistake", str(len(report.mistakes)))
    return table


def _breakdown(report: NluReport) -> Table:
    table = Table(title="Per intent and per field")
    for column in ("name", "precision", "recall", "F1", "expected"):
        table.add_column(column, justify="left" if column == "name" else "right")
    for label, scores in [*report.intents.items(), *((f"field {k}", v) for k, v in report.fields.items())]:
        table.add_row(
            label,
            _percent(scores.precision),
            _percent(scores.recall),
            _percent(scores.f1),
            str(scores.support),
        )
    return table


def nlu_command(dataset: Path, out: Path, fail_under: float | None) -> int:
    """Run the evaluation and write its report; the return value is the process exit code."""
    console = Console()
    settings = Settings()
    models = settings.models
    understander = make_understander(
        models.llm_model,
        api_key=models.openai_api_key.get_secret_value() if models.openai_api_key else None,
        base_url=models.openai_base_url,
        timeout_s=models.llm_timeout_s,
    )
    try:
        report = run_nlu(dataset, understander=understander, tz=settings.tz)
    except (NluDatasetError, OSError) as error:
        console.print(f"[red]cannot evaluate:[/red] {error}", soft_wrap=True)
        return EXIT_BAD_DATASET
    out.mkdir(parents=True, exist_ok=True)
    (out / REPORT_NAME).write_text(report.to_json() + "\n", encoding="utf-8")
    console.print(_summary(report))
    console.print(_breakdown(report))
    for confusion in report.confusion[:10]:
        console.print(f"  {confusion.expected} read as {confusion.observed}: {confusion.count}")
    console.print(f"report: {out / REPORT_NAME}", soft_wrap=True)
    if fail_under is not None and report.intent_accuracy < fail_under:
        console.print(
            f"[red]intent accuracy {report.intent_accuracy:.1%} is below --fail-under {fail_under:.1%}[/red]"
        )
        return EXIT_BELOW
    return 0
