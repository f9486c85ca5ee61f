"""What can be booked: locations, practitioners, their schedules, and the slots on them.

Reads for the API and FHIR, and the writes that seeding, benchmarks and tests build a clinic with.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterable, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select, false, func, literal, select
from sqlalchemy.ext.asyncio import AsyncSession

from store.errors import InvalidInput, NotFound
from store.names import word_prefix
from store.scheduling import specialties
from store.scheduling.models import Location, Practitioner, Schedule, Slot, SlotStatus

OPENS, CLOSES, LUNCH = time(9), time(17), (time(12), time(13))


def weekday_grid(
    first_day: date, days: int, tz: ZoneInfo, *, minutes: int = 30
) -> list[tuple[datetime, datetime]]:
    """The clinic's standard slots: weekdays 09:00-17:00 local, every `minutes`, lunch left free.

    Local wall-clock times in `tz`, so 09:00 stays 09:00 across daylight-saving changes.
    """
    step = timedelta(minutes=minutes)
    grid: list[tuple[datetime, datetime]] = []
    for offset in range(days):
        day = first_day + timedelta(days=offset)
        if day.weekday() >= 5:
            continue
        start, close = datetime.combine(day, OPENS, tz), datetime.combine(day, CLOSES, tz)
        while (end := start + step) <= close:
            if not (start.time() < LUNCH[1] and end.time() > LUNCH[0]):
                grid.append((start, end))
            start = end
    return grid


async def count(session: AsyncSession, query: Select[Any]) -> int:
    """How many rows `query` matches, ignoring its order, limit and offset."""
    counted = query.order_by(None).limit(None).offset(None).subquery()
    return await session.scalar(select(func.count()).select_from(counted)) or 0


async def get_practitioner(session: AsyncSession, *, practitioner_id: uuid.UUID) -> Practitioner:
    practitioner = await session.get(Practitioner, practitioner_id)
    if practitioner is None:
        raise NotFound("practitioner", practitioner_id)
    return practitioner


async def get_practitioners(
    session: AsyncSession,
    *,
    specialty: str | None = None,
    names: Sequence[Sequence[str]] = (),
    ids: Collection[uuid.UUID] | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[Practitioner], int]:
    """A page of practitioners by family name, and how many match in all: optionally of one
    specialty (`UnknownSpecialty`), with any of `ids`, and whose name (prefix, given and family)
    has a word starting with one prefix of each group in `names` (see `store/names.py`)."""
    query = select(Practitioner)
    if specialty is not None:
        query = query.where(Practitioner.specialty == specialties.get(specialty).code)
    if ids is not None:
        query = query.where(Practitioner.id.in_(ids) if ids else false())
    full_name = (
        Practitioner.prefix + literal(" ") + Practitioner.given_name + literal(" ") + Practitioner.family_name
    )
    query = query.where(*(word_prefix(full_name, group) for group in names))
    total = await count(session, query)
    page = query.order_by(Practitioner.family_name, Practitioner.given_name, Practitioner.id)
    return list(await session.scalars(page.limit(limit).offset(offset))), total


async def create_practitioner(
    session: AsyncSession, *, given_name: str, family_name: str, specialty: str, prefix: str = "Dr."
) -> Practitioner:
    for field, value in (("given_name", given_name), ("family_name", family_name)):
        if not value.strip() or len(value) > 100:
            raise InvalidInput(field, "must be 1 to 100 characters")
    practitioner = Practitioner(
        given_name=given_name.strip(),
        family_name=family_name.strip(),
        prefix=prefix.strip(),
        specialty=specialties.get(specialty).code,
    )
    session.add(practitioner)
    await session.flush()
    return practitioner


async def create_location(
    session: AsyncSession,
    *,
    name: str,
    address_line: str,
    city: str,
    state: str,
    postal_code: str,
    timezone: str,
    phone: str | None = None,
) -> Location:
    location = Location(
        name=name,
        address_line=address_line,
        city=city,
        state=state,
        postal_code=postal_code,
        timezone=timezone,
        phone=phone,
    )
    session.add(location)
    await session.flush()
    return location


async def get_schedule(session: AsyncSession, *, schedule_id: uuid.UUID) -> Schedule:
    schedule = await session.get(Schedule, schedule_id)
    if schedule is None:
        raise NotFound("schedule", schedule_id)
    return schedule


async def get_schedules(
    session: AsyncSession, *, practitioner_id: uuid.UUID | None = None, limit: int = 50, offset: int = 0
) -> tuple[list[Schedule], int]:
    query = select(Schedule)
    if practitioner_id is not None:
        query = query.where(Schedule.practitioner_id == practitioner_id)
    total = await count(session, query)
    page = query.order_by(Schedule.created_at, Schedule.id).limit(limit).offset(offset)
    return list(await session.scalars(page)), total


async def create_schedule(
    session: AsyncSession, *, practitioner_id: uuid.UUID, location_id: uuid.UUID
) -> Schedule:
    """A practitioner's bookable time at a location (both must exist: NotFound otherwise)."""
    practitioner = await get_practitioner(session, practitioner_id=practitioner_id)
    location = await session.get(Location, location_id)
    if location is None:
        raise NotFound("location", location_id)
    schedule = Schedule(practitioner=practitioner, location=location)
    session.add(schedule)
    await session.flush()
    return schedule


async def create_slots(
    session: AsyncSession,
    *,
    schedule_id: uuid.UUID,
    intervals: Iterable[tuple[datetime, datetime]],
    status: SlotStatus = SlotStatus.FREE,
) -> list[Slot]:
    """Free slots on a schedule, one per (start, end); times must carry a zone."""
    schedule = await get_schedule(session, schedule_id=schedule_id)
    slots: list[Slot] = []
    for start, end in intervals:
        if start.tzinfo is None or end.tzinfo is None:
            raise InvalidInput("start", "must include a UTC offset")
        if end <= start:
            raise InvalidInput("end", "must be after start")
        slots.append(Slot(schedule=schedule, start_at=start, end_at=end, status=status))
    session.add_all(slots)
    await session.flush()
    return slots
