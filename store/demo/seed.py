"""Seeding the demo clinic (`prm seed --demo`): its data (clinic.py) and documents (documents/) in
the database.

Everything is idempotent. Rows are found by their natural keys (the location's name, a doctor's
name and specialty, a patient's phone and name, a journey's key, a document's source); slots are
bulk-inserted with ON CONFLICT DO NOTHING on (schedule_id, start_at), so a second run adds
nothing and a run with a later `now` only adds the days not yet covered. Whether a slot is
pre-booked is a hash of the doctor and the instant, not a random draw, so it never depends on
which run created the slot. Pre-booked appointments are background data: they emit no events and
start no journeys.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

import store.demo.documents
from store.database import transaction
from store.demo import clinic as demo
from store.errors import NotFound
from store.journeys import service as journeys
from store.knowledge.embeddings import Embedder
from store.knowledge.files import SILENT, Tracker, ingest_files
from store.patients import service as patients
from store.patients.models import Patient
from store.scheduling import service as scheduling
from store.scheduling.models import (
    Appointment,
    AppointmentStatus,
    Location,
    Practitioner,
    Schedule,
    Slot,
    SlotStatus,
)

DEMO_DOCUMENTS = Path(store.demo.documents.__file__).parent
BATCH = 1_000


@dataclass
class SeedReport:
    """What a run found and what it added."""

    practitioners: int = 0
    slots_added: int = 0
    appointments_added: int = 0
    patients_added: int = 0
    journeys_added: int = 0
    documents: dict[str, int] = field(default_factory=dict)


def clinic_time(now: datetime, tz: ZoneInfo) -> datetime:
    """`now` in the clinic's zone; a naive `now` is read as clinic wall-clock time."""
    return now.replace(tzinfo=tz) if now.tzinfo is None else now.astimezone(tz)


