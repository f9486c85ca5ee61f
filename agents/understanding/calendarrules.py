"""Days said by a rule of the calendar rather than a date, in folded English and Spanish.

- the nth or last weekday of a month: "the third Wednesday of this month", "the first Monday in
  February", "el primer viernes de febrero", "el último jueves del mes que viene";
- the nth or last day of a month: "the last day of June", "el último día de junio", "the first day of
  next month", and a day of this or next month: "the 1st of next month", "el 15 del mes que viene";
- "the Tuesday after next", "el martes después del próximo": a week after "next Tuesday";
- a holiday (`holidaywords`): "Thanksgiving", "el día de Reyes";
- and, around any single day found, "the day after …", "the Wednesday before …", "el día antes de …",
  "el miércoles antes de …" (`around`).

A month named without a year is the next one in which the day is still to come; "this month" whose
day has passed names nothing. `unread_day` finds the day-like phrases none of this reads ("the day
after my birthday", "the Wednesday before Diwali"), so that the agent asks instead of guessing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from agents.understanding.holidaywords import HOLIDAY, holiday_day
from agents.understanding.timewords import (
    MONTH_OR_ABBR_RE,
    WEEKDAY_RE,
    WEEKDAYS,
    month_number,
    month_of,
    next_weekday,
    nth_weekday,
    safe_date,
)
from agents.understanding.types import Language

Days = tuple[date, date]
Handler = Callable[[re.Match[str], date, Language], Days | None]

_ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "thrid": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5, "last": -1, "final": -1,
    "primer": 1, "primero": 1, "primera": 1, "1er": 1, "1ro": 1, "1o": 1, "segundo": 2, "segunda": 2,
    "2do": 2, "2o": 2, "tercer": 3, "tercero": 3, "tercera": 3, "3er": 3, "3ro": 3, "3o": 3, "cuarto": 4,
    "cuarta": 4, "4to": 4, "4o": 4, "quinto": 5, "quinta": 5, "5to": 5, "ultimo": -1, "ultima": -1,
}  # fmt: skip
_ORDINAL_RE = "|".join(sorted(_ORDINALS, key=len, reverse=True))
_NEXT = re.compile(r"\b(?:next|following|coming|que\s+viene|proximo|entrante|siguiente)\b")
# "of March", "in february", "of this month", "of next month", "de febrero", "de este mes", "del mes
# que viene", "del próximo mes", "del mes" (this one)
_MONTH_REF = (
    r"(?:of|in|de|del|en)\s+(?P<ref>(?:the\s+month\s+of\s+|el\s+mes\s+de\s+)?(?P<month>"
    + MONTH_OR_ABBR_RE
    + r")(?![a-z])|(?:this|the|the\s+current)\s+month\b|(?:the\s+)?(?:next|following|coming)\s+month\b"
    r"|(?:el\s+)?(?:este\s+|proximo\s+)?mes(?:\s+(?:que\s+viene|proximo|entrante|siguiente))?\b)"
)


def _months(m: re.Match[str], today: date) -> list[tuple[int, int]]:
    """The (year, month)s the reference may mean, in order: a month named is this year's or next."""
    if named := m.groupdict().get("month"):
        month = month_number(named)
        return [(today.year, month), (today.year + 1, month)]
    if _NEXT.search(m["ref"]):
        return [(today.year + (today.month == 12), today.month % 12 + 1)]
    return [(today.year, today.month)]


def _first_to_come(m: re.Match[str], today: date, day_in: Callable[[int, int], date | None]) -> Days | None:
    for year, month in _months(m, today):
        day = day_in(year, month)
        if day is not None and day >= today:
            return day, day
    return None


def _nth_weekday(m: re.Match[str], today: date, language: Language) -> Days | None:
    """ "The third Wednesday of this month", "el último viernes de marzo"."""
    nth, weekday = _ORDINALS[m["ord"]], WEEKDAYS[m["wd"]]
    return _first_to_come(m, today, lambda year, month: nth_weekday(year, month, nth, weekday))


def _nth_day(m: re.Match[str], today: date, language: Language) -> Days | None:
    """ "The last day of June", "el primer día del mes que viene"."""
    nth = _ORDINALS[m["ord"]]
    return _first_to_come(m, today, lambda y, mo: month_of(y, mo)[1] if nth < 0 else safe_date(y, mo, nth))


def _day_of(m: re.Match[str], today: date, language: Language) -> Days | None:
    """ "The 1st of next month", "el 15 de este mes": a day of the month referred to, not named."""
    day = 1 if m["n"] == "primero" else int(m["n"])
    return _first_to_come(m, today, lambda year, month: safe_date(year, month, day))


def _after_next(m: re.Match[str], today: date, language: Language) -> Days | None:
    """ "The Tuesday after next": a week after "next Tuesday" (which is never tomorrow, see `dayrules`)."""
    nearest = next_weekday(today, WEEKDAYS[m["wd"]])
    nearest += timedelta(days=7) if nearest == today + timedelta(days=1) else timedelta()
    return nearest + timedelta(days=7), nearest + timedelta(days=7)


def _holiday(m: re.Match[str], today: date, language: Language) -> Days | None:
    day = holiday_day(m, today)
    return day, day


