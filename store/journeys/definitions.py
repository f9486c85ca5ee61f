"""Journey definitions: a named pathway, the event that starts it, and its ordered stages."""

from __future__ import annotations

import re
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from store.errors import Conflict, InvalidInput, NotFound
from store.journeys.models import JourneyDefinition, JourneyStage
from store.journeys.schemas import KEY_PATTERN, StageSpec

_KEY = re.compile(KEY_PATTERN)


def _name(field: str, value: str | None, limit: int) -> str:
    cleaned = " ".join((value or "").split())
    if not cleaned:
        raise InvalidInput(field, "must not be empty")
    if len(cleaned) > limit:
        raise InvalidInput(field, f"must be at most {limit} characters")
    return cleaned


def _check_stages(stages: Sequence[StageSpec]) -> None:
    if not stages:
        raise InvalidInput("stages", "needs at least one stage")
    keys = [stage.key for stage in stages]
    if duplicates := sorted({key for key in keys if keys.count(key) > 1}):
        raise InvalidInput("stages", f"stage keys must be unique; repeated: {', '.join(duplicates)}")


async def create_definition(
    session: AsyncSession, *, key: str, name: str, trigger: str | None = None, stages: Sequence[StageSpec]
) -> JourneyDefinition:
    """A new pathway; `Conflict` when `key` is taken (definitions are referenced by key)."""
    if not _KEY.match(key):
        raise InvalidInput("key", "must be 1-64 lower-case letters, digits, '_', '.' or '-'")
    if trigger is not None:
        trigger = _name("trigger", trigger, 64)
    _check_stages(stages)
    definition = JourneyDefinition(
        key=key,
        name=_name("name", name, 200),
        trigger=trigger,
        active=True,
        stages=[
            JourneyStage(
                position=position,
                key=spec.key,
                name=_name(f"stages.{position}.name", spec.name, 200),
                advance_on=spec.advance_on,
                asks=list(spec.asks),
                actions=[action.model_dump() for action in spec.actions],
            )
            for position, spec in enumerate(stages)
        ],
    )
    try:
        async with session.begin_nested():
            session.add(definition)
            await session.flush()
    except IntegrityError:
        raise Conflict(f"journey definition {key!r} already exists") from None
    return definition


async def get_definition(session: AsyncSession, *, key: str) -> JourneyDefinition:
    definition = await session.scalar(select(JourneyDefinition).where(JourneyDefinition.key == key))
    if definition is None:
        raise NotFound("journey definition", key)
    return definition


async def get_definitions(
    session: AsyncSession, *, trigger: str | None = None, limit: int | None = 50, offset: int = 0
) -> tuple[list[JourneyDefinition], int]:
    """A page of definitions by key (optionally the active ones started by `trigger`), and the total.

    `limit=None` means all of them.
    """
    query = select(JourneyDefinition)
    if trigger is not None:
        query = query.where(JourneyDefinition.trigger == trigger, JourneyDefinition.active.is_(True))
    total = await session.scalar(select(func.count()).select_from(query.subquery())) or 0
    page = query.order_by(JourneyDefinition.key).limit(limit).offset(offset)
    return list(await session.scalars(page)), total
