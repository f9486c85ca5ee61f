"""What the console's pages show, read from the store: the inbox, a conversation, a turn's trace.

Plain functions over a session, returning plain values for the templates; every conversation or
trace shown is audited as read by the signed-in person (PHI), exactly as the REST API does.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import distinct_on
from sqlalchemy.ext.asyncio import AsyncSession

from api.routes.common import Reader, audit_reads
from store.audit import service as audit
from store.conversations import service as conversations
from store.conversations.models import Channel, Conversation, ConversationStatus, Message
from store.patients.models import Language, Patient
from store.scheduling.models import Appointment, AppointmentStatus
from store.tickets.models import Ticket, TicketStatus
from store.traces import service as traces
from store.traces.models import Trace

MESSAGES_SHOWN = 100
OPEN_TICKETS = (TicketStatus.OPEN, TicketStatus.IN_PROGRESS, TicketStatus.WAITING_ON_PATIENT)


@dataclass(frozen=True)
class InboxRow:
    conversation: Conversation
    waiting: bool  # a person is needed: handed off, or an open urgent ticket
    urgent: bool
    last: Message | None


async def inbox(
    session: AsyncSession,
    *,
    reader: Reader,
    status: ConversationStatus | None,
    channel: Channel | None,
    phone: str | None,
    language: Language | None = None,
    assignee_id: uuid.UUID | None = None,
) -> list[InboxRow]:
    found = await conversations.get_queue(
        session, status=status, channel=channel, address=phone, language=language, assignee_id=assignee_id
    )
    ids = [c.id for c in found]
    urgent = set(
        await session.scalars(
            select(Ticket.conversation_id).where(
                Ticket.conversation_id.in_(ids), Ticket.priority == "urgent", Ticket.status.in_(OPEN_TICKETS)
            )
        )
    )
    latest: dict[uuid.UUID, Message] = {}
    if ids:
        newest = (
            select(Message)
            .where(Message.conversation_id.in_(ids))
            .order_by(Message.conversation_id, Message.created_at.desc())
            .ext(distinct_on(Message.conversation_id))
        )
        latest = {m.conversation_id: m for m in await session.scalars(newest)}
    if found:  # one entry naming every conversation listed (the rows poll every few seconds)
        await audit.record(
            session,
            actor=reader.actor,
            action="conversation.list",
            resource_type="conversation",
            details={"conversation_ids": [str(c.id) for c in found]},
        )
    return [
        InboxRow(
            c, c.status == ConversationStatus.HANDOFF or c.id in urgent, c.id in urgent, latest.get(c.id)
        )
        for c in found
    ]


@dataclass(frozen=True)
class ConversationPage:
    conversation: Conversation
    messages: list[Message]
    traces: list[Trace]  # newest first
    patient: Patient | None
    appointments: list[Appointment] = field(default_factory=list)
    tickets: list[Ticket] = field(default_factory=list)
    trace_of_reply: dict[uuid.UUID, uuid.UUID] = field(default_factory=dict)  # reply message id → trace id


async def conversation(
    session: AsyncSession,
    *,
    reader: Reader,
    conversation_id: uuid.UUID,
    now: datetime,
    before: datetime | None,
) -> ConversationPage:
    found = await conversations.get(session, conversation_id=conversation_id)
    messages = await conversations.get_messages(
        session, conversation_id=conversation_id, limit=MESSAGES_SHOWN, before=before
    )
    turns, _ = await traces.get_all(session, conversation_id=conversation_id, limit=50, offset=0)
    patient = await session.get(Patient, found.patient_id) if found.patient_id else None
    appointments: list[Appointment] = []
    if patient is not None:
        appointments = list(
            await session.scalars(
                select(Appointment)
                .where(
                    Appointment.patient_id == patient.id,
                    Appointment.status == AppointmentStatus.BOOKED,
                    Appointment.start_at >= now,
                )
                .order_by(Appointment.start_at)
                .limit(5)
            )
        )
    open_tickets = list(
        await session.scalars(
            select(Ticket)
            .where(Ticket.conversation_id == conversation_id, Ticket.status.in_(OPEN_TICKETS))
            .order_by(Ticket.created_at.desc())
        )
    )
    replies = {m.reply_id: m.id for m in messages if m.reply_id is not None}
    by_inbound = {inbound: t.id for t in turns for inbound in t.inbound_ids}
    trace_of_reply = {
        reply: by_inbound[str(inbound)] for reply, inbound in replies.items() if str(inbound) in by_inbound
    }
    await audit_reads(
        session, staff=reader, resource_type="conversation", records=[(found.id, found.patient_id)]
    )
    return ConversationPage(found, messages, list(turns), patient, appointments, open_tickets, trace_of_reply)


async def trace(session: AsyncSession, *, reader: Reader, trace_id: uuid.UUID) -> Trace:
    found = await traces.get(session, trace_id=trace_id)
    await audit_reads(
        session, staff=reader, resource_type="trace", records=[(found.id, found.conversation.patient_id)]
    )
    return found


def step_tree(steps: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The trace's steps as a tree for reading: each node with the tool and model calls made inside it
    (the latest node of the name the call recorded as its `node`, else the latest node)."""
    nodes: list[dict[str, Any]] = []
    for step in steps:
        if step.get("kind") == "node" or not nodes:
            nodes.append({**step, "children": []})
            continue
        owner = next((n for n in reversed(nodes) if n.get("name") == step.get("node")), nodes[-1])
        owner["children"].append(step)
    return nodes
