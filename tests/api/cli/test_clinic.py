"""`prm clinic` as a clinic's operator runs it: set up its details once, change one, see them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

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
    monkeypatch.setenv("PRM_NOW", NOW.isoformat())
    return url


def invoke(*args: str) -> Any:
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_a_clinic_is_set_up_changed_and_shown_without_editing_code(database: str) -> None:
    before = invoke("clinic", "show")
    assert before.exit_code == 0 and "the agent says: the clinic" in before.output  # nothing entered yet
    incomplete = invoke("clinic", "set", "--name", "Lakeside Family Practice")
    assert incomplete.exit_code == 1 and "address_line" in incomplete.output
    created = invoke(
        "clinic", "set", "--name", "Lakeside Family Practice", "--address-line", "4 Shore Road",
        "--city", "Portland", "--state", "ME", "--postal-code", "04101", "--phone", "(207) 555-0100",
    )  # fmt: skip
    assert created.exit_code == 0, created.output
    assert invoke("clinic", "set", "--hours", "Mon to Thu, 9 to 6").exit_code == 0
    assert invoke("clinic", "set", "--phone", "12").exit_code == 1  # not a phone: refused, unchanged
    shown = invoke("clinic", "show").output
    assert "Lakeside Family Practice" in shown and "4 Shore Road, Portland, ME 04101" in shown
    assert "+12075550100" in shown and "Mon to Thu, 9 to 6" in shown
