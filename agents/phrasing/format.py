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
