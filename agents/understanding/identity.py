"""Who the patient says they are: a name, a birth date and a phone number.

These are claims to be checked against the verified channel, never proof of identity. Birth
dates need a year and are refused in the future or before 1900; numeric dates follow the
language's order (month/day in English, day/month in Spanish) unless only the other reading
exists ("14/02/1990" is 14 February in either).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

import phonenumbers

from agents.understanding.birthwords import spell_birth_aligned
from agents.understanding.text import clean, fold
from agents.understanding.timewords import MONTH_OR_ABBR_RE, ORDINAL_SUFFIX, month_number, safe_date
from agents.understanding.types import Language

_YEAR = r"(\d{4}|'?\d{2})"
_BIRTH_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b"), "ymd"),
    (re.compile(r"(?<![\d/.-])(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?![\d/-]|\.\d)"), "numeric"),
    (
        re.compile(
            rf"\b(\d{{1,2}}){ORDINAL_SUFFIX}\s*(?:of\s+|de\s+|-)?({MONTH_OR_ABBR_RE})(?![a-z])"
            rf"[\s,-]*(?:de\s+|del\s+)?{_YEAR}\b"
        ),
        "dmy",
    ),
    (
        re.compile(
            rf"\b({MONTH_OR_ABBR_RE})\s*(?:the\s+)?(\d{{1,2}}){ORDINAL_SUFFIX}(?![\d:a-z])[\s,]*{_YEAR}\b"
        ),
        "mdy",
    ),
]


T = TypeVar("T")


@dataclass(frozen=True)
class Claim(Generic[T]):
    """A value recognised in the text and the characters it came from (so others can skip them)."""

    value: T
    span: tuple[int, int]


def _year(text: str, today: date | None) -> int:
    digits = text.lstrip("'")
    if len(digits) == 4:
        return int(digits)
    if today is None:
        return 1900 + int(digits)
    return (1900 if int(digits) > today.year % 100 else 2000) + int(digits)


def _birth_from(match: re.Match[str], kind: str, language: Language, today: date | None) -> date | None:
    if kind == "ymd":
        return safe_date(int(match[1]), int(match[2]), int(match[3]))
    if kind == "numeric":
        first, second = int(match[1]), int(match[2])
        month, day = (first, second) if language == "en" else (second, first)
        if month > 12 >= day:
            month, day = day, month
        return safe_date(_year(match[3], today), month, day)
    if kind == "dmy":
        return safe_date(_year(match[3], today), month_number(match[2]), int(match[1]))
    return safe_date(_year(match[3], today), month_number(match[1]), int(match[2]))


def find_birth_date(folded: str, *, language: Language, today: date | None) -> Claim[date] | None:
    """The first plausible birth date in a folded text, with its span."""
    for pattern, kind in _BIRTH_PATTERNS:
        for match in pattern.finditer(folded):
            found = _birth_from(match, kind, language, today)
            if found and found.year >= 1900 and (today is None or found <= today):
                return Claim(found, match.span())
    return None


def birth_dates_in(text: str, *, language: Language) -> list[tuple[date, int, int]]:
    """Every date written the ways `parse_birth_date` reads them, with its span in `text` (the
    patterns run on `text.lower()`, which keeps every character where it was). For rewriting a
    known birth date wherever it appears (the eval export's disguise), not for reading one."""
    found: list[tuple[date, int, int]] = []
    lowered = text.lower()
    for pattern, kind in _BIRTH_PATTERNS:
        for match in pattern.finditer(lowered):
            if (value := _birth_from(match, kind, language, None)) is not None:
                found.append((value, *match.span()))
    return found


def parse_birth_date(text: str, *, language: Language, today: date | None = None) -> date | None:
    """A birth date written as "14 Feb 1990", "1990-02-14", "02/14/1990", "14 de febrero de 1990"…

    Pass `today` (the conversation's clock) to refuse future dates and to read two-digit years
    (19xx when above today's two digits, else 20xx); without it two-digit years are 19xx and only
    dates before 1900 are refused, since this module never reads the clock.
    """
    claim = find_birth_date(spell_birth_aligned(fold(clean(text))), language=language, today=today)
    return claim.value if claim else None


def find_phone(cleaned: str) -> Claim[str] | None:
    """The first phone number, in E.164 (US numbers may omit +1); 555 test numbers are accepted."""
    matcher = phonenumbers.PhoneNumberMatcher(cleaned, "US", leniency=phonenumbers.Leniency.POSSIBLE)
    for match in matcher:
        number = match.number
        digits = phonenumbers.national_significant_number(number)
        if phonenumbers.is_possible_number(number) and len(digits) >= 8:
            e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            return Claim(e164, (match.start, match.end))
    return None
