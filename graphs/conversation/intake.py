"""The first node of every turn: record the messages, understand them, route on safety first."""

from __future__ import annotations

from typing import Literal

from langchain_core.messages import HumanMessage
from langchain_core.runnables import RunnableConfig
from langgraph.runtime import Runtime

from agents.phrasing import say
from agents.understanding import Intent, Language, RedFlag, Understanding, with_red_flag
from agents.understanding.requests import split_requests
from agents.understanding.spoken import without_fillers
from graphs.conversation.common import plain_understanding, tool_context, understood
from graphs.conversation.context import AgentContext
from graphs.conversation.plan import expecting, plan
from graphs.conversation.prefill import for_request, merge, read_prefill
from graphs.conversation.safety import patient_words
from graphs.conversation.state import ConversationState
from tools import registry
from tools.schemas import PatientRef


async def receive(
    state: ConversationState, runtime: Runtime[AgentContext], config: RunnableConfig
) -> ConversationState:
    """Understand this turn's messages (a burst is read as one) in the light of what was asked.

    A hand-off (`prefill` given: a voice call) is a fresh request, not an answer to the last
    WhatsApp question — the caller never saw it — so nothing is awaited; only the caller's side of
    the transcript is read, and the call's checked fields are merged into that reading.
    """
    context = runtime.context
    raw = state.get("prefill")
    texts = patient_words(state["inbound"], from_call=raw is not None)
    hint: Language | None = state.get("language") or await _registered_language(state, runtime, config)  # type: ignore[assignment]
    called = (
        read_prefill(raw, now=context.now, tz=context.tz, language_hint=hint) if raw is not None else None
    )
    fresh = bool(state.get("fresh"))  # back from staff: no earlier question is being answered
    awaited = (
        None if called is not None or fresh else state.get("awaiting")
    )  # still last turn's: moved to awaited here
    # a call's words are read without the caller's hesitations ("If I, like, cancel…"); the red-flag
    # readers below and the messages kept have every word said
    words = [without_fillers(t) for t in texts] if raw is not None else texts
    understanding = await context.understander(
        "\n".join(words),
        now=context.now,
        tz=context.tz,
        expecting=expecting(awaited),
        language_hint=(called.language if called else None) or hint,
        clinic=context.clinic,
        config=config,
    )
    queued: list[str] = []
    if awaited is None and _may_split(understanding):
        first, *queued = split_requests(
            "\n".join(words), now=context.now, tz=context.tz, language=understanding.language
        ) or [""]
        if queued:  # several requests: read the first on its own, the rest wait their turn
            understanding = await context.understander(
                first,
                now=context.now,
                tz=context.tz,
                expecting=None,
                language_hint=understanding.language,
                clinic=context.clinic,
                config=config,
            )
    if called is not None:
        mine = for_request(called, understanding) if queued else called
        understanding = merge(understanding, mine, tz=context.tz, now=context.now)
    # the runner's own reading stands (it is why a conversation staff own is answered at all); then
    # what no sign spells out, the nearest labelled examples may
    if understanding.red_flag is None and (alarm := state.get("alarm")):
        understanding = with_red_flag(understanding, RedFlag(**alarm))
    if (
        understanding.red_flag is None
        and texts
        and (flag := await context.red_flags.beyond_signs("\n".join(texts)))
    ):
        understanding = with_red_flag(understanding, flag)
    return {
        "messages": [HumanMessage(t) for t in texts],
        "turn": state.get("turn", 0) + 1,
        "language": understanding.language,
        "understanding": plain_understanding(understanding),
        "reply": [],
        "said": [say("several_requests", understanding.language)] if queued else [],
        **({"queued": queued} if queued else {}),
        "outcome": None,
        "events": [],
        "step": None,
        "awaited": awaited,
        "awaiting": None,
        "prefill": None,  # consumed: the next turn is not a hand-off unless it brings its own
        "fresh": False,  # consumed likewise
        "alarm": None,
        **(_CLEAN_SLATE if fresh else {}),
        "prefilled": called.as_state() if called else None,
        "reminder": state.get("reminder") if awaited in ("reminder", "followup") else None,
    }


def _may_split(u: Understanding) -> bool:
    """Only an ordinary request is looked at for more than one: an emergency, a manipulation, an
    opt-out or a request for a person is acted on as the whole message."""
    if u.red_flag is not None or u.injection:
        return False
    return u.intent not in (Intent.OPT_OUT, Intent.OPT_IN, Intent.HANDOFF)


# what a conversation handed back by staff forgets: the task, its offers and confirmations
_CLEAN_SLATE: ConversationState = {
    "task": None,
    "gathered": {},
    "asked": [],
    "offered": [],
    "targets": [],
    "pending": None,
    "queued": [],
    "misunderstood": 0,
    "identity_attempts": 0,
}


async def _registered_language(
    state: ConversationState, runtime: Runtime[AgentContext], config: RunnableConfig
) -> str | None:
    """On a conversation's first turn, the language the phone's patients prefer ("2" is no language)."""
    on_phone: list[PatientRef] = await registry.invoke(
        "patients_on_phone", tool_context(state, runtime, config), config
    )
    languages = {p.language for p in on_phone}
    return languages.pop() if len(languages) == 1 else None


def route_after_receive(
    state: ConversationState,
) -> Literal["alert_emergency", "update_consent", "refuse", "hand_off", "plan_step"]:
    """Safety before anything else: an emergency, an opt-out or a manipulation attempt wins."""
    u = understood(state)
    if u.red_flag is not None:
        return "alert_emergency"
    if u.intent in (Intent.OPT_OUT, Intent.OPT_IN):
        return "update_consent"
    if u.injection:
        return "refuse"
    if u.intent == Intent.HANDOFF:
        return "hand_off"
    return "plan_step"


async def plan_step(state: ConversationState, runtime: Runtime[AgentContext]) -> ConversationState:
    """Decide the next step (see plan.py)."""
    return plan(state, understood(state), runtime.context.tz, now=runtime.context.now)
