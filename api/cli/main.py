"""`prm serve`, `worker`, `db`, `seed`, `kb`, `chat`: running the clinic."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

from api.cli.common import EXIT_BAD_INPUT, console, with_runtime
from api.runtime import Runtime, open_runtime, servers
from api.settings import Settings

app = typer.Typer(no_args_is_help=True, help="PRM Agent: a conversational agent backend for clinics.")
db_app = typer.Typer(no_args_is_help=True, help="Database schema.")
kb_app = typer.Typer(no_args_is_help=True, help="The knowledge base.")
app.add_typer(db_app, name="db")
app.add_typer(kb_app, name="kb")


def _exit_on_signal(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to bind.")] = 8000,
    worker: Annotated[bool, typer.Option(help="Run the job worker in this process too.")] = True,
    workers: Annotated[
        int | None,
        typer.Option(help="`prm worker` processes besides (PRM_WORKER_PROCESSES; default: cores - 1)."),
    ] = None,
    api_processes: Annotated[
        int | None,
        typer.Option(min=1, help="API processes on the port, this one too (PRM_API_PROCESSES; default 1)."),
    ] = None,
) -> None:
    """Serve the API (and, unless --no-worker, the job worker) on HOST:PORT, migrating first; and
    worker processes for the other cores, and more API processes if asked, stopped with it."""
    import uvicorn

    from api.heap import settle_heap
    from api.logging import configure
    from api.supervisor import Child, Supervisor, listen, metrics_shared_by, usable_cores
    from api.worker import SHUTDOWN_GRACE_S, run_worker

    settings = Settings()
    configure(key=settings.log_key.get_secret_value() if settings.log_key else None)
    apis = api_processes or settings.api_processes
    try:
        listener = listen(host, port)  # first: a port in use fails fast; every API process accepts on it
    except OSError as error:
        console.print(f"[red]cannot listen on {host}:{port}: {error.strerror or error}[/red]")
        raise typer.Exit(1) from None
    with listener, servers(settings) as urls, metrics_shared_by(apis):
        from api.app import create_app  # after metrics_shared_by: it decides how metrics are kept
        from store.migrate import upgrade

        upgrade(urls.database_url)

        extra = workers if workers is not None else settings.channels.worker_processes
        if extra is None:
            extra = max(0, usable_cores() - 1)
        prm = str(Path(sys.executable).with_name("prm"))
        fd = listener.fileno()
        api_child = Child([prm, "api-process", str(fd)], niceness=0, pass_fds=(fd,))
        # the children use the servers this process resolved (embedded ones included)
        children = Supervisor(
            [api_child] * (apis - 1) + [Child([prm, "worker"])] * (extra if worker else 0),
            env=os.environ | {"DATABASE_URL": urls.database_url, "REDIS_URL": urls.redis_url},
            grace_s=SHUTDOWN_GRACE_S + 10,
        )

        async def main() -> None:
            async with open_runtime(settings, urls) as runtime:
                config = uvicorn.Config(create_app(settings, runtime), log_config=None)
                jobs = None
                if worker:
                    concurrency = settings.channels.worker_concurrency
                    # the heap is settled once the worker's warm-up is done (api/heap.py)
                    jobs = asyncio.create_task(run_worker(runtime, concurrency=concurrency, settle=True))
                else:
                    settle_heap()
                supervised = asyncio.create_task(children.run())
                try:
                    await uvicorn.Server(config).serve(sockets=[listener])
                finally:
                    if jobs is not None:
                        jobs.cancel()  # procrastinate finishes or abandons running jobs gracefully
                    await children.stop()  # SIGTERM: they finish their running jobs meanwhile
                    supervised.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await supervised
                    if jobs is not None:
                        with contextlib.suppress(asyncio.CancelledError):
                            await jobs

        # uvicorn re-raises SIGTERM after its graceful shutdown; turn it into SystemExit so that the
        # embedded servers are released (and stopped by their last user) instead of the process dying.
        signal.signal(signal.SIGTERM, _exit_on_signal)
        signal.signal(signal.SIGINT, _exit_on_signal)  # Ctrl-C: the same orderly stop, not a cancellation
        asyncio.run(main())


@app.command("api-process", hidden=True)
def api_process(
    fd: Annotated[int, typer.Argument(help="The listening socket `prm serve` bound, inherited.")],
) -> None:
    """One more API process of `prm serve` (which starts it): serves the socket it inherited, on the
    servers named by DATABASE_URL and REDIS_URL; no jobs, no migrations."""
    import socket

    import uvicorn

    from api.app import create_app
    from api.heap import settle_heap
    from api.logging import configure

    settings = Settings()
    configure(key=settings.log_key.get_secret_value() if settings.log_key else None)
    listener = socket.socket(fileno=fd)

    async def main() -> None:
        with servers(settings) as urls:
            async with open_runtime(settings, urls) as runtime:
                config = uvicorn.Config(create_app(settings, runtime), log_config=None)
                settle_heap()  # no worker here: what the imports and the app built (api/heap.py)
                await uvicorn.Server(config).serve(sockets=[listener])

    # a stop asked for (uvicorn re-raises SIGTERM once it has drained): exit 0, not started again
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    signal.signal(signal.SIGINT, lambda signum, frame: sys.exit(0))
    asyncio.run(main())


@app.command("worker")
def worker_command(
    concurrency: Annotated[
        int | None, typer.Option(help="Jobs run at once (PRM_WORKER_CONCURRENCY).")
    ] = None,
) -> None:
    """Run the job worker only (turns, sends, sweeps), e.g. on more machines."""
    from api.logging import configure
    from api.worker import run_worker

    settings = Settings()
    configure(key=settings.log_key.get_secret_value() if settings.log_key else None)

    async def work(runtime: Runtime) -> None:
        await run_worker(
            runtime,
            concurrency=concurrency or runtime.settings.channels.worker_concurrency,
            on_signals=True,  # SIGTERM: stop taking jobs, let running ones finish, then release the servers
            settle=True,
        )

    with_runtime(work)


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply the Alembic migrations up to head."""
    from store.migrate import upgrade

    with servers(Settings()) as urls:
        upgrade(urls.database_url)
    console.print("[green]database at head[/green]")


