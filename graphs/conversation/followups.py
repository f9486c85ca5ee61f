"""Answers to the agent's own timed messages: the reminder before a visit and the follow-up after it.

The messages themselves go out from graphs/reminders.py; these nodes act on the patient's reply
once plan.py has read it as confirming, or as an account of how the visit went. Cancelling and
moving a reminded appointment are the ordinary flows (appointments.py), explicit yes included.
"""

from __future__ import annotations

from langchain_core.runnables import RunnableConfig
from langgraph.runtime import Runtime

from agents.phrasing import format_slot
from agents.phrasing.templates import team_name
from graphs.conversation.common import finish, language, line, tool_context
from graphs.conversation.context import AgentContext
from graphs.conversation.state import ConversationState
from graphs.conversation.support import next_steps
from tools import registry
from tools.context import ToolContext
from tools.schemas import AppointmentArgs, AppointmentView, IntakeAnswerArgs, TicketArgs, TicketRef

CHECK_IN = "feeling_better"  # the post-visit journey's question the follow-up's answer fills
FOLLOW_UP_TICKETS = {
    "medical_question": ("high", "Post-visit follow-up: patient reports a health problem"),
    "complaint": ("normal", "Post-visit follow-up: patient unhappy with the visit"),
}


async def confirm_attendance(
    state: ConversationState, runtime: Runtime[AgentContext], config: RunnableConfig
) -> ConversationState:
    """The patient will come: record it on the appointment and thank them."""
    appointment = (state.get("pending") or {})["appointment"]
    ctx = tool_context(state, runtime, config)
    confirmed: AppointmentView | None = await registry.invoke(
        "confirm_appointment", ctx, config, AppointmentArgs(appointment_id=appointment["id"])
    )
    if confirmed is None:  # cancelled or moved since it was listed
        return {"reply": [*state.get("reply", []), line(state, "appointment_not_found")], **finish("none")}
    when = format_slot(confirmed.start, language(state), runtime.context.tz)
    text = line(state, "attendance_confirmed", when=when, practitioner=confirmed.practitioner)
    return {"reply": [*state.get("reply", []), text], **finish("confirmed")}


async def remind_options(state: ConversationState) -> ConversationState:
    """A plain "no" to a reminder: cancel it or move it? The reminder stays the subject."""
    return {"reply": [line(state, "reminder_options")], "awaiting": "reminder", "outcome": "none"}


async def _record_check_in(ctx: ToolContext, config: RunnableConfig, account: str) -> str | None:
    """File the answer under the post-visit journey's check-in when it is asking; the next question."""
    question: str | None = await registry.invoke("pending_intake_question", ctx, config)
    if question == CHECK_IN and account.strip():
        await registry.invoke(
            "record_intake_answer", ctx, config, IntakeAnswerArgs(question=CHECK_IN, answer=account)
        )
        question = await registry.invoke("pending_intake_question", ctx, config)
    return question


async def hear_visit(
    state: ConversationState, runtime: Runtime[AgentContext], config: RunnableConfig
) -> ConversationState:
    """A problem after the visit reaches the right team as a ticket; good news is thanked for.

    Either way the account answers the post-visit journey's check-in question, and when the
    visit went well the journey's next question (how satisfied, 1 to 5) follows at once.
    """
    gathered = state.get("gathered", {})
    report, account = gathered.get("report", "noted"), gathered.get("account", "")
    ctx = tool_context(state, runtime, config)
    following = await _record_check_in(ctx, config, account)
    if report in FOLLOW_UP_TICKETS:
        priority, summary = FOLLOW_UP_TICKETS[report]
        ticket: TicketRef = await registry.invoke(
            "open_ticket",
            ctx,
            config,
            TicketArgs(category=report, priority=priority, summary=summary, description=account or None),
        )
        if report == "medical_question":
            text = line(state, "visit_problem", reference=ticket.reference)
        else:
            lang = language(state)
            text = line(
                state,
                "visit_complaint",
                team=team_name("complaint", lang),
                reference=ticket.reference,
                next_steps=next_steps(priority, lang),
            )
        return {"reply": [*state.get("reply", []), text], **finish("ticket")}
    opening = line(state, "visit_glad" if report == "fine" else "visit_noted")
    if following is None:
        return {"reply": [*state.get("reply", []), opening], **finish("none")}
    return {
        "reply": [*state.get("reply", []), opening, line(state, f"intake_{following}")],
        **finish("none"),
        "awaiting": "intake",
        "gathered": {"intake_question": following},
    }
