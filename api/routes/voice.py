"""The voice platform's hand-off: a finished call becomes a turn on the patient's conversation.

The call is verified (HMAC over `<timestamp>.<raw body>`, 300 s window) before anything is stored,
stored once per `call_id`, and queued like a WhatsApp message on the patient's WhatsApp
conversation, so that what the call could not finish continues there. The platform waits up to
`PRM_VOICE_WAIT_MS` for the turn and gets the actions it took; a replayed call gets the same answer.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from api.deps import NowDep, RuntimeDep
from api.runtime import Runtime
from channels.pipeline import Accepted, accept
from channels.voice import VoiceAuthError, VoicePayload, validation_problems, verify_voice_request
from store.conversations import inbox
from store.conversations.models import VOICE_CALL, Channel, Conversation
from store.database import transaction

router = APIRouter(prefix="/webhooks", tags=["webhooks"])


def _problems(problems: list[dict[str, str]]) -> JSONResponse:
    message = "; ".join(f"{p['field']}: {p['message']}" for p in problems)
    return JSONResponse({"error": "invalid_input", "message": message, "problems": problems}, status_code=422)


@router.post("/voice-agent", status_code=202)
async def voice_agent(request: Request, runtime: RuntimeDep, now: NowDep) -> JSONResponse:
    body = await request.body()
    secret = runtime.settings.voice_webhook_secret
    try:
        verify_voice_request(
            secret=secret.get_secret_value() if secret else None,
            timestamp=request.headers.get("X-PRM-Timestamp"),
            signature=request.headers.get("X-PRM-Signature"),
            body=body,
            now=time.time(),
        )
    except VoiceAuthError as error:
        return JSONResponse({"error": "unauthorized", "message": str(error)}, status_code=401)
    try:
        raw = json.loads(body)
    except (ValueError, RecursionError):  # RecursionError: nesting deeper than the parser goes
        return _problems([{"field": "body", "message": "not valid JSON"}])
    if not isinstance(raw, dict):
        return _problems([{"field": "body", "message": "a JSON object is required"}])
    try:
        call = VoicePayload.model_validate(raw)
    except ValidationError as error:
        return _problems(validation_problems(error))
    details: dict[str, Any] = {
        "kind": VOICE_CALL,
        "extracted_data": call.extracted_data,
        "recording_url": str(call.recording_url) if call.recording_url else None,
        "duration_seconds": call.duration_seconds,
    }
    try:
        async with transaction(runtime.sessions) as session:
            accepted = await accept(
                session,
                runtime.queue,
                channel=Channel.WHATSAPP,
                address=call.patient_phone,
                provider_message_id=call.call_id,
                body=call.transcript,
                now=now,
                message_channel=Channel.VOICE,
                media=[details],
            )
            if accepted.duplicate and not await _same_call(session, accepted, details, call):
                raise _CallIdReused  # rolls back what this request created (a conversation for a new phone)
    except _CallIdReused:
        message = f"call_id {call.call_id!r} was already posted with a different call; use a new call_id"
        return JSONResponse({"error": "conflict", "message": message}, status_code=409)
    actions = await _actions(runtime, accepted.message_id, runtime.settings.channels.voice_wait_ms / 1000)
    return JSONResponse(
        {
            "conversation_id": str(accepted.conversation_id),
            "actions": actions,
            "duplicate": accepted.duplicate,
        },
        status_code=202,
    )


class _CallIdReused(Exception):
    """A replayed `call_id` carries another call: refused, nothing stored."""


async def _same_call(
    session: AsyncSession, accepted: Accepted, details: dict[str, Any], call: VoicePayload
) -> bool:
    """Whether the stored call under this `call_id` is this one (a redelivery), not another call."""
    stored = await inbox.get(session, message_id=accepted.message_id)
    conversation = await session.get(Conversation, stored.conversation_id) if stored else None
    if stored is None or conversation is None:
        return False
    kept = [{k: v for k, v in item.items() if k != "actions"} for item in stored.media]
    return conversation.address == call.patient_phone and stored.body == call.transcript and kept == [details]


async def _actions(runtime: Runtime, message_id: uuid.UUID, wait_s: float) -> list[str]:
    """What the call's turn did, once it ran (the worker records them on the call's message)."""
    deadline = time.monotonic() + wait_s
    while True:
        async with transaction(runtime.sessions) as session:
            message = await inbox.get(session, message_id=message_id)
        for item in message.media if message is not None else []:
            if item.get("kind") == VOICE_CALL and "actions" in item:
                return list(item["actions"])
        if time.monotonic() >= deadline:
            return ["queued"]  # the turn is still to run: its follow-up will come on WhatsApp
        await asyncio.sleep(0.05)
