"""What the staff REST routes share: the list envelope, and auditing reads of patient data."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Generic, Protocol, TypeVar

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from api.deps import Page
from store.audit import service as audit

T = TypeVar("T")


class Listing(BaseModel, Generic[T]):
    """`{"items": [...], "total": n, "limit": l, "offset": o}`: one page and the size of the whole."""

    items: list[T]
    total: int
    limit: int
    offset: int

    @classmethod
    def of(cls, items: list[T], total: int, page: Page) -> Listing[T]:
        return cls(items=items, total=total, limit=page.limit, offset=page.offset)


class Reader(Protocol):
    """Whoever reads: a token's `Principal`, or a person signed in to the console."""

    @property
    def actor(self) -> str: ...


async def audit_reads(
    session: AsyncSession,
    *,
    staff: Reader,
    resource_type: str,
    records: Iterable[tuple[uuid.UUID, uuid.UUID | None]],
) -> None:
    """One `<resource_type>.read` entry per (record id, patient id or None) shown to staff.

    One row per record, not one per request, so "who has seen this patient's data" is a plain
    query on the audit log's patient index; all of them in one statement.
    """
    await audit.record_reads(session, actor=staff.actor, resource_type=resource_type, records=records)
