"""`prm chat` on a database with no clinic says what is missing and how to seed it (#16 item 7)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from tests.instant import NOW


@pytest.fixture
def database(
    monkeypatch: pytest.MonkeyPatch, make_database: Callable[[], str], redis_url: str, data_dir: Path
) -> str:
    url = make_database()
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("REDIS_URL", redis_url)
    monkeypatch.setenv("PRM_DATA_DIR", str(data_dir))
    monkeypatch.setenv("PRM_ENV", "test")
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("PRM_NOW", NOW.isoformat())
    return url


def test_chat_with_no_clinic_says_how_to_seed_and_talks_to_nobody(database: str) -> None:
    result = CliRunner().invoke(
        app, ["chat", "--phone", "+15550100001"], input="hi\n", catch_exceptions=False
    )
    assert result.exit_code == 2
    assert "no clinic yet" in result.output and "prm seed --demo" in result.output
    assert "agent>" not in result.output


def test_the_embedding_model_loads_without_a_progress_bar(embedder: object) -> None:
    """The "Loading weights" bar used to print in the middle of a terminal conversation."""
    from transformers.utils import logging as transformers_logging

    from store.knowledge.embeddings import LocalEmbedder

    LocalEmbedder().encode(["warm"])
    assert not transformers_logging.is_progress_bar_enabled()
