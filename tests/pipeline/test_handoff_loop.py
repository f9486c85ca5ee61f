"""The hand-off loop end to end: signed webhooks in, the staff API in the middle, Twilio's REST API out.

A contact nobody identified asks for a person; the hand-off opens a ticket in the `handoff` queue
that staff find by the phone; staff take over and reply (Twilio receives it); the agent stays
silent; staff hand back and the agent answers the next request afresh — an offer made before the
hand-off is not acted on; closing resolves the ticket and a new message reopens the conversation.
"""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from store.audit.models import AuditEntry
from store.auth import service as auth
from store.auth.models import Role
from store.conversations.models import Conversation, ConversationStatus, Message
from store.database import transaction
from tests.pipeline.conftest import Clinic

BASE = "/api/v1/prm/conversations"


@pytest.fixture(scope="module")
async def staff(clinic: Clinic) -> dict[str, str]:
    async with transaction(clinic.runtime.sessions) as session:
        secret, _ = await auth.create_token(session, name="dana", role=Role.STAFF)
    return {"Authorization": f"Bearer {secret}"}


def _phone() -> str:
    return f"+1555080{uuid.uuid4().int % 10_000:04d}"


async def _conversation(clinic: Clinic, phone: str) -> Conversation:
    async with clinic.runtime.sessions() as session:
        found = await session.scalar(select(Conversation).where(Conversation.address == phone))
        assert found is not None
        return found


async def test_hand_off_take_over_reply_and_hand_back(clinic: Clinic, staff: dict[str, str]) -> None:
    phone = _phone()
    asked = await clinic.whatsapp(phone, "I want to talk to a person please")
    assert "connecting you with a member of our team" in asked.text
    conversation = await _conversation(clinic, phone)
    assert conversation.status == ConversationStatus.HANDOFF

    # the hand-off is in the staff queue, found by the number it came from (nobody identified it)
    queue = await clinic.http.get(
        "/api/v1/prm/tickets", params={"phone": phone, "category": "handoff"}, headers=staff
    )
    [ticket] = queue.json()["items"]
    assert ticket["conversation_id"] == str(conversation.id) and "person" in ticket["description"]

    taken = await clinic.http.post(f"{BASE}/{conversation.id}/takeover", headers=staff)
    assert taken.status_code == 200 and taken.json()["status"] == "handoff"
    sent = await clinic.http.post(
        f"{BASE}/{conversation.id}/messages",
        json={"body": "Hi, this is Dana from the front desk."},
        headers=staff,
    )
    assert sent.status_code == 202, sent.text

    async def delivered() -> bool:
        return any(
            m["To"] == f"whatsapp:{phone}" and m["Body"].startswith("Hi, this is Dana")
            for m in clinic.twilio.messages
        )

    await clinic.until(delivered)  # through Twilio's REST API, to a contact who is no patient

    silent = await clinic.whatsapp(phone, "thanks, can you also check my bill?")
    assert "<Message>" not in silent.text  # staff own it: the agent says nothing...
    [stored] = await clinic.messages(Message.body == "thanks, can you also check my bill?")
    assert stored.processed_at is not None  # ...yet the message is kept for staff

    back = await clinic.http.post(f"{BASE}/{conversation.id}/release", headers=staff)
    assert back.status_code == 200 and back.json()["status"] == "active"
    answered = await clinic.whatsapp(phone, "I'd like a dermatology appointment next week")
    assert "full name and date of birth" in answered.text  # the agent answers again: who is writing?
    offered = await clinic.whatsapp(phone, "Rosa Lane, 3 March 1980")
    assert "first free times for dermatology" in offered.text  # registered, and the request goes on

    async with clinic.runtime.sessions() as session:
        actions = set(
            await session.scalars(
                select(AuditEntry.action).where(AuditEntry.resource_id == str(conversation.id))
            )
        )
    assert {"conversation.takeover", "conversation.reply", "conversation.release"} <= actions


async def test_an_offer_made_before_the_hand_off_is_not_acted_on_after_it(
    clinic: Clinic, staff: dict[str, str]
) -> None:
    phone = "+15550100002"  # James Smith of the demo clinic
    offered = await clinic.whatsapp(phone, "I need a cardiology appointment as soon as possible")
    assert "Reply with the number" in offered.text
    conversation = await _conversation(clinic, phone)
    await clinic.http.post(f"{BASE}/{conversation.id}/takeover", headers=staff)
    await clinic.http.post(f"{BASE}/{conversation.id}/release", headers=staff)
    after = await clinic.whatsapp(phone, "1")
    assert "booked" not in after.text.lower()  # "1" no longer picks a slot offered before the hand-off


async def test_close_resolves_the_ticket_and_a_new_message_reopens(
    clinic: Clinic, staff: dict[str, str]
) -> None:
    phone = _phone()
    await clinic.whatsapp(phone, "can I speak to someone")
    conversation = await _conversation(clinic, phone)
    closed = await clinic.http.post(f"{BASE}/{conversation.id}/close", headers=staff)
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    queue = await clinic.http.get("/api/v1/prm/tickets", params={"phone": phone}, headers=staff)
    assert [t["status"] for t in queue.json()["items"]] == ["resolved"]
    again = await clinic.whatsapp(phone, "what are your opening hours?")
    assert "<Message>" in again.text
    assert (await _conversation(clinic, phone)).status == ConversationStatus.ACTIVE


async def test_bad_requests_are_clear_4xx(clinic: Clinic, staff: dict[str, str]) -> None:
    missing = await clinic.http.post(f"{BASE}/{uuid.uuid4()}/takeover", headers=staff)
    assert missing.status_code == 404
    conversation = await _conversation(clinic, "+15550100002")
    blank = await clinic.http.post(f"{BASE}/{conversation.id}/messages", json={"body": "   "}, headers=staff)
    assert blank.status_code == 422 and "body" in blank.text
    assert (await clinic.http.post(f"{BASE}/{conversation.id}/release")).status_code == 401


async def test_the_detail_shows_the_newest_messages_and_pages_back(
    clinic: Clinic, staff: dict[str, str]
) -> None:
    phone = _phone()
    for index in range(6):
        await clinic.whatsapp(phone, f"note {index}")
    conversation = await _conversation(clinic, phone)
    latest = (await clinic.http.get(f"{BASE}/{conversation.id}", params={"limit": 4}, headers=staff)).json()
    bodies = [m["body"] for m in latest["messages"]]
    assert len(bodies) == 4 and bodies[-1] != "note 0"  # the newest, oldest first
    older = await clinic.http.get(
        f"{BASE}/{conversation.id}",
        params={"limit": 50, "before": latest["messages"][0]["created_at"]},
        headers=staff,
    )
    assert older.json()["messages"][0]["body"] == "note 0"
