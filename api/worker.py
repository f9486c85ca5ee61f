"""The job worker: conversation turns, outbound sends, and the periodic sweeps that keep promises.

Tasks are registered on a procrastinate app built per process around the runtime (closures, not
module globals), so the API process (`prm serve`) and dedicated workers (`prm worker`) run the
same code. Periodic tasks are deduplicated by procrastinate across workers:
- `inbox.sweep` re-queues conversations whose messages still wait (a turn that exhausted its
  retries while Redis was down is taken again once it is back: nothing waits forever);
- `jobs.retry_stalled` retries jobs of a worker that stopped heartbeating (killed with -9);
- `timed.sweep` queues appointment reminders, post-visit follow-ups and journeys' timed actions
  (graphs/timed.py), each then a job holding its conversation's lock;
- `outbox.relay` posts the events outbox to subscribers' webhooks (channels/relay_pass.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from typing import Any
from urllib.parse import urlsplit

import openai
import procrastinate
from procrastinate import builtin_tasks
from procrastinate.retry import RetryStrategy

from api.heap import settle_heap
from api.paths import STATUS_PATH
from api.runtime import Runtime
from channels import relay_pass as relay
from channels.email import SmtpSender
from channels.media import MediaReader
from channels.outbound import OutboundConfig, deliver
from channels.twilio.media import TWILIO_MEDIA_HOSTS
from channels.twilio.sender import Lookup, TwilioSender
from graphs import timed
from graphs.dead_letter import TURN_ATTEMPTS
from graphs.runner import Runner
from graphs.turns import Turns
from store.conversations.models import DeliveryStatus
from store.queue import SEND, TURN, requeue_stalled

log = logging.getLogger(__name__)

# a turn that fails (Redis down, a model outage) is retried with backoff, about half an hour in all,
# then dead-lettered (graphs/dead_letter.py); sends retry for about an hour
TURN_RETRY = RetryStrategy(max_attempts=TURN_ATTEMPTS, exponential_wait=2)  # then dead-lettered
SEND_RETRY = RetryStrategy(max_attempts=12, exponential_wait=2)
SWEEP_AFTER = timedelta(minutes=2)
SHUTDOWN_GRACE_S = 20.0  # inside the usual 30 s between SIGTERM and SIGKILL of process managers
RESTART_FIRST_S, RESTART_MAX_S = 1.0, 30.0  # pauses before the worker starts again after losing Postgres


@dataclass
class Worker:
    """What the tasks need, built once per process by `build_worker` (the wiring, not the logic)."""

    runtime: Runtime
    turns: Turns
    sender: TwilioSender | None
    outbound: OutboundConfig
    email: SmtpSender | None = None

    @property
    def runner(self) -> Runner:
        return self.turns.runner

    def now(self) -> datetime:
        """The clinic's clock (`Runtime.clock`): sweeps and timed messages never read the wall clock."""
        return self.runtime.clock()

    async def send(self, message_id: uuid.UUID) -> None:
        await _send(self.runtime, self.sender, self.outbound, self.email, message_id)


async def _send(
    runtime: Runtime,
    sender: TwilioSender | None,
    outbound: OutboundConfig,
    email: SmtpSender | None,
    message_id: uuid.UUID,
) -> DeliveryStatus | None:
    """One outbound message sent now, on the clinic's clock: a send job's work, or a turn's own."""
    return await deliver(
        runtime.sessions,
        message_id=message_id,
        sender=sender,
        config=outbound,
        now=runtime.clock(),
        email=email,
    )


