"""The one signing rule of the app's own webhooks, both ways: `sha256=<hex HMAC-SHA256 of
"<timestamp>.<raw body>">` with a shared secret.

The event relay signs what it posts to subscribers; the voice webhook verifies what the voice
platform posts (and the eval runner signs its calls exactly as that platform does). One copy, so the
three can never drift apart.
"""

from __future__ import annotations

import hashlib
import hmac


def sign(*, secret: str, timestamp: int | str, body: bytes) -> str:
    """The `X-PRM-Signature` header's value for `body` sent at `timestamp` (unix seconds)."""
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def matches(*, secret: str, timestamp: int | str, body: bytes, hex_digest: str) -> bool:
    """Whether `hex_digest` (the part after `sha256=`) signs `body` at `timestamp`, in constant time."""
    expected = sign(secret=secret, timestamp=timestamp, body=body).removeprefix("sha256=")
    return hmac.compare_digest(expected, hex_digest.lower())
