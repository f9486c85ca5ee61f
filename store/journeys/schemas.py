"""Journeys as the service takes them (stage specs) and as the staff API receives and returns them."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from store.journeys.models import JourneyDefinition, JourneyEvent, JourneyInstance, JourneyStatus

Anchor = Literal["stage_entered", "appointment_start"]
KEY_PATTERN = r"^[a-z0-9][a-z0-9_.\-]{0,63}$"
MINUTES_PER_YEAR = 525_600


class ActionSpec(BaseModel):
    """A timed action of a stage: due `offset_minutes` after its anchor (negative: before it).

    `appointment_start` reads the instance's `context["appointment_start"]` (ISO 8601 with an
    offset), so a reminder the day before a visit is `offset_minutes=-1440`.
    """

    model_config = ConfigDict(extra="forbid")

    kind: str = Field(min_length=1, max_length=64, examples=["send_message"])
    template: str = Field(min_length=1, max_length=200, examples=["pre_visit_reminder"])
    offset_minutes: int = Field(ge=-MINUTES_PER_YEAR, le=MINUTES_PER_YEAR)
    anchor: Anchor = "stage_entered"


class StageSpec(BaseModel):
    """One stage: it completes on the event `advance_on` (or, when null, on any event staff send)."""

    model_config = ConfigDict(extra="forbid")

    key: str = Field(pattern=KEY_PATTERN)
    name: str = Field(min_length=1, max_length=200)
    advance_on: str | None = Field(default=None, min_length=1, max_length=64)
    asks: list[str] = Field(default_factory=list)
    actions: list[ActionSpec] = Field(default_factory=list)


class DefinitionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    key: str = Field(pattern=KEY_PATTERN)
    name: str = Field(min_length=1, max_length=200)
    trigger: str | None = Field(default=None, min_length=1, max_length=64)
    stages: list[StageSpec] = Field(min_length=1)


class StageOut(StageSpec):
    position: int


class DefinitionOut(BaseModel):
    id: uuid.UUID
    key: str
    name: str
    trigger: str | None
    active: bool
    stages: list[StageOut]

    @classmethod
    def of(cls, definition: JourneyDefinition) -> DefinitionOut:
        stages = [
            StageOut(
                key=s.key,
                name=s.name,
                position=s.position,
                advance_on=s.advance_on,
                asks=s.asks,
                actions=[ActionSpec.model_validate(a) for a in s.actions],
            )
            for s in definition.stages
        ]
        return cls(
            id=definition.id,
            key=definition.key,
            name=definition.name,
            trigger=definition.trigger,
            active=definition.active,
            stages=stages,
        )


class JourneyStart(BaseModel):
    model_config = ConfigDict(extra="forbid")

    patient_id: uuid.UUID
    definition_key: str = Field(min_length=1, max_length=64)
    context: dict[str, Any] | None = None


class JourneyAdvance(BaseModel):
    model_config = ConfigDict(extra="forbid")

    event: str = Field(min_length=1, max_length=64)
    to_stage: str | None = Field(default=None, min_length=1, max_length=64)
    note: str | None = Field(default=None, max_length=2000)


class JourneyCancel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str | None = Field(default=None, max_length=2000)


class EventOut(BaseModel):
    at: datetime
    event: str
    from_stage: str | None
    to_stage: str | None
    note: str | None

    @classmethod
    def of(cls, event: JourneyEvent) -> EventOut:
        return cls(
            at=event.at,
            event=event.event,
            from_stage=event.from_stage,
            to_stage=event.to_stage,
            note=event.note,
        )


class JourneyOut(BaseModel):
    id: uuid.UUID
    patient_id: uuid.UUID
    definition_key: str
    definition_name: str
    status: JourneyStatus
    current_stage: str | None
    stage_entered_at: datetime
    completed_at: datetime | None
    context: dict[str, Any]
    created_at: datetime

    @classmethod
    def of(cls, instance: JourneyInstance) -> JourneyOut:
        return cls(
            id=instance.id,
            patient_id=instance.patient_id,
            definition_key=instance.definition.key,
            definition_name=instance.definition.name,
            status=instance.status,
            current_stage=instance.current_stage_key,
            stage_entered_at=instance.stage_entered_at,
            completed_at=instance.completed_at,
            context=instance.context,
            created_at=instance.created_at,
        )


class JourneyDetail(JourneyOut):
    history: list[EventOut]

    @classmethod
    def with_history(cls, instance: JourneyInstance, history: list[JourneyEvent]) -> JourneyDetail:
        return cls(**JourneyOut.of(instance).model_dump(), history=[EventOut.of(e) for e in history])
