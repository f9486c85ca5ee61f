"""The understander and phraser the settings ask for: offline without a model, the model path with one.

The composition root (api/) reads `PRM_LLM_MODEL`, `OPENAI_API_KEY` and `OPENAI_BASE_URL` and
calls these; nothing in agents/ reads the environment.
"""

from __future__ import annotations

from agents.model.client import Retry, chat_model
from agents.model.phraser import ModelPhraser
from agents.model.protocols import OfflineUnderstander, Phraser, TemplatePhraser, Understander
from agents.model.understander import ModelUnderstander


def make_understander(
    model: str | None,
    *,
    api_key: str | None = None,
    base_url: str | None = None,
    timeout_s: float = 10,
    retry: Retry | None = None,
) -> Understander:
    """`ModelUnderstander` on `model` at `base_url`, or the offline one when no model is set."""
    if not model:
        return OfflineUnderstander()
    llm = chat_model(model, api_key=api_key, base_url=base_url, timeout_s=timeout_s)
    return ModelUnderstander(llm, retry=retry)


def make_phraser(
    model: str | None,
    *,
    api_key: str | None = None,
    base_url: str | None = None,
    timeout_s: float = 10,
    retry: Retry | None = None,
) -> Phraser:
    """`ModelPhraser` on `model` at `base_url`, or the templates as written when no model is set."""
    if not model:
        return TemplatePhraser()
    llm = chat_model(model, api_key=api_key, base_url=base_url, timeout_s=timeout_s)
    return ModelPhraser(llm, retry=retry)
