"""Tickets as the staff API receives and returns them."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from store.tickets.models import Ticket, TicketCategory, TicketComment, TicketPriority, TicketStatus


class TicketCreate(BaseModel):
    """`due_at` defaults to now plus the priority's allowance (urgent 1 h … low 72 h)."""

    model_config = ConfigDict(extra="forbid")

    category: TicketCategory
    summary: str = Field(min_length=1, max_length=300)
    priority: TicketPriority = TicketPriority.NORMAL
    patient_id: uuid.UUID | None = None
    conversation_id: uuid.UUID | None = None
    description: str | None = Field(default=None, max_length=10_000)
    due_at: AwareDatetime | None = None


class TicketAssign(BaseModel):
    """`assignee_id` of an active staff user, or null to unassign."""

    model_config = ConfigDict(extra="forbid")

    assignee_id: uuid.UUID | None


class CommentCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    body: str = Field(min_length=1, max_length=10_000)


class TicketTransition(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: TicketStatus


class CommentOut(BaseModel):
    id: uuid.UUID
    author: str
    body: str
    created_at: datetime

    @classmethod
    def of(cls, comment: TicketComment) -> CommentOut:
        return cls(id=comment.id, author=comment.author, body=comment.body, created_at=comment.created_at)


def _attachment(item: dict[str, Any]) -> dict[str, Any]:
    """What staff see of a stored attachment: its type, size and digest, and where it is kept."""
    return {key: item[key] for key in ("content_type", "size", "sha256", "stored") if key in item}


class TicketOut(BaseModel):
    id: uuid.UUID
    category: TicketCategory
    priority: TicketPriority
    status: TicketStatus
    summary: str
    description: str | None
    patient_id: uuid.UUID | None
    conversation_id: uuid.UUID | None
    assignee_id: uuid.UUID | None
    due_at: datetime | None
    resolved_at: datetime | None
    created_at: datetime
    updated_at: datetime
    attachments: list[dict[str, Any]] = []

    @classmethod
    def of(cls, ticket: Ticket) -> TicketOut:
        return cls(
            id=ticket.id,
            category=ticket.category,
            priority=ticket.priority,
            status=ticket.status,
            summary=ticket.summary,
            description=ticket.description,
            patient_id=ticket.patient_id,
            conversation_id=ticket.conversation_id,
            assignee_id=ticket.assignee_id,
            due_at=ticket.due_at,
            resolved_at=ticket.resolved_at,
            created_at=ticket.created_at,
            updated_at=ticket.updated_at,
            attachments=[_attachment(item) for item in ticket.attachments],
        )


class TicketDetail(TicketOut):
    comments: list[CommentOut]

    @classmethod
    def with_comments(cls, ticket: Ticket) -> TicketDetail:
        return cls(**TicketOut.of(ticket).model_dump(), comments=[CommentOut.of(c) for c in ticket.comments])
