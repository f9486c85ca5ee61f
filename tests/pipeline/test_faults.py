"""The fault suite: real `prm worker` processes killed with -9 mid-job, while patients keep writing.

One seeded clinic (real Postgres, Redis and worker processes; Twilio and a webhook subscriber are
local servers speaking their wire formats), and one worker at a time, so each kill lands on the
process holding the job. Each case hangs one kind of job at a network edge, lets more messages
arrive, kills the worker with SIGKILL, starts another, and then holds the three promises:

- every accepted message is answered exactly once, per conversation: each inbound message is
  taken by a turn and linked to its reply, and Twilio holds exactly the SIDs recorded for the
  conversation's outbound messages, none twice;
- nothing is sent twice: not at Twilio (the stub, like Twilio, deduplicates nothing), not to a
  subscriber beyond the posts the kill cut short (the relay is at-least-once, subscribers
  deduplicate on `X-PRM-Event-Id`: those ids reach them twice, and only those);
- no job is stuck: turns, sends, reminders and relay passes all finish (none waiting, running or
  failed) and the outbox drains.

(A kill mid-turn, and Redis stopped and restarted, are in test_outages.py; Postgres stopped and
restarted under traffic is at the end of this module.)
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
from sqlalchemy import select, text
from twilio.request_validator import RequestValidator

from api.app import create_app
from api.runtime import Runtime, ServerUrls, open_runtime
from api.seeding import seed_demo
from channels.twilio.signature import FormParams
from graphs import timed
from store.clock import clock_from
from store.conversations.models import Channel, Conversation, Direction, Message, MessagePart
from store.database import create_database, libpq_url, transaction
from store.embedded import EmbeddedPostgres
from store.migrate import upgrade
from store.outbox import service as outbox
from store.outbox.deliveries import LEASE
from store.outbox.models import Delivery, DeliveryStatus
from store.patients import service as patients
from store.queue import conversation_lock, defer_once
from store.scheduling import service as scheduling
from tests.fakes.embeddings_stub import EmbeddingsStub
from tests.fakes.twilio_stub import TwilioStub
from tests.fakes.webhook_receiver import WebhookReceiver
from tests.instant import NOW, TZ
from tests.pipeline.conftest import (
    ACCOUNT_SID,
    AUTH_TOKEN,
    CLINIC_NUMBER,
    PUBLIC_URL,
    WHATSAPP_PATH,
    clinic_settings,
    message_params,
)
from tests.pipeline.workers import Workers

JOBS = ("conversation.turn", "message.send", timed.REMIND, "outbox.relay")
# Jobs whose failure would lose work. A periodic relay pass cut short by a database going away ends
# "failed" (it has no retry: the next pass, five seconds on, relays the same events); what it owes is
# checked directly instead (every event relayed, every delivery delivered). Seen once under load.
MUST_NOT_FAIL = ("conversation.turn", "message.send", timed.REMIND)
HANG_S = 120.0  # a hung edge outlasts the test: only the kill ends the job


@dataclass
class Plant:
    """The clinic under fault: the test's runtime (webhooks, checks), the edges, the worker."""

    runtime: Runtime
    http: httpx.AsyncClient
    twilio: TwilioStub
    receiver: WebhookReceiver
    workers: Workers

    async def deliver(self, params: list[tuple[str, str]]) -> int:
        """One delivery of a webhook form, signed like Twilio's: the status it got."""
        signature = RequestValidator(AUTH_TOKEN).compute_signature(
            PUBLIC_URL + WHATSAPP_PATH, FormParams(params)
        )
        response = await self.http.post(
            WHATSAPP_PATH, data=dict(params), headers={"X-Twilio-Signature": signature}
        )
        return response.status_code

    async def write(self, phone: str, body: str) -> None:
        """A patient's WhatsApp message, accepted (200) before we go on."""
        assert await self.deliver(message_params(phone, body)) == 200

    async def traffic(self, phones: list[str], text: str) -> None:
        await asyncio.gather(*(self.write(phone, f"{text} ({n})") for n, phone in enumerate(phones)))

    async def count(self, sql: str, **params: Any) -> int:
        async with transaction(self.runtime.sessions) as session:
            return int(await session.scalar(text(sql), params) or 0)

    async def settled(self, phones: list[str]) -> None:
        """Wait until the conversations of `phones` are answered and no job is left, then check."""

        async def drained() -> bool:
            waiting = await self.count(
                "SELECT count(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id"
                " WHERE c.address = ANY(:phones) AND ((m.direction = 'inbound' AND m.processed_at IS NULL)"
                " OR (m.direction = 'outbound' AND m.provider_message_id IS NULL))",
                phones=phones,
            )
            jobs = await self.count(
                "SELECT count(*) FROM procrastinate_jobs"
                " WHERE task_name = ANY(:tasks) AND status IN ('todo', 'doing')",
                tasks=list(JOBS),
            )
            undelivered = await self.count(
                "SELECT count(*) FROM outbox_deliveries WHERE status <> 'delivered'"
            )
            unrelayed = await self.count("SELECT count(*) FROM outbox_events WHERE relayed_at IS NULL")
            return waiting == 0 and jobs == 0 and undelivered == 0 and unrelayed == 0

        await self.workers.until(drained, "every message answered, every job done, the outbox drained")
        failed = await self.count(
            "SELECT count(*) FROM procrastinate_jobs WHERE task_name = ANY(:tasks) AND status = 'failed'",
            tasks=list(MUST_NOT_FAIL),
        )
        assert failed == 0, self.workers.tails()
        for phone in phones:
            await self.answered_once(phone)

    async def answered_once(self, phone: str) -> None:
        """Every inbound message of the conversation linked to a reply; Twilio holds each of the
        conversation's recorded parts once, and nothing else."""
        async with transaction(self.runtime.sessions) as session:
            conversation = await session.scalar(
                select(Conversation).where(
                    Conversation.channel == Channel.WHATSAPP, Conversation.address == phone
                )
            )
            assert conversation is not None
            messages = list(
                await session.scalars(select(Message).where(Message.conversation_id == conversation.id))
            )
            recorded = list(
                await session.scalars(
                    select(MessagePart.provider_sid)
                    .where(MessagePart.provider_sid.is_not(None))
                    .join(Message, Message.id == MessagePart.message_id)
                    .where(Message.conversation_id == conversation.id)
                )
            )
        inbound = [m for m in messages if m.direction == Direction.INBOUND]
        replies = {m.id for m in messages if m.direction == Direction.OUTBOUND}
        assert inbound and all(m.processed_at is not None and m.reply_id in replies for m in inbound), phone
        at_twilio = [m["sid"] for m in self.twilio.messages if m["To"] == f"whatsapp:{phone}"]
        assert len(at_twilio) == len(set(at_twilio)), f"{phone}: a message went out twice"
        assert sorted(at_twilio) == sorted(sid or "" for sid in recorded), (
            f"{phone}: Twilio holds {at_twilio}, we recorded {recorded}"
        )
        assert len(recorded) >= len(replies), f"{phone}: a reply was never sent"


