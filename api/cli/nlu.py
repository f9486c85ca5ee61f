"""`prm eval nlu DATASET --out DIR [--fail-under RATE] [--red-flag-recall R] [--red-flag-precision P]`.

Scores the understander the settings choose (offline unless `PRM_LLM_MODEL` is set, exactly as
the agent would run) on an utterance dataset, writes `nlu_report.json` in DIR and prints a summary
and the red-flag detection (recall and precision per language, every miss); the exit code says
whether intent accuracy and red-flag recall and precision reached their gates, so CI can gate on
them. Red-flag gates hold for every language on its own: a good English score cannot hide a
Spanish miss.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.table import Table

from agents.model import make_understander
from agents.understanding import RedFlagReader, SemanticScreen
from api.cli.common import EXIT_BAD_INPUT, EXIT_BELOW, console, percent
from api.settings import Settings
from evals.nlu import NluDatasetError, NluReport, run_nlu
from store.knowledge.embeddings import make_embedder

REPORT_NAME = "nlu_report.json"


def _summary(report: NluReport) -> Table:
    table = Table(title="Understanding")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row("utterances", str(report.cases))
    table.add_row("intent accuracy", percent(report.intent_accuracy))
    for language, accuracy in report.intent_accuracy_by_language.items():
        table.add_row(f"  intent accuracy ({language})", percent(accuracy))
    table.add_row("language accuracy", percent(report.language_accuracy))
    table.add_row("fields precision", percent(report.fields_micro.precision))
    table.add_row("fields recall", percent(report.fields_micro.recall))
    table.add_row("cases with a mistake", str(len(report.mistakes)))
    return table


def _breakdown(report: NluReport) -> Table:
    table = Table(title="Per intent and per field")
    for column in ("name", "precision", "recall", "F1", "expected"):
        table.add_column(column, justify="left" if column == "name" else "right")
    for label, scores in [*report.intents.items(), *((f"field {k}", v) for k, v in report.fields.items())]:
        table.add_row(
            label,
            percent(scores.precision),
            percent(scores.recall),
            percent(scores.f1),
            str(scores.support),
        )
    return table


@dataclass(frozen=True)
class Gates:
    """The bars a run must reach (None: not gated)."""

    intent_accuracy: float | None = None
    red_flag_recall: float | None = None
    red_flag_precision: float | None = None


def _safety(report: NluReport) -> Table:
    flags = report.red_flags
    table = Table(title="Red flags (an emergency missed is the worst mistake)")
    for column in ("", "recall", "precision", "positives", "flagged"):
        table.add_column(column, justify="left" if not column else "right")
    rows = [
        ("all", flags.detection),
        *flags.by_language.items(),
        *((f"  {k}", v) for k, v in flags.by_kind.items()),
    ]
    for label, scores in rows:
        table.add_row(
            label,
            percent(scores.recall),
            percent(scores.precision),
            str(scores.support),
            str(scores.predicted),
        )
    table.add_row("kind right", percent(flags.kind_accuracy), "", "", "")
    return table


def _below(report: NluReport, gates: Gates) -> list[str]:
    """What fell short of its gate, in words."""
    short: list[str] = []
    accuracy = report.intent_accuracy
    if gates.intent_accuracy is not None and (accuracy is None or accuracy < gates.intent_accuracy):
        short.append(f"intent accuracy {percent(accuracy)} is below --fail-under {gates.intent_accuracy:.1%}")
    flags = report.red_flags
    for language, scores in flags.by_language.items():
        for name, value, gate in (
            ("recall", scores.recall, gates.red_flag_recall),
            ("precision", scores.precision, gates.red_flag_precision),
        ):
            if gate is not None and (value is None or value < gate):
                short.append(f"red-flag {name} ({language}) {percent(value)} is below {gate:.1%}")
    return short


def nlu_command(dataset: Path, out: Path, gates: Gates) -> int:
    """Run the evaluation and write its report; the return value is the process exit code."""
    settings = Settings()
    models = settings.models
    understander = make_understander(
        models.llm_model,
        api_key=models.openai_api_key.get_secret_value() if models.openai_api_key else None,
        base_url=models.openai_base_url,
        timeout_s=models.llm_timeout_s,
    )
    api_key = models.openai_api_key.get_secret_value() if models.openai_api_key else None
    embedder = make_embedder(models.embeddings, api_key=api_key, base_url=models.openai_base_url)
    red_flags = RedFlagReader(SemanticScreen(embedder))  # the reader the agent runs (api/agent.py)
    try:
        report = run_nlu(dataset, understander=understander, tz=settings.tz, red_flags=red_flags)
    except (NluDatasetError, OSError) as error:
        console.print(f"[red]cannot evaluate:[/red] {error}", soft_wrap=True)
        return EXIT_BAD_INPUT
    out.mkdir(parents=True, exist_ok=True)
    (out / REPORT_NAME).write_text(report.to_json() + "\n", encoding="utf-8")
    console.print(_summary(report))
    console.print(_breakdown(report))
    for confusion in report.confusion[:10]:
        console.print(f"  {confusion.expected} read as {confusion.observed}: {confusion.count}")
    console.print(_safety(report))
    for miss in report.red_flags.misses:
        console.print(
            f"  missed {miss.expected} ({miss.id}): {miss.text}", style="red", soft_wrap=True, markup=False
        )
    for alarm in report.red_flags.false_alarms[:20]:
        console.print(
            f"  false alarm {alarm.observed} ({alarm.id}): {alarm.text}", soft_wrap=True, markup=False
        )
    console.print(f"report: {out / REPORT_NAME}", soft_wrap=True)
    short = _below(report, gates)
    for line in short:
        console.print(f"[red]{line}[/red]")
    return EXIT_BELOW if short else 0
