"""Rephrasing template replies through an OpenAI-compatible model, keeping every fact.

The templates (agents.phrasing) are correct but plain; a model may make them warmer. It never
decides what is said: its version is sent only when it is in the patient's language and passes
the fact-preservation check (facts.py); otherwise, and on any failure, the template goes out as
written. Emergency guidance is never rephrased: "call 911 now" must not become a suggestion.
"""

from __future__ import annotations

import logging
import re

from langchain_core.language_models import LanguageModelInput
from langchain_core.messages import AIMessage, HumanMessage, SystemMessage
from langchain_core.runnables import Runnable, RunnableConfig
from langchain_openai import ChatOpenAI

from agents.clinic import ANY, Clinic
from agents.model.client import Retry, describe, with_retries
from agents.model.facts import faithful
from agents.model.prompts import phrase_prompt
from agents.understanding import Language, detect_language

log = logging.getLogger(__name__)
_EMERGENCY_NUMBERS = re.compile(r"\b(?:911|988)\b")


class ModelPhraser:
    """A `Phraser` that asks `llm` for a warmer wording and keeps it only when it is faithful."""

    def __init__(self, llm: ChatOpenAI, *, retry: Retry | None = None) -> None:
        self._llm: Runnable[LanguageModelInput, AIMessage] = llm.with_config(run_name="phrase")
        self._retry = retry or Retry()

    async def __call__(
        self,
        reply: str,
        *,
        language: Language,
        clinic: Clinic = ANY,
        config: RunnableConfig | None = None,
    ) -> str:
        if not reply.strip() or _EMERGENCY_NUMBERS.search(reply):
            return reply
        messages = [SystemMessage(phrase_prompt(language, clinic)), HumanMessage(reply)]
        try:
            answer = await with_retries(lambda: self._llm.ainvoke(messages, config=config), self._retry)
        except Exception as error:  # the model is an upgrade: no failure of it may fail the turn
            log.warning("model phrasing failed (%s); sending the template", describe(error))
            return reply
        rephrased = answer.text.strip() if not answer.tool_calls else ""
        if not faithful(reply, rephrased):
            log.warning("model phrasing changed the facts; sending the template")
            return reply
        # no hint: a reply must be mostly in the patient's language (a patient may mix two; we may not)
        if detect_language(rephrased) != language:
            log.warning("model phrasing answered in another language; sending the template")
            return reply
        return rephrased
