"""When a cancel or move word does not ask to cancel or move: a time the patient cannot make beside
a request for another, a cancellation told in the past, a question about the cancellation policy;
and when a day given "instead" moves an appointment already booked.

These guards keep `intents.strong_intent` from cancelling what the patient only mentioned.
"""

from __future__ import annotations

import re

from agents.understanding.intentwords import PATTERNS, VOCABULARY
from agents.understanding.pastcancellations import without_past_cancellations
from agents.understanding.text import Text, analyse
from agents.understanding.topics import asks_about_policy, policy_start
from agents.understanding.types import Intent
from agents.understanding.unavailable import without_unavailable

# "I need to cancel — is there a fee?" asks for the change, whatever else it asks.
_WANTS_CHANGE = re.compile(
    r"\b(?:i\s+(?:need|want|would\s+like|have|got)\s+to|i'd\s+like\s+to|i\s+must|i'?ll\s+have\s+to|please|pls"
    r"|necesito|quiero|tengo\s+que|quisiera|por\s+favor|voy\s+a)\s+(?:\w+\s+){0,2}?"
    r"(?:cancel|reschedule|move|change|postpone|cancelar|cambiar|mover|reprogramar|anular)"
)
_HAS_BOOKED = re.compile(
    r"\b(?:i\s+(?:booked|have\s+(?:an?\s+)?(?:appointment|appt|booking)|am\s+booked|was\s+booked)|my\s+(?:appointment|appt"
    r"|booking|visit)\s+(?:is|on|for)|tengo\s+(?:una\s+)?cita|mi\s+cita\s+(?:es|del?|para)|me\s+dieron\s+cita)\b"
)
_EXISTING = re.compile(
    r"\b(?:my|the|our|mi|la|el|nuestra)\s+(?:appointment|appt|visit|booking|cita|turno|consulta)\b"
)
_RATHER = re.compile(r"\b(?:instead|rather|en\s+vez|en\s+lugar|mejor\s+(?:el|para\s+el))\b")
_INSTEAD = re.compile(r"\binstead\s+of\b|\ben\s+(?:vez|lugar)\s+del?\b")


def only_a_constraint(text: Text) -> bool:
    """ "En la mañana no puedo ir, ¿tienen cita el lunes en la tarde?": the "no puedo ir" says when
    not to offer, beside a request for a time, and no existing appointment is spoken of."""
    rest = without_unavailable(text.corrected)
    return (
        rest != text.corrected
        and not PATTERNS[Intent.CANCEL].search(rest)
        and bool(PATTERNS[Intent.BOOK].search(rest))
        and not _HAS_BOOKED.search(rest)
        and not _EXISTING.search(rest)
    )


def only_told(text: Text) -> bool:
    """Every cancel word is a cancellation told in the past ("Dr. Becker's office cancelled my
    appointment twice", "pero sí cancelé"): nothing is asked to be cancelled (`pastcancellations`)."""
    rest = without_past_cancellations(text.folded)
    return rest != text.folded and not PATTERNS[Intent.CANCEL].search(analyse(rest, VOCABULARY).corrected)


def policy_first(text: Text) -> bool:
    """A question about the cancellation policy, unless it follows a request to change
    ("I need to cancel — is there a fee?" cancels; "how much notice do I need to give to
    reschedule?" asks)."""
    policy = asks_about_policy(text)
    wants = _WANTS_CHANGE.search(text.corrected)
    return policy and (wants is None or wants.start() > policy_start(text))


def swaps_day(text: Text) -> bool:
    """ "Thursday instead of Tuesday", "I booked for Tuesday but I'd like Wednesday instead": a move
    of an existing appointment when nothing else was asked."""
    source = text.corrected
    return bool(_INSTEAD.search(source) or (_HAS_BOOKED.search(source) and _RATHER.search(source)))
