"""What a turn did, as short names a caller can act on: `appointment.booked`, `slots.offered`, …

Read from the facts, not the reply's words: the tool calls the trace recorder saw (a tool that
failed, or that found nothing to change, did nothing) and what the final state waits for. The
voice platform gets this list in its webhook's answer; the names follow the outbox's topics
where there is one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

TOOL_ACTIONS = {
    "register_patient": "patient.registered",
    "book_appointment": "appointment.booked",
    "cancel_appointment": "appointment.cancelled",
    "reschedule_appointment": "appointment.rescheduled",
    "confirm_appointment": "appointment.confirmed",
    "open_ticket": "ticket.opened",
    "hand_off": "conversation.handoff",
    "update_consent": "consent.updated",
}
BOOKINGS = ("book_appointment", "reschedule_appointment")  # their outcome says whether they booked
WAITING_ACTIONS = {
    "choice": "slots.offered",
    "confirm": "confirmation.requested",
    "identity": "identity.requested",
    "specialty": "details.requested",
    "when": "details.requested",
    "which_appointment": "details.requested",
    "intake": "details.requested",
    "reminder": "details.requested",
}
OUTCOME_ACTIONS = {"answered": "question.answered", "emergency": "emergency.alerted"}


def _did(step: Mapping[str, Any]) -> str | None:
    """The action of one recorded tool call, if it changed something."""
    name, output = step.get("name", ""), step.get("output")
    if step.get("kind") != "tool" or step.get("error") or name not in TOOL_ACTIONS:
        return None
    if name in BOOKINGS and not (isinstance(output, Mapping) and output.get("status") == "booked"):
        return None  # the slot was lost: alternatives were offered instead
    if name == "confirm_appointment" and output is None:
        return None
    return TOOL_ACTIONS[name]


def actions_of(steps: list[dict[str, Any]], state: Mapping[str, Any]) -> list[str]:
    """The turn's actions in the order they happened, each once."""
    found = [action for step in steps if (action := _did(step))]
    if waiting := WAITING_ACTIONS.get(state.get("awaiting") or ""):
        found.append(waiting)
    if done := OUTCOME_ACTIONS.get(state.get("outcome") or ""):
        found.append(done)
    return list(dict.fromkeys(found))
