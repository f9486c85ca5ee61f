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

_OPT_OUT = frozenset(
    {
        "stop",
        "stopall",
        "stop all",
        "unsubscribe",
        "end",
        "quit",
        "baja",
        "alto",
        "detener",
        "no mas mensajes",
    }
)
_OPT_IN = frozenset({"start", "unstop", "alta", "suscribir", "reanudar"})
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def _normalise(text: str) -> str:
    """Lower case, accents off, anything but letters and digits as single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _NOT_WORD.sub(" ", plain).strip()


def consent_keyword(text: str) -> Consent | None:
    """`"opt_out"` for STOP/BAJA/…, `"opt_in"` for START/ALTA/…, None for anything else."""
    normalised = _normalise(text)
    if normalised in _OPT_OUT:
        return "opt_out"
    if normalised in _OPT_IN:
        return "opt_in"
    return None
