"""Free-slot search at clinic scale: 100 practitioners x one year of weekday 30-minute slots.

A database of its own is created, loaded with COPY (about 365k slots, a fifth of them busy),
analysed, measured and dropped. Each query shape is timed through `find_free_slots` itself,
and its plan is read with EXPLAIN so the report says which indexes served it.
"""

from __future__ import annotations

import asyncio
import random
import secrets
import statistics
import time as clock
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import psycopg
from rich.console import Console
from rich.table import Table
from sqlalchemy import event, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from evals.metrics import percentile
from store.database import create_database, create_engine, drop_database, libpq_url, session_factory
from store.migrate import upgrade
from store.scheduling import service as scheduling
from store.scheduling.specialties import SPECIALTIES

TZ = ZoneInfo("America/New_York")
BUSY_SHARE = 0.2
SEED = 20260101


@dataclass(frozen=True)
class Clinic:
    """What was loaded: ids to query by, the first day, and how long loading took."""

    practitioner_ids: list[uuid.UUID]
    first_day: date
    days: int
    slots: int
    load_seconds: float


def _bench_url(database_url: str) -> str:
    name = f"prm_bench_slots_{secrets.token_hex(4)}"
    return make_url(database_url).set(database=name).render_as_string(hide_password=False)


def _load(url: str, practitioners: int, days: int, first_day: date) -> Clinic:
    """Bulk-load the clinic with COPY; deterministic for a given size."""
    rng = random.Random(SEED)
    started = clock.perf_counter()
    location_id = uuid.uuid4()
    staff = [(uuid.uuid4(), list(SPECIALTIES)[i % len(SPECIALTIES)]) for i in range(practitioners)]
    schedules = [(uuid.uuid4(), practitioner_id) for practitioner_id, _ in staff]
    grid = scheduling.weekday_grid(first_day, days, TZ)
    with psycopg.connect(libpq_url(url)) as conn:
        conn.execute(
            "INSERT INTO locations (id, name, address_line, city, state, postal_code, timezone)"
            " VALUES (%s, 'Bench', '1 Main St', 'Springfield', 'NY', '10001', %s)",
            (location_id, TZ.key),
        )
        with conn.cursor().copy(
            "COPY practitioners (id, prefix, given_name, family_name, specialty, active) FROM STDIN"
        ) as copy:
            for n, (practitioner_id, specialty) in enumerate(staff):
                copy.write_row((practitioner_id, "Dr.", "Bench", f"Doctor{n:03d}", specialty, True))
        with conn.cursor().copy(
            "COPY schedules (id, practitioner_id, location_id, active) FROM STDIN"
        ) as copy:
            for schedule_id, practitioner_id in schedules:
                copy.write_row((schedule_id, practitioner_id, location_id, True))
        with conn.cursor().copy("COPY slots (id, schedule_id, start_at, end_at, status) FROM STDIN") as copy:
            for schedule_id, _ in schedules:
                for start, end in grid:
                    status = "busy" if rng.random() < BUSY_SHARE else "free"
                    copy.write_row((uuid.uuid4(), schedule_id, start, end, status))
        conn.commit()
        conn.autocommit = True
        conn.execute("VACUUM ANALYZE")
    return Clinic(
        practitioner_ids=[p for p, _ in staff],
        first_day=first_day,
        days=days,
        slots=len(schedules) * len(grid),
        load_seconds=clock.perf_counter() - started,
    )


Shape = Callable[[random.Random], dict[str, Any]]


def _shapes(clinic: Clinic) -> dict[str, Shape]:
    """The searches the agent and the desk make, each with randomised parameters."""
    last_start = max(clinic.days - 31, 1)

    def day(rng: random.Random) -> datetime:
        return datetime.combine(clinic.first_day + timedelta(days=rng.randrange(last_start)), time(8), TZ)

    def specialty_week_part(rng: random.Random) -> dict[str, Any]:
        now = day(rng)
        return {
            "specialty": rng.choice(list(SPECIALTIES)),
            "part_of_day": rng.choice(["morning", "afternoon"]),
            "start": now,
            "end": now + timedelta(days=7),
            "now": now,
        }

    def practitioner_month(rng: random.Random) -> dict[str, Any]:
        now = day(rng)
        practitioner_id = rng.choice(clinic.practitioner_ids)
        return {"practitioner_id": practitioner_id, "start": now, "end": now + timedelta(days=30), "now": now}

    def asap(rng: random.Random) -> dict[str, Any]:
        now = day(rng) + timedelta(minutes=rng.randrange(0, 600, 5))
        return {"start": now, "end": now + timedelta(days=14), "now": now}

    def asap_specialty(rng: random.Random) -> dict[str, Any]:
        return asap(rng) | {"specialty": rng.choice(list(SPECIALTIES))}

    return {
        "specialty + 7 days + part of day": specialty_week_part,
        "practitioner + 30 days": practitioner_month,
        "ASAP, any practitioner": asap,
        "ASAP, one specialty": asap_specialty,
    }


