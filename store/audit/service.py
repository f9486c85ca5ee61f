"""Writing audit entries. Called inside the same transaction as the access or change it records."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from store.audit.models import AuditEntry


async def record(
    session: AsyncSession,
    *,
    actor: str,
    action: str,
    resource_type: str,
    resource_id: object | None = None,
    patient_id: uuid.UUID | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry (`details` must hold no PHI: ids and field names, not values)."""
    entry = AuditEntry(
        actor=actor,
        action=action,
        resource_type=resource_type,
        resource_id=None if resource_id is None else str(resource_id),
        patient_id=patient_id,
        details=details or {},
    )
    session.add(entry)
    await session.flush()
    return entry


async def get_all(
    session: AsyncSession, *, patient_id: uuid.UUID | None = None, action: str | None = None, limit: int = 100
) -> list[AuditEntry]:
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if patient_id is not None:
        query = query.where(AuditEntry.patient_id == patient_id)
    if action is not None:
        query = query.where(AuditEntry.action == action)
    return list(await session.scalars(query))
