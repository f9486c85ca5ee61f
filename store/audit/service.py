"""Writing audit entries. Called inside the same transaction as the access or change it records."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import ARRAY, String, Table, Uuid, bindparam, func, insert, literal, select
from sqlalchemy.dialects.postgresql import JSONB
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


AUDIT_LOG: Table = AuditEntry.__table__  # type: ignore[assignment]  # Core, not the ORM's bulk path

_READ = (
    func.unnest(bindparam("resource_ids", type_=ARRAY(String)), bindparam("patient_ids", type_=ARRAY(Uuid)))
    .table_valued("resource_id", "patient_id")
    .render_derived(name="page")
)

# One statement of a fixed shape whatever the page's size: two arrays unnested into rows. Postgres
# prepares it once per connection, and a page of 20 costs about a fifth of the CPU of the ORM's
# multi-row INSERT (120 parameters, each row through the ORM's bulk path): the read audit runs on
# every page staff open, so it is on the hot path of the staff API (`prm bench api`).
_INSERT_READS = insert(AUDIT_LOG).from_select(
    ["actor", "action", "resource_type", "resource_id", "patient_id", "details"],
    select(
        bindparam("actor", type_=String),
        bindparam("action", type_=String),
        bindparam("resource_type", type_=String),
        _READ.c.resource_id,
        _READ.c.patient_id,
        literal({}, JSONB),
    ),
)


async def record_reads(
    session: AsyncSession,
    *,
    actor: str,
    resource_type: str,
    records: Iterable[tuple[object, uuid.UUID | None]],
) -> None:
    """One `<resource_type>.read` entry per (record id, patient id or None), in one statement: a
    page of 20 is one INSERT, not 20 round trips inside the request's transaction."""
    pairs = [(str(record_id), patient_id) for record_id, patient_id in records]
    if pairs:
        await session.execute(
            _INSERT_READS,
            {
                "actor": actor,
                "action": f"{resource_type}.read",
                "resource_type": resource_type,
                "resource_ids": [record_id for record_id, _ in pairs],
                "patient_ids": [patient_id for _, patient_id in pairs],
            },
        )


async def get_all(
    session: AsyncSession, *, patient_id: uuid.UUID | None = None, action: str | None = None, limit: int = 100
) -> list[AuditEntry]:
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if patient_id is not None:
        query = query.where(AuditEntry.patient_id == patient_id)
    if action is not None:
        query = query.where(AuditEntry.action == action)
    return list(await session.scalars(query))
