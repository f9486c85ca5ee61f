"""A turn interrupted after a side effect is finished as it was, before newer messages are taken:
restarted on a bigger batch, its steps would be numbered anew and its ticket opened twice."""

from __future__ import annotations

import secrets
from typing import Any

import pytest
from sqlalchemy import select

from api.runtime import Runtime
from graphs.runner import Runner
from store.conversations.models import Message
from store.tickets.models import Ticket
from tests.graphs.test_dead_letter import _replies, _turns, _write
from tools import registry


async def test_an_interrupted_batch_is_finished_alone_then_the_newer_message_gets_its_turn(
    demo: Runtime, runner: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = registry.invoke
    crashed: list[str] = []

    async def crash_after_the_first_ticket(name: str, *args: Any, **kwargs: Any) -> Any:
        result = await real(name, *args, **kwargs)
        if name == "open_ticket" and not crashed:
            crashed.append(name)
            raise RuntimeError("the worker died right after opening the ticket")
        return result

    monkeypatch.setattr(registry, "invoke", crash_after_the_first_ticket)
    phone = f"+1555089{secrets.randbelow(10**4):04d}"
    turns = _turns(demo, runner)
    conversation_id = await _write(demo, phone, "I have crushing chest pain and my left arm is numb")
    with pytest.raises(RuntimeError):
        await turns.take(demo.queue, conversation_id)
    await _write(demo, phone, "also, what are your opening hours?")  # written before the retry
    await turns.take(demo.queue, conversation_id)  # the retry: the interrupted batch alone
    await turns.take(demo.queue, conversation_id)  # the turn it queued for the newer message

    async with demo.sessions() as session:
        tickets = list(await session.scalars(select(Ticket).where(Ticket.conversation_id == conversation_id)))
        inbound = list(
            await session.scalars(
                select(Message).where(
                    Message.conversation_id == conversation_id, Message.direction == "inbound"
                )
            )
        )
    urgent = [t for t in tickets if t.priority.value == "urgent"]
    assert (
        crashed and len(urgent) == 1
    )  # the emergency's ticket opened once (the newer message may open its own)
    assert all(m.processed_at is not None for m in inbound)
    replies = await _replies(demo, conversation_id)
    assert len(replies) == 2
    assert {m.reply_id for m in inbound} == {r.id for r in replies}  # each message answered by its own turn
    # the interrupted batch's own reply is the emergency's (replies share the frozen clock's timestamp,
    # so they are told apart by the message each answers, not by their order)
    [emergency] = [m for m in inbound if "chest pain" in m.body]
    assert "911" in next(r.body for r in replies if r.id == emergency.reply_id)
