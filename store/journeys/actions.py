"""Timed actions of journeys: which are due now, and claiming one so that it is performed once.

An action of the current stage is due at its anchor plus `offset_minutes`: the moment the stage
was entered, or the appointment's start (`context["appointment_start"]`). Each occurrence has a
key naming the stage, the action and the due time; performed keys are kept in
`context["done"]`. The due time is part of the key so that a rescheduled appointment earns its
reminder again, at the new time.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from store.errors import NotFound
from store.journeys.instances import current_stage, parse_instant
from store.journeys.models import JourneyInstance, JourneyStatus
from store.journeys.schemas import ActionSpec

DEFAULT_WINDOW = timedelta(hours=24)


@dataclass(frozen=True)
class DueAction:
    """One timed action to perform now; pass `key` to `mark_done` before performing it."""

    key: str
    instance_id: uuid.UUID
    patient_id: uuid.UUID
    definition_key: str
    stage_key: str
    kind: str
    template: str
    due_at: datetime


def _anchor(instance: JourneyInstance, action: ActionSpec) -> datetime | None:
    if action.anchor == "stage_entered":
        return instance.stage_entered_at
    return parse_instant(instance.context.get("appointment_start"))


def pending(instance: JourneyInstance, *, now: datetime, window: timedelta) -> Iterator[DueAction]:
    """The instance's actions due in `(now - window, now]` and not yet done."""
    stage = current_stage(instance)
    if instance.status != JourneyStatus.ACTIVE or stage is None:
        return
    done = set(instance.context.get("done", []))
    for index, raw in enumerate(stage.actions):
        action = ActionSpec.model_validate(raw)
        anchor = _anchor(instance, action)
        if anchor is None:  # no appointment time known (yet): nothing to count from
            continue
        due = (anchor + timedelta(minutes=action.offset_minutes)).astimezone(UTC)
        key = f"{stage.key}:{index}:{due.isoformat()}"
        if now - window < due <= now and key not in done:
            yield DueAction(
                key=key,
                instance_id=instance.id,
                patient_id=instance.patient_id,
                definition_key=instance.definition.key,
                stage_key=stage.key,
                kind=action.kind,
                template=action.template,
                due_at=due,
            )


async def due_actions(
    session: AsyncSession, *, now: datetime, window: timedelta = DEFAULT_WINDOW
) -> list[DueAction]:
    """Every action due now across active journeys, earliest first.

    An action more than `window` late is dropped rather than performed: a reminder that arrives a
    day after the appointment (say, after an outage) does more harm than none.
    """
    active = await session.scalars(
        select(JourneyInstance).where(JourneyInstance.status == JourneyStatus.ACTIVE)
    )
    found = [action for instance in active for action in pending(instance, now=now, window=window)]
    return sorted(found, key=lambda a: (a.due_at, a.key, a.instance_id))


async def mark_done(session: AsyncSession, *, instance_id: uuid.UUID, key: str) -> bool:
    """Claim the action `key`: True if the caller should perform it now, False if it must not.

    False when it was already claimed (by this or another worker: the row is locked, so two
    concurrent claims cannot both win) or when the journey has moved on from the action's stage.
    """
    query = (
        select(JourneyInstance)
        .where(JourneyInstance.id == instance_id)
        .with_for_update(of=JourneyInstance)
        .execution_options(populate_existing=True)
    )
    instance = await session.scalar(query)
    if instance is None:
        raise NotFound("journey", instance_id)
    done: list[str] = list(instance.context.get("done", []))
    stage = current_stage(instance)
    moved_on = instance.status != JourneyStatus.ACTIVE or stage is None or not key.startswith(f"{stage.key}:")
    if moved_on or key in done:
        return False
    instance.context = {**instance.context, "done": [*done, key]}
    await session.flush()
    return True
