"""Identify: the patient is the one registered on the verified phone.

One patient on the phone: that is who is writing. Several (a family): name and birth date tell
them apart. None: name and birth date register a new patient. Until then nothing about any
appointment is disclosed, and after three failed attempts a person takes over.
"""

from __future__ import annotations

from langchain_core.runnables import RunnableConfig
from langgraph.runtime import Runtime

from graphs.conversation.common import line, tool_context, understood
from graphs.conversation.context import AgentContext
from graphs.conversation.plan import next_for_task
from graphs.conversation.state import ConversationState
from tools import registry
from tools.schemas import HandoffArgs, IdentifyArgs, PatientRef, RegisterArgs

MAX_ATTEMPTS = 3


def _verified(state: ConversationState, patient: PatientRef, greeting: str) -> ConversationState:
    update: ConversationState = {
        "patient_id": str(patient.id),
        "patient_name": patient.given_name,
        "awaiting": None,
        "identity_attempts": 0,
        "reply": [*state.get("reply", []), greeting] if greeting else state.get("reply", []),
    }
    merged: ConversationState = {**state, **update}
    return {**update, "step": next_for_task(merged, state.get("task"), state.get("gathered", {}))}


async def identify(
    state: ConversationState, runtime: Runtime[AgentContext], config: RunnableConfig
) -> ConversationState:
    ctx = tool_context(state, runtime, config)
    candidates: list[PatientRef] = await registry.invoke("patients_on_phone", ctx, config)
    u = understood(state)
    if len(candidates) == 1 and state.get("awaited") != "identity":
        return _verified(state, candidates[0], "")
    name, birth_date = u.fields.name, u.fields.birth_date
    if name and birth_date:
        if candidates:
            found = await registry.invoke(
                "verify_patient", ctx, config, IdentifyArgs(name=name, birth_date=birth_date)
            )
            if found is not None:
                return _verified(state, found, line(state, "verified", name=found.given_name))
        else:
            made = await registry.invoke(
                "register_patient",
                ctx,
                config,
                RegisterArgs(name=name, birth_date=birth_date, language=u.language),
            )
            registered = _verified(state, made, line(state, "registered", name=made.given_name))
            return {**registered, "events": [*state.get("events", []), {"event": "patient.registered"}]}
    attempts = state.get("identity_attempts", 0) + (1 if state.get("awaited") == "identity" else 0)
    if attempts >= MAX_ATTEMPTS:
        await registry.invoke("hand_off", ctx, config, HandoffArgs(reason="identity could not be verified"))
        return {
            "reply": [line(state, "identity_failed")],
            "awaiting": None,
            "task": None,
            "outcome": "handoff",
            "step": "respond",
            "identity_attempts": 0,
        }
    if attempts and candidates:
        key = "identity_mismatch"
    else:
        key = "ask_identity_shared" if len(candidates) > 1 else "ask_identity"
    return {
        "reply": [line(state, key)],
        "awaiting": "identity",
        "identity_attempts": attempts,
        "step": "respond",
    }
