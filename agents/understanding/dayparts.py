"""Times of day: "afternoon", "por la mañana" (or texting's "x la mañana"), "after 3pm", "before noon",
"a las 3 de la tarde".

The result is a window of minutes after midnight plus the part of day it belongs to (the contract's
morning < 12:00 ≤ afternoon < 17:00 ≤ evening), so that a single day can be narrowed precisely and
a longer range can at least be filtered by part of day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agents.understanding.dayends import LATE_DAY, LATE_START, is_narrated
from agents.understanding.types import PartOfDay

WINDOWS: dict[PartOfDay, tuple[int, int]] = {
    "morning": (6 * 60, 12 * 60),
    "afternoon": (12 * 60, 17 * 60),
    "evening": (17 * 60, 22 * 60),
}
_DAY = (0, 24 * 60)
_THIS = re.compile(r"\b(?:this|esta)\s+$")
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
            r"|\b(?:por|x|en|a|de|para|pa)\s+las?\s+tardes?\b|\besta\s+tarde\b|\bmanana\s+tarde\b|\bdespues\s+de(?:l|\s+la)?\s+(?:almuerzo|almorzar|comida)\b"
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
_NOON = r"(?P<noon>noon|midday|mediodia|lunch|lunchtime|el\s+almuerzo|almuerzo|almorzar|la\s+comida)"
# A number after "after"/"después de" that counts something else is no clock time: "after 3 doses",
# "after the 3rd", "después del 3 de marzo", "después de 3 semanas" (units are refused by _CLOCK).
_NOT_A_CLOCK = (
    r"(?!\d|\s*(?:st|nd|rd|th)\b|\s+(?:more|mas|of|doses?|pills?|tablets?|visits?|times|tries|attempts|shots?"
    r"|meals?|kids|people|patients|dosis|pastillas?|veces|visitas?|intentos|comidas?|de\s+(?!la\b)[a-z]+))"
)
_BOUND_CLOCK = rf"(?:{_NOON}|{_CLOCK}{_NOT_A_CLOCK})"
_UNDENIED = r"(?<!\bnot\s)(?<!\bno\s)"  # "not before 2" is after it, "no después de las 5" before it
# Each bound is a list of patterns (a group name may appear once in a pattern); the first found wins.
_AFTER = [
    re.compile(
        rf"\b{_UNDENIED}(?:not\s+before|not\s+earlier\s+than|no\s+earlier\s+than|no\s+antes\s+de(?:\s+las?)?"
        rf"|after|from|later\s+than|despues\s+de(?:\s+las?)?|a\s+partir\s+de(?:\s+las?)?|desde\s+las?)"
        rf"\s+{_BOUND_CLOCK}"
    ),
    # "del" only before noon's words: "después del mediodía" is a time, "después del 3" a day
    re.compile(rf"\b{_UNDENIED}(?:despues|a\s+partir)\s+del\s+{_NOON}"),
    # "4 or later", "4pm onwards", "de 4 en adelante", "las 3 o más tarde"
    re.compile(
        rf"(?<![\d/.:]){_CLOCK}\s*(?:or\s+(?:later|after)\b|onwards?\b|en\s+adelante\b|o\s+(?:mas\s+tarde|despues)\b)"
    ),
    # "he has practice till 2:30", "I work until 3", "tengo clases hasta las 2": free after that
    re.compile(
        r"\b(?:practice|work|school|class(?:es)?|a\s+meeting|my\s+shift|trabajo|clases?|escuela)"
        rf"\s+(?:\w+\s+)?(?:till|until|til|hasta)\s+(?:las?\s+)?{_BOUND_CLOCK}"
    ),
]
_BEFORE = [
    re.compile(
        rf"\b{_UNDENIED}(?:not\s+after|not\s+later\s+than|no\s+later\s+than|no\s+despues\s+de(?:\s+las?)?"
        rf"|before|earlier\s+than|antes\s+de(?:\s+las?)?)\s+{_BOUND_CLOCK}"
    ),
    re.compile(rf"\b{_UNDENIED}antes\s+del\s+{_NOON}"),
    re.compile(rf"(?<![\d/.:]){_CLOCK}\s*(?:or\s+(?:earlier|before)\b|o\s+(?:mas\s+temprano|antes)\b)"),
]


def _first(patterns: list[re.Pattern[str]], text: str) -> re.Match[str] | None:
    """The earliest match of any of `patterns` in `text`."""
    found = [m for pattern in patterns if (m := pattern.search(text))]
    return min(found, key=lambda m: m.start(), default=None)


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
    of their own, so the nearest on either side are the ones to offer. `bounded` says a clock bound
    ("after 3", "antes de las 11", "between 2 and 4") narrowed the window: over several days a part
    of day cannot say it, so the window itself must be searched each day.
    """

    part: PartOfDay | None
    start: int
    end: int
    span: tuple[int, int]
    at: int | None = None
    bounded: bool = False


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
    if (after := _first(_AFTER, text)) and (minute := _minutes(after)) is not None:
        limits.append((minute, _DAY[1], _part_of(minute) if minute >= 12 * 60 else None, after.span(), False))
    if (before := _first(_BEFORE, text)) and (minute := _minutes(before)) is not None:
        limits.append((_DAY[0], minute, "morning" if minute <= 12 * 60 else None, before.span(), False))
    if not limits and (at := _AT.search(text)) and (minute := _minutes(at)) is not None:
        noon = minute == 12 * 60  # "around noon" is either side of it, no part of day in particular
        limits.append((minute, minute + _HOUR, None if noon else _part_of(minute), at.span(), True))
    return limits


