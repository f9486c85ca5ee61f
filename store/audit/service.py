"""Writing audit entries. Called inside the same transaction as the access or change it records."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import insert, select
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


async def record_reads(
    session: AsyncSession,
    *,
    actor: str,
    resource_type: str,
    records: Iterable[tuple[object, uuid.UUID | None]],
) -> None:
    """One `<resource_type>.read` entry per (record id, patient id or None), in one statement: a
    page of 20 is one INSERT, not 20 round trips inside the request's transaction."""
    rows: list[dict[str, object]] = [
        {
            "actor": actor,
            "action": f"{resource_type}.read",
            "resource_type": resource_type,
            "resource_id": str(record_id),
            "patient_id": patient_id,
            "details": {},
        }
        for record_id, patient_id in records
    ]
    if rows:
        await session.execute(insert(AuditEntry), rows)


async def get_all(
    session: AsyncSession, *, patient_id: uuid.UUID | None = None, action: str | None = None, limit: int = 100
) -> list[AuditEntry]:
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if patient_id is not None:
        query = query.where(AuditEntry.patient_id == patient_id)
    if action is not None:
        query = query.where(AuditEntry.action == action)
    return list(await session.scalars(query))
