"""The checkpoint benchmark's report: the table, the environment it ran in, and the goals met or missed."""

from __future__ import annotations

import os
import platform
import sys
from dataclasses import dataclass
from typing import Any

import redis
from redis.utils import HIREDIS_AVAILABLE
from rich.console import Console
from rich.table import Table

US, US_AES = "redis (ours)", "redis (ours, AES)"
US_CLUSTER = "redis cluster (ours, 3 nodes)"
PG, MEMORY, PLAIN = "postgres (official)", "memory (floor)", "plainredis 0.1.0"
FLOOR = "memory + 1 Redis round trip a call"


COLUMNS = (
    ("saver", "saver", "{}"),
    ("aput p50/p95 ms", ("aput_p50_ms", "aput_p95_ms"), "{:.2f} / {:.2f}"),
    ("aget_tuple p50/p95 ms", ("aget_tuple_p50_ms", "aget_tuple_p95_ms"), "{:.2f} / {:.2f}"),
    ("alist(10) p50/p95 ms", ("alist_p50_ms", "alist_p95_ms"), "{:.2f} / {:.2f}"),
    ("turn p50/p95 ms", ("turn_p50_ms", "turn_p95_ms"), "{:.2f} / {:.2f}"),
    ("turn overhead ms", "turn_overhead_ms", "{:.2f}"),
    ("turns/s", "turns_per_s", "{:.0f}"),
    ("bytes held", "bytes_held", "{:,}"),
    ("after prune", "bytes_pruned", "{:,}"),
)


def cell(row: dict[str, Any], keys: str | tuple[str, ...], fmt: str) -> str:
    values = [row.get(k) for k in ((keys,) if isinstance(keys, str) else keys)]
    return "n/a" if any(v is None for v in values) else fmt.format(*values)


# The goals: (goal, the other saver, metric, "faster": other / ours at least `bound`;
# "within": ours / other at most `bound`). The issue's "a full turn's overhead within 1.5x of
# InMemorySaver" is read both ways: the turn's latency, and its overhead over no checkpointer.
GOALS = (
    ("aput p50 at least 3x faster than AsyncPostgresSaver", PG, "aput_p50_ms", "faster", 3.0),
    ("aget_tuple p50 at least 3x faster than AsyncPostgresSaver", PG, "aget_tuple_p50_ms", "faster", 3.0),
    ("turn p50 within 1.5x of InMemorySaver's", MEMORY, "turn_p50_ms", "within", 1.5),
    ("turn overhead within 1.5x of InMemorySaver's", MEMORY, "turn_overhead_ms", "within", 1.5),
    ("turn p50 faster than plainredis", PLAIN, "turn_p50_ms", "faster", 1.0),
    ("aput p50 faster than plainredis", PLAIN, "aput_p50_ms", "faster", 1.0),
)


@dataclass(frozen=True)
class Verdict:
    goal: str
    ratio: float  # other / ours for "faster", ours / other for "within"
    kind: str
    bound: float

    @property
    def met(self) -> bool:
        return self.ratio >= self.bound if self.kind == "faster" else self.ratio <= self.bound


def targets(rows: list[dict[str, Any]]) -> list[Verdict]:
    """The goals the rows can answer, measured."""
    by = {r["saver"]: r for r in rows}
    us = by.get(US)
    verdicts = []
    for goal, other, metric, kind, bound in GOALS:
        if us is None or other not in by:
            continue
        ratio = by[other][metric] / us[metric] if kind == "faster" else us[metric] / by[other][metric]
        verdicts.append(Verdict(goal, ratio, kind, bound))
    return verdicts


def floor_line(rows: list[dict[str, Any]]) -> str | None:
    """How far the InMemory goals are from InMemorySaver plus one bare round trip per call (no
    saver can do less when it goes to Redis on each call, as LangGraph's interface has it)."""
    by = {r["saver"]: r for r in rows}
    if FLOOR not in by or MEMORY not in by:
        return None
    floor, memory = by[FLOOR], by[MEMORY]
    latency = floor["turn_p50_ms"] / memory["turn_p50_ms"]
    overhead = floor["turn_overhead_ms"] / memory["turn_overhead_ms"]
    return (
        f"{FLOOR} (no saver's work at all): turn p50 {latency:.2f}x and turn overhead {overhead:.2f}x "
        "InMemorySaver's"
    )


CLUSTER_RATIOS = (("aput", "aput_p50_ms"), ("aget_tuple", "aget_tuple_p50_ms"), ("turn", "turn_p50_ms"))


def cluster_line(rows: list[dict[str, Any]]) -> str | None:
    """Ours on the cluster against ours on one server: p50 latencies (cluster / server, above 1 is
    slower) and throughput (cluster / server, below 1 is fewer turns a second)."""
    by = {r["saver"]: r for r in rows}
    if US_CLUSTER not in by or US not in by:
        return None
    cluster, server = by[US_CLUSTER], by[US]
    ratios = ", ".join(f"{name} p50 {cluster[key] / server[key]:.2f}x" for name, key in CLUSTER_RATIOS)
    throughput = cluster["turns_per_s"] / server["turns_per_s"]
    return f"{US_CLUSTER} against {US}: {ratios}; turns/s {throughput:.2f}x"


def environment() -> str:
    """What the numbers depend on besides the code: Python, redis-py's reply parser, the load."""
    loads = ", ".join(f"{n:.2f}" for n in os.getloadavg())
    parser = "hiredis" if HIREDIS_AVAILABLE else "pure Python"  # plainredis' (ours reads its own)
    return (
        f"Python {platform.python_version()}, redis-py {redis.__version__} ({parser} parser), "
        f"{os.cpu_count()} CPUs, load average {loads} (1/5/15 min)"
    )


def render(rows: list[dict[str, Any]], console: Console | None = None) -> None:
    console = console or Console(width=None if sys.stdout.isatty() else 200)
    table = Table(title="Checkpointers: a 20-message (~10 KB) clinic conversation")
    for header, _, _ in COLUMNS:
        table.add_column(header, justify="left" if header == "saver" else "right")
    for row in rows:
        table.add_row(*(cell(row, keys, fmt) for _, keys, fmt in COLUMNS))
    console.print(table)
    console.print(environment())
    for v in targets(rows):
        mark = "[green]met[/green]" if v.met else "[red]missed[/red]"
        need = ">=" if v.kind == "faster" else "<="
        console.print(f"{v.goal}: {v.ratio:.2f}x (needs {need} {v.bound:.2f}x) {mark}")
    if floor := floor_line(rows):
        console.print(floor)
    if cluster := cluster_line(rows):
        console.print(cluster)
