"""Conversations and messages.

A message's `provider_message_id` (Twilio's MessageSid, the voice platform's call id) is unique
per channel: that uniqueness is what makes a duplicate webhook delivery a no-op.
"""

from __future__ import annotations

import enum
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, SmallInteger, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from store.base import Base, Timestamps, UUIDPk, text_enum

# A voice hand-off is stored as a message whose `media` holds one item of this kind: the platform's
# extracted data, the recording, the duration and, once the turn ran, the actions the agent took.
VOICE_CALL = "voice_call"
# What a voice note that could not be transcribed becomes in a turn's text: the turn then asks the
# patient to type instead (channels/media.py writes it, graphs/turns.py reads it).
VOICE_NOTE = "voice_note_untranscribed"


class Channel(enum.StrEnum):
    WHATSAPP = "whatsapp"
    VOICE = "voice"
    SMS = "sms"
    EMAIL = "email"
    CHAT = "chat"  # the terminal (`prm chat`) and evaluation runs


class Direction(enum.StrEnum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"


class DeliveryStatus(enum.StrEnum):
    """Twilio's message statuses, in the order they can only move forward."""

    RECEIVED = "received"
    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    DELIVERED = "delivered"
    READ = "read"
    UNDELIVERED = "undelivered"
    FAILED = "failed"


class ConversationStatus(enum.StrEnum):
    ACTIVE = "active"
    HANDOFF = "handoff"  # staff own it; the agent stays silent
    CLOSED = "closed"


class Conversation(UUIDPk, Timestamps, Base):
    """One patient address on one channel; the LangGraph thread id is the conversation id."""

    __tablename__ = "conversations"
    __table_args__ = (UniqueConstraint("channel", "address", name="uq_conversations_channel_address"),)

    channel: Mapped[Channel] = mapped_column(text_enum(Channel, "channel"))
    address: Mapped[str] = mapped_column(String(254))  # E.164 phone (whatsapp/sms/voice), or e-mail
    patient_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("patients.id"), index=True)
    status: Mapped[ConversationStatus] = mapped_column(
        text_enum(ConversationStatus, "conversation_status"), default=ConversationStatus.ACTIVE
    )
    assigned_staff_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff_users.id"))
    last_inbound_at: Mapped[datetime | None]
    opted_out_at: Mapped[datetime | None]  # STOP/BAJA on this address; START clears it
    # staff handed it back to the agent: its next turn starts clean (no stale offer or confirmation)
    released_at: Mapped[datetime | None]


class Message(UUIDPk, Base):
    """One message either way. Inbound ones wait with `processed_at` unset until a turn takes them."""

    __tablename__ = "messages"
    __table_args__ = (
        UniqueConstraint("channel", "provider_message_id", name="uq_messages_channel_provider_id"),
        Index("ix_messages_conversation_created", "conversation_id", "created_at"),
        Index(
            "ix_messages_pending_inbound",
            "conversation_id",
            "created_at",
            postgresql_where=text("direction = 'inbound' AND processed_at IS NULL"),
        ),
        Index("ix_messages_dead_letter", "id", postgresql_where=text("error_code = 'dead_letter'")),
    )

    conversation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("conversations.id"))
    channel: Mapped[Channel] = mapped_column(text_enum(Channel, "channel"))
    direction: Mapped[Direction] = mapped_column(text_enum(Direction, "direction"))
    provider_message_id: Mapped[str | None] = mapped_column(String(64))
    body: Mapped[str] = mapped_column(Text, default="")
    media: Mapped[list[dict[str, Any]]] = mapped_column(default=list)
    status: Mapped[DeliveryStatus] = mapped_column(
        text_enum(DeliveryStatus, "delivery_status"), default=DeliveryStatus.RECEIVED
    )
    error_code: Mapped[str | None] = mapped_column(String(16))
    created_at: Mapped[datetime]
    processed_at: Mapped[datetime | None]
    reply_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("messages.id")
    )  # inbound → its turn's reply
    kind: Mapped[str] = mapped_column(String(32), default="reply", server_default="reply")
    sent_via: Mapped[str | None] = mapped_column(String(16))  # twiml, rest, smtp
    attempts: Mapped[int] = mapped_column(default=0, server_default="0")
    subject: Mapped[str | None] = mapped_column(String(200))  # e-mail only


class MessagePart(Base):
    """One part of an outbound message as posted to Twilio, recorded *before* each post.

    Twilio's Messages API has no idempotency key: a post whose answer was lost (a timeout, a dropped
    connection, a 5xx, a worker killed mid-request) may or may not have created a message. A row
    without `provider_sid` is that "maybe sent" state: before posting again, the sender looks the
    message up in Twilio's list from `first_attempt_at` on (channels/twilio/sender.py). Times are
    Twilio's clock (real UTC), not the clinic's. A SID belongs to at most one part (unique), so two
    look-ups can never both take the same Twilio message as theirs.
    """

    __tablename__ = "message_parts"

    message_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("messages.id", ondelete="CASCADE"), primary_key=True
    )
    part: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    first_attempt_at: Mapped[datetime]
    last_attempt_at: Mapped[datetime]
    provider_sid: Mapped[str | None] = mapped_column(String(64), unique=True)
