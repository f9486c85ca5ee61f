"""The relay end to end: events committed by services reach real local webhook receivers, signed,
retried with backoff until accepted or dead, filtered by topic, and never twice from concurrent passes.

Receivers record every raw request (no deduplication), so "exactly once" below counts what arrived.
The clock is a test clock moved by hand: backoff is observed, never slept through.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from channels.relay import sign
from channels.relay_pass import RelayStats, open_http, relay_once
from store.database import transaction
from store.outbox import deliveries
from store.outbox.models import Delivery, DeliveryStatus
from tests.fakes.webhook_receiver import Received, WebhookReceiver
from tests.store.outbox.conftest import ADMIN, Sessions, committed_events, emptied, own_database, subscriber


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2031, 3, 4, 9, 30, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, by: timedelta = timedelta(hours=1)) -> None:
        self.now += by


@pytest.fixture(scope="module")
async def engine(make_session_database: Callable[[], str]) -> AsyncIterator[AsyncEngine]:
    async with own_database(make_session_database) as own:
        yield own


@pytest.fixture
async def sessions(engine: AsyncEngine) -> Sessions:
    return await emptied(engine)


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with open_http() as client:
        yield client


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    with WebhookReceiver() as server:
        yield server


def signed(request: Received, secret: str) -> bool:
    timestamp = int(request.headers["x-prm-timestamp"])
    return request.headers["x-prm-signature"] == sign(secret=secret, timestamp=timestamp, body=request.body)


async def statuses(sessions: Sessions) -> list[tuple[DeliveryStatus, int]]:
    async with sessions() as session:
        rows = await session.execute(select(Delivery.status, Delivery.attempts).order_by(Delivery.id))
        return [(status, attempts) for status, attempts in rows]


async def test_a_subscriber_failing_three_times_then_recovering_gets_each_event_once_signed(
    sessions: Sessions, http: httpx.AsyncClient, receiver: WebhookReceiver
) -> None:
    hook = await subscriber(sessions, receiver.url, ["*"])
    events = await committed_events(
        sessions, "appointment.booked", "ticket.opened", "ticket.resolved", "journey.advanced"
    )
    receiver.script(500, 500, 500)
    clock = Clock()

    first = await relay_once(sessions=sessions, http=http, now=clock, allow_private=True)
    assert first == RelayStats(events=4, deliveries=4, failed=1, deferred=3)
    for _ in range(2):
        clock.advance()
        assert await relay_once(sessions=sessions, http=http, now=clock, allow_private=True) == RelayStats(
            failed=1, deferred=3
        )
    clock.advance()
    assert await relay_once(sessions=sessions, http=http, now=clock, allow_private=True) == RelayStats(
        delivered=4
    )
    clock.advance()
    assert await relay_once(sessions=sessions, http=http, now=clock, allow_private=True) == RelayStats()

    assert [r.status for r in receiver.received] == [500, 500, 500, 200, 200, 200, 200]
    accepted = Counter(r.event_id for r in receiver.accepted)
    assert accepted == Counter({e.id: 1 for e in events})
    # One worker posts a subscriber's deliveries in order, and the failing head holds back the rest:
    assert [r.event_id for r in receiver.accepted] == [e.id for e in events]
    assert all(signed(r, hook.secret) for r in receiver.received)
    assert [r.headers["x-prm-event"] for r in receiver.accepted] == [e.topic for e in events]
    assert await statuses(sessions) == [(DeliveryStatus.DELIVERED, 4)] + [(DeliveryStatus.DELIVERED, 1)] * 3


async def test_a_subscriber_that_always_fails_ends_dead_and_staff_can_retry(
    sessions: Sessions, http: httpx.AsyncClient
) -> None:
    clock = Clock()
    with WebhookReceiver(default=503) as down:
        hook = await subscriber(sessions, down.url, ["ticket.*"])
        (event,) = await committed_events(sessions, "ticket.opened")
        outcomes = []
        for _ in range(deliveries.MAX_ATTEMPTS + 2):
            outcomes.append(await relay_once(sessions=sessions, http=http, now=clock, allow_private=True))
            clock.advance()
        assert [o.failed for o in outcomes] == [1] * (deliveries.MAX_ATTEMPTS - 1) + [0, 0, 0]
        assert [o.dead for o in outcomes] == [0] * (deliveries.MAX_ATTEMPTS - 1) + [1, 0, 0]
        assert len(down.received) == deliveries.MAX_ATTEMPTS
        assert await statuses(sessions) == [(DeliveryStatus.DEAD, deliveries.MAX_ATTEMPTS)]

        down.default = 200
        async with transaction(sessions) as session:
            (retried,) = await deliveries.retry_dead(session, subscriber_id=hook.id, now=clock(), actor=ADMIN)
        assert await relay_once(sessions=sessions, http=http, now=clock, allow_private=True) == RelayStats(
            delivered=1
        )
        assert [r.event_id for r in down.accepted] == [event.id]
        assert await statuses(sessions) == [(DeliveryStatus.DELIVERED, 1)]
        async with sessions() as session:
            row = await session.get(Delivery, retried.id)
            assert row is not None and row.last_error == "HTTP 503" and row.delivered_at == clock()


async def test_each_subscriber_gets_only_the_topics_it_asked_for(
    sessions: Sessions, http: httpx.AsyncClient
) -> None:
    with WebhookReceiver() as calendar, WebhookReceiver() as desk, WebhookReceiver() as everything:
        await subscriber(sessions, calendar.url, ["appointment.*"], name="calendar")
        await subscriber(sessions, desk.url, ["ticket.opened", "conversation.handoff"], name="desk")
        await subscriber(sessions, everything.url, ["*"], name="all")
        topics = ["appointment.booked", "ticket.opened", "appointment.cancelled", "ticket.resolved"]
        topics += ["conversation.handoff", "appointment.rescheduled", "journey.advanced"]
        await committed_events(sessions, *topics)
        stats = await relay_once(sessions=sessions, http=http, now=Clock(), allow_private=True)
    assert stats == RelayStats(events=7, deliveries=12, delivered=12)
    assert [r.headers["x-prm-event"] for r in calendar.received] == [
        "appointment.booked",
        "appointment.cancelled",
        "appointment.rescheduled",
    ]
    assert [r.headers["x-prm-event"] for r in desk.received] == ["ticket.opened", "conversation.handoff"]
    assert [r.headers["x-prm-event"] for r in everything.received] == topics


async def test_concurrent_passes_never_deliver_an_event_twice_to_a_subscriber(
    sessions: Sessions, http: httpx.AsyncClient
) -> None:
    clock = Clock()
    with WebhookReceiver() as one, WebhookReceiver() as two, WebhookReceiver(default=500) as broken:
        await subscriber(sessions, one.url, ["*"], name="one")
        await subscriber(sessions, two.url, ["ticket.*", "appointment.*"], name="two")
        await subscriber(sessions, broken.url, ["*"], name="broken")
        events = await committed_events(
            sessions, *["ticket.opened", "appointment.booked", "journey.started"] * 20
        )
        for _ in range(6):
            await asyncio.gather(
                *(
                    relay_once(sessions=sessions, http=http, now=clock, allow_private=True, batch=15)
                    for _ in range(3)
                )
            )
        clock.advance()
        for _ in range(4):  # a pass after the backoff, for what the failing subscriber held back
            await asyncio.gather(
                *(relay_once(sessions=sessions, http=http, now=clock, allow_private=True) for _ in range(2))
            )

    raw_one = Counter(r.event_id for r in one.received)
    raw_two = Counter(r.event_id for r in two.received)
    assert raw_one == Counter({e.id: 1 for e in events})
    assert raw_two == Counter({e.id: 1 for e in events if e.topic != "journey.started"})
    assert Counter(r.event_id for r in broken.received).most_common(1)[0][1] <= 2
    async with sessions() as session:
        by_status = Counter(await session.scalars(select(Delivery.status)))
    assert by_status[DeliveryStatus.DELIVERED] == 60 + 40
    assert by_status[DeliveryStatus.PENDING] == 60


class Racing(Clock):
    """A clock that jumps 50 s at every reading: a pass whose posts outlast its claims' lease."""

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=50)
        return self.now


