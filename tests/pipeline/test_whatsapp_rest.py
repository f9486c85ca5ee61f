"""REST replies, status callbacks, consent keywords and the per-phone rate limit."""

from __future__ import annotations

import random
import uuid
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from channels.outbound import deliver
from channels.twilio.sender import Lookup, Retry, TwilioSender, TwilioSendError
from store.conversations import inbox, parts
from store.conversations import service as conversations
from store.conversations.models import Channel, DeliveryStatus, Direction, Message, MessagePart
from store.database import transaction
from store.migrate import upgrade
from store.queue import TURN, enqueue_send
from tests.fakes.twilio_stub import TwilioStub
from tests.instant import NOW
from tests.pipeline.conftest import ACCOUNT_SID, AUTH_TOKEN, STATUS_PATH, Clinic, clinic_settings, open_clinic


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


async def replied_once(clinic: Clinic, phone: str) -> tuple[dict[str, Any], Message]:
    """The one message Twilio received for `phone`, and our row once the send is recorded on it."""

    async def recorded() -> bool:
        sent = sent_to(clinic.twilio, phone)
        return len(sent) == 1 and bool(await clinic.messages(Message.provider_message_id == sent[0]["sid"]))

    await clinic.until(recorded)
    [sent] = sent_to(clinic.twilio, phone)
    [row] = await clinic.messages(Message.provider_message_id == sent["sid"])
    return sent, row


async def test_rest_mode_acknowledges_at_once_and_replies_through_twilio_once(clinic: Clinic) -> None:
    phone = new_phone()
    clinic.twilio.fail_next(2, status=500)  # the REST send is retried, and still sent once
    response = await clinic.whatsapp(phone, "hello")
    assert response.status_code == 200 and "<Message>" not in response.text

    sent, reply = await replied_once(clinic, phone)
    assert reply.sent_via == "rest" and reply.body.startswith(sent["Body"][:50])
    assert sent["From"] == "whatsapp:+15550000000"


async def test_status_callbacks_move_forward_only_and_repeat_safely(clinic: Clinic) -> None:
    phone = new_phone()
    await clinic.whatsapp(phone, "hi")

    sent, _ = await replied_once(clinic, phone)
    sid = sent["sid"]

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
            session,
            conversation=conversation,
            body="Your appointment is tomorrow",
            now=clinic.runtime.clock(),
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
    # a Spanish keyword of more than one word is answered in Spanish too (it once got English)
    assert "Responda ALTA" in (await clinic.whatsapp(new_phone(), "No más mensajes")).text
    async with transaction(clinic.runtime.sessions) as session:
        conversation = await conversations.get_or_create(session, channel=Channel.WHATSAPP, address=phone)
        assert conversation.opted_out_at is None


async def test_a_flooding_number_is_told_once_and_its_backlog_answered_when_the_window_opens(
    clinic: Clinic, monkeypatch: pytest.MonkeyPatch
) -> None:
    frozen = clinic.runtime.clock()  # every message in one window of the limit, whatever the real clock does
    monkeypatch.setattr(clinic.runtime, "clock", lambda: frozen)
    phone = new_phone()
    sids = [f"SM{uuid.uuid4().hex}" for _ in range(8)]
    answers = [(await clinic.whatsapp(phone, f"message {i}", sid=sid)).text for i, sid in enumerate(sids)]
    assert all("reply shortly" not in text for text in answers[:5])  # within the limit of 5
    assert "reply shortly" in answers[5] and all("<Message>" not in text for text in answers[6:])  # told once
    again = await clinic.whatsapp(phone, "message 0", sid=sids[0])  # Twilio redelivers an early one
    assert again.status_code == 200 and "reply shortly" not in again.text  # not counted, not processed again
    inbound = await clinic.messages(Message.direction == Direction.INBOUND, Message.body.like("message %"))
    assert len(inbound) == 8 and all(
        m.kind == "inbound" for m in inbound
    )  # nothing dropped, nothing marked away

    async def first_five_answered() -> bool:
        rows = await clinic.messages(Message.provider_message_id.in_(sids[:5]))
        return all(m.processed_at is not None for m in rows)

    await clinic.until(first_five_answered)
    # a turn still queued for the first five when the rest came takes them too; whatever still waits
    # has one turn scheduled for the next window, or is in the turn running now (its messages are
    # marked processed only when it ends, so "still waiting" cannot tell these apart from outside):
    # never more than one turn, and every message answered (below)
    async with transaction(clinic.runtime.sessions) as session:
        for_this = {"task": TURN, "conversation": str(inbound[0].conversation_id)}
        scheduled = await session.scalar(
            text(
                "SELECT count(*) FROM procrastinate_jobs WHERE task_name = :task AND status = 'todo'"
                " AND scheduled_at > now() AND args->>'conversation_id' = :conversation"
            ),
            for_this,
        )
        assert scheduled <= 1
        await session.execute(  # a minute later, the window has opened
            text(
                "UPDATE procrastinate_jobs SET scheduled_at = now()"
                " WHERE task_name = :task AND status = 'todo' AND args->>'conversation_id' = :conversation"
            ),
            for_this,
        )

    async def backlog_answered() -> bool:
        rows = await clinic.messages(Message.provider_message_id.in_(sids[5:]))
        return all(m.processed_at is not None for m in rows)

    await clinic.until(backlog_answered)


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


