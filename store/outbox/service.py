"""Emitting events into the outbox, in the caller's transaction (so an event exists iff its change does)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from store.outbox.models import OutboxEvent


async def emit(session: AsyncSession, *, topic: str, payload: dict[str, Any]) -> OutboxEvent:
    """Append an event such as `appointment.booked`; ids only, no PHI in payloads."""
    event = OutboxEvent(topic=topic, payload=payload)
    session.add(event)
    await session.flush()
    return event


async def get_pending(session: AsyncSession, *, limit: int = 100) -> list[OutboxEvent]:
    """Events not yet relayed, oldest first, locked so that two relays never take the same one."""
    query = (
        select(OutboxEvent)
        .where(OutboxEvent.relayed_at.is_(None))
        .order_by(OutboxEvent.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return list(await session.scalars(query))
