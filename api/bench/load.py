"""The front door under load: signed WhatsApp webhooks at a fixed rate from many patients.

`prm serve` runs as `make run` starts it (`--workers`: its worker processes besides its own), on a
database of its own seeded with the demo clinic and `patients` registered patients. Each patient
writes "Hi, I'd like to book a dermatology appointment next week in the morning" (a registered
patient gets three free times offered: the full path of a booking's first turn). Replies go out
through Twilio's REST API to a local stand-in (`api/bench/twilio_stand_in.py`) that notes when each
arrives, so a turn is timed from the webhook sent to the reply at "Twilio"; with `--reply twiml` a reply that
fits in the webhook's answer counts there instead.

A patient's messages are `patients` / rate seconds apart. When a turn waits longer than that, the
patient's next message joins it and one reply answers both, as the runner merges a burst. Which
reply answers which message is read from the server's own record before its database is dropped
(each stored message names the reply that answers it; the stand-in reads each post's outbound
message from its status callback URL), not guessed from times: under load a webhook is stored up to
its acknowledgement, tens of seconds after it was sent, so a message sent before a reply may come too
late for that reply's turn and be answered by the next. Lost = acknowledged messages whose reply has
not reached "Twilio" (or the webhook's TwiML) when the drain ends; duplicated = posts of a reply
already posted or already answered in TwiML, and replies that answer none of the run's messages.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import time
import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import psycopg
from rich.console import Console
from rich.table import Table
from sqlalchemy import func, make_url, update
from twilio.request_validator import RequestValidator

from api.bench.cpu import Parts, per_message_ms
from api.bench.served import serve, wait_idle, wait_ready
from api.bench.twilio_stand_in import Post, TwilioStandIn
from api.paths import WHATSAPP_PATH
from api.runtime import ServerUrls, open_runtime
from api.seeding import seed_demo
from api.settings import Settings
from api.supervisor import usable_cores
from evals.metrics import percentile
from store.database import create_database, drop_database, libpq_url, transaction
from store.embedded.valkey import free_port
from store.migrate import upgrade
from store.patients import service as patients
from store.scheduling.models import Appointment

BODY = "Hi, I'd like to book a dermatology appointment next week in the morning"
PUBLIC_URL = "https://clinic.bench.example"
ACCOUNT_SID = "AC" + "b" * 32
AUTH_TOKEN = "bench-auth-token-" + "0" * 16
CLINIC_NUMBER = "+15550000000"
FIRST_PHONE = 5550200000  # the patients' numbers: +1 555 020 0000 onwards
READY_S = 120.0
WARM_UP = 5  # turns answered one by one before the clock starts


def phone_of(index: int) -> str:
    return f"+1{FIRST_PHONE + index}"


@dataclass
class Sent:
    phone: str
    at: float  # monotonic
    sid: str = ""  # the MessageSid it was sent with
    ack_ms: float | None = None  # None: no answer
    status: int | None = None
    inline: bool = False  # the reply came in the webhook's TwiML answer


@dataclass
class LoadRun:
    rate: float
    seconds: float
    patients: int
    workers: int | None
    reply: str
    api_processes: int | None = None
    sent: list[Sent] = field(default_factory=list)
    cpu_ms: dict[str, float | None] = field(default_factory=dict)  # per message answered, by part
    transactions: float | None = None  # Postgres transactions (commits and rollbacks) per message


async def _prepare(database_url: str, redis_url: str, patients_count: int) -> None:
    """Migrate, seed the demo clinic for today, and register the patients who will write.

    The demo's appointments count as reminded and followed up: their timed messages (a few dozen,
    due at once on a fresh seed) would otherwise go out during the run and be counted in the CPU
    and transactions per patient message."""
    upgrade(database_url)
    settings = Settings(PRM_ENV="development")
    async with open_runtime(settings, ServerUrls(database_url, redis_url)) as runtime:
        await seed_demo(runtime, now=None, console=None)
        async with transaction(runtime.sessions) as session:
            await session.execute(
                update(Appointment).values(reminder_sent_at=func.now(), followup_sent_at=func.now())
            )
            for index in range(patients_count + WARM_UP):
                await patients.create(
                    session,
                    given_name="Bench",
                    family_name=f"Patient{index}",
                    birth_date=date(1980, 1, 1),
                    phone=phone_of(index),
                    today=runtime.clock().astimezone(settings.tz).date(),
                )


def _environment(urls: ServerUrls, twilio: TwilioStandIn, reply: str, data_dir: str) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("PRM_", "TWILIO_", "OPENAI_"))}
    return keep | {
        "DATABASE_URL": urls.database_url,
        "REDIS_URL": urls.redis_url,
        "PRM_DATA_DIR": data_dir,
        "PRM_PUBLIC_URL": PUBLIC_URL,
        "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
        "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "TWILIO_WHATSAPP_FROM": f"whatsapp:{CLINIC_NUMBER}",
        "PRM_TWILIO_API_URL": twilio.url,
        "PRM_WHATSAPP_REPLY": reply,
    }


def _signed(phone: str) -> tuple[dict[str, str], dict[str, str]]:
    """The form Twilio posts for one WhatsApp message from `phone`, and its signature header."""
    form = {
        "MessageSid": "SM" + uuid.uuid4().hex,
        "AccountSid": ACCOUNT_SID,
        "From": f"whatsapp:{phone}",
        "To": f"whatsapp:{CLINIC_NUMBER}",
        "Body": BODY,
        "NumMedia": "0",
        "ProfileName": "Bench",
        "WaId": phone.lstrip("+"),
    }
    signature = RequestValidator(AUTH_TOKEN).compute_signature(PUBLIC_URL + WHATSAPP_PATH, form)
    return form, {"X-Twilio-Signature": signature}


async def _warm_up(base: str, twilio: TwilioStandIn, first: int) -> None:
    """One turn at a time from `WARM_UP` patients not in the run, each until it is answered: models
    loaded, pools and caches filled, as in a clinic that has been open a while."""
    async with httpx.AsyncClient(base_url=base, timeout=READY_S) as http:
        for index in range(first, first + WARM_UP):
            form, headers = _signed(phone_of(index))
            before = twilio.replies()
            (await http.post(WHATSAPP_PATH, data=form, headers=headers)).raise_for_status()
            deadline = time.monotonic() + READY_S
            while twilio.replies() == before and time.monotonic() < deadline:  # noqa: ASYNC110 (a thread's)
                await asyncio.sleep(0.05)
    twilio.forget()


async def _offer(run: LoadRun, base: str) -> None:
    """Send `rate` signed webhooks a second for `seconds`, each on its own schedule."""
    limits = httpx.Limits(max_connections=500, max_keepalive_connections=100)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as http:

        async def send(index: int, due: float) -> None:
            await asyncio.sleep(max(0.0, due - time.monotonic()))
            phone = phone_of(index % run.patients)
            form, headers = _signed(phone)
            sent = Sent(phone, time.monotonic(), form["MessageSid"])
            run.sent.append(sent)
            try:
                response = await http.post(WHATSAPP_PATH, data=form, headers=headers)
            except httpx.HTTPError:
                return
            sent.ack_ms = (time.monotonic() - sent.at) * 1000
            sent.status = response.status_code
            sent.inline = "<Message>" in response.text

        start = time.monotonic() + 0.5
        total = round(run.rate * run.seconds)
        await asyncio.gather(*(send(i, start + i / run.rate) for i in range(total)))


async def _drain(run: LoadRun, twilio: TwilioStandIn, drain_s: float) -> None:
    """Wait until every message has its reply, or `drain_s` passes with none arriving."""
    expected = sum(1 for s in run.sent if not s.inline)
    last, seen = time.monotonic(), -1
    while twilio.replies() < expected and time.monotonic() - last < drain_s:
        if twilio.replies() != seen:
            last, seen = time.monotonic(), twilio.replies()
        await asyncio.sleep(0.2)


ANSWERS = """
SELECT provider_message_id, reply_id::text FROM messages
WHERE direction = 'inbound' AND provider_message_id = ANY(%s)
"""


def _answers(database_url: str, sent: list[Sent]) -> dict[str, str | None]:
    """The server's record of the messages sent: MessageSid → the id of the reply that answers it
    (None: none does yet); a message it never stored is absent."""
    with psycopg.connect(libpq_url(database_url), autocommit=True) as connection:
        rows = connection.execute(ANSWERS, ([s.sid for s in sent],)).fetchall()
    return {sid: reply for sid, reply in rows}


def _reached(sent: list[Sent], posts: list[Post], answers: dict[str, str | None]) -> dict[str, float]:
    """When each reply first reached the patient: its post at "Twilio", or the TwiML answer of the
    webhook that carried it (a burst's other messages share that reply)."""
    reached: dict[str, float] = {}
    for message in sent:
        reply = answers.get(message.sid)
        if message.inline and reply is not None and message.ack_ms is not None:
            at = message.at + message.ack_ms / 1000
            reached[reply] = min(reached.get(reply, at), at)
    for post in posts:
        if post.message is not None:
            reached[post.message] = min(reached.get(post.message, post.at), post.at)
    return reached


def _duplicated(sent: list[Sent], posts: list[Post], answers: dict[str, str | None]) -> int:
    """Replies the patient got again: a post of a reply (or of one of its parts) already posted, a
    post of a reply already answered in a webhook's TwiML, a post that answers no message of the run
    (a turn played again, say: the messages name only its last reply)."""
    linked = {reply for reply in answers.values() if reply is not None}
    inline = {answers.get(message.sid) for message in sent if message.inline} - {None}
    seen: set[tuple[str | None, str]] = set()
    doubled = 0
    for post in sorted(posts, key=lambda p: p.at):
        key = (post.message, post.body)
        if post.message not in linked or post.message in inline or key in seen:
            doubled += 1
        seen.add(key)
    return doubled


def _row(run: LoadRun, posts: list[Post], answers: dict[str, str | None]) -> dict[str, Any]:
    """Pair each message with the reply the server recorded for it (`answers`, see `_answers`);
    count the rest."""
    reached = _reached(run.sent, posts, answers)
    turns: list[float] = []
    lost = 0
    for message in run.sent:
        reply = answers.get(message.sid)
        if reply is not None and reply in reached:
            turns.append((reached[reply] - message.at) * 1000)
        elif message.status == 200:
            lost += 1
    acks = [s.ack_ms for s in run.sent if s.ack_ms is not None and s.status == 200]
    first = min((s.at for s in run.sent), default=0.0)
    span = max(reached.values(), default=first) - first
    return {
        "rate": run.rate,
        "seconds": run.seconds,
        "patients": run.patients,
        "workers": run.workers if run.workers is not None else f"default ({max(0, usable_cores() - 1)})",
        "api_processes": run.api_processes or 1,
        "reply": run.reply,
        "offered": len(run.sent),
        "acknowledged": len(acks),
        "ack_p50_ms": round(percentile(acks, 50) or 0.0, 1),
        "ack_p99_ms": round(percentile(acks, 99) or 0.0, 1),
        "replies": len(turns),
        "turn_p50_ms": round(percentile(turns, 50) or 0.0, 1),
        "turn_p95_ms": round(percentile(turns, 95) or 0.0, 1),
        "turns_per_s": round(len(turns) / span, 1) if span > 0 else 0.0,
        "lost": lost,
        "duplicated": _duplicated(run.sent, posts, answers),
        "cpu_ms_per_message": run.cpu_ms,
        "pg_transactions_per_message": run.transactions,
    }


STATS_FLUSH_S = 1.5  # Postgres publishes a busy backend's counts at most once a second


def _transactions(database_url: str) -> int:
    """Transactions ended so far in the benchmark's database (every process's, the queue's too)."""
    with psycopg.connect(libpq_url(database_url), autocommit=True) as connection:
        row = connection.execute(
            "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()"
        ).fetchone()
    return int(row[0]) if row else 0


async def run(
    urls: ServerUrls,
    *,
    rate: float = 50,
    seconds: float = 60,
    patients_count: int = 1000,
    workers: int | None = None,
    api_processes: int | None = None,
    reply: str = "rest",
    drain_s: float = 60,
    data_dir: str,
) -> list[dict[str, Any]]:
    """One load run on a database of its own (dropped afterwards); one row of results."""
    name = f"prm_bench_load_{secrets.token_hex(4)}"
    database_url = make_url(urls.database_url).set(database=name).render_as_string(hide_password=False)
    create_database(database_url)
    try:
        await _prepare(database_url, urls.redis_url, patients_count)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        load = LoadRun(rate, seconds, patients_count, workers, reply, api_processes)
        with TwilioStandIn(ACCOUNT_SID) as twilio:
            env = _environment(ServerUrls(database_url, urls.redis_url), twilio, reply, data_dir)
            with serve(env, port, workers, Path(data_dir) / "bench-load", api_processes) as pid:
                await wait_ready(base)
                await wait_idle(pid)
                await _warm_up(base, twilio, first=patients_count)
                parts = Parts.find(pid, database_url, urls.redis_url)
                before, ended_before = parts.snapshot(), _transactions(database_url)
                await _offer(load, base)
                await _drain(load, twilio, drain_s)
                load.cpu_ms = per_message_ms(before, parts.snapshot(), len(load.sent))
                await asyncio.sleep(STATS_FLUSH_S)
                load.transactions = round((_transactions(database_url) - ended_before) / len(load.sent), 1)
            return [_row(load, twilio.posts, _answers(database_url, load.sent))]
    finally:
        drop_database(database_url)


COLUMNS = (
    ("offered", "{rate:g} msg/s × {seconds:g} s"),
    ("API / worker processes", "{api_processes} / {workers}"),
    ("acknowledged", "{acknowledged}/{offered}"),
    ("ack p50 / p99 ms", "{ack_p50_ms:.0f} / {ack_p99_ms:.0f}"),
    ("replies", "{replies}/{offered}"),
    ("turn p50 / p95 ms", "{turn_p50_ms:.0f} / {turn_p95_ms:.0f}"),
    ("completed", "{turns_per_s:g} turns/s"),
    ("lost / twice", "{lost} / {duplicated}"),
)


def _cpu_cell(row: dict[str, Any]) -> str:
    """CPU ms per message by part: prm (API and workers) / Postgres / Redis; ? where not local."""
    cpu = row.get("cpu_ms_per_message") or {}
    return " / ".join(
        "?" if cpu.get(part) is None else f"{cpu[part]:.0f}" for part in ("prm", "postgres", "redis")
    )


def render(rows: list[dict[str, Any]], console: Console | None = None) -> None:
    table = Table(title="Front door: signed webhooks at a fixed rate, replies at a local Twilio")
    for title, _ in COLUMNS:
        table.add_column(title, justify="right")
    table.add_column("CPU ms/msg prm / pg / redis", justify="right")
    table.add_column("pg transactions/msg", justify="right")
    for row in rows:
        transactions = row.get("pg_transactions_per_message")
        cells = [template.format(**row) for _, template in COLUMNS]
        table.add_row(*cells, _cpu_cell(row), "?" if transactions is None else f"{transactions:g}")
    (console or Console(width=140)).print(table)
