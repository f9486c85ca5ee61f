"""Building the conversation runner from settings: checkpointer, model (or not), clock."""

from __future__ import annotations

import hashlib

from agents.understanding import RedFlagReader, SemanticScreen
from api.runtime import Runtime
from graphs.runner import Runner
from store.checkpoint import AsyncRedisSaver

DAY_S = 24 * 3600


def checkpointer(runtime: Runtime) -> AsyncRedisSaver:
    """Checkpoints in Redis, encrypted when `PRM_CHECKPOINT_KEY` is set, expiring with the conversation."""
    storage = runtime.settings.storage
    secret = storage.checkpoint_key.get_secret_value() if storage.checkpoint_key else ""
    # "new,old": the first key encrypts, every key decrypts (rotation); any passphrase → an AES-256 key
    keys = [hashlib.sha256(part.strip().encode()).digest() for part in secret.split(",") if part.strip()]
    ttl = storage.checkpoint_ttl_days * DAY_S
    return AsyncRedisSaver(runtime.redis, ttl=ttl, encryption_key=keys or None)


def build_runner(runtime: Runtime) -> Runner:
    """The agent on the runtime's clock, checkpointer and model (the offline agent when none is set)."""
    from agents.model import make_phraser, make_understander

    models = runtime.settings.models
    api_key = models.openai_api_key.get_secret_value() if models.openai_api_key else None
    model, base_url = models.llm_model, models.openai_base_url
    return Runner(
        sessions=runtime.sessions,
        embedder=runtime.embedder,
        checkpointer=checkpointer(runtime),
        tz=runtime.settings.tz,
        understander=make_understander(
            model, api_key=api_key, base_url=base_url, timeout_s=models.llm_timeout_s
        ),
        phraser=make_phraser(model, api_key=api_key, base_url=base_url, timeout_s=models.llm_timeout_s),
        clock=runtime.clock,
        model_name=models.llm_model,
        red_flags=RedFlagReader(SemanticScreen(runtime.embedder)),
    )
