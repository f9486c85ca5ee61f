"""The API benchmark's accounting: throughput over the whole run, percentiles per endpoint, a
booking's 409 counted as a conflict and not an error, each part's CPU per request shown. (A whole
run starts `prm serve`: `prm bench api` is where it runs.)"""

from __future__ import annotations

import io

from rich.console import Console

from api.bench import api_mix as bench


def test_rows_give_throughput_and_percentiles_per_endpoint_with_conflicts_apart() -> None:
    timings = bench.Timings()
    timings.by_endpoint["tickets"] += [10.0, 20.0, 30.0]
    timings.by_endpoint["patients"] += [5.0]
    timings.conflicts["book"] += 2  # every booking lost its slot: a row of its own, no latency
    timings.errors["patients"] += 1
    cpu_ms = {"prm": 6.04, "postgres": 2.0, "redis": None, "clients": 2.5}
    rows = bench._rows(timings, 2.0, cpu_ms, mix="reads", tokens="one", clients=4)
    by_endpoint = {r["endpoint"]: (r["n"], r["p50_ms"], r["errors"], r["conflicts"]) for r in rows}
    assert by_endpoint == {
        "tickets": (3, 20.0, 0, 0),
        "patients": (1, 5.0, 1, 0),
        "book": (0, 0.0, 0, 2),
    }
    assert all(r["req_per_s"] == 2.0 for r in rows)  # successful requests only
    out = io.StringIO()
    bench.render(rows, Console(file=out, width=200))
    assert "0 (+2 409)" in out.getvalue()
    assert "6.0 / 2.0 / ? / 2.5" in out.getvalue()  # each part's CPU per request; Redis elsewhere


def test_the_write_mix_never_repeats_a_phone_and_cycles_the_free_slots() -> None:
    writer = bench.Writer(free_slots=["s1", "s2"], patient_ids=["p1"])
    phones = {writer.patient()["phone"] for _ in range(50)}
    assert len(phones) == 50
    assert {writer.booking()["slot_id"] for _ in range(2)} == {"s1", "s2"}
