"""Conversations and their messages as the staff API returns them."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel

from store.conversations.models import (
    Channel,
    Conversation,
    ConversationStatus,
    DeliveryStatus,
    Direction,
    Message,
)


class MessageOut(BaseModel):
    id: uuid.UUID
    direction: Direction
    body: str
    media: list[dict[str, Any]]
    status: DeliveryStatus
    error_code: str | None
    created_at: datetime
    processed_at: datetime | None

    @classmethod
    def of(cls, message: Message) -> MessageOut:
        return cls(
            id=message.id,
            direction=message.direction,
            body=message.body,
            media=message.media,
            status=message.status,
            error_code=message.error_code,
            created_at=message.created_at,
            processed_at=message.processed_at,
        )


class ConversationOut(BaseModel):
    id: uuid.UUID
    channel: Channel
    address: str
    patient_id: uuid.UUID | None
    status: ConversationStatus
    assigned_staff_id: uuid.UUID | None
    last_inbound_at: datetime | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, conversation: Conversation) -> ConversationOut:
        return cls(
            id=conversation.id,
            channel=conversation.channel,
            address=conversation.address,
            patient_id=conversation.patient_id,
            status=conversation.status,
            assigned_staff_id=conversation.assigned_staff_id,
            last_inbound_at=conversation.last_inbound_at,
            created_at=conversation.created_at,
            updated_at=conversation.updated_at,
        )


class ConversationDetail(ConversationOut):
    """The conversation and its messages, oldest first."""

    messages: list[MessageOut]

    @classmethod
    def with_messages(cls, conversation: Conversation, messages: list[Message]) -> ConversationDetail:
        shown = [MessageOut.of(m) for m in messages]
        return cls(**ConversationOut.of(conversation).model_dump(), messages=shown)
