"""Fixtures shared by the understanding tests."""

from __future__ import annotations

from typing import Any

import pytest

from agents.understanding import RedFlagReader, SemanticScreen


@pytest.fixture(scope="session")
def reader(embedder: Any) -> RedFlagReader:
    """The red-flag reader the agent runs (api/agent.py): the signs, then the nearest examples."""
    return RedFlagReader(SemanticScreen(embedder))
