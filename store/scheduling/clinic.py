"""What the clinic's own rows say about it: its main location and the specialties it offers."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from store.errors import InvalidInput
from store.scheduling.models import Location, Practitioner


async def main_location(session: AsyncSession) -> Location | None:
    """The clinic's first location (the one it was set up with); None before any exists."""
    query = select(Location).order_by(Location.created_at, Location.id).limit(1)
    location: Location | None = await session.scalar(query)
    return location


async def offered_specialties(session: AsyncSession) -> list[str]:
    """The specialty codes of active practitioners, in alphabetical order."""
    query = (
        select(Practitioner.specialty).where(Practitioner.active).distinct().order_by(Practitioner.specialty)
    )
    return list(await session.scalars(query))


# What `set_main_location` may change; a new location needs the first five.
PROFILE_FIELDS = ("name", "address_line", "city", "state", "postal_code", "phone", "hours")
REQUIRED_TO_CREATE = PROFILE_FIELDS[:5]


async def set_main_location(
    session: AsyncSession, *, timezone: str, changes: Mapping[str, str | None]
) -> Location:
    """Change the main location's details (creating it, in `timezone`, when the clinic has none yet).

    InvalidInput names an unknown field, or the fields a first location still needs.
    """
    unknown = sorted(set(changes) - set(PROFILE_FIELDS))
    if unknown:
        raise InvalidInput(unknown[0], f"not a clinic detail; use {', '.join(PROFILE_FIELDS)}")
    location = await main_location(session)
    if location is None:
        missing = [name for name in REQUIRED_TO_CREATE if not changes.get(name)]
        if missing:
            raise InvalidInput(missing[0], f"a clinic's first location needs {', '.join(REQUIRED_TO_CREATE)}")
        location = Location(timezone=timezone)
        session.add(location)
    for name, value in changes.items():
        if name in REQUIRED_TO_CREATE and not value:
            raise InvalidInput(name, "cannot be empty")
        setattr(location, name, value or None)
    await session.flush()
    return location
