"""Twilio's webhooks: inbound WhatsApp messages and delivery status callbacks.

Order matters and is the point of this module: the signature is checked before anything is read
into the database (403, no side effect); the message is stored with its turn queued before the
response (a database outage answers 503, so Twilio retries rather than us dropping it); a
redelivery is acknowledged and not processed again. Within `PRM_TWIML_BUDGET_MS` the reply goes
back in the response as TwiML; otherwise the worker sends it through the REST API.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse

from agents.understanding import detect_language
from api.deps import NowDep, RuntimeDep
from api.runtime import Runtime
from channels.keywords import consent_keyword, keyword_language
from channels.pipeline import accept, record_unprocessed, wait_for_reply
from channels.rate_limit import allow, first_notice, next_window
from channels.twilio.inbound import InvalidTwilioPayload, parse_status, parse_whatsapp
from channels.twilio.signature import is_valid_signature
from channels.twilio.split import split_message
from channels.twilio.status import advances_from, to_delivery_status
from channels.twilio.twiml import render_messages
from store.conversations import inbox
from store.conversations.models import Channel, Conversation
from store.database import transaction
from store.patients import service as patients

router = APIRouter(prefix="/webhooks/twilio", tags=["webhooks"])

TWIML = "application/xml"
BACKLOG_NOTICE = {
    "en": "We've received your messages and will reply shortly.",
    "es": "Hemos recibido sus mensajes y le responderemos en breve.",
}
CONSENT_REPLIES = {
    ("opt_out", "en"): "You will not receive more messages from us. Reply START to resume.",
    ("opt_out", "es"): "No recibirá más mensajes nuestros. Responda ALTA para volver a recibirlos.",
    ("opt_in", "en"): "Welcome back: you will receive our messages again.",
    ("opt_in", "es"): "Bienvenido de nuevo: volverá a recibir nuestros mensajes.",
}


def _twiml(parts: list[str] | None = None) -> Response:
    return Response(render_messages(parts or []), media_type=TWIML)


async def _verified_params(request: Request, runtime: Runtime) -> list[tuple[str, str]] | Response:
    """The form's parameters when Twilio signed them for our public URL; a 403 response otherwise."""
    form = await request.form()
    params = [(key, value) for key, value in form.multi_items() if isinstance(value, str)]
    token = runtime.settings.twilio.auth_token
    url = runtime.settings.public_url.rstrip("/") + request.url.path
    if request.url.query:
        url += "?" + request.url.query
    valid = is_valid_signature(
        auth_token=token.get_secret_value() if token else None,
        url=url,
        params=params,
        signature=request.headers.get("X-Twilio-Signature"),
    )
    if not valid:
        return JSONResponse({"error": "forbidden", "message": "invalid Twilio signature"}, status_code=403)
    return params


def _invalid(error: InvalidTwilioPayload) -> JSONResponse:
    return JSONResponse(
        {
            "error": "invalid_input",
            "message": str(error),
            "field": error.field,
            "problems": [{"field": error.field, "message": str(error)}],
        },
        status_code=422,
    )


@router.post("/whatsapp", response_class=Response)
async def whatsapp(request: Request, runtime: RuntimeDep, now: NowDep) -> Response:
    """Store, queue, and answer within the TwiML budget when the turn is that quick."""
    params = await _verified_params(request, runtime)
    if isinstance(params, Response):
        return params
    try:
        message = parse_whatsapp(params)
    except InvalidTwilioPayload as error:
        return _invalid(error)
    media = [{"url": url, "content_type": content_type} for url, content_type in message.media]
    keyword = consent_keyword(message.body) if not media else None
    if keyword is not None:
        return await _consent(runtime, message.phone, message.message_sid, message.body, keyword, now)
    async with transaction(runtime.sessions) as session:  # a redelivery counts against nothing
        if await inbox.already_received(
            session, channel=Channel.WHATSAPP, provider_message_id=message.message_sid
        ):
            return _twiml()
    clock_s = now.timestamp()
    limit = runtime.settings.channels.rate_limit_per_minute
    secret = runtime.settings.hash_key
    limited = not await allow(runtime.redis, key=message.phone, per_minute=limit, now=clock_s, secret=secret)
    async with transaction(runtime.sessions) as session:
        accepted = await accept(
            session,
            runtime.queue,
            channel=Channel.WHATSAPP,
            address=message.phone,
            provider_message_id=message.message_sid,
            body=message.body,
            now=now,
            media=media,
            # over the limit: stored, and taken (with whatever else waits) when the next window opens
            turn_after=timedelta(seconds=next_window(clock_s)) if limited else None,
        )
    if limited:
        first = await first_notice(runtime.redis, key=message.phone, now=clock_s, secret=secret)
        return _twiml([BACKLOG_NOTICE[detect_language(message.body)]] if first else [])
    twilio = runtime.settings.twilio
    if accepted.duplicate or twilio.whatsapp_reply != "twiml":
        return _twiml()
    reply = await wait_for_reply(
        runtime.sessions, message_id=accepted.message_id, budget_s=twilio.twiml_budget_ms / 1000, via="twiml"
    )
    return _twiml(split_message(reply.body) if reply is not None else [])


async def _consent(
    runtime: Runtime, phone: str, sid: str, body: str, keyword: str, now: datetime
) -> Response:
    """STOP / START and their Spanish twins: recorded for the number and its patients, confirmed once."""
    async with transaction(runtime.sessions) as session:
        accepted = await record_unprocessed(
            session,
            channel=Channel.WHATSAPP,
            address=phone,
            provider_message_id=sid,
            body=body,
            now=now,
            kind=keyword,
        )
        if accepted.duplicate:
            return _twiml()
        conversation = await session.get(Conversation, accepted.conversation_id)
        assert conversation is not None
        conversation.opted_out_at = now if keyword == "opt_out" else None
        await patients.set_consent(session, phone=phone, opted_in=keyword == "opt_in", now=now)
        on_phone = await patients.find_by_phone(session, phone=phone)
    spanish = keyword_language(body) == "es" or any(p.preferred_language == "es" for p in on_phone)
    return _twiml([CONSENT_REPLIES[(keyword, "es" if spanish else "en")]])


def _message_id(value: str | None) -> uuid.UUID | None:
    """Our message id from the callback URL we gave Twilio (signed with it); None when absent."""
    try:
        return uuid.UUID(value) if value else None
    except ValueError:
        return None


@router.post("/status")
async def status(request: Request, runtime: RuntimeDep) -> Response:
    """Delivery status callbacks: idempotent, and a late or repeated one never moves status backwards."""
    params = await _verified_params(request, runtime)
    if isinstance(params, Response):
        return params
    try:
        callback = parse_status(params)
    except InvalidTwilioPayload as error:
        return _invalid(error)
    new = to_delivery_status(callback.message_status)
    ours = _message_id(request.query_params.get("message"))
    if new is not None:
        async with transaction(runtime.sessions) as session:
            # by our id one update finds the row; by Twilio's SID, it is unique per channel
            for channel in (Channel.WHATSAPP,) if ours else (Channel.WHATSAPP, Channel.SMS):
                await inbox.advance_status(
                    session,
                    channel=channel,
                    provider_message_id=callback.message_sid,
                    status=new,
                    allowed_from=advances_from(new),
                    error_code=callback.error_code,
                    message_id=ours,
                )
    return Response(status_code=204)
