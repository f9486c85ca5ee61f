"""Understanding through an OpenAI-compatible model, with the offline reading as floor and fallback.

Every message is read offline first. When that reading finds a red flag or an injection attempt,
the model is not asked at all: the graph acts on safety before anything else, an emergency reply
should not wait on a network call, and a manipulation attempt should not reach a model. Otherwise
the model is asked to fill the `ReadMessage` tool, and its answer is checked and merged
(extraction.py). Whatever goes wrong — retries exhausted, a timeout, malformed or invalid tool
arguments, a refusal — the turn carries on with the offline reading, and the log says why
(never what the patient wrote).
"""

from __future__ import annotations

import logging
from datetime import datetime
from zoneinfo import ZoneInfo

from langchain_core.language_models import LanguageModelInput
from langchain_core.messages import AIMessage, HumanMessage, SystemMessage
from langchain_core.runnables import Runnable, RunnableConfig
from langchain_openai import ChatOpenAI
from pydantic import ValidationError

from agents.clinic import ANY, Clinic
from agents.model.client import Retry, describe, with_retries
from agents.model.extraction import ReadMessage, merge
from agents.model.prompts import understand_prompt
from agents.model.protocols import as_expecting
from agents.understanding import Language, Understanding, understand

log = logging.getLogger(__name__)
TOOL = ReadMessage.__name__


class ModelUnderstander:
    """An `Understander` that asks `llm` to read each message through a forced tool call."""

    def __init__(self, llm: ChatOpenAI, *, retry: Retry | None = None) -> None:
        self._llm: Runnable[LanguageModelInput, AIMessage] = llm.bind_tools(
            [ReadMessage], tool_choice=TOOL
        ).with_config(run_name="understand")
        self._retry = retry or Retry()

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
        waiting_for = as_expecting(expecting)
        offline = understand(text, now=now, tz=tz, expecting=waiting_for, language_hint=language_hint)
        if offline.red_flag is not None or offline.injection or not offline.text:
            return offline
        messages = [
            SystemMessage(understand_prompt(now=now, tz=tz, expecting=waiting_for, tool=TOOL, clinic=clinic)),
            HumanMessage(offline.text),
        ]
        try:
            answer = await with_retries(lambda: self._llm.ainvoke(messages, config=config), self._retry)
        except Exception as error:  # the model is an upgrade: no failure of it may fail the turn
            log.warning("model understanding failed (%s); using the offline reading", describe(error))
            return offline
        read = _read(answer)
        if isinstance(read, str):
            log.warning("model understanding unusable (%s); using the offline reading", read)
            return offline
        return merge(read, offline, now=now, tz=tz)


def _read(answer: AIMessage) -> ReadMessage | str:
    """The tool's arguments as a `ReadMessage`, or why there are none (no patient text in it)."""
    if answer.invalid_tool_calls:
        return "malformed tool arguments"
    calls = [call for call in answer.tool_calls if call["name"] == TOOL]
    if not calls:
        return "refusal" if answer.additional_kwargs.get("refusal") or answer.content else "no tool call"
    try:
        return ReadMessage.model_validate(calls[0]["args"])
    except ValidationError as error:
        return f"invalid tool arguments ({error.error_count()} errors)"
