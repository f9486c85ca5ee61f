"""`prm bench`: the Makefile's target names a command that exists, and `all` runs every benchmark."""

from __future__ import annotations

import re

import pytest
from redis.exceptions import RedisClusterException
from typer.main import get_command

from api.cli.bench import BENCHMARKS, _local_cluster, app
from store.redis_client import connect_sync
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


def test_checkpoint_cluster_runs_on_a_local_cluster_gone_after() -> None:
    """`prm bench checkpoint --cluster` adds a cluster of its own for the run, stopped after."""
    assert "cluster" in {p.name for p in get_command(app).commands["checkpoint"].params}  # type: ignore[attr-defined]
    with _local_cluster(True) as url:
        assert url is not None and url.startswith("redis+cluster://")
        with connect_sync(url) as client:
            assert client.ping()
            assert len(client.get_primaries()) == 3  # type: ignore[union-attr]
    with pytest.raises(RedisClusterException, match="cannot be connected"):
        connect_sync(url)  # the sync cluster client reads the cluster's map as it is built
    with _local_cluster(False) as none:
        assert none is None
