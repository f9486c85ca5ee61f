"""Tickets and their comments."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from store.base import Base, Timestamps, UUIDPk, text_enum


class TicketCategory(enum.StrEnum):
    BILLING = "billing"
    PRESCRIPTION = "prescription"
    MEDICAL_QUESTION = "medical_question"
    COMPLAINT = "complaint"
    RECORDS = "records"
    OTHER = "other"
    HANDOFF = "handoff"  # a conversation waiting for a person (store/conversations/handoff.py)


class TicketPriority(enum.StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


class TicketStatus(enum.StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    WAITING_ON_PATIENT = "waiting_on_patient"
    RESOLVED = "resolved"
    CLOSED = "closed"


class Ticket(UUIDPk, Timestamps, Base):
    __tablename__ = "tickets"
    __table_args__ = (Index("ix_tickets_status_priority", "status", "priority"),)

    patient_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("patients.id"), index=True)
    conversation_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("conversations.id"), index=True)
    category: Mapped[TicketCategory] = mapped_column(text_enum(TicketCategory, "ticket_category"))
    priority: Mapped[TicketPriority] = mapped_column(
        text_enum(TicketPriority, "ticket_priority"), default=TicketPriority.NORMAL
    )
    status: Mapped[TicketStatus] = mapped_column(
        text_enum(TicketStatus, "ticket_status"), default=TicketStatus.OPEN
    )
    summary: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    assignee_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff_users.id"))
    due_at: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None]
    idempotency_key: Mapped[str | None] = mapped_column(String(200), unique=True)
    # media of the messages the opening turn took: {"content_type", "stored", "size", "sha256"}
    attachments: Mapped[list[dict[str, Any]]] = mapped_column(
        default=list, server_default=text("'[]'::jsonb")
    )

    comments: Mapped[list[TicketComment]] = relationship(
        order_by="TicketComment.created_at", lazy="selectin", cascade="all, delete-orphan"
    )


class TicketComment(UUIDPk, Timestamps, Base):
    __tablename__ = "ticket_comments"

    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    author: Mapped[str] = mapped_column(String(100))
    body: Mapped[str] = mapped_column(Text)
