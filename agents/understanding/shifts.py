"""Times said relative to the appointment being moved: "push it back a week", "same time but
Friday", "a las diez, el mismo día", "the week after", "earlier that day", "same time next month".

Read against the clock these phrases mean nothing or the wrong thing ("the week after" is not next
week when the appointment is in three weeks), so they are read against the appointment's start
(`anchor`) once the graph knows which appointment is being changed. `mentions_shift` tells the
graph, before it knows, that a message asks for such a move.

All on folded text; the result is a `When` in the clinic's time zone, never before `now`.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from agents.understanding.dayparts import WINDOWS, find_daypart
from agents.understanding.numberwords import spell_times
from agents.understanding.text import clean, fold
from agents.understanding.timewords import NUMBER_RE, WEEKDAY_RE, WEEKDAYS, number, safe_date
from agents.understanding.types import PartOfDay, When

_UNIT = r"(?P<unit>days?|weeks?|months?|dias?|semanas?|mes(?:es)?)"
_COUNT = rf"(?P<n>{NUMBER_RE})"
# "pasarla un día antes": the word after the amount says which way, whatever the verb suggests.
_NOT_EARLIER = r"(?!\s+(?:mas\s+)?(?:antes|earlier|before|sooner|temprano)\b)"
_NOT_LATER = r"(?!\s+(?:mas\s+)?(?:despues|later|after|tarde)\b)"
# "a week from that", "two days after it", "una semana después de esa": counted from the appointment.
_FROM_IT = r"(?:from|after)\s+(?:that|then|it|this|the\s+appointment|that\s+(?:day|date|one))\b"
# "push it back a week", "a week later", "two days earlier", "una semana después", "atrasarla un día"
_LATER = [
    re.compile(
        r"\b(?:push|move|bump|put|shift|set)\s+(?:it|this|that|the\s+appointment|my\s+appointment|them)?\s*"
        rf"(?:back|out|later)\s+(?:by\s+)?{_COUNT}\s+{_UNIT}"
    ),
    re.compile(rf"\b{_COUNT}\s+{_UNIT}\s+(?:later|after(?:wards)?|mas\s+tarde|despues|luego|{_FROM_IT})"),
    re.compile(
        rf"\b(?:atras|retras|aplaz|pospon|pas|muev|mov|corr)(?:ar|a|e|er)(?:la|lo|mela|me)?\s+(?:\w+\s+){{0,2}}?"
        rf"{_COUNT}\s+{_UNIT}\b{_NOT_EARLIER}"
    ),
]
_EARLIER = [
    re.compile(
        r"\b(?:move|bring|pull|put)\s+(?:it|this|that|the\s+appointment|my\s+appointment)?\s*(?:forward|earlier|up)\s+"
        rf"(?:by\s+)?{_COUNT}\s+{_UNIT}"
    ),
    re.compile(rf"\b{_COUNT}\s+{_UNIT}\s+(?:earlier|before|sooner|antes)\b"),
    re.compile(rf"\badelant(?:ar|a|e)(?:la|lo|mela)?\s+(?:\w+\s+){{0,2}}?{_COUNT}\s+{_UNIT}\b{_NOT_LATER}"),
]
# By hours or minutes: "an hour later", "una hora más tarde", "push it back half an hour",
# "adelantarla media hora", "30 minutes earlier" — the same day, that much later or earlier.
_HOURS = rf"(?P<h>{NUMBER_RE}|media|half\s+an?)\s+(?P<hunit>hours?|hrs?|horas?|minutes?|mins?|minutos?)"
_LATER_HOURS = [
    re.compile(rf"\b{_HOURS}\s+(?:mas\s+)?(?:later|tarde|despues|after)\b"),
    re.compile(
        r"\b(?:push|move|bump|put|shift|set)\s+(?:it|this|that|the\s+appointment|my\s+appointment)?\s*"
        rf"(?:back|out|later)\s+(?:by\s+)?{_HOURS}"
    ),
    re.compile(rf"\b(?:atras|retras|corr)(?:ar|a|e|en|an)(?:la|lo|mela|me)?\s+(?:\w+\s+){{0,2}}?{_HOURS}"),
]
_EARLIER_HOURS = [
    re.compile(rf"\b{_HOURS}\s+(?:earlier|before|sooner|antes|mas\s+temprano)\b"),
    re.compile(
        r"\b(?:move|bring|pull|put)\s+(?:it|this|that|the\s+appointment|my\s+appointment)?\s*(?:forward|earlier|up)"
        rf"\s+(?:by\s+)?{_HOURS}"
    ),
    re.compile(rf"\badelant(?:ar|a|e|en|an)(?:la|lo|mela)?\s+(?:\w+\s+){{0,2}}?{_HOURS}"),
]
_NEIGHBOUR = re.compile(
    r"\b(?P<which>the\s+(?:day|week)\s+(?:after|before)|the\s+following\s+(?:day|week)|the\s+next\s+(?:day|week)"
    r"|el\s+dia\s+(?:siguiente|despues|antes|anterior)|la\s+semana\s+(?:siguiente|despues|de\s+despues|anterior"
    r"|de\s+antes)|al\s+dia\s+siguiente|a\s+la\s+semana\s+siguiente)\b"
)
_SAME_DAY = re.compile(
    r"\b(?:same\s+day|that\s+(?:same\s+)?day|(?:d?el|al)\s+mismo\s+dia|ese\s+(?:mismo\s+)?dia)\b"
)
# "same time", "a la misma hora", and the day and time together ("mismo día y hora", "same day and
# time"), which with an amount or "next week" keep both: that weekday, that time, so much later
_SAME_TIME = re.compile(
    r"\b(?:(?:the\s+)?same\s+(?:time|hour|slot|time\s+slot)|(?:a\s+la\s+|la\s+)?misma\s+hora"
    r"|(?:en\s+|a\s+|con\s+)?(?:el\s+)?mismo\s+horario"
    r"|(?:the\s+)?same\s+(?:day|weekday)\s*(?:and|&|,)\s*(?:same\s+)?time|same\s+time\s*(?:and|&|,)\s*(?:same\s+)?day"
    r"|(?:el\s+)?mismo\s+dia\s*(?:y|,)\s*(?:(?:a\s+)?la\s+misma\s+)?hora(?:rio)?|(?:la\s+)?misma\s+hora\s*(?:y|,)\s*(?:el\s+mismo\s+)?dia)\b"
)
_EARLIER_SAME_DAY = re.compile(
    r"\b(?:same\s+day|that\s+day|el\s+mismo\s+dia|ese\s+(?:mismo\s+)?dia)\s*,?\s*(?:but\s+|pero\s+)?(?:earlier|sooner|mas\s+temprano)\b|\b(?:earlier|sooner)\s+(?:that|the\s+same|on\s+the\s+same)\s+day\b|\bmas\s+temprano\s+(?:ese|d?el\s+mismo)\s+dia\b"
)
_LATER_SAME_DAY = re.compile(
    r"\b(?:same\s+day|that\s+day|el\s+mismo\s+dia|ese\s+(?:mismo\s+)?dia)\s*,?\s*(?:but\s+|pero\s+)?(?:later|mas\s+tarde)\b|"
    r"\blater\s+(?:that|the\s+same|on\s+the\s+same)\s+day\b|\bmas\s+tarde\s+(?:ese|d?el\s+mismo)\s+dia\b"
)
_NEXT_UNIT = re.compile(
    r"\b(?:next|following|el\s+proximo|la\s+proxima|el\s+siguiente|la\s+siguiente)\s+(?P<unit>week|month|mes|semana)\b"
    r"|\b(?:la\s+)?(?P<unit2>semana|mes)\s+(?:que\s+viene|siguiente|proxima|proximo)\b"
)
_WEEKDAY = re.compile(rf"\b(?P<wd>{WEEKDAY_RE})\b")
# "el mismo viernes", "that same friday": the appointment's weekday, in the week the words say
_SAME_WEEKDAY = re.compile(rf"\b(?:(?:el|al|ese|este)\s+mismo|(?:the|that)\s+same)\s+(?P<wd>{WEEKDAY_RE})\b")
# "al lunes siguiente", "el siguiente lunes", "the following Monday", "the Monday after": that
# weekday after the appointment's day, not after today.
_FOLLOWING_WEEKDAY = re.compile(
    rf"\b(?:the\s+)?following\s+(?P<wd>{WEEKDAY_RE})\b|\bthe\s+(?P<wd2>{WEEKDAY_RE})\s+after\b(?!\s+next\b)"
    rf"|\b(?:el|al)\s+(?P<wd3>{WEEKDAY_RE})\s+(?:siguiente|que\s+sigue|de\s+despues)\b"
    rf"|\b(?:el|al)\s+siguiente\s+(?P<wd4>{WEEKDAY_RE})\b"
)
# "to Tuesday", "for the Tuesday", "al martes", "para el martes": where the appointment goes.
_TO_DAY = re.compile(r"\b(?:to|for|until|al|para|a)\s+(?:(?:the|el|la|this|next|este|on)\s+)*$")
_CLOCK_WINDOW = 60  # minutes: a time of day this narrow is a clock time ("at 10", "a las 3")


def _text(text: str) -> str:
    return spell_times(fold(clean(text)))


def moves_the_day(text: str) -> bool:
    """Whether the message says a day or an amount relative to the appointment, beyond "same time"
    ("same time the next day" does; "the 9:30, same time" does not)."""
    return mentions_shift(_SAME_TIME.sub(" ", _text(text)))


def keeps_the_time(text: str) -> bool:
    """Whether the message keeps the appointment's time of day ("same time", "a la misma hora")."""
    return bool(_SAME_TIME.search(_text(text)))


