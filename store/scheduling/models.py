"""Locations, practitioners, schedules, slots and appointments.

The invariant that matters most lives in the database: two active appointments of one
practitioner never overlap (`ex_appointments_no_overlap`, a GiST exclusion constraint), and one
slot holds at most one active appointment (`uq_appointments_active_slot`).
"""

from __future__ import annotations

import enum
import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, text
from sqlalchemy.dialects.postgresql import ExcludeConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from store.base import Base, Timestamps, UUIDPk, text_enum
from store.scheduling.specialties import SPECIALTIES


class SlotStatus(enum.StrEnum):
    """FHIR R4 Slot.status."""

    FREE = "free"
    BUSY = "busy"
    BUSY_TENTATIVE = "busy-tentative"
    BUSY_UNAVAILABLE = "busy-unavailable"


class AppointmentStatus(enum.StrEnum):
    """FHIR R4 Appointment.status."""

    PROPOSED = "proposed"
    PENDING = "pending"
    BOOKED = "booked"
    ARRIVED = "arrived"
    FULFILLED = "fulfilled"
    CANCELLED = "cancelled"
    NOSHOW = "noshow"
    ENTERED_IN_ERROR = "entered-in-error"
    CHECKED_IN = "checked-in"
    WAITLIST = "waitlist"


ACTIVE_STATUSES = (
    AppointmentStatus.PENDING,
    AppointmentStatus.BOOKED,
    AppointmentStatus.ARRIVED,
    AppointmentStatus.CHECKED_IN,
    AppointmentStatus.FULFILLED,
)
_ACTIVE_SQL = "status IN (" + ", ".join(f"'{s.value}'" for s in ACTIVE_STATUSES) + ")"
_OPEN_SQL = f"status IN ('{SlotStatus.FREE.value}', '{SlotStatus.BUSY_TENTATIVE.value}')"
_REMINDER_DUE_SQL = f"status = '{AppointmentStatus.BOOKED.value}' AND reminder_sent_at IS NULL"
_SPECIALTY_SQL = "specialty IN (" + ", ".join(f"'{c}'" for c in SPECIALTIES) + ")"


class Location(UUIDPk, Timestamps, Base):
    __tablename__ = "locations"

    name: Mapped[str] = mapped_column(String(200))
    address_line: Mapped[str] = mapped_column(String(200))
    city: Mapped[str] = mapped_column(String(100))
    state: Mapped[str] = mapped_column(String(50))
    postal_code: Mapped[str] = mapped_column(String(20))
    phone: Mapped[str | None] = mapped_column(String(16))
    timezone: Mapped[str] = mapped_column(String(64))
    hours: Mapped[str | None] = mapped_column(String(300))  # opening hours as patients are told them

    @property
    def address(self) -> str:
        return f"{self.address_line}, {self.city}, {self.state} {self.postal_code}"


class Practitioner(UUIDPk, Timestamps, Base):
    __tablename__ = "practitioners"
    __table_args__ = (CheckConstraint(_SPECIALTY_SQL, name="known_specialty"),)

    given_name: Mapped[str] = mapped_column(String(100))
    family_name: Mapped[str] = mapped_column(String(100))
    prefix: Mapped[str] = mapped_column(String(20), default="Dr.")
    specialty: Mapped[str] = mapped_column(String(32), index=True)
    active: Mapped[bool] = mapped_column(default=True)

    @property
    def display_name(self) -> str:
        return f"{self.prefix} {self.given_name} {self.family_name}".strip()


class Schedule(UUIDPk, Timestamps, Base):
    """One practitioner's bookable time at one location (FHIR Schedule)."""

    __tablename__ = "schedules"

    practitioner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("practitioners.id"), index=True)
    location_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("locations.id"), index=True)
    active: Mapped[bool] = mapped_column(default=True)

    practitioner: Mapped[Practitioner] = relationship(lazy="joined")
    location: Mapped[Location] = relationship(lazy="joined")


class Slot(UUIDPk, Base):
    """A bookable interval. A hold makes it busy-tentative until `hold_expires_at`."""

    __tablename__ = "slots"
    __table_args__ = (
        CheckConstraint("end_at > start_at", name="end_after_start"),
        Index("uq_slots_schedule_start", "schedule_id", "start_at", unique=True),
        Index("ix_slots_status_start", "status", "start_at"),
        # Free-slot search walks this in time order and stops at its limit ("first available").
        Index("ix_slots_open_start", "start_at", postgresql_where=text(_OPEN_SQL)),
    )

    schedule_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("schedules.id"))
    start_at: Mapped[datetime]
    end_at: Mapped[datetime]
    status: Mapped[SlotStatus] = mapped_column(text_enum(SlotStatus, "slot_status"), default=SlotStatus.FREE)
    hold_token: Mapped[str | None] = mapped_column(String(64))
    hold_expires_at: Mapped[datetime | None]

    schedule: Mapped[Schedule] = relationship(lazy="joined")


class Appointment(UUIDPk, Timestamps, Base):
    __tablename__ = "appointments"
    __table_args__ = (
        CheckConstraint("end_at > start_at", name="end_after_start"),
        ExcludeConstraint(
            ("practitioner_id", "="),
            (text("tstzrange(start_at, end_at, '[)')"), "&&"),
            name="ex_appointments_no_overlap",
            using="gist",
            where=text(_ACTIVE_SQL),
        ),
        Index("uq_appointments_active_slot", "slot_id", unique=True, postgresql_where=text(_ACTIVE_SQL)),
        Index("ix_appointments_patient_start", "patient_id", "start_at"),
        # The reminder and follow-up sweeps run every minute: each walks only the rows still owed one.
        Index("ix_appointments_reminder_due", "start_at", postgresql_where=text(_REMINDER_DUE_SQL)),
        Index("ix_appointments_followup_due", "end_at", postgresql_where=text("followup_sent_at IS NULL")),
    )

    patient_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("patients.id"))
    practitioner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("practitioners.id"))
    location_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("locations.id"))
    slot_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("slots.id"))
    start_at: Mapped[datetime]
    end_at: Mapped[datetime]
    status: Mapped[AppointmentStatus] = mapped_column(
        text_enum(AppointmentStatus, "appointment_status"), default=AppointmentStatus.BOOKED
    )
    specialty: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str | None] = mapped_column(Text)
    idempotency_key: Mapped[str | None] = mapped_column(String(200), unique=True)
    cancelled_at: Mapped[datetime | None]
    cancellation_reason: Mapped[str | None] = mapped_column(Text)
    rescheduled_from_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("appointments.id"))
    # Timed messages (store/scheduling/reminders.py): each is sent once per appointment row, and a
    # rescheduled appointment is a new row, so it earns its reminder again at its new time.
    reminder_sent_at: Mapped[datetime | None]
    followup_sent_at: Mapped[datetime | None]
    confirmed_at: Mapped[datetime | None]  # the patient confirmed by replying to the reminder

    practitioner: Mapped[Practitioner] = relationship(lazy="joined")
    location: Mapped[Location] = relationship(lazy="joined")
