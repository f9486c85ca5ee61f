"""Workflows (n8n, an EHR) send a patient a message: queued, sent by the worker, consent honoured.

Journeys are started with `POST /api/v1/prm/journeys`; this is the other half of what a workflow
needs. The message is stored and its send job queued in one transaction (202), so a crash after
the answer loses nothing; the worker applies the 24-hour window (a template outside it) and the
opt-out again at send time, since consent can change while the job waits.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Literal

from fastapi import APIRouter, status
from pydantic import BaseModel, Field

from api.deps import CurrentStaff, RuntimeDep, SessionDep
from api.queue import enqueue_send
from store.audit import service as audit
from store.conversations import inbox
from store.conversations import service as conversations
from store.conversations.models import Channel
from store.errors import Conflict
from store.patients import service as patients

router = APIRouter(prefix="/api/v1/prm/messages", tags=["messages"])


class MessageSend(BaseModel):
    patient_id: uuid.UUID
    body: str = Field(min_length=1, max_length=4000)
    channel: Literal["whatsapp", "sms", "email"] = "whatsapp"
    kind: str = Field(default="notification", pattern=r"^[a-z_]{1,32}$")  # picks the template outside 24 h
    subject: str | None = Field(default=None, min_length=1, max_length=200)  # e-mail only


class MessageQueued(BaseModel):
    message_id: uuid.UUID
    conversation_id: uuid.UUID
    status: str


@router.post("", status_code=status.HTTP_202_ACCEPTED)
async def send_message(
    body: MessageSend, session: SessionDep, runtime: RuntimeDep, staff: CurrentStaff
) -> MessageQueued:
    patient = await patients.get(session, patient_id=body.patient_id)
    if not patient.consent_messaging:
        raise Conflict("the patient opted out of messages")
    channel = Channel(body.channel)
    if channel == Channel.EMAIL and not patient.email:
        raise Conflict("the patient has no e-mail address")
    address = patient.email if channel == Channel.EMAIL and patient.email else patient.phone
    conversation = await conversations.get_or_create(session, channel=channel, address=address)
    if channel == Channel.EMAIL and conversation.patient_id is None:
        conversation.patient_id = patient.id  # whose consent governs this address (see api/outbound.py)
    if conversation.opted_out_at is not None:
        raise Conflict("this number opted out of messages")
    message = await inbox.add_reply(
        session, conversation=conversation, body=body.body, now=datetime.now(UTC), kind=body.kind
    )
    message.subject = body.subject if channel == Channel.EMAIL else None
    await enqueue_send(session, runtime.queue, message_id=message.id)
    await audit.record(
        session,
        actor=staff.actor,
        action="message.send",
        resource_type="Patient",
        resource_id=patient.id,
        patient_id=patient.id,
        details={"message_id": str(message.id), "kind": body.kind},
    )
    return MessageQueued(message_id=message.id, conversation_id=conversation.id, status=message.status.value)
