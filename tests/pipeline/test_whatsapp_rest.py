"""REST replies, status callbacks, consent keywords and the per-phone rate limit."""

from __future__ import annotations

import random
import time
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from api.queue import enqueue_send
from store.conversations import inbox
from store.conversations import service as conversations
from store.conversations.models import Channel, DeliveryStatus, Direction, Message
from store.database import transaction
from store.migrate import upgrade
from tests.fakes.twilio_stub import TwilioStub
from tests.pipeline.conftest import STATUS_PATH, Clinic, clinic_settings, open_clinic


@pytest.fixture(scope="module")
async def clinic(
    data_dir: Path,
    make_session_database: Callable[[], str],
    redis_url: str,
    embedder: Any,
    twilio: TwilioStub,
) -> AsyncIterator[Clinic]:
    url = make_session_database()
    upgrade(url)
    settings = clinic_settings(data_dir, twilio, reply="rest", rate_limit=5)
    async with open_clinic(settings, url, redis_url, embedder, twilio) as clinic:
        yield clinic


def new_phone() -> str:
    return f"+1555040{random.randrange(10_000):04d}"


def sent_to(twilio: TwilioStub, phone: str) -> list[dict[str, Any]]:
    return [m for m in twilio.messages if m["To"] == f"whatsapp:{phone}"]


async def test_rest_mode_acknowledges_at_once_and_replies_through_twilio_once(clinic: Clinic) -> None:
    phone = new_phone()
    clinic.twilio.fail_next(2, status=500)  # the REST send is retried, and still sent once
    response = await clinic.whatsapp(phone, "hello")
    assert response.status_code == 200 and "<Message>" not in response.text

    async def replied() -> bool:
        return len(sent_to(clinic.twilio, phone)) == 1

    await clinic.until(replied)
    [sent] = sent_to(clinic.twilio, phone)
    [reply] = await clinic.messages(Message.provider_message_id == sent["sid"])
    assert reply.sent_via == "rest" and reply.body.startswith(sent["Body"][:50])
    assert sent["From"] == "whatsapp:+15550000000"


async def test_status_callbacks_move_forward_only_and_repeat_safely(clinic: Clinic) -> None:
    phone = new_phone()
    await clinic.whatsapp(phone, "hi")

    async def replied() -> bool:
        return len(sent_to(clinic.twilio, phone)) == 1

    await clinic.until(replied)
    sid = sent_to(clinic.twilio, phone)[0]["sid"]

    async def status_of() -> DeliveryStatus:
        [message] = await clinic.messages(Message.provider_message_id == sid)
        return message.status

    for status in ["sent", "delivered", "delivered", "sent", "queued"]:
        response = await clinic.post_signed(STATUS_PATH, [("MessageSid", sid), ("MessageStatus", status)])
        assert response.status_code == 204
    assert await status_of() == DeliveryStatus.DELIVERED
    await clinic.post_signed(STATUS_PATH, [("MessageSid", sid), ("MessageStatus", "read")])
    assert await status_of() == DeliveryStatus.READ
    unknown = await clinic.post_signed(
        STATUS_PATH, [("MessageSid", "SM" + "f" * 32), ("MessageStatus", "sent")]
    )
    assert unknown.status_code == 204
    unsigned = await clinic.http.post(STATUS_PATH, data={"MessageSid": sid, "MessageStatus": "failed"})
    assert unsigned.status_code == 403
    assert await status_of() == DeliveryStatus.READ


async def test_stop_is_recorded_confirmed_and_honoured_by_outbound_sends(clinic: Clinic) -> None:
    phone = new_phone()
    response = await clinic.whatsapp(phone, "STOP")
    assert "Reply START" in response.text
    [stop] = await clinic.messages(Message.body == "STOP", Message.conversation_id.isnot(None))
    assert stop.processed_at is not None and stop.kind == "opt_out"
    async with transaction(clinic.runtime.sessions) as session:
        conversation = await conversations.get_or_create(session, channel=Channel.WHATSAPP, address=phone)
        assert conversation.opted_out_at is not None
        notice = await inbox.add_reply(
            session, conversation=conversation, body="Your appointment is tomorrow", now=datetime.now(UTC)
        )
        await enqueue_send(session, clinic.runtime.queue, message_id=notice.id)

    async def settled() -> bool:
        [row] = await clinic.messages(Message.id == notice.id)
        return row.status == DeliveryStatus.FAILED

    await clinic.until(settled)
    [row] = await clinic.messages(Message.id == notice.id)
    assert row.error_code == "opted_out" and sent_to(clinic.twilio, phone) == []
    spanish = await clinic.whatsapp(phone, "Alta")
    assert "volverá a recibir" in spanish.text
    async with transaction(clinic.runtime.sessions) as session:
        conversation = await conversations.get_or_create(session, channel=Channel.WHATSAPP, address=phone)
        assert conversation.opted_out_at is None


async def test_a_flooding_number_is_stored_but_not_run_past_its_limit(clinic: Clinic) -> None:
    phone = new_phone()
    minute = int(time.time() // 60)
    for index in range(8):
        response = await clinic.whatsapp(phone, f"message {index}")
        assert response.status_code == 200
    limited = await clinic.messages(Message.kind == "rate_limited", Message.body.like("message %"))
    assert all(m.processed_at is not None for m in limited)
    if int(time.time() // 60) == minute:  # all eight fell in one one-minute window
        assert len(limited) == 3
    else:
        assert len(limited) <= 3
    inbound = await clinic.messages(Message.direction == Direction.INBOUND, Message.body.like("message %"))
    assert len(inbound) == 8  # nothing is dropped: the flood is kept for staff to see


async def test_a_workflow_sends_a_message_that_the_worker_delivers_once(clinic: Clinic) -> None:
    from store.auth import service as auth
    from store.auth.models import Role
    from store.patients import service as patients

    async with transaction(clinic.runtime.sessions) as session:
        secret, _ = await auth.create_token(session, name="n8n", role=Role.STAFF)
        [james] = await patients.find_by_phone(session, phone="+15550100002")
    headers = {"Authorization": f"Bearer {secret}"}
    await clinic.whatsapp("+15550100002", "hello")  # opens the 24-hour window

    async def answered() -> bool:
        return len(sent_to(clinic.twilio, "+15550100002")) == 1

    await clinic.until(answered)
    body = {"patient_id": str(james.id), "body": "Your lab results are ready in the portal."}
    response = await clinic.http.post("/api/v1/prm/messages", json=body, headers=headers)
    assert response.status_code == 202

    async def delivered() -> bool:
        return len(sent_to(clinic.twilio, "+15550100002")) == 2

    await clinic.until(delivered)
    assert sent_to(clinic.twilio, "+15550100002")[-1]["Body"] == body["body"]
    unauthorised = await clinic.http.post("/api/v1/prm/messages", json=body)
    assert unauthorised.status_code == 401
    invalid = await clinic.http.post("/api/v1/prm/messages", json={**body, "body": ""}, headers=headers)
    assert invalid.status_code == 422 and "body" in invalid.json()["message"]
