"""A voice call handed over to the conversation: the caller's words and the platform's fields, checked.

The voice platform is not ours. Its transcript holds both sides of the call ("Agent: … Caller: …"),
so only the caller's turns are read as the patient's message. Its `extracted_data` is another
model's reading of the call, so each field is used only when it checks out: an intent it names
in any of the usual ways (`book_appointment`, `BookAppointment`, `speak_to_staff`, …), a specialty
the clinic has, a date that is not past, a well-formed name. Anything else is ignored (and listed
under `ignored` for the trace), never trusted blindly, and a valid field wins over the guess the
offline reading made from the transcript.

Identity is not taken from the call beyond the phone the platform verified: keys such as
`patient_id` or another phone are ignored, and a name and birth date only do what the same words
typed by the patient would do — tell apart patients sharing the phone, or register a new one on it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from agents.understanding import (
    Intent,
    Language,
    RedFlag,
    TicketCategory,
    TicketPriority,
    Understanding,
    When,
    intents,
)
from agents.understanding.dates import taken_back_days
from agents.understanding.intents import EXACT, Reading
from agents.understanding.intentwords import PATTERNS
from agents.understanding.names import own_name
from agents.understanding.requestshapes import uses_book_verb
from agents.understanding.specialties import taken_back_specialty
from agents.understanding.spelledout import spelled_words
from agents.understanding.text import analyse, fold
from agents.understanding.topics import asks_about_policy
from agents.understanding.understand import VOCABULARY
from graphs.conversation.callerwords import day_heard, practitioner_heard, specialty_heard
from graphs.conversation.callfields import (
    appointment_id_of,
    birth_date_of,
    intent_of,
    key,
    language_of,
    name_of,
    practitioner_of,
    priority_of,
    specialty_of,
    text_of,
    when_of,
    with_part,
)
from graphs.conversation.state import Prefilled

_AGENT = r"agent|agente|assistant|asistente|ai|bot|receptionist|recepcionista|operator|operadora?|ivr|system"
_CALLER = r"caller|patient|paciente|user|usuario|usuaria|customer|cliente|llamante"
_SPEAKER = re.compile(rf"(?<![\w])(?P<who>{_AGENT}|{_CALLER})\s*:", re.IGNORECASE)
_CALLER_RE = re.compile(rf"^(?:{_CALLER})$", re.IGNORECASE)
_NOTE = re.compile(r"\[[^\]]*\]")  # "[call dropped]", "[inaudible]"

# Which keys mean what (after `key`); whatever else the platform sends is kept as call details.
KEYS: dict[str, tuple[str, ...]] = {
    "intent": ("intent", "intention", "purpose", "call_reason_code"),
    "language": ("language", "lang", "locale", "preferred_language"),
    "specialty": ("specialty", "speciality", "department", "specialty_name", "service"),
    "date": ("preferred_date", "date", "appointment_date", "requested_date", "day", "preferred_day"),
    "time": ("preferred_time", "time", "appointment_time", "requested_time", "time_of_day", "part_of_day"),
    "reason": ("reason", "reason_for_visit", "visit_reason", "symptoms", "chief_complaint"),
    "practitioner": ("practitioner", "doctor", "provider", "physician", "preferred_doctor"),
    "name": ("patient_name", "name", "caller_name", "full_name"),
    "birth_date": ("birth_date", "date_of_birth", "dob", "birthdate", "patient_dob"),
    "priority": ("priority", "urgency"),
    "question": ("question", "query"),
    "appointment_id": ("appointment_id",),
}
_IDENTITY = re.compile(r"(?:^|_)(?:id|mrn|ssn|phone|email|patient)(?:_|$)")  # never used, never kept


@dataclass(frozen=True)
class Prefill:
    """The fields of a call that checked out; every one None when absent or refused."""

    intent: Intent | None = None
    ticket_category: TicketCategory | None = None
    emergency: bool = False
    language: Language | None = None
    specialty: str | None = None
    when: When | None = None
    exact: bool = False  # `when` is one exact start time: book it straight away if it is free
    part_only: bool = False  # `when` came from a part of the day alone: a day the caller said wins
    reason: str | None = None
    practitioner: str | None = None
    name: str | None = None
    callers_name: bool = False  # `name` came as `caller_name`: who called, not whom the visit is for
    birth_date: date | None = None
    priority: TicketPriority | None = None
    question: str | None = None
    appointment_id: str | None = None
    details: dict[str, str] = field(default_factory=dict)  # other call facts, for a ticket's staff
    ignored: list[str] = field(default_factory=list)  # keys refused, for the trace

    def as_state(self) -> Prefilled:
        """Plain data for the checkpointed state (and a trace reader)."""
        return {
            "intent": self.intent.value if self.intent else None,
            "ticket_category": self.ticket_category,
            "specialty": self.specialty,
            "when": self.when.text if self.when else None,
            "exact": self.exact,
            "appointment_id": self.appointment_id,
            "details": self.details,
            "ignored": self.ignored,
        }


def is_transcript(text: str) -> bool:
    """Whether `text` reads as a call's transcript: an agent's turn and a caller's, labelled."""
    speakers = {bool(_CALLER_RE.match(label.group("who"))) for label in _SPEAKER.finditer(text)}
    return speakers == {True, False}


