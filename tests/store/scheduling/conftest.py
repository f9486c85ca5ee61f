"""A small clinic of this test's own, in a far-future week no other test uses.

The session database is shared, so each clinic gets its own practitioners, patients (random
phones) and a random week centuries ahead; searches by specialty stay inside that week.
"""

from __future__ import annotations

import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from store.patients import service as patients
from store.patients.models import Patient
from store.scheduling import service as scheduling
from store.scheduling.models import Location, Practitioner, Schedule, Slot
from tests.instant import NOW

TZ = ZoneInfo("America/New_York")


def random_phone() -> str:
    return f"+1555{random.randint(0, 9_999_999):07d}"


@dataclass
class Clinic:
    monday: date
    now: datetime  # Monday 08:00 clinic time, before the first slot
    location: Location
    derm_a: Practitioner
    derm_b: Practitioner
    cardio: Practitioner
    schedules: dict[str, Schedule]  # by practitioner key: derm_a, derm_b, cardio
    slots: dict[str, list[Slot]]  # by practitioner key, in time order
    patient: Patient
    other: Patient
    extra: dict[str, object] = field(default_factory=dict)

    def at(self, day: int, hour: int, minute: int = 0) -> datetime:
        """Clinic-local time on the clinic's `day` (0 = Monday)."""
        return datetime.combine(self.monday + timedelta(days=day), time(hour, minute), TZ)


def random_monday() -> date:
    day = date(2200, 1, 1) + timedelta(days=random.randint(0, 700_000))
    return day - timedelta(days=day.weekday())


async def build_clinic(session: AsyncSession, *, days: int = 3) -> Clinic:
    monday = random_monday()
    location = await scheduling.create_location(
        session,
        name="Test Clinic",
        address_line="1 Test St",
        city="Testville",
        state="NY",
        postal_code="10001",
        timezone=TZ.key,
    )
    people = {
        "derm_a": await scheduling.create_practitioner(
            session, given_name="Ada", family_name="Alvarez", specialty="dermatology"
        ),
        "derm_b": await scheduling.create_practitioner(
            session, given_name="Ben", family_name="Brown", specialty="dermatology"
        ),
        "cardio": await scheduling.create_practitioner(
            session, given_name="Cy", family_name="Cole", specialty="cardiology"
        ),
    }
    grid = scheduling.weekday_grid(monday, days, TZ)
    schedules: dict[str, Schedule] = {}
    slots: dict[str, list[Slot]] = {}
    for key, practitioner in people.items():
        schedules[key] = await scheduling.create_schedule(
            session, practitioner_id=practitioner.id, location_id=location.id
        )
        slots[key] = await scheduling.create_slots(session, schedule_id=schedules[key].id, intervals=grid)
    phone = random_phone()
    patient = await patients.create(
        session,
        given_name="Pat",
        family_name="Test",
        birth_date=date(1980, 1, 2),
        phone=phone,
        today=NOW.date(),
    )
    other = await patients.create(
        session,
        given_name="Olive",
        family_name="Other",
        birth_date=date(1990, 3, 4),
        phone=random_phone(),
        today=NOW.date(),
    )
    return Clinic(
        monday=monday,
        now=datetime.combine(monday, time(8), TZ),
        location=location,
        derm_a=people["derm_a"],
        derm_b=people["derm_b"],
        cardio=people["cardio"],
        schedules=schedules,
        slots=slots,
        patient=patient,
        other=other,
    )


@pytest.fixture
async def clinic(session: AsyncSession) -> Clinic:
    """A clinic inside the test's rolled-back transaction."""
    return await build_clinic(session)


@pytest.fixture
def clinic_builder() -> Callable[..., Awaitable[Clinic]]:
    """For tests that commit their clinic (concurrency across connections)."""
    return build_clinic
