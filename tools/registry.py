"""Every tool by name, and `invoke()`: run one as a LangChain tool so that callbacks (traces) see it.

The graph never calls a tool function directly: going through `StructuredTool.ainvoke` validates
the arguments against the tool's schema and reports the call, its input, output or error and its
latency to the callbacks in `config` (the trace recorder).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from langchain_core.runnables import RunnableConfig
from langchain_core.tools import StructuredTool
from pydantic import BaseModel

from tools import conversations, journeys, knowledge, patients, scheduling, tickets
from tools.context import ToolContext
from tools.schemas import (
    AppointmentArgs,
    BookArgs,
    ConsentArgs,
    FindSlotsArgs,
    HandoffArgs,
    IdentifyArgs,
    IntakeAnswerArgs,
    JourneyEventArgs,
    KnowledgeArgs,
    PractitionerArgs,
    RegisterArgs,
    RescheduleArgs,
    TicketArgs,
)


class NoArgs(BaseModel):
    """This tool takes no arguments: it acts on the verified patient or phone."""


ToolFn = Callable[..., Awaitable[Any]]

TOOLS: dict[str, tuple[ToolFn, type[BaseModel]]] = {
    "patients_on_phone": (patients.patients_on_phone, NoArgs),
    "verify_patient": (patients.verify_patient, IdentifyArgs),
    "register_patient": (patients.register_patient, RegisterArgs),
    "find_slots": (scheduling.find_slots, FindSlotsArgs),
    "nearest_slots": (scheduling.nearest_slots, FindSlotsArgs),
    "practitioner_specialty": (scheduling.practitioner_specialty, PractitionerArgs),
    "book_appointment": (scheduling.book_appointment, BookArgs),
    "list_appointments": (scheduling.list_appointments, NoArgs),
    "cancel_appointment": (scheduling.cancel_appointment, AppointmentArgs),
    "reschedule_appointment": (scheduling.reschedule_appointment, RescheduleArgs),
    "confirm_appointment": (scheduling.confirm_appointment, AppointmentArgs),
    "open_ticket": (tickets.open_ticket, TicketArgs),
    "attach_tickets": (tickets.attach_tickets, NoArgs),
    "search_knowledge": (knowledge.search_knowledge, KnowledgeArgs),
    "record_journey_event": (journeys.record_journey_event, JourneyEventArgs),
    "pending_intake_question": (journeys.pending_intake_question, NoArgs),
    "record_intake_answer": (journeys.record_intake_answer, IntakeAnswerArgs),
    "hand_off": (conversations.hand_off, HandoffArgs),
    "update_consent": (conversations.update_consent, ConsentArgs),
}


def build(name: str, ctx: ToolContext) -> StructuredTool:
    """The named tool bound to `ctx` (identity and clock come from there, not from arguments)."""
    fn, schema = TOOLS[name]

    async def run(**fields: Any) -> Any:
        if schema is NoArgs:
            return await fn(ctx)
        return await fn(schema(**fields), ctx)

    return StructuredTool.from_function(
        coroutine=run, name=name, description=(fn.__doc__ or name).strip(), args_schema=schema
    )


async def invoke(name: str, ctx: ToolContext, config: RunnableConfig, args: BaseModel | None = None) -> Any:
    """Run tool `name` with `args` through LangChain so the call is traced."""
    payload = args.model_dump(mode="json") if args is not None else {}
    return await build(name, ctx).ainvoke(payload, config=config)