def mentions_shift(text: str) -> bool:
    """Whether the message moves an appointment by an amount or to a day said relative to it."""
    source = _text(text)
    relative = [
        *_LATER_HOURS,
        *_EARLIER_HOURS,
        *_LATER,
        *_EARLIER,
        _NEIGHBOUR,
        _SAME_DAY,
        _SAME_TIME,
        _EARLIER_SAME_DAY,
        _LATER_SAME_DAY,
        _FOLLOWING_WEEKDAY,
        _SAME_WEEKDAY,
    ]
    return any(pattern.search(source) for pattern in relative)


def _duration(count: str, unit: str) -> timedelta:
    """ "an hour", "dos horas", "media hora", "half an hour", "30 minutes" as a duration."""
    half = count.startswith(("media", "half"))
    amount = 30 if half else number(count) * (1 if unit.startswith("m") else 60)
    return timedelta(minutes=amount)


def _moved(anchor: date, count: int, unit: str, sign: int) -> date:
    if unit.startswith("m"):
        months = anchor.month - 1 + sign * count
        year, month = anchor.year + months // 12, months % 12 + 1
        return safe_date(year, month, min(anchor.day, 28)) or anchor
    return anchor + timedelta(days=sign * count * (7 if unit[0] in "ws" else 1))


def _day_range(day: date, tz: ZoneInfo) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(), tzinfo=tz)
    return start, start + timedelta(days=1)