class _Recorder:
    """Keeps the last SQL statement the engine ran, to EXPLAIN it afterwards."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.statement = ""
        self.parameters: Any = None
        event.listen(engine.sync_engine, "before_cursor_execute", self._keep)

    def _keep(self, _conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        self.statement, self.parameters = statement, parameters


def _plan_nodes(plan: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield plan
    for child in plan.get("Plans", []):
        yield from _plan_nodes(child)


@dataclass(frozen=True)
class Plan:
    indexes: list[str]
    seq_scans: list[str]
    execution_ms: float


async def _explain(session: AsyncSession, recorder: _Recorder) -> Plan:
    """The plan of the recorded statement, run once: indexes used, tables scanned, time in Postgres."""
    connection = await session.connection()
    explain = "EXPLAIN (ANALYZE, FORMAT JSON) " + recorder.statement
    result = (await connection.exec_driver_sql(explain, recorder.parameters)).scalar_one()[0]
    nodes = list(_plan_nodes(result["Plan"]))
    return Plan(
        indexes=sorted({n["Index Name"] for n in nodes if "Index Name" in n}),
        seq_scans=sorted({n["Relation Name"] for n in nodes if n["Node Type"] == "Seq Scan"}),
        execution_ms=round(result["Execution Time"], 2),
    )


async def _measure(engine: AsyncEngine, clinic: Clinic, iterations: int) -> list[dict[str, Any]]:
    recorder = _Recorder(engine)
    sessions = session_factory(engine)
    rows: list[dict[str, Any]] = []
    for name, shape in _shapes(clinic).items():
        rng = random.Random(f"{SEED}:{name}")
        timings: list[float] = []
        found: list[int] = []
        async with sessions() as session, session.begin():
            for _ in range(3):  # warm the cache and the connection
                await scheduling.find_free_slots(session, tz=TZ, **shape(rng))
            for _ in range(iterations):
                started = clock.perf_counter()
                slots = await scheduling.find_free_slots(session, tz=TZ, **shape(rng))
                timings.append((clock.perf_counter() - started) * 1000)
                found.append(len(slots))
            plan = await _explain(session, recorder)
        rows.append(
            {
                "benchmark": "slots",
                "query": name,
                "practitioners": len(clinic.practitioner_ids),
                "slots": clinic.slots,
                "load_seconds": round(clinic.load_seconds, 2),
                "n": iterations,
                "p50_ms": round(statistics.median(timings), 2),
                "p95_ms": round(percentile(timings, 95) or 0.0, 2),
                "mean_results": round(statistics.fmean(found), 1),
                "sql_ms": plan.execution_ms,
                "indexes": plan.indexes,
                "seq_scans": plan.seq_scans,
            }
        )
    return rows


async def run(
    database_url: str, *, practitioners: int = 100, days: int = 365, quick: bool = False
) -> list[dict[str, Any]]:
    """Load a clinic into a new database next to `database_url`, measure, drop it; one row per shape."""
    if quick:
        practitioners, days = min(practitioners, 20), min(days, 45)
    iterations = 30 if quick else 300
    url = _bench_url(database_url)
    await asyncio.to_thread(create_database, url)
    try:
        await asyncio.to_thread(upgrade, url)
        first_day = date.today()
        clinic = await asyncio.to_thread(_load, url, practitioners, days, first_day)
        engine = create_engine(url, pool_size=1)
        try:
            return await _measure(engine, clinic, iterations)
        finally:
            await engine.dispose()
    finally:
        await asyncio.to_thread(drop_database, url)


def render(rows: list[dict[str, Any]], console: Console | None = None) -> None:
    """A table of p50/p95 per query shape, with the indexes each plan used."""
    console = console or Console()
    if not rows:
        console.print("[yellow]no rows[/yellow]")
        return
    first = rows[0]
    table = Table(
        title=f"find_free_slots: {first['practitioners']} practitioners, {first['slots']:,} slots "
        f"(loaded in {first['load_seconds']} s)"
    )
    numeric = ("n", "p50 ms", "p95 ms", "in Postgres ms", "results")
    for column in ("query", *numeric, "indexes", "seq scans"):
        table.add_column(column, justify="right" if column in numeric else "left")
    for row in rows:
        table.add_row(
            row["query"],
            str(row["n"]),
            f"{row['p50_ms']:.2f}",
            f"{row['p95_ms']:.2f}",
            f"{row['sql_ms']:.2f}",
            f"{row['mean_results']:.1f}",
            ", ".join(row["indexes"]) or "-",
            ", ".join(row["seq_scans"]) or "-",
        )
    console.print(table)
