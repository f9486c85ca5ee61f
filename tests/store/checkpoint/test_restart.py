"""Redis restarting under a conversation: a server of our own (embedded Valkey, append-only file
fsynced before each reply), stopped and started on the same port as a real deployment's would be."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

import pytest
from langgraph.checkpoint.base import empty_checkpoint
from langgraph.types import Command

from store.checkpoint import AsyncRedisSaver, CheckpointConnectionError
from store.embedded import EmbeddedValkey
from tests.store.checkpoint.graphs import intake_graph

KEY = b"0123456789abcdef"


async def restart(server: EmbeddedValkey) -> None:
    await asyncio.to_thread(server.stop)  # SIGTERM: Valkey flushes its append-only file and exits
    await asyncio.to_thread(server.start)


async def test_the_conversation_continues_after_a_restart_between_turns(server: EmbeddedValkey) -> None:
    config: dict[str, Any] = {"configurable": {"thread_id": "conv-restart"}}
    async with AsyncRedisSaver.from_conn_string(server.url, encryption_key=KEY) as saver:
        graph = intake_graph(saver)
        await graph.ainvoke({"messages": ["patient: hi"]}, config)
        acknowledged = await saver.aget_tuple(config)

        await restart(server)

        assert await saver.aget_tuple(config) == acknowledged
        result = await graph.ainvoke(Command(resume="1992-07-21"), config)  # the same client reconnects
        assert result["messages"][-1] == "agent: thanks, noted 1992-07-21"
        history = [s async for s in graph.aget_state_history(config)]
        assert history[-1].metadata["step"] == -1 and len(history) == 5


async def test_a_call_waits_for_redis_to_come_back(server: EmbeddedValkey) -> None:
    config: dict[str, Any] = {"configurable": {"thread_id": "conv-wait", "checkpoint_ns": ""}}
    async with AsyncRedisSaver.from_conn_string(server.url, attempts=8, retry_wait=0.1) as saver:
        stored = await saver.aput(config, empty_checkpoint(), {"source": "input", "step": -1}, {})
        await asyncio.to_thread(server.stop)
        comeback = asyncio.create_task(asyncio.to_thread(server.start))
        latest = await saver.aget_tuple(config)
        await comeback
    assert latest is not None and latest.config == stored


async def test_redis_staying_down_raises_after_the_retries(server: EmbeddedValkey) -> None:
    async with AsyncRedisSaver.from_conn_string(server.url, attempts=2, retry_wait=0.01) as saver:
        await asyncio.to_thread(server.stop)
        with pytest.raises(CheckpointConnectionError, match="did not answer after 2 attempt"):
            await saver.aget_tuple({"configurable": {"thread_id": "conv-down"}})
        await asyncio.to_thread(server.start)


async def converse(saver: AsyncRedisSaver, thread_id: str, acknowledged: list[str]) -> None:
    """Checkpoints as fast as the server takes them, each id noted once `aput` has returned."""
    parent: dict[str, Any] = {"configurable": {"thread_id": thread_id, "checkpoint_ns": ""}}
    version: str | None = None
    for step in range(10_000):
        version = saver.get_next_version(version, None)
        checkpoint = empty_checkpoint()
        checkpoint["channel_values"] = {"messages": [f"m{i}" for i in range(step + 1)], "slot": step}
        checkpoint["channel_versions"] = {"messages": version, "slot": version}
        parent = await saver.aput(
            parent,
            checkpoint,
            {"source": "loop", "step": step},
            dict.fromkeys(("messages", "slot"), version),
        )
        acknowledged.append(parent["configurable"]["checkpoint_id"])
        await saver.aput_writes(parent, [("a", 1), ("b", 2), ("c", 3)], f"task-{step}")


@contextmanager
def slow_fsync(pid: int, seconds: float) -> Iterator[None]:
    """Every fsync of the process takes `seconds` longer, as on a busy disk (strace's fault
    injection, attached to all its threads); skips the test where strace is missing or may not
    attach."""
    if shutil.which("strace") is None:
        pytest.skip("needs strace (Debian package strace) to slow the server's fsync down")
    delay = f"delay_exit={int(seconds * 1_000_000)}"
    tracer = subprocess.Popen(
        [
            "strace",
            "-f",
            "-p",
            str(pid),
            "-o",
            os.devnull,
            "-e",
            "trace=fsync,fdatasync",
            "-e",
            f"inject=fsync:{delay}",
            "-e",
            f"inject=fdatasync:{delay}",
        ],
        stderr=subprocess.PIPE,
        text=True,
    )
    assert tracer.stderr is not None
    attached = tracer.stderr.readline()  # "strace: Process N attached", or why it could not
    if "attached" not in attached:
        tracer.kill()
        pytest.skip(f"strace could not attach to the server: {attached.strip()}")
    time.sleep(0.5)  # the first thread is attached; the fsync threads follow within milliseconds
    try:
        yield
    finally:
        tracer.kill()
        tracer.wait()


@pytest.mark.parametrize("disk", ["quick", "slow"])
async def test_a_crash_mid_write_loses_no_acknowledged_checkpoint(server: EmbeddedValkey, disk: str) -> None:
    """SIGKILL while four conversations write: every acknowledged checkpoint survives, and whatever
    was in flight is there whole or not at all. The slow disk is the case that `appendfsync
    everysec` fails: while a background fsync runs, Valkey postpones writing the file but still
    replies (a run lost 2,272 of 7,763 acknowledged checkpoints with fsync slowed to 1.5 s)."""
    acknowledged: dict[str, list[str]] = {f"conv-{i}": [] for i in range(4)}
    pid = int((server.dir / "valkey.pid").read_text())
    with ExitStack() as stack:
        if disk == "slow":
            stack.enter_context(slow_fsync(pid, 1.0))
        async with AsyncRedisSaver.from_conn_string(server.url, attempts=1) as saver:
            writers = [asyncio.create_task(converse(saver, t, ids)) for t, ids in acknowledged.items()]
            await asyncio.sleep(0.5 if disk == "quick" else 4.0)
            os.kill(pid, signal.SIGKILL)
            results = await asyncio.gather(*writers, return_exceptions=True)
            assert all(isinstance(r, CheckpointConnectionError) for r in results)
            stack.close()

            await restart(server)

            assert (
                all(len(ids) > 5 for ids in acknowledged.values())
                if disk == "quick"
                else any(acknowledged.values())
            )
            for thread_id, ids in acknowledged.items():
                stored = [t async for t in saver.alist({"configurable": {"thread_id": thread_id}})]
                stored_ids = [t.checkpoint["id"] for t in stored]
                assert set(ids) <= set(stored_ids) and len(stored_ids) <= len(ids) + 1
                for t in stored:
                    values = t.checkpoint["channel_values"]
                    assert len(values["messages"]) == values["slot"] + 1 == t.metadata["step"] + 1
                    assert len(t.pending_writes or []) in (0, 3)


async def test_scripts_come_back_after_the_server_forgets_them(server: EmbeddedValkey) -> None:
    """A restart or SCRIPT FLUSH empties the script cache; every call path loads them again."""
    config: dict[str, Any] = {"configurable": {"thread_id": "conv-flush", "checkpoint_ns": ""}}
    async with AsyncRedisSaver.from_conn_string(server.url) as saver:
        await saver.client.script_flush()
        stored = await saver.aput(
            config, empty_checkpoint(), {"source": "input", "step": -1, "run_id": "r1"}, {}
        )
        await saver.client.script_flush()
        await saver.aput_writes(stored, [("messages", ["hi"])], "task-1")
        await saver.client.script_flush()
        latest = await saver.aget_tuple(config)
    assert latest is not None and latest.pending_writes == [("task-1", "messages", ["hi"])]
    assert latest.metadata["run_id"] == "r1"
