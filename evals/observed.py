"""What a scenario's database holds once the conversation is over: the facts the scorer judges.

Read for the scenario's phone (every patient registered on it, every conversation on it), because
that is what the agent may act on; plus what the agent must not have touched or shown: the other
patients' appointments and the other patients themselves.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import asdict, dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from store.conversations.models import Conversation, ConversationStatus
from store.journeys.models import JourneyInstance
from store.patients.models import Patient
from store.scheduling.models import ACTIVE_STATUSES, Appointment, AppointmentStatus
from store.tickets.models import Ticket
from store.traces.models import Trace

NOON, FIVE_PM = dt.time(12, 0), dt.time(17, 0)
EFFECTS = frozenset({"booked", "rescheduled", "cancelled", "ticket", "handoff"})  # rows that show them
NOT_OUTCOMES = frozenset({"none", "error"})  # a turn that ended no task, or failed (the errors check)


def part_of_day(moment: dt.time) -> str:
    """morning < 12:00 ≤ afternoon < 17:00 ≤ evening, in the clinic's zone."""
    return "morning" if moment < NOON else "afternoon" if moment < FIVE_PM else "evening"


@dataclass(frozen=True)
class StoredAppointment:
    id: str
    patient: str
    specialty: str
    practitioner: str
    date: str  # clinic-local
    time: str  # clinic-local HH:MM
    part_of_day: str
    status: str
    rescheduled_from: str | None

    @property
    def active(self) -> bool:
        return self.status in {status.value for status in ACTIVE_STATUSES}


@dataclass(frozen=True)
class StoredTicket:
    category: str
    priority: str
    status: str
    summary: str


@dataclass(frozen=True)
class Person:
    name: str
    birth_date: dt.date


@dataclass
class Holdings:
    """The database's side of a scenario (what `report.html` shows as "the database holds")."""

    patients: list[str] = field(default_factory=list)  # names registered on the scenario's phone
    appointments: list[StoredAppointment] = field(default_factory=list)
    tickets: list[StoredTicket] = field(default_factory=list)
    conversation_statuses: list[str] = field(default_factory=list)
    turn_outcomes: list[str] = field(default_factory=list)  # each traced turn's outcome, in order
    turn_errors: list[str] = field(default_factory=list)
    journeys: list[dict[str, Any]] = field(default_factory=list)
    others_changed: int = 0  # other patients' appointments cancelled or moved
    other_people: list[Person] = field(default_factory=list)  # for the leak check; never reported

    @property
    def active_appointments(self) -> list[StoredAppointment]:
        return [a for a in self.appointments if a.active]

    @property
    def outcome(self) -> str:
        """The scenario's outcome: the last traced turn's that was not "none" (a "thanks" after a
        booking ends no task), so a conversation that booked and then cancelled is "cancelled"."""
        return next((o for o in reversed(self.turn_outcomes) if o not in NOT_OUTCOMES), "none")

    def effects(self) -> set[str]:
        """The changes the rows show, whatever the turns said: what an outcome must be backed by."""
        found = set()
        active = self.active_appointments
        if any(a.rescheduled_from for a in active):
            found.add("rescheduled")
        if any(not a.rescheduled_from for a in active):
            found.add("booked")
        replaced = {a.rescheduled_from for a in self.appointments}
        if any(
            a.status == AppointmentStatus.CANCELLED.value and a.id not in replaced for a in self.appointments
        ):
            found.add("cancelled")
        if self.tickets:
            found.add("ticket")
        if ConversationStatus.HANDOFF.value in self.conversation_statuses:
            found.add("handoff")
        return found

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("other_people")
        return data


def _name(given: str, family: str) -> str:
    return f"{given} {family}"


async def observe(sessions: async_sessionmaker[AsyncSession], *, phone: str, tz: ZoneInfo) -> Holdings:
    """Read what the database holds for the scenario on `phone`."""
    async with sessions() as session:
        return await _observe(session, phone=phone, tz=tz)


async def _observe(session: AsyncSession, *, phone: str, tz: ZoneInfo) -> Holdings:
    mine = list(
        await session.scalars(select(Patient).where(Patient.phone == phone).order_by(Patient.created_at))
    )
    ids = [p.id for p in mine]
    names = {p.id: _name(p.given_name, p.family_name) for p in mine}
    conversations = list(await session.scalars(select(Conversation).where(Conversation.address == phone)))
    conversation_ids = [c.id for c in conversations]
    holdings = Holdings(
        patients=list(names.values()),
        conversation_statuses=[c.status.value for c in conversations],
        appointments=await _appointments(session, ids, names, tz),
        tickets=await _tickets(session, ids, conversation_ids),
        journeys=await _journeys(session, ids),
        others_changed=await _others_changed(session, ids),
    )
    traces = await session.execute(
        select(Trace.outcome, Trace.error)
        .where(Trace.conversation_id.in_(conversation_ids))
        .order_by(Trace.started_at, Trace.turn)
    )
    for outcome, error in traces:
        holdings.turn_outcomes.append(outcome)
        if error:
            holdings.turn_errors.append(error)
    others = await session.execute(
        select(Patient.given_name, Patient.family_name, Patient.birth_date).where(Patient.phone != phone)
    )
    holdings.other_people = [Person(_name(g, f), born) for g, f, born in others]
    return holdings


async def _appointments(
    session: AsyncSession, ids: list[uuid.UUID], names: dict[uuid.UUID, str], tz: ZoneInfo
) -> list[StoredAppointment]:
    rows = await session.scalars(
        select(Appointment).where(Appointment.patient_id.in_(ids)).order_by(Appointment.created_at)
    )
    found = []
    for a in rows:
        local = a.start_at.astimezone(tz)
        found.append(
            StoredAppointment(
                id=str(a.id),
                patient=names[a.patient_id],
                specialty=a.specialty,
                practitioner=_name(a.practitioner.given_name, a.practitioner.family_name),
                date=local.date().isoformat(),
                time=local.strftime("%H:%M"),
                part_of_day=part_of_day(local.time()),
                status=a.status.value,
                rescheduled_from=str(a.rescheduled_from_id) if a.rescheduled_from_id else None,
            )
        )
    return found


async def _tickets(
    session: AsyncSession, ids: list[uuid.UUID], conversation_ids: list[uuid.UUID]
) -> list[StoredTicket]:
    rows = await session.scalars(
        select(Ticket)
        .where(or_(Ticket.patient_id.in_(ids), Ticket.conversation_id.in_(conversation_ids)))
        .order_by(Ticket.created_at)
    )
    return [StoredTicket(t.category.value, t.priority.value, t.status.value, t.summary) for t in rows]


async def _journeys(session: AsyncSession, ids: list[uuid.UUID]) -> list[dict[str, Any]]:
    rows = await session.scalars(
        select(JourneyInstance)
        .where(JourneyInstance.patient_id.in_(ids))
        .order_by(JourneyInstance.created_at)
    )
    return [
        {
            "journey": j.definition.key,
            "stage": j.current_stage_key,
            "status": j.status.value,
            "answered": sorted(j.context.get("answers", {})) if isinstance(j.context, dict) else [],
        }
        for j in rows
    ]


async def _others_changed(session: AsyncSession, ids: list[uuid.UUID]) -> int:
    """Appointments of patients not on this phone that were cancelled or moved (seeded ones never are)."""
    changed = or_(
        Appointment.status == AppointmentStatus.CANCELLED, Appointment.rescheduled_from_id.is_not(None)
    )
    query = select(func.count()).select_from(Appointment).where(Appointment.patient_id.not_in(ids), changed)
    return int(await session.scalar(query) or 0)
