"""Times of day: "afternoon", "por la mañana" (or texting's "x la mañana"), "after 3pm", "before noon",
"a las 3 de la tarde".

The result is a window of minutes after midnight plus the part of day it belongs to (the contract's
morning < 12:00 ≤ afternoon < 17:00 ≤ evening), so that a single day can be narrowed precisely and
a longer range can at least be filtered by part of day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agents.understanding.types import PartOfDay

WINDOWS: dict[PartOfDay, tuple[int, int]] = {
    "morning": (6 * 60, 12 * 60),
    "afternoon": (12 * 60, 17 * 60),
    "evening": (17 * 60, 22 * 60),
}
_DAY = (0, 24 * 60)
_HOUR = 60

_PART_WORDS: list[tuple[PartOfDay, re.Pattern[str]]] = [
    (
        "morning",
        re.compile(
            r"(?<!good )\bmornings?\b|\b(?:first|1st)\s+thing\b|\btemprano\b"
            r"|\ba\s+primera\s+hora\b(?!\s+(?:disponible|libre|que))|\bprimera\s+hora\s+(?:de\s+la\s+manana|del\s+dia)\b"
            r"|\b(?:por|x|en|de|a|para|pa)\s+las?\s+mananas?\b|\besta\s+manana\b|\bin\s+the\s+am\b"
        ),
    ),
    (
        "afternoon",
        re.compile(
            r"(?<!good )\bafternoons?\b|\bafter\s+(?:lunch|school)\b|\blater?\s+in\s+the\s+day\b"
            r"|\b(?:por|x|en|a|de|para|pa)\s+las?\s+tardes?\b|\besta\s+tarde\b|\bmanana\s+tarde\b|\bdespues\s+de(?:l|\s+la)\s+(?:almuerzo|comida)\b"
            r"|\bin\s+the\s+pm\b"
        ),
    ),
    (
        "evening",
        re.compile(
            r"(?<!good )\bevenings?\b|\btonight\b|\bafter\s+work\b|\b(?:por|x|en|de|para|pa)\s+la\s+noche\b"
            r"|\besta\s+noche\b"
        ),
    ),
]
_CLOCK = (
    r"(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?"
    r"(?:\s*(?P<mark>a\.?\s?m\b\.?|p\.?\s?m\b\.?|hrs?\b|h\b|de\s+la\s+(?:manana|tarde|noche)|o'?clock))?"
    r"(?:\s+y\s+(?P<half>media|cuarto))?"
    r"(?!\s*(?:days?|weeks?|months?|years?|dias?|semanas?|mes(?:es)?|anos?|hours?|horas?)\b)"
)
_NOON = r"(?P<noon>noon|midday|mediodia|lunch|lunchtime|el\s+almuerzo|la\s+comida)"
_AFTER = re.compile(
    r"\b(?:after|from|later\s+than|despues\s+de(?:\s+las?|l)?|a\s+partir\s+de(?:\s+las?|l)?|desde\s+las?)\s+"
    rf"(?:{_NOON}|{_CLOCK})"
)
_BEFORE = re.compile(
    rf"\b(?:before|earlier\s+than|no\s+later\s+than|antes\s+de(?:\s+las?|l)?)\s+(?:{_NOON}|{_CLOCK})"
)
# The second clock of "between 2 and 4pm" has its groups suffixed with 2.
_SECOND_CLOCK = re.sub(r"\(\?P<(\w+)>", r"(?P<\g<1>2>", _CLOCK)
_BETWEEN = re.compile(
    rf"\b(?:between|from|entre|de)\s+(?:las?\s+)?{_CLOCK}\s+(?:and|to|until|till|-|y|a|hasta)\s+"
    rf"(?:las?\s+)?{_SECOND_CLOCK}"
)
# "at 3", "a las 10 y media", or a bare clock time that cannot be anything else ("10:30", "3pm").
_AT = re.compile(
    r"\b(?:at|around|about|sobre\s+las?|a\s+las?|al|hacia\s+las?|alrededor\s+de\s+las?)\s+"
    rf"(?:{_NOON}|{_CLOCK})"
    r"|(?<![\d/.:])(?P<bare_h>\d{1,2})"
    r"(?::(?P<bare_m>\d{2})\s*(?P<bare_mark>am|pm|a\.m\.|p\.m\.)?|\s*(?P<bare_meridiem>am|pm|a\.m\.|p\.m\.))"
    r"(?![\d/a-z])"
)


@dataclass(frozen=True)
class DayPart:
    """A window of the day in minutes [start, end) and its part of day, from `span` of the text.

    `at` is the very minute a clock time said lands on ("at 10:30", "a eso de las 4 y cuarto",
    "quarter to 10"), when that is what the words name: times off the half-hour grid have no slot
    of their own, so the nearest on either side are the ones to offer.
    """

    part: PartOfDay | None
    start: int
    end: int
    span: tuple[int, int]
    at: int | None = None


def clock_minutes(hour: int, minute: int, mark: str | None) -> int | None:
    """Minutes after midnight; an hour without am/pm is read in clinic hours (3 → 15:00, 9 → 9:00)."""
    if hour > 23 or minute > 59:
        return None
    mark = (mark or "").replace(".", "").replace(" ", "")
    if mark.startswith("p") or mark.endswith(("tarde", "noche")):
        hour = hour % 12 + 12
    elif mark.startswith("a") or mark.endswith("manana"):
        hour = hour % 12
    elif 1 <= hour <= 7:
        hour += 12
    return hour * 60 + minute


def _minutes(match: re.Match[str], suffix: str = "") -> int | None:
    """The clock time in a match; `suffix` "2" reads the second time of a "between" phrase."""
    groups = match.groupdict()
    if groups.get("noon"):
        return 12 * 60
    hour = groups.get("h" + suffix) or groups.get("bare_h")
    if hour is None:
        return None
    minute = int(groups.get("m" + suffix) or groups.get("bare_m") or 0)
    minute += {"media": 30, "cuarto": 15}.get(groups.get("half" + suffix) or "", 0)
    mark = groups.get("mark" + suffix) or groups.get("bare_mark") or groups.get("bare_meridiem")
    return clock_minutes(int(hour), minute, mark)


def _part_of(minute: int) -> PartOfDay:
    return "morning" if minute < 12 * 60 else "afternoon" if minute < 17 * 60 else "evening"


# (start, end, part of day, span, whether it is one clock time said rather than a bound)
Limit = tuple[int, int, PartOfDay | None, tuple[int, int], bool]
AT_REACH = _HOUR  # a time said is searched this far on either side, the nearest offered first


def _limits(text: str) -> list[Limit]:
    """Clock constraints: "between 2 and 4pm", "after 3", "before noon", or else "at 10:30"."""
    if between := _BETWEEN.search(text):
        low, high = _minutes(between), _minutes(between, "2")
        if low is not None and high is not None and low < high:
            same = _part_of(low) == _part_of(high - 1)
            return [(low, high, _part_of(low) if same else None, between.span(), False)]
    limits: list[Limit] = []
    if (after := _AFTER.search(text)) and (minute := _minutes(after)) is not None:
        limits.append((minute, _DAY[1], _part_of(minute) if minute >= 12 * 60 else None, after.span(), False))
    if (before := _BEFORE.search(text)) and (minute := _minutes(before)) is not None:
        limits.append((_DAY[0], minute, "morning" if minute <= 12 * 60 else None, before.span(), False))
    if not limits and (at := _AT.search(text)) and (minute := _minutes(at)) is not None:
        noon = minute == 12 * 60  # "around noon" is either side of it, no part of day in particular
        limits.append((minute, minute + _HOUR, None if noon else _part_of(minute), at.span(), True))
    return limits


def find_daypart(text: str) -> DayPart | None:
    """Every time-of-day clue in a folded text, combined into one window (None when there is none)."""
    spans: list[tuple[int, int]] = []
    window, part = _DAY, None
    for name, pattern in _PART_WORDS:
        if found := pattern.search(text):
            window, part = WINDOWS[name], name
            spans.append(found.span())
            break
    start, end = window
    derived: PartOfDay | None = None
    limits = _limits(text)
    for low, high, limit_part, span, _ in limits:
        start, end = max(start, low), min(end, high)
        derived = derived or limit_part
        spans.append(span)
    if not spans:
        return None
    if start >= end:
        start, end = window
    at = _at(limits, window)
    if at is not None:  # the nearest on either side, within the part of day said
        start, end = max(window[0], at - AT_REACH), min(window[1], at + AT_REACH)
    return DayPart(part or derived, start, end, (min(s for s, _ in spans), max(e for _, e in spans)), at)


def _at(limits: list[Limit], window: tuple[int, int]) -> int | None:
    """The minute of a lone clock time ("at 10:30") inside the part of day said, else None."""
    if len(limits) != 1 or not limits[0][4]:
        return None
    minute = limits[0][0]
    return minute if window[0] <= minute < window[1] else None
