"""The console's ticket pages and admin pages over HTTP: assign, notes, workflow moves (a forbidden move
is a page naming what is allowed), and the admin pages that only admins open (staff get 403)."""

from __future__ import annotations

import re
import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from store.audit.models import AuditEntry
from store.auth import service as auth
from store.auth import users
from store.auth.models import ApiToken, Role
from store.database import transaction
from store.outbox.models import Subscriber
from store.tickets import service as tickets
from store.tickets.models import Ticket, TicketStatus
from tests.api.test_console import PASSWORD

ADMIN_PAGES = ("/console/admin/users", "/console/admin/tokens", "/console/admin/subscribers")


async def _person(runtime: Any, role: Role) -> str:
    email = f"{role.value}.{uuid.uuid4().hex[:8]}@clinic.example"
    async with transaction(runtime.sessions) as session:
        await users.create(
            session, email=email, name=f"Sam {role.value.title()}", role=role, password=PASSWORD
        )
    return email


async def _sign_in(client: httpx.AsyncClient, email: str) -> str:
    await client.post("/console/login", data={"email": email, "password": PASSWORD})
    found = re.search(r'name="csrf" value="([^"]+)"', (await client.get("/console")).text)
    assert found is not None
    return found.group(1)


async def _ticket(runtime: Any) -> Ticket:
    async with transaction(runtime.sessions) as session:
        return await tickets.create(
            session,
            category="billing",
            summary=f"Bill question {uuid.uuid4().hex[:6]}",
            priority="high",
            now=runtime.clock(),
        )


async def test_a_ticket_is_assigned_noted_and_moved_along_the_workflow(
    client: httpx.AsyncClient, runtime: Any
) -> None:
    ticket = await _ticket(runtime)
    email = await _person(runtime, Role.STAFF)
    csrf = await _sign_in(client, email)
    queue = await client.get("/console/tickets", params={"category": "billing"})
    assert queue.status_code == 200 and ticket.summary in queue.text
    page = await client.get(f"/console/tickets/{ticket.id}")
    assert page.status_code == 200 and 'id="assignee">Nobody' in page.text
    assert ">In progress<" in page.text and ">Resolved<" in page.text  # the moves open allows

    assert (
        await client.post(f"/console/tickets/{ticket.id}/assign", data={"assignee": "me"})
    ).status_code == 403
    mine = await client.post(f"/console/tickets/{ticket.id}/assign", data={"csrf": csrf, "assignee": "me"})
    assert mine.status_code == 303
    noted = await client.post(
        f"/console/tickets/{ticket.id}/comment", data={"csrf": csrf, "body": "Called billing, <b>waiting</b>"}
    )
    assert noted.status_code == 303
    moved = await client.post(
        f"/console/tickets/{ticket.id}/transition", data={"csrf": csrf, "to": "resolved"}
    )
    assert moved.status_code == 303
    page = await client.get(f"/console/tickets/{ticket.id}")
    assert (
        'id="assignee">Sam Staff' in page.text and "Called billing, &lt;b&gt;waiting&lt;/b&gt;" in page.text
    )
    assert 'id="ticket-status">resolved' in page.text
    forbidden = await client.post(
        f"/console/tickets/{ticket.id}/transition", data={"csrf": csrf, "to": "in_progress"}
    )
    assert forbidden.status_code == 409 and "text/html" in forbidden.headers["content-type"]
    assert "closed" in forbidden.text and "open" in forbidden.text  # what is allowed from resolved
    assigned_to_me = await client.get("/console/tickets", params={"status": "resolved", "mine": "true"})
    assert ticket.summary in assigned_to_me.text
    assert (await client.get("/console/tickets", params={"status": "nope"})).status_code == 422

    async with runtime.sessions() as session:
        stored = await session.get(Ticket, ticket.id)
        assert stored is not None and stored.status == TicketStatus.RESOLVED
        actors = set(
            await session.scalars(
                select(AuditEntry.actor).where(
                    AuditEntry.resource_id == str(ticket.id),
                    AuditEntry.action.in_(["ticket.assign", "ticket.comment", "ticket.transition"]),
                )
            )
        )
    assert actors == {f"user:{email}"}


@pytest.mark.parametrize("path", ADMIN_PAGES)
async def test_staff_are_refused_the_admin_pages(client: httpx.AsyncClient, runtime: Any, path: str) -> None:
    csrf = await _sign_in(client, await _person(runtime, Role.STAFF))
    assert (await client.get(path)).status_code == 403
    refused = await client.post(
        path, data={"csrf": csrf, "name": "x", "role": "admin", "url": "https://x.example"}
    )
    assert refused.status_code == 403 and "Only admins" in refused.text
    assert 'href="/console/admin/users"' not in (await client.get("/console")).text  # no Admin link either


