"""The staff console over HTTP: sign in (fields Email and Password, button Sign in), the inbox with
hand-offs first, a conversation, the loop's actions with the session's CSRF token, refusals."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from store.audit.models import AuditEntry
from store.auth import users
from store.auth.models import Role
from store.conversations import handoff
from store.conversations import service as conversations
from store.conversations.models import Channel, ConversationStatus, Direction
from store.database import transaction

PASSWORD = "a long enough password"
T0 = datetime(2031, 8, 1, 10, 0, tzinfo=UTC)


@pytest.fixture
async def account(runtime: Any) -> str:
    email = f"dana.{uuid.uuid4().hex[:8]}@clinic.example"
    async with transaction(runtime.sessions) as session:
        await users.create(session, email=email, name="Dana Front", role=Role.STAFF, password=PASSWORD)
    return email


async def sign_in(client: httpx.AsyncClient, email: str) -> str:
    """Sign in; the CSRF token of the new session (read off a page, as a browser would)."""
    response = await client.post("/console/login", data={"email": email, "password": PASSWORD})
    assert response.status_code == 303 and response.headers["location"] == "/console"
    page = await client.get("/console")
    found = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert found is not None
    return found.group(1)


async def handed_off(runtime: Any, phone: str) -> uuid.UUID:
    async with transaction(runtime.sessions) as session:
        conversation = await conversations.get_or_create(session, channel=Channel.WHATSAPP, address=phone)
        await conversations.add_message(
            session, conversation=conversation, direction=Direction.INBOUND, body="I want a person", now=T0
        )
        await handoff.hand_off(
            session, conversation_id=conversation.id, reason="patient asked for a person", now=T0
        )
        return conversation.id


def _phone() -> str:
    return f"+1555090{uuid.uuid4().int % 10_000:04d}"


async def test_the_sign_in_page_and_a_wrong_password(client: httpx.AsyncClient, account: str) -> None:
    page = await client.get("/console/login")
    assert page.status_code == 200
    assert (
        '<label for="email">Email</label>' in page.text
        and '<label for="password">Password</label>' in page.text
    )
    assert ">Sign in</button>" in page.text
    wrong = await client.post("/console/login", data={"email": account, "password": "not the password"})
    assert (
        wrong.status_code == 200
        and "Wrong e-mail or password" in wrong.text
        and "set-cookie" not in wrong.headers
    )
    assert (await client.get("/console")).headers["location"] == "/console/login"  # still signed out


async def test_signed_in_the_inbox_shows_a_hand_off_first(
    client: httpx.AsyncClient, runtime: Any, account: str
) -> None:
    phone = _phone()
    conversation_id = await handed_off(runtime, phone)
    response = await client.post("/console/login", data={"email": account, "password": PASSWORD})
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "path=/console" in cookie
    rows = (await client.get("/console/inbox/rows")).text
    first = rows.index("<tr")
    assert "Waiting for a person" in rows[first : rows.index("</tr>", first)]  # hand-offs come first
    assert phone in rows
    page = await client.get(f"/console/conversations/{conversation_id}")
    assert page.status_code == 200 and "I want a person" in page.text
    for action in ("Hand back to agent", "Close", ">Send<", ">Reply<"):
        assert action in page.text
    assert ">Take over<" not in page.text  # staff own it: Take over gives way to Hand back


async def test_actions_need_the_csrf_token_and_name_the_person(
    client: httpx.AsyncClient, runtime: Any, account: str
) -> None:
    conversation_id = await handed_off(runtime, _phone())
    csrf = await sign_in(client, account)
    refused = await client.post(f"/console/conversations/{conversation_id}/release", data={})
    assert refused.status_code == 403
    forged = await client.post(f"/console/conversations/{conversation_id}/release", data={"csrf": "forged"})
    assert forged.status_code == 403
    released = await client.post(f"/console/conversations/{conversation_id}/release", data={"csrf": csrf})
    assert released.status_code == 303
    taken = await client.post(
        f"/console/conversations/{conversation_id}/takeover",
        headers={"X-CSRF-Token": csrf, "HX-Request": "true"},
    )
    assert taken.status_code == 303
    sent = await client.post(
        f"/console/conversations/{conversation_id}/reply", data={"csrf": csrf, "body": "Hello from the desk"}
    )
    assert sent.status_code == 303
    async with runtime.sessions() as session:
        conversation = await conversations.get(session, conversation_id=conversation_id)
        actors = set(
            await session.scalars(
                select(AuditEntry.actor).where(
                    AuditEntry.resource_id == str(conversation_id), AuditEntry.action == "conversation.reply"
                )
            )
        )
    assert conversation.status == ConversationStatus.HANDOFF and actors == {f"user:{account}"}


async def test_sign_out_ends_the_session(client: httpx.AsyncClient, account: str) -> None:
    csrf = await sign_in(client, account)
    assert (await client.post("/console/logout", data={"csrf": csrf})).status_code == 303
    assert (await client.get("/console")).status_code == 303
    hx = await client.get("/console/inbox/rows", headers={"HX-Request": "true"})
    assert hx.status_code == 401 and hx.headers["HX-Redirect"] == "/console/login"


async def test_sign_in_attempts_are_throttled(
    client: httpx.AsyncClient, runtime: Any, account: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    frozen = runtime.clock()  # all the attempts in one minute of the throttle, whatever the real clock does
    monkeypatch.setattr(runtime, "clock", lambda: frozen)
    for _ in range(5):
        await client.post("/console/login", data={"email": account, "password": "wrong wrong wrong"})
    blocked = await client.post("/console/login", data={"email": account, "password": PASSWORD})
    assert "Too many attempts" in blocked.text and "set-cookie" not in blocked.headers


async def test_the_static_files_are_served_by_the_app(client: httpx.AsyncClient) -> None:
    htmx = await client.get("/console/static/htmx-2.0.11.min.js")
    assert htmx.status_code == 200 and "htmx" in htmx.text[:200]
    assert (await client.get("/console/static/console.css")).status_code == 200


async def test_what_contacts_write_is_escaped(client: httpx.AsyncClient, runtime: Any, account: str) -> None:
    phone = _phone()
    async with transaction(runtime.sessions) as session:
        conversation = await conversations.get_or_create(session, channel=Channel.WHATSAPP, address=phone)
        await conversations.add_message(
            session,
            conversation=conversation,
            direction=Direction.INBOUND,
            body='<script>alert("x")</script><img src=x onerror=alert(1)>',
            now=T0,
        )
    await sign_in(client, account)
    page = (await client.get(f"/console/conversations/{conversation.id}")).text
    rows = (await client.get("/console/inbox/rows", params={"phone": phone})).text
    for html in (page, rows):
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;script&gt;" in html


async def test_the_inbox_filters_by_language_and_by_who_took_over(
    client: httpx.AsyncClient, runtime: Any, account: str
) -> None:
    from datetime import date

    from store.patients.models import Language, Patient

    spanish_phone, english_phone = _phone(), _phone()
    spanish = await handed_off(runtime, spanish_phone)
    english = await handed_off(runtime, english_phone)
    async with transaction(runtime.sessions) as session:
        for conversation_id, phone, language in (
            (spanish, spanish_phone, Language.ES),
            (english, english_phone, Language.EN),
        ):
            patient = Patient(
                given_name="Filter",
                family_name="Test",
                birth_date=date(1990, 1, 1),
                phone=phone,
                preferred_language=language,
            )
            session.add(patient)
            await session.flush()
            (await conversations.get(session, conversation_id=conversation_id)).patient_id = patient.id
    csrf = await sign_in(client, account)
    rows = (await client.get("/console/inbox/rows", params={"language": "es"})).text
    assert spanish_phone in rows and english_phone not in rows
    await client.post(f"/console/conversations/{english}/takeover", data={"csrf": csrf})
    mine = (await client.get("/console/inbox/rows", params={"mine": "true"})).text
    assert english_phone in mine and spanish_phone not in mine
    assert (await client.get("/console/inbox/rows", params={"language": "fr"})).status_code == 422