def new_phones(n: int) -> list[str]:
    prefix = secrets.randbelow(900) + 100
    return [f"+1555{prefix:03d}{i:04d}" for i in range(n)]


@pytest.fixture(scope="module")
def edges(embedder: Any) -> Iterator[tuple[TwilioStub, WebhookReceiver, EmbeddingsStub]]:
    with (
        TwilioStub(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN) as twilio,
        WebhookReceiver() as receiver,
        EmbeddingsStub(embedder.encode) as embeddings,
    ):
        yield twilio, receiver, embeddings


def worker_environment(
    database_url: str, redis_url: str, data_dir: Path, twilio: TwilioStub, embeddings: EmbeddingsStub
) -> dict[str, str]:
    """What a `prm worker` of the clinic is started with. Its embeddings come from the test process's
    model over the OpenAI-compatible endpoint (same vectors; a cold start in seconds)."""
    return {
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "PRM_DATA_DIR": str(data_dir),
        "PRM_ENV": "test",
        "PRM_PUBLIC_URL": PUBLIC_URL,
        "PRM_WEBHOOKS_ALLOW_PRIVATE": "true",
        "PRM_EMBEDDINGS": "openai:all-MiniLM-L6-v2",
        "OPENAI_BASE_URL": embeddings.url,
        "OPENAI_API_KEY": "test",
        "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
        "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "TWILIO_WHATSAPP_FROM": f"whatsapp:{CLINIC_NUMBER}",
        "PRM_TWILIO_API_URL": twilio.url,
        "PRM_WHATSAPP_REPLY": "rest",
        "PRM_TWILIO_LOOKUP_SETTLE_S": "0.5",
        "PRM_WORKER_HEARTBEAT_S": "1",
        "PRM_WORKER_STALLED_S": "3",
    }


