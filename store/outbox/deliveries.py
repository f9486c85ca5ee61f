"""Carrying outbox events to subscribers: fan-out, claims, outcomes with backoff, and staff retries.

The relay works in short steps, each in a transaction the caller owns:

1. `fan_out` locks pending events (SKIP LOCKED: two workers never take the same one), writes one
   `Delivery` per matching active subscriber (unique per pair) and marks the events relayed.
2. `take_due_deliveries` *claims* due deliveries (SKIP LOCKED again): it counts the attempt and
   pushes `next_attempt_at` out by a lease; the caller commits and posts outside any transaction,
   so no connection or row lock is held while a subscriber is slow.
3. `mark_delivered` / `mark_failed` / `release` record the outcome, the last two guarded by the
   claim's attempt number, so a worker that outlived its lease cannot overwrite a newer claim.

A crash between claim and outcome leaves the delivery pending, due again when the lease ends.
Delivery is therefore at-least-once, and subscribers deduplicate on the event id.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from store.audit import service as audit
from store.errors import InvalidTransition, NotFound
from store.outbox import service as outbox
from store.outbox import topics as topic_patterns
from store.outbox.models import Delivery, DeliveryStatus, OutboxEvent, Subscriber

BACKOFF_BASE = timedelta(seconds=10)
BACKOFF_CAP = timedelta(hours=1)
MAX_ATTEMPTS = 8
LEASE = timedelta(minutes=2)  # far longer than one post may take (the relay's HTTP timeout)


@dataclass(frozen=True)
class FanOut:
    events: int
    deliveries: int


@dataclass(frozen=True)
class DueDelivery:
    """A claimed delivery with what posting it needs, readable after the claiming transaction ends."""

    delivery_id: int
    attempt: int  # the claim's token for mark_failed / release
    subscriber_id: uuid.UUID
    url: str
    secret: str
    event_id: int
    topic: str
    payload: dict[str, Any]
    occurred_at: datetime
    lease_until: datetime  # after this another pass may claim it: it must not be posted by this one


async def fan_out(session: AsyncSession, *, now: datetime, limit: int = 100) -> FanOut:
    """Turn up to `limit` pending events into deliveries for the active subscribers that want them.

    An event no subscriber wants is marked relayed all the same: subscribers hear about events
    fanned out while they exist, not a backlog from before.
    """
    events = await outbox.get_pending(session, limit=limit)
    if not events:
        return FanOut(events=0, deliveries=0)
    subscribers = await outbox.get_subscribers(session, active=True)
    rows = [
        {
            "event_id": event.id,
            "subscriber_id": subscriber.id,
            "status": DeliveryStatus.PENDING,
            "attempts": 0,
            "next_attempt_at": now,
        }
        for event in events
        for subscriber in subscribers
        if topic_patterns.wants(subscriber.topics, event.topic)
    ]
    created = 0
    if rows:
        statement = (
            insert(Delivery)
            .values(rows)
            .on_conflict_do_nothing(constraint="uq_outbox_deliveries_event_subscriber")
            .returning(Delivery.id)
        )
        created = len(list(await session.scalars(statement)))
    await session.execute(
        update(OutboxEvent).where(OutboxEvent.id.in_([e.id for e in events])).values(relayed_at=now)
    )
    return FanOut(events=len(events), deliveries=created)


async def take_due_deliveries(
    session: AsyncSession, *, now: datetime, limit: int = 100, lease: timedelta = LEASE
) -> list[DueDelivery]:
    """Claim up to `limit` pending deliveries due at `now` to active subscribers, oldest due first.

    Rows another worker is claiming are skipped, not waited for. A claim counts the attempt (a post
    that crashes the worker still counts, so nothing retries forever) and hides the row for `lease`.
    """
    query = (
        select(Delivery, OutboxEvent, Subscriber)
        .join(OutboxEvent, Delivery.event_id == OutboxEvent.id)
        .join(Subscriber, Delivery.subscriber_id == Subscriber.id)
        .where(
            Delivery.status == DeliveryStatus.PENDING,
            Delivery.next_attempt_at <= now,
            Subscriber.active.is_(True),
        )
        .order_by(Delivery.next_attempt_at, Delivery.id)
        .limit(limit)
        .with_for_update(of=Delivery, skip_locked=True)
    )
    claimed: list[DueDelivery] = []
    for delivery, event, subscriber in await session.execute(query):
        delivery.attempts += 1
        delivery.next_attempt_at = now + lease
        claimed.append(
            DueDelivery(
                delivery_id=delivery.id,
                attempt=delivery.attempts,
                subscriber_id=subscriber.id,
                url=subscriber.url,
                secret=subscriber.secret,
                event_id=event.id,
                topic=event.topic,
                payload=event.payload,
                occurred_at=event.created_at,
                lease_until=delivery.next_attempt_at,
            )
        )
    await session.flush()
    return claimed


def backoff(attempt: int) -> timedelta:
    """The wait after failed attempt number `attempt` (1-based): 10 s, 20 s, 40 s … at most 1 h."""
    doublings = min(max(attempt - 1, 0), 20)  # capped long before timedelta could overflow
    return min(BACKOFF_BASE * (1 << doublings), BACKOFF_CAP)


def _claimed(delivery_id: int, attempt: int) -> tuple[ColumnElement[bool], ...]:
    """Still pending, and still the claim that took attempt number `attempt`."""
    return (
        Delivery.id == delivery_id,
        Delivery.status == DeliveryStatus.PENDING,
        Delivery.attempts == attempt,
    )


async def mark_delivered(session: AsyncSession, *, delivery_id: int, now: datetime) -> bool:
    """The subscriber accepted it. Any claim may record a success; False when it was not pending."""
    result = await session.execute(
        update(Delivery)
        .where(Delivery.id == delivery_id, Delivery.status == DeliveryStatus.PENDING)
        .values(status=DeliveryStatus.DELIVERED, delivered_at=now)
        .returning(Delivery.id)
    )
    return result.first() is not None


async def mark_failed(
    session: AsyncSession,
    *,
    delivery_id: int,
    attempt: int,
    error: str,
    now: datetime,
    max_attempts: int = MAX_ATTEMPTS,
) -> DeliveryStatus | None:
    """Attempt `attempt` failed: due again after `backoff`, or `dead` once `max_attempts` are spent.

    `error` must be short and PHI-free (a status code, "timeout"). None when the claim was lost.
    """
    dead = attempt >= max_attempts
    result = await session.execute(
        update(Delivery)
        .where(*_claimed(delivery_id, attempt))
        .values(
            status=DeliveryStatus.DEAD if dead else DeliveryStatus.PENDING,
            next_attempt_at=now if dead else now + backoff(attempt),
            last_error=error[:200],
        )
        .returning(Delivery.status)
    )
    return result.scalar_one_or_none()


async def release(session: AsyncSession, *, delivery_id: int, attempt: int, until: datetime) -> None:
    """Give back a claim that was never posted (its attempt uncounted), due again at `until`."""
    await session.execute(
        update(Delivery)
        .where(*_claimed(delivery_id, attempt))
        .values(attempts=attempt - 1, next_attempt_at=until)
    )


async def get_deliveries(
    session: AsyncSession,
    *,
    subscriber_id: uuid.UUID,
    status: DeliveryStatus | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[Delivery], int]:
    """One page of a subscriber's deliveries, newest first, each with its event; and the total."""
    await outbox.get_subscriber(session, subscriber_id=subscriber_id)
    where = [Delivery.subscriber_id == subscriber_id]
    if status is not None:
        where.append(Delivery.status == status)
    total = await session.scalar(select(func.count()).select_from(Delivery).where(*where))
    query = (
        select(Delivery)
        .where(*where)
        .options(selectinload(Delivery.event))
        .order_by(Delivery.id.desc())
        .limit(limit)
        .offset(offset)
    )
    return list(await session.scalars(query)), total or 0


