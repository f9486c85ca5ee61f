"""Letters spelt by their Spanish names, as a caller spells a surname: "Benítez con be larga, e, ene,
i, te, e, zeta" → "Benítez, B-E-N-I-T-E-Z", so that the spelling is read as English callers' "N-O-V-A-K"
is (`spelledout.unspell`) and outranks a platform's hearing of the name.

Many letter names are ordinary words ("a", "e", "de", "te", "ese", "ve"), so a run counts only when it
has at least three letters and at least two names that are no ordinary word ("ene", "zeta", "be
larga"). Accent remarks ("con acento", "con tilde
en la i") are dropped: the written name keeps the accent the transcript gave it.
"""

from __future__ import annotations

import re

# Longer names first, so "doble ve" is W, not "doble" and V.
_LETTERS: dict[str, str] = {
    "doble ve": "W", "doble u": "W", "uve doble": "W", "ve doble": "W", "i griega": "Y", "i latina": "I",
    "be larga": "B", "be alta": "B", "be grande": "B", "be de burro": "B", "ve corta": "V", "ve chica": "V",
    "ve baja": "V", "ve de vaca": "V", "uve": "V", "hache": "H", "jota": "J", "equis": "X", "zeta": "Z",
    "ceta": "Z", "erre": "R", "efe": "F", "ele": "L", "eme": "M", "ene": "N", "ene con tilde": "Ñ",
    "eñe": "Ñ", "ka": "K", "cu": "Q", "ge": "G", "ce": "C", "be": "B", "de": "D", "pe": "P", "te": "T",
    "ve": "V", "ye": "Y", "ese": "S", "a": "A", "e": "E", "i": "I", "o": "O", "u": "U",
}  # fmt: skip
# Names that are also ordinary words or too short to tell: they join a run but cannot make one.
_ORDINARY = {"a", "e", "i", "o", "u", "de", "te", "ve", "ye", "ese"}
_ACCENT = r"(?:\s+(?:con|sin)\s+(?:acento|tilde)(?:\s+en\s+la\s+[aeiou])?)?"
_NAME = "|".join(sorted((re.escape(name).replace(r"\ ", r"\s+") for name in _LETTERS), key=len, reverse=True))
_ONE = rf"(?:{_NAME}){_ACCENT}"
_RUN = re.compile(
    rf"(?:,?\s*\b(?:con|se\s+escribe|que\s+se\s+escribe|deletreado|es)\s+)?"
    rf"\b(?P<run>{_ONE}(?:(?:\s*[,.-]\s*|\s+)(?:{_ONE})){{2,}})\b(?![^\W\d_])",
    re.IGNORECASE,
)
_ITEM = re.compile(rf"\b(?P<name>{_NAME})\b{_ACCENT}", re.IGNORECASE)


def _fold_spaces(words: str) -> str:
    return " ".join(words.lower().split())


def spell_spanish_letters(text: str) -> str:
    """`text` with each run of Spanish letter names written as its letters ("ene, o, uve, a, ka" →
    "N-O-V-A-K"), after a comma when a word came before it; the rest as it is."""

    def letters(match: re.Match[str]) -> str:
        names = [_fold_spaces(m["name"]) for m in _ITEM.finditer(match["run"])]
        if len(names) < 3 or sum(name not in _ORDINARY for name in names) < 2:
            return match.group()
        before = text[: match.start()].rstrip()
        lead = ", " if before and before[-1] not in ",;:." else " " if before else ""
        return lead + "-".join(_LETTERS[name] for name in names)

    return re.sub(r"(?<=[,;:.]) {2,}", " ", _RUN.sub(letters, text))