@contextlib.asynccontextmanager
async def open_plant(
    database_url: str,
    redis_url: str,
    data_dir: Path,
    embedder: Any,
    edges: tuple[TwilioStub, WebhookReceiver, EmbeddingsStub],
    logs: Path,
) -> AsyncIterator[Plant]:
    """A seeded clinic on `database_url`, its webhooks served in-process, its worker not started."""
    twilio, receiver, embeddings = edges
    upgrade(database_url)
    settings = clinic_settings(data_dir, twilio, reply="rest", rate_limit=100)
    urls = ServerUrls(database_url, redis_url)
    async with open_runtime(settings, urls, embedder=embedder, clock=clock_from(NOW)) as runtime:
        await seed_demo(runtime, now=NOW, console=None)
        environment = worker_environment(database_url, redis_url, data_dir, twilio, embeddings)
        workers = Workers(environment, logs, runtime.clock)
        transport = httpx.ASGITransport(app=create_app(runtime=runtime))
        try:
            async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1:8000") as http:
                yield Plant(runtime, http, twilio, receiver, workers)
        finally:
            workers.stop()


@pytest.fixture(scope="module")
async def plant(
    data_dir: Path,
    make_session_database: Callable[[], str],
    redis_url: str,
    embedder: Any,
    edges: tuple[TwilioStub, WebhookReceiver, EmbeddingsStub],
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[Plant]:
    logs = tmp_path_factory.mktemp("workers")
    async with open_plant(make_session_database(), redis_url, data_dir, embedder, edges, logs) as plant:
        yield plant


async def test_a_worker_killed_mid_send_sends_it_once_and_answers_everyone(plant: Plant) -> None:
    if not plant.workers.running:
        plant.workers.start()
    first, *others = phones = new_phones(4)
    plant.twilio.lose_next(1, hang_s=HANG_S)  # Twilio creates the reply, the answer never comes
    await plant.write(first, "Hi, what are your opening hours?")

    async def hung() -> bool:  # the reply is at Twilio, the worker still waits for the answer
        return any(m["To"] == f"whatsapp:{first}" for m in plant.twilio.messages)

    await plant.workers.until(hung, "the first reply posted to Twilio")
    await plant.traffic(others, "Hello, I would like to book a check-up")
    plant.workers.kill()
    await plant.traffic(phones, "Do you take insurance?")  # while no worker runs
    plant.workers.start()
    await plant.settled(phones)
    assert plant.twilio.attempts == len(plant.twilio.messages)  # no post repeated, lost answer or not
    plant.twilio.release()


async def test_a_worker_killed_mid_reminder_sends_it_once_and_answers_everyone(plant: Plant) -> None:
    if not plant.workers.running:
        plant.workers.start()
    reminded, *others = phones = new_phones(3)
    await plant.write(reminded, "Hello")  # the patient writes first: the 24-hour window is open
    await plant.settled([reminded])
    appointment_id, conversation_id = await _booked(plant.runtime, reminded)
    async with await psycopg.AsyncConnection.connect(libpq_url(str(plant.runtime.urls.database_url))) as hold:
        # the reminder job blocks on the appointment's row (as behind a slow transaction) after it
        # has written the conversation's state and before it records the reminder as sent
        await hold.execute("SELECT 1 FROM appointments WHERE id = %s FOR UPDATE", (appointment_id,))
        async with transaction(plant.runtime.sessions) as session:  # what the timed sweep queues
            await defer_once(
                session,
                plant.runtime.queue,
                timed.REMIND,
                lock=conversation_lock(conversation_id),
                queueing_lock=f"remind:{appointment_id}:reminder",
                appointment_id=str(appointment_id),
                kind="reminder",
            )

        async def blocked() -> bool:
            waiting = await plant.count(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                " AND wait_event_type = 'Lock' AND query ILIKE '%appointments%'"
            )
            return bool(waiting)

        await plant.workers.until(blocked, "the reminder job waiting on the appointment")
        await plant.traffic(phones, "Can I bring my daughter along?")  # the reminded one waits its turn
        plant.workers.kill()
        await plant.traffic(others, "Is there parking?")
        await hold.rollback()
    plant.workers.start()
    await plant.settled(phones)
    kinds = await plant.count(
        "SELECT count(*) FROM messages WHERE conversation_id = :c AND kind = 'reminder'", c=conversation_id
    )
    assert kinds == 1


async def test_a_worker_killed_mid_relay_posts_each_event_and_repeats_only_what_it_cut_short(
    plant: Plant,
) -> None:
    if not plant.workers.running:
        plant.workers.start()
    phones = new_phones(3)
    receiver = plant.receiver
    async with transaction(plant.runtime.sessions) as session:
        await outbox.create_subscriber(
            session, name="n8n", url=receiver.url, topics=["ticket.*"], actor="test", secret="s" * 32
        )
    receiver.delay_s = HANG_S  # the subscriber takes the first post and never answers it
    events = await _emit(plant.runtime, 3)

    async def posting() -> bool:
        return len(receiver.received) >= 1

    await plant.workers.until(posting, "the relay posting to the subscriber")
    await plant.traffic(phones, "I need a refill of my prescription")
    events += await _emit(plant.runtime, 2)
    plant.workers.kill()
    receiver.delay_s = 0.0
    # the posts the kill cut short: the first, and any a second relay pass began meanwhile
    interrupted = [r.event_id for r in receiver.received]
    await plant.traffic(phones, "Thanks")
    # an interrupted post's claim lasts LEASE on the clinic's clock: the next worker starts that much
    # later on it, rather than the test waiting two real minutes
    plant.workers.start(ahead=LEASE + timedelta(seconds=30))
    await plant.settled(phones)
    async with transaction(plant.runtime.sessions) as session:
        deliveries = list(await session.execute(select(Delivery.event_id, Delivery.status)))
    owed = [event_id for event_id, _ in deliveries]  # ours, and any ticket the traffic opened
    assert set(events) <= set(owed) and {status for _, status in deliveries} == {DeliveryStatus.DELIVERED}
    posted = [r.event_id for r in receiver.received]
    assert interrupted and sorted(posted) == sorted([*owed, *interrupted])  # each once; those cut short twice


async def _booked(runtime: Runtime, phone: str) -> tuple[uuid.UUID, uuid.UUID]:
    """A registered patient on `phone` with a booked appointment: (appointment, conversation)."""
    async with transaction(runtime.sessions) as session:
        patient = await patients.create(
            session,
            given_name="Rosa",
            family_name="Quinn",
            birth_date=date(1980, 5, 17),
            phone=phone,
            today=NOW.date(),
        )
        start = runtime.clock() + timedelta(days=1)
        [slot] = await scheduling.find_free_slots(
            session,
            start=start,
            end=start + timedelta(days=14),
            specialty="dermatology",
            tz=TZ,
            now=start,
            limit=1,
        )
        appointment = await scheduling.book(
            session, slot_id=slot.id, patient_id=patient.id, reason=None, now=runtime.clock()
        )
        conversation = await session.scalar(
            select(Conversation).where(
                Conversation.channel == Channel.WHATSAPP, Conversation.address == phone
            )
        )
        assert conversation is not None
        return appointment.id, conversation.id


async def _emit(runtime: Runtime, n: int) -> list[int]:
    """`n` events for the relay, as the ticket service emits them (ids only)."""
    async with transaction(runtime.sessions) as session:
        made = [
            await outbox.emit(session, topic="ticket.opened", payload={"ticket_id": str(uuid.uuid4())})
            for _ in range(n)
        ]
        return [event.id for event in made]


async def test_postgres_stopped_and_restarted_under_traffic_loses_nothing_and_repeats_nothing(
    tmp_path: Path,
    data_dir: Path,
    redis_url: str,
    embedder: Any,
    edges: tuple[TwilioStub, WebhookReceiver, EmbeddingsStub],
) -> None:
    """A Postgres of its own (the session's is shared): stopped while patients write and the worker
    runs, then started again. What arrives meanwhile gets 503, which Twilio answers by delivering
    again (the same MessageSid), as this test does until it is accepted."""
    server = EmbeddedPostgres(tmp_path).start()
    try:
        database_url = server.url("postgres").replace("/postgres?", "/prm?")
        create_database(database_url)
        async with open_plant(database_url, redis_url, data_dir, embedder, edges, tmp_path) as plant:
            plant.workers.start()
            first, *others = phones = new_phones(4)
            plant.twilio.lose_next(1, hang_s=HANG_S)  # a send in flight when Postgres goes
            await plant.write(first, "Hello, can I book a cleaning?")

            async def hung() -> bool:
                return any(m["To"] == f"whatsapp:{first}" for m in plant.twilio.messages)

            await plant.workers.until(hung, "the first reply posted to Twilio")
            await plant.traffic(others[:1], "Hi there")
            await asyncio.to_thread(server.stop)
            plant.twilio.release()  # its answer lost: the send looks it up, then cannot record it
            refused = [
                message_params(phone, f"Are you open on Saturday? ({n})") for n, phone in enumerate(phones)
            ]
            statuses = [await plant.deliver(params) for params in refused]
            assert set(statuses) == {503}  # not acknowledged: Twilio keeps them and delivers again
            server = await asyncio.to_thread(EmbeddedPostgres(tmp_path).start)
            for params in refused:  # Twilio's redelivery, until it is taken
                await plant.workers.until(partial(_accepted, plant, params), "a redelivery accepted")
            await plant.traffic(phones, "Thank you")
            await plant.settled(phones)
            assert plant.workers.running, "the worker did not survive the restart\n" + plant.workers.tails()
    finally:
        server.stop()


async def _accepted(plant: Plant, params: list[tuple[str, str]]) -> bool:
    return await plant.deliver(params) == 200
