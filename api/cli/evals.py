"""`prm eval`: score the agent on a scenario dataset, compare two runs, score the understanding alone.

`run` exits 1 when the success rate is below `--fail-under` (CI gates on it) and 2 when the
dataset cannot be used; `compare` exits 1 with `--fail-on-regression` when a scenario that passed
fails, or with `--fail-under` when the later run's success rate is below it (2: not a report).
"""

from __future__ import annotations

import fnmatch
import logging
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from api.cli.common import EXIT_BAD_INPUT, EXIT_BELOW, console, number, percent, with_runtime
from evals.compare import Comparison, ReportError, compare, load_report
from evals.dataset import Scenario, load_scenarios
from evals.jsonl import DatasetError

eval_app = typer.Typer(no_args_is_help=True, help="Offline evaluation: scenario runs, comparisons, NLU.")
FAILURES_SHOWN = 15


def _select(dataset: Path, only: str | None) -> list[Scenario]:
    try:
        scenarios = load_scenarios(dataset)
    except (DatasetError, OSError) as error:
        console.print(f"[red]cannot use the dataset:[/red] {error}", soft_wrap=True)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    if only:
        scenarios = [s for s in scenarios if fnmatch.fnmatchcase(s.id, only) or only in s.id]
        if not scenarios:
            console.print(f"[red]no scenario id matches --only {only!r}[/red]")
            raise typer.Exit(EXIT_BAD_INPUT)
    return scenarios


def _summary(report: dict[str, Any]) -> Table:
    metrics = report["metrics"]
    table = Table(title=f"Evaluation: {metrics['scenarios']} scenarios, {metrics['tries']} tries")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row("success rate", percent(report["success_rate"]))
    if "pass_hat_k" in report:
        table.add_row(f"pass^{report['k']}", percent(report["pass_hat_k"]))
    for group in ("by_category", "by_language", "by_channel"):
        table.add_row(f"[dim]{group.replace('_', ' ')}[/dim]", "")
        for name, row in metrics[group].items():
            table.add_row(f"  {name}", f"{percent(row['rate'])} ({row['passed']}/{row['tries']})")
    fields, turns, latency = metrics["fields"], metrics["turns"], metrics["latency_ms"]
    table.add_row("field precision / recall", f"{percent(fields['precision'])} / {percent(fields['recall'])}")
    table.add_row("turns to completion mean / p50", f"{number(turns['mean'], 1)} / {number(turns['p50'], 1)}")
    table.add_row("reply latency p50 / p95 (ms)", f"{number(latency['p50'])} / {number(latency['p95'])}")
    return table


def _failures(report: dict[str, Any]) -> Table | None:
    failed = [s for s in report["scenarios"] if not s["passed"]]
    if not failed:
        return None
    table = Table(title=f"Failed scenarios ({len(failed)})")
    table.add_column("scenario")
    table.add_column("why")
    for scenario in failed[:FAILURES_SHOWN]:
        table.add_row(scenario["id"], "; ".join(scenario["reasons"][:3]))
    if len(failed) > FAILURES_SHOWN:
        table.add_row("…", f"{len(failed) - FAILURES_SHOWN} more in report.html")
    return table


@eval_app.command("run")
def run_command(
    dataset: Annotated[Path, typer.Argument(help="Scenario dataset (JSONL).")],
    out: Annotated[Path, typer.Option(help="Where report.json and report.html go.")] = Path("eval-report"),
    k: Annotated[int, typer.Option(min=1, help="Tries per scenario (pass^k).")] = 1,
    model: Annotated[
        str | None, typer.Option(help="'offline', or a model name (default: PRM_LLM_MODEL, else offline).")
    ] = None,
    concurrency: Annotated[int, typer.Option(min=1, help="Tries played at once.")] = 4,
    fail_under: Annotated[
        float | None, typer.Option(min=0.0, max=1.0, help="Exit 1 when the success rate is below this.")
    ] = None,
    only: Annotated[
        str | None, typer.Option(help="Scenario ids matching this glob (or containing it).")
    ] = None,
) -> None:
    """Play every scenario in an isolated clinic, score it from the database, write the reports."""
    from api.evals import open_sandboxes, with_model
    from api.runtime import Runtime
    from api.settings import Settings
    from evals.report import build_report, write_report
    from evals.runner import RunResult, run_scenarios

    scenarios = _select(dataset, only)
    settings = with_model(Settings(), model)
    # the sandboxes keep replies in the database on purpose (no Twilio): not worth a warning each
    logging.getLogger("channels.outbound").setLevel(logging.ERROR)

    async def work(runtime: Runtime) -> RunResult:
        async with open_sandboxes(settings, runtime.urls, embedder=runtime.embedder) as sandboxes:
            return await run_scenarios(
                scenarios,
                sandboxes=sandboxes,
                k=k,
                concurrency=concurrency,
                simulator=_simulator(settings),
                console=console,
            )

    run = with_runtime(work)
    report = build_report(run, dataset=str(dataset), model=settings.models.llm_model or "offline")
    json_path, html_path = write_report(report, out)
    console.print(_summary(report))
    if failures := _failures(report):
        console.print(failures)
    console.print(f"reports: {json_path}  {html_path}", soft_wrap=True)
    if fail_under is not None and (report["success_rate"] or 0.0) < fail_under:
        rate = percent(report["success_rate"])
        console.print(f"[red]success rate {rate} is below --fail-under {fail_under:.1%}[/red]")
        raise typer.Exit(EXIT_BELOW)


