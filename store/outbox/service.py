"""The events outbox: emitting events (in the caller's transaction) and managing subscribers.

An event is emitted in the same transaction as the change it describes, so it exists iff the
change does. Subscribers say which topics they want (see `store.outbox.topics`); the delivery
state machine that carries events to them is `store.outbox.deliveries`.
"""

from __future__ import annotations

import secrets
import uuid
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from store.audit import service as audit
from store.errors import InvalidInput, NotFound
from store.outbox import topics as topic_patterns
from store.outbox.models import TOPICS, OutboxEvent, Subscriber

MIN_SECRET = 16


async def emit(session: AsyncSession, *, topic: str, payload: dict[str, Any]) -> OutboxEvent:
    """Append an event such as `appointment.booked`; ids only, no PHI in payloads.

    The topic must be one of `TOPICS`, the list subscribers' patterns are validated against.
    """
    if topic not in TOPICS:
        raise ValueError(f"unknown outbox topic {topic!r}: add it to store.outbox.models.TOPICS")
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


def _url(value: str) -> str:
    cleaned = value.strip()
    parts = urlsplit(cleaned)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise InvalidInput("url", "must be an absolute http:// or https:// URL")
    try:
        parts.port  # noqa: B018 - urlsplit checks the port only when asked for it
    except ValueError:
        raise InvalidInput("url", "has a port that is not a number from 0 to 65535") from None
    if len(cleaned) > 2000:
        raise InvalidInput("url", "must be at most 2000 characters")
    return cleaned


def _name(value: str) -> str:
    cleaned = value.strip()
    if not 1 <= len(cleaned) <= 100:
        raise InvalidInput("name", "must be 1 to 100 characters")
    return cleaned


def _secret(value: str) -> str:
    if not MIN_SECRET <= len(value) <= 200:
        raise InvalidInput("secret", f"must be {MIN_SECRET} to 200 characters")
    return value


async def create_subscriber(
    session: AsyncSession,
    *,
    name: str,
    url: str,
    topics: list[str],
    actor: str,
    secret: str | None = None,
    active: bool = True,
) -> Subscriber:
    """A new subscriber; without `secret`, a random one (the caller shows it once)."""
    subscriber = Subscriber(
        name=_name(name),
        url=_url(url),
        secret=_secret(secret) if secret is not None else secrets.token_urlsafe(32),
        topics=topic_patterns.check(topics),
        active=active,
    )
    session.add(subscriber)
    await session.flush()
    fields = ["name", "url", "topics", "active"]
    await _audit(session, subscriber, actor=actor, action="create", fields=fields)
    return subscriber


async def get_subscriber(session: AsyncSession, *, subscriber_id: uuid.UUID) -> Subscriber:
    subscriber = await session.get(Subscriber, subscriber_id)
    if subscriber is None:
        raise NotFound("subscriber", subscriber_id)
    return subscriber


async def get_subscribers(session: AsyncSession, *, active: bool | None = None) -> list[Subscriber]:
    """Subscribers by name (a clinic has a handful, so no paging)."""
    query = select(Subscriber).order_by(Subscriber.name, Subscriber.id)
    if active is not None:
        query = query.where(Subscriber.active.is_(active))
    return list(await session.scalars(query))


async def update_subscriber(
    session: AsyncSession,
    *,
    subscriber_id: uuid.UUID,
    actor: str,
    name: str | None = None,
    url: str | None = None,
    secret: str | None = None,
    topics: list[str] | None = None,
    active: bool | None = None,
) -> Subscriber:
    """Change the given fields (None: unchanged). Pending deliveries go to the new URL and secret."""
    subscriber = await get_subscriber(session, subscriber_id=subscriber_id)
    changes: dict[str, Any] = {
        "name": None if name is None else _name(name),
        "url": None if url is None else _url(url),
        "secret": None if secret is None else _secret(secret),
        "topics": None if topics is None else topic_patterns.check(topics),
        "active": active,
    }
    changed = [field for field, value in changes.items() if value is not None]
    for field in changed:
        setattr(subscriber, field, changes[field])
    await session.flush()
    await session.refresh(subscriber, ["updated_at"])
    await _audit(session, subscriber, actor=actor, action="update", fields=changed)
    return subscriber


async def delete_subscriber(session: AsyncSession, *, subscriber_id: uuid.UUID, actor: str) -> None:
    """Remove the subscriber and (by cascade) its deliveries, pending or not."""
    subscriber = await get_subscriber(session, subscriber_id=subscriber_id)
    await session.delete(subscriber)
    await session.flush()
    await _audit(session, subscriber, actor=actor, action="delete", fields=[])


async def _audit(
    session: AsyncSession, subscriber: Subscriber, *, actor: str, action: str, fields: list[str]
) -> None:
    """Who pointed patient events (ids) where: field names only, never the secret."""
    await audit.record(
        session,
        actor=actor,
        action=f"subscriber.{action}",
        resource_type="subscriber",
        resource_id=subscriber.id,
        details={"fields": fields},
    )
