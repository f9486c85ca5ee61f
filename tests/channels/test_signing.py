"""The one signing rule (channels/signing.py): what the relay signs, the voice webhook accepts."""

from __future__ import annotations

import hashlib
import hmac

from channels.signing import matches, sign


def test_a_signature_is_the_hmac_of_timestamp_dot_body_and_verifies_only_for_the_same_inputs() -> None:
    body = b'{"call_id":"c-1"}'
    digest = hmac.new(b"key", b"1700000000." + body, hashlib.sha256).hexdigest()
    assert sign(secret="key", timestamp=1_700_000_000, body=body) == f"sha256={digest}"
    assert sign(secret="key", timestamp="1700000000", body=body) == f"sha256={digest}"
    assert matches(secret="key", timestamp="1700000000", body=body, hex_digest=digest.upper())
    for changed in (
        {"secret": "other", "timestamp": "1700000000", "body": body},
        {"secret": "key", "timestamp": "1700000001", "body": body},
        {"secret": "key", "timestamp": "1700000000", "body": body + b" "},
    ):
        assert not matches(**changed, hex_digest=digest)  # type: ignore[arg-type]
