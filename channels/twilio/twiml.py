"""The reply as TwiML in the webhook's response, built with twilio's `MessagingResponse`.

Each part is one `<Message>`, sent in order; no parts is an empty `<Response/>`, which Twilio
takes as "nothing to say now" (the reply, if any, then goes through the REST API). Characters that
XML 1.0 cannot carry at all (control characters, lone surrogates — a model can produce them) are
removed, because `MessagingResponse` writes them as they are and Twilio would reject the whole
document (error 12100), losing every part; blank parts are left out for the same reason.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from twilio.twiml.messaging_response import MessagingResponse

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def render_messages(parts: Sequence[str]) -> str:
    """`<?xml …?><Response><Message>part</Message>…</Response>`."""
    response = MessagingResponse()
    for part in parts:
        text = _NOT_XML.sub("", part)
        if text.strip():
            response.message(text)
    return str(response)
