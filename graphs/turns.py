"""A conversation's turn as a job: take every message still waiting, read them, run the graph, and
hand the reply to delivery. A batch that keeps failing is dead-lettered (graphs/dead_letter.py).

A burst of messages becomes one turn. Media are read first (`prepare`: attachments stored, voice
notes transcribed); a turn of voice notes that could not be transcribed asks the patient to type
instead. A voice hand-off's extracted data prefills the graph, and what the turn did is recorded on
the call's message for the voice platform waiting on its webhook. A reply due by REST at once (a
voice call, or PRM_WHATSAPP_REPLY=rest) is sent by the turn's own job after its commit; one a webhook
may still answer in TwiML gets a send job, queued in the transaction that records it, for after the
budget.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

import procrastinate
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from graphs.dead_letter import TURN_ATTEMPTS, dead_letter, record_failure
from graphs.runner import Runner
from store.checkpoint import CheckpointDecodeError
from store.conversations import inbox
from store.conversations.models import VOICE_CALL, VOICE_NOTE, Channel, Conversation, Message
from store.database import transaction
from store.patients import service as patients
from store.queue import enqueue_send, enqueue_turn, turn_waiting

log = logging.getLogger(__name__)
Prepare = Callable[[list[Message]], Awaitable[list[str]]]
Deliver = Callable[[uuid.UUID], Awaitable[object]]
TYPE_INSTEAD = {
    "en": "Sorry, I can't listen to voice notes yet. Could you type your message, please?",
    "es": "Lo siento, todavía no puedo escuchar notas de voz. ¿Podría escribir su mensaje, por favor?",
}
TWIML_GRACE = timedelta(milliseconds=500)  # after the budget, so REST never races a TwiML answer


async def plain_texts(messages: list[Message]) -> list[str]:
    """The messages' bodies as they are: `prepare` for a clinic that reads no media."""
    return [message.body for message in messages if message.body.strip()] or [""]