async def retry_dead(
    session: AsyncSession,
    *,
    subscriber_id: uuid.UUID,
    now: datetime,
    actor: str,
    delivery_id: int | None = None,
) -> list[Delivery]:
    """Staff send dead deliveries again (one, or all of the subscriber's) with a fresh set of attempts.

    Retrying one that is not dead is a Conflict naming its status.
    """
    await outbox.get_subscriber(session, subscriber_id=subscriber_id)
    query = select(Delivery).where(Delivery.subscriber_id == subscriber_id)
    if delivery_id is None:
        query = query.where(Delivery.status == DeliveryStatus.DEAD)
    else:
        query = query.where(Delivery.id == delivery_id)
    query = query.options(selectinload(Delivery.event)).order_by(Delivery.id).with_for_update(of=Delivery)
    found = list(await session.scalars(query))
    if delivery_id is not None:
        if not found:
            raise NotFound("delivery", delivery_id)
        if found[0].status != DeliveryStatus.DEAD:
            raise InvalidTransition("delivery", found[0].status.value, DeliveryStatus.PENDING.value, [])
    for delivery in found:
        delivery.status = DeliveryStatus.PENDING
        delivery.attempts = 0
        delivery.next_attempt_at = now
    await session.flush()
    await audit.record(
        session,
        actor=actor,
        action="subscriber.retry_dead",
        resource_type="subscriber",
        resource_id=subscriber_id,
        details={"deliveries": [d.id for d in found]},
    )
    return found
