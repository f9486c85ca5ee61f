"""Staff API: conversations on every channel, one conversation with its messages, and the hand-off
loop — take over, reply (to a registered patient or a contact nobody identified), hand back, close.

A conversation's address (a phone) and messages are PHI: every conversation shown writes a
`conversation.read` audit entry, naming its patient when one is verified; every step of the loop
is audited with the caller's name (store/conversations/handoff.py).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query, status
from pydantic import BaseModel, Field, field_validator
from sqlalchemy.ext.asyncio import AsyncSession

from api.deps import CurrentStaff, NowDep, PageDep, Principal, RuntimeDep, SessionDep
from api.routes.common import Listing, audit_reads
from store.conversations import handoff
from store.conversations import service as conversations
from store.conversations.models import Conversation, ConversationStatus
from store.conversations.schemas import ConversationDetail, ConversationOut
from store.patients import service as patients
from store.queue import enqueue_send

router = APIRouter(prefix="/conversations", tags=["conversations"])


async def _audit_reads(session: AsyncSession, staff: Principal, shown: Iterable[Conversation]) -> None:
    records = [(c.id, c.patient_id) for c in shown]
    await audit_reads(session, staff=staff, resource_type="conversation", records=records)


@router.get("")
async def list_conversations(
    session: SessionDep,
    staff: CurrentStaff,
    page: PageDep,
    phone: str | None = None,
    status: ConversationStatus | None = None,
    patient_id: uuid.UUID | None = None,
) -> Listing[ConversationOut]:
    """Most recently active first; `phone` (any common format) is the channel address."""
    address = patients.normalize_phone(phone) if phone is not None else None
    found, total = await conversations.get_all(
        session, status=status, patient_id=patient_id, address=address, limit=page.limit, offset=page.offset
    )
    await _audit_reads(session, staff, found)
    return Listing.of([ConversationOut.of(c) for c in found], total, page)


@router.get("/{conversation_id}")
async def get_conversation(
    conversation_id: uuid.UUID,
    session: SessionDep,
    staff: CurrentStaff,
    limit: Annotated[int, Query(ge=1, le=500)] = 200,
    before: datetime | None = None,
) -> ConversationDetail:
    """The conversation and its latest `limit` messages (before `before`, to page back), oldest first."""
    conversation = await conversations.get(session, conversation_id=conversation_id)
    messages = await conversations.get_messages(
        session, conversation_id=conversation_id, limit=limit, before=before
    )
    await _audit_reads(session, staff, [conversation])
    return ConversationDetail.with_messages(conversation, messages)


class StaffReply(BaseModel):
    body: str = Field(min_length=1, max_length=4096, description="The text sent to the contact.")

    @field_validator("body")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be blank")
        return value.strip()


class ReplyQueued(BaseModel):
    id: uuid.UUID
    conversation_id: uuid.UUID
    status: str


@router.post("/{conversation_id}/takeover")
async def take_over(conversation_id: uuid.UUID, session: SessionDep, staff: CurrentStaff) -> ConversationOut:
    """A person owns the conversation: the agent stays silent (an emergency still gets its reply)."""
    conversation = await handoff.take_over(session, conversation_id=conversation_id, actor=staff.actor)
    return ConversationOut.of(conversation)


@router.post("/{conversation_id}/messages", status_code=status.HTTP_202_ACCEPTED)
async def reply(
    conversation_id: uuid.UUID,
    body: StaffReply,
    runtime: RuntimeDep,
    session: SessionDep,
    staff: CurrentStaff,
    now: NowDep,
) -> ReplyQueued:
    """Send the contact a message (WhatsApp inside the 24-hour window, a template outside it), taking
    the conversation over if the agent had it; 202 once it is queued for the worker to send."""
    message = await handoff.reply(
        session, conversation_id=conversation_id, body=body.body, actor=staff.actor, now=now
    )
    await enqueue_send(session, runtime.queue, message_id=message.id)
    return ReplyQueued(id=message.id, conversation_id=conversation_id, status=message.status.value)


@router.post("/{conversation_id}/release")
async def release(
    conversation_id: uuid.UUID, session: SessionDep, staff: CurrentStaff, now: NowDep
) -> ConversationOut:
    """Hand the conversation back to the agent; its next turn starts clean."""
    conversation = await handoff.release(session, conversation_id=conversation_id, actor=staff.actor, now=now)
    return ConversationOut.of(conversation)


@router.post("/{conversation_id}/close")
async def close(
    conversation_id: uuid.UUID, session: SessionDep, staff: CurrentStaff, now: NowDep
) -> ConversationOut:
    """Close the conversation and resolve its hand-off ticket; the contact's next message reopens it."""
    conversation = await handoff.close(session, conversation_id=conversation_id, actor=staff.actor, now=now)
    return ConversationOut.of(conversation)
