"""`prm clinic`: the clinic's own details (name, address, phone, hours), which the agent speaks with.

They are its main location's row; the specialties it offers are those of its active practitioners.
A running agent picks a change up within a minute (graphs/clinic.py).
"""

from __future__ import annotations

from typing import Annotated

import typer

from api.cli.common import console, with_runtime, with_runtime_or_refuse
from api.runtime import Runtime

clinic_app = typer.Typer(no_args_is_help=True, help="The clinic's name, address, phone and hours.")


@clinic_app.command("show")
def clinic_show() -> None:
    """What the agent knows about the clinic it speaks for."""
    from graphs.clinic import load_clinic

    async def work(runtime: Runtime) -> None:
        async with runtime.sessions() as session:
            clinic = await load_clinic(session)
        console.print(f"name         {clinic.name or '- (the agent says: ' + clinic.called('en') + ')'}")
        console.print(f"address      {clinic.address or '-'}")
        console.print(f"phone        {clinic.phone or '-'}")
        console.print(f"hours        {clinic.hours or '-'}")
        console.print(f"specialties  {', '.join(clinic.specialties) or '-'}")

    with_runtime(work)


@clinic_app.command("set")
def clinic_set(
    name: Annotated[str | None, typer.Option(help="As patients know it: 'Lakeside Family Practice'.")] = None,
    address_line: Annotated[str | None, typer.Option(help="Street and number.")] = None,
    city: Annotated[str | None, typer.Option()] = None,
    state: Annotated[str | None, typer.Option()] = None,
    postal_code: Annotated[str | None, typer.Option()] = None,
    phone: Annotated[str | None, typer.Option(help="The front desk, E.164: +15550104000.")] = None,
    hours: Annotated[
        str | None, typer.Option(help="As patients are told: 'Monday to Friday, 8 to 5'.")
    ] = None,
) -> None:
    """Change the clinic's details; the first time, name, address line, city, state and postal code."""
    from store.database import transaction
    from store.errors import InvalidInput
    from store.phones import e164
    from store.scheduling.clinic import set_main_location

    given = {
        "name": name,
        "address_line": address_line,
        "city": city,
        "state": state,
        "postal_code": postal_code,
        "phone": phone,
        "hours": hours,
    }
    changes = {key: value for key, value in given.items() if value is not None}

    async def work(runtime: Runtime) -> None:
        if phone is not None:
            try:
                changes["phone"] = e164(phone)
            except ValueError as error:
                raise InvalidInput("phone", str(error)) from None
        async with transaction(runtime.sessions) as session:
            location = await set_main_location(session, timezone=runtime.settings.tz.key, changes=changes)
        console.print(f"[green]saved[/green] {location.name}, {location.address}")

    with_runtime_or_refuse(work)
