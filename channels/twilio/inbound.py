"""Twilio's webhook forms, parsed: an inbound WhatsApp message, and a delivery status callback.

Parsing happens after the signature check, so a form that fails here is a bug or a change on
Twilio's side rather than an attack; it still gets a clear answer (HTTP 422 naming the parameter),
never a 500. Parameters we do not read are ignored (Twilio adds new ones), but a parameter we do
read must appear once: two `From`s would leave it to chance whose conversation the message joins.

The sender's number decides whose conversation and records a message reaches, so it is
normalised to E.164 with `phonenumbers` — "possible" for its country rather than "valid", because
test and demo numbers (the fictional 555 exchange) are unassigned.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from store.phones import e164

MAX_MEDIA = 10  # Twilio's own limit per message
_SID = re.compile(r"^[A-Za-z]{2}[0-9A-Za-z]{1,62}$")
_ERROR_CODE = re.compile(r"^\d{1,16}$")
_MEDIA_KEY = re.compile(r"^Media(?:Url|ContentType)(\d+)$")


class InvalidTwilioPayload(ValueError):
    """The form is not what Twilio sends; `field` names the parameter (for a 422)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True)
class InboundWhatsApp:
    """One inbound WhatsApp message. `phone` is the sender in E.164, without `whatsapp:`."""

    message_sid: str
    phone: str
    to: str  # our number, as Twilio sent it (`whatsapp:+E164`)
    body: str
    profile_name: str | None
    wa_id: str | None
    media: tuple[tuple[str, str], ...]  # (url, content type), in Twilio's order
    num_media: int


@dataclass(frozen=True)
class InboundStatus:
    """One delivery status callback for a message we sent."""

    message_sid: str
    message_status: str  # lower case, as Twilio names it; see `status.to_delivery_status`
    error_code: str | None


class _Form:
    """The form's values by name; a name we read must appear once, others may repeat."""

    def __init__(self, params: Sequence[tuple[str, str]]) -> None:
        self._values: dict[str, list[str]] = {}
        for name, value in params:
            self._values.setdefault(name, []).append(value)

    def names(self) -> list[str]:
        return list(self._values)

    def get(self, name: str) -> str:
        values = self._values.get(name, [])
        if len(values) > 1:
            raise InvalidTwilioPayload(name, "appears more than once")
        return values[0] if values else ""

    def required(self, name: str) -> str:
        value = self.get(name).strip()
        if not value:
            raise InvalidTwilioPayload(name, "is required")
        return value


def _sid(form: _Form, name: str) -> str:
    sid = form.required(name)
    if not _SID.match(sid):
        raise InvalidTwilioPayload(name, "is not a Twilio SID")
    return sid


def _e164(address: str) -> str:
    """`whatsapp:+15550100001` or `+15550100001` → `+15550100001`; InvalidTwilioPayload otherwise.

    Twilio always sends the country code, so no default region is assumed.
    """
    try:
        return e164(address, default_region=None)
    except ValueError as error:
        raise InvalidTwilioPayload("From", str(error)) from None


def _media(form: _Form) -> tuple[int, tuple[tuple[str, str], ...]]:
    raw = form.get("NumMedia").strip() or "0"
    if not (raw.isascii() and raw.isdigit()) or int(raw) > MAX_MEDIA:
        raise InvalidTwilioPayload("NumMedia", f"must be a whole number from 0 to {MAX_MEDIA}")
    count = int(raw)
    indices = {int(match.group(1)) for name in form.names() if (match := _MEDIA_KEY.match(name))}
    extra = sorted(index for index in indices if index >= count)
    if extra:
        raise InvalidTwilioPayload("NumMedia", f"is {count} but media number {extra[0]} was sent")
    media = []
    for index in range(count):
        url = form.required(f"MediaUrl{index}")
        parts = urlsplit(url)
        if parts.scheme not in {"https", "http"} or not parts.netloc:
            raise InvalidTwilioPayload(f"MediaUrl{index}", "is not an http(s) URL")
        media.append((url, form.required(f"MediaContentType{index}").lower()))
    return count, tuple(media)


def parse_whatsapp(params: Sequence[tuple[str, str]]) -> InboundWhatsApp:
    """The inbound message in a webhook's form parameters (all of them, as received)."""
    form = _Form(params)
    message_sid = _sid(form, "MessageSid")
    phone = _e164(form.required("From"))
    num_media, media = _media(form)
    return InboundWhatsApp(
        message_sid=message_sid,
        phone=phone,
        to=form.get("To").strip(),
        body=form.get("Body"),
        profile_name=form.get("ProfileName").strip() or None,
        wa_id=form.get("WaId").strip() or None,
        media=media,
        num_media=num_media,
    )


def parse_status(params: Sequence[tuple[str, str]]) -> InboundStatus:
    """The delivery status callback in a webhook's form parameters."""
    form = _Form(params)
    message_sid = _sid(form, "MessageSid")
    message_status = form.required("MessageStatus").lower()
    error_code = form.get("ErrorCode").strip() or None
    if error_code is not None and not _ERROR_CODE.match(error_code):
        raise InvalidTwilioPayload("ErrorCode", "is not a Twilio error code")
    return InboundStatus(message_sid=message_sid, message_status=message_status, error_code=error_code)
