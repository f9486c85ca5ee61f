"""The voice webhook's signature check and payload, without a server: pure functions over bytes."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

import pytest
from pydantic import ValidationError

from channels.voice import VoiceAuthError, VoicePayload, validation_problems, verify_voice_request

SECRET = "voice-secret-for-tests"
NOW = 1_795_000_000.0
BODY = json.dumps({"call_id": "call-1", "patient_phone": "+15550100001"}).encode()


def signed(body: bytes, timestamp: int | str, secret: str = SECRET) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def verify(**overrides: Any) -> None:
    timestamp = str(int(NOW))
    arguments: dict[str, Any] = {
        "secret": SECRET,
        "timestamp": timestamp,
        "signature": signed(BODY, timestamp),
        "body": BODY,
        "now": NOW,
    }
    verify_voice_request(**{**arguments, **overrides})


def test_a_correctly_signed_fresh_request_passes() -> None:
    verify()
    verify(signature=signed(BODY, int(NOW)).upper().replace("SHA256=", "sha256="))  # hex case is free


@pytest.mark.parametrize("secret", [None, ""])
def test_without_a_configured_secret_everything_is_refused(secret: str | None) -> None:
    with pytest.raises(VoiceAuthError, match="not configured"):
        verify(secret=secret)


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"timestamp": None}, "missing X-PRM-Timestamp"),
        ({"timestamp": "yesterday"}, "unix seconds"),
        ({"timestamp": "1795000000.5"}, "unix seconds"),
        ({"signature": None}, "missing X-PRM-Signature"),
        ({"signature": "deadbeef"}, "sha256=<64 hex digits>"),
        ({"signature": "sha1=" + "0" * 64}, "sha256=<64 hex digits>"),
        ({"signature": signed(BODY, int(NOW), secret="another-secret")}, "does not match"),
        ({"body": BODY + b" "}, "does not match"),  # the raw bytes, not the parsed JSON
        ({"signature": signed(BODY, int(NOW) + 1)}, "does not match"),  # the timestamp is signed
    ],
)
def test_missing_malformed_or_wrong_signatures_are_refused(overrides: dict[str, Any], reason: str) -> None:
    with pytest.raises(VoiceAuthError, match=reason):
        verify(**overrides)


@pytest.mark.parametrize("offset", [-301, 301, -86_400])
def test_outside_the_window_either_way_is_refused(offset: int) -> None:
    timestamp = str(int(NOW) + offset)
    with pytest.raises(VoiceAuthError, match="300 s"):
        verify(timestamp=timestamp, signature=signed(BODY, timestamp))


@pytest.mark.parametrize("offset", [-300, 0, 300])
def test_the_window_edges_are_inside(offset: int) -> None:
    timestamp = str(int(NOW) + offset)
    verify(timestamp=timestamp, signature=signed(BODY, timestamp))


def test_the_reason_never_contains_the_secret_or_the_signature() -> None:
    wrong = signed(BODY, int(NOW), secret="x")
    with pytest.raises(VoiceAuthError) as caught:
        verify(signature=wrong)
    assert SECRET not in str(caught.value) and wrong not in str(caught.value)


CALL: dict[str, Any] = {
    "call_id": "c-123",
    "patient_phone": "+1 (555) 010-0001",
    "recording_url": "https://voice.example/recordings/rec-1.mp3",
    "transcript": "Caller: I'd like to see a cardiologist.",
    "extracted_data": {"intent": "book_appointment", "specialty": "cardiology"},
    "duration_seconds": 48,
}


def test_a_payload_is_read_with_the_phone_in_e164() -> None:
    call = VoicePayload.model_validate(CALL)
    assert call.patient_phone == "+15550100001" and call.duration_seconds == 48.0
    assert str(call.recording_url) == CALL["recording_url"]
    assert call.extracted_data == {"intent": "book_appointment", "specialty": "cardiology"}


def test_optional_fields_and_unknown_extra_keys() -> None:
    minimal = {"call_id": "c", "patient_phone": "+34 612 345 678", "transcript": "", "duration_seconds": 0}
    call = VoicePayload.model_validate({**minimal, "agent_version": "7.1", "sentiment": {"score": 0.2}})
    assert call.patient_phone == "+34612345678" and call.recording_url is None and call.extracted_data == {}
    assert VoicePayload.model_validate({**minimal, "extracted_data": None}).extracted_data == {}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"call_id": ""}, "call_id"),
        ({"call_id": "   "}, "call_id"),
        ({"patient_phone": "not a phone"}, "patient_phone"),
        ({"patient_phone": "+1555"}, "patient_phone"),
        ({"recording_url": "ftp://example/rec.mp3"}, "recording_url"),
        ({"recording_url": "not a url"}, "recording_url"),
        ({"transcript": None}, "transcript"),
        ({"extracted_data": ["intent", "book"]}, "extracted_data"),
        ({"duration_seconds": -1}, "duration_seconds"),
        ({"duration_seconds": True}, "duration_seconds"),
        ({"duration_seconds": "long"}, "duration_seconds"),
    ],
)
def test_bad_fields_are_named_in_the_problems(change: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        VoicePayload.model_validate({**CALL, **change})
    problems = validation_problems(caught.value)
    assert [p["field"] for p in problems] == [field] and problems[0]["message"]


def test_missing_fields_are_all_listed_without_echoing_input() -> None:
    with pytest.raises(ValidationError) as caught:
        VoicePayload.model_validate({"patient_phone": "+1 555 0100 001 999 999"})
    problems = validation_problems(caught.value)
    assert {p["field"] for p in problems} == {"call_id", "patient_phone", "transcript", "duration_seconds"}
    assert all("999" not in p["message"] for p in problems)
    assert next(p for p in problems if p["field"] == "patient_phone")["message"] == (
        "has the wrong number of digits for its country"
    )
