"""Admin API for webhook subscribers: auth (401/403), validation naming the field, the secret shown
once, updates, deletion, and dead deliveries listed and retried.

Subscribers made here are deleted after each test, so no later relay pass on the shared database
would try to reach them.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from sqlalchemy import delete, update

from store.database import transaction
from store.outbox import service as outbox
from store.outbox.models import Delivery, DeliveryStatus, OutboxEvent, Subscriber

BASE = "/api/v1/prm/subscribers"
HOOK = "https://n8n.example.com/webhook/prm"


@pytest.fixture(autouse=True)
async def forget_subscribers(runtime: Any) -> AsyncIterator[None]:
    yield
    async with transaction(runtime.sessions) as session:
        await session.execute(delete(Subscriber).where(Subscriber.url.startswith("https://n8n.example.com/")))


async def create(client: httpx.AsyncClient, headers: dict[str, str], **body: Any) -> dict[str, Any]:
    response = await client.post(
        BASE, json={"name": "n8n", "url": HOOK, "topics": ["*"]} | body, headers=headers
    )
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def dead_delivery(runtime: Any, subscriber_id: str, topic: str = "ticket.opened") -> int:
    """An event the relay gave up on, made directly (a relay pass here would take other tests' events)."""
    async with transaction(runtime.sessions) as session:
        event = await outbox.emit(session, topic=topic, payload={"ticket_id": str(uuid.uuid4())})
        await session.execute(
            update(OutboxEvent).where(OutboxEvent.id == event.id).values(relayed_at=runtime.clock())
        )
        delivery = Delivery(
            event_id=event.id,
            subscriber_id=uuid.UUID(subscriber_id),
            status=DeliveryStatus.DEAD,
            attempts=8,
            next_attempt_at=runtime.clock(),
            last_error="HTTP 500",
        )
        session.add(delivery)
        await session.flush()
        return delivery.id


async def test_needs_a_token_and_the_admin_role(
    client: httpx.AsyncClient, staff_headers: dict[str, str]
) -> None:
    assert (await client.get(BASE)).status_code == 401
    assert (await client.post(BASE, json={})).status_code == 401
    assert (await client.get(BASE, headers={"Authorization": "Bearer nope"})).status_code == 401
    refused = await client.post(BASE, json={"name": "x", "url": HOOK, "topics": ["*"]}, headers=staff_headers)
    assert refused.status_code == 403
    assert "admin" in refused.json()["message"]
    assert (await client.get(BASE, headers=staff_headers)).status_code == 403
    assert (await client.get(f"{BASE}/{uuid.uuid4()}/deliveries", headers=staff_headers)).status_code == 403


async def test_the_secret_is_shown_once_on_creation(
    client: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    created = await create(client, admin_headers, topics=["appointment.*", "ticket.opened"])
    assert len(created["secret"]) >= 32
    assert (created["name"], created["url"], created["topics"], created["active"]) == (
        "n8n",
        HOOK,
        ["appointment.*", "ticket.opened"],
        True,
    )
    given = await create(client, admin_headers, name="given", secret="my-own-secret-0123456789")
    assert given["secret"] == "my-own-secret-0123456789"

    shown = await client.get(f"{BASE}/{created['id']}", headers=admin_headers)
    assert shown.status_code == 200 and "secret" not in shown.json()
    listed = (await client.get(BASE, headers=admin_headers)).json()
    assert {created["id"], given["id"]} <= {s["id"] for s in listed}
    assert all("secret" not in s for s in listed)
    patched = await client.patch(
        f"{BASE}/{created['id']}", json={"secret": "rotated-secret-0123456789"}, headers=admin_headers
    )
    assert patched.status_code == 200 and "secret" not in patched.json()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"url": "ftp://example.com/hook"}, "url"),
        ({"url": "not a url"}, "url"),
        ({"url": "http://127.0.0.1:8000/hook"}, "url"),  # the app's own network: refused
        ({"url": "http://169.254.169.254/latest/meta-data/"}, "url"),
        ({"url": "http://192.168.1.10/hook"}, "url"),
        ({"url": "http://localhost/hook"}, "url"),
        (
            {"url": "http://hooks.example.com:99999/"},
            "url",
        ),  # a port urlsplit only checks when asked (was a 500)
        ({"topics": ["appointment.created"]}, "topics"),
        ({"topics": ["billing.*"]}, "topics"),
        ({"topics": []}, "topics"),
        ({"name": ""}, "name"),
        ({"secret": "short"}, "secret"),
        ({"colour": "red"}, "colour"),
    ],
)
async def test_bad_fields_are_422_naming_the_field(
    client: httpx.AsyncClient, admin_headers: dict[str, str], body: dict[str, Any], field: str
) -> None:
    response = await client.post(
        BASE, json={"name": "n8n", "url": HOOK, "topics": ["*"]} | body, headers=admin_headers
    )
    assert response.status_code == 422, response.text
    error = response.json()
    fields = {error.get("field")} | {p["field"] for p in error.get("problems", [])}
    assert field in fields, error


