"""The offline agent's turn latency and turns per booking, on the seeded demo clinic.

A database of its own is created and seeded (clock frozen at a Tuesday 09:00), then scripted
booking conversations run through the same runner as WhatsApp (Redis checkpoints, traces in
Postgres): the latency of every turn is measured from the runner's call to its reply.
"""

from __future__ import annotations

import secrets
import statistics
import time
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from rich.console import Console
from rich.table import Table
from sqlalchemy import make_url

from agents.understanding import RedFlagReader, SemanticScreen
from api.runtime import ServerUrls, open_runtime
from api.seeding import seed_demo
from api.settings import Settings
from evals.metrics import percentile
from graphs.runner import Runner
from store.checkpoint import AsyncRedisSaver
from store.conversations.models import Channel
from store.database import create_database, drop_database
from store.knowledge.embeddings import Embedder
from store.migrate import upgrade
from store.redis_client import connect

TZ = ZoneInfo("America/New_York")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=TZ)
SCRIPTS = {
    "new patient, all in one message": [
        "Hi, I'd like to see a dermatologist next Tuesday afternoon",
        "Lena Park, 14 Feb 1990",
        "the first one",
    ],
    "new patient, asked step by step": [
        "hi I need an appointment",
        "Omar Haddad 02/03/1984",
        "my knee hurts",
        "as soon as possible",
        "2",
    ],
    "paciente nuevo, en español": [
        "Hola, quiero una cita con el cardiólogo el jueves por la mañana",
        "Lucía Gómez, 5 de mayo de 1990",
        "la primera",
    ],
    "question": ["can I park at the clinic?"],
}


async def run(
    database_url: str, redis_url: str, embedder: Embedder, *, quick: bool = False
) -> list[dict[str, Any]]:
    url = make_url(database_url).set(database=f"prm_bench_agent_{secrets.token_hex(4)}")
    rendered = url.render_as_string(hide_password=False)
    create_database(rendered)
    upgrade(rendered)
    rounds = 2 if quick else 10
    try:
        async with open_runtime(Settings(), ServerUrls(rendered, redis_url), embedder=embedder) as runtime:
            await seed_demo(runtime, now=NOW, console=None)
            await embedder.embed_query("warm-up")  # the model loads once, not inside a measured turn
            client = connect(redis_url)  # REDIS_URL may name a cluster
            saver = AsyncRedisSaver(client, prefix=f"bench-{secrets.token_hex(4)}")
            red_flags = RedFlagReader(SemanticScreen(embedder))  # what production runs (api/agent.py)
            await red_flags.warm()
            runner = Runner(
                sessions=runtime.sessions,
                embedder=embedder,
                checkpointer=saver,
                tz=TZ,
                clock=lambda: NOW,
                red_flags=red_flags,
            )
            rows = [await _measure(runner, name, script, rounds) for name, script in SCRIPTS.items()]
            await client.aclose()
            return rows
    finally:
        drop_database(rendered)


async def _measure(runner: Runner, name: str, script: list[str], rounds: int) -> dict[str, Any]:
    latencies: list[float] = []
    outcomes: list[str] = []
    for _ in range(rounds):
        phone = f"+1555{secrets.randbelow(10**7):07d}"
        for text in script:
            started = time.perf_counter()
            result = await runner.run_turn(channel=Channel.CHAT, phone=phone, texts=[text])
            latencies.append((time.perf_counter() - started) * 1000)
        outcomes.append(result.outcome)
    return {
        "conversation": name,
        "turns": len(script),
        "rounds": rounds,
        "outcome": max(set(outcomes), key=outcomes.count),
        "p50_ms": round(statistics.median(latencies), 1),
        "p95_ms": round(percentile(latencies, 95) or 0.0, 1),
    }


def render(rows: list[dict[str, Any]], console: Console | None = None) -> None:
    table = Table(title="Offline agent: latency per turn (runner call to reply, Redis + Postgres included)")
    for column in ("conversation", "turns", "rounds", "outcome", "p50 ms", "p95 ms"):
        table.add_column(column, justify="left" if column in ("conversation", "outcome") else "right")
    for row in rows:
        table.add_row(
            row["conversation"],
            str(row["turns"]),
            str(row["rounds"]),
            row["outcome"],
            f"{row['p50_ms']:.1f}",
            f"{row['p95_ms']:.1f}",
        )
    (console or Console()).print(table)
