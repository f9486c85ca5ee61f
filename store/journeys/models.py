"""Journey definitions, their stages, per-patient instances and each instance's history."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from store.base import Base, Timestamps, UUIDPk, text_enum


class JourneyStatus(enum.StrEnum):
    ACTIVE = "active"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class JourneyDefinition(UUIDPk, Timestamps, Base):
    """A pathway such as new-patient onboarding; `trigger` is the event that starts it."""

    __tablename__ = "journey_definitions"

    key: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    trigger: Mapped[str | None] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(default=True)

    stages: Mapped[list[JourneyStage]] = relationship(
        order_by="JourneyStage.position", lazy="selectin", cascade="all, delete-orphan"
    )


class JourneyStage(UUIDPk, Base):
    """One ordered step. `advance_on` names the event that completes it (or null: manual/answer).

    `actions` are timed: `[{"kind": "send_message", "template": "...", "offset_minutes": 1440,
    "anchor": "stage_entered" | "appointment_start"}]`; `asks` lists the questions the patient is
    asked conversationally in this stage (e.g. insurance, allergies).
    """

    __tablename__ = "journey_stages"
    __table_args__ = (
        UniqueConstraint("definition_id", "position", name="uq_journey_stages_position"),
        UniqueConstraint("definition_id", "key", name="uq_journey_stages_key"),
    )

    definition_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("journey_definitions.id", ondelete="CASCADE"))
    position: Mapped[int]
    key: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    advance_on: Mapped[str | None] = mapped_column(String(64))
    asks: Mapped[list[str]] = mapped_column(default=list)
    actions: Mapped[list[dict[str, Any]]] = mapped_column(default=list)


class JourneyInstance(UUIDPk, Timestamps, Base):
    """A patient on a journey; at most one active instance per patient and definition."""

    __tablename__ = "journey_instances"
    __table_args__ = (
        Index(
            "uq_journey_instances_active",
            "patient_id",
            "definition_id",
            unique=True,
            postgresql_where=text("status = 'active'"),
        ),
    )

    patient_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("patients.id"), index=True)
    definition_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("journey_definitions.id"))
    current_stage_key: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[JourneyStatus] = mapped_column(
        text_enum(JourneyStatus, "journey_status"), default=JourneyStatus.ACTIVE
    )
    stage_entered_at: Mapped[datetime]
    context: Mapped[dict[str, Any]] = mapped_column(default=dict)
    completed_at: Mapped[datetime | None]

    definition: Mapped[JourneyDefinition] = relationship(lazy="joined")
    history: Mapped[list[JourneyEvent]] = relationship(order_by="JourneyEvent.at", lazy="selectin")


class JourneyEvent(UUIDPk, Base):
    """One transition of an instance: from which stage to which, on what event."""

    __tablename__ = "journey_events"

    instance_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("journey_instances.id"), index=True)
    at: Mapped[datetime]
    event: Mapped[str] = mapped_column(String(64))
    from_stage: Mapped[str | None] = mapped_column(String(64))
    to_stage: Mapped[str | None] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(Text)
