"""The voice platform's hand-off webhook: verify who sent it, then read what it says. No database.

The platform is not ours, so both checks are strict where it matters and tolerant where it does
not. The signature is `X-PRM-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`
keyed with `PRM_VOICE_WEBHOOK_SECRET`, over the exact bytes received, with `X-PRM-Timestamp` (unix
seconds) inside a 300 s window either way so that a captured request cannot be replayed later.
With no secret configured every request is refused: an open door would let anyone book or cancel
in a patient's name. The payload's known fields are validated (the phone, above all, because it
decides whose conversation the call joins); keys the platform adds later are ignored, not refused.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import AnyHttpUrl, BaseModel, ConfigDict, Field, ValidationError, field_validator

from channels.signing import matches
from store.phones import e164

WINDOW_S = 300
_SIGNATURE = re.compile(r"^sha256=([0-9a-fA-F]{64})$")
_TIMESTAMP = re.compile(r"^\d{1,12}$")


class VoiceAuthError(Exception):
    """The request is not from the voice platform, or is too old or too new to trust (HTTP 401).

    `reason` says which check failed; it never contains the secret, the signature or the body.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def verify_voice_request(
    *,
    secret: str | None,
    timestamp: str | None,
    signature: str | None,
    body: bytes,
    now: float,
    window_s: int = WINDOW_S,
) -> None:
    """Return quietly when the request is authentic and fresh; raise `VoiceAuthError` otherwise.

    The signature is checked before the clock so that an attacker learns nothing about the window
    from a forged request, and compared in constant time.
    """
    if not secret:
        raise VoiceAuthError("the voice webhook is not configured (no PRM_VOICE_WEBHOOK_SECRET)")
    if not timestamp:
        raise VoiceAuthError("missing X-PRM-Timestamp header")
    if not _TIMESTAMP.match(timestamp.strip()):
        raise VoiceAuthError("X-PRM-Timestamp must be unix seconds")
    if not signature:
        raise VoiceAuthError("missing X-PRM-Signature header")
    match = _SIGNATURE.match(signature.strip())
    if match is None:
        raise VoiceAuthError("X-PRM-Signature must be sha256=<64 hex digits>")
    if not matches(secret=secret, timestamp=timestamp.strip(), body=body, hex_digest=match.group(1)):
        raise VoiceAuthError("signature does not match")
    if abs(now - int(timestamp.strip())) > window_s:
        raise VoiceAuthError(f"timestamp is more than {window_s} s away from the server's clock")


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(v) for v in value)
    return False


class VoicePayload(BaseModel):
    """One finished call, as the voice platform posts it.

    `extracted_data` is what the platform's own model understood (intent, specialty, date …); it
    is passed on as it came, and the conversation graph validates each field it uses.
    """

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    call_id: str = Field(min_length=1, max_length=128)
    patient_phone: str = Field(min_length=1, max_length=40)
    recording_url: AnyHttpUrl | None = None
    transcript: str = Field(max_length=50_000)
    extracted_data: dict[str, Any] = Field(default_factory=dict)
    duration_seconds: float = Field(ge=0, allow_inf_nan=False)

    @field_validator("patient_phone")
    @classmethod
    def _phone(cls, value: str) -> str:
        return e164(value)

    @field_validator("extracted_data", mode="before")
    @classmethod
    def _no_null_data(cls, value: Any) -> Any:
        return {} if value is None else value

    @field_validator("call_id", "transcript", "extracted_data")
    @classmethod
    def _no_nul(cls, value: Any) -> Any:
        """NUL characters cannot be stored (Postgres text and JSON refuse them): a 422, not a 500 that
        the platform would retry for ever."""
        if _has_nul(value):
            raise ValueError("must not contain NUL characters")
        return value

    @field_validator("duration_seconds", mode="before")
    @classmethod
    def _a_number(cls, value: Any) -> Any:
        if isinstance(value, bool):  # JSON true is not a duration
            raise ValueError("must be a number of seconds")
        return value


def validation_problems(error: ValidationError) -> list[dict[str, str]]:
    """pydantic's errors as `{"field", "message"}` pairs for a 422 (`patient_phone: is not a phone number`).

    The offending input is left out: it may be a patient's phone number or words.
    """
    problems: list[dict[str, str]] = []
    for item in error.errors(include_url=False, include_input=False):
        field = ".".join(str(part) for part in item["loc"]) or "body"
        message = str(item["msg"]).removeprefix("Value error, ")
        problems.append({"field": field, "message": message})
    return problems
