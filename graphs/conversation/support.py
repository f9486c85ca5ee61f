"""Questions, tickets, journeys, small talk and hand-off."""

from __future__ import annotations

from langchain_core.runnables import RunnableConfig
from langgraph.runtime import Runtime

from agents.phrasing.templates import NEXT_STEPS, team_name
from agents.understanding import Intent
from agents.understanding.knowledgewords import search_query
from agents.understanding.topics import is_lost_property
from graphs.conversation import knowledge
from graphs.conversation.common import finish, language, line, tool_context, understood
from graphs.conversation.context import AgentContext
from graphs.conversation.state import ConversationState
from tools import registry
from tools.schemas import (
    HandoffArgs,
    IntakeAnswerArgs,
    JourneyEventArgs,
    KnowledgeArgs,
    KnowledgeHit,
    TicketArgs,
    TicketRef,
)

MAX_MISUNDERSTOOD = 3
REPLY_HOURS = {
    "urgent": (1, "1 hour", "1 hora"),
    "high": (4, "4 hours", "4 horas"),
    "normal": (24, "one business day", "un día hábil"),
    "low": (72, "three business days", "tres días hábiles"),
}
SUMMARIES = {
    "billing": "Billing question",
    "prescription": "Prescription refill request",
    "medical_question": "Medical question for a clinician",
    "complaint": "Patient complaint",
    "records": "Medical records request",
    "other": "Patient request",
}


def next_steps(priority: str, lang: str) -> str:
    """When the team will reply to a ticket of `priority`, in the patient's language."""
    hours = REPLY_HOURS[priority][2 if lang == "es" else 1]
    return NEXT_STEPS[lang].format(hours=hours)


def _description(words: str, details: dict[str, str]) -> str:
    """The patient's words, then what a call's platform noted (medication, pharmacy …) for staff."""
    noted = "\n".join(f"{key.replace('_', ' ')}: {value}" for key, value in details.items())
    return "\n\n".join(part for part in (words, noted and f"From the call:\n{noted}") if part)[:4000]


async def open_ticket(
    state: ConversationState, runtime: Runtime[AgentContext], config: RunnableConfig
) -> ConversationState:
    """A ticket staff can act on: a one-line summary, the patient's words, a priority and a due time."""
    gathered, u = state.get("gathered", {}), understood(state)
    category = gathered.get("ticket_category") or "other"
    priority = gathered.get("ticket_priority") or "normal"
    called = state.get("prefilled")  # a call's checked fields: None when the patient wrote
    unverified = not state.get("patient_id")  # a caller, or a number nobody registered
    lost = category == "other" and is_lost_property(u.text)
    via = ("via chat" if called is None else "via a call") + (", unverified contact" if unverified else "")
    # an unverified caller's ticket carries the whole call (both sides) for staff to judge
    words = "\n".join(state.get("inbound", [])) if unverified and called is not None else u.text
    ctx = tool_context(state, runtime, config)
    ticket: TicketRef = await registry.invoke(
        "open_ticket",
        ctx,
        config,
        TicketArgs(
            category=category,
            priority=priority,
            summary=f"{'Lost property report' if lost else SUMMARIES[category]} ({via})",
            description=_description(words, called["details"] if called else {}),
        ),
    )
    if category == "medical_question":
        text = line(state, "medical_question", reference=ticket.reference)
    elif lost:
        text = line(state, "ticket_lost_property", reference=ticket.reference)
    else:
        lang = language(state)
        text = line(
            state,
            "ticket_opened",
            team=team_name(category, lang),
            reference=ticket.reference,
            next_steps=next_steps(priority, lang),
        )
    if unverified and lost:  # staff need nobody's record to look for a scarf
        text = f"{text}\n\n{line(state, 'ticket_contact')}"
    elif unverified:  # say what happens next, and how to link the request to their record
        text = f"{text}\n\n{line(state, 'ticket_contact')} {line(state, 'ticket_link_identity')}"
        return {"reply": [*state.get("reply", []), text], **finish("ticket"), "awaiting": "identity"}
    return {"reply": [*state.get("reply", []), text], **finish("ticket")}


