"""Safety first: emergencies, manipulation attempts and consent, from any point in any flow."""

from __future__ import annotations

from langchain_core.runnables import RunnableConfig
from langgraph.runtime import Runtime

from agents.understanding import Intent, RedFlag, RedFlagReader
from graphs.conversation.common import finish, line, tool_context, understood
from graphs.conversation.context import AgentContext
from graphs.conversation.prefill import caller_text
from graphs.conversation.state import ConversationState
from tools import registry
from tools.schemas import ConsentArgs, TicketArgs

RED_FLAG_SUMMARIES = {
    "chest_pain": "EMERGENCY: patient reports chest pain",
    "stroke": "EMERGENCY: patient reports possible stroke signs",
    "bleeding": "EMERGENCY: patient reports severe bleeding",
    "breathing": "EMERGENCY: patient reports trouble breathing",
    "anaphylaxis": "EMERGENCY: patient reports a severe allergic reaction",
    "suicidal": "EMERGENCY: patient expresses suicidal thoughts or self-harm",
    "overdose": "EMERGENCY: patient reports an overdose or poisoning",
    "pregnancy": "EMERGENCY: patient reports a pregnancy emergency",
    "child_fever": "EMERGENCY: patient reports a child with fever and danger signs",
    "other_emergency": "EMERGENCY: patient reports an emergency",
}


def patient_words(texts: list[str], *, from_call: bool) -> list[str]:
    """What the patient said this turn: the messages, or the caller's side of a call's transcript."""
    return [t for t in (caller_text(t) if from_call else t.strip() for t in texts) if t]


async def red_flag_in(reader: RedFlagReader, texts: list[str], *, from_call: bool) -> RedFlag | None:
    """The emergency in this turn's words, read as the graph reads them (never by a chat model:
    safety does not wait for one, nor for a person)."""
    return await reader("\n".join(patient_words(texts, from_call=from_call)))


async def alert_emergency(
    state: ConversationState, runtime: Runtime[AgentContext], config: RunnableConfig
) -> ConversationState:
    """Emergency guidance at once, an urgent ticket for staff, and whatever task was going on stops."""
    u = understood(state)
    assert u.red_flag is not None
    ctx = tool_context(state, runtime, config)
    await registry.invoke(
        "open_ticket",
        ctx,
        config,
        TicketArgs(
            category="medical_question",
            priority="urgent",
            summary=RED_FLAG_SUMMARIES[u.red_flag.kind],
            description=u.text[:4000],
        ),
    )
    key = "emergency_suicidal" if u.red_flag.kind == "suicidal" else "emergency"
    return {"reply": [line(state, key)], **finish("emergency")}


async def refuse(state: ConversationState) -> ConversationState:
    """A message that tries to change the agent's rules or reach someone else's data changes nothing."""
    return {
        "reply": [line(state, "refuse_other_patient")],
        "outcome": "refused",
        "awaiting": state.get("awaited"),
    }


async def update_consent(
    state: ConversationState, runtime: Runtime[AgentContext], config: RunnableConfig
) -> ConversationState:
    opted_in = understood(state).intent == Intent.OPT_IN
    await registry.invoke(
        "update_consent", tool_context(state, runtime, config), config, ConsentArgs(opted_in=opted_in)
    )
    return {"reply": [line(state, "opted_in" if opted_in else "opted_out")], **finish("none")}