# "Morning! my son needs…", "hey, morning all": a greeting, not a time of day.
_GREETING = re.compile(
    r"^\W*(?:(?:hi|hey|hello|and\s+a)\s+)?(?:good\s+)?(?:morning|afternoon|evening)\b"
    r"(?:\s*!|\s*,?\s+(?:all|everyone|everybody|there|team|folks|y'?all)\b)"
)


def find_daypart(text: str) -> DayPart | None:
    """Every time-of-day clue in a folded text, combined into one window (None when there is none).

    A clock bound that contradicts the part of day said ("tomorrow morning… after 3") wins: it is
    the more precise of the two.
    """
    spans: list[tuple[int, int]] = []
    window = _DAY
    part: PartOfDay | None = None
    greeting = _GREETING.match(text)
    if late := LATE_DAY.search(text):  # "end of the day", "en la tarde-noche": the last hours
        window, part = (LATE_START, WINDOWS["afternoon"][1]), "afternoon"
        spans.append(late.span())
    elif said := _part_word(text, greeting.end() if greeting else 0):
        part, span = said
        window = WINDOWS[part]
        spans.append(span)
    start, end = window
    derived: PartOfDay | None = None
    limits = _limits(text)
    for low, high, limit_part, span, _ in limits:
        start, end = max(start, low), min(end, high)
        derived = derived or limit_part
        spans.append(span)
    if not spans:
        return None
    bounds = [limit for limit in limits if not limit[4]]
    if start >= end and bounds:  # "morning… after 3": the bound alone
        start, end = max(low for low, *_ in bounds), min(high for _, high, *_ in bounds)
        part = None
    if start >= end:
        start, end = window
    at = _at(limits, window)
    if at is not None:  # the nearest on either side, within the part of day said
        start, end = max(window[0], at - AT_REACH), min(window[1], at + AT_REACH)
    bounded = (bool(bounds) and (start, end) != window) or (late is not None and at is None)
    span = (min(s for s, _ in spans), max(e for _, e in spans))
    return DayPart(part or derived, start, end, span, at, bounded)


def _part_word(text: str, start: int) -> tuple[PartOfDay, tuple[int, int]] | None:
    """The part of day said in words (the first kind in `_PART_WORDS` order), passing over one that
    only tells when something happened ("it locked up this morning") when another is said."""
    said = [(name, found.span()) for name, pattern in _PART_WORDS if (found := pattern.search(text, start))]
    meant = [(name, span) for name, span in said if not is_narrated(text, span)]
    return (meant or said)[0] if said else None


def narrated_spans(text: str) -> list[tuple[int, int]]:
    """Where a part of day only tells when something happened or why ("it locked up this morning"),
    with the "this"/"esta" before it: no day wanted either, when another part of day is said."""
    said = [found.span() for _, pattern in _PART_WORDS if (found := pattern.search(text))]
    told = [span for span in said if is_narrated(text, span)]
    if len(told) == len(said):
        return []
    return [
        (text.rfind(" ", 0, max(start - 1, 0)) + 1 if _THIS.search(text, 0, start) else start, end)
        for start, end in told
    ]


def _at(limits: list[Limit], window: tuple[int, int]) -> int | None:
    """The minute of a lone clock time ("at 10:30") inside the part of day said, else None."""
    if len(limits) != 1 or not limits[0][4]:
        return None
    minute = limits[0][0]
    return minute if window[0] <= minute < window[1] else None
