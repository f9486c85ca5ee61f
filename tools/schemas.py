"""Arguments and results of every tool, as pydantic models a model (and a person) can read.

Arguments never include a patient id: tools act for the verified patient in `ToolContext`.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, time
from typing import Literal

from pydantic import BaseModel, Field

Specialty = Literal["family-medicine", "cardiology", "dermatology", "pediatrics", "orthopedics"]
PartOfDay = Literal["morning", "afternoon", "evening"]
TicketCategory = Literal["billing", "prescription", "medical_question", "complaint", "records", "other"]
TicketPriority = Literal["low", "normal", "high", "urgent"]


class IdentifyArgs(BaseModel):
    """Who is writing, when several patients share the phone or the phone is new to us."""

    name: str = Field(description="The patient's full name as they wrote it.", min_length=1, max_length=200)
    birth_date: date = Field(description="The patient's date of birth.")


class RegisterArgs(IdentifyArgs):
    """Register the person writing from an unknown phone as a new patient."""

    language: Literal["en", "es"] = Field(default="en", description="The language they write in.")


class PatientRef(BaseModel):
    """A patient as the graph sees them: no birth date, only whether they are a child today (a
    parent's "it's for my daughter" is then that child, or someone whose details must be asked)."""

    id: uuid.UUID
    given_name: str
    language: Literal["en", "es"]
    minor: bool = False


class FindSlotsArgs(BaseModel):
    """Search free appointment slots for a specialty in a time range (clinic time zone)."""

    specialty: Specialty = Field(description="The clinic specialty.")
    start: datetime = Field(description="Earliest start (aware datetime).")
    end: datetime = Field(description="Latest start, exclusive (aware datetime).")
    part_of_day: PartOfDay | None = Field(default=None, description="Only mornings, afternoons or evenings.")
    earliest: time | None = Field(default=None, description="No start before this clock time, any day.")
    latest: time | None = Field(default=None, description="Only starts before this clock time, any day.")
    practitioner: str | None = Field(
        default=None, description="A practitioner's surname the patient asked for."
    )
    limit: int = Field(default=3, ge=1, le=10)


class PractitionerArgs(BaseModel):
    """A practitioner the patient named, to learn their specialty ("con el Dr. Brooks")."""

    name: str = Field(
        min_length=1, max_length=100, description="The practitioner's name as the patient wrote it."
    )


class SlotOption(BaseModel):
    slot_id: uuid.UUID
    start: datetime
    end: datetime
    practitioner: str
    specialty: str


class BookArgs(BaseModel):
    """Book one offered slot for the verified patient."""

    slot_id: uuid.UUID = Field(description="The id of a slot that was offered to the patient.")
    reason: str | None = Field(default=None, max_length=500, description="Why the patient is coming.")


class AppointmentView(BaseModel):
    id: uuid.UUID
    start: datetime
    practitioner: str
    specialty: str
    address: str
    status: str


class BookingOutcome(BaseModel):
    """Either the booked appointment, or the slot was lost and here are alternatives."""

    status: Literal["booked", "slot_unavailable"]
    appointment: AppointmentView | None = None
    alternatives: list[SlotOption] = Field(default_factory=list)


class AppointmentArgs(BaseModel):
    """One of the verified patient's own appointments."""

    appointment_id: uuid.UUID
    reason: str | None = Field(default=None, max_length=500)


class RescheduleArgs(BaseModel):
    """Move one of the verified patient's appointments to an offered slot."""

    appointment_id: uuid.UUID
    slot_id: uuid.UUID


class TicketArgs(BaseModel):
    """Open a ticket for clinic staff with a summary they can act on."""

    category: TicketCategory
    priority: TicketPriority = "normal"
    summary: str = Field(min_length=1, max_length=300, description="One line a staff member can act on.")
    description: str | None = Field(default=None, max_length=4000, description="The patient's own words.")


class TicketRef(BaseModel):
    id: uuid.UUID
    reference: str  # short, readable: the first 8 hex digits of the id
    category: str
    priority: str
    due_at: datetime | None


class KnowledgeArgs(BaseModel):
    """Search the clinic's knowledge base (opening hours, parking, insurance, policies, …)."""

    query: str = Field(min_length=1, max_length=500)
    k: int = Field(default=3, ge=1, le=10)


class KnowledgeHit(BaseModel):
    title: str
    source: str
    text: str
    score: float


class JourneyEventArgs(BaseModel):
    """Tell the patient's care journeys that something happened (e.g. appointment.booked)."""

    event: str = Field(pattern=r"^[a-z_]+\.[a-z_]+$")
    appointment_start: datetime | None = None


class IntakeAnswerArgs(BaseModel):
    """Record the patient's answer to a journey intake question."""

    question: Literal["insurance", "allergies", "medications", "feeling_better", "satisfaction"]
    answer: str = Field(min_length=1, max_length=1000)


class HandoffArgs(BaseModel):
    """Hand the conversation to clinic staff; the agent stays silent while they own it."""

    reason: str = Field(min_length=1, max_length=300)


class ConsentArgs(BaseModel):
    """Record that the patient opted out of (or back into) messages."""

    opted_in: bool
