"""Signing and posting one event to a real local webhook receiver: body, headers, signature, failures."""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import pytest

from channels.relay import DeliveryFailed, post_event
from channels.signing import sign
from tests.fakes.webhook_receiver import WebhookReceiver

SECRET = "whsec-0123456789abcdef"
OCCURRED = datetime(2031, 3, 4, 9, 30, 15, 123456, tzinfo=UTC)
NOW = 1_930_000_000


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    with WebhookReceiver() as server:
        yield server


async def post(url: str, *, client_timeout: float = 5.0, allow_private: bool = True) -> None:
    """Post to a local receiver (on 127.0.0.1: a private address, allowed here)."""
    async with httpx.AsyncClient(timeout=client_timeout) as http:
        await post_event(
            http=http,
            url=url,
            secret=SECRET,
            event_id=42,
            topic="appointment.booked",
            payload={"appointment_id": "a-1", "patient_id": "p-1"},
            occurred_at=OCCURRED,
            now=NOW,
            allow_private=allow_private,
        )


def test_signature_is_hmac_sha256_of_timestamp_dot_body() -> None:
    body = b'{"id":1}'
    expected = hmac.new(b"key", b"1700000000." + body, hashlib.sha256).hexdigest()
    assert sign(secret="key", timestamp=1_700_000_000, body=body) == f"sha256={expected}"
    assert sign(secret="key", timestamp=1_700_000_001, body=body) != f"sha256={expected}"
    assert sign(secret="other", timestamp=1_700_000_000, body=body) != f"sha256={expected}"


async def test_posts_the_event_signed_with_its_headers(receiver: WebhookReceiver) -> None:
    await post(receiver.url)
    (request,) = receiver.received
    assert json.loads(request.body) == {
        "id": 42,
        "topic": "appointment.booked",
        "occurred_at": "2031-03-04T09:30:15.123456+00:00",
        "data": {"appointment_id": "a-1", "patient_id": "p-1"},
    }
    headers = request.headers
    assert (headers["x-prm-event-id"], headers["x-prm-event"], headers["x-prm-timestamp"]) == (
        "42",
        "appointment.booked",
        str(NOW),
    )
    assert headers["content-type"] == "application/json"
    assert headers["x-prm-signature"] == sign(secret=SECRET, timestamp=NOW, body=request.body)


@pytest.mark.parametrize("status", [500, 404, 429, 301])
async def test_anything_but_2xx_is_a_failure_naming_the_status(
    receiver: WebhookReceiver, status: int
) -> None:
    receiver.script(status)
    with pytest.raises(DeliveryFailed) as caught:
        await post(receiver.url)
    assert caught.value.reason == f"HTTP {status}"


async def test_any_2xx_is_success(receiver: WebhookReceiver) -> None:
    receiver.script(202, 204)
    await post(receiver.url)
    await post(receiver.url)
    assert [r.status for r in receiver.received] == [202, 204]


async def test_a_timeout_is_a_failure() -> None:
    with WebhookReceiver(delay_s=5) as slow, pytest.raises(DeliveryFailed) as caught:
        await post(slow.url, client_timeout=0.2)
    assert caught.value.reason == "timeout"


async def test_a_refused_connection_is_a_failure_without_the_url() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/hook?token=secret-in-url"
    with pytest.raises(DeliveryFailed) as caught:
        await post(url)
    assert caught.value.reason == "network error: ConnectError"
    assert "secret-in-url" not in caught.value.reason


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/hook",
        "http://169.254.169.254/latest/meta-data/",  # the cloud metadata service
        "http://10.1.2.3/hook",
        "http://[::1]/hook",
        "http://localhost:9/hook",
    ],
)
async def test_private_addresses_are_refused_before_anything_is_sent(url: str) -> None:
    with pytest.raises(DeliveryFailed) as failed:
        await post(url, allow_private=False)
    assert failed.value.reason == "refused: the host is not a public address"


async def test_a_host_that_does_not_resolve_at_post_time_is_refused_not_tried() -> None:
    """A name that fails the check's lookup and answers the post's is how DNS rebinding starts."""
    with pytest.raises(DeliveryFailed) as failed:
        await post("http://no-such-host.invalid/hook", allow_private=False)
    assert failed.value.reason == "refused: the host is not a public address"


async def test_a_url_the_client_cannot_use_is_a_delivery_failure_not_a_crash() -> None:
    with pytest.raises(DeliveryFailed, match=r"cannot post|network error|refused"):
        await post("http://1.2.3.4:99999/hook", allow_private=True)


async def test_the_post_goes_to_the_address_that_was_checked_not_to_a_second_lookup(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """DNS rebinding: the attacker's name answers a public address to the check and the metadata
    service to the connect. Posting to the checked address (Host and TLS name kept) closes it."""
    import asyncio
    import socket as sockets

    lookups: list[str] = []

    async def rebinding(self: object, host: str, port: int, **_: object) -> list[tuple[object, ...]]:
        lookups.append(host)
        answer = "93.184.216.34" if len(lookups) == 1 else "169.254.169.254"
        return [(sockets.AF_INET, sockets.SOCK_STREAM, 6, "", (answer, port))]

    monkeypatch.setattr(asyncio.BaseEventLoop, "getaddrinfo", rebinding)
    seen: list[httpx.Request] = []

    def subscriber(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    async with httpx.AsyncClient(transport=httpx.MockTransport(subscriber)) as http:
        await post_event(
            http=http,
            url="https://hooks.rebind.example:8443/prm?x=1",
            secret=SECRET,
            event_id=7,
            topic="ticket.opened",
            payload={"ticket_id": "t-1"},
            occurred_at=OCCURRED,
            now=NOW,
        )
    [request] = seen
    assert lookups == ["hooks.rebind.example"]  # one lookup, the checked one
    assert (request.url.host, request.url.port, request.url.path) == ("93.184.216.34", 8443, "/prm")
    assert request.headers["host"] == "hooks.rebind.example:8443"
    assert request.extensions["sni_hostname"] == "hooks.rebind.example"
