"""Small helpers every node uses: its tools' context, this turn's understanding, phrasing."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from langchain_core.runnables import RunnableConfig
from langgraph.runtime import Runtime

from agents.phrasing import format_slot, say
from agents.phrasing.templates import specialty_name
from agents.understanding import Fields, Intent, RedFlag, Understanding, When
from graphs.conversation.context import AgentContext
from graphs.conversation.state import ConversationState
from tools.context import ToolContext
from tools.schemas import SlotOption

OFFERED = 3  # slots shown at once: enough to choose, few enough to read on a phone


def tool_context(
    state: ConversationState, runtime: Runtime[AgentContext], config: RunnableConfig
) -> ToolContext:
    return runtime.context.tools(config, patient_id=state.get("patient_id"), language=language(state))


def language(state: ConversationState) -> str:
    return state.get("language") or "en"


def understood(state: ConversationState) -> Understanding:
    """This turn's understanding, rebuilt from the plain dict the state keeps."""
    data = dict(state["understanding"])
    fields = dict(data["fields"])
    if fields.get("when"):
        fields["when"] = When(**fields["when"])
    flag = data.get("red_flag")
    return Understanding(
        text=data["text"],
        language=data["language"],
        intent=Intent(data["intent"]),
        fields=Fields(**fields),
        red_flag=RedFlag(**flag) if flag else None,
        injection=data["injection"],
        confidence=data["confidence"],
    )


def line(state: ConversationState, key: str, **values: Any) -> str:
    return say(key, language(state), **values)


def as_datetime(value: datetime | str) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


def numbered(state: ConversationState, runtime: Runtime[AgentContext], options: list[dict[str, Any]]) -> str:
    """ "1. Tuesday, December 8 at 2:30 PM, Dr. Ana Patel" — one line per offered slot or appointment."""
    lang = language(state)
    return "\n".join(
        f"{i}. {format_slot(as_datetime(o['start']), lang, runtime.context.tz)}, {o['practitioner']}"
        + (f" ({specialty_name(o['specialty'], lang)})" if "address" in o else "")
        for i, o in enumerate(options, start=1)
    )


def specialty_label(state: ConversationState, code: str) -> str:
    return specialty_name(code, language(state))


def finish(outcome: str) -> dict[str, Any]:
    """Clears the finished task so the next message starts afresh."""
    return {
        "outcome": outcome,
        "task": None,
        "gathered": {},
        "asked": [],
        "offered": [],
        "pending": None,
        "targets": [],
    }


def offer(
    state: ConversationState, runtime: Runtime[AgentContext], key: str, slots: list[SlotOption], **values: Any
) -> dict[str, Any]:
    """Show up to three slots, numbered, and wait for the patient's choice."""
    offered = [s.model_dump(mode="json") for s in slots[:OFFERED]]
    text = line(state, key, options=numbered(state, runtime, offered), **values)
    return {"reply": [*state.get("reply", []), text], "offered": offered, "awaiting": "choice"}
