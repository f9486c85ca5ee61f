"""The conversation's state, as checkpointed between turns.

Everything here is plain data (str, int, dict, list, datetime) so the checkpointer can store it
and a staff member can read it in a trace. The patient's identity (`patient_id`) is set only by the
identify node from the verified channel; nothing a patient writes can set it directly. (The planner
may clear it, when a reminder about another patient on a shared phone is answered, so that identify
asks again who is writing.)
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, NotRequired, TypedDict

from langchain_core.messages import AnyMessage
from langgraph.graph.message import add_messages

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


class TurnInput(TypedDict):
    """What one turn brings: the patient's new messages (a burst is merged into one turn).

    `prefill` comes with a hand-off from another channel — a voice call's `extracted_data` —
    and marks the turn as one whose reply reaches the patient later, elsewhere (see prefill.py).
    """

    inbound: list[str]
    prefill: NotRequired[dict[str, Any] | None]
    fresh: NotRequired[bool]  # staff handed the conversation back: nothing from before is acted on
    alarm: NotRequired[dict[str, str] | None]  # a red flag the runner already read (a conversation staff own)


MESSAGES_KEPT = 20  # the conversation's recent exchanges; its whole transcript lives in Postgres


def recent_messages(left: list[AnyMessage], right: list[AnyMessage] | AnyMessage) -> list[AnyMessage]:
    """`add_messages`, keeping the last `MESSAGES_KEPT`: the state in Redis stays bounded however
    long the conversation runs (it was appended to for ever)."""
    merged: list[AnyMessage] = add_messages(left, right)  # type: ignore[arg-type,assignment]
    return merged[-MESSAGES_KEPT:]


class ConversationState(TurnInput, total=False):
    messages: Annotated[list[AnyMessage], recent_messages]
    turn: int
    language: str
    understanding: dict[str, Any]  # this turn's Understanding, as a dict
    patient_id: str | None  # verified; set only by the identify node
    patient_name: str | None  # given name, to greet
    identity_attempts: int
    task: Task | None
    gathered: dict[str, Any]  # specialty, reason, when {start, end, part_of_day, asap, text}, practitioner, …
    awaiting: Awaiting | None  # what this turn's reply asks for (None: nothing)
    awaited: Awaiting | None  # what the previous reply asked for; the answer is read in its light
    asked: list[str]  # fields already asked for in this task (ask once, then use a sensible default)
    offered: list[dict[str, Any]]  # SlotOption dicts, in the order shown
    targets: list[dict[str, Any]]  # AppointmentView dicts the patient may choose among
    pending: dict[str, Any] | None  # the change in the making: {"action", "appointment", "slot"}, or
    # {"appointment_id"} before the appointment a reminder or a call named is checked to be the patient's
    step: Step | None
    misunderstood: int
    reply: list[str]  # this turn's reply, in parts
    outcome: str | None  # this turn's outcome: booked, cancelled, …, none
    events: list[dict[str, Any]]  # domain events this turn, for the journeys: {"event", "appointment_start"}
    prefilled: dict[str, Any] | None  # this turn's checked hand-off fields; None when not a hand-off
    reminder: dict[str, Any] | None  # {"kind", "appointment_id", "patient_id"} while awaiting its reply
