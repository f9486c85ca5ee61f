"""Safety never waits for a person nor for the voice platform: an emergency gets its reply and an
urgent ticket in a conversation staff own, in a call whose platform read it as a booking, and from
a contact nobody has identified — and staff find that ticket by the number it came from."""

from __future__ import annotations

from typing import Any

import pytest

from api.runtime import Runtime
from graphs.runner import Runner
from store.conversations.models import Channel, Conversation, ConversationStatus
from store.database import transaction
from store.tickets import service as tickets
from tests.graphs.conftest import new_phone


async def _status(demo: Runtime, conversation_id: Any) -> ConversationStatus:
    async with demo.sessions() as session:
        conversation = await session.get(Conversation, conversation_id)
        assert conversation is not None
        return conversation.status


@pytest.mark.parametrize(
    ("message", "guidance"),
    [
        ("I have crushing chest pain", "911"),
        ("honestly everyone would be better off without me", "988"),
        ("mi esposo tiene la boca chueca y no se le entiende lo que dice", "911"),
        ("my husband is clutching his arm and sweating buckets", "911"),  # no sign says it: nearest examples
    ],
)
async def test_a_handed_off_conversation_still_gets_the_emergency_reply(
    demo: Runtime, patient: Any, message: str, guidance: str
) -> None:
    eve = patient()
    assert "connecting you" in await eve.says("I want to talk to a person")
    assert await eve.says("hello? anyone?") == ""  # staff own it: the agent stays silent...
    reply = await eve.says(message)
    assert guidance in reply and eve.last.outcome == "emergency"  # ...but not about an emergency
    assert await _status(demo, eve.last.conversation_id) == ConversationStatus.HANDOFF  # still staff's
    async with transaction(demo.sessions) as session:
        found, _ = await tickets.get_all(session, phone=eve.phone, priority="urgent")
    assert [t.conversation_id for t in found] == [eve.last.conversation_id]
    assert found[0].patient_id is None  # nobody identified this contact; the phone finds the ticket


async def test_a_call_describing_a_stroke_in_plain_words_is_an_emergency_whatever_the_platform_says(
    demo: Runtime, runner: Runner
) -> None:
    phone = new_phone()
    transcript = (
        "Agent: Thank you for calling Riverside Health, how can I help you today? "
        "Caller: hi, I'd like to book an appointment for my husband. His face looks kind of droopy "
        "on one side and his words are coming out all jumbled, and his right arm went weak. "
        "Agent: I can help you book an appointment. Caller: ok, as soon as possible please."
    )
    result = await runner.run_turn(
        channel=Channel.WHATSAPP,
        phone=phone,
        texts=[transcript],
        prefill={"intent": "book_appointment", "specialty": "family medicine", "preferred_date": "tomorrow"},
    )
    assert result.outcome == "emergency" and "911" in result.reply
    assert "free times" not in result.reply and result.state.get("offered") in (None, [])
    async with transaction(demo.sessions) as session:
        [ticket] = (await tickets.get_all(session, phone=phone))[0]
    assert ticket.priority.value == "urgent" and "stroke" in ticket.summary