def register(
    queue: procrastinate.App, worker: Worker, *, stalled_after_s: float = 30, timed_messages: bool = True
) -> None:
    """Attach the tasks to `queue`; without `timed_messages`, no sweep queues reminders or journey steps."""

    @queue.task(name=TURN, retry=TURN_RETRY, pass_context=False)
    async def take_turn(conversation_id: str) -> None:
        await worker.turns.take(queue, uuid.UUID(conversation_id))

    @queue.task(name=SEND, retry=SEND_RETRY, pass_context=False)
    async def send(message_id: str) -> None:
        await worker.send(uuid.UUID(message_id))

    @queue.periodic(cron="* * * * * */30")
    @queue.task(name="inbox.sweep", queueing_lock="inbox.sweep", pass_context=False)
    async def sweep(timestamp: int) -> None:
        count = await worker.turns.requeue_waiting(queue, older_than=SWEEP_AFTER)
        if count:
            log.warning("re-queued %d conversations with waiting messages", count)

    if timed_messages:

        @queue.periodic(cron="* * * * *")
        @queue.task(name="timed.sweep", queueing_lock="timed.sweep", pass_context=False)
        async def timed_sweep(timestamp: int) -> None:
            await timed.queue_due(worker.runtime.sessions, queue, now=worker.now())

    @queue.task(name=timed.REMIND, retry=SEND_RETRY, pass_context=False)
    async def remind(appointment_id: str, kind: str) -> None:
        assert kind in ("reminder", "followup")
        await timed.remind(
            worker.runtime.sessions,
            queue,
            worker.runner,
            appointment_id=uuid.UUID(appointment_id),
            kind="reminder" if kind == "reminder" else "followup",
            now=worker.now(),
        )

    @queue.task(name=timed.JOURNEY_ACTION, retry=SEND_RETRY, pass_context=False)
    async def act(instance_id: str, key: str, template: str, patient_id: str) -> None:
        await timed.act_on_journey(
            worker.runtime.sessions,
            queue,
            worker.runner,
            instance_id=uuid.UUID(instance_id),
            key=key,
            template=template,
            patient_id=uuid.UUID(patient_id),
            now=worker.now(),
        )

    @queue.periodic(cron="* * * * * */5")
    @queue.task(name="outbox.relay", queueing_lock="outbox.relay", pass_context=False)
    async def relay_outbox(timestamp: int) -> None:
        allow_private = worker.runtime.settings.webhooks_allow_private
        await relay.relay_until_drained(worker.runtime.sessions, now=worker.now, allow_private=allow_private)

    @queue.periodic(cron="* * * * * */5")
    @queue.task(name="jobs.retry_stalled", queueing_lock="jobs.retry_stalled", pass_context=False)
    async def retry_stalled(timestamp: int) -> None:
        retried, superseded = await requeue_stalled(queue, seconds_since_heartbeat=stalled_after_s)
        if retried or superseded:
            log.warning("stalled jobs: %d retried, %d superseded by a waiting twin", retried, superseded)

    @queue.periodic(cron="0 * * * *")
    @queue.task(name="jobs.prune", queueing_lock="jobs.prune", pass_context=True)
    async def prune(context: procrastinate.JobContext, timestamp: int) -> None:
        await builtin_tasks.remove_old_jobs(
            context, max_hours=72, remove_failed=False, remove_cancelled=True, remove_aborted=True
        )


def build_worker(runtime: Runtime, *, runner: Runner | None = None) -> Worker:
    """The worker's collaborators from settings: the agent, the Twilio sender (when configured)."""
    from api.agent import build_runner

    settings = runtime.settings
    twilio = settings.twilio
    sender = None
    if twilio.account_sid and twilio.auth_token:
        sender = TwilioSender(
            twilio.account_sid,
            twilio.auth_token.get_secret_value(),
            api_url=twilio.api_url,
            lookup=Lookup(settle_s=twilio.lookup_settle_s),
        )
    outbound = OutboundConfig(
        whatsapp_from=twilio.whatsapp_from,
        sms_from=twilio.sms_from,
        templates=twilio.whatsapp_templates,
        status_callback=settings.public_url.rstrip("/") + STATUS_PATH,
    )
    channels = settings.channels
    email = None
    if channels.smtp_host:
        email = SmtpSender(
            host=channels.smtp_host,
            port=channels.smtp_port,
            from_address=channels.smtp_from,
            username=channels.smtp_username,
            password=channels.smtp_password.get_secret_value() if channels.smtp_password else None,
            starttls=channels.smtp_starttls,
        )
    turns = Turns(
        sessions=runtime.sessions,
        runner=runner or build_runner(runtime),
        clock=runtime.clock,
        twiml_budget=timedelta(milliseconds=twilio.twiml_budget_ms),
        reply_by_rest=twilio.whatsapp_reply == "rest",
        prepare=_media_reader(runtime),
        deliver=partial(_send, runtime, sender, outbound, email),
    )
    return Worker(runtime, turns, sender, outbound, email=email)


def _media_reader(runtime: Runtime) -> MediaReader:
    """Reads media with the Twilio credentials; voice notes through the OpenAI-compatible endpoint."""
    settings = runtime.settings
    twilio, models = settings.twilio, settings.models
    stt: openai.AsyncOpenAI | None = None
    if models.openai_base_url or models.openai_api_key:
        key = models.openai_api_key.get_secret_value() if models.openai_api_key else "unused"
        stt = openai.AsyncOpenAI(api_key=key, base_url=models.openai_base_url, timeout=20, max_retries=2)
    # Twilio's own media hosts, and the host of PRM_TWILIO_API_URL (a Twilio-compatible gateway)
    gateway = [host] if (host := urlsplit(twilio.api_url or "").hostname) else []
    return MediaReader(
        sessions=runtime.sessions,
        clock=runtime.clock,
        store_url=settings.channels.media_url or str(settings.storage.data_dir.resolve() / "media"),
        max_bytes=settings.channels.media_max_bytes,
        account_sid=twilio.account_sid,
        auth_token=twilio.auth_token.get_secret_value() if twilio.auth_token else None,
        stt=stt,
        stt_model=models.stt_model,
        hosts=(*TWILIO_MEDIA_HOSTS, *gateway),
    )


