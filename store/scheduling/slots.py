"""Reading slots: the free-slot search the agent offers from, alternatives, and generic search.

"Free" is decided at the instant `now` the caller passes: status `free`, or a `busy-tentative`
hold that has expired. Nothing sweeps expired holds; the predicate makes them free again.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Select, Time, and_, cast, extract, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import contains_eager

from store.errors import InvalidInput, NotFound
from store.scheduling import specialties
from store.scheduling.catalog import count
from store.scheduling.models import Practitioner, Schedule, Slot, SlotStatus

PartOfDay = Literal["morning", "afternoon", "evening"]
# Clinic-local bounds: morning < 12:00 <= afternoon < 17:00 <= evening.
PARTS_OF_DAY: dict[str, tuple[time, time | None]] = {
    "morning": (time(0), time(12)),
    "afternoon": (time(12), time(17)),
    "evening": (time(17), None),
}
ALTERNATIVES_WINDOW = timedelta(days=14)


def slot_summary(slot: Slot) -> dict[str, str]:
    """The short form offered to people and integrations (times in UTC with their offset)."""
    practitioner = slot.schedule.practitioner
    return {
        "id": str(slot.id),
        "start": slot.start_at.astimezone(UTC).isoformat(),
        "end": slot.end_at.astimezone(UTC).isoformat(),
        "practitioner_id": str(practitioner.id),
        "practitioner": practitioner.display_name,
        "specialty": practitioner.specialty,
    }


def is_open(now: datetime) -> ColumnElement[bool]:
    """SQL: the slot can be held or booked at `now`."""
    return or_(
        Slot.status == SlotStatus.FREE,
        and_(Slot.status == SlotStatus.BUSY_TENTATIVE, Slot.hold_expires_at <= now),
    )


def _with_owner() -> Select[Slot]:
    """Slots joined to schedule, practitioner and location, loaded from that one join."""
    return (
        select(Slot)
        .join(Slot.schedule)
        .join(Schedule.practitioner)
        .join(Schedule.location)
        .options(
            contains_eager(Slot.schedule).contains_eager(Schedule.practitioner),
            contains_eager(Slot.schedule).contains_eager(Schedule.location),
        )
    )


def _bookable(now: datetime) -> Select[Slot]:
    return _with_owner().where(is_open(now), Slot.start_at >= now, Schedule.active, Practitioner.active)


def _in_part_of_day(part: str, tz: ZoneInfo) -> ColumnElement[bool]:
    if part not in PARTS_OF_DAY:
        raise InvalidInput("part_of_day", f"must be one of {', '.join(PARTS_OF_DAY)}")
    local = cast(func.timezone(tz.key, Slot.start_at), Time)
    low, high = PARTS_OF_DAY[part]
    return and_(local >= low, local < high) if high is not None else local >= low


def _in_clock_window(earliest: time | None, latest: time | None, tz: ZoneInfo) -> ColumnElement[bool]:
    """Slots whose local start is in [earliest, latest) each day ("any day after 3")."""
    local = cast(func.timezone(tz.key, Slot.start_at), Time)
    bounds = [*([local >= earliest] if earliest else []), *([local < latest] if latest else [])]
    return and_(*bounds)


def _aware(value: datetime, tz: ZoneInfo) -> datetime:
    """Naive times are clinic-local wall-clock times."""
    return value.replace(tzinfo=tz) if value.tzinfo is None else value


async def get_slot(session: AsyncSession, *, slot_id: uuid.UUID) -> Slot:
    slot = await session.get(Slot, slot_id)
    if slot is None:
        raise NotFound("slot", slot_id)
    return slot


async def find_free_slots(
    session: AsyncSession,
    *,
    start: datetime,
    end: datetime,
    specialty: str | None = None,
    practitioner_id: uuid.UUID | None = None,
    location_id: uuid.UUID | None = None,
    schedule_id: uuid.UUID | None = None,
    part_of_day: PartOfDay | None = None,
    earliest: time | None = None,
    latest: time | None = None,
    tz: ZoneInfo,
    now: datetime,
    limit: int = 10,
) -> list[Slot]:
    """The earliest free slots starting in [start, end) and not before `now`.

    Ordered by start, then practitioner, so equal times from different practitioners sit side
    by side and an offer of three spreads across them. `part_of_day`, and the clock window
    [`earliest`, `latest`) each day, are in the clinic zone `tz`.
    """
    start, end = _aware(start, tz), _aware(end, tz)
    if end <= start:
        raise InvalidInput("end", "must be after start")
    if not 1 <= limit <= 200:
        raise InvalidInput("limit", "must be between 1 and 200")
    query = _bookable(now).where(Slot.start_at >= start, Slot.start_at < end)
    if specialty is not None:
        query = query.where(Practitioner.specialty == specialties.get(specialty).code)
    if practitioner_id is not None:
        query = query.where(Schedule.practitioner_id == practitioner_id)
    if location_id is not None:
        query = query.where(Schedule.location_id == location_id)
    if schedule_id is not None:
        query = query.where(Slot.schedule_id == schedule_id)
    if part_of_day is not None:
        query = query.where(_in_part_of_day(part_of_day, tz))
    if earliest is not None or latest is not None:
        query = query.where(_in_clock_window(earliest, latest, tz))
    query = query.order_by(Slot.start_at, Practitioner.family_name, Practitioner.id).limit(limit)
    return list(await session.scalars(query))


async def nearest_free(session: AsyncSession, *, slot: Slot, now: datetime, limit: int = 3) -> list[Slot]:
    """Free slots of `slot`'s specialty nearest in time to it (before or after), excluding it."""
    target = slot.start_at
    distance = func.abs(extract("epoch", Slot.start_at - target))
    query = (
        _bookable(now)
        .where(
            Practitioner.specialty == slot.schedule.practitioner.specialty,
            Slot.id != slot.id,
            Slot.start_at >= target - ALTERNATIVES_WINDOW,
            Slot.start_at < target + ALTERNATIVES_WINDOW,
        )
        .order_by(distance, Slot.start_at, Practitioner.family_name)
        .limit(limit)
    )
    return list(await session.scalars(query))


def _status(value: SlotStatus | str) -> SlotStatus:
    try:
        return SlotStatus(value)
    except ValueError:
        raise InvalidInput("status", f"must be one of {', '.join(s.value for s in SlotStatus)}") from None


async def get_slots(
    session: AsyncSession,
    *,
    status: SlotStatus | str | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    schedule_id: uuid.UUID | None = None,
    specialty: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[Slot], int]:
    """Slots by stored status (no hold-expiry logic) starting in [start, end), by start time."""
    query = _with_owner()
    if status is not None:
        query = query.where(Slot.status == _status(status))
    if start is not None:
        query = query.where(Slot.start_at >= start)
    if end is not None:
        query = query.where(Slot.start_at < end)
    if schedule_id is not None:
        query = query.where(Slot.schedule_id == schedule_id)
    if specialty is not None:
        query = query.where(Practitioner.specialty == specialties.get(specialty).code)
    total = await count(session, query)
    page = query.order_by(Slot.start_at, Slot.id).limit(limit).offset(offset)
    return list(await session.scalars(page)), total
