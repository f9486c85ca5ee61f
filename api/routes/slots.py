"""Staff API: free-slot search (what the agent would offer) and single slots."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Annotated
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Query

from api.deps import CurrentStaff, NowDep, RuntimeDep, SessionDep
from store.scheduling import service as scheduling
from store.scheduling.schemas import SlotOut, SlotSearchOut

router = APIRouter(prefix="/slots", tags=["scheduling"])
DEFAULT_WINDOW = timedelta(days=14)


def _clinic_time(value: datetime, tz: ZoneInfo) -> datetime:
    """In the clinic's zone; a time given without an offset is taken as clinic-local."""
    return value.replace(tzinfo=tz) if value.tzinfo is None else value.astimezone(tz)


@router.get("")
async def search_slots(
    runtime: RuntimeDep,
    session: SessionDep,
    _: CurrentStaff,
    now: NowDep,
    specialty: str | None = None,
    practitioner_id: uuid.UUID | None = None,
    location_id: uuid.UUID | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    part_of_day: scheduling.PartOfDay | None = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> SlotSearchOut:
    """The earliest free slots from `start` (default now) to `end` (default 14 days later).

    Times without an offset are clinic-local (`PRM_CLINIC_TZ`); results carry the clinic's offset.
    """
    tz = runtime.settings.tz
    start = _clinic_time(start or now, tz)
    end = _clinic_time(end or start + DEFAULT_WINDOW, tz)
    found = await scheduling.find_free_slots(
        session,
        start=start,
        end=end,
        specialty=specialty,
        practitioner_id=practitioner_id,
        location_id=location_id,
        part_of_day=part_of_day,
        tz=tz,
        now=now,
        limit=limit,
    )
    return SlotSearchOut(items=[SlotOut.of(s, tz) for s in found], start=start, end=end, limit=limit)


@router.get("/{slot_id}")
async def get_slot(slot_id: uuid.UUID, runtime: RuntimeDep, session: SessionDep, _: CurrentStaff) -> SlotOut:
    return SlotOut.of(await scheduling.get_slot(session, slot_id=slot_id), runtime.settings.tz)