Keep = Literal["time", "part", "none", "fixed"]  # what of the appointment's time applies ("fixed": the range)
Target = tuple[datetime, datetime, Keep, str]


def _target(source: str, anchor: datetime, now: datetime) -> Target | None:
    """The range meant (start, end), how much of the appointment's time of day still applies
    ("same time": to the hour; "a week later": its part of day), and the words that said so."""
    tz = anchor.tzinfo
    assert isinstance(tz, ZoneInfo)
    day = anchor.date()
    same_time = _SAME_TIME.search(source)
    keep: Keep = "time" if same_time else "part"
    for patterns, sign in ((_LATER_HOURS, 1), (_EARLIER_HOURS, -1)):
        if found := next((m for pattern in patterns if (m := pattern.search(source))), None):
            shifted = anchor + sign * _duration(found["h"], found["hunit"])
            return shifted, shifted + timedelta(hours=1), "fixed", found[0]
    for patterns, sign in ((_LATER, 1), (_EARLIER, -1)):
        if found := next((m for pattern in patterns if (m := pattern.search(source))), None):
            return (*_day_range(_moved(day, number(found["n"]), found["unit"], sign), tz), keep, found[0])
    if found := _EARLIER_SAME_DAY.search(source):
        return datetime.combine(day, time(), tzinfo=tz), anchor, "fixed", found[0]
    if found := _LATER_SAME_DAY.search(source):
        return (
            anchor + timedelta(minutes=30),
            datetime.combine(day, time(23, 59), tzinfo=tz),
            "none",
            found[0],
        )
    if found := _FOLLOWING_WEEKDAY.search(source):
        following = WEEKDAYS[found["wd"] or found["wd2"] or found["wd3"] or found["wd4"]]
        moved = day + timedelta(days=(following - day.weekday() - 1) % 7 + 1)
        return (*_day_range(moved, tz), keep, found[0])
    if found := _NEIGHBOUR.search(source):
        which = found["which"]
        before = any(word in which for word in ("before", "antes", "anterior"))
        if ("week" in which or "semana" in which) and not same_time:
            week = day + timedelta(days=-7 if before else 7)
            if weekday := _WEEKDAY.search(source):  # "the thursday of the week after": that day of it
                moved = week + timedelta(days=WEEKDAYS[weekday["wd"]] - week.weekday())
                return (*_day_range(moved, tz), "part", f"{weekday[0]} {found[0]}")
            # "the week after, afternoon": the appointment's own weekday that week, like "a week later"
            # (when that day is full, the nearest free times are offered)
            return (*_day_range(week, tz), "part", found[0])
        if same_time:  # "the week after, same time": that weekday, a week on, at that time
            step = 7 if "week" in which or "semana" in which else 1
            return (*_day_range(day + timedelta(days=-step if before else step), tz), "time", found[0])
        return (*_day_range(day + timedelta(days=-1 if before else 1), tz), keep, found[0])
    if found := _NEXT_UNIT.search(source):
        unit = found["unit"] or found["unit2"]
        if same_time or unit.startswith("m") or _SAME_WEEKDAY.search(source):
            # "la próxima semana, el mismo viernes en la mañana": its weekday, a week on
            return (*_day_range(_moved(day, 1, unit, 1), tz), keep, found[0])
    if same_time and (found := _weekday_wanted(source, day)):
        moved = day + timedelta(days=WEEKDAYS[found["wd"]] - day.weekday())  # in the appointment's week
        if moved < now.astimezone(tz).date():
            moved += timedelta(days=7)
        return (*_day_range(moved, tz), "time", f"{same_time[0]} {found[0]}")
    if found := _SAME_DAY.search(source) or _SAME_WEEKDAY.search(source) or same_time:
        return (*_day_range(day, tz), "time" if same_time else "none", found[0])
    return None


