"""The chat model and the retry policy shared by the model understander and the model phraser.

`ChatOpenAI` is built with the client's own retries off (`max_retries=0`) so that one policy,
ours, decides what is retried and how long a turn may wait: only what a second try can fix
(rate limits, server errors, timeouts, dropped connections), three attempts with exponential
back-off. Anything else — a bad request, a wrong key, an unknown model — fails at once, and the
callers fall back to the offline path.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

import openai
from langchain_openai import ChatOpenAI
from pydantic import SecretStr
from tenacity import AsyncRetrying, retry_if_exception, stop_after_attempt, wait_exponential

T = TypeVar("T")


@dataclass(frozen=True)
class Retry:
    """How often and how patiently a model call is retried (waits double: 0.5 s, 1 s, … ≤ max)."""

    attempts: int = 3
    first_wait_s: float = 0.5
    max_wait_s: float = 4.0


def is_transient(error: BaseException) -> bool:
    """Whether trying the same request again may succeed: 429, 5xx, timeouts, lost connections."""
    if isinstance(error, openai.RateLimitError | openai.APIConnectionError):  # timeouts included
        return True
    return isinstance(error, openai.APIStatusError) and error.status_code >= 500


def describe(error: BaseException) -> str:
    """An error for the log: its type and HTTP status, never its message (which may quote input)."""
    status = f" HTTP {error.status_code}" if isinstance(error, openai.APIStatusError) else ""
    return f"{type(error).__name__}{status}"


async def with_retries(call: Callable[[], Awaitable[T]], retry: Retry) -> T:
    """`await call()`, retried on transient errors; the last error is re-raised when they run out."""
    retrying = AsyncRetrying(
        stop=stop_after_attempt(retry.attempts),
        wait=wait_exponential(multiplier=retry.first_wait_s, max=retry.max_wait_s),
        retry=retry_if_exception(is_transient),
        reraise=True,
    )

    async def attempt() -> T:  # a coroutine function, which tenacity awaits (a lambda it would not)
        return await call()

    return await retrying(attempt)


def chat_model(model: str, *, api_key: str | None, base_url: str | None, timeout_s: float) -> ChatOpenAI:
    """A deterministic chat model on any OpenAI-compatible endpoint (Chat Completions API).

    Local servers (vLLM, Ollama) accept any key, so a missing one is sent as a placeholder rather
    than refused here; a real endpoint then answers 401 and the agent carries on offline.
    """
    return ChatOpenAI(
        model=model,
        api_key=SecretStr(api_key or "unused"),
        base_url=base_url,
        temperature=0,
        timeout=timeout_s,
        max_retries=0,
        use_responses_api=False,
    )
