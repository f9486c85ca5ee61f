"""Deciding the next step from what the patient said and what the agent was waiting for.

Pure functions over the state and this turn's understanding, so every branch is testable without
a database. Patients change their mind: a new request (book, cancel, reschedule, list, a question,
a ticket) replaces the task in progress; an answer to what was asked continues it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from agents.understanding import Intent, PartOfDay, Understanding, resolve_choice
from agents.understanding.choices import clock_named, refers_to_option
from agents.understanding.deferrals import puts_off_pick
from agents.understanding.followups import reminder_answer, visit_report
from agents.understanding.intents import GUESS
from agents.understanding.shifts import mentions_shift
from graphs.conversation.common import as_datetime
from graphs.conversation.moves import (
    anchored,
    asks_to_move,
    beside_the_shift,
    books_as_move,
    declines_booked_day,
    last_booked_pending,
    moves_last_booked,
)
from graphs.conversation.state import (
    Awaiting,
    ConversationState,
    Gathered,
    OfferedSlot,
    Pending,
    Step,
    TargetAppointment,
    Task,
    WhenData,
)

TASK_OF: dict[Intent, Task] = {
    Intent.BOOK: "book",
    Intent.CANCEL: "cancel",
    Intent.RESCHEDULE: "reschedule",
    Intent.LIST_APPOINTMENTS: "list",
    Intent.TICKET: "ticket",
    Intent.QUESTION: "question",
}
DIRECT_STEP: dict[Task, Step] = {
    "list": "list_appointments",
    "ticket": "open_ticket",
    "question": "answer",
    "feedback": "hear_visit",
}
NEEDS_IDENTITY: set[Task] = {"book", "cancel", "reschedule", "list", "ticket", "attend", "feedback"}
ON_APPOINTMENT: set[Task] = {"cancel", "reschedule", "attend"}  # tasks about one existing appointment
REMINDER_TASKS: dict[str, Task] = {"confirm": "attend", "cancel": "cancel", "reschedule": "reschedule"}
# Replies to a reminder or a follow-up are read with no expectation: "no puedo ir" is a cancellation,
# not a plain "no", and "can I book another visit?" a request, not an account of the last one.
EXPECTING: dict[Awaiting, str] = {
    "identity": "identity",
    "specialty": "specialty",
    "when": "when",
    "choice": "choice",
    "which_appointment": "choice",
    "confirm": "confirm",
    "intake": "intake_answer",
}
# What a "yes" to "shall I …?" does: the change that was asked about; anything else keeps things as they are.
CONFIRMED: dict[Task | None, Step] = {"cancel": "cancel", "reschedule": "reschedule"}


def expecting(awaiting: Awaiting | None) -> str | None:
    """What the understanding layer should read a short reply as."""
    return EXPECTING.get(awaiting) if awaiting else None


def gathered_from(u: Understanding) -> Gathered:
    """The task fields this message gave, as plain data for the state."""
    fields = u.fields
    found: Gathered = {}
    if fields.specialty is not None:
        found["specialty"] = fields.specialty
    if fields.reason is not None:
        found["reason"] = fields.reason
    if fields.practitioner is not None:
        found["practitioner"] = fields.practitioner
    if fields.ticket_category is not None:
        found["ticket_category"] = fields.ticket_category
    if fields.ticket_priority is not None:
        found["ticket_priority"] = fields.ticket_priority
    if fields.question is not None:
        found["question"] = fields.question
    if fields.relative is not None and (fields.name or fields.birth_date):
        found["relative"] = fields.relative  # named: "for my daughter, Zoe Adams, born …"
    if fields.elsewhere:
        found["elsewhere"] = True  # "using my dad's phone, it's for me": not the phone's patient
    if fields.unread_day is not None:
        found["unread_day"] = fields.unread_day
    if mentions_shift(u.text):
        found["shift"] = u.text
    if fields.when is not None:
        when = fields.when
        found["when"] = {
            "start": when.start,
            "end": when.end,
            "part_of_day": when.part_of_day,
            "asap": when.asap,
            "text": when.text,
            "near": when.near,
            "earliest": when.earliest,
            "latest": when.latest,
        }
    return found


ACTIONS = {Intent.BOOK, Intent.CANCEL, Intent.RESCHEDULE, Intent.LIST_APPOINTMENTS, Intent.HANDOFF}
PROBLEMS = ("medical_question", "complaint")


def _about_reminder(state: ConversationState, task: Task, gathered: Gathered) -> ConversationState:
    """Start `task` on the appointment the reminder or follow-up was about.

    The appointment is only named here (`appointment_id`); choose_appointment checks it is one of
    the verified patient's own. If someone else on a shared phone was verified earlier, identify
    asks again who is writing: the phone, not this thread's history, is what was reminded.
    """
    reminder = state.get("reminder")
    named = reminder["appointment_id"] if reminder else None
    pending: Pending | None = {"appointment_id": named} if named and task in ON_APPOINTMENT else None
    update: ConversationState = {
        "task": task,
        "asked": [],
        "offered": [],
        "gathered": gathered,
        "pending": pending,
    }
    if state.get("patient_id") not in (None, reminder["patient_id"] if reminder else None):
        update["patient_id"] = None
    merged: ConversationState = {**state, **update}
    return {**update, "step": next_for_task(merged, task, gathered)}


def _reminder_reply(state: ConversationState, u: Understanding) -> ConversationState | None:
    """CONFIRM / CANCEL / CHANGE about the reminded appointment; a bare "no" asks which; else None."""
    if u.intent in (Intent.CANCEL, Intent.RESCHEDULE):
        answer: str | None = "cancel" if u.intent == Intent.CANCEL else "reschedule"
    else:
        answer = reminder_answer(u.text) or ("confirm" if u.intent == Intent.AFFIRM else None)
    if answer is None:
        return {"step": "remind_options"} if u.intent == Intent.DENY else None
    return _about_reminder(state, REMINDER_TASKS[answer], gathered_from(u))


def _followup_reply(state: ConversationState, u: Understanding) -> ConversationState | None:
    """How the visit went: a problem becomes a ticket; a clear new request is served as usual.

    Only a request said in so many words counts as one: "my knee still hurts" reads as booking
    orthopedics by guesswork, but after a visit it is an account of how the patient is doing.
    """
    report = visit_report(u.text)
    asked_for = TASK_OF.get(u.intent)
    if asked_for in ("book", "cancel", "reschedule", "list") and u.confidence > GUESS:
        return None
    if report not in PROBLEMS and asked_for in ("question", "ticket"):
        return None
    gathered: Gathered = {"report": report or "noted", "account": u.text[:1000]}
    return _about_reminder(state, "feedback", gathered)


def _answers_intake(state: ConversationState, u: Understanding) -> bool:
    """Free text answering an intake question ("Blue Cross", "penicillin") often looks like a topic;
    only an action request, a day the appointment just booked no longer suits ("oops can't do
    thursday after all… monday afternoon?", "el viernes no puedo, era el lunes 25"), or a real
    question with a question mark, is read as something else."""
    if u.intent in ACTIONS or asks_to_move(u) or declines_booked_day(state, u):
        return False
    return not (u.intent == Intent.QUESTION and "?" in u.text)


def _pick(
    text: str,
    options: Sequence[OfferedSlot] | Sequence[TargetAppointment],
    u: Understanding,
    tz: ZoneInfo,
    moving: TargetAppointment | None = None,
    asked: WhenData | None = None,
) -> int | None:
    """The option chosen; `moving` (the appointment being moved) lets "same time" choose, and the
    very time `asked` for ("quarter to 10") lets "the closest one" choose."""
    starts = [datetime.fromisoformat(option["start"]) for option in options]
    practitioners = [option["practitioner"] for option in options]
    was = (datetime.fromisoformat(moving["start"]), moving["practitioner"]) if moving else None
    near = asked.get("near") if asked else None
    at = as_datetime(near) if near else None
    return resolve_choice(
        text, starts, tz=tz, language=u.language, practitioners=practitioners, moving=was, asked=at
    )


def _asked_for(
    state: ConversationState, u: Understanding, tz: ZoneInfo, moving: TargetAppointment | None
) -> int | None:
    """The option a plain yes takes: the very time asked for ("same time next week" → its time, the
    moved appointment's practitioner first), else the time the request's words name."""
    asked = state.get("gathered", {}).get("when")
    offered = state.get("offered", [])
    if not asked:
        return None
    if near := asked.get("near"):
        at = [i for i, o in enumerate(offered) if datetime.fromisoformat(o["start"]) == as_datetime(near)]
        same = [i for i in at if moving and offered[i]["practitioner"] == moving["practitioner"]]
        if at:
            return (same or at)[0]
    return _pick(asked["text"], offered, u, tz)


def _time_that_day(state: ConversationState, u: Understanding, tz: ZoneInfo) -> ConversationState | None:
    """A time of day not among those offered, all of one day ("the 10:30 one", "la de las 4"): that
    time that day, booked at once when it is free (the patient named it exactly), else the nearest."""
    offered = state.get("offered", [])
    days = {datetime.fromisoformat(o["start"]).astimezone(tz).date() for o in offered}
    minute = clock_named(u.text)
    if minute is None or len(days) != 1 or u.fields.specialty:
        return None
    start = datetime.combine(days.pop(), time(), tzinfo=tz) + timedelta(minutes=minute)
    part: PartOfDay = "morning" if minute < 12 * 60 else "afternoon" if minute < 17 * 60 else "evening"
    when: WhenData = {
        "start": start,
        "end": start + timedelta(minutes=1),
        "part_of_day": part,
        "asap": False,
        "text": u.text,
        "near": start,
    }
    gathered: Gathered = {**state.get("gathered", {}), "when": when, "exact": state.get("task") == "book"}
    return {"step": "find_slots", "gathered": gathered}


def _only_who(u: Understanding) -> bool:
    """A practitioner named and nothing else ("Dr Raman please"): while times are offered, the first of
    theirs among them (as "the one with Dr. Raman" is); when none of theirs is offered, a new search."""
    who = u.intent == Intent.BOOK and bool(u.fields.practitioner)
    return who and not (u.fields.when or u.fields.specialty)


def _pending(state: ConversationState) -> Pending:
    return state.get("pending") or {}


def _answer(state: ConversationState, u: Understanding, tz: ZoneInfo) -> ConversationState | None:
    """The update when the message answers what the agent was waiting for; None if it does not."""
    awaiting = state.get("awaited")
    new_task = TASK_OF.get(u.intent)
    if awaiting == "reminder":
        return _reminder_reply(state, u)
    if awaiting == "followup":
        return _followup_reply(state, u)
    if awaiting == "identity" and (u.fields.name or u.fields.birth_date):
        return {"step": "identify"}
    if awaiting == "confirm":
        if u.intent == Intent.AFFIRM:
            return {"step": CONFIRMED.get(_pending(state).get("action"), "keep")}
        if u.intent == Intent.DENY:
            return {"step": "keep"}
        if new_task is None:
            return {"step": "confirm"}  # ask again for a plain yes or no
    if awaiting == "choice" and new_task is None and puts_off_pick(u.text):
        return None  # "let me check my schedule first and I'll text you back": no pick; thanked below
    if awaiting == "choice" and (new_task is None or _only_who(u)):
        moving = _pending(state).get("appointment") if state.get("task") == "reschedule" else None
        index = _pick(u.text, state.get("offered", []), u, tz, moving, state.get("gathered", {}).get("when"))
        if index is None and u.intent == Intent.AFFIRM:  # "perfect", "sí": the time they asked for
            index = _asked_for(state, u, tz, moving)
        if index is not None and moving is not None:
            start = datetime.fromisoformat(state["offered"][index]["start"])
            index = None if beside_the_shift(u.text, start, moving, tz) else index
        if index is not None:
            chosen = state["offered"][index]
            if moving is not None:
                # The patient asked for the move and picked its new time from the ones offered: the
                # pick is the agreement, as a pick is for a booking ("the first one works", "la
                # primera"); a move the agent proposes itself is still confirmed first.
                return {
                    "step": "reschedule",
                    "pending": {**_pending(state), "slot": chosen, "action": "reschedule"},
                }
            return {"step": "book", "pending": {"action": "book", "slot": chosen}}
        if (at := _time_that_day(state, u, tz)) is not None:
            return at
        relative = moving is not None and mentions_shift(u.text)
        if u.fields.when or u.fields.specialty or u.fields.practitioner or relative:
            # a new time, specialty or practitioner, or a move relative to the appointment: search again
            return None
        return {"step": "clarify"}
    if awaiting == "which_appointment" and new_task is None:
        targets = state.get("targets", [])
        index = _pick(u.text, targets, u, tz)
        if index is not None:
            return {"step": "choose_appointment", "pending": {"appointment": targets[index]}}
        return {"step": "clarify"}
    if awaiting == "intake" and _answers_intake(state, u):
        return {"step": "record_intake"}
    return None


def next_for_task(state: ConversationState, task: Task | None, gathered: Gathered) -> Step:
    """The step that moves `task` forward, given what has been gathered and who is verified."""
    if task is None:
        return "not_understood"
    if task in NEEDS_IDENTITY and not state.get("patient_id"):
        return "identify"
    if task in NEEDS_IDENTITY and gathered.get("relative") and not state.get("acting_for"):
        return "identify"  # verified as the parent; the visit is for their child
    if task == "book":
        if "specialty" not in gathered:
            return "ask"
        if "when" not in gathered and "when" not in state.get("asked", []):
            return "ask"
        return "find_slots"
    if task in ON_APPOINTMENT:
        if "appointment" not in _pending(state):
            return "choose_appointment"
        if task == "attend":
            return "confirm_attendance"
        if task == "cancel":
            return "confirm"
        return "find_slots" if "when" in gathered or "when" in state.get("asked", []) else "ask"
    return DIRECT_STEP[task]


def plan(state: ConversationState, u: Understanding, tz: ZoneInfo, *, now: datetime) -> ConversationState:
    """The state update that names this turn's next step (`now`: the turn's clock, for times
    said relative to the appointment being moved)."""
    answered = _answer(state, u, tz)
    if answered is not None:
        return answered
    new_task = TASK_OF.get(u.intent)
    # "¿se puede una semana más tarde?" right after a booking reads as a question by its words alone
    guessed = new_task in (None, "question", "book") and (new_task is None or u.confidence <= GUESS)
    moved = guessed and (new_task is None or mentions_shift(u.text)) and moves_last_booked(state, u)
    if moved or books_as_move(state, u):  # also "can we do the same day but in the afternoon instead?"
        new_task = "reschedule"
    called = state.get("prefilled")
    found = gathered_from(u)
    gathered: Gathered
    if new_task is not None and (new_task != state.get("task") or state.get("awaited") is None):
        gathered = found
        named = called["appointment_id"] if called and new_task in ON_APPOINTMENT else None
        pending: Pending | None = {"appointment_id": named} if named else None
        if pending is None and new_task == "reschedule" and not state.get("task"):
            pending = last_booked_pending(state) or None  # "push it back a week" after booking
        update: ConversationState = {"task": new_task, "asked": [], "offered": [], "pending": pending}
    else:
        gathered = {**state.get("gathered", {}), **found}
        update = {}
    pending_now = update["pending"] if "pending" in update else state.get("pending")
    gathered = anchored(gathered, pending_now, now=now, tz=tz)
    gathered.pop("pick", None)
    if "when" in found:  # a new time; one to the minute from a call is booked outright if free
        gathered.pop("exact", None)
        if called and called["exact"]:
            gathered["exact"] = True
        if state.get("awaited") == "choice" and new_task is None and refers_to_option(u.text):
            gathered["pick"] = u.text  # "cualquiera en la tarde, la primera": the first of the afternoon's
    task = new_task or state.get("task")
    if u.fields.for_self and not u.fields.relative:
        gathered.pop("relative", None)  # "sorry, it's actually for me, not my son": the writer's own visit
    if task == "book" and u.fields.relative and "relative" not in gathered:
        gathered["relative"] = u.fields.relative  # "it's for my daughter": identify finds out who she is
    update["gathered"] = gathered
    if new_task is None and not found:
        if u.intent == Intent.GREETING:
            return {**update, "step": "greet"}
        if u.intent == Intent.THANKS:
            return {**update, "step": "thank", "task": None}
        if state.get("prefilled") is not None:
            return {**update, "step": "greet"}  # a call that said nothing usable: offer help, no reproach
        if u.intent in (Intent.AFFIRM, Intent.DENY) and (task is None or state.get("awaited") is None):
            return {**update, "step": "thank", "task": None}  # "ok", "great", "no that's all" after a task
        if task is None or state.get("awaited") is None:
            return {**update, "step": "not_understood"}
        # An answer that gave nothing usable ("whenever"): the task goes on with its defaults.
    merged: ConversationState = {**state, **update}
    return {**update, "step": next_for_task(merged, task, gathered)}
