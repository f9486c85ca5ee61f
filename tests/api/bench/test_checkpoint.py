"""The checkpointer benchmark runs every saver end to end on tiny sizes, reports the goals and the
round-trip floor, and leaves nothing behind (this test is about its mechanics, not its numbers)."""

from __future__ import annotations

import io

import psycopg
from redis import Redis
from rich.console import Console

from api.bench import checkpoint as bench
from api.bench import checkpoint_report as report
from store.database import libpq_url
from store.redis_client import connect_sync

TINY = bench.Sizes(samples=3, turns=2, threads=120, thread_turns=1, long_turns=3)  # > 100 at once


async def test_tiny_run_measures_every_saver_and_cleans_up(server_database_url: str, redis_url: str) -> None:
    rows = await bench.run(redis_url, server_database_url, sizes=TINY)

    by = {row["saver"]: row for row in rows}
    assert set(by) >= {report.US, report.US_AES, report.PG, report.MEMORY, report.FLOOR}
    for row in rows:
        assert 0 < row["aput_p50_ms"] <= row["aput_p95_ms"]
        assert 0 < row["aget_tuple_p50_ms"] <= row["aget_tuple_p95_ms"]
        assert row["turns_per_s"] > 0
        assert row["bytes_held"] > 0
    assert 0 < by[report.US]["bytes_pruned"] < by[report.US]["bytes_held"]
    assert by[report.MEMORY]["bytes_pruned"] is None  # InMemorySaver cannot prune
    with Redis.from_url(redis_url) as client:
        assert list(client.scan_iter(match="bench:*")) == []
    with psycopg.connect(libpq_url(server_database_url, "postgres")) as conn:
        left = conn.execute("SELECT 1 FROM pg_database WHERE datname = 'prm_bench_checkpoint'").fetchall()
    assert left == []

    out = io.StringIO()
    report.render(rows, Console(file=out, width=240))
    text = out.getvalue()
    assert "aget_tuple p50 at least 3x faster than AsyncPostgresSaver" in text
    assert f"{report.FLOOR} (no saver's work at all): turn p50" in text
    assert "load average" in text


async def test_a_cluster_row_beside_the_single_server(
    server_database_url: str, redis_url: str, redis_cluster_url: str
) -> None:
    rows = await bench.run(redis_url, server_database_url, sizes=TINY, cluster_url=redis_cluster_url)

    by = {row["saver"]: row for row in rows}
    cluster = by[report.US_CLUSTER]
    assert cluster["aput_p50_ms"] > 0 and cluster["turns_per_s"] > 0
    assert 0 < cluster["bytes_pruned"] < cluster["bytes_held"]
    with connect_sync(redis_cluster_url) as client:
        assert list(client.scan_iter(match="bench:*")) == []
    out = io.StringIO()
    report.render(rows, Console(file=out, width=240))
    assert f"{report.US_CLUSTER} against {report.US}: aput p50 " in out.getvalue()


def test_goal_verdicts_follow_the_ratios() -> None:
    metrics = ("aput_p50_ms", "aget_tuple_p50_ms", "turn_p50_ms", "turn_overhead_ms")
    measured = {
        report.US: (1.0, 1.0, 12.0, 6.0),
        report.PG: (3.5, 2.0, 20.0, 14.0),
        report.MEMORY: (0.2, 0.4, 10.0, 3.0),
    }
    rows = [{"saver": saver, **dict(zip(metrics, values, strict=True))} for saver, values in measured.items()]
    verdicts = {v.goal: (round(v.ratio, 2), v.met) for v in report.targets(rows)}
    assert verdicts["aput p50 at least 3x faster than AsyncPostgresSaver"] == (3.5, True)
    assert verdicts["aget_tuple p50 at least 3x faster than AsyncPostgresSaver"] == (2.0, False)
    assert verdicts["turn p50 within 1.5x of InMemorySaver's"] == (1.2, True)
    assert verdicts["turn overhead within 1.5x of InMemorySaver's"] == (2.0, False)
    assert not any("plainredis" in goal for goal in verdicts)  # not measured: no verdict
    assert report.floor_line(rows) is None
    assert report.cluster_line(rows) is None
