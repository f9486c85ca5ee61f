"""Booking: ask for what is missing, offer three free slots, book the one chosen."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from langchain_core.runnables import RunnableConfig
from langgraph.runtime import Runtime

from agents.phrasing import format_date, format_slot
from agents.understanding import Language, resolve_choice
from agents.understanding.dates import two_readings
from graphs.conversation.common import (
    OFFERED,
    as_datetime,
    finish,
    language,
    line,
    offer,
    shown_slot,
    specialty_label,
    tool_context,
)
from graphs.conversation.context import AgentContext
from graphs.conversation.state import ConversationState, JourneyEvent, Pending
from store.patients.service import fold
from tools import registry
from tools.context import ToolContext
from tools.schemas import BookArgs, BookingOutcome, FindSlotsArgs, PractitionerArgs, SlotOption, TicketArgs

ASAP_WINDOW = timedelta(days=14)
NEAR_BEFORE = timedelta(hours=1)  # searched before a time asked for, for the nearest on either side
NEAR_LIMIT = 10


async def ask(
    state: ConversationState, runtime: Runtime[AgentContext], config: RunnableConfig
) -> ConversationState:
    """Ask for the one thing the task still needs (each thing once; then a sensible default); a
    day said in words not understood is asked for as a date.

    A practitioner named without a specialty ("cita con el Dr. Brooks el viernes") is the
    specialty: their own, when everyone of that name shares one; then the search goes on."""
    gathered, asked = state.get("gathered", {}), state.get("asked", [])
    if state.get("task") == "book" and "specialty" not in gathered and gathered.get("practitioner"):
        ctx = tool_context(state, runtime, config)
        named = PractitionerArgs(name=gathered["practitioner"])
        specialty = await registry.invoke("practitioner_specialty", ctx, config, named)
        if specialty is not None:
            known: ConversationState = {**state, "gathered": {**gathered, "specialty": specialty}}
            if "when" in gathered or "when" in asked:
                return {"gathered": known["gathered"]} | await find_slots(known, runtime, config)
            return {"gathered": known["gathered"]} | await ask(known, runtime, config)
    if state.get("task") == "book" and "specialty" not in gathered:
        return {
            "reply": [*state.get("reply", []), line(state, "ask_specialty")],
            "awaiting": "specialty",
            "asked": [*asked, "specialty"],
        }
    unread = gathered.get("unread_day")  # "the day after my birthday": not the soonest times, the date
    asking = line(state, "ask_day_unclear", said=unread) if unread else line(state, "ask_when")
    return {
        "reply": [*state.get("reply", []), asking],
        "awaiting": "when",
        "asked": [*asked, "when"],
    }


async def clarify(state: ConversationState) -> ConversationState:
    """The reply did not pick one of the options: say how to, and keep waiting for it."""
    awaited = state.get("awaited")
    options = state.get("offered", []) if awaited == "choice" else state.get("targets", [])
    return {
        "reply": [line(state, "choice_unclear", count=len(options))],
        "awaiting": awaited,
        "misunderstood": state.get("misunderstood", 0) + 1,
    }


def search_args(state: ConversationState, runtime: Runtime[AgentContext]) -> FindSlotsArgs:
    """The slot search this task asks for: its specialty and time range (ASAP by default)."""
    gathered = state.get("gathered", {})
    pending = state.get("pending") or {}
    moved = pending.get("appointment", {}).get("specialty") if state.get("task") == "reschedule" else None
    # a move keeps the appointment's specialty: "my kid has a thing that morning, can we move it?"
    # names a child, not a pediatrics visit
    specialty = moved or gathered.get("specialty") or pending.get("appointment", {}).get("specialty")
    when = gathered.get("when")
    now = runtime.context.now
    start, end = (as_datetime(when["start"]), as_datetime(when["end"])) if when else (now, now + ASAP_WINDOW)
    return FindSlotsArgs(
        specialty=specialty,
        start=max(start, now),
        end=max(end, now + timedelta(minutes=1)),
        part_of_day=when.get("part_of_day") if when else None,
        earliest=_clock(when.get("earliest")) if when else None,
        latest=_clock(when.get("latest")) if when else None,
        practitioner=gathered.get("practitioner"),
        limit=OFFERED,
    )


def _clock(minutes: int | None) -> time | None:
    """Minutes after midnight as a clock time; a bound at or past midnight bounds nothing."""
    return time(minutes // 60, minutes % 60) if minutes is not None and 0 < minutes < 24 * 60 else None


async def find_slots(
    state: ConversationState, runtime: Runtime[AgentContext], config: RunnableConfig
) -> ConversationState:
    """Offer the first three free slots; if none, the nearest; if none at all, say so and open a ticket.

    A call that named an exact free time books it in this same turn (the caller cannot pick from
    a list any more); the confirmation then reaches them on WhatsApp.
    """
    ctx = tool_context(state, runtime, config)
    args = search_args(state, runtime)
    label = specialty_label(state, args.specialty)
    slots = await _nearest_first(state, ctx, config, args)
    if slots and state.get("task") == "book" and state.get("gathered", {}).get("exact"):
        # The caller named the very minute (the search was for it alone) and it is free: book it.
        chosen: Pending = {"action": "book", "slot": shown_slot(slots[0])}
        return await book({**state, "pending": chosen}, runtime, config)
    if slots and state.get("task") == "book" and (index := _picked_among(state, runtime, slots)) is not None:
        # "cualquiera en la tarde, la primera": the position the patient said, among the new times
        picked: Pending = {"action": "book", "slot": shown_slot(slots[index])}
        return await book({**state, "pending": picked}, runtime, config)
    if slots:
        return offer(
            _read_as(_named_elsewhere(state, slots, label), runtime), runtime, "offer", slots, specialty=label
        )
    nearest: list[SlotOption] = await registry.invoke("nearest_slots", ctx, config, args)
    asked_when = state.get("gathered", {}).get("when")
    when = asked_when["text"] if asked_when else ""
    if nearest:
        shown = _named_elsewhere(state, nearest, label)
        return offer(shown, runtime, "offer_nearest", nearest, specialty=label, when=when)
    await registry.invoke(
        "open_ticket",
        ctx,
        config,
        TicketArgs(
            category="other",
            priority="normal",
            summary=f"Waiting list: no {args.specialty} slots in 60 days",
        ),
    )
    return {"reply": [line(state, "no_availability", specialty=label)], **finish("ticket")}


def _picked_among(
    state: ConversationState, runtime: Runtime[AgentContext], slots: list[SlotOption]
) -> int | None:
    """The option a position said together with a new time ("any in the afternoon, the first one")
    chooses among the times found for it; None when there was none or it is unclear."""
    said = state.get("gathered", {}).get("pick")
    if not said:
        return None
    return resolve_choice(
        said,
        [slot.start for slot in slots],
        tz=runtime.context.tz,
        language="es" if language(state) == "es" else "en",
        practitioners=[slot.practitioner for slot in slots],
    )


async def _nearest_first(
    state: ConversationState, ctx: ToolContext, config: RunnableConfig, args: FindSlotsArgs
) -> list[SlotOption]:
    """The free slots to offer: the first of the range, or, when the words named a very time ("same
    time next week", "a las diez, el mismo día"), the nearest to it — the moved appointment's
    practitioner first among equals — shown in time order."""
    when = state.get("gathered", {}).get("when")
    named = when.get("near") if when else None
    near = as_datetime(named) if named else None
    if near is None or not args.start <= near < args.end:
        found: list[SlotOption] = await registry.invoke("find_slots", ctx, config, args)
        return found
    around = args.model_copy(update={"start": max(args.start, near - NEAR_BEFORE), "limit": NEAR_LIMIT})
    slots: list[SlotOption] = await registry.invoke("find_slots", ctx, config, around)
    moving = (state.get("pending") or {}).get("appointment")
    mine = moving["practitioner"] if moving else None
    # equally near on both sides ("quarter to 10": 9:30 and 10:00): the later first, as "at 10"
    # offers 10:00 first
    ranked = sorted(
        slots, key=lambda s: (abs(s.start - near), s.start < near, s.practitioner != mine, s.start)
    )
    return sorted(ranked[:OFFERED], key=lambda s: s.start)


def _named_elsewhere(state: ConversationState, slots: list[SlotOption], label: str) -> ConversationState:
    """`state` with a line saying the practitioner the patient named was not found, when the times
    offered are someone else's.

    Why: the slot search falls back to anyone of the specialty when nobody of that name works in
    it (a name misheard, a doctor of another specialty, one who left), and a patient who asked for
    Dr. Zebulon should not take Dr. Reed's times for his without being told.
    """
    named = state.get("gathered", {}).get("practitioner")
    if not named or any(is_named(named, slot.practitioner) for slot in slots):
        return state
    note = line(state, "practitioner_not_found", name=named, specialty=label)
    return {**state, "reply": [*state.get("reply", []), note]}


def is_named(named: str, practitioner: str) -> bool:
    """Whether every word the patient said starts a word of the practitioner's name ("reed" and
    "Marcus Reed" name Dr. Marcus Reed; "Ed" does not), as the slot search matches names."""
    words = fold(practitioner).split()
    said = fold(named).split()
    return bool(said) and all(any(word.startswith(part) for word in words) for part in said)


def _read_as(state: ConversationState, runtime: Runtime[AgentContext]) -> ConversationState:
    """`state` with a line saying which day the times are for when the day asked for reads two
    ways ("next Wednesday" said on a Tuesday: the 9th, or tomorrow) — the rule is in
    agents/understanding/dayrules.py; the patient corrects it in their next message."""
    when = state.get("gathered", {}).get("when")
    if not when:
        return state
    tz = runtime.context.tz
    lang: Language = "es" if language(state) == "es" else "en"
    readings = two_readings(when["text"], today=runtime.context.now.astimezone(tz).date(), language=lang)
    if readings is None or readings[0] != as_datetime(when["start"]).astimezone(tz).date():
        return state
    taken, other, said = readings

    def day(value: date) -> str:
        return format_date(datetime.combine(value, time(12), tzinfo=tz), lang, tz)

    note = line(state, "day_read_as", said=said, taken=day(taken), other=day(other))
    return {**state, "reply": [*state.get("reply", []), note]}


async def book(
    state: ConversationState, runtime: Runtime[AgentContext], config: RunnableConfig
) -> ConversationState:
    """Book the chosen slot; a lost race offers the alternatives instead."""
    ctx = tool_context(state, runtime, config)
    chosen = (state.get("pending") or {})["slot"]
    reason = state.get("gathered", {}).get("reason")
    result: BookingOutcome = await registry.invoke(
        "book_appointment", ctx, config, BookArgs(slot_id=chosen["slot_id"], reason=reason)
    )
    if result.appointment is None:
        return offer(state, runtime, "slot_taken", result.alternatives)
    booked = result.appointment
    text = line(
        state,
        "booked",
        specialty=specialty_label(state, booked.specialty),
        practitioner=booked.practitioner,
        when=format_slot(booked.start, language(state), runtime.context.tz),
        address=booked.address,
    )
    event: JourneyEvent = {"event": "appointment.booked", "appointment_start": booked.start.isoformat()}
    return {"reply": [text], "events": [event], **finish("booked"), "last_booked": str(booked.id)}