@dataclass(frozen=True)
class Turns:
    """Takes turns for the worker; built by its wiring (api/worker.py) with plain collaborators."""

    sessions: async_sessionmaker[AsyncSession]
    runner: Runner
    clock: Callable[[], datetime]
    twiml_budget: timedelta
    reply_by_rest: bool  # PRM_WHATSAPP_REPLY=rest: never wait for the webhook to answer in TwiML
    prepare: Prepare = plain_texts
    attempts: int = TURN_ATTEMPTS  # failed attempts of a batch before it is dead-lettered
    # sends a reply now (channels.outbound.deliver, wired by api/worker.py): a reply due by REST at
    # once goes out from the turn's own job; None: every reply is queued as a send job
    deliver: Deliver | None = None

    async def take(self, queue: procrastinate.App, conversation_id: uuid.UUID) -> None:
        """Send what an earlier attempt of this conversation's turn left unsent, then run one turn
        over every message still waiting and send (or queue) its reply."""
        async with transaction(self.sessions) as session:
            # the lock a webhook holds from storing a message to its commit (inbox.receive): one that
            # found this turn waiting queued none, so its message must be seen here, not missed
            conversation = await session.get(Conversation, conversation_id, with_for_update=True)
            unsent = (
                await inbox.unsent_replies(session, conversation_id=conversation_id)
                if self.deliver is not None
                else []
            )
            pending = await inbox.take_pending(session, conversation_id=conversation_id)
        for reply_id in unsent:  # a worker killed between a reply's commit and its send
            await self._send_now(queue, reply_id)
        if conversation is None or not pending:
            return
        channel, address = conversation.channel, conversation.address
        later: list[Message] = []
        sends: list[uuid.UUID] = []  # replies this turn sends itself, once they are committed
        try:
            pending, later = await self._batch(conversation_id, pending)  # reads Redis: may fail too
            try:
                await self._turn(queue, channel, address, conversation_id, pending, sends)
            except CheckpointDecodeError:
                # saved state no key here can read (the key changed, or it was planted): not trusted,
                # so it is dropped and the turn runs once more from a clean state
                log.error("conversation %s: unreadable saved state dropped", conversation_id)
                await self.runner.checkpointer.adelete_thread(str(conversation_id))
                await self._turn(queue, channel, address, conversation_id, pending, sends)
        except Exception:
            ids = [message.id for message in pending]
            if await record_failure(self.sessions, ids) < self.attempts:
                if await self._turn_waiting(conversation_id):
                    # the patient wrote meanwhile and a turn waits: that turn takes these messages
                    # too (an interrupted batch first). A retry would break the waiting turn's
                    # queueing lock inside procrastinate, leaving this job `doing` and the
                    # conversation's lock held for as long as its worker lives.
                    log.warning("turn of %s failed; the turn waiting takes its messages", conversation_id)
                    return
                raise  # the job is retried, with backoff
            await dead_letter(
                self.sessions,
                queue,
                self.runner,
                conversation_id=conversation_id,
                message_ids=ids,
                texts=[message.body for message in pending if message.body.strip()],
                from_call=any(message.channel == Channel.VOICE for message in pending),
                now=self.clock(),
            )
            await self._queue_later(queue, conversation_id, later)
            return
        for reply_id in sends:
            await self._send_now(queue, reply_id)
        await self._queue_later(queue, conversation_id, later)

    async def _turn_waiting(self, conversation_id: uuid.UUID) -> bool:
        async with transaction(self.sessions) as session:
            return await turn_waiting(session, conversation_id=conversation_id)

    async def _send_now(self, queue: procrastinate.App, reply_id: uuid.UUID) -> None:
        """Send a committed reply from this job; a failure hands it to a send job and its retries.
        Should even that fail, the job fails: its retry finds the reply unsent and sends it."""
        assert self.deliver is not None
        try:
            await self.deliver(reply_id)
        except Exception:
            log.warning("reply %s not sent from its turn; a send job will retry it", reply_id, exc_info=True)
            async with transaction(self.sessions) as session:
                await enqueue_send(session, queue, message_id=reply_id)

    async def _queue_later(
        self, queue: procrastinate.App, conversation_id: uuid.UUID, later: list[Message]
    ) -> None:
        """The messages that came after an interrupted batch get a turn of their own (theirs was
        refused while this job waited: one turn per conversation at a time)."""
        if later:
            async with transaction(self.sessions) as session:
                await enqueue_turn(session, queue, conversation_id=conversation_id)

    async def _batch(
        self, conversation_id: uuid.UUID, pending: list[Message]
    ) -> tuple[list[Message], list[Message]]:
        """The messages this turn takes, and those it leaves for the next.

        Normally every waiting message (a burst is one turn). But when a turn stopped half-way and
        the patient wrote again before its retry, the interrupted batch is finished first, exactly
        as it was: restarted on a bigger batch, its steps would be numbered anew, the idempotency
        keys of its tools would differ, and a booking or ticket it had already made could be made
        twice."""
        unfinished = await self.runner.unfinished_batch(conversation_id)
        ids = {str(message.id) for message in pending}
        if not unfinished or not unfinished < ids:
            return pending, []
        return (
            [m for m in pending if str(m.id) in unfinished],
            [m for m in pending if str(m.id) not in unfinished],
        )

    async def _turn(
        self,
        queue: procrastinate.App,
        channel: Channel,
        address: str,
        conversation_id: uuid.UUID,
        pending: list[Message],
        sends: list[uuid.UUID],
    ) -> None:
        texts = await self.prepare(pending)
        readable = [text.replace(VOICE_NOTE, "").strip() for text in texts]
        if not any(readable) and any(VOICE_NOTE in text for text in texts):
            await self._ask_to_type(queue, channel, conversation_id, pending, sends)
            return
        calls = [item for message in pending for item in message.media if item.get("kind") == VOICE_CALL]
        prefill = {key: value for call in calls for key, value in call["extracted_data"].items()}
        # the recording, for staff: kept among the call's details (a ticket shows them)
        if recordings := [c["recording_url"] for c in calls if c.get("recording_url")]:
            prefill["recording_url"] = recordings[-1]
        result = await self.runner.run_queued_turn(
            channel=channel,
            phone=address,
            texts=[text for text in readable if text] or [""],
            inbound_ids=[message.id for message in pending],
            prefill=prefill or None,
            on_reply=partial(self._queue_reply, queue, channel, pending, sends),
        )
        if calls:
            try:
                await self._record_actions(pending, result.actions)
            except Exception:  # bookkeeping after the reply's commit: it must not fail the answered turn
                log.exception("conversation %s: the call's actions could not be recorded", conversation_id)

    async def _queue_reply(
        self,
        queue: procrastinate.App,
        channel: Channel,
        pending: list[Message],
        sends: list[uuid.UUID],
        session: AsyncSession,
        reply: Message,
    ) -> None:
        """Decide, in the transaction that records `reply`, how it goes out: sent by this job once
        committed (`sends`; a killed worker leaves it to `take`'s retry, which finds it unsent), or
        a send job queued in this very transaction — queued after the commit, a worker killed in
        between would have left the reply recorded, its messages answered and nothing to send it."""
        if channel == Channel.CHAT:
            return  # read by the terminal/eval line itself
        from_voice = any(message.channel == Channel.VOICE for message in pending)
        if (from_voice or self.reply_by_rest) and self.deliver is not None:
            sends.append(reply.id)
        elif from_voice or self.reply_by_rest:
            await enqueue_send(session, queue, message_id=reply.id)
        else:  # a webhook may still answer it with TwiML; REST takes over once its budget is spent
            received = min(message.created_at for message in pending)
            budget_left = received + self.twiml_budget + TWIML_GRACE - self.clock()
            await enqueue_send(session, queue, message_id=reply.id, after=budget_left)

    async def _record_actions(self, pending: list[Message], actions: list[str]) -> None:
        """What a voice call's turn did, on the call's message, for the platform waiting on its webhook."""
        async with transaction(self.sessions) as session:
            for message in pending:
                row = await inbox.get(session, message_id=message.id)
                if row is not None and any(item.get("kind") == VOICE_CALL for item in row.media):
                    row.media = [
                        {**item, "actions": actions} if item.get("kind") == VOICE_CALL else item
                        for item in row.media
                    ]

    async def _ask_to_type(
        self,
        queue: procrastinate.App,
        channel: Channel,
        conversation_id: uuid.UUID,
        pending: list[Message],
        sends: list[uuid.UUID],
    ) -> None:
        """Voice notes with no speech-to-text configured: ask, in the patient's language, to type."""
        now = self.clock()
        async with transaction(self.sessions) as session:
            conversation = await session.get(Conversation, conversation_id)
            assert conversation is not None
            on_phone = await patients.find_by_phone(session, phone=conversation.address)
            language = "es" if any(p.preferred_language == "es" for p in on_phone) else "en"
            reply = await inbox.add_reply(
                session, conversation=conversation, body=TYPE_INSTEAD[language], now=now, kind="notice"
            )
            rows = [await inbox.get(session, message_id=message.id) for message in pending]
            await inbox.mark_processed(session, messages=[r for r in rows if r], reply=reply, now=now)
            await self._queue_reply(queue, channel, pending, sends, session, reply)

    async def requeue_waiting(self, queue: procrastinate.App, *, older_than: timedelta) -> int:
        """Queue a turn for every conversation whose messages have waited longer than `older_than`
        (a job lost with its worker; a batch that keeps failing is dead-lettered instead)."""
        async with transaction(self.sessions) as session:
            waiting = await inbox.conversations_with_pending(session, older_than=self.clock() - older_than)
            for conversation_id in waiting:
                await enqueue_turn(session, queue, conversation_id=conversation_id)
        return len(waiting)
