"""The scheduling domain's service: one import for every caller (tools, API, FHIR, seeding).

`from store.scheduling import service as scheduling`. The work is done in small modules —
`catalog` (practitioners, schedules, slot creation), `slots` (free-slot search), `booking`
(hold, book, cancel, reschedule), `appointments` (reads), `errors` (the conflicts) — and
re-exported here deliberately.
"""

from __future__ import annotations

from store.scheduling.appointments import get_appointment, get_appointments
from store.scheduling.booking import CANCELLABLE, book, cancel, hold_slot, reschedule
from store.scheduling.catalog import (
    create_location,
    create_practitioner,
    create_schedule,
    create_slots,
    get_practitioner,
    get_practitioners,
    get_schedule,
    get_schedules,
    weekday_grid,
)
from store.scheduling.errors import IdempotencyKeyReused, SlotUnavailable
from store.scheduling.slots import (
    PARTS_OF_DAY,
    PartOfDay,
    find_free_slots,
    get_slot,
    get_slots,
    nearest_free,
    slot_summary,
)
from store.scheduling.specialties import UnknownSpecialty

__all__ = [
    "CANCELLABLE",
    "PARTS_OF_DAY",
    "IdempotencyKeyReused",
    "PartOfDay",
    "SlotUnavailable",
    "UnknownSpecialty",
    "book",
    "cancel",
    "create_location",
    "create_practitioner",
    "create_schedule",
    "create_slots",
    "find_free_slots",
    "get_appointment",
    "get_appointments",
    "get_practitioner",
    "get_practitioners",
    "get_schedule",
    "get_schedules",
    "get_slot",
    "get_slots",
    "hold_slot",
    "nearest_free",
    "reschedule",
    "slot_summary",
    "weekday_grid",
]
