"""The patient's own appointments: list them, pick one, and cancel or move it after a yes."""

from __future__ import annotations

from datetime import datetime

from langchain_core.runnables import RunnableConfig
from langgraph.runtime import Runtime

from agents.phrasing import format_slot
from agents.understanding.whichone import specialty_acted_on
from graphs.conversation.common import (
    as_datetime,
    finish,
    language,
    line,
    numbered,
    offer,
    shown_appointment,
    specialty_label,
    tool_context,
)
from graphs.conversation.context import AgentContext
from graphs.conversation.moves import anchored
from graphs.conversation.plan import next_for_task
from graphs.conversation.state import ConversationState, JourneyEvent, TargetAppointment
from tools import registry
from tools.schemas import AppointmentArgs, AppointmentView, BookingOutcome, RescheduleArgs


def _when(state: ConversationState, runtime: Runtime[AgentContext], start: str | datetime) -> str:
    return format_slot(as_datetime(start), language(state), runtime.context.tz)


async def _upcoming(
    state: ConversationState, runtime: Runtime[AgentContext], config: RunnableConfig
) -> list[TargetAppointment]:
    views: list[AppointmentView] = await registry.invoke(
        "list_appointments", tool_context(state, runtime, config), config
    )
    return [shown_appointment(v) for v in views]


async def list_appointments(
    state: ConversationState, runtime: Runtime[AgentContext], config: RunnableConfig
) -> ConversationState:
    upcoming = await _upcoming(state, runtime, config)
    if not upcoming:
        return {"reply": [*state.get("reply", []), line(state, "no_appointments")], **finish("answered")}
    text = line(state, "appointments", options=numbered(state, runtime, upcoming))
    return {"reply": [*state.get("reply", []), text], **finish("answered")}


async def choose_appointment(
    state: ConversationState, runtime: Runtime[AgentContext], config: RunnableConfig
) -> ConversationState:
    """Which appointment the task is about: the one picked, the only one, or ask among several.

    An appointment named from outside the chat (the reminder being answered, a call's
    `appointment_id`) counts only if it is among the verified patient's own upcoming ones; if not,
    the patient is told and asked among theirs — never switched silently to another.
    """
    pending = state.get("pending") or {}
    reply = state.get("reply", [])
    if "appointment" not in pending:
        upcoming = await _upcoming(state, runtime, config)
        named = pending.get("appointment_id")
        match = next((a for a in upcoming if a["id"] == named), None)
        if named and match is None:
            reply = [*reply, line(state, "appointment_not_found")]
        if not upcoming:
            return {"reply": [*reply, line(state, "no_appointments")], **finish("none"), "step": "respond"}
        if match is None and not named and len(upcoming) > 1:
            match = _of_kind_said(state, upcoming)  # "cancel the derm one, keep the heart one"
        if match is None and (len(upcoming) > 1 or named):
            text = line(state, "which_appointment", options=numbered(state, runtime, upcoming))
            return {
                "reply": [*reply, text],
                "targets": upcoming,
                "awaiting": "which_appointment",
                "step": "respond",
            }
        pending = {"appointment": match or upcoming[0]}
    pending = {**pending, "action": state.get("task")}
    context = runtime.context
    gathered = anchored(state.get("gathered", {}), pending, now=context.now, tz=context.tz)
    merged: ConversationState = {**state, "pending": pending, "reply": reply, "gathered": gathered}
    step = next_for_task(merged, state.get("task"), gathered)
    return {"pending": pending, "reply": reply, "gathered": gathered, "step": step}


def _of_kind_said(state: ConversationState, upcoming: list[TargetAppointment]) -> TargetAppointment | None:
    """The one upcoming appointment of the specialty this turn's words act on, if exactly one is."""
    said = specialty_acted_on(state["understanding"]["text"]) if state.get("understanding") else None
    of_kind = [a for a in upcoming if said and a["specialty"] == said]
    return of_kind[0] if len(of_kind) == 1 else None


async def confirm(state: ConversationState, runtime: Runtime[AgentContext]) -> ConversationState:
    """Say exactly what will change and wait for a yes or no."""
    pending = state.get("pending") or {}
    appointment = pending["appointment"]
    values = {
        "specialty": specialty_label(state, appointment["specialty"]),
        "practitioner": appointment["practitioner"],
    }
    if pending.get("action") == "reschedule":
        text = line(
            state,
            "confirm_reschedule",
            old=_when(state, runtime, appointment["start"]),
            new=_when(state, runtime, pending["slot"]["start"]),
            **values,
        )
    else:
        text = line(state, "confirm_cancel", when=_when(state, runtime, appointment["start"]), **values)
    return {"reply": [*state.get("reply", []), text], "awaiting": "confirm", "pending": pending}


async def cancel(
    state: ConversationState, runtime: Runtime[AgentContext], config: RunnableConfig
) -> ConversationState:
    appointment = (state.get("pending") or {})["appointment"]
    ctx = tool_context(state, runtime, config)
    await registry.invoke(
        "cancel_appointment", ctx, config, AppointmentArgs(appointment_id=appointment["id"])
    )
    text = line(state, "cancelled", when=_when(state, runtime, appointment["start"]))
    cancelled: JourneyEvent = {"event": "appointment.cancelled"}
    return {"reply": [text], "events": [cancelled], **finish("cancelled"), "last_booked": None}


async def reschedule(
    state: ConversationState, runtime: Runtime[AgentContext], config: RunnableConfig
) -> ConversationState:
    pending = state.get("pending") or {}
    ctx = tool_context(state, runtime, config)
    result: BookingOutcome = await registry.invoke(
        "reschedule_appointment",
        ctx,
        config,
        RescheduleArgs(appointment_id=pending["appointment"]["id"], slot_id=pending["slot"]["slot_id"]),
    )
    if result.appointment is None:
        return offer(state, runtime, "slot_taken", result.alternatives)
    moved = result.appointment
    text = line(
        state,
        "rescheduled",
        when=_when(state, runtime, moved.start),
        practitioner=moved.practitioner,
        address=moved.address,
    )
    event: JourneyEvent = {"event": "appointment.rescheduled", "appointment_start": moved.start.isoformat()}
    return {"reply": [text], "events": [event], **finish("rescheduled"), "last_booked": str(moved.id)}


async def keep(state: ConversationState) -> ConversationState:
    """The patient said no: nothing changes."""
    return {"reply": [line(state, "kept")], **finish("none")}
