"""What every `prm` command shares: the console, the runtime for one command, numbers as text, exit codes.

Exit codes: 0 done; 1 ran, but a gate was not reached (`--fail-under`, a regression) or the
operation was refused (an unknown id, a taken e-mail); 2 the input cannot be used (a bad dataset or
report).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import TypeVar

import typer
from rich.console import Console

from api.runtime import Runtime, open_runtime, servers
from api.settings import Settings

console = Console()
T = TypeVar("T")
EXIT_BELOW = 1
EXIT_REFUSED = 1
EXIT_BAD_INPUT = 2


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


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def number(value: float | None, digits: int = 0) -> str:
    return "—" if value is None else f"{value:,.{digits}f}"


def with_runtime_or_refuse(work: Callable[[Runtime], Awaitable[T]]) -> T:
    """`with_runtime`, where a refusal of the domain (an unknown id, a taken e-mail) is a red line
    and exit code 1 rather than a traceback."""
    from store.errors import DomainError

    try:
        return with_runtime(work)
    except DomainError as error:
        console.print(f"[red]{error}[/red]")
        raise typer.Exit(EXIT_REFUSED) from None