async def test_a_missing_field_is_named(client: httpx.AsyncClient, admin_headers: dict[str, str]) -> None:
    response = await client.post(BASE, json={"url": HOOK, "topics": ["*"]}, headers=admin_headers)
    assert response.status_code == 422
    assert [p["field"] for p in response.json()["problems"]] == ["name"]


async def test_update_and_delete(client: httpx.AsyncClient, admin_headers: dict[str, str]) -> None:
    created = await create(client, admin_headers)
    url = f"{BASE}/{created['id']}"
    patched = await client.patch(url, json={"topics": ["ticket.*"], "active": False}, headers=admin_headers)
    assert patched.status_code == 200
    assert (patched.json()["topics"], patched.json()["active"], patched.json()["url"]) == (
        ["ticket.*"],
        False,
        HOOK,
    )
    assert (await client.get(BASE, params={"active": "false"}, headers=admin_headers)).json()[0][
        "id"
    ] == created["id"]

    bad = await client.patch(url, json={"url": "javascript:alert(1)"}, headers=admin_headers)
    assert (bad.status_code, bad.json()["field"]) == (422, "url")
    missing = await client.patch(f"{BASE}/{uuid.uuid4()}", json={"name": "x"}, headers=admin_headers)
    assert missing.status_code == 404

    assert (await client.delete(url, headers=admin_headers)).status_code == 204
    assert (await client.get(url, headers=admin_headers)).status_code == 404
    assert (await client.delete(url, headers=admin_headers)).status_code == 404


async def test_dead_deliveries_are_listed_and_retried(
    client: httpx.AsyncClient, admin_headers: dict[str, str], runtime: Any
) -> None:
    created = await create(client, admin_headers)
    first = await dead_delivery(runtime, created["id"])
    second = await dead_delivery(runtime, created["id"], topic="appointment.booked")
    deliveries_url = f"{BASE}/{created['id']}/deliveries"

    dead = await client.get(deliveries_url, params={"status": "dead"}, headers=admin_headers)
    assert dead.status_code == 200
    body = dead.json()
    assert body["total"] == 2
    assert [(d["id"], d["topic"], d["last_error"]) for d in body["items"]] == [
        (second, "appointment.booked", "HTTP 500"),
        (first, "ticket.opened", "HTTP 500"),
    ]

    retried = await client.post(f"{deliveries_url}/{first}/retry", headers=admin_headers)
    assert retried.status_code == 200, retried.text
    assert (retried.json()["status"], retried.json()["attempts"]) == ("pending", 0)
    again = await client.post(f"{deliveries_url}/{first}/retry", headers=admin_headers)
    assert (again.status_code, again.json()["error"], again.json()["current"]) == (
        409,
        "invalid_transition",
        "pending",
    )
    assert (await client.post(f"{deliveries_url}/999999999/retry", headers=admin_headers)).status_code == 404

    everything = await client.post(f"{deliveries_url}/retry", headers=admin_headers)
    assert [d["id"] for d in everything.json()["retried"]] == [second]
    pending = await client.get(deliveries_url, params={"status": "pending"}, headers=admin_headers)
    assert pending.json()["total"] == 2
    assert (
        await client.get(deliveries_url, params={"status": "lost"}, headers=admin_headers)
    ).status_code == 422
    assert (await client.get(f"{BASE}/{uuid.uuid4()}/deliveries", headers=admin_headers)).status_code == 404


async def test_a_subscriber_cannot_be_moved_to_a_private_address(
    client: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    created = await client.post(
        BASE,
        json={"name": f"n8n {uuid.uuid4().hex[:6]}", "url": HOOK, "topics": ["*"]},
        headers=admin_headers,
    )
    assert created.status_code == 201
    moved = await client.patch(
        f"{BASE}/{created.json()['id']}", json={"url": "http://10.0.0.5/hook"}, headers=admin_headers
    )
    assert moved.status_code == 422 and "public" in moved.json()["message"]
