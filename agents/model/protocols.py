"""What the graph calls to understand a message and to phrase a reply, and the offline versions.

The graph holds an `Understander` and a `Phraser` and never knows whether a model is behind them:
the offline ones are the default, the model ones (understander.py, phraser.py) an upgrade with
the same signature. `config` carries the graph's LangChain callbacks to any model call, so that
the trace recorder sees prompts, outputs and token counts; the offline versions ignore it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol, cast, get_args
from zoneinfo import ZoneInfo

from langchain_core.runnables import RunnableConfig

from agents.clinic import ANY, Clinic
from agents.understanding import Expecting, Language, Understanding, understand

_EXPECTING: frozenset[str] = frozenset(get_args(Expecting))


class Understander(Protocol):
    """Reads one patient message (a burst joined by newlines) at `now` in the clinic's `tz`."""

    async def __call__(
        self,
        text: str,
        *,
        now: datetime,
        tz: ZoneInfo,
        expecting: str | None,
        language_hint: Language | None,
        clinic: Clinic = ANY,
        config: RunnableConfig | None = None,
    ) -> Understanding: ...


class Phraser(Protocol):
    """Turns the template reply into what is sent, in `language`, without changing its facts."""

    async def __call__(
        self, reply: str, *, language: Language, clinic: Clinic = ANY, config: RunnableConfig | None = None
    ) -> str: ...


def as_expecting(value: str | None) -> Expecting | None:
    """The graph's `expecting` checked against the values the understanding layer knows.

    An unknown value is a wiring mistake between the graph and this layer, so it is refused by
    name instead of being read as "expecting nothing" and quietly misreading short replies.
    """
    if value is None:
        return None
    if value not in _EXPECTING:
        raise ValueError(f"unknown expecting {value!r}; use one of {sorted(_EXPECTING)}")
    return cast(Expecting, value)


class OfflineUnderstander:
    """The deterministic understanding layer, as an `Understander` (no network, no model)."""

    async def __call__(
        self,
        text: str,
        *,
        now: datetime,
        tz: ZoneInfo,
        expecting: str | None,
        language_hint: Language | None,
        clinic: Clinic = ANY,
        config: RunnableConfig | None = None,
    ) -> Understanding:
        return understand(
            text, now=now, tz=tz, expecting=as_expecting(expecting), language_hint=language_hint
        )


class TemplatePhraser:
    """Sends the template reply exactly as written: the offline agent's phrasing."""

    async def __call__(
        self, reply: str, *, language: Language, clinic: Clinic = ANY, config: RunnableConfig | None = None
    ) -> str:
        return reply
