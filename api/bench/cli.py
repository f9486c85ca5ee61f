"""`prm bench`: starts the servers each benchmark needs, runs it, renders and saves its rows."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Annotated

import typer

from api.settings import Settings

app = typer.Typer(no_args_is_help=True, help="Benchmarks (slot search, knowledge search, checkpointer).")
QuickOpt = Annotated[bool, typer.Option("--quick", help="A small run that finishes in seconds.")]
OutOpt = Annotated[Path | None, typer.Option("--out", help="Also write the rows as JSON here.")]


def _write(rows: list[dict[str, object]], out: Path | None) -> None:
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(rows, indent=2, default=str))


@app.command("slots")
def slots_command(quick: QuickOpt = False, out: OutOpt = None) -> None:
    """Free-slot search over 100 practitioners x 1 year of slots: p50/p95 per query shape."""
    from api.bench import slots as bench
    from api.runtime import servers

    with servers(Settings()) as urls:
        rows = asyncio.run(bench.run(urls.database_url, quick=quick))
    bench.render(rows)
    _write(rows, out)


@app.command("knowledge")
def knowledge_command(quick: QuickOpt = False, out: OutOpt = None) -> None:
    """Knowledge search over 100k chunks: HNSW recall@10 against exact search, and p50/p95."""
    from api.bench import knowledge as bench
    from api.runtime import servers
    from store.knowledge.embeddings import LocalEmbedder

    with servers(Settings()) as urls:
        rows = asyncio.run(bench.run(urls.database_url, LocalEmbedder(), quick=quick))
    bench.render(rows)
    _write(rows, out)


@app.command("checkpoint")
def checkpoint_command(quick: QuickOpt = False, out: OutOpt = None) -> None:
    """Our Redis checkpointer against AsyncPostgresSaver, InMemorySaver and plainredis."""
    from api.bench import checkpoint as bench
    from api.runtime import servers

    with servers(Settings()) as urls:
        rows = asyncio.run(bench.run(urls.redis_url, urls.database_url, quick=quick))
    bench.render(rows)
    _write(rows, out)


@app.command("agent")
def agent_command(quick: QuickOpt = False, out: OutOpt = None) -> None:
    """The offline agent: turn latency p50/p95 and turns per booking on the demo clinic."""
    from api.bench import agent as bench
    from api.runtime import servers
    from store.knowledge.embeddings import LocalEmbedder

    with servers(Settings()) as urls:
        rows = asyncio.run(bench.run(urls.database_url, urls.redis_url, LocalEmbedder(), quick=quick))
    bench.render(rows)
    _write(rows, out)