def caller_text(transcript: str) -> str:
    """The caller's side of a transcript; the whole of it when no speakers are labelled."""
    labels = list(_SPEAKER.finditer(transcript))
    if not labels:
        return _NOTE.sub(" ", transcript).strip()
    spoken = [
        transcript[label.end() : following.start() if following else len(transcript)]
        for label, following in zip(labels, [*labels[1:], None], strict=True)
        if _CALLER_RE.match(label.group("who"))
    ]
    return " ".join(" ".join(_NOTE.sub(" ", part).split()) for part in spoken).strip()


def read_prefill(
    raw: dict[str, Any], *, now: datetime, tz: ZoneInfo, language_hint: Language | None
) -> Prefill:
    """Check every field of `extracted_data` this agent understands; keep the rest as call details."""
    data: dict[str, Any] = {}
    for given, value in raw.items():
        data.setdefault(key(str(given)), value)
    used: set[str] = set()
    ignored: list[str] = []

    def take(kind: str) -> tuple[str, Any] | None:
        found = next((name for name in KEYS[kind] if data.get(name) not in (None, "")), None)
        if found is None:
            return None
        used.add(found)
        return found, data[found]

    def check(kind: str, parse: Callable[[Any], Any]) -> Any:
        taken = take(kind)
        result = parse(taken[1]) if taken else None
        if taken and result is None:
            ignored.append(taken[0])
        return result

    language: Language | None = check("language", language_of)
    lang = language or language_hint or "en"
    today = now.astimezone(tz).date()
    meaning = check("intent", intent_of)
    day, clock = take("date"), take("time")
    when, exact = when_of(day[1] if day else None, clock[1] if clock else None, now, tz, lang)
    if when is None:
        ignored.extend(taken[0] for taken in (day, clock) if taken)
    prefill = Prefill(
        intent=meaning[0] if isinstance(meaning, tuple) else None,
        ticket_category=meaning[1] if isinstance(meaning, tuple) else None,
        emergency=meaning == "emergency",
        language=language,
        specialty=check("specialty", lambda v: specialty_of(v, now, tz)),
        when=when,
        exact=exact,
        part_only=when is not None and not exact and day is None,
        reason=check("reason", lambda v: text_of(v, 500)),
        practitioner=check("practitioner", practitioner_of),
        name=check("name", lambda v: name_of(v, lang)),
        birth_date=check("birth_date", lambda v: birth_date_of(v, today, lang)),
        priority=check("priority", priority_of),
        question=check("question", lambda v: text_of(v, 500)),
        appointment_id=check("appointment_id", appointment_id_of),
    )
    details: dict[str, str] = {}
    for name, value in data.items():
        if name in used:
            continue
        if _IDENTITY.search(name):
            ignored.append(name)
        elif isinstance(value, str | int | float) and not isinstance(value, bool) and len(details) < 10:
            details[name] = str(value)[:200]
    callers = prefill.name is not None and "caller_name" in used
    return replace(prefill, details=details, ignored=ignored, callers_name=callers)


# What a caller asks for in so many words, which a platform's vaguest label ("general_question") does
# not outrank: "I wanna book an orthopedics visit Tuesday at two thirty" books.
_REQUESTS = (Intent.BOOK, Intent.CANCEL, Intent.RESCHEDULE, Intent.TICKET, Intent.LIST_APPOINTMENTS)