def _simulator(settings: Any) -> Any:
    """The offline simulator, or the model one when the agent has a model (same endpoint)."""
    from agents.model.client import chat_model
    from evals.simulator import OfflineSimulator, model_simulator

    models = settings.models
    if not models.llm_model:
        return OfflineSimulator
    api_key = models.openai_api_key.get_secret_value() if models.openai_api_key else None
    llm = chat_model(models.llm_model, api_key=api_key, base_url=models.openai_base_url, timeout_s=30)
    return model_simulator(llm)


def _comparison_tables(result: Comparison) -> list[Table]:
    regressions = Table(title=f"Regressions ({len(result.regressions)}): passed before, fail now")
    regressions.add_column("scenario")
    regressions.add_column("why it fails now")
    for item in result.regressions:
        regressions.add_row(item["id"], "; ".join(item["reasons"][:3]))
    deltas = Table(title="Metrics")
    for column in ("metric", "before", "after", "change"):
        deltas.add_column(column, justify="left" if column == "metric" else "right")
    for delta in result.deltas:
        latency = "latency" in delta.metric or "turns" in delta.metric
        show = (lambda v: number(v, 1)) if latency else percent
        change = (
            "—" if delta.change is None else (f"{delta.change:+,.1f}" if latency else f"{delta.change:+.1%}")
        )
        deltas.add_row(delta.metric, show(delta.before), show(delta.after), change)
    return [regressions, deltas]


@eval_app.command("export")
def export_command(
    out: Annotated[Path, typer.Option(help="The JSONL file to write.")],
    annotated: Annotated[
        bool, typer.Option("--annotated", help="Turns annotated in the console (the only source today).")
    ] = False,
) -> None:
    """Write the turns staff annotated in the console as scenarios for `prm eval run`, disguised."""
    from api.runtime import Runtime
    from evals.export import annotated_scenarios, as_jsonl
    from store.audit import service as audit
    from store.database import transaction

    if not annotated:
        console.print("[red]say what to export: --annotated[/red]")
        raise typer.Exit(EXIT_BAD_INPUT)

    async def work(runtime: Runtime) -> int:
        async with transaction(runtime.sessions) as session:
            scenarios = await annotated_scenarios(session, tz=runtime.settings.tz)
            await audit.record(  # transcripts left the database, disguised: say who took them
                session,
                actor="cli:prm eval export",
                action="annotation.export",
                resource_type="trace",
                details={"scenarios": len(scenarios)},
            )
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(as_jsonl(scenarios), encoding="utf-8")
        return len(scenarios)

    count = with_runtime(work)
    console.print(f"{count} annotated scenario{'s' if count != 1 else ''} written to {out}", soft_wrap=True)


@eval_app.command("compare")
def compare_command(
    before: Annotated[Path, typer.Argument(help="The earlier run's report.json.")],
    after: Annotated[Path, typer.Argument(help="The later run's report.json.")],
    fail_on_regression: Annotated[bool, typer.Option(help="Exit 1 when any scenario regressed.")] = False,
    fail_under: Annotated[
        float | None,
        typer.Option(min=0.0, max=1.0, help="Exit 1 when the later run's success rate is below this."),
    ] = None,
) -> None:
    """Per-scenario regressions and fixes, and metric deltas, between two runs."""
    try:
        result = compare(load_report(before), load_report(after))
    except ReportError as error:
        console.print(f"[red]{error}[/red]", soft_wrap=True)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    for table in _comparison_tables(result):
        console.print(table)
    console.print(f"fixed ({len(result.fixes)}): {', '.join(result.fixes) or '—'}", soft_wrap=True)
    if result.added or result.removed:
        console.print(f"only in the later run: {', '.join(result.added) or '—'}", soft_wrap=True)
        console.print(f"only in the earlier run: {', '.join(result.removed) or '—'}", soft_wrap=True)
    failed = False
    if fail_on_regression and result.regressions:
        console.print(f"[red]{len(result.regressions)} scenario(s) regressed[/red]")
        failed = True
    rate = _rate(result)
    if fail_under is not None and (rate or 0.0) < fail_under:
        console.print(f"[red]success rate {percent(rate)} is below --fail-under {fail_under:.1%}[/red]")
        failed = True
    if failed:
        raise typer.Exit(EXIT_BELOW)


def _rate(result: Comparison) -> float | None:
    return next((d.after for d in result.deltas if d.metric == "success_rate"), None)


@eval_app.command("nlu")
def nlu(
    dataset: Annotated[Path, typer.Argument(help="Utterance dataset (JSONL).")],
    out: Annotated[Path, typer.Option(help="Where nlu_report.json goes.")] = Path("eval-report"),
    fail_under: Annotated[
        float | None, typer.Option(min=0.0, max=1.0, help="Exit 1 when intent accuracy is below this.")
    ] = None,
    red_flag_recall: Annotated[
        float | None,
        typer.Option(min=0.0, max=1.0, help="Exit 1 when red-flag recall, in any language, is below this."),
    ] = None,
    red_flag_precision: Annotated[
        float | None,
        typer.Option(
            min=0.0, max=1.0, help="Exit 1 when red-flag precision, in any language, is below this."
        ),
    ] = None,
) -> None:
    """Score the understanding alone: utterance → intent and fields, and red-flag recall/precision."""
    from api.cli.nlu import Gates, nlu_command

    gates = Gates(
        intent_accuracy=fail_under, red_flag_recall=red_flag_recall, red_flag_precision=red_flag_precision
    )
    if code := nlu_command(dataset, out, gates):
        raise typer.Exit(code)