async def answer(
    state: ConversationState, runtime: Runtime[AgentContext], config: RunnableConfig
) -> ConversationState:
    """Answer from the knowledge base, naming the source; unsure → a ticket for staff instead."""
    u = understood(state)
    question = state.get("gathered", {}).get("question") or u.text
    ctx = tool_context(state, runtime, config)
    lang = language(state)
    query = KnowledgeArgs(query=search_query(question, lang), k=knowledge.SEARCHED.get(lang, 6))
    hits: list[KnowledgeHit] = await registry.invoke("search_knowledge", ctx, config, query)
    hit = knowledge.best(hits, question, lang) if hits else None
    if hit is not None and knowledge.confident(hits, hit, question, lang):
        text = knowledge.passage(hits, hit, question, lang)
        return {"reply": [line(state, "answer", answer=text, source=hit.title)], **finish("answered")}
    ticket: TicketRef = await registry.invoke(
        "open_ticket",
        ctx,
        config,
        TicketArgs(
            category="other",
            summary="Question the knowledge base could not answer",
            description=question[:4000],
        ),
    )
    return {"reply": [line(state, "answer_unsure", reference=ticket.reference)], **finish("ticket")}


async def advance_journey(
    state: ConversationState, runtime: Runtime[AgentContext], config: RunnableConfig
) -> ConversationState:
    """Tell the patient's journeys what happened this turn, then ask an intake question if one is due."""
    ctx = tool_context(state, runtime, config)
    for event in state.get("events", []):
        await registry.invoke("record_journey_event", ctx, config, JourneyEventArgs(**event))
    if state.get("task") or state.get("awaiting") or state.get("queued"):
        return {}  # no intake question interrupts a task in progress or the patient's next request
    question: str | None = await registry.invoke("pending_intake_question", ctx, config)
    if question is None:
        return {}
    return {
        "reply": [*state.get("reply", []), line(state, f"intake_{question}")],
        "awaiting": "intake",
        "gathered": {"intake_question": question},
    }


async def record_intake(
    state: ConversationState, runtime: Runtime[AgentContext], config: RunnableConfig
) -> ConversationState:
    question = state.get("gathered", {}).get("intake_question")
    if question is None:
        return {"reply": [line(state, "not_understood")]}
    ctx = tool_context(state, runtime, config)
    await registry.invoke(
        "record_intake_answer",
        ctx,
        config,
        IntakeAnswerArgs(question=question, answer=understood(state).text[:1000]),
    )
    following: str | None = await registry.invoke("pending_intake_question", ctx, config)
    if following is not None:
        return {
            "reply": [line(state, f"intake_{following}")],
            "awaiting": "intake",
            "gathered": {"intake_question": following},
        }
    return {"reply": [line(state, "intake_done")], **finish("none")}


async def greet(state: ConversationState, runtime: Runtime[AgentContext]) -> ConversationState:
    name = state.get("patient_name")
    text = line(
        state,
        "greeting",
        name=f" {name}" if name else "",
        clinic=runtime.context.clinic.called(language(state)),
    )
    return {"reply": [text], "outcome": "none"}


_CLOSING_LINES = {Intent.AFFIRM.value: "acknowledged", Intent.DENY.value: "goodbye"}


async def thank(state: ConversationState) -> ConversationState:
    """Thanks, and small talk once a task is done: "ok"/"great" is acknowledged with an offer of
    more help, "no, that's all" closes — never a "sorry, I didn't understand"."""
    key = _CLOSING_LINES.get(state["understanding"]["intent"], "thanks")
    return {"reply": [line(state, key)], "outcome": "none"}


async def not_understood(
    state: ConversationState, runtime: Runtime[AgentContext], config: RunnableConfig
) -> ConversationState:
    """Say what the agent can do; after repeated misunderstanding, hand over to a person."""
    count = state.get("misunderstood", 0) + 1
    if count >= MAX_MISUNDERSTOOD:
        return await _hand_off(state, runtime, config, reason="repeated misunderstanding")
    return {"reply": [line(state, "not_understood")], "misunderstood": count, "outcome": "none"}


async def hand_off(
    state: ConversationState, runtime: Runtime[AgentContext], config: RunnableConfig
) -> ConversationState:
    """Staff own the conversation from now on (the runner keeps the agent silent meanwhile)."""
    return await _hand_off(state, runtime, config, reason="patient asked for a person")


async def _hand_off(
    state: ConversationState, runtime: Runtime[AgentContext], config: RunnableConfig, reason: str
) -> ConversationState:
    ctx = tool_context(state, runtime, config)
    await registry.invoke("hand_off", ctx, config, HandoffArgs(reason=reason))
    return {"reply": [line(state, "handoff")], "misunderstood": 0, **finish("handoff")}
