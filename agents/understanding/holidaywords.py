"""Holidays and observances patients name instead of a date, in English and Spanish (folded text).

The clinic is in the US, so "el día de las madres" is the US Mother's Day (second Sunday of May)
and "el día del trabajo" is Labor Day. Each name has its rule, fixed or nth-weekday (Easter and its
week from `dateutil.easter`); the day meant is always the next occurrence on or after today ("if it
is today, today"). "Christmas" said on the 26th of December is next year's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from dateutil.easter import easter

from agents.understanding.timewords import nth_weekday

Rule = Callable[[int], date]
MO, TH, SU = 0, 3, 6


def _fixed(month: int, day: int) -> Rule:
    return lambda year: date(year, month, day)


def _nth(month: int, nth: int, weekday: int) -> Rule:
    """The `nth` (-1: last) `weekday` of `month`: `_nth(11, 4, TH)` is Thanksgiving."""
    return lambda year: nth_weekday(year, month, nth, weekday) or date(year, month, 1)


def _from_easter(days: int) -> Rule:
    def rule(year: int) -> date:
        sunday: date = easter(year)
        return sunday + timedelta(days=days)

    return rule


_THANKSGIVING = _nth(11, 4, TH)
_APOSTROPHE = r"(?:'?s|s')?"  # "mother's", "mothers", "mothers'", "mother"

# (pattern, rule), most specific first: "new year's eve" before "new year's", "christmas eve" before
# "christmas". Patterns are folded words; "dia de reyes" needs "día de", since Reyes is a surname too.
_HOLIDAYS: list[tuple[str, Rule]] = [
    (rf"new\s+year{_APOSTROPHE}\s+eve|noche\s*vieja|(?:el\s+)?fin\s+de\s+ano\b", _fixed(12, 31)),
    (
        rf"new\s+year{_APOSTROPHE}(?:\s+day)?(?!\s+(?:resolution|party|sale))"
        r"|(?:el\s+)?(?:dia\s+de\s+)?ano\s+nuevo|(?:el\s+)?primero\s+de\s+ano",
        _fixed(1, 1),
    ),
    (
        rf"(?:martin\s+luther\s+king|mlk)(?:\s+jr\.?)?{_APOSTROPHE}(?:\s+day)?"
        r"|(?:el\s+)?dia\s+de\s+martin\s+luther\s+king",
        _nth(1, 3, MO),
    ),
    (
        rf"presidents?{_APOSTROPHE}\s+day|washington{_APOSTROPHE}\s+birthday|(?:el\s+)?dia\s+de\s+los\s+presidentes",
        _nth(2, 3, MO),
    ),
    (
        r"(?:st\.?\s+|saint\s+)?valentine(?:'?s|s')(?:\s+day)?|valentine\s+day|(?:el\s+)?(?:dia\s+de\s+)?san\s+valentin"
        r"|(?:el\s+)?dia\s+del\s+amor\s+y\s+(?:la\s+)?amistad|(?:el\s+)?dia\s+de\s+los\s+enamorados",
        _fixed(2, 14),
    ),
    (
        rf"(?:st\.?|saint)\s+(?:patrick|paddy|patty){_APOSTROPHE}(?:\s+day)?|paddy{_APOSTROPHE}\s+day"
        r"|(?:el\s+)?(?:dia\s+de\s+)?san\s+patricio",
        _fixed(3, 17),
    ),
    (r"(?:holy|maundy)\s+thursday|(?:el\s+)?jueves\s+santo", _from_easter(-3)),
    (r"good\s+friday|(?:el\s+)?viernes\s+santo", _from_easter(-2)),
    (
        r"easter(?:\s+sunday)?(?!\s+monday)|(?:el\s+)?domingo\s+de\s+(?:pascua|resurreccion|gloria)"
        r"|(?:la\s+)?pascua(?:\s+de\s+resurreccion)?",
        _from_easter(0),
    ),
    (r"easter\s+monday", _from_easter(1)),
    (
        rf"mother{_APOSTROPHE}\s+day|(?:el\s+)?dia\s+de\s+(?:las\s+madres|la\s+madre|mama)",
        _nth(5, 2, SU),
    ),
    (r"memorial\s+day|(?:el\s+)?dia\s+de\s+los\s+caidos", _nth(5, -1, MO)),
    (
        rf"father{_APOSTROPHE}\s+day|(?:el\s+)?dia\s+del?\s+(?:los\s+)?padres?|(?:el\s+)?dia\s+de\s+papa",
        _nth(6, 3, SU),
    ),
    (r"juneteenth", _fixed(6, 19)),
    (
        r"independence\s+day|(?:the\s+)?fourth\s+of\s+july|(?:el\s+)?dia\s+de\s+(?:la\s+)?independencia",
        _fixed(7, 4),
    ),
    (r"labou?r\s+day|(?:el\s+)?dia\s+del\s+(?:trabajo|trabajador)", _nth(9, 1, MO)),
    (
        rf"columbus\s+day|indigenous\s+peoples?{_APOSTROPHE}\s+day"
        r"|(?:el\s+)?dia\s+de\s+(?:la\s+raza|la\s+hispanidad|colon|los\s+pueblos\s+indigenas)",
        _nth(10, 2, MO),
    ),
    (r"hall?owe?en", _fixed(10, 31)),
    (r"(?:el\s+)?dia\s+de\s+todos\s+los\s+santos|all\s+saints{_APOSTROPHE}\s+day", _fixed(11, 1)),
    (
        r"(?:el\s+)?dia\s+de\s+(?:los\s+)?(?:muertos|fieles\s+difuntos|difuntos)|day\s+of\s+the\s+dead",
        _fixed(11, 2),
    ),
    (rf"veterans?{_APOSTROPHE}\s+day|(?:el\s+)?dia\s+de\s+los\s+veteranos", _fixed(11, 11)),
    (
        r"(?:the\s+)?clocks?\s+(?:go|goes|going|change|went)\s+back|daylight\s+savings?(?:\s+time)?\s+ends"
        r"|(?:el\s+)?cambio\s+de\s+hora(?:rio)?\s+de\s+(?:otono|noviembre)",
        _nth(11, 1, SU),
    ),
    (
        r"thanks\s*givi?n[g']?(?:\s+day)?|(?:el\s+)?(?:dia\s+de\s+)?(?:la\s+)?accion\s+de\s+gracias",
        _THANKSGIVING,
    ),
    (r"black\s+friday|(?:el\s+)?viernes\s+negro", lambda year: _THANKSGIVING(year) + timedelta(days=1)),
    (r"christmas\s+eve|xmas\s+eve|(?:la\s+)?noche\s*buena", _fixed(12, 24)),
    (r"(?:christmas|xmas)(?:\s+day)?|(?:el\s+)?(?:dia\s+de\s+)?navidad", _fixed(12, 25)),
    (
        r"(?:el\s+)?dia\s+de\s+(?:los\s+)?(?:santos\s+)?reyes(?:\s+magos)?|(?:los\s+)?reyes\s+magos",
        _fixed(1, 6),
    ),
]

# "after the long weekend", "después del puente / del fin de semana largo": the weekend of the next
# Monday holiday, named by that Monday ("tuesday after the long weekend" is the day after it). Only
# after "after"/"before": "we're away for the long weekend, can I come thursday?" wants Thursday.
_LONG_WEEKEND = (
    r"(?<=after )the\s+long\s+weekend|(?<=before )the\s+long\s+weekend"
    r"|(?<=despues del )(?:puente|fin\s+de\s+semana\s+largo)"
    r"|(?<=antes del )(?:puente|fin\s+de\s+semana\s+largo)"
)
_MONDAY_HOLIDAYS: tuple[Rule, ...] = (
    _nth(1, 3, MO),
    _nth(2, 3, MO),
    _nth(5, -1, MO),
    _nth(9, 1, MO),
    _nth(10, 2, MO),
)
_HOLIDAYS.append((_LONG_WEEKEND, lambda year: date(year, 1, 1)))  # placeholder: see `holiday_day`
_LONG_WEEKEND_INDEX = len(_HOLIDAYS) - 1

# A holiday wished, not a day asked for: "Happy new year! could I book…", "feliz año nuevo", "merry
# christmas", "happy 4th", "felices fiestas", "feliz día de las madres" (held-out v10 was offered New
# Year's Day a year ahead to "Happy new year! … the week after - thursday morning").
_WISHED = "".join(
    rf"(?<!\b{word}\s)" for word in ("happy", "merry", "feliz", "felices", "prospero", "blessed", "joyous")
)
HOLIDAY = re.compile(
    _WISHED
    + "(?:"
    + "|".join(rf"(?P<h{i}>\b(?:{pattern})(?![a-z]))" for i, (pattern, _) in enumerate(_HOLIDAYS))
    + ")"
)
# typos worth correcting towards ("thanksgivng"); not names a patient may bear (Valentina, Patrick)
# nor words one edit from common ones ("easter" / "eastern")
VOCABULARY_WORDS = (
    "thanksgiving",
    "christmas",
    "halloween",
    "juneteenth",
    "navidad",
    "nochebuena",
    "nochevieja",
)


def holiday_day(match: re.Match[str], today: date) -> date:
    """The next day, on or after `today`, of the holiday `HOLIDAY` matched."""
    index = next(int(name[1:]) for name, value in match.groupdict().items() if value is not None)
    if index == _LONG_WEEKEND_INDEX:
        # the Monday of the long weekend under way or the next one ("it is today, today")
        return min(
            holiday
            for rule in _MONDAY_HOLIDAYS
            for year in (today.year, today.year + 1)
            if (holiday := rule(year)) >= today - timedelta(days=2)
        )
    rule = _HOLIDAYS[index][1]
    this_year = rule(today.year)
    return this_year if this_year >= today else rule(today.year + 1)
