"""Nothing lost when things fail: Postgres unreachable, Redis restarting, a worker killed with -9."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from api.runtime import ServerUrls, open_runtime
from api.seeding import seed_demo
from channels.pipeline import accept
from store.clock import clock_from
from store.conversations.models import Channel, Direction, Message
from store.database import transaction
from store.embedded import EmbeddedValkey
from store.embedded import valkey as embedded_valkey
from store.migrate import upgrade
from store.traces.models import Trace
from tests.fakes.openai_stub import OpenAIStub, error, slow
from tests.fakes.twilio_stub import TwilioStub
from tests.instant import NOW
from tests.pipeline.conftest import ACCOUNT_SID, AUTH_TOKEN, clinic_settings, open_clinic


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_postgres_unreachable_answers_503_so_twilio_retries(
    data_dir: Path, redis_url: str, embedder: Any, twilio: TwilioStub
) -> None:
    url = f"postgresql+psycopg://prm:prm@127.0.0.1:{_closed_port()}/prm?connect_timeout=2"
    settings = clinic_settings(data_dir, twilio)
    async with open_clinic(settings, url, redis_url, embedder, twilio, seed=False) as clinic:
        response = await clinic.whatsapp("+15550100001", "hello")
    assert response.status_code == 503
    assert response.json()["error"] == "unavailable"


@pytest.fixture
def own_redis(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[EmbeddedValkey]:
    port = embedded_valkey.free_port()
    monkeypatch.setattr(embedded_valkey, "free_port", lambda: port)  # restarts come back on this port
    valkey = EmbeddedValkey(tmp_path).start()
    yield valkey
    valkey.stop()


async def test_redis_down_messages_wait_and_are_processed_when_it_returns(
    data_dir: Path,
    make_database: Callable[[], str],
    embedder: Any,
    twilio: TwilioStub,
    own_redis: EmbeddedValkey,
) -> None:
    url = make_database()
    upgrade(url)
    settings = clinic_settings(data_dir, twilio, reply="rest")
    redis_url = f"redis://127.0.0.1:{own_redis.port}/0"
    async with open_clinic(settings, url, redis_url, embedder, twilio) as clinic:
        await asyncio.to_thread(own_redis.stop)
        response = await clinic.whatsapp("+15550100002", "I want to book a check-up")
        assert response.status_code == 200  # stored in Postgres: acknowledged
        await asyncio.sleep(2)
        [waiting] = await clinic.messages(Message.body == "I want to book a check-up")
        assert waiting.processed_at is None  # the turn cannot run without its checkpoints
        await asyncio.to_thread(own_redis.start)

        async def processed() -> bool:
            [message] = await clinic.messages(Message.id == waiting.id)
            return message.processed_at is not None and message.reply_id is not None

        await clinic.until(processed, timeout_s=60)
        replies = Message.conversation_id == waiting.conversation_id, Message.direction == Direction.OUTBOUND
        assert await clinic.count(*replies) == 1


async def test_a_worker_killed_mid_turn_is_retried_and_the_turn_completes_once(
    data_dir: Path, make_database: Callable[[], str], redis_url: str, embedder: Any, tmp_path: Path
) -> None:
    url = make_database()
    upgrade(url)
    with OpenAIStub() as model, TwilioStub(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN) as twilio:
        model.script(slow(error(500), 120), *[error(400)] * 50)  # the first call hangs: the kill lands there
        settings = clinic_settings(data_dir, twilio, reply="rest")
        urls = ServerUrls(url, redis_url)
        async with open_runtime(settings, urls, embedder=embedder, clock=clock_from(NOW)) as runtime:
            await seed_demo(runtime, now=NOW, console=None)
            async with transaction(runtime.sessions) as session:
                accepted = await accept(
                    session,
                    runtime.queue,
                    channel=Channel.WHATSAPP,
                    address="+15550100001",
                    provider_message_id="SM" + "1" * 32,
                    body="Hi, I need to see a cardiologist",
                    now=runtime.clock(),
                )
            environment = {
                **os.environ,
                "DATABASE_URL": url,
                "REDIS_URL": redis_url,
                "PRM_DATA_DIR": str(tmp_path),
                "PRM_ENV": "test",
                "PRM_NOW": NOW.isoformat(),  # the worker process lives at the seeded instant too
                "PRM_LLM_MODEL": "stub-model",
                "OPENAI_BASE_URL": model.url + "/v1",
                "OPENAI_API_KEY": "test",
                "PRM_LLM_TIMEOUT_S": "300",
                "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
                "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
                "TWILIO_WHATSAPP_FROM": "whatsapp:+15550000000",
                "PRM_TWILIO_API_URL": twilio.url,
                "PRM_WHATSAPP_REPLY": "rest",
                "PRM_WORKER_HEARTBEAT_S": "1",
                "PRM_WORKER_STALLED_S": "3",
            }
            prm = str(Path(sys.executable).parent / "prm")

            logs: list[Path] = []

            def start_worker() -> subprocess.Popen[bytes]:
                logs.append(tmp_path / f"worker-{len(logs)}.log")
                with logs[-1].open("wb") as log:  # the child keeps its own copy of the descriptor
                    return subprocess.Popen(
                        [prm, "worker", "--concurrency", "2"], env=environment, stdout=log, stderr=log
                    )

            async def until(check: Callable[[], bool], timeout_s: float) -> None:
                # generous bounds: a cold worker process loads the embedding model first, slowly on a busy CI
                for _ in range(int(timeout_s * 10)):
                    if check():
                        return
                    await asyncio.sleep(0.1)
                tails = "\n".join(f"--- {p.name}\n{p.read_text(errors='replace')[-3000:]}" for p in logs)
                raise AssertionError(f"condition not reached in {timeout_s} s; worker logs:\n{tails}")

            first = start_worker()
            try:
                await until(lambda: len(model.requests) >= 1, timeout_s=300)  # mid-turn: waiting on the model
                first.send_signal(signal.SIGKILL)
                first.wait(timeout=10)
            finally:
                if first.poll() is None:
                    first.kill()
            second = start_worker()
            try:

                def replied() -> bool:
                    return any(m["To"] == "whatsapp:+15550100001" for m in twilio.messages)

                await until(replied, timeout_s=300)
            finally:
                second.send_signal(signal.SIGTERM)
                second.wait(timeout=30)
            async with transaction(runtime.sessions) as session:
                message = await session.get(Message, accepted.message_id)
                assert message is not None and message.processed_at is not None
                outbound = await session.scalar(
                    select(func.count())
                    .select_from(Message)
                    .where(
                        Message.conversation_id == message.conversation_id,
                        Message.direction == Direction.OUTBOUND,
                    )
                )
                turns = await session.scalar(
                    select(func.count())
                    .select_from(Trace)
                    .where(Trace.conversation_id == message.conversation_id, Trace.outcome != "error")
                )
                waiting_turns = await session.scalar(
                    text(
                        "SELECT count(*) FROM procrastinate_jobs"
                        " WHERE task_name = 'conversation.turn' AND status IN ('todo', 'doing')"
                    )
                )
            assert outbound == 1 and turns == 1
            assert len([m for m in twilio.messages if m["To"] == "whatsapp:+15550100001"]) == 1
            assert waiting_turns == 0