@app.command()
def seed(
    demo: Annotated[bool, typer.Option("--demo", help="Seed the demo clinic (Riverside Health).")] = False,
    now: Annotated[
        datetime | None, typer.Option(help="ISO 8601 instant the 60 days of slots start from.")
    ] = None,
) -> None:
    """Seed the demo clinic, idempotently."""
    if not demo:
        raise typer.BadParameter("only --demo is available", param_hint="--demo")
    from api.seeding import seed_demo

    with_runtime(lambda runtime: seed_demo(runtime, now=now, console=console))


@kb_app.command("ingest")
def kb_ingest(
    paths: Annotated[list[Path], typer.Argument(help="Markdown or text files, or folders of them.")],
) -> None:
    """Chunk, embed and index documents into the knowledge base."""
    from api.seeding import ingest_paths
    from store.errors import InvalidInput
    from store.knowledge.files import collect_files

    try:
        collect_files(paths)  # every path checked before any server starts: a typo fails fast
    except InvalidInput as error:
        console.print(f"[red]{error}[/red]")
        raise typer.Exit(EXIT_BAD_INPUT) from None
    with_runtime(lambda runtime: ingest_paths(runtime, paths, console=console))


async def _has_clinic(runtime: Runtime) -> bool:
    """Whether the database holds a clinic to talk about: a location or a practitioner."""
    from graphs.clinic import load_clinic

    async with runtime.sessions() as session:
        clinic = await load_clinic(session)
    return bool(clinic.specialties) or clinic.address is not None


@app.command()
def chat(
    phone: Annotated[str, typer.Option(help="The patient's phone, E.164 (as WhatsApp would verify it).")],
    now: Annotated[
        datetime | None, typer.Option(help="Start the clinic clock at this ISO 8601 time.")
    ] = None,
) -> None:
    """Talk to the agent as a patient, in the terminal (Ctrl-D or 'quit' to leave)."""
    from api.agent import build_runner
    from store.conversations.models import Channel
    from store.errors import InvalidInput
    from store.patients.service import normalize_phone

    try:
        verified = normalize_phone(phone)
    except InvalidInput as error:
        console.print(f"[red]--phone: {error.message}[/red]")
        raise typer.Exit(EXIT_BAD_INPUT) from None

    async def work(runtime: Runtime) -> None:
        from api.worker import build_worker, run_worker
        from channels.pipeline import QueuedLine

        if not await _has_clinic(runtime):
            console.print(
                "[red]This database has no clinic yet: no location and no practitioners to book with."
                "[/red]\nSeed the demo clinic first: [bold]prm seed --demo[/bold] (or enter your own "
                "clinic with 'prm clinic set')."
            )
            raise typer.Exit(EXIT_BAD_INPUT)
        runner = build_runner(runtime)
        with console.status("Getting the agent ready…"):  # the model loads now, not mid-conversation
            await runner.red_flags.warm()
        jobs = asyncio.create_task(
            run_worker(runtime, concurrency=1, worker=build_worker(runtime, runner=runner))
        )
        line = QueuedLine(
            runtime.sessions, runtime.queue, channel=Channel.CHAT, phone=verified, clock=runtime.clock
        )
        console.print(f"[dim]Talking to the agent as {verified}. Ctrl-D or 'quit' to leave.[/dim]")
        try:
            while True:
                try:
                    text = await asyncio.to_thread(console.input, "[bold cyan]you>[/bold cyan] ")
                except EOFError:
                    break
                if text.strip().lower() in {"quit", "exit"}:
                    break
                if not text.strip():
                    continue
                replies = await line.send(text)
                for reply in replies or ["(staff own this conversation: the agent stays silent)"]:
                    console.print(f"[bold green]agent>[/bold green] {reply}")
        finally:
            jobs.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await jobs

    with_runtime(work, now=now)
