"""Spoken words as a call's transcript writes them: the hesitations taken out.

A voice platform transcribes what the caller said, fillers and all: "If I, like, cancel my
appointment tomorrow… do you guys charge me something?", "is there, like, a nurse line", "eh, ¿en
cuántos días salen…?". The readers match phrases ("if I cancel", "is there a…"), and a filler inside
one hides it, so a call's knowledge question read as a cancellation, or as nothing. Typed messages
keep their words: only a call's caller text goes through here.

Taken out: sounds that are only hesitation ("uh", "um", "erm", "eh", "mm"), and "like" / "you know"
/ "I mean" set off by commas as an aside. Kept: every word that can mean something — "ER", "I'd
like", "like two thirty", "o sea" and "I mean" without commas (both correct what came before).
"""

from __future__ import annotations

import re

_SOUND = r"(?<![\w'-])(?:u+h+m*|u+m+|e+rm+|e+h+m*|e+m+|m+h*m+|h+m+|a+h+)(?![\w'-])"
_SOUNDS = re.compile(rf"{_SOUND}\s*,?\s*", re.IGNORECASE)
# an aside between commas takes both commas with it: "before I, uh, decide", "I, like, cancel"
_ASIDE = re.compile(rf",\s*(?:{_SOUND}|like|you\s+know|kinda|sort\s+of)\s*,", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_LOOSE = re.compile(r"\s+([,.;:!?])")


def without_fillers(spoken: str) -> str:
    """`spoken` without hesitation sounds and comma-set asides ("I, like, cancel" → "I cancel")."""
    text = _SOUNDS.sub(" ", _ASIDE.sub(" ", spoken))
    text = _LOOSE.sub(r"\1", _SPACES.sub(" ", text))
    return re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text).strip(" ,")
