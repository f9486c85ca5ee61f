"""`prm token`: bearer tokens for integrations (create once-shown secrets, list, revoke)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

import typer

from api.cli.common import console, with_runtime, with_runtime_or_refuse
from api.runtime import Runtime
from store.auth.models import ApiToken, Role

token_app = typer.Typer(no_args_is_help=True, help="API tokens for staff and integrations.")


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

    async def work(runtime: Runtime) -> None:
        async with transaction(runtime.sessions) as session:
            token = await auth.revoke(session, token_id=token_id, now=runtime.clock())
        console.print(f"revoked {token.id} ({token.name})")

    with_runtime_or_refuse(work)
