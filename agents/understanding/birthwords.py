"""Birth dates said in words, as voice transcripts and some patients write them, rewritten as digits.

"May fifth, twenty nineteen", "March third, nineteen eighty seven", "the 5th of May two thousand
and nine", "el veintidós de enero del noventa y uno", "once de noviembre de mil novecientos setenta
y tres". The birth-date patterns (`identity.py`) read digits; this module rewrites the day and the
year in words as the digits they stand for. A year is only rewritten right after a month and a day
(that is where a birth date's year stands), so "two thousand steps" or "dos mil pesos" stay as they are.

The rewrite keeps every character where it was (digits padded with spaces to the words' length),
so the spans found in it still point into the patient's own text: the birth date is blanked out of
it before a name is looked for.

Works on folded text (lower case, no accents).
"""

from __future__ import annotations

import re

from agents.understanding.numberwords import spell_days_aligned
from agents.understanding.text import alternation
from agents.understanding.timewords import MONTH_OR_ABBR_RE

EN_ONES: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
}  # fmt: skip
EN_TEENS: dict[str, int] = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
EN_TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip
_ES_UNITS: dict[str, int] = {
    "uno": 1, "un": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
    "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15,
    "dieciseis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20,
    "veintiuno": 21, "veintiun": 21, "veintidos": 22, "veintitres": 23, "veinticuatro": 24,
    "veinticinco": 25, "veintiseis": 26, "veintisiete": 27, "veintiocho": 28, "veintinueve": 29,
}  # fmt: skip
ES_TENS: dict[str, int] = {
    "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80,
    "noventa": 90,
}  # fmt: skip
ES_DAYS = {**{k: v for k, v in _ES_UNITS.items() if k not in ("un", "veintiun")}, "primero": 1}

_SEP = r"[\s-]+"
# 0-99 in English ("eighty seven", "eighty-seven", "oh five", "nineteen") and in Spanish ("noventa
# y uno", "setenta", "diecinueve").
_EN_TWO = (
    rf"(?:(?:{alternation(EN_TENS)})(?:{_SEP}(?:{alternation(EN_ONES)}))?"
    rf"|{alternation(EN_TEENS)}|(?:oh|o){_SEP}(?:{alternation(EN_ONES)}))"
)
_ES_TWO = rf"(?:(?:{alternation(ES_TENS)})(?:\s+y\s+(?:{alternation(_ES_UNITS)}))?|{alternation(_ES_UNITS)})"
_EN_YEAR = (
    rf"(?:(?:nineteen|twenty){_SEP}{_EN_TWO}"  # "nineteen eighty seven", "twenty nineteen"
    # "two thousand (and) nine"
    rf"|two{_SEP}thousand(?:{_SEP}and)?(?:{_SEP}(?:{_EN_TWO}|{alternation(EN_ONES)}))?)"
)
_ES_YEAR = (
    rf"(?:mil\s+novecientos(?:\s+{_ES_TWO})?|dos\s+mil(?:\s+{_ES_TWO})?"  # "mil novecientos setenta y tres"
    rf"|{_ES_TWO})"  # "del noventa y uno": a two-digit year
)
_ORDINALS = [
    *("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"),
    *("eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth"),
    *("eighteenth", "nineteenth", "twentieth", "thirtieth"),
]
_DAY = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?|(?:(?:twenty|thirty)[\s-]+)?(?:{alternation(_ORDINALS)}))"
# A year in words right after a month and a day, in either order: "may 5th, <year>", "5 de enero de <year>"
_YEAR_AFTER_DAY = re.compile(
    rf"(?:\b{MONTH_OR_ABBR_RE}\s+(?:the\s+)?{_DAY}|\b{_DAY}\s+(?:of\s+|de\s+)?{MONTH_OR_ABBR_RE})"
    rf"[\s,]*(?:(?:de|del|of|in)\s+)?(?P<year>{_EN_YEAR}|{_ES_YEAR})(?![a-z])"
)
# A Spanish day in words before "de <month>": "veintidos de enero", "el once de noviembre"
_ES_DAY_BEFORE_MONTH = re.compile(rf"\b(?P<day>{alternation(ES_DAYS)})(?=\s+de\s+{MONTH_OR_ABBR_RE})")


def _two(words: str) -> int:
    """0-99 from the words of `_EN_TWO` or `_ES_TWO`."""
    parts = [w for w in re.split(r"[\s-]+", words) if w not in ("y", "oh", "o", "and")]
    table = {**EN_ONES, **EN_TEENS, **EN_TENS, **_ES_UNITS, **ES_TENS}
    return sum(table[w] for w in parts)


def _year(words: str) -> str:
    """A year in words as digits: four for a full year, two for "del noventa y uno"."""
    spaced = " ".join(words.replace("-", " ").split())
    for lead, century in (
        ("nineteen ", 1900),
        ("twenty ", 2000),
        ("mil novecientos", 1900),
        ("dos mil", 2000),
    ):
        if spaced.startswith(lead):
            rest = spaced[len(lead) :].strip()
            return str(century + (_two(rest) if rest else 0))
    if spaced.startswith("two thousand"):
        rest = spaced.removeprefix("two thousand").strip().removeprefix("and").strip()
        return str(2000 + (_two(rest) if rest else 0))
    return f"{_two(spaced):02d}"


def _padded(match: re.Match[str], group: str, digits: str) -> str:
    """`match` with `group` replaced by `digits` and spaces, keeping its length."""
    start, end = match.start(group) - match.start(), match.end(group) - match.start()
    whole = match[0]
    return whole[:start] + digits.ljust(end - start) + whole[end:]


# Days known by name, before a year: "born Christmas Eve 1972", "nací en Nochebuena del 72".
_NAMED_DAYS: dict[str, str] = {
    "christmas eve": "dec 24", "christmas day": "dec 25", "christmas": "dec 25",
    "new year's eve": "dec 31", "new years eve": "dec 31", "new year's day": "jan 1",
    "new years day": "jan 1",
    "halloween": "oct 31", "valentine's day": "feb 14", "valentines day": "feb 14",
    "st patrick's day": "mar 17", "independence day": "jul 4", "nochebuena": "24 dic",
    "noche buena": "24 dic", "navidad": "25 dic", "nochevieja": "31 dic", "noche vieja": "31 dic",
    "ano nuevo": "1 ene", "dia de reyes": "6 ene", "san valentin": "14 feb",
}  # fmt: skip
_NAMED_DAY = re.compile(
    rf"\b(?:el\s+dia\s+de\s+|el\s+|en\s+|on\s+)?(?P<named>{alternation(_NAMED_DAYS)})"
    r"(?=\s*,?\s*(?:(?:of|de|del)\s+)?(?:\d{4}|\d{2})\b)"
)


def _named_day(match: re.Match[str]) -> str:
    """A day known by name as its month and day, padded to the words' length."""
    said = match[0]
    return said[: match.start("named") - match.start()] + _NAMED_DAYS[match["named"]].ljust(
        len(match["named"])
    )


def spell_birth_aligned(folded: str) -> str:
    """`folded` with the days and years of dates in words as digits, every character kept in place."""
    folded = _NAMED_DAY.sub(_named_day, folded)
    text = _ES_DAY_BEFORE_MONTH.sub(lambda m: _padded(m, "day", str(ES_DAYS[m["day"]])), folded)
    text = _YEAR_AFTER_DAY.sub(lambda m: _padded(m, "year", _year(m["year"])), text)
    return spell_days_aligned(text)  # "may fifth, 2019": the day, once the year is digits
