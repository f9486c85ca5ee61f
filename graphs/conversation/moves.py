"""Moving the appointment the conversation is about, by what the patient says relative to it.

"Push it back a week", "same time but Friday", "a las diez, el mismo día" right after a booking
move the appointment just made; "the week after" while moving an appointment on the 14th means the
week of the 21st, not next week. The words are kept (`Gathered.shift`) until the graph knows
which appointment is being moved, then read against its start (agents/understanding/shifts.py).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from agents.understanding import Intent, Understanding
from agents.understanding.dates import names_a_date
from agents.understanding.shifts import keeps_the_time, mentions_shift, moves_the_day, shifted_when
from agents.understanding.text import fold
from agents.understanding.unavailable import UNAVAILABLE
from graphs.conversation.common import as_datetime
from graphs.conversation.state import ConversationState, Gathered, Pending, TargetAppointment, WhenData

# A new time with one of these asks to change the appointment, not to answer an intake question.
_CHANGE_WORDS = re.compile(
    r"\b(?:instead|rather|move|change|switch|resched\w*|push|en\s+vez|en\s+lugar|mejor|cambi\w*|mover\w*|pas(?:ar|arla)"
    r"|adelant\w*|atras\w*)\b"
)


def asks_to_move(u: Understanding) -> bool:
    """A message that moves an appointment: relative to it, or a new time with a change word."""
    return mentions_shift(u.text) or (u.fields.when is not None and bool(_CHANGE_WORDS.search(fold(u.text))))


def moves_last_booked(state: ConversationState, u: Understanding) -> bool:
    """With no task in progress, a move or a bare new time ("same time but Friday", "make it 3pm
    instead") is about the appointment this conversation just booked or moved."""
    if state.get("task") or not state.get("last_booked"):
        return False
    bare_time = u.intent in (Intent.PROVIDE_INFO, Intent.UNKNOWN) and u.fields.when is not None
    return asks_to_move(u) or bare_time


def declines_booked_day(state: ConversationState, u: Understanding) -> bool:
    """A time said beside a day ruled out, right after a booking ("oops can't do thursday after all…
    monday afternoon?", "el viernes no puedo, era el lunes 25 en la mañana"): the appointment just
    made does not suit, whatever question the agent asked after booking it."""
    if not state.get("last_booked") or u.fields.when is None:
        return False
    return UNAVAILABLE.search(fold(u.text)) is not None


# A second visit asked for in so many words ("book another one a week later", "también quiero otra").
_ANOTHER_VISIT = re.compile(
    r"\b(?:another|second|additional|one\s+more|new\s+(?:appointment|appt|visit)|(?:also|too)\s+(?:book|need|want)"
    r"|otr[oa]\s+(?:cita|consulta|turno|visita|mas)|segund[oa]|nuev[oa]\s+(?:cita|turno|consulta)"
    r"|tambien\s+(?:quiero|necesito|quisiera|agendar|reservar))\b"
)


def books_as_move(state: ConversationState, u: Understanding) -> bool:
    """A booking's words right after a booking that only change its time ("can we do the same day but
    in the afternoon instead?", "¿se puede cambiar para la otra semana?"): the appointment just made,
    moved — unless the message names a specialty or asks for another visit."""
    if u.intent is not Intent.BOOK or u.fields.specialty or not asks_to_move(u):
        return False
    return moves_last_booked(state, u) and not _ANOTHER_VISIT.search(fold(u.text))


def beside_the_shift(text: str, option: datetime, appointment: TargetAppointment, tz: ZoneInfo) -> bool:
    """Whether a pick among the times offered for a move misses the day the same words moved the
    appointment to ("actually can we make it the same time the next day?" while next week's times
    are on offer picks none of them: it asks for another search)."""
    if not moves_the_day(text):
        return False
    anchor = datetime.fromisoformat(appointment["start"]).astimezone(tz)
    when = shifted_when(text, anchor, now=min(anchor, option))
    return when is not None and not when.start <= option < when.end


def last_booked_pending(state: ConversationState) -> Pending:
    """The appointment just made, named for choose_appointment to check it is still the patient's."""
    last = state.get("last_booked")
    return {"appointment_id": last} if last else {}


def _names_another_date(shift: str, gathered: Gathered, anchor: datetime, now: datetime) -> bool:
    """Whether the message that said the shift also named a day of the month other than the
    appointment's ("same time the following week… so Tuesday the 19th at 9:30 then"): the date said
    in so many words wins. The appointment's own date ("move the one on the 11th to the same time
    next week") says which appointment, and the shift still applies."""
    said = gathered.get("when")
    if said is None or not names_a_date(shift, today=now.astimezone(anchor.tzinfo).date(), language="en"):
        return False
    return as_datetime(said["start"]).astimezone(anchor.tzinfo).date() != anchor.date()


def _at_its_time(gathered: Gathered, shift: str, anchor: datetime, now: datetime) -> Gathered:
    """The day said in so many words, at the appointment's own time when the words keep it ("can we
    do Friday the 3rd instead, same time?", "cámbiemela al miércoles 5 a la misma hora"): searched an
    hour either side of that time, nearest first, as "same time next week" is."""
    said = gathered.get("when")
    if said is None or not keeps_the_time(shift) or said.get("near"):
        return gathered
    tz = anchor.tzinfo
    day = as_datetime(said["start"]).astimezone(tz).date()
    at = datetime.combine(day, anchor.astimezone(tz).time(), tzinfo=tz)
    if at < now:
        return gathered
    start, end = max(at - timedelta(hours=1), now), at + timedelta(hours=1, minutes=1)
    when: WhenData = {**said, "start": start, "end": end, "part_of_day": None, "asap": False, "near": at}
    return {**gathered, "when": when}


def _off_its_own_day(gathered: Gathered, anchor: datetime) -> Gathered:
    """A few days said around a move that include the appointment's own ("I have a work thing
    thursday. can we do friday morning instead?", "tengo algo el jueves, me la pasas al viernes"):
    the day it is on is the day that does not suit, so the search leaves it out."""
    when = gathered.get("when")
    if when is None:
        return gathered
    tz = anchor.tzinfo
    start, end = as_datetime(when["start"]).astimezone(tz), as_datetime(when["end"]).astimezone(tz)
    day = anchor.date()
    # two or three days named, not a week asked for ("sometime next week" may keep its own day)
    if not timedelta(days=1) < end - start <= timedelta(days=3) or not start.date() <= day < end.date():
        return gathered
    midnight = datetime.combine(day, datetime.min.time(), tzinfo=tz)
    if day == start.date():
        start = midnight + timedelta(days=1)
    elif day == (end - timedelta(microseconds=1)).date():
        end = midnight
    else:
        return gathered
    return {**gathered, "when": {**when, "start": start, "end": end}}


def anchored(gathered: Gathered, pending: Pending | None, *, now: datetime, tz: ZoneInfo) -> Gathered:
    """`gathered` with the kept shift read against the appointment being moved, once it is known."""
    shift = gathered.get("shift")
    appointment = (pending or {}).get("appointment")
    if appointment is None:
        return gathered
    anchor = datetime.fromisoformat(appointment["start"]).astimezone(tz)
    if not shift:
        return _off_its_own_day(gathered, anchor)
    rest: Gathered = {k: v for k, v in gathered.items() if k != "shift"}  # type: ignore[assignment]
    if _names_another_date(shift, rest, anchor, now):
        return _at_its_time(rest, shift, anchor, now)
    when = shifted_when(shift, anchor, now=now)
    if when is None:
        return rest
    data: WhenData = {
        "start": when.start,
        "end": when.end,
        "part_of_day": when.part_of_day,
        "asap": False,
        "text": when.text,
        "near": when.near,
    }
    return {**rest, "when": data}
