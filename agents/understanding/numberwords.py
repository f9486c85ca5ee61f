"""Clock times and days of the month written in words, rewritten as digits before dates are read.

Voice transcripts and many patients write "quarter past two", "half three", "two thirty",
"a eso de las cuatro y media", "las tres menos cuarto" or "Thursday the eleventh". The day and
time rules (`dayrules`, `dayparts`, `choices`) read digits; rather than teach every rule every
word, this module rewrites the words as the digits they stand for ("2:15", "3:30", "las 4 y media",
"the 11th"). Only words in a clock or calendar position are touched: "the first one", "one
question" and "dos hijos" stay as they are.

Works on folded text (lower case, no accents); the result is again folded text.
"""

from __future__ import annotations

import re

from agents.understanding.text import alternation
from agents.understanding.timewords import MONTH_OR_ABBR_RE, WEEKDAY_RE

_UNITS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
    "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12,
}  # fmt: skip
_MINUTES: dict[str, int] = {
    "oh five": 5, "o five": 5, "ten": 10, "fifteen": 15, "twenty": 20, "twenty five": 25,
    "twenty-five": 25, "thirty": 30, "thirty five": 35, "thirty-five": 35, "forty": 40,
    "forty five": 45, "forty-five": 45, "fifty": 50, "fifty five": 55, "fifty-five": 55,
}  # fmt: skip
_SPANISH_MINUTES: dict[str, int] = {
    "media": 30, "cuarto": 15, "diez": 10, "veinte": 20, "cinco": 5, "veinticinco": 25,
    "quince": 15, "treinta": 30, "cuarenta": 40, "cuarenta y cinco": 45,
}  # fmt: skip
_ORDINAL_DAYS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
_SPANISH_DAYS: dict[str, int] = {
    "primero": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
    "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14,
    "quince": 15, "dieciseis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19,
    "veinte": 20, "veintiuno": 21, "veintidos": 22, "veintitres": 23, "veinticuatro": 24,
    "veinticinco": 25, "veintiseis": 26, "veintisiete": 27, "veintiocho": 28, "veintinueve": 29,
    "treinta": 30, "treinta y uno": 31,
}  # fmt: skip
_SUFFIX = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}

_ORDINAL = (
    rf"(?:(?P<tens>twenty|thirty)[\s-]+)?(?P<ord>{alternation(_ORDINAL_DAYS)})"
    r"|(?P<twentieth>twentieth|thirtieth)"
)

_EN_UNITS = (
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
)
_EN_HOUR = rf"(?P<hour>{alternation(_EN_UNITS)}|\d{{1,2}})"
_ES_HOUR = rf"(?P<hour>{alternation(k for k in _UNITS if k not in _EN_UNITS)}|\d{{1,2}})"

# "quarter past two", "a quarter after 3", "half past two", "twenty past four"
_PAST = re.compile(
    rf"\b(?:a\s+)?(?P<min>quarter|half|{alternation(_MINUTES)})\s+(?:past|after)\s+{_EN_HOUR}\b"
)
# "quarter to three", "ten to four", "a quarter of five"
_TO = re.compile(rf"\b(?:a\s+)?(?P<min>quarter|{alternation(_MINUTES)})\s+(?:to|til|till|of)\s+{_EN_HOUR}\b")
# British "half three" (= 3:30)
_HALF = re.compile(rf"\bhalf\s+{_EN_HOUR}\b(?!\s*(?:hours?|days?|weeks?|an?\b))")
# "two thirty", "at ten fifteen", "eleven o'clock", "at three", "around four pm"
_EN_CLOCK = re.compile(
    rf"\b{_EN_HOUR}(?:\s+(?P<min>{alternation(_MINUTES)}))?(?P<tail>\s*(?:o'?clock|a\.?m\b\.?|p\.?m\b\.?)|\s+in\s+the\s+(?:morning|afternoon|evening))?"
)
_ONE_AS_PRONOUN = re.compile(
    r"\b(?:the|first|1st|second|2nd|third|3rd|last|next|other|earliest|latest|that|this|any|which)\s+$"
)
# What makes the number after it a day of the month: a date's slash or dash, a month's name.
_DAY_NUMBER = re.compile(rf"(?:\d[/-]|\b(?:{MONTH_OR_ABBR_RE})\.?\s+(?:the\s+)?)$")
_EN_LEAD = re.compile(
    r"\b(?:at|around|about|by|after|before|until|till|from|between|and|to|or|like|say|maybe|ish)\s*$"
)
# "las cuatro y media", "a la una", "las tres menos cuarto", "a eso de las cinco"
_ES_CLOCK = re.compile(
    rf"\b(?P<art>las?)\s+{_ES_HOUR}"
    rf"(?:\s+(?P<sign>y|menos)\s+(?P<min>{alternation(_SPANISH_MINUTES)}))?\b"
)
_ES_ROUGHLY = re.compile(
    r"\b(?:a\s+eso\s+de|como\s+a|tipo|sobre\s+eso\s+de|mas\s+o\s+menos\s+a)\s+(?=las?\s)"
)
# "a eso del mediodía", "como al mediodía", "tipo mediodía": around noon
_ES_ROUGHLY_NOON = re.compile(
    r"\b(?:a\s+eso\s+del?|como\s+al?|tipo|sobre\s+el|mas\s+o\s+menos\s+al?|hacia\s+el)\s+(?:medio\s*dia)\b"
)
# "the eleventh", "Thursday the twenty-first", "december third", "the 3rd of"
_EN_DAY = re.compile(
    rf"\b(?P<lead>the|on\s+the|{WEEKDAY_RE}|{MONTH_OR_ABBR_RE})\s+(?:the\s+)?(?:{_ORDINAL})\b"
    r"(?!\s+(?:one|option|choice|slot|appointment|time|available|thing))"
)
# A day in words next to a month, before or after it ("twelfth of may", "may the twelfth").
_EN_DAY_OR_MONTH = re.compile(
    rf"\b(?P<lead>{MONTH_OR_ABBR_RE}|)\s*(?:the\s+)?(?:{_ORDINAL})\b(?=\s*(?:of\s+)?(?:{MONTH_OR_ABBR_RE})|\s*,?\s*\d{{4}})"
)
_ES_DAY = re.compile(
    rf"\b(?P<lead>el(?:\s+dia)?|(?:el\s+)?{WEEKDAY_RE})\s+(?P<day>{alternation(_SPANISH_DAYS)})\b"
    r"(?=\s+(?:de\s+(?:"
    + MONTH_OR_ABBR_RE
    + r"|este\s+mes|mes)|que|por|a\s|en\s|sobre\s|,|\.|$)|\s*$|\s*[,.;!?])"
)


