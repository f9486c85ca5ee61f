"""Reading journeys: one instance, a filtered page of them, and an instance's history in order."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from store.errors import InvalidInput, NotFound
from store.journeys.models import JourneyDefinition, JourneyEvent, JourneyInstance, JourneyStatus


async def get(session: AsyncSession, *, instance_id: uuid.UUID) -> JourneyInstance:
    instance = await session.get(JourneyInstance, instance_id)
    if instance is None:
        raise NotFound("journey", instance_id)
    return instance


def _status(value: JourneyStatus | str) -> JourneyStatus:
    try:
        return JourneyStatus(value)
    except ValueError:
        expected = ", ".join(s.value for s in JourneyStatus)
        raise InvalidInput("status", f"must be one of {expected}") from None


async def get_instances(
    session: AsyncSession,
    *,
    patient_id: uuid.UUID | None = None,
    status: JourneyStatus | str | None = None,
    definition_key: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[JourneyInstance], int]:
    """A page of instances, newest first, and how many match in all."""
    query = select(JourneyInstance)
    if patient_id is not None:
        query = query.where(JourneyInstance.patient_id == patient_id)
    if status is not None:
        query = query.where(JourneyInstance.status == _status(status))
    if definition_key is not None:
        keyed = select(JourneyDefinition.id).where(JourneyDefinition.key == definition_key)
        query = query.where(JourneyInstance.definition_id.in_(keyed))
    total = await session.scalar(select(func.count()).select_from(query.subquery())) or 0
    page = query.order_by(JourneyInstance.created_at.desc(), JourneyInstance.id).limit(limit).offset(offset)
    return list(await session.scalars(page)), total


async def history(session: AsyncSession, *, instance_id: uuid.UUID) -> list[JourneyEvent]:
    """The instance's transitions, oldest first.

    Two transitions may share a timestamp (a journey started and advanced by one event, at one
    `now`); stages only move forward, so the stage each one entered breaks the tie, and the end
    of the journey (completion or cancellation, `to_stage` null) comes last.
    """
    instance = await get(session, instance_id=instance_id)
    positions = {stage.key: index for index, stage in enumerate(instance.definition.stages)}
    end = len(positions)
    events = await session.scalars(select(JourneyEvent).where(JourneyEvent.instance_id == instance_id))
    return sorted(events, key=lambda e: (e.at, positions.get(e.to_stage, end) if e.to_stage else end))
