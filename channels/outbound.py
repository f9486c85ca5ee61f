"""Sending one queued outbound message (Twilio's REST API, or SMTP for e-mail), once, honouring consent.

The message row is the unit of work: it is *claimed* for REST (unless a webhook already answered
it with TwiML), suppressed when the number opted out, sent as an approved template outside
WhatsApp's 24-hour window, and split to WhatsApp's length limit. Twilio's Messages API honours no
idempotency key, so each part is recorded (`message_parts`) before every post and its SID after:
a job retried after a lost answer or a worker killed mid-request finds the part "maybe sent" and
the sender looks it up in Twilio before posting it again (channels/twilio/sender.py). A part whose
SID is recorded is never posted again; the parts of one message go out in order, one at a time.
E-mail has no such look-up: its Message-ID is derived from the row, so a mail client shows a resend
after a crash between the server's acceptance and our record of it as the same message.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from channels.email import EmailFailed, RecipientRefused, SmtpSender
from channels.twilio.sender import Posted, TwilioSender, TwilioSendError, whatsapp_address
from channels.twilio.split import split_message
from channels.twilio.window import in_session_window, template_variable
from store.conversations import inbox, parts
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
    if channel == Channel.WHATSAPP and not in_window:
        assert template is not None
        requests = [{"content_sid": template, "content_variables": {"1": template_variable(message.body)}}]
    else:
        requests = [{"body": part} for part in split_message(message.body)]
    sids: list[str] = []

    async def taken_by_twilio(session: AsyncSession, last_sid: str) -> None:
        """Recorded with the last part's SID, in its transaction: status callbacks of the first part
        move the row's status; later parts share its fate."""
        await _record(session, message, (sids or [last_sid])[0], DeliveryStatus.QUEUED, None)

    try:
        for index, request in enumerate(requests):
            part = _Part(sessions, message, index)
            last = index == len(requests) - 1
            sids.append(
                await part.send(
                    sender,
                    to=to,
                    from_=sender_address,
                    status_callback=callback,
                    then=taken_by_twilio if last else None,
                    **request,
                )
            )
    except TwilioSendError as error:
        if not error.permanent:
            raise  # the job is retried later; a part that may have gone out is looked up first
        return await _finish(sessions, message, None, DeliveryStatus.FAILED, str(error.code or error.status))
    return DeliveryStatus.QUEUED


@dataclass(frozen=True)
class _Part:
    """One part of `message` as posted to Twilio, with its record of posts and SID."""

    sessions: async_sessionmaker[AsyncSession]
    message: Message
    index: int

    async def send(
        self,
        sender: TwilioSender,
        *,
        then: Callable[[AsyncSession, str], Awaitable[None]] | None = None,
        **request: Any,
    ) -> str:
        """The part's SID: recorded already, found at Twilio after a lost answer, or posted now;
        `then(session, sid)` runs in the transaction that records it (one round of BEGIN/COMMIT less
        per message than recording the message's result after it)."""
        async with transaction(self.sessions) as session:
            record = await parts.get(session, message_id=self.message.id, part=self.index)
            if record is not None and record.provider_sid is not None:
                if then is not None:
                    await then(session, record.provider_sid)
                return record.provider_sid
            taken = await parts.taken(
                session,
                conversation_id=self.message.conversation_id,
                message_id=self.message.id,
                part=self.index,
            )
        posted = Posted(record.first_attempt_at, record.last_attempt_at) if record is not None else None
        sent = await sender.send(
            **request,
            idempotency_key=f"{self.message.id}:{self.index}",
            posted=posted,
            taken=taken,
            before_post=self._record_post,
        )
        async with transaction(self.sessions) as session:
            claimed = await parts.record_sid(
                session, message_id=self.message.id, part=self.index, sid=sent.sid
            )
            if claimed and then is not None:
                await then(session, sent.sid)
        if not claimed:  # the message found was claimed by another part meanwhile: look again later
            log.warning(
                "outbound %s part %d: found message already another's; retrying", self.message.id, self.index
            )
            raise TwilioSendError(None, None, permanent=False, maybe_sent=True)
        return sent.sid

    async def _record_post(self, at: datetime) -> None:
        async with transaction(self.sessions) as session:
            await parts.record_post(session, message_id=self.message.id, part=self.index, at=at)


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
        await _record(session, message, provider_id, status, error_code)
    return status


async def _record(
    session: AsyncSession,
    message: Message,
    provider_id: str | None,
    status: DeliveryStatus,
    error_code: str | None,
) -> None:
    row = await inbox.get(session, message_id=message.id)
    assert row is not None
    await inbox.record_sent(
        session, message=row, provider_message_id=provider_id, status=status, error_code=error_code
    )