def _intent(u: Understanding, p: Prefill) -> Intent:
    """The call's intent wins, unless it only calls the call a question and the caller asked for
    something in so many words, or it calls it a change and the caller only asked a question about
    changes ("quería saber con cuánto tiempo tengo que cancelar una cita para que no me cobren la
    multa": the platform heard "cancelar" and said cancel_appointment), or it names the call's topic
    (a booking, a ticket) and the caller only asked a question about it (`_only_asked`)."""
    if p.intent is Intent.QUESTION and u.intent in _REQUESTS and _said_outright(u):
        return u.intent
    if p.intent in (Intent.CANCEL, Intent.RESCHEDULE) and u.intent is Intent.QUESTION and _policy_asked(u):
        return u.intent
    if p.intent in _TOPICS and u.intent is Intent.QUESTION and _only_asked(u):
        return u.intent
    if p.intent is Intent.BOOK and _asks_care_team(u):
        return u.intent
    return p.intent or u.intent


def _asks_care_team(u: Understanding) -> bool:
    """Whether the caller only put a medical question to the care team ("I just wanted a nurse to call
    me back and tell me if that's normal"), or asked billing to look at a bill ("can someone from
    billing call me back?"), with no word that books: the platform's book_appointment (or its bare
    "appointment") heard the topic (a mole removed, a visit billed), not a wish to come in."""
    staff = ("medical_question", "billing")
    if u.intent is not Intent.TICKET or u.fields.ticket_category not in staff:
        return False
    said = analyse(u.text, VOCABULARY)
    return not (PATTERNS[Intent.BOOK].search(said.corrected) or uses_book_verb(said))


# What a platform names after the call's topic, which a caller who only asks about it does not want:
# "¿a qué hora abren en la mañana? quiero ir temprano a dejar unos papeles" (book_appointment), "¿en
# cuántos días salen los resultados en el portal?" (test_results).
_TOPICS = (Intent.BOOK, Intent.TICKET)


def _only_asked(u: Understanding) -> bool:
    """Whether the caller asked a clinic question in so many words and named no visit: no
    specialty, no practitioner, and the question read as such with no word corrected."""
    if u.fields.specialty or u.fields.practitioner or u.fields.ticket_category == "medical_question":
        return False
    said = analyse(u.text, frozenset())
    return intents.request_intent(said) == Reading(Intent.QUESTION, EXACT)


def _said_outright(u: Understanding) -> bool:
    """Whether the caller's reading stands on their words as said: read exactly, or read the same
    with no word corrected ("le habla Catalina Rivas" corrects "habla" to "hablan", which says
    nothing about the request)."""
    if u.confidence >= EXACT:
        return True
    said = analyse(u.text, frozenset())  # no vocabulary: nothing corrected
    return (intents.strong_intent(said) or intents.request_intent(said)) == Reading(u.intent, EXACT)


def _policy_asked(u: Understanding) -> bool:
    """Whether the caller asks what cancelling or moving costs or how it works, and no more."""
    return asks_about_policy(analyse(u.text, VOCABULARY))


def _narrower(said: When | None, given: When | None) -> When | None:
    """The caller's own time when it lies inside the platform's and says more ("next Tuesday, in the
    afternoon, after two" inside the platform's "2026-11-24"); else the platform's."""
    if said is None or given is None or given.asap or said.asap:
        return given
    inside = given.start <= said.start and said.end <= given.end
    return said if inside and said.end - said.start < given.end - given.start else given


def for_request(p: Prefill, u: Understanding) -> Prefill:
    """The call's fields for one of several requests the caller made: all of them when the call's
    intent is this request's, only the language otherwise (a refill asked beside a booking is not
    the booking the platform saw)."""
    if p.intent is None or _intent(u, p) is u.intent:
        return p
    return Prefill(language=p.language, emergency=p.emergency, details=p.details, ignored=p.ignored)


def _spelled_name(u: Understanding, p: Prefill) -> str | None:
    """The platform's name with the words the caller spelt out where it heard them otherwise
    ("Siobhan, S-I-O-B-H-A-N, Murphy" written "Shavon Murphy"): each word of its name that the caller
    never said gives way, in order, to a spelt word it lacks — when there are as many of one as of
    the other; else the platform's name as it is."""
    spelled = spelled_words(u.text)
    if not p.name or not spelled:
        return p.name
    words = p.name.split()
    heard = {fold(word) for word in re.findall(r"[^\W\d_]+", u.text)}
    unheard = [i for i, word in enumerate(words) if fold(word) not in heard]
    given = {fold(word) for word in words}
    lacking = [word for word in spelled if fold(word) not in given]
    if not unheard or len(unheard) != len(lacking):
        return p.name
    for i, word in zip(unheard, lacking, strict=True):
        words[i] = word
    return " ".join(words)


