"""Traces: recording a turn (validation, FK to the conversation), reading one, listing newest first."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from store.conversations import service as conversations
from store.conversations.models import Channel, Conversation
from store.errors import InvalidInput, NotFound
from store.traces import service as traces
from store.traces.models import Trace

T0 = datetime(2031, 5, 6, 14, 0, tzinfo=UTC)
STEPS: list[dict[str, Any]] = [
    {"kind": "node", "name": "understand", "started_ms": 0.1, "duration_ms": 1.2, "changed": ["intent"]},
    {"kind": "tool", "name": "find_slots", "started_ms": 1.5, "duration_ms": 8.0, "input": {"limit": 3}},
]


async def new_conversation(session: AsyncSession) -> Conversation:
    phone = f"+1555{random.randint(0, 9_999_999):07d}"
    return await conversations.get_or_create(session, channel=Channel.WHATSAPP, address=phone)


async def record(session: AsyncSession, conversation: Conversation, **overrides: Any) -> Trace:
    args: dict[str, Any] = {
        "conversation_id": conversation.id,
        "turn": 1,
        "started_at": T0,
        "duration_ms": 42,
        "inbound_ids": [uuid.uuid4()],
        "inbound_text": "I need a dermatologist",
        "reply": "Here are three times",
        "outcome": "none",
        "steps": STEPS,
    } | overrides
    return await traces.record(session, **args)


async def test_record_stores_every_field_and_reads_back(session: AsyncSession) -> None:
    conversation = await new_conversation(session)
    inbound = [uuid.uuid4(), uuid.uuid4()]
    trace = await record(
        session, conversation, inbound_ids=inbound, outcome="booked", model="gpt-test", error="late reply"
    )
    session.expunge_all()  # read from the database, not the identity map

    stored = await traces.get(session, trace_id=trace.id)
    assert stored.conversation_id == conversation.id
    assert (stored.turn, stored.started_at, stored.duration_ms) == (1, T0, 42)
    assert stored.inbound_ids == [str(i) for i in inbound]
    assert (stored.inbound_text, stored.reply) == ("I need a dermatologist", "Here are three times")
    assert (stored.outcome, stored.model, stored.error) == ("booked", "gpt-test", "late reply")
    assert stored.steps == STEPS
    assert stored.conversation.address == conversation.address


async def test_get_unknown_is_not_found(session: AsyncSession) -> None:
    with pytest.raises(NotFound, match="trace"):
        await traces.get(session, trace_id=uuid.uuid4())


async def test_record_for_unknown_conversation_is_not_found(session: AsyncSession) -> None:
    with pytest.raises(NotFound, match="conversation"):
        await traces.record(
            session,
            conversation_id=uuid.uuid4(),
            turn=1,
            started_at=T0,
            duration_ms=1,
            inbound_ids=[],
            inbound_text="",
            reply="",
            outcome="none",
            steps=[],
        )


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"turn": -1}, "turn"),
        ({"started_at": datetime(2031, 5, 6, 14, 0)}, "started_at"),
        ({"duration_ms": -5}, "duration_ms"),
        ({"outcome": " "}, "outcome"),
        ({"outcome": "x" * 33}, "outcome"),
        ({"model": ""}, "model"),
        ({"steps": [{"kind": "thought", "name": "x"}]}, "steps"),
        ({"steps": [{"kind": "node"}]}, "steps"),
        ({"steps": [{"kind": "node", "name": "n", "output": object()}]}, "steps"),
        ({"steps": [{"kind": "model", "name": "m", "duration_ms": float("nan")}]}, "steps"),
    ],
)
async def test_record_refuses_bad_values_naming_the_field(
    session: AsyncSession, overrides: dict[str, Any], field: str
) -> None:
    conversation = await new_conversation(session)
    with pytest.raises(InvalidInput) as refused:
        await record(session, conversation, **overrides)
    assert refused.value.field == field


async def test_get_all_pages_one_conversation_newest_first(session: AsyncSession) -> None:
    conversation, other = await new_conversation(session), await new_conversation(session)
    made = [
        await record(session, conversation, turn=turn, started_at=T0 + timedelta(minutes=turn))
        for turn in (1, 2, 3)
    ]
    await record(session, other, turn=1)

    first, total = await traces.get_all(session, conversation_id=conversation.id, limit=2, offset=0)
    second, _ = await traces.get_all(session, conversation_id=conversation.id, limit=2, offset=2)
    assert total == 3
    assert [t.id for t in first + second] == [made[2].id, made[1].id, made[0].id]

    everyone, total_all = await traces.get_all(session, limit=200)
    assert total_all >= 4
    assert {t.conversation_id for t in everyone} >= {conversation.id, other.id}
