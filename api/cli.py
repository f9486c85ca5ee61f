"""`prm`: the command line (Typer). Every command builds its runtime here, the composition root."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import uuid
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console

from api.bench.cli import app as bench_app
from api.eval_cli import eval_app
from api.runtime import Runtime, open_runtime, servers
from api.settings import Settings
from store.auth.models import ApiToken, Role

app = typer.Typer(no_args_is_help=True, help="PRM Agent: a conversational agent backend for clinics.")
db_app = typer.Typer(no_args_is_help=True, help="Database schema.")
token_app = typer.Typer(no_args_is_help=True, help="API tokens for staff and integrations.")
kb_app = typer.Typer(no_args_is_help=True, help="The knowledge base.")
user_app = typer.Typer(no_args_is_help=True, help="Console accounts for clinic staff.")
app.add_typer(db_app, name="db")
app.add_typer(token_app, name="token")
app.add_typer(kb_app, name="kb")
app.add_typer(user_app, name="user")
app.add_typer(bench_app, name="bench")
app.add_typer(eval_app, name="eval")
console = Console()
T = TypeVar("T")


def with_runtime(
    work: Callable[[Runtime], Awaitable[T]], *, migrate: bool = True, now: datetime | None = None
) -> T:
    """Start (or reuse) the servers, migrate, open the runtime, run `work`, close everything.

    `now` starts the clinic's clock there (as `PRM_NOW` does; naive is clinic wall-clock time).
    """
    from store.migrate import upgrade

    settings = Settings()
    if now is not None:
        settings = settings.model_copy(update={"now": now})

    async def main() -> T:
        with servers(settings) as urls:
            if migrate:
                await asyncio.to_thread(upgrade, urls.database_url)
            async with open_runtime(settings, urls) as runtime:
                return await work(runtime)

    return asyncio.run(main())


def _exit_on_signal(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to bind.")] = 8000,
    worker: Annotated[bool, typer.Option(help="Run the job worker in this process too.")] = True,
) -> None:
    """Serve the API (and, unless --no-worker, the job worker) on HOST:PORT, migrating first."""
    import uvicorn

    from api.app import create_app
    from api.logging import configure
    from api.worker import run_worker

    configure()
    settings = Settings()
    with servers(settings) as urls:
        from store.migrate import upgrade

        upgrade(urls.database_url)

        async def main() -> None:
            async with open_runtime(settings, urls) as runtime:
                config = uvicorn.Config(create_app(settings, runtime), host=host, port=port, log_config=None)
                jobs = None
                if worker:
                    concurrency = settings.channels.worker_concurrency
                    jobs = asyncio.create_task(run_worker(runtime, concurrency=concurrency))
                try:
                    await uvicorn.Server(config).serve()
                finally:
                    if jobs is not None:
                        jobs.cancel()  # procrastinate finishes or abandons running jobs gracefully
                        with contextlib.suppress(asyncio.CancelledError):
                            await jobs

        # uvicorn re-raises SIGTERM after its graceful shutdown; turn it into SystemExit so that the
        # embedded servers are released (and stopped by their last user) instead of the process dying.
        signal.signal(signal.SIGTERM, _exit_on_signal)
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

    configure()

    async def work(runtime: Runtime) -> None:
        await run_worker(
            runtime,
            concurrency=concurrency or runtime.settings.channels.worker_concurrency,
            on_signals=True,  # SIGTERM: stop taking jobs, let running ones finish, then release the servers
        )

    with_runtime(work)


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply the Alembic migrations up to head."""
    from store.migrate import upgrade

    with servers(Settings()) as urls:
        upgrade(urls.database_url)
    console.print("[green]database at head[/green]")


@token_app.command("create")
def token_create(
    role: Annotated[Role, typer.Option(help="admin or staff")],
    name: Annotated[str, typer.Option(help="Who or what uses the token.")] = "cli",
    expires_days: Annotated[
        int | None, typer.Option(min=1, max=3650, help="Stop working after this many days (default: never).")
    ] = None,
) -> None:
    """Print a new bearer token once (only its hash is stored): the secret on stdout, its id on stderr.

    The secret alone on stdout, so that `TOKEN=$(prm token create …)` works in scripts.
    """
    from datetime import timedelta

    from store.auth import service as auth
    from store.database import transaction

    async def work(runtime: Runtime) -> tuple[str, ApiToken]:
        expires_at = runtime.clock() + timedelta(days=expires_days) if expires_days else None
        async with transaction(runtime.sessions) as session:
            return await auth.create_token(session, name=name, role=role, expires_at=expires_at)

    secret, token = with_runtime(work)
    until = f", expires {token.expires_at:%Y-%m-%d %H:%M %Z}" if token.expires_at else ""
    typer.echo(f"token id {token.id} ({token.role.value}, {token.name}{until})", err=True)
    typer.echo(secret)


