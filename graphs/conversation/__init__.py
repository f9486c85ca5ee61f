"""The patient conversation: one LangGraph state machine, thread = conversation.

`graph.py` builds it; `state.py` and `context.py` type what flows through it; `plan.py` decides the
next step from what the patient said and what the agent was waiting for; `prefill.py` (with
`callfields.py`) reads a voice call handed over; the nodes live in `identity.py`, `booking.py`,
`appointments.py`, `followups.py` (replies to reminders and follow-ups), `support.py` and `safety.py`.
"""

from graphs.conversation.context import AgentContext
from graphs.conversation.graph import build_graph
from graphs.conversation.state import ConversationState, TurnInput

__all__ = ["AgentContext", "ConversationState", "TurnInput", "build_graph"]
