"""Scheduling's conflicts (both `Conflict`, so 409 at the API).

SlotUnavailable        the slot is taken, held by someone else, or past; carries alternatives
IdempotencyKeyReused   a key replayed with a different request
"""

from __future__ import annotations

import uuid
from typing import Any, TypeVar

from sqlalchemy import inspect

from store.errors import Conflict, IdempotencyKeyReused
from store.scheduling.models import Location, Practitioner, Schedule, Slot
from store.scheduling.slots import slot_summary

Row = TypeVar("Row", Slot, Schedule, Practitioner, Location)


def _copy(row: Row) -> Row:
    """A transient copy of a row's loaded columns: in no session, so no rollback can expire it."""
    loaded = inspect(row).dict
    columns = inspect(row).mapper.column_attrs
    return type(row)(**{c.key: loaded[c.key] for c in columns if c.key in loaded})


def snapshot(slot: Slot) -> Slot:
    """A detached copy of a slot with its schedule, practitioner and location."""
    schedule = _copy(slot.schedule)
    schedule.practitioner = _copy(slot.schedule.practitioner)
    schedule.location = _copy(slot.schedule.location)
    copy = _copy(slot)
    copy.schedule = schedule
    return copy


class SlotUnavailable(Conflict):
    """The slot cannot be taken; `alternatives` are nearby free slots of the same specialty.

    The alternatives are detached copies, readable after the transaction that raised this has
    rolled back, which is where callers usually catch it (the API renders it even later).
    """

    code = "slot_unavailable"

    def __init__(self, slot_id: uuid.UUID, alternatives: list[Slot]) -> None:
        super().__init__(f"slot {slot_id} is no longer available")
        self.slot_id = slot_id
        self.alternatives = [snapshot(s) for s in alternatives]

    def to_json(self) -> dict[str, Any]:
        return {"slot_id": str(self.slot_id), "alternatives": [slot_summary(s) for s in self.alternatives]}


__all__ = ["IdempotencyKeyReused", "SlotUnavailable"]
