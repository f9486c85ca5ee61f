"""When the patient wants to come: a phrase in English or Spanish → a range of slots to search.

dateparser handles absolute dates well but is weak on what patients actually write ("mañana por la
tarde", "el lunes 14", "la semana que viene", "next Tuesday afternoon" inside a sentence), so our
own rules find day anchors (`dayrules`) and times of day (`dayparts`) on the folded text, and
dateparser is only the fallback for short remaining phrases. Everything is relative to the `now`
passed in; the clock is never read.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import dateparser

from agents.understanding.birthclause import birth_clauses
from agents.understanding.calendarrules import unread_day
from agents.understanding.closedsaid import closed_spans
from agents.understanding.corrections import correction_cut
from agents.understanding.dayparts import DayPart, find_daypart, narrated_spans
from agents.understanding.dayrules import Found, find_days
from agents.understanding.holidaywords import VOCABULARY_WORDS
from agents.understanding.moverequests import asks_to_move
from agents.understanding.numberwords import spell_times
from agents.understanding.text import Text, analyse, clean, fold, vocabulary_of
from agents.understanding.timewords import MONTH_ABBREVIATIONS, MONTHS, WEEKDAY_RE, WEEKDAYS
from agents.understanding.types import Language, PartOfDay, When
from agents.understanding.unavailable import UNAVAILABLE

ASAP_DAYS = 14
_MAX_HULL_DAYS = 31

_ASAP = re.compile(
    r"\b(?:asap|a\.s\.a\.p|as\s+(?:soon|early)\s+as\s+(?:possible|you\s+can)|soonest|earliest(?:\s+possible)?"
    r"|first\s+available|next\s+available|lo\s+antes\s+posible|cuanto\s+antes|lo\s+mas\s+pronto(?:\s+posible)?"
    r"|primera\s+(?:cita\s+|hora\s+)?disponible|lo\s+primero\s+que\s+(?:tengan|haya))\b"
)
_ANY_TIME = re.compile(
    r"\b(?:any\s*time|whenever|no\s+preference|any\s+day|cuando\s+sea|me\s+da\s+igual|cualquier\s+(?:dia|momento|hora))\b"
)
# "Thursday instead of Tuesday", "el lunes en vez del martes": the day after these is the one not wanted.
_REPLACED = re.compile(
    r"\b(?:instead\s+of|rather\s+than|en\s+(?:vez|lugar)\s+del?)\s+(?:(?:the|on|el|la)\s+)?$"
)
_MOVE = re.compile(
    r"\b(?:move|moved|change|switch|push|reschedule|put\s+(?:it|me)|pasar|pasarla|cambiar|cambiarla|mover|moverla|cambiame|cambieme|pasame|muevame|cambienme|pasenme"
    r"|reprogramar|aplazar|posponer)\b"
)
# "move it to tuesday the 4th", "pasar al martes 4 de mayo": the weekday before the date is still after "to";
# "make it wednesday morning" says where too
_MOVED_TO = re.compile(
    r"\b(?:to|into|until|for|al|a|para|hasta|(?:make|do|have|put)\s+it)\s+"
    r"(?:(?:the|el|la|next|this|coming|on|at|proximo|proxima|este|esta)\s+)*"
    rf"(?:(?:{WEEKDAY_RE})\s*,?\s+(?:(?:the|el)\s+)?)?$"
)
_CONTRAST = re.compile(r"\b(?:but|pero|instead|rather|en\s+vez|en\s+lugar)\b")
# Units and calendar words that make a leftover phrase worth handing to dateparser.
_DATEISH = re.compile(
    rf"\d[./-]\d|\b(?:{'|'.join([*MONTHS, *MONTH_ABBREVIATIONS, *WEEKDAYS])})\b"
    r"|\b(?:days?|weeks?|fortnight|months?|dias?|semanas?|mes|meses|quincena)\b"
)
VOCABULARY = vocabulary_of(
    [*MONTHS, *WEEKDAYS, "tomorrow", "today", "morning", "afternoon", "evening", "tonight", "week",
     "weeks", "month", "months", "weekend", "fortnight", "possible", "available", "earliest",
     "semana", "semanas", "manana", "mananas", "tarde", "tardes", "noche", "proximo", "proxima",
     "pasado", "posible", "pronto", "cuando", "disponible", "mediodia", "despues", "antes", "dentro",
     "cuanto", "quincena", "finales", "siguiente", "entrante", "partir", "cuarto", "media", "cualquier",
     *VOCABULARY_WORDS]
)  # fmt: skip


def parse_when(text: str, *, now: datetime, tz: ZoneInfo, language: Language) -> When | None:
    """The range to search for "next Tuesday afternoon", "mañana por la tarde", "asap"…; None if no time.

    A weekday is the next such day (today only when "today" is said), a day of the month without
    a month its next occurrence; "as soon as possible" (and "any time") is now .. now + 14 days.
    """
    return when_in(timed_text(text, VOCABULARY), now=now, tz=tz, language=language)


def two_readings(text: str, *, today: date, language: Language) -> tuple[date, date, str] | None:
    """(the day taken, the other day meant, the words) when the one day `text` names may be either
    ("next Wednesday" said on a Tuesday: the 9th as read, or tomorrow; see `dayrules`), else None."""
    timed = timed_text(text, VOCABULARY)
    found = find_days(timed.corrected, today, language)
    if len(found) != 1 or found[0].alternative is None:
        return None
    start, end = found[0].span
    return found[0].first, found[0].alternative, (timed.corrected if timed.typo else timed.clean)[start:end]


def names_a_date(text: str, *, today: date, language: Language) -> bool:
    """Whether `text` names a day of the month ("Tuesday the 19th", "el 3 de marzo") or a day the
    calendar names ("the day after Thanksgiving", "the first Friday of March"), which says when more
    plainly than any word relative to another day ("the following week")."""
    return any(f.dated or f.named for f in find_days(timed_text(text, VOCABULARY).corrected, today, language))


def dated_days(text: str, *, today: date, language: Language) -> dict[date, str]:
    """The single days of the month `text` names outright and keeps ("Tuesday the third", "el
    miércoles doce", "March 4"; not one taken back by a self-correction), each with its words: what
    a caller said plainly enough to check another reader's date against."""
    folded = fold(text)
    for start, end in birth_clauses(folded):  # "born … October twelfth" is no day asked for
        folded = folded[:start] + " " * (end - start) + folded[end:]
    source = timed_text(folded, VOCABULARY).corrected
    found = [f for f in find_days(source, today, language) if f.dated and f.first == f.last]
    cut = correction_cut(source, [f.span[0] for f in found])
    return {f.first: source[f.span[0] : f.span[1]] for f in found if f.span[0] >= cut}


def taken_back_days(text: str, *, today: date, language: Language) -> set[date]:
    """The single days the patient named and then corrected ("el martes once... no, espere, el
    miércoles doce" → the 11th) or said were a holiday or full, so that another reader's take of
    the words can be checked."""
    source = timed_text(text, VOCABULARY).corrected
    found = find_days(source, today, language)
    cut = correction_cut(source, [f.span[0] for f in found])
    # a day said to be a holiday or full ("el jueves es Acción de Gracias", "Monday's a holiday")
    ruled_out = {f.first for m in UNAVAILABLE.finditer(source) for f in find_days(m[0], today, language)}
    ruled_out |= {f.first for s, e in closed_spans(source) for f in find_days(source[s:e], today, language)}
    return {f.first for f in found if f.span[0] < cut and f.first == f.last} | ruled_out


def timed_text(text: str, vocabulary: frozenset[str]) -> Text:
    """`text` analysed for dates, clock times and days in words as digits ("half three" → 3:30).

    The patient's own casing is kept unless a word was rewritten (the rewrite works on folded text).
    """
    folded = fold(clean(text))
    spelled = spell_times(folded)
    return analyse(text if spelled == folded else spelled, vocabulary)


def when_in(text: Text, *, now: datetime, tz: ZoneInfo, language: Language) -> When | None:
    """`parse_when` on an already analysed text (the caller may have blanked out a birth date); None
    too when a day is clearly said in words no rule reads (`calendarrules.unread_day`)."""
    local_now = now.astimezone(tz)
    source = text.corrected
    found = _wanted(find_days(source, local_now.date(), language), source)
    if unread := _unread(source, found):  # "the Wednesday before Diwali" is no plain Wednesday
        found = [f for f in found if not unread[0] <= f.span[0] < unread[1]]
    daypart = find_daypart(source)
    asap = _ASAP.search(source)
    any_time = _ANY_TIME.search(source)
    if not found and asap is None:
        fallback = _dateparser_day(text.clean, local_now, language)
        if fallback is not None:
            found = [fallback]
    if not found and daypart is None and asap is None and any_time is None:
        return None
    if not found and asap is None and unread is not None:
        return None  # "the day after my birthday, morning": a day was said, not the soonest mornings
    matches = [m for m in (asap, any_time) if m is not None]
    quoted = _quote(text, [*(f.span for f in found), *(d.span for d in [daypart] if d), *_spans(matches)])
    bounds = (daypart.start, daypart.end) if daypart and daypart.bounded else (None, None)
    if not found:
        part = daypart.part if daypart else None
        soon = asap is not None or any_time is not None
        return When(local_now, local_now + timedelta(days=ASAP_DAYS), part, soon, quoted, None, *bounds)
    first, last = _narrowest(found)
    start, end, part = _range(first, last, daypart, tz)
    start = max(start, local_now)
    near = _at(first, daypart.at, tz) if daypart and daypart.at is not None and first == last else None
    near = near if near is not None and near >= local_now else None
    return When(start, max(end, start), part, asap is not None, quoted, near, *bounds)


def _wanted(found: list[Found], source: str) -> list[Found]:
    """The anchors the patient asks for: a day named after "instead of" is dropped (unless it is
    the only day said, which is then the best reading there is), so is one taken back by a
    self-correction ("Tuesday, I mean Wednesday"); when a move names where to
    ("I have Friday but can we move it to Monday", "¿la podemos pasar al lunes?"), only that day.
    A day inside a closing told ("I know ur closed monday") is dropped, and a day named after the
    closing ("…so tuesday the 1st", "…then monday the 27th") outranks any said before it; so is the
    day of a part of day that tells what happened ("my knee locked up this morning")."""
    found = _after_closing(found, closed_spans(source))
    told = narrated_spans(source)  # "my knee locked up this morning": no day asked for
    found = [f for f in found if not any(start <= f.span[0] < end for start, end in told)] or found
    kept = [f for f in found if not _REPLACED.search(source, 0, f.span[0])] or found
    cut = correction_cut(source, [f.span[0] for f in kept])  # "el martes... no, espere, el miércoles"
    kept = [f for f in kept if f.span[0] >= cut]
    if len(kept) > 1 and (_MOVE.search(source) or asks_to_move(source)):  # "¿la pasamos al martes 4?"
        targets = [f for f in kept if _MOVED_TO.search(source, 0, f.span[0])]
        # "¿se puede cambiar para la otra semana? el miércoles 2": a day said after the week it goes
        # to, inside it, says which day of it
        inside = [f for f in kept if f not in targets and any(_within(f, t) for t in targets)]
        return [*targets, *inside] or kept
    if len(kept) > 1 and (contrast := _CONTRAST.search(source)):  # "I have Tuesday but want Wednesday"
        return [f for f in kept if f.span[0] > contrast.end()] or kept
    return kept


def _after_closing(found: list[Found], closings: list[tuple[int, int]]) -> list[Found]:
    """The days wanted around closings told (`closedsaid`): not those inside one, and only those
    after the last one when any are (each rule applies only when it leaves a day)."""
    if not closings:
        return found
    outside = [f for f in found if not any(start <= f.span[0] < end for start, end in closings)] or found
    return [f for f in outside if f.span[0] >= closings[-1][1]] or outside


def _unread(source: str, found: list[Found]) -> tuple[int, int] | None:
    """Where a day is said in words no rule reads ("the day after my birthday"): not where a day
    found ends the words ("the day after Mother's Day" is read)."""
    unread = unread_day(source)
    if unread is None or any(start < unread[1] <= end for start, end in (f.span for f in found)):
        return None
    return unread


def _narrowest(found: list[Found]) -> tuple[date, date]:
    """The most specific anchors ("Monday or Tuesday next week" → Monday..Tuesday; a range that
    contains another anchor yields to it, and so does any range or relative day to a day of the
    month said outright: "de esta semana, el 21"), their hull — unless that spans more than a month, then
    the first one said."""
    specific = [f for f in found if not any(_contains(f, other) for other in found)]
    if any(f.dated and f.first == f.last for f in specific):  # "the following week… so Tuesday the 19th"
        # a range cut to one day ("esta semana" said on a Sunday) yields too; weekdays said stay
        specific = [f for f in specific if f.first == f.last and (f.dated or f.weekday)]
    first, last = min(f.first for f in specific), max(f.last for f in specific)
    if last - first > timedelta(days=_MAX_HULL_DAYS):
        said_first = min(specific, key=lambda f: f.span[0])
        return said_first.first, said_first.last
    return first, last


def _within(day: Found, target: Found) -> bool:
    """Whether `day`, said after the place a move goes to, lies inside it."""
    return day.span[0] >= target.span[1] and _contains(target, day)


def _contains(outer: Found, inner: Found) -> bool:
    """Whether `outer` strictly contains `inner` (identical ranges keep both)."""
    wider = (outer.first, outer.last) != (inner.first, inner.last)
    return wider and outer.first <= inner.first and inner.last <= outer.last


def _range(
    first: date, last: date, daypart: DayPart | None, tz: ZoneInfo
) -> tuple[datetime, datetime, PartOfDay | None]:
    if daypart is None:
        return _at(first, 0, tz), _at(last + timedelta(days=1), 0, tz), None
    if first == last:
        return _at(first, daypart.start, tz), _at(first, daypart.end, tz), daypart.part
    return _at(first, 0, tz), _at(last + timedelta(days=1), 0, tz), daypart.part


def _at(day: date, minutes: int, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(), tzinfo=tz) + timedelta(minutes=minutes)


def _dateparser_day(clean: str, now: datetime, language: Language) -> Found | None:
    """dateparser's reading of a short leftover phrase, as a single day not before today."""
    words = clean.split()
    if not 0 < len(words) <= 6 or not _DATEISH.search(clean.lower()):
        return None
    settings = {
        "RELATIVE_BASE": now.replace(tzinfo=None),
        "PREFER_DATES_FROM": "future",
        "DATE_ORDER": "MDY" if language == "en" else "DMY",
    }
    languages = [language, "en"] if language != "en" else ["en"]
    parsed = dateparser.parse(clean, languages=languages, settings=settings)
    if not isinstance(parsed, datetime) or parsed.date() < now.date():
        return None
    return Found(parsed.date(), parsed.date(), (0, len(clean)))


def _spans(matches: list[re.Match[str]]) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in matches]


def _quote(text: Text, spans: list[tuple[int, int]]) -> str:
    """The words understood, from the first recognised span to the last."""
    source = text.corrected if text.typo else text.clean
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    return source[start:end].strip(" ,.;")
