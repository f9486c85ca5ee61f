"""The same graph with a model: understanding through an OpenAI-compatible endpoint (a local stub
speaking the real wire format, so the real `ChatOpenAI` client is exercised)."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from typing import Any

import pytest
from redis.asyncio import Redis

from agents.model import Retry, make_phraser, make_understander
from api.runtime import Runtime
from graphs.runner import Runner
from store.checkpoint import AsyncRedisSaver
from store.conversations.models import Channel
from store.traces import service as traces
from tests.fakes.openai_stub import OpenAIStub, error, text, tool_call
from tests.instant import NOW

MODEL = "stub-model-1"
FAST = Retry(attempts=2, first_wait_s=0.01, max_wait_s=0.02)


@pytest.fixture
def stub() -> Iterator[OpenAIStub]:
    with OpenAIStub() as server:
        yield server
        assert server.pending == 0, "a scripted answer was never requested"


@pytest.mark.calendar
async def test_a_model_understands_what_the_offline_agent_cannot(
    demo: Runtime, redis_url: str, register: Any, stub: OpenAIStub
) -> None:
    phone = f"+1555{secrets.randbelow(10**7):07d}"
    await register(phone, "Mo Del", "1970-07-07")
    base_url = stub.url + "/v1"
    client = Redis.from_url(redis_url)
    runner = Runner(
        sessions=demo.sessions,
        embedder=demo.embedder,
        checkpointer=AsyncRedisSaver(client, prefix=f"test-{secrets.token_hex(4)}"),
        tz=demo.settings.tz,
        understander=make_understander(MODEL, api_key="sk-test", base_url=base_url, retry=FAST),
        phraser=make_phraser(MODEL, api_key="sk-test", base_url=base_url, retry=FAST),
        clock=lambda: NOW,
        model_name=MODEL,
    )
    stub.script(
        tool_call(
            {
                "intent": "book",
                "language": "en",
                "specialty": "cardiology",
                "when": {
                    "start": "2026-12-14T00:00:00-05:00",
                    "end": "2026-12-19T00:00:00-05:00",
                    "part_of_day": "morning",
                    "text": "the week after next, mornings",
                },
            }
        ),
        error(400),  # phrasing refused: the template goes out unchanged
    )
    message = "my ticker has been acting up, could someone look at it the week after next? mornings suit me"
    first = await runner.run_turn(channel=Channel.WHATSAPP, phone=phone, texts=[message])
    assert "Here are the first free times for cardiology" in first.reply
    assert "December 14" in first.reply and "AM" in first.reply

    stub.script(tool_call({"intent": "choose", "language": "en"}), text("This reply drops every fact."))
    second = await runner.run_turn(channel=Channel.WHATSAPP, phone=phone, texts=["the second one please"])
    assert second.outcome == "booked" and second.reply.startswith("You're booked: cardiology")
    await client.aclose()

    assert all(r["model"] == MODEL and r["temperature"] == 0 for r in stub.requests)
    async with demo.sessions() as session:
        recorded, _ = await traces.get_all(session, conversation_id=second.conversation_id)
    latest = max(recorded, key=lambda t: t.turn)
    assert latest.model == MODEL
    model_steps = [s for s in latest.steps if s["kind"] == "model"]
    assert len(model_steps) == 2 and all(s["tokens"] for s in model_steps)
