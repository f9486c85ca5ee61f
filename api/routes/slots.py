"""Staff API: free-slot search (what the agent would offer) and single slots."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import CurrentStaff, RuntimeDep, SessionDep
from store.scheduling import service as scheduling
from store.scheduling.schemas import SlotOut, SlotSearchOut

router = APIRouter(prefix="/api/v1/prm/slots", tags=["scheduling"])
DEFAULT_WINDOW = timedelta(days=14)


@router.get("")
async def search_slots(
    runtime: RuntimeDep,
    session: SessionDep,
    _: CurrentStaff,
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
    now = datetime.now(UTC)
    start = start or now
    end = end or start + DEFAULT_WINDOW
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
    return SlotSearchOut(
        items=[SlotOut.of(s, tz) for s in found],
        start=(start if start.tzinfo else start.replace(tzinfo=tz)).astimezone(tz),
        end=(end if end.tzinfo else end.replace(tzinfo=tz)).astimezone(tz),
        limit=limit,
    )


@router.get("/{slot_id}")
async def get_slot(slot_id: uuid.UUID, runtime: RuntimeDep, session: SessionDep, _: CurrentStaff) -> SlotOut:
    return SlotOut.of(await scheduling.get_slot(session, slot_id=slot_id), runtime.settings.tz)
