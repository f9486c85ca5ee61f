"""The delivery state machine: fan-out by topic, claims under SKIP LOCKED and a lease, backoff, death
after N attempts, stale claims ignored, and staff retries."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from store.database import transaction
from store.errors import InvalidTransition, NotFound
from store.outbox import deliveries
from store.outbox.models import Delivery, DeliveryStatus, OutboxEvent
from tests.store.outbox.conftest import ADMIN, Sessions, committed_events, subscriber

NOW = datetime(2031, 3, 4, 9, 30, tzinfo=UTC)


async def all_deliveries(sessions: Sessions) -> list[Delivery]:
    async with sessions() as session:
        return list(await session.scalars(select(Delivery).order_by(Delivery.id)))


async def fan_out(sessions: Sessions, limit: int = 100) -> deliveries.FanOut:
    async with transaction(sessions) as session:
        return await deliveries.fan_out(session, now=NOW, limit=limit)


async def take(sessions: Sessions, now: datetime = NOW, limit: int = 100) -> list[deliveries.DueDelivery]:
    async with transaction(sessions) as session:
        return await deliveries.take_due_deliveries(session, now=now, limit=limit)


def test_backoff_doubles_from_ten_seconds_up_to_an_hour() -> None:
    assert [deliveries.backoff(n).total_seconds() for n in range(1, 11)] == [
        10,
        20,
        40,
        80,
        160,
        320,
        640,
        1280,
        2560,
        3600,
    ]
    assert deliveries.backoff(10_000) == timedelta(hours=1)


async def test_fan_out_matches_topics_skips_inactive_and_marks_every_event_relayed(
    outbox_sessions: Sessions,
) -> None:
    appointments = await subscriber(outbox_sessions, "https://a.example/h", ["appointment.*"], name="a")
    everything = await subscriber(outbox_sessions, "https://b.example/h", ["*"], name="b")
    tickets = await subscriber(outbox_sessions, "https://c.example/h", ["ticket.opened"], name="c")
    await subscriber(outbox_sessions, "https://d.example/h", ["*"], name="d", active=False)
    booked, opened, resolved = await committed_events(
        outbox_sessions, "appointment.booked", "ticket.opened", "ticket.resolved"
    )

    assert await fan_out(outbox_sessions) == deliveries.FanOut(events=3, deliveries=5)
    pairs = {(d.event_id, d.subscriber_id) for d in await all_deliveries(outbox_sessions)}
    assert pairs == {
        (booked.id, appointments.id),
        (booked.id, everything.id),
        (opened.id, everything.id),
        (opened.id, tickets.id),
        (resolved.id, everything.id),
    }
    async with outbox_sessions() as session:
        relayed = list(await session.scalars(select(OutboxEvent.relayed_at)))
    assert relayed == [NOW, NOW, NOW]
    assert await fan_out(outbox_sessions) == deliveries.FanOut(events=0, deliveries=0)


async def test_an_event_nobody_wants_is_relayed_without_deliveries(outbox_sessions: Sessions) -> None:
    await committed_events(outbox_sessions, "journey.started")
    assert await fan_out(outbox_sessions) == deliveries.FanOut(events=1, deliveries=0)
    assert await all_deliveries(outbox_sessions) == []


async def test_concurrent_fan_outs_take_disjoint_events(outbox_sessions: Sessions) -> None:
    await subscriber(outbox_sessions, "https://a.example/h", ["*"])
    events = await committed_events(outbox_sessions, *["ticket.opened"] * 6)
    async with outbox_sessions() as first, first.begin():
        taken_first = await deliveries.fan_out(first, now=NOW, limit=4)
        async with outbox_sessions() as second, second.begin():
            taken_second = await deliveries.fan_out(second, now=NOW, limit=100)
    assert (taken_first.events, taken_second.events) == (4, 2)
    assert sorted(d.event_id for d in await all_deliveries(outbox_sessions)) == [e.id for e in events]


async def test_claims_skip_locked_rows_count_the_attempt_and_hide_the_row_for_the_lease(
    outbox_sessions: Sessions,
) -> None:
    await subscriber(outbox_sessions, "https://a.example/h", ["*"], secret="k" * 16)
    events = await committed_events(outbox_sessions, "ticket.opened", "ticket.resolved", "ticket.opened")
    await fan_out(outbox_sessions)

    async with outbox_sessions() as first, first.begin():
        mine = await deliveries.take_due_deliveries(first, now=NOW, limit=2)
        async with outbox_sessions() as second, second.begin():
            theirs = await deliveries.take_due_deliveries(second, now=NOW, limit=100)
    assert [d.event_id for d in mine] == [events[0].id, events[1].id]
    assert [d.event_id for d in theirs] == [events[2].id]
    assert [(d.attempt, d.topic, d.secret) for d in mine] == [
        (1, "ticket.opened", "k" * 16),
        (1, "ticket.resolved", "k" * 16),
    ]
    assert mine[0].payload == {"n": 0, "ids": "only"}

    assert await take(outbox_sessions, NOW + deliveries.LEASE - timedelta(seconds=1)) == []
    retaken = await take(outbox_sessions, NOW + deliveries.LEASE)
    assert [(d.event_id, d.attempt) for d in retaken] == [(e.id, 2) for e in events]


async def test_failures_back_off_then_die_after_max_attempts(outbox_sessions: Sessions) -> None:
    await subscriber(outbox_sessions, "https://a.example/h", ["*"])
    await committed_events(outbox_sessions, "ticket.opened")
    await fan_out(outbox_sessions)
    moment = NOW
    for attempt in range(1, 4):
        (claim,) = await take(outbox_sessions, moment)
        assert claim.attempt == attempt
        async with transaction(outbox_sessions) as session:
            status = await deliveries.mark_failed(
                session,
                delivery_id=claim.delivery_id,
                attempt=attempt,
                error="HTTP 500",
                now=moment,
                max_attempts=3,
            )
        if attempt < 3:
            assert status == DeliveryStatus.PENDING
            assert (
                await take(outbox_sessions, moment + deliveries.backoff(attempt) - timedelta(seconds=1)) == []
            )
            moment += deliveries.backoff(attempt)
    assert status == DeliveryStatus.DEAD
    (dead,) = await all_deliveries(outbox_sessions)
    assert (dead.status, dead.attempts, dead.last_error) == (DeliveryStatus.DEAD, 3, "HTTP 500")
    assert await take(outbox_sessions, moment + timedelta(days=1)) == []


async def test_a_stale_claim_cannot_overwrite_a_newer_one_but_a_success_always_counts(
    outbox_sessions: Sessions,
) -> None:
    await subscriber(outbox_sessions, "https://a.example/h", ["*"])
    await committed_events(outbox_sessions, "ticket.opened")
    await fan_out(outbox_sessions)
    (old,) = await take(outbox_sessions, NOW)
    (new,) = await take(outbox_sessions, NOW + deliveries.LEASE)  # the first worker outlived its lease
    async with transaction(outbox_sessions) as session:
        assert (
            await deliveries.mark_failed(
                session, delivery_id=old.delivery_id, attempt=old.attempt, error="timeout", now=NOW
            )
            is None
        )
        await deliveries.release(session, delivery_id=old.delivery_id, attempt=old.attempt, until=NOW)
        assert await deliveries.mark_delivered(session, delivery_id=old.delivery_id, now=NOW) is True
        assert (
            await deliveries.mark_failed(
                session, delivery_id=new.delivery_id, attempt=new.attempt, error="timeout", now=NOW
            )
            is None
        )
        assert await deliveries.mark_delivered(session, delivery_id=new.delivery_id, now=NOW) is False
    (row,) = await all_deliveries(outbox_sessions)
    assert (row.status, row.attempts, row.delivered_at, row.last_error) == (
        DeliveryStatus.DELIVERED,
        2,
        NOW,
        None,
    )


async def test_release_gives_back_an_unposted_claim_without_counting_it(outbox_sessions: Sessions) -> None:
    await subscriber(outbox_sessions, "https://a.example/h", ["*"])
    await committed_events(outbox_sessions, "ticket.opened")
    await fan_out(outbox_sessions)
    (claim,) = await take(outbox_sessions)
    later = NOW + timedelta(seconds=30)
    async with transaction(outbox_sessions) as session:
        await deliveries.release(session, delivery_id=claim.delivery_id, attempt=claim.attempt, until=later)
    assert await take(outbox_sessions, later - timedelta(seconds=1)) == []
    (again,) = await take(outbox_sessions, later)
    assert again.attempt == 1


async def test_deliveries_of_an_inactive_subscriber_wait(outbox_sessions: Sessions) -> None:
    paused = await subscriber(outbox_sessions, "https://a.example/h", ["*"])
    await committed_events(outbox_sessions, "ticket.opened")
    await fan_out(outbox_sessions)
    async with transaction(outbox_sessions) as session:
        paused.active = False
        await session.merge(paused)
    assert await take(outbox_sessions) == []
    async with transaction(outbox_sessions) as session:
        paused.active = True
        await session.merge(paused)
    assert len(await take(outbox_sessions)) == 1


async def test_retry_dead_restores_attempts_and_refuses_what_is_not_dead(outbox_sessions: Sessions) -> None:
    owner = await subscriber(outbox_sessions, "https://a.example/h", ["*"])
    other = await subscriber(outbox_sessions, "https://b.example/h", ["*"], name="other")
    await committed_events(outbox_sessions, "ticket.opened", "ticket.resolved")
    await fan_out(outbox_sessions)
    claims = [c for c in await take(outbox_sessions) if c.subscriber_id == owner.id]
    async with transaction(outbox_sessions) as session:
        for claim in claims:
            await deliveries.mark_failed(
                session, delivery_id=claim.delivery_id, attempt=1, error="HTTP 410", now=NOW, max_attempts=1
            )
    dead_one, dead_two = (c.delivery_id for c in claims)
    later = NOW + timedelta(hours=2)
    async with transaction(outbox_sessions) as session:
        (retried,) = await deliveries.retry_dead(
            session, subscriber_id=owner.id, delivery_id=dead_one, now=later, actor=ADMIN
        )
        assert (retried.status, retried.attempts, retried.event.topic) == (
            DeliveryStatus.PENDING,
            0,
            "ticket.opened",
        )
        with pytest.raises(InvalidTransition, match="'pending'"):
            await deliveries.retry_dead(
                session, subscriber_id=owner.id, delivery_id=dead_one, now=later, actor=ADMIN
            )
        with pytest.raises(NotFound):
            await deliveries.retry_dead(
                session, subscriber_id=other.id, delivery_id=dead_two, now=later, actor=ADMIN
            )
    async with transaction(outbox_sessions) as session:
        rest = await deliveries.retry_dead(session, subscriber_id=owner.id, now=later, actor=ADMIN)
    assert [d.id for d in rest] == [dead_two]
    assert sorted(
        c.delivery_id for c in await take(outbox_sessions, later) if c.subscriber_id == owner.id
    ) == [
        dead_one,
        dead_two,
    ]


async def test_get_deliveries_filters_by_status_newest_first(outbox_sessions: Sessions) -> None:
    owner = await subscriber(outbox_sessions, "https://a.example/h", ["*"])
    await committed_events(outbox_sessions, "ticket.opened", "ticket.resolved", "appointment.booked")
    await fan_out(outbox_sessions)
    first, *_ = await take(outbox_sessions)
    async with transaction(outbox_sessions) as session:
        await deliveries.mark_delivered(session, delivery_id=first.delivery_id, now=NOW)
    async with outbox_sessions() as session:
        pending, total = await deliveries.get_deliveries(
            session, subscriber_id=owner.id, status=DeliveryStatus.PENDING
        )
        everything, everything_total = await deliveries.get_deliveries(
            session, subscriber_id=owner.id, limit=2
        )
    assert total == 2 and [d.event.topic for d in pending] == ["appointment.booked", "ticket.resolved"]
    assert everything_total == 3 and len(everything) == 2
