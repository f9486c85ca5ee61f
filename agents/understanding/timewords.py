"""Calendar words in English and Spanish (folded: lower case, no accents) and their small helpers.

Shared by dates, birth dates and slot choices so that "feb", "febrero", "martes" and "3rd" mean
the same thing everywhere.
"""

from __future__ import annotations

from datetime import date, timedelta

from agents.understanding.text import alternation

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}  # fmt: skip
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12, "ene": 1, "abr": 4, "ago": 8, "set": 9, "dic": 12,
}  # fmt: skip
# "sat"/"sun" are left out on purpose: "a rash from the sun" is not a Sunday.
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "lunes": 0, "martes": 1, "miercoles": 2, "jueves": 3, "viernes": 4, "sabado": 5,
    "domingo": 6,
    # misspellings too far for the typo corrector (two edits in a short word, or a first letter
    # swapped by ear: b/v in Spanish)
    "wensday": 2, "wendsday": 2, "wenesday": 2, "wednsday": 2, "wedsday": 2, "thrusday": 3,
    "thursay": 3, "tusday": 1, "teusday": 1, "biernes": 4, "vienres": 4, "miercole": 2,
    "mierkoles": 2, "hueves": 3, "juebes": 3, "sabdo": 5,
}  # fmt: skip
NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "couple of": 2, "a couple of": 2, "few": 3,
    "a few": 3,
    "un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "par de": 2,
}  # fmt: skip


MONTH_RE = alternation(MONTHS)
MONTH_OR_ABBR_RE = rf"(?:{alternation([*MONTHS, *MONTH_ABBREVIATIONS])})\.?"
WEEKDAY_RE = alternation(WEEKDAYS)
NUMBER_RE = rf"(?:\d{{1,2}}|{alternation(NUMBERS)})"
ORDINAL_SUFFIX = r"(?:st|nd|rd|th|º|°|o)?"


def month_number(word: str) -> int:
    """The month of a folded month name or abbreviation (with or without a dot)."""
    word = word.rstrip(".")
    return MONTHS.get(word) or MONTH_ABBREVIATIONS[word]


def number(word: str) -> int:
    """A small count written in digits or words ("2", "two", "dos", "a")."""
    word = " ".join(word.split())
    return int(word) if word.isdigit() else NUMBERS[word]


def safe_date(year: int, month: int, day: int) -> date | None:
    """`date(year, month, day)`, or None when no such day exists (31 April, 30 February)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def next_weekday(today: date, weekday: int) -> date:
    """The next `weekday` strictly after today ("Tuesday" said on a Tuesday is next week's)."""
    ahead = (weekday - today.weekday() - 1) % 7 + 1
    return today + timedelta(days=ahead)


def next_month_day(today: date, month: int, day: int) -> date | None:
    """The next `month`/`day` on or after today (this year, else next year)."""
    for year in (today.year, today.year + 1):
        found = safe_date(year, month, day)
        if found is not None and found >= today:
            return found
    return safe_date(today.year + 1, month, day)


def next_day_of_month(today: date, day: int, weekday: int | None = None) -> date | None:
    """The next date on or after today falling on `day` (and on `weekday` when given), within a year.

    "el lunes 14" is the next 14th that is a Monday; without a weekday, the next 14th.
    """
    year, month = today.year, today.month
    for _ in range(13):
        found = safe_date(year, month, day)
        if found is not None and found >= today and (weekday is None or found.weekday() == weekday):
            return found
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def week_of(day: date) -> tuple[date, date]:
    """Monday to Sunday around `day`."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def month_of(year: int, month: int) -> tuple[date, date]:
    """The first and last day of a month."""
    first = date(year, month, 1)
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return first, following - timedelta(days=1)


def nth_weekday(year: int, month: int, nth: int, weekday: int) -> date | None:
    """The `nth` `weekday` of a month (Monday is 0; `nth` -1 is the last one), None past its end
    (a fifth Monday most months lack)."""
    first, last = month_of(year, month)
    if nth < 0:
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    return day if day.month == month else None
