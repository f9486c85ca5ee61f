"""`prm bench`: starts the servers each benchmark needs, runs it, renders and saves its rows."""

from __future__ import annotations

import asyncio
import json
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from api.runtime import ServerUrls
from api.settings import Settings

app = typer.Typer(
    no_args_is_help=True, help="Benchmarks (slot search, knowledge search, checkpointer, agent)."
)
QuickOpt = Annotated[bool, typer.Option("--quick", help="A small run that finishes in seconds.")]
OutOpt = Annotated[Path | None, typer.Option("--out", help="Also write the rows as JSON here.")]
Rows = list[dict[str, Any]]


def _slots(urls: ServerUrls, quick: bool) -> Rows:
    from api.bench import slots as bench

    rows = asyncio.run(bench.run(urls.database_url, quick=quick))
    bench.render(rows)
    return rows


def _knowledge(urls: ServerUrls, quick: bool) -> Rows:
    from api.bench import knowledge as bench
    from store.knowledge.embeddings import LocalEmbedder

    rows = asyncio.run(bench.run(urls.database_url, LocalEmbedder(), quick=quick))
    bench.render(rows)
    return rows


def _checkpoint(urls: ServerUrls, quick: bool, cluster_url: str | None = None) -> Rows:
    from api.bench import checkpoint as bench

    rows = asyncio.run(bench.run(urls.redis_url, urls.database_url, quick=quick, cluster_url=cluster_url))
    bench.render(rows)
    return rows


@contextmanager
def _local_cluster(wanted: bool) -> Iterator[str | None]:
    """A Valkey cluster of three primaries for the run (in a temporary directory, gone after), or None."""
    if not wanted:
        yield None
        return
    from store.embedded.cluster import EmbeddedValkeyCluster

    with (
        tempfile.TemporaryDirectory(prefix="prm-bench-cluster-") as directory,
        EmbeddedValkeyCluster(Path(directory)) as cluster,
    ):
        yield cluster.url


def _agent(urls: ServerUrls, quick: bool) -> Rows:
    from api.bench import agent as bench
    from store.knowledge.embeddings import LocalEmbedder

    rows = asyncio.run(bench.run(urls.database_url, urls.redis_url, LocalEmbedder(), quick=quick))
    bench.render(rows)
    return rows


def _load(urls: ServerUrls, quick: bool) -> Rows:
    """`prm bench load` at its defaults (quick: 10 msg/s for 5 s from 100 patients)."""
    from api.bench import load as bench

    data_dir = str(Settings().storage.data_dir)
    if quick:
        rows = asyncio.run(bench.run(urls, rate=10, seconds=5, patients_count=100, data_dir=data_dir))
    else:
        rows = asyncio.run(bench.run(urls, data_dir=data_dir))
    bench.render(rows)
    return rows


def _api(urls: ServerUrls, quick: bool) -> Rows:
    """`prm bench api` at its defaults (quick: 4 clients, 3 s a mix)."""
    from api.bench import api_mix as bench

    data_dir = str(Settings().storage.data_dir)
    rows = asyncio.run(
        bench.run(urls, clients=4 if quick else 20, seconds=3 if quick else 20, data_dir=data_dir)
    )
    bench.render(rows)
    return rows


BENCHMARKS: dict[str, Callable[[ServerUrls, bool], Rows]] = {
    "slots": _slots,
    "knowledge": _knowledge,
    "checkpoint": _checkpoint,
    "agent": _agent,
    "load": _load,
    "api": _api,
}


def _run(names: list[str], quick: bool) -> dict[str, Rows]:
    from api.runtime import servers

    with servers(Settings()) as urls:
        return {name: BENCHMARKS[name](urls, quick) for name in names}


def _write(rows: object, out: Path | None) -> None:
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(rows, indent=2, default=str))


@app.command("slots")
def slots_command(quick: QuickOpt = False, out: OutOpt = None) -> None:
    """Free-slot search over 100 practitioners x 1 year of slots: p50/p95 per query shape."""
    _write(_run(["slots"], quick)["slots"], out)