async def test_a_pass_never_posts_a_delivery_whose_claim_may_have_ended(
    sessions: Sessions, http: httpx.AsyncClient, receiver: WebhookReceiver
) -> None:
    await subscriber(sessions, receiver.url, ["*"])
    events = await committed_events(sessions, *["ticket.opened"] * 5)
    clock = Racing()
    first = await relay_once(sessions=sessions, http=http, now=clock, allow_private=True)
    assert first.deferred > 0 and first.delivered + first.deferred == 5  # stopped before its lease ran out
    assert await statuses(sessions) == (
        [(DeliveryStatus.DELIVERED, 1)] * first.delivered + [(DeliveryStatus.PENDING, 0)] * first.deferred
    )  # handed back uncounted, due at once
    while len(receiver.accepted) < 5:
        await relay_once(sessions=sessions, http=http, now=clock, allow_private=True)
    assert Counter(r.event_id for r in receiver.accepted) == Counter({e.id: 1 for e in events})  # each once


async def test_a_subscriber_that_trickles_its_answer_is_cut_off_as_a_whole(
    sessions: Sessions, receiver: WebhookReceiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    import channels.relay_pass as relay_pass

    await subscriber(sessions, receiver.url, ["*"])
    await committed_events(sessions, "ticket.opened")
    monkeypatch.setattr(relay_pass, "POST_BOUND", timedelta(seconds=0.5))

    async def trickle(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(5)  # under httpx's per-phase timeouts, over the whole-post bound
        return httpx.Response(200)

    async with httpx.AsyncClient(transport=httpx.MockTransport(trickle)) as slow:
        stats = await relay_once(sessions=sessions, http=slow, now=Clock(), allow_private=True)
    assert stats.failed == 1
    async with sessions() as session:
        [error] = await session.scalars(select(Delivery.last_error))
    assert error == "timeout"