def _weekday_wanted(source: str, day: date) -> re.Match[str] | None:
    """The weekday the appointment goes to when several are said ("my daughter has a recital monday.
    can I move it to tuesday same time?", "tengo algo el lunes, ¿me la pasas al martes a la misma
    hora?"): the appointment's own weekday is the one that does not suit, and a day after "to"/"al"
    is where it goes; else the last one said."""
    said = list(_WEEKDAY.finditer(source))
    others = [m for m in said if WEEKDAYS[m["wd"]] != day.weekday()] or said
    targets = [m for m in others if _TO_DAY.search(source, 0, m.start())]
    return (targets or others)[-1] if said else None


def shifted_when(text: str, anchor: datetime, *, now: datetime) -> When | None:
    """The range to search when the appointment at `anchor` (aware, clinic time) is moved as
    `text` says; None when the text says nothing relative to it."""
    source = _text(text)
    target = _target(source, anchor, now)
    if target is None:
        return None
    start, end, keep, words = target
    daypart = find_daypart(source)
    part: PartOfDay | None = daypart.part if daypart else None
    tz = anchor.tzinfo
    assert isinstance(tz, ZoneInfo)
    at = datetime.combine(start.date(), anchor.astimezone(tz).time(), tzinfo=tz)
    midnight = datetime.combine(start.date(), time(), tzinfo=tz)
    clock = daypart is not None and (daypart.at is not None or daypart.end - daypart.start <= _CLOCK_WINDOW)
    near: datetime | None = None  # the very time the words land on, if they name one
    if daypart is not None and end - start <= timedelta(days=1) and (clock or keep != "fixed"):
        # "a las diez, el mismo día", "earlier that day, like 10am", "a day later, in the afternoon"
        start, end = midnight + timedelta(minutes=daypart.start), midnight + timedelta(minutes=daypart.end)
        said = midnight + timedelta(minutes=daypart.at) if daypart.at is not None else start
        near = said if clock else (at if part == _part_of(at) and start <= at < end else None)
    elif keep == "fixed":  # "earlier that day", "an hour later": its own range, whatever part of day it names
        part, near = None, start if end - start <= timedelta(hours=1) else None
    elif keep == "time":  # the appointment's own time that day, give or take an hour
        start, end, part, near = at - timedelta(hours=1), at + timedelta(hours=1, minutes=1), _part_of(at), at
    elif keep == "part" and (part := _part_of(at)) is not None:  # its part of day, nearest its time first
        low, high = WINDOWS[part]
        start, end, near = midnight + timedelta(minutes=low), midnight + timedelta(minutes=high), at
    start = max(start, now)
    near = near if near is not None and near >= now else None
    return When(start, max(end, start + timedelta(minutes=1)), part, False, words.strip(), near)


def _part_of(moment: datetime) -> PartOfDay | None:
    minute = moment.hour * 60 + moment.minute
    return next((name for name, (low, high) in WINDOWS.items() if low <= minute < high), None)
