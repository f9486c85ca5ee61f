"""Several requests in one message, served one after the other in the same turn where they can be.

"I need a refill of my inhaler and also a cardiology appointment next week" opens the refill
ticket and then offers cardiology times; "book me derm tomorrow — also, do you take Aetna?"
answers the question, then offers the times. The receive node splits the message
(agents/understanding/requests.py) and says how many things were asked; each finished request
hands over to the next (`next_request`) unless the agent is waiting for an answer, in which case
the rest waits in `queued` until that request is done.
"""

from __future__ import annotations

from typing import Literal

from langchain_core.runnables import RunnableConfig
from langgraph.runtime import Runtime

from graphs.conversation.common import language, plain_understanding
from graphs.conversation.context import AgentContext
from graphs.conversation.plan import plan
from graphs.conversation.state import ConversationState

STOPPED = ("handoff", "emergency", "refused")  # nothing more is done after these


def route_onward(state: ConversationState) -> Literal["next_request", "respond"]:
    """The next queued request when this one is done and nothing is awaited; else the reply."""
    waiting = state.get("awaiting") is not None or state.get("outcome") in STOPPED
    return "next_request" if state.get("queued") and not waiting else "respond"


async def next_request(
    state: ConversationState, runtime: Runtime[AgentContext], config: RunnableConfig
) -> ConversationState:
    """Read the next queued request as a message of its own and plan its step; the reply so far is
    kept (`said`) and the new request's reply follows it."""
    context = runtime.context
    text, *rest = state.get("queued", [])
    u = await context.understander(
        text,
        now=context.now,
        tz=context.tz,
        expecting=None,
        language_hint=language(state),  # type: ignore[arg-type]
        clinic=context.clinic,
        config=config,
    )
    update: ConversationState = {
        "understanding": plain_understanding(u),
        "queued": rest,
        "said": [*state.get("said", []), *state.get("reply", [])],
        "reply": [],
        "awaited": None,
        "events": [],
    }
    return {**update, **plan({**state, **update}, u, context.tz, now=context.now)}