_THE = r"\b(?:(?:on\s+)?the\s+|el\s+|la\s+)?"
RULES: list[tuple[re.Pattern[str], Handler]] = [
    (re.compile(rf"{_THE}(?P<ord>{_ORDINAL_RE})\s+(?P<wd>{WEEKDAY_RE})s?\s+{_MONTH_REF}"), _nth_weekday),
    (re.compile(rf"{_THE}(?P<ord>{_ORDINAL_RE})\s+(?:day|dia)\s+{_MONTH_REF}"), _nth_day),
    (
        re.compile(
            rf"{_THE}(?:dia\s+)?(?P<n>\d{{1,2}}|primero)(?:st|nd|rd|th)?\s+(?:of|de|del)\s+"
            r"(?P<ref>(?:this|the|next|the\s+next|the\s+following|the\s+coming)\s+month"
            r"|(?:este\s+|el\s+)?(?:proximo\s+)?mes(?:\s+(?:que\s+viene|proximo|entrante|siguiente))?)\b"
        ),
        _day_of,
    ),
    (
        re.compile(
            rf"{_THE}(?P<wd>{WEEKDAY_RE})\s+(?:after\s+next|(?:despues\s+del|siguiente\s+al)\s+(?:proximo|que\s+viene))\b"
        ),
        _after_next,
    ),
    (HOLIDAY, _holiday),
]

# "the day after", "the Wednesday before", "el día antes de", "el miércoles después del", right
# before a day found: that day moved to the one before or after it; and, before a day the calendar
# names, a bare "after" or "before" ("right after New Year's", "antes de Navidad"): the week beside it.
_AROUND = re.compile(
    rf"\b(?:(?:on\s+)?the\s+|el\s+|al\s+)?(?:(?P<day>day|dia)|(?P<wd>{WEEKDAY_RE}))\s+"
    r"(?:(?P<after>after|following|despues\s+de(?:l|\s+la|\s+el)?|siguiente\s+a(?:l|\s+la)?|posterior\s+a(?:l|\s+la)?)"
    r"|(?:before|antes\s+de(?:l|\s+la|\s+el)?|anterior\s+a(?:l|\s+la)?|previo\s+a(?:l|\s+la)?))\s+(?:the\s+)?$"
    r"|\b(?:(?P<later>after|past|despues\s+de(?:l|\s+la|\s+el)?|pasad[oa]\s+(?:el|la))|before|antes\s+de(?:l|\s+la|\s+el)?)"
    r"\s+(?:the\s+)?$"
)


def around(text: str, start: int, day: date, *, named: bool) -> tuple[int, Days] | None:
    """Where a "the day after" / "the Wednesday before" said right before the day found at `start`
    begins, and the day it means (for a day the calendar names, "after" / "before" alone: the week
    after it, or before it); None when nothing is said there."""
    m = _AROUND.search(text, 0, start)
    if m is None or (not named and not (m["day"] or m["wd"])):
        return None
    if not (m["day"] or m["wd"]):
        week = timedelta(days=7)
        return m.start(), (day + timedelta(days=1), day + week) if m["later"] else (
            day - week,
            day - timedelta(days=1),
        )
    sign = 1 if m["after"] else -1
    if m["day"]:
        moved = day + timedelta(days=sign)
        return m.start(), (moved, moved)
    weekday = WEEKDAYS[m["wd"]]
    step = (weekday - day.weekday()) % 7 if sign > 0 else (day.weekday() - weekday) % 7
    moved = day + timedelta(days=sign * (step or 7))
    return m.start(), (moved, moved)


# A day clearly said but not one the rules read: "the day after my birthday", "the Wednesday before
# Diwali", "on Founders Day", "el día después de mi cumpleaños", "el martes antes de la boda".
_NOT_A_DAY = (
    r"(?!(?:tomorrow|today|tonight|next|that|then|it|this|the\s+(?:appointment|one|visit|next)|mine|yours"
    r"|(?:the\s+|my\s+)?(?:noon|lunch|midday|work|school|class|classes|shift|breakfast|dinner|morning|afternoon"
    r"|evening)|manana|hoy|eso|esa|ese|esto|la\s+cita|mi\s+cita|su\s+cita|la\s+otra|el\s+otro|lo\s+que|las"
    r"|la\s+una|mediodia|medio\s+dia|comer|almorzar|trabajar|trabajo|escuela|colegio|clase|almuerzo|comida)\b)"
)
_UNREAD = re.compile(
    rf"\b(?:the\s+day|(?:the\s+)?(?:{WEEKDAY_RE}))\s+(?:after|before)\s+{_NOT_A_DAY}(?:(?:my|our|his|her|their|the)\s+)?[a-z']+"
    rf"|\bel\s+(?:dia|{WEEKDAY_RE})\s+(?:despues|antes)\s+del?\s+{_NOT_A_DAY}(?:(?:mi|su|nuestro|nuestra|la|el|los|las)\s+)?[a-z]+"
    r"|\b(?:on|for)\s+(?:my|our|his|her|their)\s+(?:birthday|bday|anniversary|b-day)\b"
    r"|\b(?:el\s+dia\s+de|en|para)\s+(?:mi|su|nuestro)\s+(?:cumpleanos|cumple|aniversario|santo)\b"
    r"|\bon\s+(?!(?:the|that|this|a|an|any|same|which|what|one|every|another|each|my|our|your|his|her|their"
    r"|some|that)\b)"
    r"[a-z]+(?:'s|s')?(?:\s+[a-z]+(?:'s|s')?)?\s+day\b"
)


def unread_day(folded: str) -> tuple[int, int] | None:
    """Where a day is clearly said that no rule reads, if anywhere (see the module docstring)."""
    m = _UNREAD.search(folded)
    return m.span() if m else None
