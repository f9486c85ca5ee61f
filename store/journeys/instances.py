"""Patients on journeys: start, advance, cancel, and react to domain events.

Stages only move forward. An instance advances to the next stage, or jumps to a later one named
by `to_stage`, and only on the event its current stage waits for (`advance_on`) when it names one;
advancing past the last stage completes it. At most one instance of a definition is active per
patient (a partial unique index backs this up under concurrency). Every change appends a history
row, an outbox event and an audit entry in the caller's transaction.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from store.audit import service as audit
from store.errors import Conflict, InvalidInput, InvalidTransition, NotFound
from store.journeys.definitions import get_definition, get_definitions
from store.journeys.models import (
    JourneyDefinition,
    JourneyEvent,
    JourneyInstance,
    JourneyStage,
    JourneyStatus,
)
from store.outbox import service as outbox
from store.patients import service as patients

STARTED = "started"
CANCELLED = "cancelled"
RESERVED_CONTEXT = ("done",)  # kept by the service: the timed actions already performed


class WrongEvent(InvalidTransition):
    """The current stage waits for a different event."""

    def __init__(self, stage: str, event: str, expected: str) -> None:
        super().__init__("journey", stage, event, [expected])
        self.message = f"journey stage {stage!r} advances on event {expected!r}, not {event!r}"
        self.args = (self.message,)


def _event_name(event: str) -> str:
    if not event.strip() or len(event) > 64:
        raise InvalidInput("event", "must be 1 to 64 characters")
    return event


def parse_instant(value: object) -> datetime | None:
    """An ISO 8601 instant with an offset, else None (a naive time has no place on the clock)."""
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def _context(context: dict[str, Any] | None) -> dict[str, Any]:
    """A caller's context, checked: `appointment_start` must be a usable anchor for timed actions."""
    given = dict(context or {})
    for key in RESERVED_CONTEXT:
        if key in given:
            raise InvalidInput(f"context.{key}", "is reserved for the service")
    if "appointment_start" in given and parse_instant(given["appointment_start"]) is None:
        raise InvalidInput("context.appointment_start", "must be an ISO 8601 time with an offset")
    return given


def current_stage(instance: JourneyInstance) -> JourneyStage | None:
    """The stage the instance is in, or None once it has completed or been cancelled."""
    return next((s for s in instance.definition.stages if s.key == instance.current_stage_key), None)


async def _record(
    session: AsyncSession, instance: JourneyInstance, *, topic: str, actor: str, details: dict[str, Any]
) -> None:
    """The outbox event and the audit entry for a change (ids and stage keys only, never PHI)."""
    payload = {
        "journey_id": str(instance.id),
        "patient_id": str(instance.patient_id),
        "definition_key": instance.definition.key,
        "status": instance.status.value,
        **details,
    }
    await outbox.emit(session, topic=f"journey.{topic}", payload=payload)
    await audit.record(
        session,
        actor=actor,
        action=f"journey.{topic}",
        resource_type="journey",
        resource_id=instance.id,
        patient_id=instance.patient_id,
        details={"definition_key": instance.definition.key, **details},
    )


async def _active(
    session: AsyncSession, patient_id: uuid.UUID, definition_id: uuid.UUID
) -> JourneyInstance | None:
    query = select(JourneyInstance).where(
        JourneyInstance.patient_id == patient_id,
        JourneyInstance.definition_id == definition_id,
        JourneyInstance.status == JourneyStatus.ACTIVE,
    )
    return await session.scalar(query)


async def _start(
    session: AsyncSession,
    *,
    patient_id: uuid.UUID,
    definition: JourneyDefinition,
    now: datetime,
    context: dict[str, Any],
    actor: str,
) -> tuple[JourneyInstance, bool]:
    """(the new instance, True), or (the patient's active one, False) when already on the journey."""
    if not definition.active:
        raise Conflict(f"journey definition {definition.key!r} is inactive")
    await patients.get(session, patient_id=patient_id)
    if (existing := await _active(session, patient_id, definition.id)) is not None:
        return existing, False
    first = definition.stages[0].key
    instance = JourneyInstance(
        patient_id=patient_id,
        definition=definition,
        current_stage_key=first,
        status=JourneyStatus.ACTIVE,
        stage_entered_at=now,
        context=context,
        history=[JourneyEvent(at=now, event=STARTED, from_stage=None, to_stage=first)],
    )
    try:
        async with session.begin_nested():
            session.add(instance)
            await session.flush()
    except IntegrityError:
        # A concurrent start for this patient and definition committed first: theirs is the one.
        if (existing := await _active(session, patient_id, definition.id)) is not None:
            return existing, False
        raise
    await _record(session, instance, topic="started", actor=actor, details={"to_stage": first})
    return instance, True


async def start(
    session: AsyncSession,
    *,
    patient_id: uuid.UUID,
    definition_key: str,
    now: datetime,
    context: dict[str, Any] | None = None,
    actor: str = "system",
) -> JourneyInstance:
    """Put the patient on the journey at its first stage; if already on it, the active instance."""
    definition = await get_definition(session, key=definition_key)
    instance, _ = await _start(
        session, patient_id=patient_id, definition=definition, now=now, context=_context(context), actor=actor
    )
    return instance


