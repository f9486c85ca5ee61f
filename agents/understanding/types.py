"""The values the understanding layer hands to the graph: plain frozen dataclasses, no behaviour.

They are deliberately free of any framework type so that the graph's state can hold them, the
checkpointer can serialise them and tests can compare them with `==`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Literal

Language = Literal["en", "es"]
PartOfDay = Literal["morning", "afternoon", "evening"]
RedFlagKind = Literal[
    "chest_pain",
    "stroke",
    "bleeding",
    "breathing",
    "anaphylaxis",
    "suicidal",
    "overdose",
    "pregnancy",
    "child_fever",
    "other_emergency",
]
TicketCategory = Literal["billing", "prescription", "medical_question", "complaint", "records", "other"]
TicketPriority = Literal["low", "normal", "high", "urgent"]
Expecting = Literal[
    "identity", "specialty", "when", "choice", "confirm", "reason", "ticket_details", "intake_answer"
]


class Intent(StrEnum):
    """What the patient wants from this message; the graph routes on it."""

    BOOK = "book"
    RESCHEDULE = "reschedule"
    CANCEL = "cancel"
    LIST_APPOINTMENTS = "list_appointments"
    QUESTION = "question"
    TICKET = "ticket"
    HANDOFF = "handoff"
    GREETING = "greeting"
    THANKS = "thanks"
    AFFIRM = "affirm"
    DENY = "deny"
    CHOOSE = "choose"
    PROVIDE_INFO = "provide_info"
    OPT_OUT = "opt_out"
    OPT_IN = "opt_in"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class When:
    """A time range to search for free slots, in the clinic's time zone (aware datetimes).

    `start` is never before the `now` the parser was given. For a single day with a part of day
    the range is already narrowed to that part (morning 06–12, afternoon 12–17, evening 17–22);
    for longer ranges it covers whole days and `part_of_day` tells the search to filter.
    `asap` marks "as soon as possible" (now .. now + 14 days). `text` is the phrase understood.
    `near` is the very time the words land on, when they name one ("same time next week", "a las
    diez, el mismo día"): the times offered are the nearest to it, and a plain yes takes it.
    `earliest` and `latest` (minutes after midnight, `latest` exclusive) bound the time of every
    day of the range when the words said a clock bound ("any day after 3", "next week before 11"):
    a part of day is too coarse for it ("after 3" is not the whole afternoon).
    """

    start: datetime
    end: datetime
    part_of_day: PartOfDay | None
    asap: bool
    text: str
    near: datetime | None = None
    earliest: int | None = None
    latest: int | None = None


@dataclass(frozen=True)
class RedFlag:
    """An emergency sign in the message; `evidence` is the words that triggered it."""

    kind: RedFlagKind
    evidence: str


@dataclass(frozen=True)
class Fields:
    """Everything a message told us, each None when absent.

    `specialty` is a clinic code (family-medicine, cardiology, dermatology, pediatrics,
    orthopedics); `practitioner` is the name mentioned without its title ("Dr. Patel" → "Patel");
    `phone` is E.164; `question` is the patient's question as written (questions and medical
    questions only); `relative` is who the visit is for when the writer books for someone else
    ("daughter", "hijo"), and then `name` and `birth_date` are that person's. `elsewhere` is True when
    the writer says the phone is someone else's or the visit is theirs, not the owner's ("using my
    dad's phone, it's for me"): then `name` and `birth_date` are the writer's, and the phone's patient
    is not taken for them. `unread_day` is the words of a day clearly said that could not be read
    ("the day after my birthday"); `when` is then None, so the agent asks for the date. `for_self`
    is True when the writer takes back a relative said before, in this message or an earlier one
    ("sorry, it's actually for me, not my son"): the visit is the writer's own.
    """

    specialty: str | None = None
    reason: str | None = None
    when: When | None = None
    practitioner: str | None = None
    name: str | None = None
    birth_date: date | None = None
    phone: str | None = None
    ticket_category: TicketCategory | None = None
    ticket_priority: TicketPriority | None = None
    question: str | None = None
    relative: str | None = None
    elsewhere: bool = False
    unread_day: str | None = None
    for_self: bool = False


@dataclass(frozen=True)
class Understanding:
    """One message understood: the normalised text, its language, intent, fields and safety signals.

    `injection` is True when the message tries to change the agent's instructions or identity or
    to reach another patient's data; the graph refuses and never changes identity because of it.
    `confidence` is a heuristic in [0, 1]: ~0.9 exact keyword, ~0.75 typo-tolerant match,
    ~0.6 a guess from context, 0.2 unknown.
    """

    text: str
    language: Language
    intent: Intent
    fields: Fields
    red_flag: RedFlag | None
    injection: bool
    confidence: float
