"""Outbox events (`appointment.booked`, `ticket.opened`, …), their subscribers, and one delivery per pair.

An event is written in the same transaction as the change it describes. The relay *fans it out*
(`relayed_at` set) into one `Delivery` row per active subscriber whose topic patterns match; each
delivery is then posted, retried with backoff, and ends `delivered` or `dead`. Delivery is
at-least-once: subscribers deduplicate on the event id.
"""

from __future__ import annotations

import enum
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Identity, Index, String, UniqueConstraint, func, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from store.base import Base, Timestamps, UUIDPk, text_enum

TOPICS = (
    "appointment.booked",
    "appointment.cancelled",
    "appointment.rescheduled",
    "ticket.opened",
    "ticket.resolved",
    "journey.started",
    "journey.advanced",
    "journey.cancelled",
    "conversation.handoff",
)
"""Every topic the services emit; subscribers' patterns are checked against these."""


class OutboxEvent(Base):
    __tablename__ = "outbox_events"
    __table_args__ = (Index("ix_outbox_events_pending", "id", postgresql_where=text("relayed_at IS NULL")),)

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    topic: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]]
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    relayed_at: Mapped[datetime | None]  # fanned out into deliveries (not: received by anyone)


class Subscriber(UUIDPk, Timestamps, Base):
    """A webhook receiving events whose topic matches one of `topics` (`appointment.*`, `*`, or exact).

    `secret` is stored as given, not hashed: unlike an API token, which we only verify, this is the
    key we sign every delivery with (HMAC), so we need it back. The API shows it once, on creation.
    """

    __tablename__ = "subscribers"

    name: Mapped[str] = mapped_column(String(100))
    url: Mapped[str] = mapped_column(String(2000))
    secret: Mapped[str] = mapped_column(String(200))
    topics: Mapped[list[str]]
    active: Mapped[bool] = mapped_column(default=True)


class DeliveryStatus(enum.StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    DEAD = "dead"


class Delivery(Base):
    """One event for one subscriber: `attempts` counts posts started, `last_error` is short and PHI-free."""

    __tablename__ = "outbox_deliveries"
    __table_args__ = (
        UniqueConstraint("event_id", "subscriber_id", name="uq_outbox_deliveries_event_subscriber"),
        Index("ix_outbox_deliveries_due", "next_attempt_at", postgresql_where=text("status = 'pending'")),
        Index("ix_outbox_deliveries_subscriber_status", "subscriber_id", "status", "id"),
    )

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    event_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("outbox_events.id", ondelete="CASCADE"))
    subscriber_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("subscribers.id", ondelete="CASCADE"))
    status: Mapped[DeliveryStatus] = mapped_column(
        text_enum(DeliveryStatus, "delivery_status"), default=DeliveryStatus.PENDING
    )
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime]
    last_error: Mapped[str | None] = mapped_column(String(200))
    delivered_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())

    event: Mapped[OutboxEvent] = relationship(lazy="raise")  # load explicitly (selectinload)
