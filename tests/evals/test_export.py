"""The export replays what the agent read: a voice note's transcript (its message body is empty),
without media markers, and a failed attempt's trace is not a turn of its own."""

from __future__ import annotations

import uuid
from typing import Any

from evals.export import scenario_of
from store.conversations import service as conversations
from store.conversations.models import Channel, Direction
from store.traces import annotations
from store.traces import service as traces
from tests.instant import NOW, TZ


async def test_a_voice_note_is_replayed_as_its_transcript_and_a_failed_attempt_is_not_a_turn(
    session: Any,
) -> None:
    phone = f"+1555085{uuid.uuid4().int % 10_000:04d}"
    conversation = await conversations.get_or_create(session, channel=Channel.WHATSAPP, address=phone)
    note = await conversations.add_message(
        session, conversation=conversation, direction=Direction.INBOUND, body="", now=NOW
    )
    common = {"conversation_id": conversation.id, "started_at": NOW, "duration_ms": 5, "steps": []}
    await traces.record(
        session, turn=0, inbound_ids=[note.id], inbound_text="", reply="", outcome="error", **common
    )
    trace = await traces.record(
        session,
        turn=1,
        inbound_ids=[note.id],
        inbound_text="I need a dermatology appointment [attachment: image/jpeg]",
        reply="Sure.",
        outcome="none",
        **common,
    )
    annotation = await annotations.annotate(
        session, trace_id=trace.id, verdict="bad", note="", expect={"outcome": "booked"}, author="user:t"
    )
    scenario = await scenario_of(session, annotation, tz=TZ)
    assert scenario is not None and scenario.turns == ["I need a dermatology appointment"]
