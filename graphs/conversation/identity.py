"""Identify: the patient is the one registered on the verified phone.

One patient on the phone: that is who is writing. Several (a family): name and birth date tell
them apart. None: name and birth date register a new patient. A parent writing for a child ("it's
for my daughter — Zoe Adams, born 3 March 2018"), or anyone for a grown-up of the family said
outright ("es para mi mamá, Dolores Vega, nacida …"), acts for that person: they are found among the
phone's patients or registered on it, and the reply says whom the visit is for; a child only
mentioned ("it's for my daughter") on a phone whose one patient is an adult is asked for by name and
birth date, never taken to be that adult. Someone writing from another person's phone about a
visit of their own ("this is Emily, on my dad's phone, it's for me"), or who says they are someone
else ("This is James's father, Harold" on James's phone, "Hi, this is Carmen" on Juan's) is never
taken for the phone's patient either: their name and birth date find them among the phone's
patients, or register them for a booking. A name and a birth date may come in two messages: the
half given is kept and only the other half is asked for. Until then nothing about any appointment
is disclosed, and after three failed attempts a person takes over.
"""

from __future__ import annotations

from datetime import date

from langchain_core.runnables import RunnableConfig
from langgraph.runtime import Runtime

from agents.understanding.borrowed import writer_apart
from agents.understanding.text import fold, tokens
from graphs.conversation.common import line, tool_context, understood
from graphs.conversation.context import AgentContext
from graphs.conversation.plan import next_for_task
from graphs.conversation.state import Claimed, ConversationState
from tools import registry
from tools.context import ToolContext
from tools.schemas import HandoffArgs, IdentifyArgs, PatientRef, RegisterArgs

MAX_ATTEMPTS = 3


def _verified(
    state: ConversationState, patient: PatientRef, greeting: str, relative: str | None = None
) -> ConversationState:
    update: ConversationState = {
        "acting_for": relative,
        "patient_id": str(patient.id),
        "patient_name": patient.given_name,
        "awaiting": None,
        "identity_attempts": 0,
        "claimed": {},
        "reply": [*state.get("reply", []), greeting] if greeting else state.get("reply", []),
    }
    merged: ConversationState = {**state, **update}
    task = state.get("task")
    if task is None:  # identified after the request was already served (a caller's ticket)
        return {**update, "step": "respond", "outcome": "none"}
    return {**update, "step": next_for_task(merged, task, state.get("gathered", {}))}


def _named_child(candidates: list[PatientRef], text: str) -> PatientRef | None:
    """The one child on a family's phone whose given name the parent's message says ("quiero cita
    para mi hija Lucía"), when the phone has only that child of that name; else None."""
    words = set(tokens(fold(text)))
    named = [c for c in candidates if c.minor and fold(c.given_name) in words]
    return named[0] if len(named) == 1 else None


def _claimed(state: ConversationState, name: str | None, birth_date: date | None) -> Claimed:
    """This message's name and birth date over the half given before, while identity is asked."""
    kept: Claimed = {**state.get("claimed", {})} if state.get("awaited") == "identity" else {}
    if name:
        kept["name"] = name
    if birth_date:
        kept["birth_date"] = birth_date.isoformat()
    return kept


def _ask_other_half(state: ConversationState, claimed: Claimed, attempts: int) -> ConversationState:
    """Half an identity given ("Hugo Laurent"): keep it and ask only for the other half; a half
    given for the first time is progress, not a failed attempt."""
    new = state.get("awaited") == "identity" and bool(set(claimed) - set(state.get("claimed", {})))
    return {
        "reply": [line(state, "ask_birth_date" if "name" in claimed else "ask_full_name")],
        "awaiting": "identity",
        "identity_attempts": attempts - 1 if new else attempts,
        "claimed": claimed,
        "step": "respond",
    }


def _remember_apart(state: ConversationState, apart: bool) -> ConversationState:
    """The writer said who they are, and it is not the phone's patient: their answer to the identity
    question registers them if it finds nobody on the phone, as for a writer on another's phone."""
    return {"gathered": {**state.get("gathered", {}), "elsewhere": True}} if apart else {}


async def _claim_tickets(ctx: ToolContext, config: RunnableConfig, patient: PatientRef) -> None:
    """Tickets opened on this conversation before anyone was identified become the patient's."""
    await registry.invoke("attach_tickets", ctx.for_patient(patient.id), config)


