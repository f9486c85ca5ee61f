"""Dates and times as patients read them, in English and Spanish, without depending on OS locales."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

WEEKDAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "es": ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
}
MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "es": [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
}

PARTS_OF_DAY = {
    "en": {"morning": "in the morning", "afternoon": "in the afternoon", "evening": "in the evening"},
    "es": {"morning": "por la mañana", "afternoon": "por la tarde", "evening": "por la noche"},
}


def format_date(moment: datetime, language: str, tz: ZoneInfo) -> str:
    """ "Tuesday, December 8" / "martes 8 de diciembre"."""
    local = moment.astimezone(tz)
    weekday = WEEKDAYS[language][local.weekday()]
    month = MONTHS[language][local.month - 1]
    if language == "es":
        return f"{weekday} {local.day} de {month}"
    return f"{weekday}, {month} {local.day}"


def format_time(moment: datetime, language: str, tz: ZoneInfo) -> str:
    """ "2:30 PM" / "14:30"."""
    local = moment.astimezone(tz)
    if language == "es":
        return f"{local:%H:%M}"
    hour = local.hour % 12 or 12
    return f"{hour}:{local:%M} {'AM' if local.hour < 12 else 'PM'}"


def format_slot(moment: datetime, language: str, tz: ZoneInfo) -> str:
    """ "Tuesday, December 8 at 2:30 PM" / "martes 8 de diciembre a las 14:30"."""
    joiner = " a las " if language == "es" else " at "
    return format_date(moment, language, tz) + joiner + format_time(moment, language, tz)


def describe_when(
    day: datetime | None, *, part_of_day: str | None, exact: bool, language: str, tz: ZoneInfo
) -> str:
    """A wish for a time as a sentence can carry it: "on Tuesday, December 8 in the morning",
    "el martes 8 de diciembre a las 10:30", or just "in the afternoon" when no day was named."""
    parts = PARTS_OF_DAY.get(language, PARTS_OF_DAY["en"])
    part = parts.get(part_of_day, "") if part_of_day else ""
    if day is None:
        return part
    on = "el " if language == "es" else "on "
    if exact:
        return on + format_slot(day, language, tz)
    return " ".join(p for p in (on + format_date(day, language, tz), part) if p)
