"""WhatsApp's 24-hour customer-service window, and what may be sent inside and outside it.

WhatsApp lets a business send free text only within 24 hours of the patient's last message;
outside that window only a template the clinic had approved (a Twilio Content SID) is delivered —
anything else is refused by WhatsApp (Twilio error 63016) after it has been accepted, so the choice
is made before sending. Templates are configured per kind of message (`reply`, `reminder`,
`followup`, `notification`, …); the text travels in the template's variables.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

WINDOW = timedelta(hours=24)
# WhatsApp refuses template variables with new lines, tabs or more than four spaces in a row,
# and longer than 1024 characters
VARIABLE_MAX = 1024
_SPACES = re.compile(r"\s+")


class NoTemplate(LookupError):
    """Outside the window, and no approved template is configured for this kind of message."""

    def __init__(self, kind: str) -> None:
        super().__init__(f"no WhatsApp template configured for {kind!r} messages")
        self.kind = kind


def in_session_window(last_inbound_at: datetime | None, now: datetime) -> bool:
    """Whether free text may be sent: the patient wrote less than 24 hours before `now`.

    Both times must be time zone aware (the database's are); a patient who never wrote is outside.
    """
    if last_inbound_at is None:
        return False
    if last_inbound_at.tzinfo is None or now.tzinfo is None:
        raise ValueError("in_session_window needs time zone aware datetimes")
    return now - last_inbound_at < WINDOW


@dataclass(frozen=True)
class TemplateChoice:
    """What to send: `body` inside the window, or `content_sid` with its variables outside it.

    The fields are `TwilioSender.send`'s keyword arguments of the same names.
    """

    body: str | None = None
    content_sid: str | None = None
    content_variables: dict[str, str] | None = None

    @classmethod
    def choose(
        cls,
        *,
        kind: str,
        body: str,
        templates: Mapping[str, str],
        in_window: bool,
        variables: Mapping[str, str] | None = None,
    ) -> TemplateChoice:
        """Free text in the window; otherwise `templates[kind]` or `NoTemplate(kind)`.

        Without `variables`, the template gets the text as its variable `1`, flattened to one line
        and cut to WhatsApp's limit for a variable.
        """
        if in_window:
            return cls(body=body)
        content_sid = templates.get(kind)
        if not content_sid:
            raise NoTemplate(kind)
        chosen = dict(variables) if variables is not None else {"1": template_variable(body)}
        return cls(content_sid=content_sid, content_variables=chosen)


def template_variable(text: str) -> str:
    """`text` as WhatsApp accepts a template variable: one line, single spaces, ≤ 1024 characters."""
    flat = _SPACES.sub(" ", text).strip()
    return flat if len(flat) <= VARIABLE_MAX else flat[: VARIABLE_MAX - 1].rstrip() + "…"
