"""Running one turn of a conversation: the same path for WhatsApp, voice, the terminal and evals.

The runner records the inbound messages, keeps the agent silent while staff own the conversation,
invokes the graph on the conversation's thread with the checkpointer, records the reply and the
turn's trace (every node, tool and model call, captured by LangGraph's callbacks), and links the
verified patient to the conversation for staff views.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast
from zoneinfo import ZoneInfo

from langchain_core.runnables import RunnableConfig
from langgraph.checkpoint.base import BaseCheckpointSaver
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from agents.model import OfflineUnderstander, Phraser, TemplatePhraser, Understander
from agents.understanding import RedFlagReader
from graphs.actions import actions_of
from graphs.clinic import ClinicCache
from graphs.conversation import AgentContext, TurnInput, build_graph
from graphs.conversation.safety import red_flag_in
from graphs.conversation.state import ConversationState
from graphs.tracing import TraceRecorder
from store.checkpoint import CheckpointDecodeError
from store.clock import Clock
from store.conversations import inbox
from store.conversations import service as conversations
from store.conversations.models import Channel, Conversation, ConversationStatus, Direction, Message
from store.database import transaction
from store.knowledge.embeddings import Embedder
from store.traces import service as traces

log = logging.getLogger(__name__)
OnReply = Callable[[AsyncSession, Message], Awaitable[None]]  # in the transaction that records a reply


@dataclass(frozen=True)
class TurnResult:
    conversation_id: uuid.UUID
    reply: str  # empty when staff own the conversation
    outcome: str
    state: ConversationState = field(default_factory=lambda: ConversationState())
    actions: list[str] = field(default_factory=list)  # e.g. ["appointment.booked"], see graphs/actions.py


@dataclass
class Runner:
    """Everything a turn needs; built once by the composition root (api/), used for every turn."""

    sessions: async_sessionmaker[AsyncSession]
    embedder: Embedder
    checkpointer: BaseCheckpointSaver[str]
    tz: ZoneInfo
    clock: Clock  # the clinic's "now" (store/clock.py): never the wall clock read here
    understander: Understander = field(default_factory=OfflineUnderstander)
    phraser: Phraser = field(default_factory=TemplatePhraser)
    model_name: str | None = None  # recorded on traces when a model is configured
    red_flags: RedFlagReader = field(default_factory=RedFlagReader)  # the signs; nearest examples when given

    def __post_init__(self) -> None:
        self.graph = build_graph(self.checkpointer)
        self.clinic = ClinicCache(self.sessions)  # the clinic's profile, from its own rows

    async def run_turn(
        self, *, channel: Channel, phone: str, texts: list[str], prefill: dict[str, Any] | None = None
    ) -> TurnResult:
        """One turn answered at once (`prm chat`, evals, tests): record `texts` as the patient's new
        messages (a burst is one turn), then answer them.

        `prefill` makes the turn a hand-off from another channel — a voice call's `extracted_data`
        ({} when it extracted nothing), with `texts` its transcript: the graph checks each field,
        completes what it can and words its reply to be read later, on this conversation's channel.
        """
        now = self.clock()
        async with transaction(self.sessions) as session:
            opened = await _open(session, channel=channel, phone=phone)
            for text in texts:
                message = await conversations.add_message(
                    session, conversation=opened.conversation, direction=Direction.INBOUND, body=text, now=now
                )
                opened.inbound_ids.append(message.id)
        return await self._answer(opened, phone=phone, texts=texts, prefill=prefill, now=now, queued=False)

    async def run_queued_turn(
        self,
        *,
        channel: Channel,
        phone: str,
        texts: list[str],
        inbound_ids: list[uuid.UUID],
        prefill: dict[str, Any] | None = None,
        on_reply: OnReply | None = None,
    ) -> TurnResult:
        """One turn of the worker's (graphs/turns.py): the messages `inbound_ids` are already in the
        inbox. The turn marks them processed and links them to its reply in the transaction that
        records the reply — where `on_reply` queues its delivery, so that a reply is never recorded
        without it — and a turn that crashed half-way is resumed from its last checkpoint instead
        of replayed."""
        now = self.clock()
        async with transaction(self.sessions) as session:
            opened = await _open(session, channel=channel, phone=phone)
            opened.inbound_ids.extend(inbound_ids)
        return await self._answer(
            opened, phone=phone, texts=texts, prefill=prefill, now=now, queued=True, on_reply=on_reply
        )

    async def _answer(
        self,
        opened: _Opened,
        *,
        phone: str,
        texts: list[str],
        prefill: dict[str, Any] | None,
        now: datetime,
        queued: bool,
        on_reply: OnReply | None = None,
    ) -> TurnResult:
        """Play the graph on the conversation's thread and record the reply and the turn's trace.

        Staff own a handed-off conversation, so the agent stays silent — but safety never waits for
        a person: an emergency still gets its reply and its urgent ticket at once (the conversation
        stays with staff).
        """
        started = time.perf_counter()
        conversation, inbound_ids = opened.conversation, opened.inbound_ids
        alarm = (
            await red_flag_in(self.red_flags, texts, from_call=prefill is not None)
            if opened.handed_off
            else None
        )
        if opened.handed_off and alarm is None:
            if queued:
                async with transaction(self.sessions) as session:
                    await inbox.mark_processed(
                        session, messages=await _messages(session, inbound_ids), reply=None, now=now
                    )
            return TurnResult(conversation.id, "", "handoff")
        context = AgentContext(
            sessions=self.sessions,
            embedder=self.embedder,
            tz=self.tz,
            now=now,
            conversation_id=conversation.id,
            phone=phone,
            clinic=await self.clinic(),
            understander=self.understander,
            phraser=self.phraser,
            red_flags=self.red_flags,
        )
        recorder = TraceRecorder()
        turn_key = ",".join(sorted(str(i) for i in inbound_ids)) if queued else None
        config: RunnableConfig = {
            "configurable": {"thread_id": str(conversation.id)},
            "callbacks": [recorder],
            "metadata": {"inbound_key": turn_key} if turn_key else {},
        }

        async def save_trace(
            session: AsyncSession, *, turn: int, reply: str, outcome: str, error: str | None = None
        ) -> None:
            await traces.record(
                session,
                conversation_id=conversation.id,
                turn=turn,
                started_at=now,
                duration_ms=round((time.perf_counter() - started) * 1000),
                inbound_ids=inbound_ids,
                inbound_text="\n".join(texts),
                reply=reply,
                outcome=outcome,
                steps=recorder.steps,
                error=error,
                model=self.model_name,
            )

        try:
            turn = TurnInput(
                inbound=texts,
                fresh=opened.fresh,
                alarm={"kind": alarm.kind, "evidence": alarm.evidence} if alarm else None,
            )
            if prefill is not None:
                turn["prefill"] = prefill
            state = await self._play(turn, config, context, turn_key)
        except Exception as error:
            async with transaction(self.sessions) as session:
                await save_trace(
                    session,
                    turn=0,
                    reply="",
                    outcome="error",
                    error=f"{type(error).__name__}: {error}"[:2000],
                )
            raise
        reply = state["reply"][0]
        async with transaction(self.sessions) as session:
            conversation = await conversations.get(session, conversation_id=conversation.id)
            await self._record_reply(
                session, conversation, reply, inbound_ids if queued else None, now, on_reply
            )
            if opened.fresh and conversation.released_at == opened.released_at:  # not handed back again
                conversation.released_at = None  # this turn started clean; the next ones go on from it
            if state.get("patient_id") and conversation.patient_id is None:
                conversation.patient_id = uuid.UUID(state["patient_id"])
            await save_trace(
                session, turn=state.get("turn", 0), reply=reply, outcome=state.get("outcome") or "none"
            )
        await self._prune(conversation.id)
        actions = actions_of(recorder.steps, state)
        return TurnResult(conversation.id, reply, state.get("outcome") or "none", state, actions)

    async def _record_reply(
        self,
        session: AsyncSession,
        conversation: Conversation,
        reply: str,
        answered: list[uuid.UUID] | None,
        now: datetime,
        on_reply: OnReply | None = None,
    ) -> None:
        """The reply as an outbound message; on the queued path (`answered`: the inbox messages it
        answers) it waits to be sent (`on_reply` queues it) and those messages are marked processed
        with it, all in `session`'s transaction.

        Messages the patient wrote before the previous reply existed, taken by this turn because they
        came too late for that one's, are answered by that reply when this one says the same words
        (`inbox.crossed_reply`): nothing new is sent."""
        if answered is None:
            await conversations.add_message(
                session, conversation=conversation, direction=Direction.OUTBOUND, body=reply, now=self.clock()
            )
            return
        messages = await _messages(session, answered)
        crossed = await inbox.crossed_reply(
            session, conversation_id=conversation.id, body=reply, messages=messages
        )
        if crossed is not None:
            await inbox.mark_processed(session, messages=messages, reply=crossed, now=now)
            return
        reply_message = await inbox.add_reply(
            session, conversation=conversation, body=reply, now=self.clock()
        )
        await inbox.mark_processed(session, messages=messages, reply=reply_message, now=now)
        if on_reply is not None:
            await on_reply(session, reply_message)

    async def _prune(self, conversation_id: uuid.UUID) -> None:
        """Keep only the thread's latest checkpoint once the turn is recorded: every node of every
        turn writes one, and with the TTL refreshed on each write they would pile up for ever."""
        try:
            await self.checkpointer.aprune([str(conversation_id)], strategy="keep_latest")
        except NotImplementedError:
            return  # a saver that cannot prune (LangGraph's in-memory one in some versions)
        except Exception:  # pruning is housekeeping: the turn is already answered
            log.warning("could not prune the checkpoints of conversation %s", conversation_id, exc_info=True)

    async def unfinished_batch(self, conversation_id: uuid.UUID) -> set[str] | None:
        """The inbound message ids of a queued turn that stopped half-way (a crash after a checkpoint),
        or None: that batch must be finished as it was before newer messages are taken."""
        try:
            snapshot = await self.graph.aget_state({"configurable": {"thread_id": str(conversation_id)}})
        except CheckpointDecodeError:
            return None  # unreadable saved state: the turn itself meets it and starts clean
        key = (snapshot.metadata or {}).get("inbound_key")
        return set(str(key).split(",")) if key and snapshot.next else None

    async def _play(
        self, turn: TurnInput, config: RunnableConfig, context: AgentContext, turn_key: str | None
    ) -> ConversationState:
        """Invoke the graph, or finish the same turn if a crash interrupted it after a checkpoint.

        The checkpoints of a queued turn carry its inbound key in their metadata: a retried job
        that finds its own key either resumes the unfinished run (`next` is not empty; tools are
        idempotent on their step) or, when the run had finished, takes its state as it is.
        """
        if turn_key is not None:
            snapshot = await self.graph.aget_state(config)
            if (snapshot.metadata or {}).get("inbound_key") == turn_key:
                if snapshot.next:
                    return _as_state(await self.graph.ainvoke(None, config=config, context=context))
                return _as_state(snapshot.values)
        return _as_state(await self.graph.ainvoke(turn, config=config, context=context))


@dataclass
class _Opened:
    """A conversation as a turn finds it: who owns it, and whether staff just handed it back."""

    conversation: Conversation
    handed_off: bool  # staff own it
    released_at: datetime | None  # when staff handed it back, if they did since the last turn
    inbound_ids: list[uuid.UUID] = field(default_factory=list)

    @property
    def fresh(self) -> bool:
        """Handed back by staff: the turn starts clean (nothing from before is acted on)."""
        return self.released_at is not None and not self.handed_off


async def _open(session: AsyncSession, *, channel: Channel, phone: str) -> _Opened:
    """The conversation on (`channel`, `phone`), created on first contact; a closed one reopens,
    since the contact wrote again."""
    conversation = await conversations.get_or_create(session, channel=channel, address=phone)
    if conversation.status == ConversationStatus.CLOSED:
        conversation.status = ConversationStatus.ACTIVE
    return _Opened(
        conversation,
        handed_off=conversation.status == ConversationStatus.HANDOFF,
        released_at=conversation.released_at,
    )


def _as_state(values: dict[str, Any]) -> ConversationState:
    """The graph's values are its state schema's keys (LangGraph types them as a plain dict)."""
    return cast(ConversationState, values)


async def _messages(session: AsyncSession, ids: list[uuid.UUID]) -> list[Message]:
    return list(await session.scalars(select(Message).where(Message.id.in_(ids))))
