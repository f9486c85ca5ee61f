"""Subscribers and deliveries as the staff API receives and returns them.

The secret goes out once, in `SubscriberCreated`; every other view leaves it out. The service
validates URL, topics and secret again (naming the field), so other callers get the same rules.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from store.outbox.models import Delivery, DeliveryStatus, Subscriber

TOPICS_HELP = "known topics (appointment.booked, ticket.opened, …), domain patterns (appointment.*) or *"


class SubscriberCreate(BaseModel):
    """Without `secret`, one is made; either way it is returned once, in the response."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=100)
    url: str = Field(min_length=1, max_length=2000, description="http:// or https:// webhook URL")
    topics: list[str] = Field(min_length=1, max_length=50, description=TOPICS_HELP)
    secret: str | None = Field(default=None, min_length=16, max_length=200)
    active: bool = True


class SubscriberUpdate(BaseModel):
    """Only the fields sent change; `secret` rotates the signing key (not echoed back)."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, min_length=1, max_length=100)
    url: str | None = Field(default=None, min_length=1, max_length=2000)
    topics: list[str] | None = Field(default=None, min_length=1, max_length=50, description=TOPICS_HELP)
    secret: str | None = Field(default=None, min_length=16, max_length=200)
    active: bool | None = None


class SubscriberOut(BaseModel):
    id: uuid.UUID
    name: str
    url: str
    topics: list[str]
    active: bool
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, subscriber: Subscriber) -> SubscriberOut:
        return cls(
            id=subscriber.id,
            name=subscriber.name,
            url=subscriber.url,
            topics=subscriber.topics,
            active=subscriber.active,
            created_at=subscriber.created_at,
            updated_at=subscriber.updated_at,
        )


class SubscriberCreated(SubscriberOut):
    """The one response that carries the secret: store it now, it is not shown again."""

    secret: str

    @classmethod
    def with_secret(cls, subscriber: Subscriber) -> SubscriberCreated:
        return cls(**SubscriberOut.of(subscriber).model_dump(), secret=subscriber.secret)


class DeliveryOut(BaseModel):
    id: int
    event_id: int
    topic: str
    status: DeliveryStatus
    attempts: int
    next_attempt_at: datetime
    last_error: str | None
    delivered_at: datetime | None
    created_at: datetime

    @classmethod
    def of(cls, delivery: Delivery) -> DeliveryOut:
        """`delivery.event` must be loaded (the service's queries do)."""
        return cls(
            id=delivery.id,
            event_id=delivery.event_id,
            topic=delivery.event.topic,
            status=delivery.status,
            attempts=delivery.attempts,
            next_attempt_at=delivery.next_attempt_at,
            last_error=delivery.last_error,
            delivered_at=delivery.delivered_at,
            created_at=delivery.created_at,
        )


class Retried(BaseModel):
    retried: list[DeliveryOut]
