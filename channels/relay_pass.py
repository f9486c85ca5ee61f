"""One pass of the events relay: fan pending events out into deliveries, then post what is due.

Safe to run from several workers at once: events and deliveries are taken with SKIP LOCKED, a
delivery is claimed (under a lease) in one short transaction and its outcome recorded in another,
so no row lock or connection is held while a subscriber answers, and no two live workers post the
same delivery. A worker dying mid-post leaves its claims to be retried when the lease ends, which
is why delivery is at-least-once (subscribers deduplicate on `X-PRM-Event-Id`).

Order: one pass posts a subscriber's deliveries one after another, oldest due first, so first
attempts reach a subscriber in event order; retries, and passes running concurrently, can reorder.
Subscribers that need order use the body's `id` (increasing) and `occurred_at`. Different
subscribers are served in parallel (a small bound), and the first failure to a subscriber ends
its share of the pass: the rest are released unposted, due when the failed one is retried, so a
subscriber that is down costs one timeout per pass rather than one per event.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import datetime, timedelta

import httpx
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from channels.relay import DeliveryFailed, post_event
from store.database import transaction
from store.outbox import deliveries
from store.outbox.models import DeliveryStatus

log = logging.getLogger(__name__)

BATCH = 100
TIMEOUT = httpx.Timeout(10.0)  # each phase (connect, write, read) of a post
# a whole post, however slowly the subscriber answers; well inside deliveries.LEASE, and a post
# starts only while its claim has at least this long left, so no claim ends mid-post
POST_BOUND = timedelta(seconds=15)


def open_http() -> httpx.AsyncClient:
    """The HTTP client `relay_once` expects: short timeouts, no redirects, no ambient proxies/auth."""
    return httpx.AsyncClient(timeout=TIMEOUT, follow_redirects=False, trust_env=False)


@dataclass(frozen=True)
class RelayStats:
    """What one pass did: `events` fanned out into `deliveries`; then posts and their outcomes."""

    events: int = 0
    deliveries: int = 0
    delivered: int = 0
    failed: int = 0  # will be retried after a backoff
    dead: int = 0  # attempts exhausted; staff may retry
    deferred: int = 0  # not posted this pass because an earlier post to the same subscriber failed

    def __add__(self, other: RelayStats) -> RelayStats:
        return RelayStats(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})


async def relay_once(
    *,
    sessions: async_sessionmaker[AsyncSession],
    http: httpx.AsyncClient,
    now: Callable[[], datetime],
    batch: int = BATCH,
    parallel: int = 4,
    allow_private: bool = False,
) -> RelayStats:
    """Fan out up to `batch` events, then post up to `batch` due deliveries; the counts of each.

    A full batch means more may be waiting: the caller may run another pass straight away.
    `allow_private` lets subscribers on private addresses be posted to (development, tests).
    """
    async with transaction(sessions) as session:
        fanned = await deliveries.fan_out(session, now=now(), limit=batch)
    async with transaction(sessions) as session:
        due = await deliveries.take_due_deliveries(session, now=now(), limit=batch)
    by_subscriber: dict[uuid.UUID, list[deliveries.DueDelivery]] = {}
    for delivery in due:
        by_subscriber.setdefault(delivery.subscriber_id, []).append(delivery)
    gate = asyncio.Semaphore(parallel)
    async with asyncio.TaskGroup() as group:
        tasks = [
            group.create_task(_serve(sessions, http, now, queue, gate, allow_private))
            for queue in by_subscriber.values()
        ]
    stats = RelayStats(events=fanned.events, deliveries=fanned.deliveries)
    for task in tasks:
        stats += task.result()
    if stats != RelayStats():
        log.info("relay pass: %s", stats)
    return stats


async def _serve(
    sessions: async_sessionmaker[AsyncSession],
    http: httpx.AsyncClient,
    now: Callable[[], datetime],
    queue: list[deliveries.DueDelivery],
    gate: asyncio.Semaphore,
    allow_private: bool,
) -> RelayStats:
    """Post one subscriber's claimed deliveries in order, each outcome committed on its own."""
    async with gate:
        for position, delivery in enumerate(queue):
            if now() + POST_BOUND >= delivery.lease_until:
                # its claim could end mid-post and another pass claim it: give this and the rest back
                return RelayStats(delivered=position) + await _out_of_time(sessions, now, queue[position:])
            try:
                await post_event(
                    http=http,
                    url=delivery.url,
                    secret=delivery.secret,
                    event_id=delivery.event_id,
                    topic=delivery.topic,
                    payload=delivery.payload,
                    occurred_at=delivery.occurred_at,
                    now=int(now().timestamp()),
                    allow_private=allow_private,
                    bound_s=POST_BOUND.total_seconds(),
                )
            except DeliveryFailed as failure:
                outcome = await _failed(sessions, now, delivery, failure.reason, rest=queue[position + 1 :])
                return RelayStats(delivered=position) + outcome
            async with transaction(sessions) as session:
                await deliveries.mark_delivered(session, delivery_id=delivery.delivery_id, now=now())
    return RelayStats(delivered=len(queue))


async def _out_of_time(
    sessions: async_sessionmaker[AsyncSession],
    now: Callable[[], datetime],
    rest: list[deliveries.DueDelivery],
) -> RelayStats:
    """Hand back claims this pass can no longer post inside their lease: due again at once, uncounted."""
    async with transaction(sessions) as session:
        for later in rest:
            await deliveries.release(
                session, delivery_id=later.delivery_id, attempt=later.attempt, until=now()
            )
    return RelayStats(deferred=len(rest))


async def _failed(
    sessions: async_sessionmaker[AsyncSession],
    now: Callable[[], datetime],
    delivery: deliveries.DueDelivery,
    reason: str,
    *,
    rest: list[deliveries.DueDelivery],
) -> RelayStats:
    """Record the failure, and hand the subscriber's remaining claims back for its next retry."""
    moment = now()
    async with transaction(sessions) as session:
        status = await deliveries.mark_failed(
            session, delivery_id=delivery.delivery_id, attempt=delivery.attempt, error=reason, now=moment
        )
        for later in rest:
            await deliveries.release(
                session,
                delivery_id=later.delivery_id,
                attempt=later.attempt,
                until=moment + deliveries.backoff(delivery.attempt),
            )
    log.warning(
        "relay delivery %s to subscriber %s failed (attempt %d, %s): %s",
        delivery.delivery_id,
        delivery.subscriber_id,
        delivery.attempt,
        status.value if status else "claim lost to another worker",
        reason,
    )
    return RelayStats(
        failed=int(status == DeliveryStatus.PENDING),
        dead=int(status == DeliveryStatus.DEAD),
        deferred=len(rest),
    )


async def relay_until_drained(
    sessions: async_sessionmaker[AsyncSession],
    *,
    now: Callable[[], datetime],
    batch: int = BATCH,
    allow_private: bool = False,
) -> RelayStats:
    """Relay passes until the outbox is drained (a full batch means more may wait)."""
    total = RelayStats()
    async with open_http() as http:
        while True:
            stats = await relay_once(
                sessions=sessions, http=http, now=now, batch=batch, allow_private=allow_private
            )
            total += stats
            if stats.events < batch and stats.delivered + stats.failed + stats.dead < batch:
                return total
