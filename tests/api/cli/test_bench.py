"""`prm bench`: the Makefile's target names a command that exists, and `all` runs every benchmark."""

from __future__ import annotations

import re

from typer.main import get_command

from api.cli.bench import BENCHMARKS, app
from tests.conftest import REPO


def _commands() -> set[str]:
    group = get_command(app)
    return set(group.commands)  # type: ignore[attr-defined]


def test_make_bench_calls_a_command_that_exists() -> None:
    recipe = re.search(r"^bench:.*\n((?:\t.*\n)+)", (REPO / "Makefile").read_text(), re.MULTILINE)
    assert recipe is not None, "the Makefile has a bench target"
    called = re.findall(r"prm bench (\w+)", recipe.group(1))
    assert called and set(called) <= _commands(), (called, _commands())


def test_all_covers_every_benchmark_command() -> None:
    assert _commands() == {*BENCHMARKS, "all"}
