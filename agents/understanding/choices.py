"""Which offered slot the patient picked: "the first one", "2", "#3", "the 10:30", "el del martes".

Every clue in the reply (position, number, clock time, weekday, day of the month, part of day,
earliest/latest) narrows the set of offered slots; the choice is made only when exactly one slot
is left. Anything unclear or contradictory gives None and the agent asks again — a wrong booking
is worse than one more question.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from agents.understanding.dayparts import WINDOWS, clock_minutes
from agents.understanding.numberwords import spell_times
from agents.understanding.ordinalmarks import spell_ordinal_marks
from agents.understanding.text import analyse, fold, vocabulary_of
from agents.understanding.timewords import MONTH_OR_ABBR_RE, WEEKDAY_RE, WEEKDAYS, month_number
from agents.understanding.types import Language, PartOfDay

_ORDINALS: dict[str, int] = {
    "first": 0, "1st": 0, "primer": 0, "primero": 0, "primera": 0,
    "second": 1, "2nd": 1, "segundo": 1, "segunda": 1,
    "third": 2, "3rd": 2, "tercer": 2, "tercero": 2, "tercera": 2,
    "fourth": 3, "4th": 3, "cuarto": 3, "cuarta": 3,
    "fifth": 4, "5th": 4, "quinto": 4, "quinta": 4,
}  # fmt: skip
_LAST = ("last", "ultimo", "ultima", "latter")
# "y cuarto" is a quarter past, not the fourth option; "first thing", "a primera hora" are early in
# the day; "the last of May" is a date, but "la última de la lista" is still a position in it.
_IN_THE_LIST = (
    r"(?:the\s+)?(?:list|options|ones|them)\b|(?:la|esa)\s+lista\b|(?:las|esas)\s+opciones\b|ellas\b"
)
# "la primera de la tarde", "the first one in the afternoon": a position among that part's options.
_OF_PART = r"(?:the\s+|la\s+)?(?:morning|afternoon|evening|manana|tarde|noche)\b"
_ORDINAL_RE = re.compile(
    rf"(?<!y )(?<!\ba )\b({'|'.join([*_ORDINALS, *_LAST])})\b"
    rf"(?!\s+(?:of|de)\s+(?!{_IN_THE_LIST}|{_OF_PART}))(?!\s+thing\b)"
)
_OPTION_REFERENCE = re.compile(
    rf"\b(?:the|la|el)\s+(?:{'|'.join([*_ORDINALS, *_LAST])})\b|\b(?:option|opcion)\s*#?\s*\d|#\s*\d"
)
# Positions counted from the end or the middle ("the second to last", "la penúltima", "the middle
# one", "la de en medio"), read before the ordinals so that "second" and "last" are not read apart.
_FROM_END = re.compile(
    r"\b(?:penultim[oa]|penultimate|(?:second|2nd)[\s-]+(?:to[\s-]+|from[\s-]+(?:the[\s-]+)?)?last"
    r"|next[\s-]+to[\s-]+(?:the[\s-]+)?last|one\s+before\s+(?:the\s+)?last|antepenultim[oa])\b"
)
_MIDDLE = re.compile(
    r"\b(?:the\s+)?middle(?:\s+(?:one|option|time))?\b(?!\s+of\b)|\b(?:la|el)\s+(?:de\s+en\s+medio|del\s+medio|de\s+enmedio)\b"
)
# Positions said as words ("number two", "la dos", "option three").
_COUNTS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
}  # fmt: skip
_COUNT_RE = "|".join(_COUNTS)
_NUMBERED = re.compile(
    rf"(?:\b(?:option|opcion|number|numero|num|no\.|nr|nro)\s*#?\s*|#\s*)(\d{{1,2}}|{_COUNT_RE})\b"
)
_BARE_NUMBER = re.compile(
    r"^\W*(?:(?:the|el|la|number|numero|option|opcion|i'll\s+take|i\s+choose|quiero|prefiero|ok|okay|vale|yes"
    r"|yeah|yep|sure|si|dale|perfect|perfecto|great)[\s,.!]+)*"
    rf"(\d{{1,2}}|(?<!\w)(?:{'|'.join(c for c in _COUNTS if c not in ('one', 'una', 'uno'))}))"
    r"(?:\s*(?:one|please|pls|por\s+favor|porfa|thanks|gracias|works|is\s+(?:fine|good|great|perfect)"
    r"|sounds\s+good|(?:esta|me\s+va)\s+bien|me\s+sirve|perfect|perfecto|great|genial|yes|si|ok|okay|vale))*\W*$"
)
# "the one with Dr. Alvarez", "la de la doctora Alvarez", "el del dr Kim": a practitioner's surname.
_WITH_PRACTITIONER = re.compile(
    r"\b(?:(?:the\s+)?one\s+with|with|con|(?:el|la)\s+(?:de\s+la|del|de|con))\s+"
    r"(?:(?:the|el|la)\s+)?(?:dr|dra|doctor|doctora|doc|dr\.|dra\.)\.?\s+([a-z][a-z'-]+)"
)
_CLOCK = re.compile(
    r"(?<![\d/])(\d{1,2})(?::|\.(?=\d{2}\b))(\d{2})\s*(a\.?m\.?|p\.?m\.?)?(?![\d/])"
    r"|(?<![\d/:])(\d{1,2})\s*(a\.?m\.?|p\.?m\.?|h|o'?clock)(?![a-z])"
    r"|\b(?:at|a\s+las?|las|la\s+de\s+las?|el\s+de\s+las?|around|sobre\s+las?)\s+(\d{1,2})"
    r"(?:\s+y\s+(media|cuarto))?(?:\s+de\s+la\s+(manana|tarde|noche))?(?![\d:])"
)
_WEEKDAY_RE = re.compile(rf"\b({WEEKDAY_RE})(?:'s|s)?\b")
# "yes tuesday 11", "el jueves 10": a number after a weekday is its day of the month when an option
# falls on it, else the hour.
_WEEKDAY_NUMBER = re.compile(rf"\b(?:{WEEKDAY_RE})\s+(\d{{1,2}})\b(?![:./\d]|\s*(?:st|nd|rd|th|am|pm|h)\b)")
_MONTH_DAY = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+|de\s+)?({MONTH_OR_ABBR_RE})(?![a-z])"
    rf"|\b({MONTH_OR_ABBR_RE})\s+(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\b(?!:)"
    r"|\b(?:the|el|el\s+dia)\s+(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:one|option|choice|slot))"
    # "sí, el 25 a las 10": a day of the month in Spanish needs no suffix (a reply of only "el 2" is
    # still the second option, read before this)
    r"|\bel\s+(?:dia\s+)?(\d{1,2})\b(?![:.]\d|\s*(?:h\b|hrs?\b|am\b|pm\b|de\s+la\b|y\s+(?:media|cuarto)\b))"
)
_PARTS = re.compile(r"\b(morning|afternoon|evening)\b|\b(?:de|en|por)\s+la\s+(manana|tarde|noche)\b")
_EARLIEST = re.compile(
    r"\b(?:earliest|earlier|soonest|first\s+available|mas\s+temprano|mas\s+temprana|mas\s+pronto)\b"
)
_LATEST = re.compile(r"\b(?:latest|later\s+one|mas\s+tarde)\b")
# "the closest one", "nearest to that", "la más cercana (a esa hora)", "lo más cerca posible": the
# option nearest the time the request named (`asked`); with none named, the soonest.
_CLOSEST = re.compile(
    r"\b(?:(?:the\s+)?(?:closest|nearest)(?:\s+(?:one|time|option|slot|thing))?|(?:as\s+)?close\s+as\s+(?:possible|you\s+can)"
    r"|(?:la|el|lo)\s+mas\s+(?:cercan[oa]|cerca|proxim[oa]|parecid[oa])|(?:la|el)\s+(?:mas\s+)?cercan[oa]"
    r"|lo\s+mas\s+cerca\s+(?:posible|que\s+(?:se\s+)?pueda))\b"
)
_ANY = re.compile(
    r"\b(?:any(?:\s+of\s+them)?(?:\s+(?:one|is\s+fine|works))?|either|whichever|doesn'?t\s+matter|cualquiera"
    r"|(?:la|el|lo)\s+(?:que|q|k)\s+sea|(?:la|el)\s+(?:que|q|k)\s+(?:tengan|haya|quiera|quieras)|cualquier\s+(?:una|hora)"
    r"|me\s+da\s+(?:igual|lo\s+mismo)|da\s+igual|da\s+lo\s+mismo|no\s+importa|igual\s+me\s+da)\b"
)
_TITLES = frozenset({"dr", "dra", "doctor", "doctora", "md"})
# While an appointment is being moved: its own time of day, its own practitioner.
_SAME_TIME = re.compile(
    r"\b(?:(?:the\s+)?same\s+(?:time|hour)|(?:a\s+)?(?:la\s+)?misma\s+hora|mismo\s+horario)\b"
)
_SAME_PRACTITIONER = re.compile(
    r"\b(?:(?:the\s+)?same\s+(?:doctor|dr|doc|physician|provider|person|one\s+as\s+before)"
    r"|(?:el\s+)?mism[oa]\s+(?:doctor|doctora|dr|dra|medico|medica|especialista))\b"
)
# "…, otherwise any", "…, si no cualquiera": what to take when the pick asked for is not on offer.
_OTHERWISE = re.compile(
    r"[,;]?\s*\b(?:otherwise|if\s+not(?:\s+then)?|or\s+else|else|y\s+si\s+no|si\s+no|sino|de\s+lo\s+contrario"
    r"|o\s+si\s+no)\b"
)
_NEGATED = re.compile(r"\b(?:not|none|neither|ninguno|ninguna|ni)\b|\bno\b(?!\s*,|\.?\s*\d)")
_SPANISH_PARTS: dict[str, PartOfDay] = {"manana": "morning", "tarde": "afternoon", "noche": "evening"}
_ENGLISH_PARTS: dict[str, PartOfDay] = {"morning": "morning", "afternoon": "afternoon", "evening": "evening"}
VOCABULARY = vocabulary_of(
    [*_ORDINALS, *_LAST, *WEEKDAYS, "option", "opcion", "number", "numero", "earliest", "latest",
     "soonest", "whichever", "cualquiera", "morning", "afternoon", "evening", "penultima", "penultimo",
     "penultimate", "antepenultima", "antepenultimo", "middle", "medio", "enmedio"]
)  # fmt: skip


def _clock_targets(match: re.Match[str]) -> set[int]:
    """Minutes after midnight the clock phrase may mean (an hour alone is read in clinic hours)."""
    hour, minute, mark = match[1] or match[4] or match[6], match[2], match[3] or match[5] or match[8]
    minutes = int(minute) if minute else {"media": 30, "cuarto": 15}.get(match[7] or "", 0)
    target = clock_minutes(int(hour), minutes, mark)
    return set() if target is None else {target}


def _signals(source: str, count: int) -> list[set[int] | tuple[str, set[int]]]:
    """Each clue as the set of positions it allows, or (kind, values) for clues on slot times."""
    clues: list[set[int] | tuple[str, set[int]]] = []
    if bare := _BARE_NUMBER.match(source):
        number = _COUNTS.get(bare[1]) or int(bare[1])
        clues.append({number - 1} if 1 <= number <= count else ("clock", _hour(number)))
        return clues
    for match in _FROM_END.finditer(source):
        position = -3 if match[0].startswith("antepenultim") else -2
        clues.append(("ranked", {position}) if _PARTS.search(source) else {count + position})
    if (middle := _MIDDLE.search(source)) and count % 2 == 1 and count >= 3:
        clues.append({count // 2})
    source = _FROM_END.sub(" ", _MIDDLE.sub(" ", source) if middle else source)
    nth = [m.span() for m in _MONTH_DAY.finditer(source) if m[5] or m[6]]  # "the 2nd": a day or a position
    for match in _ORDINAL_RE.finditer(source):
        if any(start <= match.start() < end for start, end in nth):
            continue
        word = match[1]
        position = -1 if word in _LAST else _ORDINALS[word]
        if _PARTS.search(source):  # "la primera de la tarde": the first of the afternoon's
            clues.append(("ranked", {position}))
        else:
            clues.append({count - 1 if position < 0 else position})
    clues.extend({(_COUNTS.get(m[1]) or int(m[1])) - 1} for m in _NUMBERED.finditer(source))
    clues.extend(("clock", targets) for m in _CLOCK.finditer(source) if (targets := _clock_targets(m)))
    clues.extend(("weekday", {WEEKDAYS[m[1]]}) for m in _WEEKDAY_RE.finditer(source))
    clues.extend(("day_or_hour", {int(m[1])}) for m in _WEEKDAY_NUMBER.finditer(source))
    for m in _MONTH_DAY.finditer(source):
        day = int(m[1] or m[4] or m[5] or m[6])
        month = month_number(m[2] or m[3]) if (m[2] or m[3]) else 0
        clues.append(("nth" if m[5] or m[6] else "date", {month * 100 + day}))
    for m in _PARTS.finditer(source):
        part = _ENGLISH_PARTS[m[1]] if m[1] else _SPANISH_PARTS[m[2]]
        clues.append(("part", {list(WINDOWS).index(part)}))
    if _EARLIEST.search(source):
        clues.append(("earliest", set()))
    if _LATEST.search(source):
        clues.append(("latest", set()))
    if _CLOSEST.search(source):
        clues.append(("closest", set()))
    if not clues and _ANY.search(source):
        clues.append({0})
    return clues


def _hour(hour: int) -> set[int]:
    """A bare number too large to be a position is an hour ("3" of two options → 15:00)."""
    target = clock_minutes(hour, 0, None)
    return set() if target is None else {target}


def _allowed(
    kind: str, values: set[int], options: Sequence[datetime], tz: ZoneInfo, asked: datetime | None
) -> set[int]:
    local = [o.astimezone(tz) for o in options]
    if kind == "closest" and asked is not None:  # every option at the nearest time (a tie: the later)
        nearest = min(local, key=lambda t: (abs(t - asked), t < asked))
        return {i for i, t in enumerate(local) if t == nearest}
    if kind in ("earliest", "closest"):
        return {min(range(len(local)), key=lambda i: local[i])}
    if kind == "latest":
        return {max(range(len(local)), key=lambda i: local[i])}
    if kind == "clock":
        exact = {i for i, t in enumerate(local) if t.hour * 60 + t.minute in values}
        return exact or {i for i, t in enumerate(local) if any(t.hour == v // 60 for v in values)}
    if kind == "day_or_hour":
        on = {i for i, t in enumerate(local) if t.day in values}
        hours = {target for v in values if (target := clock_minutes(v, 0, None)) is not None}
        return on or _allowed("clock", hours, options, tz, asked)
    if kind == "weekday":
        return {i for i, t in enumerate(local) if t.weekday() in values}
    if kind in ("date", "nth"):
        on = {i for i, t in enumerate(local) if any(v in (t.month * 100 + t.day, t.day) for v in values)}
        if on or kind == "date":
            return on
        return {v - 1 for v in values if 1 <= v <= len(local)}  # "the 2nd" of times on other days: the second
    windows = [list(WINDOWS.values())[v] for v in values]
    return {i for i, t in enumerate(local) if any(s <= t.hour * 60 + t.minute < e for s, e in windows)}


def resolve_choice(
    text: str,
    options: Sequence[datetime],
    *,
    tz: ZoneInfo,
    language: Language,
    practitioners: Sequence[str] = (),
    moving: tuple[datetime, str] | None = None,
    asked: datetime | None = None,
) -> int | None:
    """The index of the slot chosen among `options` (in the order offered), or None when unclear.
    Several options at the very time the reply says, and no practitioner named, are not unclear:
    the first of them is chosen.

    `practitioners` (the offered slots' practitioners, in the same order) lets "the one with
    Dr. Alvarez" choose; naming a practitioner says who, not when, so when several of theirs are
    offered it is the first of theirs (where the name first appears in the list). `moving` (the
    start and practitioner of the appointment being moved) lets "same time" and "the same doctor"
    choose. `asked` (the very time the request named, "quarter to 10") lets "the closest one" choose;
    without it "the closest" is the soonest. `language` is accepted for symmetry: both languages'
    words are always recognised.
    """
    if not options:
        return None
    wanted, fallback = _with_fallback(_source(text))
    chosen = _resolve(wanted, options, tz, practitioners, moving, asked)
    if chosen is None and fallback:  # "the 10:30 one if it's there, otherwise any": the fallback's pick
        chosen = _resolve(fallback, options, tz, practitioners, moving, asked)
    return chosen


def _with_fallback(source: str) -> tuple[str, str]:
    """The pick asked for and, after "otherwise"/"if not"/"si no", the one to take instead ("" if none)."""
    if found := _OTHERWISE.search(source):
        return source[: found.start()], source[found.end() :]
    return source, ""


def _resolve(
    source: str,
    options: Sequence[datetime],
    tz: ZoneInfo,
    practitioners: Sequence[str],
    moving: tuple[datetime, str] | None,
    asked: datetime | None = None,
) -> int | None:
    """`resolve_choice` on one folded clause of the reply."""
    if _NEGATED.search(source):
        return None
    remaining = set(range(len(options)))
    clues = _signals(source, len(options))
    named = _named(source, practitioners)
    if moving is not None:
        clues.extend(_same_time(source, moving[0], tz))
        if _SAME_PRACTITIONER.search(source):  # "the same doctor": named as surely as by name
            named |= {i for i, name in enumerate(practitioners) if name == moving[1]}
    if named:
        clues.append(named)
    if not clues:
        return None
    for clue in clues:
        if isinstance(clue, set):
            remaining &= clue
        elif clue[0] != "ranked":
            remaining &= _allowed(clue[0], clue[1], options, tz, asked)
    for clue in clues:  # a position among what the other clues left ("the first of the afternoon's")
        if not isinstance(clue, set) and clue[0] == "ranked":
            ordered = sorted(remaining)
            remaining = {ordered[p] for p in clue[1] if -len(ordered) <= p < len(ordered)}
    if len(remaining) > 1 and named and remaining <= named:
        return min(remaining, key=lambda i: options[i])
    if len(remaining) > 1 and moving is not None:  # "same time": with the same practitioner, too
        same = {i for i in remaining if i < len(practitioners) and practitioners[i] == moving[1]}
        remaining = same if len(same) == 1 else remaining
    if len(remaining) > 1 and not named and len({options[i] for i in remaining}) == 1:
        # one time offered with several practitioners ("the 3:30" of Dr. A's and Dr. B's): the
        # patient chose the time and named nobody, so the first of them, whose name the reply says
        return min(remaining)
    return remaining.pop() if len(remaining) == 1 else None


def _same_time(source: str, start: datetime, tz: ZoneInfo) -> list[set[int] | tuple[str, set[int]]]:
    """ "Same time", "a la misma hora": the time of day of the appointment being moved."""
    if not _SAME_TIME.search(source):
        return []
    local = start.astimezone(tz)
    return [("clock", {local.hour * 60 + local.minute})]


def _source(text: str) -> str:
    """The reply folded, typos corrected and clock words as digits ("la de las nueve" → "las 9")."""
    return spell_times(spell_ordinal_marks(analyse(text, VOCABULARY).corrected), days=False)


def _named(source: str, practitioners: Sequence[str]) -> set[int]:
    """The options whose practitioner's surname (or any name but the title) the reply says."""
    named: set[int] = set()
    for i, practitioner in enumerate(practitioners):
        names = [w for w in re.findall(r"[a-z][a-z'-]+", fold(practitioner)) if w not in _TITLES]
        if names and re.search(rf"\b{re.escape(names[-1])}\b", source):
            named.add(i)
    return named


def mentions_choice(text: str) -> bool:
    """Whether a reply refers to one of several offered options (used before the options are known)."""
    source, fallback = _with_fallback(_source(text))
    chosen = bool(_signals(source, 9)) or any(
        pattern.search(source) for pattern in (_WITH_PRACTITIONER, _SAME_TIME, _SAME_PRACTITIONER)
    )
    return chosen and not _NEGATED.search(source) and not (fallback and _NEGATED.search(fallback))


def refers_to_option(text: str) -> bool:
    """Points at an option by position ("the first one", "la segunda", "option 2"), whatever was asked."""
    corrected = spell_ordinal_marks(analyse(text, VOCABULARY).corrected)
    return any(pattern.search(corrected) for pattern in (_OPTION_REFERENCE, _FROM_END, _MIDDLE))


_CLOCK_WORDS = re.compile(
    # "las 11:30 si hay", "10:30 if you have it", "at 4 if it's free", "a las 3 si se puede": still that time
    r"\b(?:if|si)\s+(?:there'?s|there\s+is|you\s+have|it'?s|its|(?:se\s+)?puede|tienen|hay|esta|queda)"
    r"(?:\s+(?:one|it|free|open|available|possible|libre|disponible|hueco|lugar))?\b"
    r"|\b(?:if\s+(?:possible|available|free|open)|thanks|thank\s+you|ty|gracias|por\s+favor|porfa)\b"
    r"|\b(?:at|around|about|a|al|las?|sobre|the|one|el|de|del|la|manana|tarde|noche|y|media|cuarto|am|pm|a\.m|p\.m"
    r"|h|o'?clock|then|please|pls|works|is|fine|good|ok|okay|yes|si|esta|bien|me|va|sirve|perfect|perfecto)\b"
)


def clock_named(text: str) -> int | None:
    """The one clock time a reply names and nothing else ("the 10:30 one", "la de las 4", "3:30 works"):
    minutes after midnight, or None when it also names a day, a position or several times."""
    source = _source(text)
    clues = _signals(source, 9)
    if len(clues) != 1 or isinstance(clues[0], set) or clues[0][0] != "clock" or len(clues[0][1]) != 1:
        return None
    found = _CLOCK.search(source)
    rest = _CLOCK_WORDS.sub(" ", _CLOCK.sub(" ", source)) if found else source
    return next(iter(clues[0][1])) if not re.search(r"[a-z0-9]", rest) else None
