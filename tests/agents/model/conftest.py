"""A fresh OpenAI-compatible stub server per test, and models pointed at it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from agents.model import Retry
from tests.fakes.openai_stub import OpenAIStub

MODEL = "stub-model-1"
FAST = Retry(attempts=3, first_wait_s=0.01, max_wait_s=0.05)  # real back-off, test-sized


@pytest.fixture
def openai_stub() -> Iterator[OpenAIStub]:
    """The running stub; every scripted answer must be used and no request may go unscripted."""
    with OpenAIStub() as stub:
        yield stub
        assert stub.pending == 0, f"{stub.pending} scripted answers were never requested"
        assert stub.unscripted == 0, f"{stub.unscripted} requests had no scripted answer"