async def test_a_callback_that_overtakes_our_record_of_the_send_is_not_lost(clinic: Clinic) -> None:
    phone = new_phone()
    await clinic.whatsapp(phone, "hi")

    sent, reply = await replied_once(clinic, phone)
    assert sent["StatusCallback"].endswith(f"{STATUS_PATH}?message={reply.id}")

    async with transaction(clinic.runtime.sessions) as session:  # sent, but its SID not yet recorded
        conversation = await conversations.get_or_create(session, channel=Channel.WHATSAPP, address=phone)
        message = await inbox.add_reply(
            session, conversation=conversation, body="later", now=clinic.runtime.clock()
        )
        await inbox.claim(session, message_id=message.id, via="rest")
    sid = "SM" + "e" * 32
    early = await clinic.post_signed(
        f"{STATUS_PATH}?message={message.id}", [("MessageSid", sid), ("MessageStatus", "delivered")]
    )
    assert early.status_code == 204
    async with transaction(clinic.runtime.sessions) as session:
        row = await inbox.get(session, message_id=message.id)
        assert row is not None and row.status == DeliveryStatus.DELIVERED
        await inbox.record_sent(session, message=row, provider_message_id=sid, status=DeliveryStatus.QUEUED)
    [row] = await clinic.messages(Message.id == message.id)
    assert (row.status, row.provider_message_id) == (DeliveryStatus.DELIVERED, sid)


async def _pending_reply(clinic: Clinic, body: str) -> tuple[str, Message]:
    """A patient who wrote (so the window is open) and an outbound message of theirs waiting to go."""
    phone = new_phone()
    await clinic.whatsapp(phone, "hi")
    await replied_once(clinic, phone)
    async with transaction(clinic.runtime.sessions) as session:
        conversation = await conversations.get_or_create(session, channel=Channel.WHATSAPP, address=phone)
        message = await inbox.add_reply(
            session, conversation=conversation, body=body, now=clinic.runtime.clock()
        )
    return phone, message


async def test_a_send_whose_answer_was_lost_is_not_sent_again_by_the_jobs_retry(clinic: Clinic) -> None:
    phone, message = await _pending_reply(clinic, "Your appointment is confirmed for Tuesday.")
    twilio = clinic.twilio
    twilio.lose_next(1, hang_s=2.0)  # Twilio takes it; the answer never comes (the client gives up first)
    sender = TwilioSender(
        ACCOUNT_SID,
        AUTH_TOKEN,
        api_url=twilio.url,
        timeout_s=0.3,
        retry=Retry(attempts=1),
        lookup=Lookup(0.05),
    )
    config = clinic.worker.outbound
    with pytest.raises(TwilioSendError):  # what fails the job: procrastinate retries it later
        await deliver(clinic.runtime.sessions, message_id=message.id, sender=sender, config=config, now=NOW)
    twilio.release()
    [part] = await _parts(clinic, message.id)
    assert part.provider_sid is None  # "maybe sent", recorded before the post
    status = await deliver(
        clinic.runtime.sessions, message_id=message.id, sender=sender, config=config, now=NOW
    )
    sent = sent_to(twilio, phone)
    assert [m["Body"] for m in sent] == [sent[0]["Body"], "Your appointment is confirmed for Tuesday."]
    [row] = await clinic.messages(Message.id == message.id)
    assert status == DeliveryStatus.QUEUED and row.provider_message_id == sent[1]["sid"]
    assert [p.provider_sid for p in await _parts(clinic, message.id)] == [sent[1]["sid"]]


