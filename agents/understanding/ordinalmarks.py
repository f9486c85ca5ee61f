"""Positions written with a digit and a mark ("la 1ra", "el 2do", "la 3era", "1°", "la 2ª"), as words.

Spanish writers abbreviate ordinals with the word's ending after the digit (primera → 1ra, segundo →
2do, tercera → 3ra/3era, primer → 1er) or a raised letter or degree sign (1ª, 1º, 1°, which the
cleaner folds to "1a", "1o", "1°"). The choice reader knows the words ("primera", "segundo") and the
English "1st"; held-out v9 had "la 1ra" answered with "which one did you mean?". Rewriting the mark
into the word lets every rule about positions ("the first of May" is a date, "la primera de la
tarde" a position among the afternoon's) apply unchanged.
"""

from __future__ import annotations

import re

_WORDS: dict[str, tuple[str, str]] = {
    "1": ("primero", "primera"),
    "2": ("segundo", "segunda"),
    "3": ("tercero", "tercera"),
    "4": ("cuarto", "cuarta"),
    "5": ("quinto", "quinta"),
}
# The ending tells the gender; "er" (primer, tercer) and the degree sign are read as masculine.
# A bare "a"/"o" counts only after an article ("la 1a", "el 2o"): "1a" alone may be a flat number.
_MARKED = re.compile(
    r"(?<![\w/.:])([1-5])\s?(ra|era|da|ta|ro|ero|do|to|er|°|º|ª)(?![\w])"
    r"|(?<=\b(?:la|el) )([1-5])([ao])\b"
)


def spell_ordinal_marks(text: str) -> str:
    """`text` (folded) with digit-and-mark ordinals replaced by their Spanish words."""

    def word(match: re.Match[str]) -> str:
        digit = match[1] or match[3]
        mark = (match[2] or match[4]).lstrip("e")
        feminine = mark in ("ra", "da", "ta", "a", "ª")
        return _WORDS[digit][1 if feminine else 0]

    return _MARKED.sub(word, text)
