"""Small helpers every node uses: its tools' context, this turn's understanding, phrasing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from datetime import datetime
from typing import Any

from langchain_core.runnables import RunnableConfig
from langgraph.runtime import Runtime

from agents.phrasing import format_slot, say
from agents.phrasing.templates import specialty_name
from agents.understanding import Fields, Intent, RedFlag, Understanding, When
from graphs.conversation.context import AgentContext
from graphs.conversation.state import ConversationState, OfferedSlot, TargetAppointment, UnderstandingData
from tools.context import ToolContext
from tools.schemas import AppointmentView, SlotOption

OFFERED = 3  # slots shown at once: enough to choose, few enough to read on a phone


def tool_context(
    state: ConversationState, runtime: Runtime[AgentContext], config: RunnableConfig
) -> ToolContext:
    return runtime.context.tools(config, patient_id=state.get("patient_id"), language=language(state))


def language(state: ConversationState) -> str:
    return state.get("language") or "en"


def understood(state: ConversationState) -> Understanding:
    """This turn's understanding, rebuilt from the plain data the state keeps."""
    data = state["understanding"]
    fields = dict(data["fields"])
    if fields.get("when"):
        fields["when"] = When(**fields["when"])
    flag = data["red_flag"]
    return Understanding(
        text=data["text"],
        language=data["language"],
        intent=Intent(data["intent"]),
        fields=Fields(**fields),
        red_flag=RedFlag(**flag) if flag else None,
        injection=data["injection"],
        confidence=data["confidence"],
    )


def plain_understanding(u: Understanding) -> UnderstandingData:
    """`understood`'s inverse: the plain data the state keeps (the checkpointer stores no classes)."""
    flag = u.red_flag
    return {
        "text": u.text,
        "language": u.language,
        "intent": u.intent.value,
        "fields": asdict(u.fields),
        "red_flag": {"kind": flag.kind, "evidence": flag.evidence} if flag else None,
        "injection": u.injection,
        "confidence": u.confidence,
    }


def line(state: ConversationState, key: str, **values: Any) -> str:
    return say(key, language(state), **values)


def as_datetime(value: datetime | str) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


def shown_slot(slot: SlotOption) -> OfferedSlot:
    """A slot as the state keeps it once offered (JSON-ready, as the checkpoint and traces hold it)."""
    data = slot.model_dump(mode="json")
    return {
        "slot_id": data["slot_id"],
        "start": data["start"],
        "end": data["end"],
        "practitioner": slot.practitioner,
        "specialty": slot.specialty,
    }


def shown_appointment(view: AppointmentView) -> TargetAppointment:
    """An appointment as the state keeps it once listed for the patient to choose among."""
    data = view.model_dump(mode="json")
    return {
        "id": data["id"],
        "start": data["start"],
        "practitioner": view.practitioner,
        "specialty": view.specialty,
        "address": view.address,
        "status": view.status,
    }


def numbered(
    state: ConversationState,
    runtime: Runtime[AgentContext],
    options: Sequence[OfferedSlot] | Sequence[TargetAppointment],
) -> str:
    """ "1. Tuesday, December 8 at 2:30 PM, Dr. Ana Patel" — one line per offered slot or appointment."""
    lang = language(state)
    return "\n".join(
        f"{i}. {format_slot(as_datetime(o['start']), lang, runtime.context.tz)}, {o['practitioner']}"
        + (f" ({specialty_name(o['specialty'], lang)})" if "address" in o else "")
        for i, o in enumerate(options, start=1)
    )


def specialty_label(state: ConversationState, code: str) -> str:
    return specialty_name(code, language(state))


def finish(outcome: str) -> ConversationState:
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
) -> ConversationState:
    """Show up to three slots, numbered, and wait for the patient's choice."""
    offered = [shown_slot(s) for s in slots[:OFFERED]]
    text = line(state, key, options=numbered(state, runtime, offered), **values)
    return {"reply": [*state.get("reply", []), text], "offered": offered, "awaiting": "choice"}