async def test_the_workers_send_job_retried_after_a_lost_answer_sends_once(clinic: Clinic) -> None:
    phone, message = await _pending_reply(clinic, "We have opened a ticket for your refill.")
    clinic.twilio.lose_next(1)  # created, then the connection closed unanswered
    clinic.twilio.fail_next_lists(1, status=503)  # and the sender cannot look it up: the job fails
    async with transaction(clinic.runtime.sessions) as session:
        await enqueue_send(session, clinic.runtime.queue, message_id=message.id)

    async def recorded() -> bool:
        [row] = await clinic.messages(Message.id == message.id)
        return row.provider_message_id is not None

    await clinic.until(recorded)  # the queue's retry (about 2 s later) finds it at Twilio
    sent = sent_to(clinic.twilio, phone)
    assert [m["Body"] for m in sent][1:] == ["We have opened a ticket for your refill."]
    [row] = await clinic.messages(Message.id == message.id)
    assert row.provider_message_id == sent[1]["sid"] and row.attempts == 1


async def test_a_long_reply_goes_in_parts_and_the_row_keeps_the_first_parts_sid(clinic: Clinic) -> None:
    body = " ".join(f"Sentence {n} of a long answer about your visit." for n in range(80))  # > 1,600
    phone, message = await _pending_reply(clinic, body)
    sender = TwilioSender(ACCOUNT_SID, AUTH_TOKEN, api_url=clinic.twilio.url)
    config = clinic.worker.outbound
    status = await deliver(
        clinic.runtime.sessions, message_id=message.id, sender=sender, config=config, now=NOW
    )
    sent = sent_to(clinic.twilio, phone)[1:]  # after the answer to "hi"
    assert len(sent) >= 3 and " ".join(m["Body"] for m in sent).split() == body.split()
    assert [p.provider_sid for p in await _parts(clinic, message.id)] == [m["sid"] for m in sent]
    [row] = await clinic.messages(Message.id == message.id)
    assert status == DeliveryStatus.QUEUED
    assert (row.status, row.provider_message_id) == (DeliveryStatus.QUEUED, sent[0]["sid"])


async def test_a_retry_that_finds_every_part_recorded_records_the_message_and_posts_nothing(
    clinic: Clinic,
) -> None:
    """A worker killed after the last part's SID was recorded, before the message's result was."""
    _, message = await _pending_reply(clinic, "See you on Tuesday at 9:00.")
    sid = "SM" + "f" * 32
    async with transaction(clinic.runtime.sessions) as session:
        await inbox.claim(session, message_id=message.id, via="rest")
        await parts.record_post(session, message_id=message.id, part=0, at=NOW)
        assert await parts.record_sid(session, message_id=message.id, part=0, sid=sid)
    posted_before = clinic.twilio.attempts
    sender = TwilioSender(ACCOUNT_SID, AUTH_TOKEN, api_url=clinic.twilio.url)
    config = clinic.worker.outbound
    status = await deliver(
        clinic.runtime.sessions, message_id=message.id, sender=sender, config=config, now=NOW
    )
    assert status == DeliveryStatus.QUEUED and clinic.twilio.attempts == posted_before
    [row] = await clinic.messages(Message.id == message.id)
    assert row.provider_message_id == sid


async def _parts(clinic: Clinic, message_id: uuid.UUID) -> list[MessagePart]:
    async with transaction(clinic.runtime.sessions) as session:
        query = select(MessagePart).where(MessagePart.message_id == message_id).order_by(MessagePart.part)
        return list(await session.scalars(query))
