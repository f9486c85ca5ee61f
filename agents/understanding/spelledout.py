"""Names spelt out letter by letter, as callers spell them and voice transcripts write them:
"Novak, N-O-V-A-K", "D A R I A", "T as in Tom, H as in Harry", "Benítez con be larga, e, ene…".

`unspell` makes the spelling a word again inside the text, so the name readers in `names` see one
name; `spelled_words` lists the spelt words, so a spelling outranks what a transcription heard.
"""

from __future__ import annotations

import re

from agents.understanding.letternames import spell_spanish_letters
from agents.understanding.namewords import ORDINARY_WORDS
from agents.understanding.text import fold

_REPEATED = "\x00"  # where a spelling that repeated the word before it was
_SPELLED = re.compile(r"(?<![\w'’-])([A-Za-zÑñ])(?:(?:\s*[-.]\s*|\s+)([A-Za-zÑñ])(?![\w]))+\.?(?![\w-])")


# Letters spelt with a word to tell them apart: "T as in Tom", "V de vaca" (capital: "y de" is Spanish).
_AS_IN = re.compile(
    r"(?<![\w'’-])(?:([A-Za-zÑñ])\s+(?i:as\s+in)|([A-ZÑ])\s+(?:de|como\s+en))\s+[^\W\d_]+(?![\w'’-])"
)
_LETTER_RUN = re.compile(r"(?<![\w'’-])[A-Za-zÑñ](?![\w'’])(?:(?:\s*[,-]\s*|\s+)[A-Za-zÑñ](?![\w'’]))+")


def _phonetic(text: str) -> str:
    """ "T as in Tom, H as in Harry, E, O" → "T-H-E-O": a spelling with words for its letters, when at
    least two letters come that way (one "V de" alone may be ordinary words)."""
    if len(_AS_IN.findall(text)) < 2:
        return text
    letters = _AS_IN.sub(lambda m: m[1] or m[2], text)
    return _LETTER_RUN.sub(lambda m: "-".join(re.findall(r"[A-Za-zÑñ]", m.group())), letters)


def unspell(text: str) -> str:
    """Names spelt out letter by letter, as voice transcripts write them, made words again:
    "Novak, N-O-V-A-K" → "Novak," (the spelling repeats the word before it) and "my name is
    D A R I A" → "my name is Daria". Three letters at least, so "A.M." or "I, a" stay as they are.
    Names spelt word by word stay one name: "Felix, F-E-L-I-X, Voss, V-O-S-S, born …" → "Felix Voss,
    born …" (the commas were the speaker's pauses), unless an ordinary word follows ("Ana, A-N-A, and")."""

    def joined(match: re.Match[str]) -> str:
        letters = re.sub(r"[^A-Za-zÑñ]", "", match.group())
        if len(letters) < 3:
            return match.group()
        before = re.findall(r"[^\W\d_]+", text[: match.start()])
        if fold(letters) in {
            fold(word) for word in [w for w in before if len(w) > 1][-4:]
        }:  # "Kwame Boateng, K-W-A-M-E, B-O-…"
            return _REPEATED
        spelt = match.group()  # "M-A-R-C-H-E-T-T-I. He was": that full stop ends the sentence
        stop = "." if spelt.endswith(".") and "." not in spelt[:-1] else ""
        return letters[0].upper() + letters[1:].lower() + stop

    def rejoined(match: re.Match[str]) -> str:  # "Felix, F-E-L-I-X, Voss": one name, "Felix Voss"
        following = match["next"]
        return " " if following and fold(following) not in ORDINARY_WORDS else ","

    text = spell_spanish_letters(text)
    spelt = _SPELLED.sub(joined, _phonetic(text))
    spelt = re.sub(rf",?\s*{_REPEATED}\s*,(?=\s*(?P<next>[A-Z][a-z'’-]+)?)", rejoined, spelt)
    spelt = re.sub(rf"\s*{_REPEATED}", "", spelt)
    return re.sub(r"\s{2,}", " ", re.sub(r",\s*,", ",", spelt)).strip()


def spelled_words(text: str) -> list[str]:
    """The words a caller spelt out letter by letter ("Siobhan, S-I-O-B-H-A-N" → ["Siobhan"]; "Benítez
    con be larga, e, ene, i, te, e, zeta" → ["Benítez"]): how the name is written, whatever a
    transcription heard. A spelling of a word said just before it keeps that word's accents."""
    text = spell_spanish_letters(text)
    words: list[str] = []
    for match in _SPELLED.finditer(text):
        letters = re.sub(r"[^A-Za-zÑñ]", "", match.group())
        if len(letters) < 3:
            continue
        said = [w for w in re.findall(r"[^\W\d_]+", text[: match.start()])[-4:] if fold(w) == fold(letters)]
        words.append(said[-1][0].upper() + said[-1][1:] if said else letters[0].upper() + letters[1:].lower())
    return words
