"""The conversation's state, as checkpointed between turns.

Everything here is plain data (str, int, dict, list, datetime) so the checkpointer can store it
and a staff member can read it in a trace. The patient's identity (`patient_id`) is set only by the
identify node from the verified channel; nothing a patient writes can set it directly. (The planner
may clear it, when a reminder about another patient on a shared phone is answered, so that identify
asks again who is writing.)
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal, NotRequired, Required, TypedDict

from langchain_core.messages import AnyMessage
from langgraph.graph.message import add_messages

from agents.understanding import Language, PartOfDay, RedFlagKind, TicketCategory, TicketPriority

Task = Literal["book", "cancel", "reschedule", "list", "ticket", "question", "attend", "feedback"]
Awaiting = Literal[
    "identity",
    "specialty",
    "when",
    "choice",
    "which_appointment",
    "confirm",
    "intake",
    "reminder",  # a reminder went out: confirm, cancel or change that appointment
    "followup",  # a post-visit follow-up went out: how did the visit go?
]
Step = Literal[
    "identify",
    "ask",
    "clarify",
    "find_slots",
    "book",
    "choose_appointment",
    "confirm",
    "cancel",
    "reschedule",
    "keep",
    "list_appointments",
    "open_ticket",
    "answer",
    "record_intake",
    "greet",
    "thank",
    "not_understood",
    "hand_off",
    "confirm_attendance",
    "remind_options",
    "hear_visit",
    "respond",
]


class WhenData(TypedDict):
    """`agents.understanding.When` as plain data: the range to search, in the clinic's time zone."""

    start: datetime
    end: datetime
    part_of_day: PartOfDay | None
    asap: bool
    text: str
    near: NotRequired[datetime | None]  # the very time the words land on ("same time next week")
    earliest: NotRequired[int | None]  # a clock bound each day, minutes after midnight ("after 3")
    latest: NotRequired[int | None]  # its end, exclusive ("before 11")


class Gathered(TypedDict, total=False):
    """What the task in progress has learnt so far; each key only once it is known."""

    specialty: str
    reason: str
    practitioner: str
    ticket_category: TicketCategory
    ticket_priority: TicketPriority
    question: str
    when: WhenData
    exact: bool  # `when` is one exact minute (a call named it): book it outright when it is free
    intake_question: str  # the journey's intake question being answered
    report: str  # after a visit: fine, medical_question, complaint or noted
    account: str  # after a visit: the patient's own words about it
    relative: str  # the visit is for the writer's relative ("daughter"): identity is theirs
    elsewhere: bool  # the writer is not the phone's owner ("using my dad's phone"): identity is theirs
    unread_day: str  # a day said in words not understood ("the day after my birthday"): asked for as a date
    shift: str  # words moving the appointment relative to itself ("push it back a week"), until it is known
    pick: str  # a position said with a new time ("any in the afternoon, the first"): for the next offer


class Claimed(TypedDict, total=False):
    """Half of an identity given so far ("Hugo Laurent", then "26/06/1968" in the next message)."""

    name: str
    birth_date: str  # ISO 8601


class OfferedSlot(TypedDict):
    """A `tools.schemas.SlotOption` as shown to the patient (JSON-ready: ids and times as strings)."""

    slot_id: str
    start: str
    end: str
    practitioner: str
    specialty: str


class TargetAppointment(TypedDict):
    """A `tools.schemas.AppointmentView` the patient may choose among (JSON-ready)."""

    id: str
    start: str
    practitioner: str
    specialty: str
    address: str
    status: str


class Pending(TypedDict, total=False):
    """The change in the making: `action` on `appointment` (to `slot` when moving or booking), or only
    `appointment_id` before the appointment a reminder or a call named is checked to be the patient's."""

    action: Task | None
    appointment: TargetAppointment
    slot: OfferedSlot
    appointment_id: str


class JourneyEvent(TypedDict):
    """A domain event this turn, for the journeys (`tools.schemas.JourneyEventArgs`)."""

    event: str
    appointment_start: NotRequired[str]


