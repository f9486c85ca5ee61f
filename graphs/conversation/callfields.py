"""Each field a voice call may bring, checked on its own: the values `prefill.py` may trust.

Every function takes whatever the platform sent (any JSON value) and returns the clinic's own
value, or None when it does not check out: the caller then ignores the field rather than guessing.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any, Literal, get_args
from zoneinfo import ZoneInfo

from agents.phrasing import describe_when
from agents.understanding import (
    Intent,
    Language,
    PartOfDay,
    TicketCategory,
    TicketPriority,
    When,
    parse_birth_date,
    parse_name,
    parse_when,
    understand,
)
from agents.understanding.dayparts import WINDOWS
from tools.schemas import Specialty

SPECIALTIES = frozenset(get_args(Specialty))
PRIORITIES: dict[str, TicketPriority] = {
    "low": "low",
    "normal": "normal",
    "medium": "normal",
    "high": "high",
    "urgent": "urgent",
}
HORIZON = timedelta(days=366)  # a wish further ahead than this is a misreading
SOON = timedelta(days=14)  # "mornings", with no day: the next two weeks, like "as soon as possible"

_CLOCK = re.compile(r"^(\d{1,2})(?:[:.h](\d{2}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?)?$")
_WORDS = re.compile(r"[^\W_]+")  # letters (accented too) and digits

Meaning = tuple[Intent, TicketCategory | None] | Literal["emergency"] | None

# The platform's intent names, read by their words, first rule that matches wins ("cancel" before
# "appointment"; "records" before "medical"). `None` marks names we deliberately do not act on.
_INTENT_RULES: tuple[tuple[frozenset[str], Meaning], ...] = (
    (frozenset({"emergency", "urgencia", "emergencia"}), "emergency"),
    (
        frozenset({"human", "staff", "person", "agent", "operator", "representative", "transfer", "persona"}),
        (Intent.HANDOFF, None),
    ),
    (frozenset({"cancel", "cancellation", "cancelar"}), (Intent.CANCEL, None)),
    (
        frozenset({"reschedule", "rebook", "move", "change", "reprogramar", "cambiar"}),
        (Intent.RESCHEDULE, None),
    ),
    (frozenset({"confirm", "confirmation", "unknown", "other", "none", "greeting", "goodbye"}), None),
    (
        frozenset({"refill", "prescription", "prescriptions", "rx", "medication", "receta"}),
        (Intent.TICKET, "prescription"),
    ),
    (frozenset({"billing", "bill", "payment", "invoice", "charge", "factura"}), (Intent.TICKET, "billing")),
    (frozenset({"records", "record"}), (Intent.TICKET, "records")),
    (frozenset({"complaint", "queja"}), (Intent.TICKET, "complaint")),
    (
        frozenset({"medical", "clinical", "symptom", "symptoms", "nurse", "results", "advice"}),
        (Intent.TICKET, "medical_question"),
    ),
    (frozenset({"message", "callback", "call"}), (Intent.TICKET, "other")),
    (frozenset({"list", "status", "check", "upcoming", "lookup"}), (Intent.LIST_APPOINTMENTS, None)),
    (
        frozenset({"question", "info", "information", "faq", "inquiry", "enquiry", "hours", "directions"}),
        (Intent.QUESTION, None),
    ),
    (
        frozenset({"book", "booking", "schedule", "appointment", "new", "reservar", "cita"}),
        (Intent.BOOK, None),
    ),
)


def key(name: str) -> str:
    """`BookAppointment`, `book-appointment`, `Book Appointment` → `book_appointment`."""
    snake = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name)
    return "_".join(_WORDS.findall(snake.lower()))


def intent_of(value: Any) -> Meaning:
    """What an intent name means here: (intent, ticket category), "emergency", or None."""
    if not isinstance(value, str):
        return None
    words = set(key(value).split("_"))
    for keys, meaning in _INTENT_RULES:
        if words & keys:
            return meaning
    return None


def language_of(value: Any) -> Language | None:
    if not isinstance(value, str):
        return None
    head = key(value).split("_")[0]
    if head in ("es", "spa", "spanish", "espanol", "español"):
        return "es"
    return "en" if head in ("en", "eng", "english", "ingles") else None


def specialty_of(value: Any, now: datetime, tz: ZoneInfo) -> str | None:
    """A clinic specialty code, from a code or from words ("Cardiologist", "dermatología")."""
    if not isinstance(value, str):
        return None
    code = key(value).replace("_", "-")
    return code if code in SPECIALTIES else understand(value, now=now, tz=tz).fields.specialty


def text_of(value: Any, limit: int) -> str | None:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        value = ", ".join(value)
    if not isinstance(value, str):
        return None
    cleaned = " ".join(value.split())
    return cleaned[:limit] if cleaned else None


def _day_and_clock(
    value: str, now: datetime, tz: ZoneInfo, language: Language
) -> tuple[date, time | None] | When | None:
    """An ISO date or date-time, else the words ("next Tuesday") read as a patient's would be."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return parse_when(value, now=now, tz=tz, language=language)
    local = moment.astimezone(tz) if moment.tzinfo else moment.replace(tzinfo=tz)
    clock = local.time() if "T" in value or " " in value.strip() else None
    return local.date(), (clock if clock and clock != time(0) else None)


