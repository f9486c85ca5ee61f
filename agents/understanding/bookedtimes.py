"""Asking when one's own appointment is: "what time is my appointment again?", "when am I booked
for?", "me recuerdas a q hora quedó mi cita?", "¿para cuándo quedó mi cita?", "a q hora me toca?".

Why a module of its own: the list of appointments answers these, and the words that ask them are
a time word and one's appointment, with a few verbs between ("quedó", "era", "me toca", "did I
book"); a fixed phrase for each ("a que hora es mi cita") missed the rest, and the "cita" in them
then read as a wish to book (held-out v7: right after booking, "me recuerdas a q hora quedo mi
cita?" was asked which specialty to book). The verbs are listed, never any word: "a qué hora
puedo pedir la cita?" asks for a time to book, not the time booked.
"""

from __future__ import annotations

import re

from agents.understanding.text import Text

_MINE = (
    r"(?:my|our)\s+(?:next\s+|upcoming\s+|new\s+|follow[\s-]?up\s+)?(?:appointment|appt|visit|booking)s?\b"
)
_MIA = r"(?:mi|la)\s+(?:proxima\s+|siguiente\s+|nueva\s+)?(?:cita|consulta|turno)\b"
_WHEN_EN = r"(?:what\s+(?:time|day|date|hour)|when|which\s+day)"
_WHEN_ES = r"(?:a\s+(?:que|q|k)\s+hora|(?:que|q|k)\s+(?:hora|dia|fecha)|para\s+cuando|cuando)"
_BOOKED = re.compile(
    # "what time is my appointment", "when's my appt", "what day was my appointment again"
    rf"\b{_WHEN_EN}(?:'s|\s+(?:is|was|s))?\s+{_MINE}"
    # "when am I booked for?", "what time am I scheduled", "when was I supposed to come in"
    rf"|\b{_WHEN_EN}\s+(?:am|was)\s+i\s+(?:booked|scheduled|seeing|supposed\s+to\s+(?:come|be))\b"
    # "what time did I book for?", "what day did you put me down for"
    rf"|\b{_WHEN_EN}\s+did\s+(?:i|we)\s+(?:book|schedule)\b|\b{_WHEN_EN}\s+did\s+(?:you|u|they)\s+(?:book|schedule|put)\s+me\b"
    r"|\bremind\s+me\s+(?:what\s+time|when|what\s+day)\s+(?:my|i'?m|i\s+am)\b"
    # "a q hora quedó mi cita", "para cuándo quedó mi cita", "qué día me toca la cita", "k hora es mi cita",
    # "cuándo es que tengo la cita"
    rf"|\b{_WHEN_ES}\s+(?:es|era|quedo|queda|quedaba|fue|sera|tengo|tenia|es\s+que\s+tengo|me\s+(?:toca|tocaba|dieron"
    rf"|pusieron|agendaron|queda|quedo))\s+{_MIA}"
    # with the appointment understood: "a q hora me toca?", "¿a qué hora quedamos?", "para cuándo quedé?"
    rf"|\b{_WHEN_ES}\s+(?:me\s+toca|me\s+tocaba|quedamos|quede)\s*(?:[?!.]|$)"
)


def asks_when_booked(text: Text) -> bool:
    """Whether the message asks when the writer's own appointment is (see the module docstring)."""
    return bool(_BOOKED.search(text.corrected))
