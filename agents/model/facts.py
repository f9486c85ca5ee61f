"""Whether a rephrased reply still says exactly what the template said: the fact-preservation check.

A reply's facts are the tokens a patient acts on: anything with a digit (times, dates, phone
numbers, 911, references like 3FA2B9C1), words in capitals (AM/PM, STOP, codes), proper nouns
(a capitalised word that does not start a sentence: Dr. Patel, Riverside Health, Tuesday) and
weekday and month names (Spanish writes them in lower case). A rephrase is faithful when every
fact of the original is still in it and every fact in it was already in the original, so that a
changed time, a dropped reference, an invented number or a new name all fail. The check is
deliberately strict: a false alarm only costs the template's plainer wording.
"""

from __future__ import annotations

import re

from agents.phrasing.format import MONTHS, WEEKDAYS

_TOKEN = re.compile(r"[^\W_]+(?:[:.,/'’-][^\W_]+)*")
_TITLE = re.compile(r"\b(?:Dr|Dra|Mr|Mrs|Ms|Sr|Sra|Srta|St)\.$")
_DIGIT = re.compile(r"\d")
_ENGLISH_CALENDAR = frozenset([*WEEKDAYS["en"], *MONTHS["en"]])
_SPANISH_CALENDAR = frozenset([*WEEKDAYS["es"], *MONTHS["es"]])
# Longer than this many times the original (plus a greeting's worth) is adding, not rephrasing.
_MAX_GROWTH, _SLACK = 2, 80


def facts(text: str) -> set[str]:
    """The fact tokens of `text` (calendar words case-folded, everything else exactly as written)."""
    return {fact for match in _TOKEN.finditer(text) if (fact := _fact(text, match))}


def _fact(text: str, match: re.Match[str]) -> str | None:
    word = match.group()
    if word.casefold() in _SPANISH_CALENDAR or word in _ENGLISH_CALENDAR:
        return word.casefold()
    if _DIGIT.search(word) or (len(word) > 1 and word.isupper()):
        return word
    proper = word[0].isupper() and not _pronoun(word) and not _starts_sentence(text, match.start())
    return word if proper else None


def _words(text: str) -> set[str]:
    """Every token of `text`, as written and case-folded, to look facts up in."""
    written = {match.group() for match in _TOKEN.finditer(text)}
    return written | {token.casefold() for token in written}


def _pronoun(word: str) -> bool:
    return word == "I" or word.startswith(("I'", "I’"))


def _starts_sentence(text: str, position: int) -> bool:
    """After the start, a line break or end punctuation — but "Dr. Patel" does not start one."""
    before = text[:position]
    stripped = before.rstrip()
    if not stripped or "\n" in before[len(stripped) :]:
        return True
    return stripped[-1] in ".!?¡¿" and not _TITLE.search(stripped)


def faithful(original: str, rephrased: str) -> bool:
    """Whether `rephrased` keeps every fact of `original`, adds none, and does not balloon."""
    if not rephrased.strip() or len(rephrased) > _MAX_GROWTH * len(original) + _SLACK:
        return False
    return facts(original) <= _words(rephrased) and facts(rephrased) <= _words(original)