def _clock_or_part(value: str) -> time | PartOfDay | None:
    """ "10:30", "3pm", "3:00" (clinic hours: the afternoon) or "morning" / "tarde"."""
    words = key(value)
    parts: dict[str, PartOfDay] = {
        "morning": "morning", "am": "morning", "manana": "morning", "mañana": "morning",
        "afternoon": "afternoon", "pm": "afternoon", "tarde": "afternoon",
        "evening": "evening", "night": "evening", "noche": "evening",
    }  # fmt: skip
    for word in words.split("_"):
        if word in parts and not any(c.isdigit() for c in words):
            return parts[word]
    match = _CLOCK.match(value.strip().lower())
    if match is None:
        return None
    hour, minute, mark = (
        int(match.group(1)),
        int(match.group(2) or 0),
        (match.group(3) or "").replace(".", ""),
    )
    if mark.startswith("p") and hour < 12:
        hour += 12
    elif mark.startswith("a") and hour == 12:
        hour = 0
    elif not mark and 1 <= hour <= 7:  # "3:00" at a clinic open 9 to 5 is the afternoon
        hour += 12
    return time(hour, minute) if hour < 24 and minute < 60 else None


def _part_of(clock: time) -> PartOfDay:
    return "morning" if clock.hour < 12 else "afternoon" if clock.hour < 17 else "evening"


def when_of(
    day_value: Any, time_value: Any, now: datetime, tz: ZoneInfo, language: Language
) -> tuple[When | None, bool]:
    """The range to search, and whether it is one exact start time."""
    day: date | None = None
    clock: time | None = None
    part: PartOfDay | None = None
    if isinstance(day_value, str) and day_value.strip():
        read = _day_and_clock(day_value.strip(), now, tz, language)
        if isinstance(read, When):  # words: a single day is refined below, a longer range kept
            if read.asap or read.end - read.start > timedelta(days=1):
                return read, False
            day, part = read.start.astimezone(tz).date(), read.part_of_day
        elif read is not None:
            day, clock = read
    if isinstance(time_value, str) and time_value.strip() and clock is None:
        read_time = _clock_or_part(time_value)
        if isinstance(read_time, time):
            clock, part = read_time, None
        elif read_time is not None:
            part = read_time
    today = now.astimezone(tz).date()
    if day is None:  # only a part of the day: the next two weeks of it (merge may refine a day said)
        part = part or (_part_of(clock) if clock else None)
        if part is None:
            return None, False
        text = describe_when(None, part_of_day=part, exact=False, language=language, tz=tz)
        return When(start=now, end=now + SOON, part_of_day=part, asap=False, text=text), False
    if not today <= day <= today + HORIZON:
        return None, False
    if clock is not None:
        start = datetime.combine(day, clock, tz)
        if start < now:
            return None, False
        text = describe_when(start, part_of_day=None, exact=True, language=language, tz=tz)
        return When(start, start + timedelta(minutes=1), _part_of(clock), False, text), True
    opens, closes = WINDOWS[part] if part else (0, 24 * 60)
    midnight = datetime.combine(day, time(0), tz)
    start, end = midnight + timedelta(minutes=opens), midnight + timedelta(minutes=closes)
    if end <= now:
        return None, False
    text = describe_when(midnight, part_of_day=part, exact=False, language=language, tz=tz)
    return When(start=start, end=end, part_of_day=part, asap=False, text=text), False


def with_part(when: When, part: PartOfDay, tz: ZoneInfo) -> When:
    """`when` kept to `part` of the day: a single day narrowed to its hours, a longer range filtered."""
    if when.asap or when.end - when.start > timedelta(days=1):
        return replace(when, part_of_day=part)
    midnight = datetime.combine(when.start.astimezone(tz).date(), time(0), tz)
    opens, closes = WINDOWS[part]
    start, end = midnight + timedelta(minutes=opens), midnight + timedelta(minutes=closes)
    return replace(when, start=max(start, when.start), end=end, part_of_day=part)


def name_of(value: Any, language: Language) -> str | None:
    """A full name (given and family) as the patient would have typed it; a lone word is not one."""
    written = text_of(value, 200)
    name = parse_name(written, language=language) if written else None
    return name if name and len(name.split()) >= 2 else None


def birth_date_of(value: Any, today: date, language: Language) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        born = date.fromisoformat(value.strip())
    except ValueError:
        return parse_birth_date(value, language=language, today=today)
    return born if date(1900, 1, 1) <= born < today else None


def appointment_id_of(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        return str(uuid.UUID(value))
    except ValueError:
        return None


def practitioner_of(value: Any) -> str | None:
    """The name without its title ("Dr. Patel" → "Patel"), as the slot search matches it."""
    written = text_of(value, 100)
    if written is None:
        return None
    bare = re.sub(r"^(?:dr|dra|doctor|doctora)\.?\s+", "", written, flags=re.IGNORECASE).strip()
    return bare if any(c.isalpha() for c in bare) else None


def priority_of(value: Any) -> TicketPriority | None:
    return PRIORITIES.get(key(value)) if isinstance(value, str) else None
