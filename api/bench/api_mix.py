"""The staff and FHIR API under concurrent clients: does throughput rise with them?

`prm serve` runs as `make run` starts it, on a database of its own with the demo clinic. `clients`
clients each send one request after another for `seconds`, round-robin over a mix: six reads
(patients, slots by specialty, FHIR Slot search, knowledge search, appointments, tickets; each a
page of 20) or three writes (create a patient, book a free slot, open a ticket). Each mix runs twice:
every client on one token (an n8n workflow or an EHR integration firing in parallel), then each
client on a token of its own. Per endpoint: p50, p95, p99 of the requests that succeeded, and the
409s (a booking of a slot already taken: a typed conflict, not an error) and errors apart; per run:
successful requests a second.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import secrets
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psutil
from rich.console import Console
from rich.table import Table
from sqlalchemy import make_url

from api.bench.cpu import Parts, per_message_ms
from api.bench.served import serve, wait_idle, wait_ready
from api.paths import API_PREFIX
from api.runtime import ServerUrls, open_runtime
from api.seeding import seed_demo
from api.settings import Settings
from evals.metrics import percentile
from store.auth.models import Role
from store.auth.service import create_token
from store.database import create_database, drop_database, transaction
from store.embedded.valkey import free_port
from store.migrate import upgrade

READS: dict[str, str] = {
    "patients": f"{API_PREFIX}/patients?limit=20",
    "slots by specialty": f"{API_PREFIX}/slots?specialty=cardiology&limit=20",
    "FHIR Slot search": "/fhir/R4/Slot?status=free&_count=20",
    "knowledge search": f"{API_PREFIX}/knowledge/search?q=where+do+I+park&k=5",
    "appointments": f"{API_PREFIX}/appointments?limit=20",
    "tickets": f"{API_PREFIX}/tickets?limit=20",
}
WRITES = ("create patient", "book", "open ticket")


@dataclass
class Timings:
    """Latencies of the requests that succeeded, per endpoint; 409s and errors counted per endpoint
    apart (a conflict is quick and says nothing about the endpoint's speed)."""

    by_endpoint: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    conflicts: dict[str, int] = field(default_factory=lambda: defaultdict(int))


@dataclass
class Writer:
    """What the write mix needs: unique phones, and free slots handed out one per booking."""

    free_slots: list[str]
    patient_ids: list[str]
    counter: itertools.count[int] = field(default_factory=itertools.count)

    def patient(self) -> dict[str, Any]:
        n = next(self.counter)
        return {
            "name": f"Load Test{n}",
            "birth_date": "1980-01-01",
            "phone": f"+1555030{n % 10000:04d}" if n < 10000 else f"+155504{n % 100000:05d}",
            "preferred_language": "en",
        }

    def booking(self) -> dict[str, Any]:
        n = next(self.counter)
        slot = self.free_slots[n % len(self.free_slots)]
        return {"slot_id": slot, "patient_id": self.patient_ids[n % len(self.patient_ids)], "reason": "bench"}

    def ticket(self) -> dict[str, Any]:
        return {"category": "other", "summary": f"bench {next(self.counter)}"}


async def _prepare(database_url: str, redis_url: str, tokens: int) -> list[str]:
    """Migrate, seed the demo clinic for today, and issue `tokens` admin tokens."""
    upgrade(database_url)
    settings = Settings(PRM_ENV="development")
    async with open_runtime(settings, ServerUrls(database_url, redis_url)) as runtime:
        await seed_demo(runtime, now=None, console=None)
        async with transaction(runtime.sessions) as session:
            made = [await create_token(session, name=f"bench {n}", role=Role.ADMIN) for n in range(tokens)]
    return [secret for secret, _ in made]


async def _writer(http: httpx.AsyncClient) -> Writer:
    found = await http.get(f"{API_PREFIX}/slots?specialty=family-medicine&limit=100")
    listed = await http.get(f"{API_PREFIX}/patients?limit=50")
    slots, patients = found.raise_for_status().json()["items"], listed.raise_for_status().json()["items"]
    return Writer([slot["id"] for slot in slots], [patient["id"] for patient in patients])


async def _write(http: httpx.AsyncClient, writer: Writer, name: str) -> httpx.Response:
    if name == "create patient":
        return await http.post(f"{API_PREFIX}/patients", json=writer.patient())
    if name == "book":
        return await http.post(f"{API_PREFIX}/appointments", json=writer.booking())
    return await http.post(f"{API_PREFIX}/tickets", json=writer.ticket())


async def _mix(
    base: str, secrets_for: Callable[[int], str], clients: int, seconds: float, writes: bool
) -> tuple[Timings, float]:
    """`clients` clients, each in a loop for `seconds`; the timings and the wall time taken."""
    timings = Timings()
    limits = httpx.Limits(max_connections=clients + 5)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as admin:
        admin.headers["Authorization"] = f"Bearer {secrets_for(0)}"
        writer = await _writer(admin)
    names = list(WRITES) if writes else list(READS)

    async def client(index: int, until: float) -> None:
        headers = {"Authorization": f"Bearer {secrets_for(index)}"}
        async with httpx.AsyncClient(base_url=base, headers=headers, timeout=60) as http:
            for turn in itertools.count(index):
                if time.monotonic() >= until:
                    return
                name = names[turn % len(names)]
                started = time.perf_counter()
                try:
                    if writes:
                        response = await _write(http, writer, name)
                    else:
                        response = await http.get(READS[name])
                except httpx.HTTPError:
                    timings.errors[name] += 1
                    continue
                if response.status_code == 409:
                    timings.conflicts[name] += 1
                elif response.status_code >= 400:
                    timings.errors[name] += 1
                else:
                    timings.by_endpoint[name].append((time.perf_counter() - started) * 1000)

    started = time.monotonic()
    await asyncio.gather(*(client(i, started + seconds) for i in range(clients)))
    return timings, time.monotonic() - started


def _cpu_snapshot(parts: Parts) -> dict[str, float | None]:
    """CPU seconds so far of each part, and of this process: the clients share the machine, and
    what they use is CPU the server did not have."""
    mine = psutil.Process().cpu_times()
    return parts.snapshot() | {"clients": mine.user + mine.system}


def _rows(
    timings: Timings, wall_s: float, cpu_ms: dict[str, float | None], *, mix: str, tokens: str, clients: int
) -> list[dict[str, Any]]:
    total = sum(len(ms) for ms in timings.by_endpoint.values())
    common = {
        "mix": mix,
        "tokens": tokens,
        "clients": clients,
        "req_per_s": round(total / wall_s, 1),
        "cpu_ms_per_request": cpu_ms,
    }
    rows = []
    endpoints = dict.fromkeys([*timings.by_endpoint, *timings.conflicts, *timings.errors])
    for endpoint in endpoints:
        ms = timings.by_endpoint.get(endpoint, [])
        rows.append(
            common
            | {
                "endpoint": endpoint,
                "n": len(ms),
                "p50_ms": round(percentile(ms, 50) or 0.0, 1),
                "p95_ms": round(percentile(ms, 95) or 0.0, 1),
                "p99_ms": round(percentile(ms, 99) or 0.0, 1),
                "errors": timings.errors[endpoint],
                "conflicts": timings.conflicts[endpoint],
            }
        )
    return rows


async def run(
    urls: ServerUrls,
    *,
    clients: int = 20,
    seconds: float = 20,
    writes: bool = True,
    data_dir: str,
    api_processes: int | None = None,
) -> list[dict[str, Any]]:
    """Reads (and writes) at `clients` clients, on one token and on one token each."""
    name = f"prm_bench_api_{secrets.token_hex(4)}"
    database_url = make_url(urls.database_url).set(database=name).render_as_string(hide_password=False)
    create_database(database_url)
    try:
        tokens = await _prepare(database_url, urls.redis_url, clients)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PRM_", "TWILIO_", "OPENAI_"))}
        env |= {"DATABASE_URL": database_url, "REDIS_URL": urls.redis_url, "PRM_DATA_DIR": data_dir}
        rows: list[dict[str, Any]] = []
        with serve(env, port, None, Path(data_dir) / "bench-api", api_processes) as pid:
            await wait_ready(base)
            await wait_idle(pid)
            parts = Parts.find(pid, database_url, urls.redis_url)
            await _mix(base, lambda i: tokens[0], 2, 2, writes=False)  # warm: pools, model, caches
            for mix in ("reads", "writes") if writes else ("reads",):
                for label, secret_of in (("one", lambda i: tokens[0]), ("one each", lambda i: tokens[i])):
                    before = _cpu_snapshot(parts)
                    timings, wall_s = await _mix(base, secret_of, clients, seconds, writes=mix == "writes")
                    done = sum(len(ms) for ms in timings.by_endpoint.values())
                    cpu_ms = per_message_ms(before, _cpu_snapshot(parts), done)
                    rows += [
                        row | {"api_processes": api_processes or 1}
                        for row in _rows(timings, wall_s, cpu_ms, mix=mix, tokens=label, clients=clients)
                    ]
        return rows
    finally:
        drop_database(database_url)


def _cpu_cell(row: dict[str, Any]) -> str:
    """Each part's CPU per successful request in the row's run; "?" for a part not on this machine."""
    cpu = row.get("cpu_ms_per_request") or {}
    parts = ("prm", "postgres", "redis", "clients")
    return " / ".join("?" if cpu.get(part) is None else f"{cpu[part]:.1f}" for part in parts)


def render(rows: list[dict[str, Any]], console: Console | None = None) -> None:
    table = Table(title="Staff and FHIR API: concurrent clients, one token or one each")
    for column in (
        "mix",
        "tokens",
        "clients",
        "API processes",
        "req/s",
        "endpoint",
        "n",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "errors",
        "CPU ms/req prm / pg / redis / clients",
    ):
        table.add_column(column, justify="left" if column in ("mix", "tokens", "endpoint") else "right")
    for row in rows:
        table.add_row(
            row["mix"],
            row["tokens"],
            str(row["clients"]),
            str(row.get("api_processes", 1)),
            f"{row['req_per_s']:g}",
            row["endpoint"],
            str(row["n"]),
            f"{row['p50_ms']:.1f}",
            f"{row['p95_ms']:.1f}",
            f"{row['p99_ms']:.1f}",
            f"{row['errors']} (+{row['conflicts']} 409)",
            _cpu_cell(row),
        )
    (console or Console(width=200)).print(table)
