"""Subscribers: validation naming the field, topic patterns, updates and deletion (with deliveries)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from store.database import transaction
from store.errors import InvalidInput, NotFound
from store.outbox import deliveries, topics
from store.outbox import service as outbox
from store.outbox.models import TOPICS, Delivery
from tests.store.outbox.conftest import ADMIN, Sessions, committed_events, subscriber

NOW = datetime(2031, 3, 4, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("pattern", "topic", "expected"),
    [
        ("*", "ticket.opened", True),
        ("appointment.*", "appointment.booked", True),
        ("appointment.*", "ticket.opened", False),
        ("ticket.opened", "ticket.opened", True),
        ("ticket.opened", "ticket.resolved", False),
        ("journey.*", "journeys.started", False),
    ],
)
def test_patterns(pattern: str, topic: str, expected: bool) -> None:
    assert topics.matches(pattern, topic) is expected


def test_check_accepts_known_topics_domains_and_star_and_deduplicates() -> None:
    assert topics.check([" appointment.* ", "ticket.opened", "*", "appointment.*"]) == [
        "appointment.*",
        "ticket.opened",
        "*",
    ]
    assert topics.check(list(TOPICS)) == list(TOPICS)


@pytest.mark.parametrize("bad", [[], ["appointment.created"], ["billing.*"], ["appointment*"], ["a.b.c"]])
def test_check_refuses_unknown_topics_naming_the_field(bad: list[str]) -> None:
    with pytest.raises(InvalidInput) as caught:
        topics.check(bad)
    assert caught.value.field == "topics"


async def test_emit_refuses_a_topic_subscribers_cannot_ask_for(outbox_sessions: Sessions) -> None:
    async with outbox_sessions() as session:
        with pytest.raises(ValueError, match="TOPICS"):
            await outbox.emit(session, topic="appointment.created", payload={})


async def test_create_keeps_a_given_secret_or_makes_one(outbox_sessions: Sessions) -> None:
    given = await subscriber(outbox_sessions, "https://n8n.example.com/webhook/1", ["*"], secret="s" * 20)
    made = await subscriber(outbox_sessions, "http://127.0.0.1:5678/hook", ["ticket.*"], name="other")
    assert given.secret == "s" * 20
    assert len(made.secret) >= 32 and made.secret != given.secret
    async with outbox_sessions() as session:
        assert [s.name for s in await outbox.get_subscribers(session)] == ["n8n", "other"]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"url": "ftp://example.com/x"}, "url"),
        ({"url": "example.com/hook"}, "url"),
        ({"url": "https:///nohost"}, "url"),
        ({"name": "  "}, "name"),
        ({"secret": "short"}, "secret"),
        ({"topics": ["nope"]}, "topics"),
    ],
)
async def test_create_refuses_bad_fields(
    outbox_sessions: Sessions, fields: dict[str, object], field: str
) -> None:
    values: dict[str, object] = {"name": "n8n", "url": "https://example.com/h", "topics": ["*"]} | fields
    async with outbox_sessions() as session:
        with pytest.raises(InvalidInput) as caught:
            await outbox.create_subscriber(session, actor=ADMIN, **values)  # type: ignore[arg-type]
    assert caught.value.field == field


async def test_update_changes_only_the_given_fields(outbox_sessions: Sessions) -> None:
    created = await subscriber(outbox_sessions, "https://example.com/a", ["*"], secret="x" * 16)
    async with transaction(outbox_sessions) as session:
        updated = await outbox.update_subscriber(
            session, subscriber_id=created.id, actor=ADMIN, topics=["ticket.opened"], active=False
        )
    assert (updated.name, updated.url, updated.secret, updated.topics, updated.active) == (
        "n8n",
        "https://example.com/a",
        "x" * 16,
        ["ticket.opened"],
        False,
    )
    async with outbox_sessions() as session:
        with pytest.raises(InvalidInput, match="url"):
            await outbox.update_subscriber(session, subscriber_id=created.id, actor=ADMIN, url="mailto:x@y.z")
        with pytest.raises(NotFound):
            await outbox.update_subscriber(session, subscriber_id=uuid.uuid4(), actor=ADMIN, name="x")


async def test_delete_removes_the_subscriber_and_its_deliveries(outbox_sessions: Sessions) -> None:
    doomed = await subscriber(outbox_sessions, "https://example.com/a", ["*"])
    kept = await subscriber(outbox_sessions, "https://example.com/b", ["*"], name="kept")
    await committed_events(outbox_sessions, "ticket.opened")
    async with transaction(outbox_sessions) as session:
        await deliveries.fan_out(session, now=NOW)
        await outbox.delete_subscriber(session, subscriber_id=doomed.id, actor=ADMIN)
    async with outbox_sessions() as session:
        owners = list(await session.scalars(select(Delivery.subscriber_id)))
        assert owners == [kept.id]
        with pytest.raises(NotFound):
            await outbox.get_subscriber(session, subscriber_id=doomed.id)
        assert await session.scalar(select(func.count()).select_from(Delivery)) == 1
