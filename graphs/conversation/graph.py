"""The patient conversation graph: nodes named as verbs, routing functions returning Literals.

START → receive ─┬─ alert_emergency / update_consent / refuse / hand_off ─────────────→ respond → END
                 └─ plan_step ─→ (step) identify ↺ / ask / clarify / find_slots / book / confirm /
                                 choose_appointment ↺ / cancel / reschedule / keep / list_appointments /
                                 open_ticket / answer / record_intake / greet / thank / not_understood /
                                 confirm_attendance / remind_options / hear_visit
                    a step that changed something → advance_journey → respond
                    a message with several requests: a finished step → next_request → (step) …
"""

from __future__ import annotations

from typing import Any, Literal

from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.graph import END, START, StateGraph
from langgraph.graph.state import CompiledStateGraph

from graphs.conversation import (
    appointments,
    booking,
    followups,
    identity,
    intake,
    queue,
    respond,
    safety,
    support,
)
from graphs.conversation.context import AgentContext
from graphs.conversation.state import ConversationState, Step, TurnInput

# Nodes take (state[, runtime][, config]); langgraph injects what each asks for. Typed Any because
# langgraph's overloads do not cover a node that asks for both runtime and config.
STEP_NODES: dict[str, Any] = {
    "identify": identity.identify,
    "ask": booking.ask,
    "clarify": booking.clarify,
    "find_slots": booking.find_slots,
    "book": booking.book,
    "choose_appointment": appointments.choose_appointment,
    "confirm": appointments.confirm,
    "cancel": appointments.cancel,
    "reschedule": appointments.reschedule,
    "keep": appointments.keep,
    "list_appointments": appointments.list_appointments,
    "open_ticket": support.open_ticket,
    "answer": support.answer,
    "record_intake": support.record_intake,
    "greet": support.greet,
    "thank": support.thank,
    "not_understood": support.not_understood,
    "hand_off": support.hand_off,
    "confirm_attendance": followups.confirm_attendance,
    "remind_options": followups.remind_options,
    "hear_visit": followups.hear_visit,
}


def route_step(state: ConversationState) -> Step:
    """The node for the step the previous node chose."""
    return state.get("step") or "respond"


def route_after_change(state: ConversationState) -> Literal["advance_journey", "next_request", "respond"]:
    """When the turn changed something (registered, booked, cancelled, moved), tell the journeys;
    then the next request of the message, if it asked for several."""
    return "advance_journey" if state.get("events") else queue.route_onward(state)


def build_graph(
    checkpointer: BaseCheckpointSaver[str] | None = None,
) -> CompiledStateGraph[ConversationState, AgentContext, TurnInput, ConversationState]:
    builder = StateGraph(ConversationState, context_schema=AgentContext, input_schema=TurnInput)
    nodes: dict[str, Any] = {
        "receive": intake.receive,
        "plan_step": intake.plan_step,
        "alert_emergency": safety.alert_emergency,
        "refuse": safety.refuse,
        "update_consent": safety.update_consent,
        "advance_journey": support.advance_journey,
        "next_request": queue.next_request,
        "respond": respond.respond,
        **STEP_NODES,
    }
    for name, node in nodes.items():
        builder.add_node(name, node)

    builder.add_edge(START, "receive")
    builder.add_conditional_edges("receive", intake.route_after_receive)
    step_targets = [*STEP_NODES, "respond"]
    for name in ("plan_step", "identify", "choose_appointment", "next_request"):
        builder.add_conditional_edges(name, route_step, step_targets)
    for name in STEP_NODES:
        if name not in ("identify", "choose_appointment"):
            builder.add_conditional_edges(name, route_after_change)
    for name in ("alert_emergency", "refuse", "update_consent"):
        builder.add_edge(name, "respond")
    builder.add_conditional_edges("advance_journey", queue.route_onward)
    builder.add_edge("respond", END)
    return builder.compile(checkpointer=checkpointer, name="patient_conversation")


graph = (
    build_graph()
)  # for `langgraph.json` (LangGraph Studio / the LangGraph server bring their own checkpointer)
