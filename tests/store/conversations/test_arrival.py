"""Inbound messages are stamped in the order they are stored, whatever clock each delivery read.

Turns take a conversation's messages in `created_at` order. A delivery that read its clock before
an earlier-stored one (a burst, or API processes whose clocks are apart) must still be stamped
after it, or its turn would answer the messages out of order.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from store.conversations import inbox
from store.conversations.models import Channel, Message
from tests.instant import NOW


async def _receive(session: Any, phone: str, body: str, *, now: Any) -> Message:
    received = await inbox.receive(
        session,
        conversation_channel=Channel.WHATSAPP,
        address=phone,
        provider_message_id="SM" + secrets.token_hex(16),
        body=body,
        now=now,
    )
    return received.message


def _phone() -> str:
    return "+1555" + str(secrets.randbelow(10**7)).zfill(7)


async def test_a_message_whose_clock_reads_earlier_is_stamped_just_after_the_one_stored_before(
    session: Any,
) -> None:
    phone = _phone()
    first = await _receive(session, phone, "I'd like an appointment", now=NOW)
    second = await _receive(session, phone, "with cardiology", now=NOW - timedelta(milliseconds=5))

    assert first.created_at == NOW
    assert second.created_at == NOW + timedelta(microseconds=1)
    in_order = select(Message.body).where(Message.conversation_id == first.conversation_id)
    stored = await session.scalars(in_order.order_by(Message.created_at))
    assert list(stored) == ["I'd like an appointment", "with cardiology"]


async def test_a_message_at_the_same_instant_is_stamped_after_and_a_later_one_keeps_its_clock(
    session: Any,
) -> None:
    phone = _phone()
    await _receive(session, phone, "hi", now=NOW)
    tie = await _receive(session, phone, "again", now=NOW)
    later = await _receive(session, phone, "still there?", now=NOW + timedelta(seconds=3))

    assert tie.created_at == NOW + timedelta(microseconds=1)
    assert later.created_at == NOW + timedelta(seconds=3)


async def test_conversations_do_not_push_each_other_s_stamps(session: Any) -> None:
    await _receive(session, _phone(), "first patient", now=NOW)
    other = await _receive(session, _phone(), "second patient", now=NOW - timedelta(seconds=1))

    assert other.created_at == NOW - timedelta(seconds=1)
