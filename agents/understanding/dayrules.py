"""Day anchors in folded English and Spanish text: each rule turns a phrase into a span of days.

Rules run from the most specific to the least and a phrase is claimed by the first rule that
matches it ("pasado mañana" is never also "mañana"; "el lunes 14 de diciembre" is a date, not also
a weekday). Weeks run Monday to Sunday.

Weekdays, one rule in both languages:
- "Friday", "this Friday", "on Friday", "el viernes", "este viernes": the nearest Friday after today;
- "next Friday", "el próximo viernes", "el viernes que viene": the same, unless that is tomorrow —
  whoever means tomorrow says "tomorrow" — then the one a week later (said on a Tuesday, "next
  Wednesday" is the 9th, "next Friday" the 4th). When the nearest one falls in this week (or is
  tomorrow) "next" may also mean the other of the two, so the found day carries that `alternative`
  and the agent, offering times, says which one it took;
- "Friday next week", "el viernes de la semana que viene": that week's Friday, never ambiguous;
- "a week from Friday", "el viernes en ocho": a week after the Friday "Friday" alone would be;
  "el viernes de la semana que viene no, el otro", "not this Friday, the one after": a week after
  the Friday first named.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from agents.understanding import calendarrules
from agents.understanding.timewords import (
    MONTH_OR_ABBR_RE,
    MONTH_RE,
    NUMBER_RE,
    ORDINAL_SUFFIX,
    WEEKDAY_RE,
    WEEKDAYS,
    month_number,
    month_of,
    next_day_of_month,
    next_month_day,
    next_weekday,
    number,
    safe_date,
    week_of,
)
from agents.understanding.types import Language

Days = tuple[date, date]
Handler = Callable[[re.Match[str], date, Language], Days | None]

_NOT_A_TIME = r"(?!\s*(?::|\.\d|a\.?m\b|p\.?m\b|h\b|hrs?\b|o'?clock|de\s+la|y\s+media))"
# "Thursday 1st thing" is early on Thursday, not Thursday the 1st.
_NOT_EARLY = r"(?!\s+thing\b)"
_WEEK_OF = re.compile(r"(?:\bweek\s+of|\bsemana\s+del?)\s+(?:the\s+|el\s+)?$")
_NEXT_WORD = re.compile(r"\b(?:next|proximo)\b")
# What may stand between a weekday and the week it is in: "Friday next week", "Friday of next week",
# "next week, Friday", "el viernes de la semana que viene", "la semana que viene el viernes".
_WEEKDAY_IN_WEEK = re.compile(r"^\s*(?:[,:;]|-+|–)?\s*(?:(?:of|in|on|the|de|del|el|la|for|para)\s+)*$")


@dataclass(frozen=True)
class Found:
    """Days `first`..`last` (inclusive) said by the characters `span` of the text; `weekday` marks
    a bare weekday, which yields to a date falling on it ("Friday Dec 11")."""

    first: date
    last: date
    span: tuple[int, int]
    weekday: bool = False
    alternative: date | None = None  # the other day a "next Friday" may mean (see the module docstring)
    dated: bool = False  # a day of the month said ("the 19th", "Dec 3", "3/12"), not a word relative to today
    # a day the calendar names ("Thanksgiving", "the first Friday of March"; `calendarrules`)
    named: bool = False


def _single(day: date | None) -> Days | None:
    return (day, day) if day else None


def _iso(m: re.Match[str], today: date, language: Language) -> Days | None:
    return _single(safe_date(int(m[1]), int(m[2]), int(m[3])))


def _numeric(m: re.Match[str], today: date, language: Language) -> Days | None:
    """Numeric dates: month/day in English ("3/12" is 12 March), day/month in Spanish, swapped when
    only the other reading exists."""
    first, second = int(m[1]), int(m[2])
    month, day = (first, second) if language == "en" else (second, first)
    if month > 12 >= day:
        month, day = day, month
    if m[3] is None:
        return _single(next_month_day(today, month, day))
    year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
    return _single(safe_date(year, month, day))


def _day_month(m: re.Match[str], today: date, language: Language) -> Days | None:
    return _dated(today, month_number(m[2]), int(m[1]), m[3])


def _month_day(m: re.Match[str], today: date, language: Language) -> Days | None:
    return _dated(today, month_number(m[1]), int(m[2]), m[3])


def _dated(today: date, month: int, day: int, year: str | None) -> Days | None:
    if year is None:
        return _single(next_month_day(today, month, day))
    return _single(safe_date(int(year), month, day))


def _month_only(m: re.Match[str], today: date, language: Language) -> Days | None:
    month = month_number(m[1])
    if month == today.month:
        return today, month_of(today.year, month)[1]
    return month_of(today.year + (month < today.month), month)


def _relative_day(offset: int) -> Handler:
    return lambda m, today, language: _single(today + timedelta(days=offset))


def _in_units(m: re.Match[str], today: date, language: Language) -> Days | None:
    """Counted units: "in two weeks" → that week; "in 3 days" → that day; "within two weeks" → until then."""
    count, unit = number(m["n"] or m["n2"]), m["unit"] or m["unit2"]
    if unit.startswith(("d", "w", "s")):
        step = 1 if unit.startswith("d") else 7
        target = today + timedelta(days=count * step)
    else:
        year, month = divmod(today.month - 1 + count, 12)
        target = safe_date(today.year + year, month + 1, min(today.day, 28)) or today
    if m["within"]:
        return today, target
    return (target, target) if unit.startswith("d") else week_of(target)


def _this_week(m: re.Match[str], today: date, language: Language) -> Days | None:
    return today, week_of(today)[1]


def _week_in(weeks: int) -> Handler:
    return lambda m, today, language: week_of(today + timedelta(days=7 * weeks))


def _weekend(m: re.Match[str], today: date, language: Language) -> Days | None:
    saturday = week_of(today)[0] + timedelta(days=5)
    return max(today, saturday), saturday + timedelta(days=1)


def _this_month(m: re.Match[str], today: date, language: Language) -> Days | None:
    return today, month_of(today.year, today.month)[1]


def _next_month(m: re.Match[str], today: date, language: Language) -> Days | None:
    return month_of(today.year + (today.month == 12), today.month % 12 + 1)


def _end_of_month(m: re.Match[str], today: date, language: Language) -> Days | None:
    last = month_of(today.year, today.month)[1]
    return max(today, last - timedelta(days=6)), last


def said_next(match: re.Match[str]) -> bool:
    """Whether a weekday was said with "next" ("next Friday", "el próximo viernes", "el viernes que
    viene")."""
    return bool(_NEXT_WORD.search(match["pre"] or "") or match["post"])


def next_said_weekday(today: date, weekday: int) -> date:
    """ "next Friday": the nearest Friday after today, unless that is tomorrow, then a week later."""
    nearest = next_weekday(today, weekday)
    return nearest + timedelta(days=7) if nearest == today + timedelta(days=1) else nearest


def other_reading(today: date, weekday: int) -> date | None:
    """The other day "next <weekday>" may mean: when the nearest one is tomorrow or still in this
    week, "next" may be it or the one a week later; otherwise there is one reading."""
    nearest = next_weekday(today, weekday)
    if nearest > week_of(today)[1] and nearest != today + timedelta(days=1):
        return None
    taken = next_said_weekday(today, weekday)
    return nearest if taken != nearest else nearest + timedelta(days=7)


def _weekday(m: re.Match[str], today: date, language: Language) -> Days | None:
    """Weekdays (see the module docstring); "el lunes 14" → the next Monday the 14th."""
    weekday = WEEKDAYS[m["wd"]]
    day = m["day"]
    if day and (language == "es" or m["the"] or m["ord"]) and 1 <= int(day) <= 31:
        found = next_day_of_month(today, int(day), weekday) or next_day_of_month(today, int(day))
        return _single(found)
    return _single(next_said_weekday(today, weekday) if said_next(m) else next_weekday(today, weekday))


def _weeks_from_weekday(m: re.Match[str], today: date, language: Language) -> Days | None:
    """ "A week from Friday", "two weeks from Tuesday", "una semana después del viernes", "el viernes
    en ocho": counted from the Friday that "Friday" alone would be, not from today."""
    weeks = number(m["n"] or m["n_es"]) if m["n"] or m["n_es"] else 1
    weekday = WEEKDAYS[m["wd"] or m["wd2"]]
    base = next_said_weekday(today, weekday) if m["next"] else next_weekday(today, weekday)
    return _single(base + timedelta(days=7 * weeks))


def _the_other_weekday(m: re.Match[str], today: date, language: Language) -> Days | None:
    """ "El viernes de la semana que viene no, el otro", "not this Friday, the one after": a weekday
    said and then put off by a week — the one after the weekday first named."""
    weekday = WEEKDAYS[m["wd"]]
    if m["week"]:
        first = week_of(today + timedelta(days=7))[0] + timedelta(days=weekday)
    else:
        first = next_said_weekday(today, weekday) if m["next"] else next_weekday(today, weekday)
    return _single(first + timedelta(days=7))


def _nth(m: re.Match[str], today: date, language: Language) -> Days | None:
    day = int(m[1] or m[2])
    return _single(next_day_of_month(today, day) if 1 <= day <= 31 else None)


_RULES: list[tuple[re.Pattern[str], Handler]] = [
    *calendarrules.RULES,
    (re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b"), _iso),
    # "24/7" is all the time, never the 24th of July ("like snow on my shoulders 24/7")
    (re.compile(r"(?<![\d/.:-])(?!24/7(?![/\d]))(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/])"), _numeric),
    (
        re.compile(
            rf"\b(\d{{1,2}}){ORDINAL_SUFFIX}\s+(?:of\s+|de\s+)?({MONTH_OR_ABBR_RE})(?![a-z])"
            r"(?:,?\s+(?:de\s+|del\s+)?(\d{4})\b)?"
        ),
        _day_month,
    ),
    (
        re.compile(
            rf"\b({MONTH_OR_ABBR_RE})\s+(?:the\s+)?(\d{{1,2}}){ORDINAL_SUFFIX}(?![\d:a-z])(?:,?\s+(\d{{4}})\b)?"
        ),
        _month_day,
    ),
    (
        re.compile(
            r"\b(?:in|during|for|en|durante|para|sometime\s+in|any\s*time\s+in)\s+"
            rf"(?:the\s+month\s+of\s+|el\s+mes\s+de\s+)?({MONTH_RE})\b"
        ),
        _month_only,
    ),
    (
        re.compile(
            rf"\b(?:(?P<within>within|in\s+the\s+next|en\s+los\s+proximos|en\s+las\s+proximas)|in|en|dentro\s+de)\s+"
            rf"(?P<n>{NUMBER_RE})\s+(?P<unit>days?|weeks?|months?|dias?|semanas?|mes|meses)\b"
            rf"|\b(?P<n2>{NUMBER_RE})\s+(?P<unit2>days?|weeks?|months?)\s+from\s+(?:now|today)\b"
        ),
        _in_units,
    ),
    (re.compile(r"\b(?:the\s+)?day\s+after\s+tomorrow\b|\bpasado\s+manana\b"), _relative_day(2)),
    (
        re.compile(
            r"\b(?:today|hoy|tonight|esta\s+noche|esta\s+tarde|esta\s+manana|this\s+(?:morning|afternoon|evening))\b"
        ),
        _relative_day(0),
    ),
    (re.compile(r"\b(?:tomorrow|tmrw|tmr|tmw)\b|(?<!la )(?<!las )(?<!esta )\bmanana\b"), _relative_day(1)),
    (re.compile(r"\bin\s+a\s+fortnight\b|\ben\s+(?:una\s+)?quincena\b"), _week_in(2)),
    (
        # both weeks ruled out, then the one after: "not this week or next, the week after", "no esta
        # semana ni la próxima, la siguiente" — the week after next, not this week
        re.compile(
            r"\bnot\s+(?:this\s+week|this\s+one)\s*,?\s+(?:or|nor|and\s+not|not)\s+(?:the\s+)?next(?:\s+(?:week|one))?"
            r"\s*[,;:.-]*\s*(?:but\s+|rather\s+)?(?:the\s+(?:week|one)\s+after(?:\s+(?:that|next))?|the\s+following\s+(?:one|week))\b"
            r"|\bno\s+(?:para\s+)?esta\s+semana\s*,?\s+ni\s+(?:la\s+|para\s+la\s+)?(?:proxima|que\s+viene|siguiente|otra)"
            r"(?:\s+semana)?\s*[,;:.-]*\s*(?:sino\s+)?(?:la\s+|para\s+la\s+)?(?:siguiente|otra|de\s+despues|que\s+sigue"
            r"|subsiguiente)(?:\s+semana)?\b"
        ),
        _week_in(2),
    ),
    (
        re.compile(
            r"\b(?:the\s+)?week\s+after\s+next\b|\b(?:la\s+)?semana\s+(?:subsiguiente"
            r"|siguiente\s+a\s+la\s+(?:proxima|que\s+viene)|despues\s+de\s+la\s+(?:proxima|que\s+viene))\b"
        ),
        _week_in(2),
    ),
    (
        re.compile(
            rf"\b(?:(?P<n>{NUMBER_RE})\s+weeks?\s+(?:from|after|on)|(?P<n_es>{NUMBER_RE})\s+semanas?\s+"
            r"(?:despues|luego)\s+de(?:l|\s+el)?)\s+(?:(?:this|the|on|este)\s+)?(?P<next>(?:next|coming|proximo)\s+)?"
            rf"(?P<wd>{WEEKDAY_RE})(?:'s|s)?\b(?!\s+(?:next|que\s+viene|de\s+la\s+semana))"
            rf"|\b(?:el\s+)?(?P<wd2>{WEEKDAY_RE})\s+en\s+ocho(?:\s+dias)?\b"
        ),
        _weeks_from_weekday,
    ),
    (
        re.compile(
            rf"\b(?:not\s+)?(?:(?:el|this|on)\s+)?(?P<next>(?:next|proximo)\s+)?(?P<wd>{WEEKDAY_RE})"
            r"(?P<week>\s+(?:de\s+)?(?:la\s+semana\s+que\s+viene|la\s+proxima\s+semana|next\s+week))?"
            r"(?:\s+que\s+viene)?\s*[,.;]*\s*"
            r"(?:no\s*[,.;]*\s*(?:sino\s+)?(?:el|la)\s+(?:otr[oa]|siguiente|de\s+despues)"
            r"(?!\s+(?:dia|semana|mes|vez|doctor|doctora|opcion|hora))\b"
            r"|(?:no\s*[,.;]*\s*)?(?:but\s+)?the\s+(?:one|week)\s+after(?:\s+that)?\b"
            r"|(?:no\s*[,.;]*\s*)?the\s+following\s+one\b)"
        ),
        _the_other_weekday,
    ),
    (re.compile(r"\b(?:later\s+)?this\s+(?:coming\s+)?week\b|\besta\s+semana\b"), _this_week),
    (
        re.compile(
            r"\bnext\s+week\b|\b(?:the\s+)?(?:following|coming)\s+week\b|\b(?:la\s+)?semana\s+que\s+viene\b"
            r"|\b(?:la\s+)?proxima\s+semana\b|\bla\s+semana\s+(?:proxima|entrante|siguiente)\b|\bla\s+otra\s+semana\b"
        ),
        _week_in(1),
    ),
    (re.compile(r"\b(?:this|next|the|on\s+the)\s+weekend\b|\b(?:este|el)\s+fin\s+de\s+semana\b"), _weekend),
    (re.compile(r"\b(?:later\s+)?this\s+month\b|\beste\s+mes\b"), _this_month),
    (
        re.compile(
            r"\bnext\s+month\b|\b(?:el\s+)?mes\s+que\s+viene\b|\b(?:el\s+)?proximo\s+mes\b"
            r"|\bel\s+mes\s+(?:proximo|entrante|siguiente)\b"
        ),
        _next_month,
    ),
    (
        re.compile(r"\bend\s+of\s+(?:the|this)\s+month\b|\b(?:a\s+)?(?:fin|finales)\s+de(?:l)?\s+mes\b"),
        _end_of_month,
    ),
    (
        re.compile(
            rf"\b(?P<pre>(?:(?:next|this|coming|on|el|este|proximo|el\s+proximo)\s+)*)(?P<wd>{WEEKDAY_RE})(?:'s|s)?\b"
            rf"(?:\s+(?P<the>the\s+)?(?P<day>\d{{1,2}})(?P<ord>st|nd|rd|th)?\b{_NOT_A_TIME}{_NOT_EARLY})?"
            r"(?P<post>\s+(?:que\s+viene|proximo|entrante))?"
        ),
        _weekday,
    ),
    (
        re.compile(
            # "the first day after the long weekend", "the 1st day you have" is no day of the month
            rf"\b(?:on\s+)?the\s+(\d{{1,2}})(?:st|nd|rd|th)\b(?!\s+(?:one|option|choice|thing|day\s+(?!of\b)|available|free|open))"
            rf"|\bel\s+(?:dia\s+)?(\d{{1,2}})\b{_NOT_A_TIME}"
        ),
        _nth,
    ),
]


_DATED: tuple[Handler, ...] = (_iso, _numeric, _day_month, _month_day, _nth)
_NAMED = frozenset(handler for _, handler in calendarrules.RULES)


def find_days(text: str, today: date, language: Language) -> list[Found]:
    """Every day anchor in a folded text, each phrase claimed by the first rule that reads it."""
    taken: list[tuple[int, int]] = []
    found: list[Found] = []
    for pattern, handler in _RULES:
        for match in pattern.finditer(text):
            start, end = match.span()
            if overlap := [e for s, e in taken if start < e and s < end]:
                # "week after next on tuesday": "next" belongs to the week, and "on tuesday" is still
                # a weekday; the same phrase is read again from where the claimed words end
                again = _reread(pattern, text, max(overlap), end)
                if again is None or any(again.start() < e and s < again.end() for s, e in taken):
                    continue
                match = again
                start, end = match.span()
            days = handler(match, today, language)
            if days is None:
                continue
            taken.append((start, end))
            if week_of_prefix := _WEEK_OF.search(text, 0, start):
                days, start = (week_of(days[0])[0], week_of(days[0])[1]), week_of_prefix.start()
            bare_weekday = handler is _weekday and not match["day"]
            other = other_reading(today, WEEKDAYS[match["wd"]]) if bare_weekday and said_next(match) else None
            of_month = handler in _DATED or (handler is _weekday and bool(match["day"]))
            named = handler in _NAMED
            found.append(
                Found(days[0], days[1], (start, end), bare_weekday, other, dated=of_month, named=named)
            )
    found = _in_their_weeks(_around_days(found, text), text, today)
    dated = {f.first.weekday() for f in found if not f.weekday and f.first == f.last}
    return [f for f in found if not (f.weekday and f.first.weekday() in dated)]


def _reread(pattern: re.Pattern[str], text: str, pos: int, end: int) -> re.Match[str] | None:
    """`pattern` found again from `pos`, within the words of a match that began inside a phrase
    another rule has claimed (None when nothing of it is left before `end`)."""
    match = pattern.search(text, pos)
    return match if match is not None and match.start() < end else None


def _around_days(found: list[Found], text: str) -> list[Found]:
    """A single day with "the day after" or "the Wednesday before" said right before it is moved
    there (`calendarrules.around`); a weekday found inside those words goes."""
    moved: list[Found] = []
    for f in found:
        said = calendarrules.around(text, f.span[0], f.first, named=f.named) if f.first == f.last else None
        if said is not None:
            start, (first, last) = said
            f = Found(first, last, (start, f.span[1]), dated=f.dated and first == last, named=True)
        moved.append(f)
    spans = [f.span for f in moved if f.named]
    return [
        f for f in moved if not any(s <= f.span[0] and f.span[1] <= e and f.span != (s, e) for s, e in spans)
    ]


def _in_their_weeks(found: list[Found], text: str, today: date) -> list[Found]:
    """A weekday said next to a week ("Friday next week", "el viernes de la semana que viene") is
    that week's, not the nearest: it moves into the week, which then yields to it (`dates._narrowest`)."""
    weeks = [f for f in found if f.last - f.first == timedelta(days=6) and f.first.weekday() == 0]
    if not weeks:
        return found
    moved: list[Found] = []
    for f in found:
        week = next((w for w in weeks if f.weekday and _adjacent(f, w, text)), None)
        if week is not None:
            day = week.first + timedelta(days=f.first.weekday())
            if day >= today:
                f = Found(day, day, f.span, weekday=True)
        moved.append(f)
    return moved


def _adjacent(a: Found, b: Found, text: str) -> bool:
    """Whether only linking words ("of", "de la") stand between two found phrases."""
    (_, first_end), (second_start, _) = sorted([a.span, b.span])
    return first_end <= second_start and bool(_WEEKDAY_IN_WEEK.match(text[first_end:second_start]))