def prebooked_by(practitioner: demo.DemoPractitioner, start: datetime) -> int | None:
    """Which booker holds this slot (an index into BOOKERS), or None for a free slot."""
    key = f"{practitioner.given_name} {practitioner.family_name}|{start.astimezone(UTC).isoformat()}"
    value = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big")
    if value % 100 >= demo.BOOKED_PERCENT:
        return None
    return (value // 100) % len(demo.BOOKERS)


async def _location(session: AsyncSession, tz: ZoneInfo) -> Location:
    found = await session.scalar(select(Location).where(Location.name == demo.LOCATION["name"]))
    location = found or await scheduling.create_location(session, timezone=tz.key, **demo.LOCATION)
    if location.hours is None:  # a demo seeded before the clinic's hours were data
        location.hours = demo.HOURS
    return location


async def _practitioner(session: AsyncSession, spec: demo.DemoPractitioner) -> Practitioner:
    found = await session.scalar(
        select(Practitioner).where(
            Practitioner.given_name == spec.given_name,
            Practitioner.family_name == spec.family_name,
            Practitioner.specialty == spec.specialty,
        )
    )
    return found or await scheduling.create_practitioner(
        session, given_name=spec.given_name, family_name=spec.family_name, specialty=spec.specialty
    )


async def _schedule(session: AsyncSession, practitioner: Practitioner, location: Location) -> Schedule:
    found = await session.scalar(
        select(Schedule).where(
            Schedule.practitioner_id == practitioner.id, Schedule.location_id == location.id
        )
    )
    return found or await scheduling.create_schedule(
        session, practitioner_id=practitioner.id, location_id=location.id
    )


async def _patients(
    session: AsyncSession, specs: Iterable[demo.DemoPatient], report: SeedReport, today: date
) -> list[Patient]:
    found: list[Patient] = []
    for spec in specs:
        on_phone = await patients.find_by_phone(session, phone=spec.phone)
        existing = next(
            (p for p in on_phone if (p.given_name, p.family_name) == (spec.given_name, spec.family_name)),
            None,
        )
        if existing is None:
            existing = await patients.create(
                session,
                given_name=spec.given_name,
                family_name=spec.family_name,
                birth_date=spec.birth_date,
                phone=spec.phone,
                preferred_language=spec.language,
                today=today,
            )
            report.patients_added += 1
        found.append(existing)
    return found


async def _journeys(session: AsyncSession, report: SeedReport) -> None:
    for spec in demo.JOURNEYS:
        try:
            await journeys.get_definition(session, key=spec.key)
        except NotFound:
            await journeys.create_definition(
                session, key=spec.key, name=spec.name, trigger=spec.trigger, stages=spec.stages
            )
            report.journeys_added += 1


def slot_grid(now: datetime, tz: ZoneInfo) -> list[tuple[datetime, datetime]]:
    """The clinic's 30-minute weekday slots starting in [now, now + DAYS_OF_SLOTS days), none on the
    holidays the clinic closes for (its opening hours say so, so no booking may land on one)."""
    end = now + timedelta(days=demo.DAYS_OF_SLOTS)
    grid = scheduling.weekday_grid(now.astimezone(tz).date(), demo.DAYS_OF_SLOTS + 1, tz)
    return [
        (start, stop)
        for start, stop in grid
        if now <= start < end and not demo.closed_on(start.astimezone(tz).date())
    ]


async def _slots_for(
    session: AsyncSession,
    *,
    spec: demo.DemoPractitioner,
    practitioner: Practitioner,
    schedule: Schedule,
    grid: Sequence[tuple[datetime, datetime]],
    bookers: Sequence[Patient],
) -> tuple[int, int]:
    """Insert the practitioner's missing slots and book the pre-booked ones among them."""
    rows = [
        {
            "id": uuid.uuid4(),
            "schedule_id": schedule.id,
            "start_at": start,
            "end_at": end,
            "status": SlotStatus.FREE,
        }
        for start, end in grid
    ]
    added: list[Any] = []
    for first in range(0, len(rows), BATCH):
        statement = (
            insert(Slot)
            .on_conflict_do_nothing(index_elements=["schedule_id", "start_at"])
            .returning(Slot.id, Slot.start_at, Slot.end_at)
        )
        added.extend((await session.execute(statement, rows[first : first + BATCH])).all())
    appointments = [
        {
            "id": uuid.uuid4(),
            "patient_id": bookers[booker].id,
            "practitioner_id": practitioner.id,
            "location_id": schedule.location_id,
            "slot_id": slot.id,
            "start_at": slot.start_at,
            "end_at": slot.end_at,
            "status": AppointmentStatus.BOOKED,
            "specialty": practitioner.specialty,
            "reason": demo.SEED_REASON,
            "idempotency_key": f"seed-demo:{slot.id}",
        }
        for slot in added
        if (booker := prebooked_by(spec, slot.start_at)) is not None
    ]
    if not appointments:
        return len(added), 0
    # No conflict target: DO NOTHING then also covers the no-overlap exclusion constraint, and
    # only the slots whose appointment was really inserted are marked busy.
    booked = await session.scalars(
        insert(Appointment).on_conflict_do_nothing().returning(Appointment.slot_id), appointments
    )
    slot_ids = list(booked)
    await session.execute(update(Slot).where(Slot.id.in_(slot_ids)).values(status=SlotStatus.BUSY))
    return len(added), len(slot_ids)


async def _seed_clinic(
    session: AsyncSession, *, now: datetime, tz: ZoneInfo, report: SeedReport, progress: Tracker
) -> None:
    location = await _location(session, tz)
    today = now.astimezone(tz).date()
    await _patients(session, demo.PATIENTS, report, today)
    bookers = await _patients(session, demo.BOOKERS, report, today)
    await _journeys(session, report)
    grid = slot_grid(now, tz)
    task = progress.add_task("Practitioners and slots", total=len(demo.PRACTITIONERS))
    for spec in demo.PRACTITIONERS:
        practitioner = await _practitioner(session, spec)
        schedule = await _schedule(session, practitioner, location)
        slots, booked = await _slots_for(
            session, spec=spec, practitioner=practitioner, schedule=schedule, grid=grid, bookers=bookers
        )
        report.practitioners += 1
        report.slots_added += slots
        report.appointments_added += booked
        progress.advance(task)


async def seed_demo(
    sessions: async_sessionmaker[AsyncSession],
    embedder: Embedder,
    *,
    now: datetime,
    tz: ZoneInfo,
    progress: Tracker = SILENT,
) -> SeedReport:
    """Build (or top up) the demo clinic: 60 days of slots from `now`, demo patients, journeys, KB.

    The clinic is one transaction; each knowledge document is its own (embedding is the slow part,
    and a document already ingested is skipped on the next run anyway).
    """
    clinic_now = clinic_time(now, tz)
    report = SeedReport()
    async with transaction(sessions) as session:
        await _seed_clinic(session, now=clinic_now, tz=tz, report=report, progress=progress)
    documents = await ingest_files(
        sessions, embedder, demo_documents(), progress=progress, source=lambda path: f"demo/{path.name}"
    )
    report.documents = {"ingested": documents.ingested, "unchanged": documents.unchanged}
    return report


def demo_documents() -> list[Path]:
    return sorted(DEMO_DOCUMENTS.glob("*.md"))
