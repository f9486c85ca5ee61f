"""Posting outbox events to subscribers' webhooks, signed; free of the database.

The request is `POST <url>` with the JSON body `{"id", "topic", "occurred_at", "data"}` and:

- `X-PRM-Event-Id`: the event id. Delivery is **at-least-once** (a retry after a lost response,
  a worker crash after the post), so subscribers deduplicate on this header.
- `X-PRM-Event`: the topic, e.g. `appointment.booked`.
- `X-PRM-Timestamp`: unix seconds when this attempt was signed.
- `X-PRM-Signature`: `sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">` keyed with the
  subscriber's secret — the scheme the voice webhook uses inbound, so one verifier serves both.
  Subscribers should reject stale timestamps to stop replays.

Any 2xx is success. Anything else (another status, a redirect, a timeout, a refused connection)
raises `DeliveryFailed` with a short reason fit for the delivery row: no URL (it may embed a
token), no response body, nothing from the payload.
"""

from __future__ import annotations

import asyncio
import json
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import httpx

from channels.addresses import PrivateAddress, check_public, pinned
from channels.signing import sign

USER_AGENT = "prm-agent-relay/1"


class DeliveryFailed(Exception):
    """The subscriber did not accept the event; `reason` is short and safe to store and log."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def body_of(*, event_id: int, topic: str, payload: dict[str, Any], occurred_at: datetime) -> bytes:
    """The exact bytes that are signed and sent."""
    document = {"id": event_id, "topic": topic, "occurred_at": occurred_at.isoformat(), "data": payload}
    return json.dumps(document, separators=(",", ":"), sort_keys=True).encode()


async def post_event(
    *,
    http: httpx.AsyncClient,
    url: str,
    secret: str,
    event_id: int,
    topic: str,
    payload: dict[str, Any],
    occurred_at: datetime,
    now: int,
    allow_private: bool = False,
    bound_s: float = 15.0,
) -> None:
    """Post one event, signed at unix time `now`; returns on 2xx, else raises `DeliveryFailed`.

    Redirects are not followed: a subscriber that moved must be updated, not guessed at. The host
    must still resolve to public addresses only (channels/addresses.py), checked right before.
    """
    body = body_of(event_id=event_id, topic=topic, payload=payload, occurred_at=occurred_at)
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "X-PRM-Event-Id": str(event_id),
        "X-PRM-Event": topic,
        "X-PRM-Timestamp": str(now),
        "X-PRM-Signature": sign(secret=secret, timestamp=now, body=body),
    }
    try:
        async with asyncio.timeout(bound_s):  # the whole post, the address check included
            checked = await check_public(url, allow_private=allow_private, unresolved_ok=False)
            target, extensions = url, dict[str, str]()
            if checked and urlsplit(url).hostname != str(checked[0]):  # a name: post to what was checked
                target, host, extensions = pinned(url, checked[0])
                headers = {**headers, **host}
            response = await http.post(
                target, content=body, headers=headers, follow_redirects=False, extensions=extensions
            )
    except PrivateAddress:
        raise DeliveryFailed("refused: the host is not a public address") from None
    except (httpx.TimeoutException, TimeoutError) as error:
        raise DeliveryFailed("timeout") from error
    except httpx.HTTPError as error:
        raise DeliveryFailed(f"network error: {type(error).__name__}") from error
    except Exception as error:  # a URL the client cannot even use (a port out of range): still a failure
        raise DeliveryFailed(f"cannot post: {type(error).__name__}") from error
    if not response.is_success:
        raise DeliveryFailed(f"HTTP {response.status_code}")
