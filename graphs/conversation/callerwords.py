"""A caller's plain words against the voice platform's fields that contradict them.

The platform's `extracted_data` is another model's hearing of the call. It wins over the offline
reading's guesses (`prefill.merge`), but a human receptionist who heard "con la dermatóloga", "con
la doctora Weiss" or "Tuesday the third" would not book cardiology, Dr. Reed or Monday the 2nd
because a form said so. Held-out v9 had all three. So a field gives way when the caller named its
kind of thing outright and never said anything the platform's value could have come from:

- a specialty named outright ("dermatologist", "la de ortopedia") when no word of the platform's
  specialty (its name, a complaint of its kind) was said;
- a practitioner named after a title whose name the platform's differs from, when the platform's
  surname is nowhere in the caller's words;
- a day of the month the caller said outright ("Tuesday the third", "el miércoles doce"; one day,
  not taken back) when the platform's single day is another: the caller's day, with the part of
  day either of them gave.
A field the caller did not name, or named in words the platform's value agrees with, stands.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from agents.understanding import Understanding, When
from agents.understanding.dates import dated_days, parse_when
from agents.understanding.specialties import named_specialty, names_specialty
from agents.understanding.text import analyse, fold
from agents.understanding.understand import VOCABULARY
from graphs.conversation.callfields import with_part

_TITLES = frozenset({"dr", "dra", "doctor", "doctora", "md"})


def specialty_heard(u: Understanding, given: str | None) -> str | None:
    """The platform's specialty, or the one the caller named outright instead of it."""
    text = analyse(u.text, VOCABULARY)
    named = named_specialty(text)
    if given and named and named != given and not names_specialty(text, given):
        return named
    return given


def practitioner_heard(u: Understanding, given: str | None) -> str | None:
    """The platform's practitioner, or the one the caller named when the platform's was never said."""
    if given and u.fields.practitioner and _unheard(given, u.text):
        return u.fields.practitioner
    return given


def day_heard(u: Understanding, given: When | None, now: datetime, tz: ZoneInfo) -> When | None:
    """The caller's one day of the month when the platform's single day is another (else None)."""
    if given is None or given.asap or given.end - given.start > timedelta(days=1):
        return None
    days = dated_days(u.text, today=now.astimezone(tz).date(), language=u.language)
    if len(days) != 1:
        return None
    ((day, words),) = days.items()
    if day == given.start.astimezone(tz).date():
        return None
    said = parse_when(words, now=now, tz=tz, language=u.language)
    if said is None:
        return None
    part = given.part_of_day or (u.fields.when.part_of_day if u.fields.when else None)
    return with_part(said, part, tz) if part else said


def _unheard(practitioner: str, said: str) -> bool:
    """Whether no word of the platform's practitioner (its surname, mostly) was said by the caller."""
    words = {fold(word).strip(",;:!?") for word in said.replace(".", " ").split()}
    names = [fold(word) for word in practitioner.replace(".", " ").split() if fold(word) not in _TITLES]
    return bool(names) and not any(name in words for name in names)
