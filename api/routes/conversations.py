"""Staff API: conversations on every channel, and one conversation with its messages.

A conversation's address (a phone) and messages are PHI: every conversation shown writes a
`conversation.read` audit entry, naming its patient when one is verified.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from fastapi import APIRouter
from sqlalchemy.ext.asyncio import AsyncSession

from api.deps import CurrentStaff, PageDep, Principal, SessionDep
from api.routes.common import Listing, audit_reads
from store.conversations import service as conversations
from store.conversations.models import Conversation, ConversationStatus
from store.conversations.schemas import ConversationDetail, ConversationOut
from store.patients import service as patients

router = APIRouter(prefix="/api/v1/prm/conversations", tags=["conversations"])


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
    conversation_id: uuid.UUID, session: SessionDep, staff: CurrentStaff
) -> ConversationDetail:
    """The conversation and its messages, oldest first."""
    conversation = await conversations.get(session, conversation_id=conversation_id)
    messages = await conversations.get_messages(session, conversation_id=conversation_id)
    await _audit_reads(session, staff, [conversation])
    return ConversationDetail.with_messages(conversation, messages)
