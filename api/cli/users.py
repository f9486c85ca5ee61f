"""`prm user`: console accounts for clinic staff (create, list, disable)."""

from __future__ import annotations

from typing import Annotated

import typer

from api.cli.common import console, with_runtime, with_runtime_or_refuse
from api.runtime import Runtime
from store.auth.models import Role

user_app = typer.Typer(no_args_is_help=True, help="Console accounts for clinic staff.")


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

    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)

    async def work(runtime: Runtime) -> None:
        async with transaction(runtime.sessions) as session:
            user = await users.create(session, email=email, name=name, role=role, password=password)
        console.print(f"[green]created[/green] {user.email} ({user.role.value})")

    with_runtime_or_refuse(work)


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

    async def work(runtime: Runtime) -> None:
        async with transaction(runtime.sessions) as session:
            await users.disable(session, email=email, now=runtime.clock())
        console.print(f"disabled {email}")

    with_runtime_or_refuse(work)
