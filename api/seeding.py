"""`prm seed --demo` and `prm kb ingest` as the terminal shows them: progress bars and a summary.

The work itself is in the store (`store/demo/seed.py`, `store/knowledge/files.py`); this module
only hands it the runtime's sessions, embedder, clock and time zone, and a rich progress display.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from api.runtime import Runtime
from store.demo import clinic as demo
from store.demo import seed
from store.demo.seed import SeedReport
from store.knowledge import files
from store.knowledge.files import IngestReport


def _progress(console: Console | None) -> Progress:
    """A progress display on `console`, or a silent one when there is none (tests, library use)."""
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        disable=console is None,
    )


async def seed_demo(
    runtime: Runtime, *, now: datetime | None = None, console: Console | None = None
) -> SeedReport:
    """The demo clinic from `now` (default: the clinic's clock), with progress and a summary."""
    tz = runtime.settings.clinic.tz
    start = now or runtime.clock()
    with _progress(console) as progress:
        report = await seed.seed_demo(runtime.sessions, runtime.embedder, now=start, tz=tz, progress=progress)
    if console is not None:
        console.print(_summary(report, seed.clinic_time(start, tz)))
    return report


def _summary(report: SeedReport, now: datetime) -> Table:
    table = Table(title=f"{demo.LOCATION['name']}: demo clinic from {now:%Y-%m-%d %H:%M %Z}")
    table.add_column("what")
    table.add_column("added / total", justify="right")
    table.add_row("practitioners", str(report.practitioners))
    table.add_row("slots added", str(report.slots_added))
    table.add_row("appointments added (pre-booked)", str(report.appointments_added))
    table.add_row("patients added", str(report.patients_added))
    table.add_row("journey definitions added", str(report.journeys_added))
    table.add_row(
        "documents ingested / unchanged", f"{report.documents['ingested']} / {report.documents['unchanged']}"
    )
    return table


async def ingest_paths(
    runtime: Runtime, paths: Iterable[Path], *, console: Console | None = None
) -> IngestReport:
    """`prm kb ingest`: every path checked first, then each file ingested (see store/knowledge/files.py)."""
    with _progress(console) as progress:
        report = await files.ingest_paths(runtime.sessions, runtime.embedder, paths, progress=progress)
    if console is not None:
        console.print(
            f"[green]{report.ingested} ingested[/green], {report.unchanged} unchanged, {report.chunks} chunks"
        )
    return report