class ReminderRef(TypedDict):
    """The reminder or follow-up whose reply is awaited: which appointment, whose."""

    kind: Literal["reminder", "followup"]
    appointment_id: str
    patient_id: str


class Prefilled(TypedDict):
    """A call's fields that checked out (graphs/conversation/prefill.py), as the trace shows them."""

    intent: str | None
    ticket_category: TicketCategory | None
    specialty: str | None
    when: str | None
    exact: bool
    appointment_id: str | None
    details: dict[str, str]  # other call facts, for a ticket's staff
    ignored: list[str]  # keys refused


class RedFlagData(TypedDict):
    """`agents.understanding.RedFlag` as plain data."""

    kind: RedFlagKind
    evidence: str


class UnderstandingData(TypedDict):
    """This turn's `Understanding` as plain data (`dataclasses.asdict`, the intent as its value);
    `common.understood` rebuilds it."""

    text: str
    language: Language
    intent: str
    fields: dict[str, Any]  # `asdict(Fields)`: one value type per field, rebuilt by `Fields(**fields)`
    red_flag: RedFlagData | None
    injection: bool
    confidence: float


class _Carried(TypedDict, total=False):
    """What a turn's input may carry besides the messages."""

    prefill: dict[str, object] | None  # a voice call's `extracted_data`: the platform's, unchecked
    fresh: bool  # staff handed the conversation back: nothing from before is acted on
    alarm: RedFlagData | None  # a red flag the runner already read (a conversation staff own)


class TurnInput(_Carried):
    """What one turn brings: the patient's new messages (a burst is merged into one turn).

    `prefill` comes with a hand-off from another channel — a voice call's `extracted_data` —
    and marks the turn as one whose reply reaches the patient later, elsewhere (see prefill.py).
    """

    inbound: Required[list[str]]


MESSAGES_KEPT = 20  # the conversation's recent exchanges; its whole transcript lives in Postgres


def recent_messages(left: list[AnyMessage], right: list[AnyMessage] | AnyMessage) -> list[AnyMessage]:
    """`add_messages`, keeping the last `MESSAGES_KEPT`: the state in Redis stays bounded however
    long the conversation runs (it was appended to for ever)."""
    merged: list[AnyMessage] = add_messages(left, right)  # type: ignore[arg-type,assignment]
    return merged[-MESSAGES_KEPT:]


class ConversationState(_Carried, total=False):
    """The checkpointed state — and, every key being optional, also what a node returns: a partial
    update LangGraph merges into it."""

    inbound: list[str]
    messages: Annotated[list[AnyMessage], recent_messages]
    turn: int
    language: str  # the conversation's language code, as the patient's record keeps it
    understanding: UnderstandingData
    patient_id: str | None  # verified; set only by the identify node
    patient_name: str | None  # given name, to greet
    acting_for: str | None  # the writer's relative ("daughter") the verified patient is, if not themself
    identity_attempts: int
    claimed: Claimed  # a name or a birth date given without the other, kept until identity is settled
    task: Task | None
    gathered: Gathered
    awaiting: Awaiting | None  # what this turn's reply asks for (None: nothing)
    awaited: Awaiting | None  # what the previous reply asked for; the answer is read in its light
    asked: list[str]  # fields already asked for in this task (ask once, then use a sensible default)
    offered: list[OfferedSlot]  # in the order shown
    targets: list[TargetAppointment]  # the appointments the patient may choose among
    pending: Pending | None
    step: Step | None
    misunderstood: int
    reply: list[str]  # this turn's reply, in parts
    outcome: str | None  # this turn's outcome: booked, cancelled, …, none
    events: list[JourneyEvent]
    prefilled: Prefilled | None  # this turn's checked hand-off fields; None when not a hand-off
    reminder: ReminderRef | None  # while its reply is awaited
    queued: list[str]  # the other requests of a message that asked for several, to serve next
    said: list[str]  # this turn's reply to the requests already served, before the current one's
    last_booked: str | None  # the appointment this conversation last booked or moved ("push it back a week")
