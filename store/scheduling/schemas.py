"""Scheduling as the staff API receives and returns it; times in the clinic's zone, with offset."""

from __future__ import annotations

import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field

from store.scheduling.models import Appointment, AppointmentStatus, Practitioner, Slot, SlotStatus
from store.scheduling.specialties import SPECIALTIES


class PractitionerCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    given_name: str = Field(min_length=1, max_length=100)
    family_name: str = Field(min_length=1, max_length=100)
    specialty: str = Field(min_length=1, max_length=32)
    prefix: str = Field(default="Dr.", max_length=20)


class PractitionerOut(BaseModel):
    id: uuid.UUID
    name: str
    given_name: str
    family_name: str
    prefix: str
    specialty: str
    specialty_display: str
    active: bool

    @classmethod
    def of(cls, practitioner: Practitioner) -> PractitionerOut:
        return cls(
            id=practitioner.id,
            name=practitioner.display_name,
            given_name=practitioner.given_name,
            family_name=practitioner.family_name,
            prefix=practitioner.prefix,
            specialty=practitioner.specialty,
            specialty_display=SPECIALTIES[practitioner.specialty].display,
            active=practitioner.active,
        )


class SlotOut(BaseModel):
    id: uuid.UUID
    start: datetime
    end: datetime
    status: SlotStatus
    schedule_id: uuid.UUID
    practitioner_id: uuid.UUID
    practitioner: str
    specialty: str
    location_id: uuid.UUID
    location: str

    @classmethod
    def of(cls, slot: Slot, tz: ZoneInfo) -> SlotOut:
        schedule = slot.schedule
        return cls(
            id=slot.id,
            start=slot.start_at.astimezone(tz),
            end=slot.end_at.astimezone(tz),
            status=slot.status,
            schedule_id=schedule.id,
            practitioner_id=schedule.practitioner.id,
            practitioner=schedule.practitioner.display_name,
            specialty=schedule.practitioner.specialty,
            location_id=schedule.location.id,
            location=schedule.location.name,
        )


class SlotSearchOut(BaseModel):
    """The earliest free slots in [start, end): a search result, not a page of a list."""

    items: list[SlotOut]
    start: datetime
    end: datetime
    limit: int


class AppointmentCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    slot_id: uuid.UUID
    patient_id: uuid.UUID
    reason: str | None = Field(default=None, max_length=1000)


class AppointmentCancel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str | None = Field(default=None, max_length=1000)


class AppointmentReschedule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    slot_id: uuid.UUID


class AppointmentOut(BaseModel):
    id: uuid.UUID
    status: AppointmentStatus
    patient_id: uuid.UUID
    practitioner_id: uuid.UUID
    practitioner: str
    specialty: str
    location_id: uuid.UUID
    location: str
    slot_id: uuid.UUID
    start: datetime
    end: datetime
    reason: str | None
    created_at: datetime
    cancelled_at: datetime | None
    cancellation_reason: str | None
    rescheduled_from_id: uuid.UUID | None

    @classmethod
    def of(cls, appointment: Appointment, tz: ZoneInfo) -> AppointmentOut:
        return cls(
            id=appointment.id,
            status=appointment.status,
            patient_id=appointment.patient_id,
            practitioner_id=appointment.practitioner_id,
            practitioner=appointment.practitioner.display_name,
            specialty=appointment.specialty,
            location_id=appointment.location_id,
            location=appointment.location.name,
            slot_id=appointment.slot_id,
            start=appointment.start_at.astimezone(tz),
            end=appointment.end_at.astimezone(tz),
            reason=appointment.reason,
            created_at=appointment.created_at,
            cancelled_at=appointment.cancelled_at.astimezone(tz) if appointment.cancelled_at else None,
            cancellation_reason=appointment.cancellation_reason,
            rescheduled_from_id=appointment.rescheduled_from_id,
        )
