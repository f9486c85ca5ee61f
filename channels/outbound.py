"""Sending one queued outbound message (Twilio's REST API, or SMTP for e-mail), once, honouring consent.

The message row is the unit of work: it is *claimed* for REST (unless a webhook already answered
it with TwiML), suppressed when the number opted out, sent as an approved template outside
WhatsApp's 24-hour window, split to WhatsApp's length limit, and each part carries an idempotency
token derived from the row, so a retried job does not send twice through a gateway that honours it.
E-mail has no such token: its Message-ID is derived from the row, so a mail client shows a resend
after a crash between the server's acceptance and our record of it as the same message.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from channels.email import EmailFailed, RecipientRefused, SmtpSender
from channels.twilio.sender import TwilioSender, TwilioSendError, whatsapp_address
from channels.twilio.split import split_message
from channels.twilio.window import in_session_window, template_variable
from store.conversations import inbox
from store.conversations.models import Channel, Conversation, DeliveryStatus, Message
from store.database import transaction
from store.patients.models import Patient

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OutboundConfig:
    whatsapp_from: str | None  # whatsapp:+E164
    sms_from: str | None
    templates: dict[str, str]  # message kind → ContentSid
    status_callback: str | None


async def _opted_out(session: AsyncSession, conversation: Conversation) -> bool:
    """The number said STOP, or the linked patient withdrew consent."""
    if conversation.opted_out_at is not None:
        return True
    if conversation.patient_id is not None:
        patient = await session.get(Patient, conversation.patient_id)
        return patient is not None and not patient.consent_messaging
    on_phone = list(await session.scalars(select(Patient).where(Patient.phone == conversation.address)))
    return bool(on_phone) and all(not patient.consent_messaging for patient in on_phone)


async def deliver(
    sessions: async_sessionmaker[AsyncSession],
    *,
    message_id: uuid.UUID,
    sender: TwilioSender | None,
    config: OutboundConfig,
    now: datetime,
    email: SmtpSender | None = None,
) -> DeliveryStatus | None:
    """Send `message_id` unless someone already did; returns the status recorded (None: not ours)."""
    async with transaction(sessions) as session:
        message = await inbox.claim(session, message_id=message_id, via="rest", retry=True)
        if message is None:
            return None
        conversation = await session.get(Conversation, message.conversation_id)
        assert conversation is not None
        suppressed = await _opted_out(session, conversation)
        in_window = in_session_window(conversation.last_inbound_at, now)
    if suppressed:
        return await _finish(sessions, message, None, DeliveryStatus.FAILED, "opted_out")
    if conversation.channel == Channel.EMAIL:
        return await _send_email(sessions, message, conversation.address, email)
    if sender is None:
        log.warning("outbound message %s not sent: Twilio is not configured", message.id)
        return await _finish(sessions, message, None, DeliveryStatus.FAILED, "no_twilio")
    channel = conversation.channel
    sender_address = config.sms_from if channel == Channel.SMS else config.whatsapp_from
    if sender_address is None:
        return await _finish(sessions, message, None, DeliveryStatus.FAILED, "no_sender")
    to = conversation.address if channel == Channel.SMS else whatsapp_address(conversation.address)
    # our id in the callback URL: Twilio may call back before the SID it returns is recorded
    callback = f"{config.status_callback}?message={message.id}" if config.status_callback else None
    # a person's reply outside the window goes as the clinic's approved reply template, like the agent's
    template = config.templates.get(message.kind) or (
        config.templates.get("reply") if message.kind == "staff" else None
    )
    if channel == Channel.WHATSAPP and not in_window and template is None:
        log.warning("outbound %s (%s) outside the 24 h window and no template", message.id, message.kind)
        return await _finish(sessions, message, None, DeliveryStatus.FAILED, "no_template")
    try:
        if channel == Channel.WHATSAPP and not in_window:
            assert template is not None
            sent = await sender.send(
                to=to,
                from_=sender_address,
                content_sid=template,
                content_variables={"1": template_variable(message.body)},
                status_callback=callback,
                idempotency_key=f"{message.id}:template",
            )
            sids = [sent.sid]
        else:
            sids = []
            for index, part in enumerate(split_message(message.body)):
                sent = await sender.send(
                    to=to,
                    from_=sender_address,
                    body=part,
                    status_callback=callback,
                    idempotency_key=f"{message.id}:{index}",
                )
                sids.append(sent.sid)
    except TwilioSendError as error:
        if not error.permanent:
            raise  # the job is retried later; the idempotency tokens make the retry safe
        return await _finish(sessions, message, None, DeliveryStatus.FAILED, str(error.code or error.status))
    # status callbacks of the first part move the row's status; later parts share its fate
    return await _finish(sessions, message, sids[0], DeliveryStatus.QUEUED, None)


DEFAULT_SUBJECT = "A message from your clinic"


async def _send_email(
    sessions: async_sessionmaker[AsyncSession], message: Message, to: str, email: SmtpSender | None
) -> DeliveryStatus:
    if email is None:
        log.warning("outbound e-mail %s not sent: SMTP is not configured (PRM_SMTP_HOST)", message.id)
        return await _finish(sessions, message, None, DeliveryStatus.FAILED, "no_smtp")
    domain = email.from_address.rpartition("@")[2] or "prm-agent"
    try:
        await email.send(
            to=to,
            subject=message.subject or DEFAULT_SUBJECT,
            text=message.body,
            message_id=f"{message.id}@{domain}",
        )
    except EmailFailed as error:
        if not error.permanent:
            raise  # the job is retried later
        code = f"smtp_{error.code}" if isinstance(error, RecipientRefused) else "smtp_refused"
        log.warning("outbound e-mail %s refused: %s", message.id, error)
        return await _finish(sessions, message, None, DeliveryStatus.FAILED, code)
    return await _finish(sessions, message, str(message.id), DeliveryStatus.SENT, None)


async def _finish(
    sessions: async_sessionmaker[AsyncSession],
    message: Message,
    provider_id: str | None,
    status: DeliveryStatus,
    error_code: str | None,
) -> DeliveryStatus:
    async with transaction(sessions) as session:
        row = await inbox.get(session, message_id=message.id)
        assert row is not None
        await inbox.record_sent(
            session, message=row, provider_message_id=provider_id, status=status, error_code=error_code
        )
    return status