async def _lock(session: AsyncSession, instance_id: uuid.UUID) -> JourneyInstance:
    query = (
        select(JourneyInstance)
        .where(JourneyInstance.id == instance_id)
        .with_for_update(of=JourneyInstance)
        .execution_options(populate_existing=True)
    )
    instance = await session.scalar(query)
    if instance is None:
        raise NotFound("journey", instance_id)
    return instance


def _target(instance: JourneyInstance, event: str, to_stage: str | None) -> JourneyStage | None:
    """The stage `event` moves the instance to (None: it completes), or why it may not move."""
    stage = current_stage(instance)
    if instance.status != JourneyStatus.ACTIVE or stage is None:
        raise InvalidTransition("journey", instance.status.value, to_stage or "the next stage", [])
    if stage.advance_on is not None and event != stage.advance_on:
        raise WrongEvent(stage.key, event, stage.advance_on)
    stages = instance.definition.stages
    later = stages[stages.index(stage) + 1 :]
    if to_stage is None:
        return later[0] if later else None
    if to_stage not in {s.key for s in stages}:
        known = ", ".join(s.key for s in stages)
        raise InvalidInput("to_stage", f"is not a stage of {instance.definition.key!r} (stages: {known})")
    chosen = next((s for s in later if s.key == to_stage), None)
    if chosen is None:
        raise InvalidTransition("journey", stage.key, to_stage, [s.key for s in later])
    return chosen


async def _advance(
    session: AsyncSession,
    instance: JourneyInstance,
    *,
    now: datetime,
    event: str,
    to_stage: str | None,
    note: str | None,
    actor: str,
) -> JourneyInstance:
    """Move a locked instance along (see `_target`), with its history row, event and audit entry."""
    target = _target(instance, event, to_stage)
    from_stage = instance.current_stage_key
    instance.current_stage_key = target.key if target else None
    instance.stage_entered_at = now
    if target is None:
        instance.status = JourneyStatus.COMPLETED
        instance.completed_at = now
    instance.history.append(
        JourneyEvent(
            at=now, event=event, from_stage=from_stage, to_stage=instance.current_stage_key, note=note
        )
    )
    await session.flush()
    await session.refresh(instance, ["updated_at"])  # set by the database on UPDATE
    details = {"event": event, "from_stage": from_stage, "to_stage": instance.current_stage_key}
    await _record(session, instance, topic="advanced", actor=actor, details=details)
    return instance


async def advance(
    session: AsyncSession,
    *,
    instance_id: uuid.UUID,
    now: datetime,
    event: str,
    to_stage: str | None = None,
    note: str | None = None,
    actor: str = "system",
) -> JourneyInstance:
    """Complete the current stage on `event`: on to the next stage, or to `to_stage` if later.

    `InvalidTransition` when the stage waits for another event, when `to_stage` is not ahead,
    or when the journey is over; advancing from the last stage completes the journey.
    """
    instance = await _lock(session, instance_id)
    return await _advance(
        session, instance, now=now, event=_event_name(event), to_stage=to_stage, note=note, actor=actor
    )


async def cancel(
    session: AsyncSession,
    *,
    instance_id: uuid.UUID,
    now: datetime,
    reason: str | None = None,
    actor: str = "system",
) -> JourneyInstance:
    """Take the patient off the journey; cancelling a cancelled one returns it unchanged."""
    instance = await _lock(session, instance_id)
    if instance.status == JourneyStatus.CANCELLED:
        return instance
    if instance.status != JourneyStatus.ACTIVE:
        raise InvalidTransition("journey", instance.status.value, CANCELLED, [])
    from_stage = instance.current_stage_key
    instance.status = JourneyStatus.CANCELLED
    instance.current_stage_key = None
    instance.history.append(
        JourneyEvent(at=now, event=CANCELLED, from_stage=from_stage, to_stage=None, note=reason)
    )
    await session.flush()
    await session.refresh(instance, ["updated_at"])
    await _record(session, instance, topic="cancelled", actor=actor, details={"from_stage": from_stage})
    return instance


async def handle_event(
    session: AsyncSession,
    *,
    patient_id: uuid.UUID,
    event: str,
    now: datetime,
    context: dict[str, Any] | None = None,
    actor: str = "system",
) -> list[JourneyInstance]:
    """Let a domain event (`appointment.booked`, ...) drive the patient's journeys.

    Every active instance whose current stage waits for `event` advances (its context updated with
    `context`, e.g. a new `appointment_start`), then every active definition triggered by `event`
    starts unless the patient is already on it. Advancing first means a journey started here does
    not also consume the event that started it. Returns the instances advanced or started.
    """
    event, extra = _event_name(event), _context(context)
    query = (
        select(JourneyInstance)
        .where(JourneyInstance.patient_id == patient_id, JourneyInstance.status == JourneyStatus.ACTIVE)
        .order_by(JourneyInstance.created_at, JourneyInstance.id)
        .with_for_update(of=JourneyInstance)
        .execution_options(populate_existing=True)
    )
    touched: list[JourneyInstance] = []
    for instance in list(await session.scalars(query)):
        stage = current_stage(instance)
        if stage is not None and stage.advance_on == event:
            instance.context = {**instance.context, **extra}
            touched.append(
                await _advance(session, instance, now=now, event=event, to_stage=None, note=None, actor=actor)
            )
    triggered, _ = await get_definitions(session, trigger=event, limit=None)
    for definition in triggered:
        started, created = await _start(
            session, patient_id=patient_id, definition=definition, now=now, context=extra, actor=actor
        )
        if created:
            touched.append(started)
    return touched
