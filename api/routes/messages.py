"""Workflows (n8n, an EHR) send a patient a message: queued, sent by the worker, consent honoured.

The message is either free text (`body`) or one of the clinic's templates (`template`, filled from
the patient and, for appointment templates, `appointment_id`, in the patient's language and the
clinic's time zone; e-mail takes the template's subject).

Journeys are started with `POST /api/v1/prm/journeys`; this is the other half of what a workflow
needs. The message is stored and its send job queued in one transaction (202), so a crash after
the answer loses nothing; the worker applies the 24-hour window (a template outside it) and the
opt-out again at send time, since consent can change while the job waits.
"""

from __future__ import annotations

import uuid
from typing import Literal
from zoneinfo import ZoneInfo

from fastapi import APIRouter, status
from pydantic import BaseModel, Field, field_validator, model_validator
from sqlalchemy.ext.asyncio import AsyncSession

from agents.phrasing import format_date, format_time
from api.deps import CurrentStaff, NowDep, RuntimeDep, SessionDep
from channels.templates import KINDS, RenderedMessage, render, required_fields
from graphs.clinic import load_clinic
from store.audit import service as audit
from store.conversations import inbox
from store.conversations import service as conversations
from store.conversations.models import Channel
from store.errors import Conflict, InvalidInput
from store.patients import service as patients
from store.patients.models import Patient
from store.queue import enqueue_send
from store.scheduling.appointments import get_appointment

router = APIRouter(prefix="/messages", tags=["messages"])


class MessageSend(BaseModel):
    patient_id: uuid.UUID
    body: str | None = Field(default=None, min_length=1, max_length=4000)
    template: str | None = Field(default=None, pattern=r"^[a-z_]{1,32}$")  # instead of `body`
    appointment_id: uuid.UUID | None = None  # fills an appointment template
    channel: Literal["whatsapp", "sms", "email"] = "whatsapp"
    kind: str | None = Field(
        default=None, pattern=r"^[a-z_]{1,32}$"
    )  # picks the WhatsApp template outside 24 h
    subject: str | None = Field(default=None, min_length=1, max_length=200)  # e-mail only

    @field_validator("subject")
    @classmethod
    def _one_line(cls, value: str | None) -> str | None:
        """A header line: a newline would be refused by the mail library in the send job (stuck)."""
        if value is not None and any(c in value for c in "\r\n\x00"):
            raise ValueError("must be one line of text")
        return value

    @model_validator(mode="after")
    def _body_or_template(self) -> MessageSend:
        if (self.body is None) == (self.template is None):
            raise ValueError("give either `body` or `template`")
        if self.template is not None and self.template not in KINDS:
            raise ValueError(f"unknown template {self.template!r}; the templates are: {', '.join(KINDS)}")
        return self


async def _render(
    session: AsyncSession, body: MessageSend, patient: Patient, tz: ZoneInfo
) -> RenderedMessage:
    """The template filled for the patient (and their appointment), in their language."""
    assert body.template is not None
    language = patient.preferred_language.value
    clinic = await load_clinic(session)
    fields: dict[str, str] = {"first_name": patient.given_name, "clinic_name": clinic.called(language)}
    if body.appointment_id is not None:
        appointment = await get_appointment(
            session, appointment_id=body.appointment_id, patient_id=patient.id
        )
        fields.update(
            date=format_date(appointment.start_at, language, tz),
            time=format_time(appointment.start_at, language, tz),
            practitioner=appointment.practitioner.display_name,
            clinic_address=appointment.location.address or "",
        )
    missing = sorted(required_fields(body.template) - fields.keys())
    if missing:
        needs = f"template {body.template!r} needs it (for {', '.join(missing)})"
        raise InvalidInput("appointment_id", needs)
    return render(body.template, language, **fields)


class MessageQueued(BaseModel):
    message_id: uuid.UUID
    conversation_id: uuid.UUID
    status: str


@router.post("", status_code=status.HTTP_202_ACCEPTED)
async def send_message(
    body: MessageSend, session: SessionDep, runtime: RuntimeDep, staff: CurrentStaff, now: NowDep
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
        conversation.patient_id = patient.id  # whose consent governs this address (see channels/outbound.py)
    if conversation.opted_out_at is not None:
        raise Conflict("this number opted out of messages")
    text, subject = body.body, body.subject
    if body.template is not None:
        rendered = await _render(session, body, patient, runtime.settings.tz)
        text, subject = rendered.text, subject or rendered.subject
    assert text is not None
    kind = body.kind or body.template or "notification"
    message = await inbox.add_reply(session, conversation=conversation, body=text, now=now, kind=kind)
    message.subject = subject if channel == Channel.EMAIL else None
    await enqueue_send(session, runtime.queue, message_id=message.id)
    await audit.record(
        session,
        actor=staff.actor,
        action="message.send",
        resource_type="Patient",
        resource_id=patient.id,
        patient_id=patient.id,
        details={"message_id": str(message.id), "kind": kind, "channel": channel.value},
    )
    return MessageQueued(message_id=message.id, conversation_id=conversation.id, status=message.status.value)