@token_app.command("list")
def token_list() -> None:
    """Every token: id, name, role, created, last used (to the minute), expiry, revoked (never a secret)."""
    from rich.table import Table

    from store.auth import service as auth

    def when(value: datetime | None) -> str:
        return f"{value:%Y-%m-%d %H:%M}" if value else ""

    async def work(runtime: Runtime) -> None:
        async with runtime.sessions() as session:
            found = await auth.get_all(session)
        table = Table("name", "role", "created", "last used", "expires", "revoked")
        table.add_column("id", no_wrap=True)  # whole, to copy into `prm token revoke`
        for t in found:
            row = (when(t.created_at), when(t.last_used_at), when(t.expires_at), when(t.revoked_at))
            table.add_row(t.name, t.role.value, *row, str(t.id))
        console.print(table)

    with_runtime(work)


@token_app.command("revoke")
def token_revoke(
    token_id: Annotated[uuid.UUID, typer.Argument(help="The token's id (prm token list).")],
) -> None:
    """The token answers 401 from now on."""
    from store.auth import service as auth
    from store.database import transaction
    from store.errors import DomainError

    async def work(runtime: Runtime) -> None:
        async with transaction(runtime.sessions) as session:
            token = await auth.revoke(session, token_id=token_id, now=runtime.clock())
        console.print(f"revoked {token.id} ({token.name})")

    try:
        with_runtime(work)
    except DomainError as error:
        console.print(f"[red]{error}[/red]")
        raise typer.Exit(1) from None


@user_app.command("create")
def user_create(
    email: Annotated[str, typer.Option(help="The person's e-mail: their sign-in name.")],
    name: Annotated[str, typer.Option(help="The name shown to colleagues and in the audit log.")],
    role: Annotated[Role, typer.Option(help="staff or admin")] = Role.STAFF,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input (scripts).")
    ] = False,
) -> None:
    """Create a console account (the password is hashed with argon2id; at least 12 characters)."""
    import sys

    from store.auth import users
    from store.database import transaction
    from store.errors import DomainError

    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)

    async def work(runtime: Runtime) -> None:
        async with transaction(runtime.sessions) as session:
            user = await users.create(session, email=email, name=name, role=role, password=password)
        console.print(f"[green]created[/green] {user.email} ({user.role.value})")

    try:
        with_runtime(work)
    except DomainError as error:
        console.print(f"[red]{error}[/red]")
        raise typer.Exit(1) from None


@user_app.command("list")
def user_list() -> None:
    """Console accounts: e-mail, name, role, active."""
    from rich.table import Table

    from store.auth import users

    async def work(runtime: Runtime) -> None:
        async with runtime.sessions() as session:
            found = await users.get_all(session)
        table = Table("email", "name", "role", "active")
        for user in found:
            table.add_row(user.email or "", user.name, user.role.value, "yes" if user.active else "no")
        console.print(table)

    with_runtime(work)


@user_app.command("disable")
def user_disable(email: Annotated[str, typer.Option(help="The account's e-mail.")]) -> None:
    """The account can no longer sign in, and its console sessions end now."""
    from store.auth import users
    from store.database import transaction
    from store.errors import DomainError

    async def work(runtime: Runtime) -> None:
        async with transaction(runtime.sessions) as session:
            await users.disable(session, email=email, now=runtime.clock())
        console.print(f"disabled {email}")

    try:
        with_runtime(work)
    except DomainError as error:
        console.print(f"[red]{error}[/red]")
        raise typer.Exit(1) from None


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

    with_runtime(lambda runtime: ingest_paths(runtime, paths, console=console))


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
    from store.patients.service import normalize_phone

    verified = normalize_phone(phone)

    async def work(runtime: Runtime) -> None:
        from api.pipeline import QueuedLine
        from api.worker import build_worker, run_worker

        runner = build_runner(runtime)
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
