"""The slot-search benchmark runs end to end on a tiny clinic, reads plans, and cleans up."""

from __future__ import annotations

import io

import psycopg
from rich.console import Console

from api.bench import slots as bench
from store.database import libpq_url


def _bench_databases(server_database_url: str) -> set[str]:
    with psycopg.connect(libpq_url(server_database_url, "postgres")) as conn:
        rows = conn.execute("SELECT datname FROM pg_database WHERE datname LIKE 'prm_bench_slots_%'")
        return {name for (name,) in rows}


async def test_quick_run_measures_every_shape_with_index_plans(server_database_url: str) -> None:
    before = _bench_databases(server_database_url)
    rows = await bench.run(server_database_url, practitioners=10, days=30, quick=True)
    assert [r["query"] for r in rows] == [
        "specialty + 7 days + part of day",
        "practitioner + 30 days",
        "ASAP, any practitioner",
        "ASAP, one specialty",
    ]
    for row in rows:
        assert row["practitioners"] == 10 and row["slots"] > 0 and row["n"] == 30
        assert 0 < row["p50_ms"] <= row["p95_ms"]
        assert row["mean_results"] > 0
        assert "slots" not in row["seq_scans"]
        assert any(name.startswith(("ix_slots", "uq_slots")) for name in row["indexes"])
    assert _bench_databases(server_database_url) == before  # its own database is dropped

    out = io.StringIO()
    bench.render(rows, Console(file=out, width=200))
    assert "ASAP, one specialty" in out.getvalue() and "p95 ms" in out.getvalue()
