"""The last node of every turn: one reply in the patient's language, recorded in the history."""

from __future__ import annotations

from langchain_core.messages import AIMessage
from langchain_core.runnables import RunnableConfig
from langgraph.runtime import Runtime

from graphs.conversation.common import language, line
from graphs.conversation.context import AgentContext
from graphs.conversation.state import ConversationState


async def respond(
    state: ConversationState, runtime: Runtime[AgentContext], config: RunnableConfig
) -> ConversationState:
    """Join the turn's reply parts (never empty), let the phraser polish them, and record the reply.

    After a call the reply reaches the patient later, on WhatsApp, so it opens by saying what it
    follows up on (and, when it asks something, that the conversation goes on here) — except in
    an emergency, where nothing may come before the guidance.
    """
    said = [*state.get("said", []), *state.get("reply", [])]  # earlier requests of the message first
    parts = [p for p in said if p.strip()] or [line(state, "not_understood")]
    if state.get("prefilled") is not None and state.get("outcome") != "emergency":
        key = "call_followup_open" if state.get("awaiting") else "call_followup"
        parts = [line(state, key, clinic=runtime.context.clinic.called(language(state))), *parts]
    draft = "\n\n".join(parts)
    text = await runtime.context.phraser(
        draft,
        language=language(state),  # type: ignore[arg-type]
        clinic=runtime.context.clinic,
        config=config,
    )
    return {
        "messages": [AIMessage(text)],
        "reply": [text],
        "said": [],
        "outcome": state.get("outcome") or "none",
    }
