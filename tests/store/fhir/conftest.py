"""A small clinic of this test's own (random far-future week, random phones) in the test's transaction."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from store.patients import service as patients
from store.patients.models import Patient
from store.scheduling import service as scheduling
from store.scheduling.models import Appointment, Location, Practitioner, Schedule, Slot
from tests.instant import NOW

TZ = ZoneInfo("America/New_York")


def random_phone() -> str:
    return f"+1555{random.randint(0, 9_999_999):07d}"


@dataclass
class Clinic:
    monday: date
    now: datetime
    location: Location
    cardio: Practitioner
    schedule: Schedule
    slots: list[Slot]
    patient: Patient
    appointment: Appointment


@pytest.fixture
async def clinic(session: AsyncSession) -> Clinic:
    day = date(2200, 1, 1) + timedelta(days=random.randint(0, 700_000))
    monday = day - timedelta(days=day.weekday())
    location = await scheduling.create_location(
        session,
        name="Riverside Test",
        address_line="1 River Rd",
        city="Testville",
        state="NY",
        postal_code="10001",
        timezone=TZ.key,
    )
    cardio = await scheduling.create_practitioner(
        session, given_name="Cy", family_name="Cole", specialty="cardiology"
    )
    schedule = await scheduling.create_schedule(session, practitioner_id=cardio.id, location_id=location.id)
    slots = await scheduling.create_slots(
        session, schedule_id=schedule.id, intervals=scheduling.weekday_grid(monday, 1, TZ)
    )
    patient = await patients.create(
        session,
        given_name="Ana María",
        family_name="Rodríguez",
        birth_date=date(1992, 7, 21),
        phone=random_phone(),
        preferred_language="es",
        email="ana@example.org",
        today=NOW.date(),
    )
    now = datetime.combine(monday, time(8), TZ)
    appointment = await scheduling.book(
        session, slot_id=slots[0].id, patient_id=patient.id, reason="chest pain on stairs", now=now
    )
    return Clinic(monday, now, location, cardio, schedule, slots, patient, appointment)