def _for_whom(u: Understanding, p: Prefill) -> tuple[str | None, date | None]:
    """The name and birth date of whom the visit is for. The platform's `patient_name` is often the
    caller's ("Hi, I'm Barnaby Voss, I'm calling to book for my son … His name is Felix"; "soy Maria
    Garcia, pero la cita es para mi hijo Mateo"): when the caller says the visit is for a child of
    theirs, the child their words name wins, and the caller's own name never stands for the child —
    nor does the platform's `caller_name` ("I'm calling for my son … Noah Price"; caller_name "Laura
    Price"), which names who called."""
    name = _spelled_name(u, p)
    if not u.fields.relative:
        return name, p.birth_date
    own = own_name(u.text)
    said = u.fields.name if u.fields.name and not _same_name(u.fields.name, own) else None
    if said is not None:
        return said, u.fields.birth_date or p.birth_date
    return (None if _same_name(name, own) or p.callers_name else name), u.fields.birth_date or p.birth_date


def _same_name(one: str | None, other: str | None) -> bool:
    return bool(one and other) and fold(one or "").split() == fold(other or "").split()


def _without_taken_back(u: Understanding, p: Prefill, now: datetime | None, tz: ZoneInfo) -> Prefill:
    """The call's fields less a specialty or day the caller said and then corrected ("pediatría...
    no, medicina familiar", "el martes once... no, espere, el miércoles doce"): the platform kept
    the first words, the caller's last choice is the one meant."""
    text = analyse(u.text, VOCABULARY)
    if p.specialty and u.fields.specialty and p.specialty == taken_back_specialty(text):
        p = replace(p, specialty=None)
    if now is not None and p.when is not None and u.fields.when is not None:
        taken_back = taken_back_days(u.text, today=now.astimezone(tz).date(), language=u.language)
        if p.when.start.astimezone(tz).date() in taken_back:
            part = p.when.part_of_day
            said = u.fields.when
            keep = with_part(said, part, tz) if part and not said.part_of_day else said
            p = replace(p, when=keep, exact=False, part_only=False)
    return p


def merge(u: Understanding, p: Prefill, *, tz: ZoneInfo, now: datetime | None = None) -> Understanding:
    """The transcript's reading with the call's checked fields winning where they were given
    (unless the caller took them back, or plainly said otherwise: `callerwords`; a day needs `now`,
    the turn's clock)."""
    p = _without_taken_back(u, p, now, tz)
    p = replace(
        p, specialty=specialty_heard(u, p.specialty), practitioner=practitioner_heard(u, p.practitioner)
    )
    if now is not None and (day := day_heard(u, p.when, now, tz)) is not None:
        p = replace(p, when=day, exact=False, part_only=False)  # "Tuesday the third", heard as the 2nd
    intent = _intent(u, p)
    name, birth_date = _for_whom(u, p)
    given: dict[str, Any] = {
        "specialty": p.specialty,
        "when": p.when,
        "reason": p.reason,
        "practitioner": p.practitioner,
        "name": name,
        "birth_date": birth_date,
    }
    if p.part_only and p.when is not None and p.when.part_of_day and u.fields.when is not None:
        given["when"] = with_part(u.fields.when, p.when.part_of_day, tz)  # "next week" + "morning"
    elif not p.exact:
        given["when"] = _narrower(u.fields.when, p.when)
    fields = replace(u.fields, **{name: value for name, value in given.items() if value is not None})
    if u.fields.relative:  # the caller's own name is not the child's: asked for rather than kept
        fields = replace(fields, name=name)
    if intent is Intent.TICKET:
        category = p.ticket_category or fields.ticket_category or "other"
        fields = replace(
            fields, ticket_category=category, ticket_priority=p.priority or fields.ticket_priority or "normal"
        )
    if intent is Intent.QUESTION or fields.ticket_category == "medical_question":
        fields = replace(fields, question=p.question or fields.question or u.text)
    flag = RedFlag("other_emergency", "the voice platform reported an emergency") if p.emergency else None
    return replace(
        u, intent=intent, fields=fields, language=p.language or u.language, red_flag=u.red_flag or flag
    )
