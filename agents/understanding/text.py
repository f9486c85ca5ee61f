"""Text normalisation shared by every recogniser: one cleaning, one folding, one typo correction.

Patients type on phones: accents come and go, apostrophes curl, words are misspelt, and an
attacker may hide "ignore your instructions" behind Cyrillic look-alikes or zero-width spaces.
`Text` holds three views of a message so that each recogniser matches on the right one:

- `clean`: NFKC, invisible format characters removed, whitespace collapsed — what we quote back;
- `folded`: `clean` lower-cased, accents and look-alike letters mapped to ASCII, **same length**
  as `clean`, so a regex span on `folded` slices the original words out of `clean`;
- `corrected`: `folded` with each misspelt keyword replaced by the keyword it is one or two edits
  away from (rapidfuzz OSA distance); equal to `folded` (and so aligned) when nothing was misspelt.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

# Letters from other scripts that render like Latin ones (the usual homoglyph tricks) and
# typographic punctuation, mapped one character to one character to keep `folded` aligned.
_CONFUSABLES = str.maketrans(
    {
        "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j",
        "ѕ": "s", "ԁ": "d", "ɡ": "g", "ӏ": "l", "һ": "h", "ԛ": "q", "ԝ": "w", "к": "k", "м": "m",
        "н": "h", "т": "t", "в": "b", "α": "a", "ο": "o", "ε": "e", "ι": "i", "κ": "k", "ν": "v",
        "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ѡ": "w", "ı": "i", "ℓ": "l",
        "’": "'", "‘": "'", "ʼ": "'", "´": "'", "`": "'", "“": '"', "”": '"', "–": "-", "—": "-",
    }
)  # fmt: skip

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Text:
    """A message in its three views (see the module docstring)."""

    clean: str
    folded: str
    corrected: str
    typo: bool

    def quote(self, match: re.Match[str]) -> str:
        """The patient's own words behind a match on `folded` or `corrected` (after a typo on
        `corrected`, the corrected words: the original ones no longer line up)."""
        aligned = match.string is self.folded or not self.typo
        source = self.clean if aligned else self.corrected
        return source[match.start() : match.end()]


def clean(text: str) -> str:
    """NFKC, drop format characters (zero-width, bidi controls, soft hyphens), collapse spaces."""
    normal = unicodedata.normalize("NFKC", text)
    visible = "".join(ch for ch in normal if unicodedata.category(ch) != "Cf")
    return _SPACES.sub(" ", visible).strip()


def _fold_char(ch: str) -> str:
    lowered = (ch.lower()[:1] or ch).translate(_CONFUSABLES)
    return unicodedata.normalize("NFD", lowered)[0]


def fold(cleaned: str) -> str:
    """Lower-case, strip accents and map look-alikes, one character for one character."""
    return "".join(_fold_char(ch) for ch in cleaned)


def tokens(folded: str) -> list[str]:
    """The words of a folded text (letters and digits, with an inner apostrophe kept)."""
    return _TOKEN.findall(folded)


def _max_edits(word: str) -> int:
    return 1 if len(word) <= 8 else 2


@lru_cache(maxsize=4096)
@lru_cache(maxsize=32)
def _ordered(vocabulary: frozenset[str]) -> tuple[str, ...]:
    """The keywords of six letters or more, sorted: ties between equally close keywords are then
    broken the same way in every process (a set's order changes with the hash seed)."""
    return tuple(sorted(w for w in vocabulary if len(w) >= 6))


# Letters held down for warmth ("hiii", "hellooo", "holaa", "buenaas"): three or more of one letter,
# or two of a letter neither language doubles ("aa", "ii", "uu").
_STRETCHED = re.compile(r"([a-z])\1{2,}|([aiu])\2")


def unstretched(token: str, vocabulary: frozenset[str]) -> str:
    """The word a stretched token stands for when it is one of `vocabulary` ("hellooo" → "hello",
    "buenaas" → "buenas"); the token itself otherwise ("too", "book" and "see" are not stretched)."""
    if token in vocabulary or not _STRETCHED.search(token):
        return token
    once = _STRETCHED.sub(lambda m: m.group()[0], token)
    twice = _STRETCHED.sub(lambda m: m.group()[:2], token)
    return next((word for word in (once, twice) if word in vocabulary), token)


def _correct(token: str, vocabulary: frozenset[str]) -> str:
    """The keyword a misspelt token stands for: a stretched word unstretched (see `unstretched`); else
    same first letter (typos rarely hit it, and "killing" must not become "billing"), one edit away
    (two for long words), six letters or more."""
    if (plain := unstretched(token, vocabulary)) != token:
        return plain
    if token in vocabulary or len(token) < 5 or not token.isalpha():
        return token
    candidates = [w for w in _ordered(vocabulary) if w[0] == token[0] and abs(len(w) - len(token)) <= 2]
    best = process.extractOne(token, candidates, scorer=OSA.distance, score_cutoff=_max_edits(token))
    return best[0] if best else token


def analyse(text: str, vocabulary: frozenset[str]) -> Text:
    """All three views of `text`; `vocabulary` is the folded keywords typos are corrected towards."""
    cleaned = clean(text)
    folded = fold(cleaned)
    corrected = _TOKEN.sub(lambda m: _correct(m.group(), vocabulary), folded)
    return Text(cleaned, folded, corrected, typo=corrected != folded)


def vocabulary_of(phrases: Iterable[str]) -> frozenset[str]:
    """The single words of keyword phrases, folded: the targets of typo correction."""
    return frozenset(w for phrase in phrases for w in tokens(fold(phrase)))


def phrases(listing: str) -> tuple[str, ...]:
    """Keyword phrases written as one "a|b c|d" string (tables stay readable and diff well)."""
    return tuple(p for p in (part.strip() for part in listing.split("|")) if p)


def word_set(listing: str) -> frozenset[str]:
    """Folded single words from a whitespace-separated listing."""
    return frozenset(fold(w) for w in listing.split())


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of `words`, longest first so that prefixes lose; spaces match any run."""
    items = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """One regex matching any of `phrases` (folded) as whole words."""
    body = alternation(fold(p) for p in phrases)
    return re.compile(rf"(?<![a-z0-9])(?:{body})(?![a-z0-9])")