async def test_an_admin_manages_people_tokens_and_subscribers(
    client: httpx.AsyncClient, runtime: Any
) -> None:
    admin = await _person(runtime, Role.ADMIN)
    csrf = await _sign_in(client, admin)
    for path in ADMIN_PAGES:
        assert (await client.get(path)).status_code == 200

    newcomer = f"new.{uuid.uuid4().hex[:8]}@clinic.example"
    person = {"csrf": csrf, "email": newcomer, "name": "New Person", "role": "staff"}
    weak = await client.post("/console/admin/users", data={**person, "password": "short"})
    assert weak.status_code == 422 and "at least 12 characters" in weak.text
    made = await client.post("/console/admin/users", data={**person, "password": PASSWORD})
    assert made.status_code == 303 and newcomer in (await client.get("/console/admin/users")).text
    self_disable = await client.post("/console/admin/users/disable", data={"csrf": csrf, "email": admin})
    assert self_disable.status_code == 409
    disabled = await client.post("/console/admin/users/disable", data={"csrf": csrf, "email": newcomer})
    assert disabled.status_code == 303

    created = await client.post(
        "/console/admin/tokens",
        data={"csrf": csrf, "name": "ehr-bridge", "role": "staff", "expires_days": "90"},
    )
    assert created.status_code == 200 and created.headers["cache-control"] == "no-store"
    found = re.search(r'id="new-secret">(prm_[^<]+)<', created.text)
    assert found is not None
    secret = found.group(1)
    api = {"Authorization": f"Bearer {secret}"}
    assert (await client.get("/api/v1/prm/tickets", headers=api)).status_code == 200
    assert secret not in (await client.get("/console/admin/tokens")).text  # shown once
    async with runtime.sessions() as session:
        token = await session.scalar(select(ApiToken).where(ApiToken.token_hash == auth.hash_token(secret)))
        assert token is not None and token.expires_at is not None
    revoked = await client.post(f"/console/admin/tokens/{token.id}/revoke", data={"csrf": csrf})
    assert revoked.status_code == 303
    assert (await client.get("/api/v1/prm/tickets", headers=api)).status_code == 401

    hook = {"csrf": csrf, "name": f"n8n {uuid.uuid4().hex[:6]}", "url": "https://n8n.clinic.example/hook"}
    bad = await client.post("/console/admin/subscribers", data={**hook, "topics": "no.such.topic"})
    assert bad.status_code == 422 and "unknown topic" in bad.text
    added = await client.post(
        "/console/admin/subscribers", data={**hook, "topics": "ticket.*, appointment.booked"}
    )
    assert added.status_code == 200 and 'id="new-secret">' in added.text
    async with runtime.sessions() as session:
        subscriber = await session.scalar(select(Subscriber).where(Subscriber.name == hook["name"]))
        assert subscriber is not None and subscriber.topics == ["ticket.*", "appointment.booked"]
    paused = await client.post(
        f"/console/admin/subscribers/{subscriber.id}/active", data={"csrf": csrf, "active": "false"}
    )
    assert paused.status_code == 303
    deleted = await client.post(f"/console/admin/subscribers/{subscriber.id}/delete", data={"csrf": csrf})
    assert deleted.status_code == 303
    async with runtime.sessions() as session:
        assert await session.get(Subscriber, subscriber.id) is None
        actions = set(
            await session.scalars(select(AuditEntry.action).where(AuditEntry.actor == f"user:{admin}"))
        )
    assert {"user.create", "user.disable", "token.create", "token.revoke", "subscriber.create"} <= actions


async def test_reloading_the_page_that_showed_a_new_secret_makes_nothing_new(
    client: httpx.AsyncClient, runtime: Any
) -> None:
    csrf = await _sign_in(client, await _person(runtime, Role.ADMIN))
    page = await client.get("/console/admin/tokens")
    found = re.search(r'name="once" value="([^"]+)"', page.text)
    assert found is not None
    name = f"reload-{uuid.uuid4().hex[:6]}"
    form = {"csrf": csrf, "once": found.group(1), "name": name, "role": "staff"}
    first = await client.post("/console/admin/tokens", data=form)
    assert 'id="new-secret">prm_' in first.text
    again = await client.post("/console/admin/tokens", data=form)  # what a browser reload sends
    assert again.status_code == 200 and "already sent" in again.text and 'id="new-secret"' not in again.text
    async with runtime.sessions() as session:
        made = list(await session.scalars(select(ApiToken).where(ApiToken.name == name)))
    assert len(made) == 1