async def run_worker(
    runtime: Runtime,
    *,
    concurrency: int,
    worker: Worker | None = None,
    on_signals: bool = False,
    timed_messages: bool = True,
    settle: bool = False,
) -> None:
    """Run jobs until cancelled (or, with `on_signals`, until SIGTERM/SIGINT: running jobs get
    `SHUTDOWN_GRACE_S` to finish, then are cancelled and retried later as stalled ones).

    Its own procrastinate app: the runtime's one only defers. `timed_messages=False` leaves out the
    sweep of reminders and journey steps (evaluation sandboxes: see api/evals.py). `settle` freezes
    the heap once the red-flag bank is warm (`api/heap.py`): for the processes `prm` starts, not tests.

    A database that goes away (restarted, failed over) does not end it. procrastinate stops its
    worker when its listener or heartbeat loses the connection — quietly, as if asked to — or
    raises when a fetch fails; either way the worker is started again after a pause that doubles
    up to `RESTART_MAX_S`, until Postgres answers. Otherwise `prm worker` would exit 0 (no restart
    under `Restart=on-failure`) and `prm serve` would keep acknowledging messages with no worker to
    answer them. Jobs the stopped worker left `doing` are retried as stalled ones.
    """
    from store.queue import build_app

    heartbeat_s = runtime.settings.channels.worker_heartbeat_s
    stalled_after_s = runtime.settings.channels.worker_stalled_s
    queue = build_app(runtime.urls.database_url)
    worker = worker or build_worker(runtime)
    try:  # the first emergency should not wait for the bank to be embedded...
        await worker.runner.red_flags.warm()
    except Exception:  # ...but an embedder that is down must not stop the worker: the signs still read
        log.exception("red-flag example bank not embedded at start-up; it will be tried on the next message")
    if settle:
        settle_heap()
    register(queue, worker, stalled_after_s=stalled_after_s, timed_messages=timed_messages)
    stop = asyncio.Event()
    with _stop_on_signals(stop) if on_signals else contextlib.nullcontext():
        async with queue.open_async():
            pause = RESTART_FIRST_S
            while True:
                started = time.monotonic()
                run = queue.run_worker_async(
                    concurrency=concurrency,
                    install_signal_handlers=False,  # ours (above): a stop, not a lost database
                    shutdown_graceful_timeout=SHUTDOWN_GRACE_S,
                    update_heartbeat_interval=heartbeat_s,
                    stalled_worker_timeout=stalled_after_s,
                    delete_jobs="successful",
                    fetch_job_polling_interval=FETCH_POLL_S,
                )
                failure = await _until_stopped(asyncio.ensure_future(run), stop)
                if stop.is_set():
                    return
                if time.monotonic() - started > RESTART_MAX_S:
                    pause = RESTART_FIRST_S  # it ran well for a while: this is a new outage
                log.error("job worker stopped (%s); starting it again in %.0f s", failure, pause)
                await asyncio.sleep(pause)
                pause = min(pause * 2, RESTART_MAX_S)


# How long an idle worker waits before it looks for jobs unasked. New jobs wake every worker at once
# (LISTEN/NOTIFY); what no notification announces is a job its conversation's lock held back: a
# patient's next message queued while the turn before it finishes. procrastinate's default of 5 s
# made that message wait up to 5 s; a poll is one indexed query, twice a second per idle worker.
FETCH_POLL_S = 0.5


async def _until_stopped(run: asyncio.Future[Any], stop: asyncio.Event) -> str:
    """Wait for procrastinate's worker to end, or for `stop` (then end it gracefully); why it ended.

    Cancelled from outside (`prm serve` shutting down), it ends the worker gracefully too.
    """
    stopping: asyncio.Future[Any] = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({run, stopping}, return_when=asyncio.FIRST_COMPLETED)
    except asyncio.CancelledError:
        await _end(run)
        raise
    finally:
        stopping.cancel()
    if not run.done():
        await _end(run)
        return "stopped"
    error = run.exception()
    return repr(error) if error is not None else "it lost its database connection"


async def _end(run: asyncio.Future[Any]) -> None:
    """Cancel procrastinate's worker: it stops taking jobs and gives running ones the grace period."""
    run.cancel()
    with contextlib.suppress(asyncio.CancelledError, Exception):
        await run


@contextlib.contextmanager
def _stop_on_signals(stop: asyncio.Event) -> Iterator[None]:
    """SIGTERM and SIGINT set `stop` while the block runs."""
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    try:
        yield
    finally:
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(signum)