def _hour(word: str) -> int:
    return int(word) if word.isdigit() else _UNITS[word]


def _minute(word: str) -> int:
    return {"quarter": 15, "half": 30}.get(word) or _MINUTES[" ".join(word.split())]


def _ordinal_day(match: re.Match[str]) -> int:
    if match["twentieth"]:
        return _ORDINAL_DAYS[match["twentieth"]]
    day = _ORDINAL_DAYS[match["ord"]]
    return day + (20 if match["tens"] == "twenty" else 30 if match["tens"] == "thirty" else 0)


def _with_suffix(day: int) -> str:
    return f"{day}{_SUFFIX.get(day, 'th')}"


def _english_clock(match: re.Match[str], text: str) -> str:
    """A bare hour word only counts after "at", "around"… or with minutes or o'clock/am/pm."""
    hour, minute, tail = match["hour"], match["min"], match["tail"] or ""
    if hour == "one" and not minute and _ONE_AS_PRONOUN.search(text, 0, match.start()):
        return match[0]  # "the first one in the afternoon" is a slot, not 1 pm
    if hour.isdigit() and not (minute or "the" in tail):
        return match[0]
    dated = hour.isdigit() and not minute and bool(_DAY_NUMBER.search(text, 0, match.start()))
    if dated or _hour(hour) > 12:
        return match[0]  # "4/13 in the afternoon", "april 13 in the afternoon": a day of the month
    if not (minute or tail.strip()) and not _EN_LEAD.search(text, 0, match.start()):
        return match[0]
    if "the" in tail:  # "two in the afternoon" is 2 pm
        tail = " am" if tail.endswith("morning") else " pm"
    clock = f"{_hour(hour)}:{_MINUTES[' '.join(minute.split())]:02d}" if minute else str(_hour(hour))
    return clock + tail


def _english_day(match: re.Match[str]) -> str:
    """Only the ordinal is rewritten: "Thursday the eleventh" → "Thursday the 11th"."""
    start = (
        (match.start("tens") if match["tens"] else match.start("ord"))
        if match["ord"]
        else match.start("twentieth")
    )
    return match[0][: start - match.start()] + _with_suffix(_ordinal_day(match))


def _spanish_clock(match: re.Match[str]) -> str:
    hour = _hour(match["hour"])
    if match["sign"] == "menos":
        minutes = 60 - _SPANISH_MINUTES[match["min"]]
        return f"{match['art']} {hour - 1 or 12}:{minutes:02d}"
    if match["min"] in ("media", "cuarto"):
        return f"{match['art']} {hour} y {match['min']}"
    if match["min"]:
        return f"{match['art']} {hour}:{_SPANISH_MINUTES[match['min']]:02d}"
    return f"{match['art']} {hour}"


def spell_times(folded: str, *, days: bool = True) -> str:
    """`folded` with clock times (and, unless `days` is False, days of the month) in words
    rewritten as digits. Slot choices keep "the second" as a position, not the 2nd of the month."""
    text = _PAST.sub(lambda m: f"{_hour(m['hour'])}:{_minute(m['min']):02d}", folded)
    text = _TO.sub(lambda m: f"{_hour(m['hour']) - 1 or 12}:{60 - _minute(m['min']):02d}", text)
    text = _HALF.sub(lambda m: f"{_hour(m['hour'])}:30", text)
    text = _ES_ROUGHLY.sub("sobre ", text)
    text = _ES_ROUGHLY_NOON.sub("al mediodia", text)
    text = _ES_CLOCK.sub(_spanish_clock, text)
    text = _EN_CLOCK.sub(lambda m: _english_clock(m, m.string), text)
    if not days:
        return text
    text = _EN_DAY.sub(_english_day, text)
    return _ES_DAY.sub(lambda m: f"{m['lead']} {_SPANISH_DAYS[m['day']]}", text)


def spell_days_aligned(folded: str) -> str:
    """`folded` with ordinal days in words as digits ("may twelfth 1980" → "may 12th    1980"),
    padded with spaces to the same length, so that spans found in it still point into the
    patient's own text (a birth date is blanked out of it before a name is looked for)."""

    def padded(match: re.Match[str]) -> str:
        rewritten = _english_day(match)
        return rewritten + " " * (len(match[0]) - len(rewritten))

    return _EN_DAY_OR_MONTH.sub(padded, folded)