@app.command("knowledge")
def knowledge_command(quick: QuickOpt = False, out: OutOpt = None) -> None:
    """Knowledge search over 100k chunks: HNSW recall@10 against exact search, and p50/p95."""
    _write(_run(["knowledge"], quick)["knowledge"], out)


@app.command("checkpoint")
def checkpoint_command(
    quick: QuickOpt = False,
    out: OutOpt = None,
    cluster: Annotated[
        bool, typer.Option("--cluster", help="Also ours on a local Redis Cluster (three Valkey nodes).")
    ] = False,
) -> None:
    """Our Redis checkpointer against AsyncPostgresSaver, InMemorySaver and plainredis."""
    from api.runtime import servers

    with servers(Settings()) as urls, _local_cluster(cluster) as cluster_url:
        _write(_checkpoint(urls, quick, cluster_url), out)


@app.command("agent")
def agent_command(quick: QuickOpt = False, out: OutOpt = None) -> None:
    """The offline agent: turn latency p50/p95 and turns per booking on the demo clinic."""
    _write(_run(["agent"], quick)["agent"], out)


@app.command("load")
def load_command(
    rate: Annotated[float, typer.Option(help="Messages a second, from all patients together.", min=0.1)] = 50,
    seconds: Annotated[float, typer.Option(help="How long the rate is held.", min=1)] = 60,
    patients: Annotated[int, typer.Option(help="Registered patients writing in turn.", min=1)] = 1000,
    workers: Annotated[
        int | None,
        typer.Option(help="`prm serve --workers N` (default: its own, one per core but one).", min=0),
    ] = None,
    reply: Annotated[
        str, typer.Option(help="rest: replies by Twilio's API; twiml: in the answer when quick")
    ] = "rest",
    drain: Annotated[float, typer.Option(help="Seconds to wait for late replies once none arrives.")] = 60,
    api_processes: Annotated[
        int | None, typer.Option(help="`prm serve --api-processes N` (default: its own, one).", min=1)
    ] = None,
    out: OutOpt = None,
) -> None:
    """The front door: signed webhooks at a fixed rate to `prm serve` as `make run` starts it; ack and
    turn percentiles, throughput, messages lost and answered twice."""
    from api.bench import load as bench
    from api.runtime import servers

    if reply not in ("rest", "twiml"):
        raise typer.BadParameter("rest or twiml", param_hint="--reply")
    settings = Settings()
    with servers(settings) as urls:
        rows = asyncio.run(
            bench.run(
                urls,
                rate=rate,
                seconds=seconds,
                patients_count=patients,
                workers=workers,
                api_processes=api_processes,
                reply=reply,
                drain_s=drain,
                data_dir=str(settings.storage.data_dir),
            )
        )
    bench.render(rows)
    _write(rows, out)


@app.command("api")
def api_command(
    clients: Annotated[int, typer.Option(help="Clients sending at once.", min=1)] = 20,
    seconds: Annotated[float, typer.Option(help="How long each mix runs.", min=1)] = 20,
    writes: Annotated[bool, typer.Option(help="Also the write mix (patients, bookings, tickets).")] = True,
    api_processes: Annotated[
        int | None, typer.Option(help="`prm serve --api-processes N` (default: its own, one).", min=1)
    ] = None,
    out: OutOpt = None,
) -> None:
    """The staff and FHIR API at `--clients` concurrent clients, on one token and on one each:
    requests a second and p50/p95/p99 per endpoint."""
    from api.bench import api_mix as bench
    from api.runtime import servers

    settings = Settings()
    with servers(settings) as urls:
        rows = asyncio.run(
            bench.run(
                urls,
                clients=clients,
                seconds=seconds,
                writes=writes,
                data_dir=str(settings.storage.data_dir),
                api_processes=api_processes,
            )
        )
    bench.render(rows)
    _write(rows, out)


@app.command("all")
def all_command(quick: QuickOpt = False, out: OutOpt = None) -> None:
    """Every benchmark above, one after another on the same servers; `--out` gets one JSON of all rows."""
    _write(_run(list(BENCHMARKS), quick), out)
