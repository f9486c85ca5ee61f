"""Messaging consent keywords: STOP and its kin withdraw consent, START and its kin restore it.

Only a message that *is* the keyword counts — case, accents, punctuation and emoji aside — so
"Baja." and "STOP!" opt out while "stop the appointment reminders for my mother" is a request the
agent should read. Two of the carriers' usual keywords are deliberately missing:

- CANCEL (and CANCELAR): the appointment reminders ask patients to reply CANCEL to cancel the
  appointment (see `channels.templates`); treating it as an opt-out would silence the patient
  instead of freeing the slot.
- YES: it is how patients confirm things, not a request to receive messages again.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

Consent = Literal["opt_out", "opt_in"]

Language = Literal["en", "es"]
# each keyword with what it asks for and the language it is a word of (the reply is written in it)
_KEYWORDS: dict[str, tuple[Consent, Language]] = {
    "stop": ("opt_out", "en"),
    "stopall": ("opt_out", "en"),
    "stop all": ("opt_out", "en"),
    "unsubscribe": ("opt_out", "en"),
    "end": ("opt_out", "en"),
    "quit": ("opt_out", "en"),
    "baja": ("opt_out", "es"),
    "alto": ("opt_out", "es"),
    "detener": ("opt_out", "es"),
    "no mas mensajes": ("opt_out", "es"),
    "start": ("opt_in", "en"),
    "unstop": ("opt_in", "en"),
    "alta": ("opt_in", "es"),
    "suscribir": ("opt_in", "es"),
    "reanudar": ("opt_in", "es"),
}
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def _normalise(text: str) -> str:
    """Lower case, accents off, anything but letters and digits as single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _NOT_WORD.sub(" ", plain).strip()


def consent_keyword(text: str) -> Consent | None:
    """`"opt_out"` for STOP/BAJA/…, `"opt_in"` for START/ALTA/…, None for anything else."""
    found = _KEYWORDS.get(_normalise(text))
    return found[0] if found else None


def keyword_language(text: str) -> Language | None:
    """The language the keyword is a word of (`"es"` for BAJA or "no más mensajes"), None if none."""
    found = _KEYWORDS.get(_normalise(text))
    return found[1] if found else None