async def identify(
    state: ConversationState, runtime: Runtime[AgentContext], config: RunnableConfig
) -> ConversationState:
    ctx = tool_context(state, runtime, config)
    candidates: list[PatientRef] = await registry.invoke("patients_on_phone", ctx, config)
    u = understood(state)
    # The visit may be for the writer's child ("for my daughter"): with the details given, that child
    # is found or registered below; only mentioned, on a phone whose one patient is a child it is
    # that child, on one whose patient is an adult the child's details are asked for.
    relative = state.get("gathered", {}).get("relative")
    elsewhere = state.get("gathered", {}).get("elsewhere") or u.fields.elsewhere
    # "This is James's father, Harold" on James's phone, "Hi, this is Carmen" on Juan's: another person
    apart = (
        not elsewhere
        and state.get("awaited") != "identity"
        and writer_apart(u.text, [c.given_name for c in candidates])
    )
    elsewhere = elsewhere or apart
    name, birth_date = u.fields.name, u.fields.birth_date
    sole = candidates[0] if len(candidates) == 1 and state.get("awaited") != "identity" else None
    if elsewhere:
        sole = None  # "on my dad's phone, it's for me": the writer is not the phone's patient
    if sole is not None and (not relative or (sole.minor and not (name or birth_date))):
        await _claim_tickets(ctx, config, sole)
        return _verified(state, sole, "", relative)
    if relative and not birth_date and (child := _named_child(candidates, u.text)) is not None:
        await _claim_tickets(ctx, config, child)  # "para mi hija Lucía" on the family's phone: Lucía
        return _verified(state, child, "", relative)
    claimed = _claimed(state, name, birth_date)
    name = claimed.get("name")
    birth_date = date.fromisoformat(claimed["birth_date"]) if "birth_date" in claimed else None
    if name and birth_date:
        if candidates:
            found = await registry.invoke(
                "verify_patient", ctx, config, IdentifyArgs(name=name, birth_date=birth_date)
            )
            if found is not None:
                await _claim_tickets(ctx, config, found)
                return _verified(state, found, line(state, "verified", name=found.given_name), relative)
        # a parent books for a child, or someone on another's phone books for themself
        if not candidates or ((relative or elsewhere) and state.get("task") == "book"):
            made = await registry.invoke(
                "register_patient",
                ctx,
                config,
                RegisterArgs(name=name, birth_date=birth_date, language=u.language),
            )
            await _claim_tickets(ctx, config, made)
            key = "registered_relative" if relative else "registered"
            registered = _verified(state, made, line(state, key, name=made.given_name), relative)
            return {**registered, "events": [*state.get("events", []), {"event": "patient.registered"}]}
    first_ask = state.get("awaited") != "identity"
    from_call = state.get("prefilled") is not None and first_ask
    if state.get("task") == "ticket" and (from_call or (first_ask and not candidates)):
        # A caller, or a WhatsApp number nobody registered, may never answer a request for name and
        # birth date: what only needs staff to act is opened now, from an unverified contact (found
        # by the phone), and becomes the patient's once they identify (`_claim_tickets`).
        return {"step": "open_ticket"}
    attempts = state.get("identity_attempts", 0) + (1 if state.get("awaited") == "identity" else 0)
    if (name is None) != (birth_date is None) and attempts < MAX_ATTEMPTS:
        return {**_ask_other_half(state, claimed, attempts), **_remember_apart(state, apart)}
    if attempts >= MAX_ATTEMPTS:
        await registry.invoke("hand_off", ctx, config, HandoffArgs(reason="identity could not be verified"))
        return {
            "reply": [line(state, "identity_failed")],
            "awaiting": None,
            "task": None,
            "outcome": "handoff",
            "step": "respond",
            "identity_attempts": 0,
            "claimed": {},
        }
    if attempts and candidates and not relative:
        key = "identity_mismatch"
    elif (relative or u.fields.relative) and not any(c.minor for c in candidates) and len(candidates) < 2:
        key = "ask_identity_relative"  # the child's name and birth date, not the parent's
    else:
        key = "ask_identity_shared" if len(candidates) > 1 else "ask_identity"
    return {
        "reply": [line(state, key)],
        "awaiting": "identity",
        "identity_attempts": attempts,
        "claimed": {},
        "step": "respond",
        **_remember_apart(state, apart),
    }
