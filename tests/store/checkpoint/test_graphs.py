"""Real LangGraph graphs on the savers: interrupts resumed in another process, time travel and
forks, subgraph namespaces, pending writes after a failure, pruning a live conversation."""

from __future__ import annotations

import json
import operator
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Annotated, TypedDict

from langgraph.checkpoint.serde.types import ERROR
from langgraph.graph import END, START, StateGraph
from langgraph.types import Command

from store.checkpoint import AsyncRedisSaver
from tests.store.checkpoint.graphs import echo_graph, intake_graph, nested_graph

REPO = Path(__file__).resolve().parents[3]
KEY = b"0123456789abcdef0123456789abcdef"

RESUME_IN_CHILD = """
import json, sys
from langgraph.types import Command
from store.checkpoint import RedisSaver
from tests.store.checkpoint.graphs import intake_graph

url, prefix, thread_id, key = sys.argv[1:5]
with RedisSaver.from_conn_string(url, prefix=prefix, encryption_key=key.encode()) as saver:
    out = intake_graph(saver).invoke(Command(resume="1990-02-14"), {"configurable": {"thread_id": thread_id}})
print(json.dumps(out))
"""


async def test_an_interrupt_is_resumed_by_another_process(redis_url: str, prefix: str) -> None:
    config = {"configurable": {"thread_id": "conv-1"}}
    async with AsyncRedisSaver.from_conn_string(redis_url, prefix=prefix, encryption_key=KEY) as saver:
        graph = intake_graph(saver)
        first = await graph.ainvoke({"messages": ["patient: hi"]}, config)
        assert first["__interrupt__"][0].value == "date of birth?"

        child = subprocess.run(  # noqa: ASYNC221 - the child must run while this loop waits
            [sys.executable, "-c", RESUME_IN_CHILD, redis_url, prefix, "conv-1", KEY.decode()],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert child.returncode == 0, child.stderr
        assert json.loads(child.stdout)["birth_date"] == "1990-02-14"

        state = await graph.aget_state(config)
        assert state.next == ()
        assert state.values["messages"] == [
            "patient: hi",
            "agent: what is your date of birth?",
            "patient: 1990-02-14",
            "agent: thanks, noted 1990-02-14",
        ]


async def test_history_and_a_fork_from_an_earlier_checkpoint(saver: AsyncRedisSaver) -> None:
    graph = echo_graph(saver)
    config = {"configurable": {"thread_id": "conv-fork"}}
    for text in ("first", "second", "third"):
        await graph.ainvoke({"messages": [f"patient: {text}"]}, config)

    history = [s async for s in graph.aget_state_history(config)]
    steps = [s.metadata["step"] for s in history]
    assert steps == list(range(steps[0], -2, -1))  # every checkpoint, newest first
    assert history[0].values["messages"][-1] == "agent: got patient: third"
    after_first = next(
        s for s in history if s.values.get("messages", [])[-1:] == ["agent: got patient: first"]
    )

    # Staff correct the agent's first answer; the conversation goes on from the correction.
    forked = await graph.aupdate_state(after_first.config, {"messages": ["agent: (staff) Tuesday 9:00"]})
    assert forked["configurable"]["checkpoint_id"] != after_first.config["configurable"]["checkpoint_id"]
    result = await graph.ainvoke({"messages": ["patient: thanks"]}, forked)
    assert result["messages"] == [
        "patient: first",
        "agent: got patient: first",
        "agent: (staff) Tuesday 9:00",
        "patient: thanks",
        "agent: got patient: thanks",
    ]
    # The fork is now the thread's head; the original branch is still in the history.
    latest = await graph.aget_state(config)
    assert latest.values["messages"][-1] == "agent: got patient: thanks"
    everything = {
        s.config["configurable"]["checkpoint_id"]: s async for s in graph.aget_state_history(config)
    }
    assert {s.config["configurable"]["checkpoint_id"] for s in history} < set(everything)
    ancestors, cursor = [], latest.parent_config
    while cursor is not None:
        ancestors.append(cursor["configurable"]["checkpoint_id"])
        cursor = everything[ancestors[-1]].parent_config
    assert after_first.config["configurable"]["checkpoint_id"] in ancestors


async def test_subgraph_checkpoints_live_in_their_own_namespace(saver: AsyncRedisSaver) -> None:
    graph = nested_graph(saver)
    config = {"configurable": {"thread_id": "conv-sub"}}
    await graph.ainvoke({"messages": ["patient: book me"]}, config)

    state = await graph.aget_state(config, subgraphs=True)
    assert state.next == ("collect",)
    child_ns = state.tasks[0].state.config["configurable"]["checkpoint_ns"]
    assert child_ns.startswith("collect:")

    root = [t async for t in saver.alist({"configurable": {"thread_id": "conv-sub", "checkpoint_ns": ""}})]
    child = [
        t async for t in saver.alist({"configurable": {"thread_id": "conv-sub", "checkpoint_ns": child_ns}})
    ]
    everything = [t async for t in saver.alist({"configurable": {"thread_id": "conv-sub"}})]
    assert root and child
    assert {t.config["configurable"]["checkpoint_ns"] for t in root} == {""}
    assert {t.config["configurable"]["checkpoint_ns"] for t in child} == {child_ns}
    assert len(everything) == len(root) + len(child)
    ids = [t.checkpoint["id"] for t in everything]
    assert ids == sorted(ids, reverse=True)

    result = await graph.ainvoke(Command(resume="1985-04-12"), config)
    assert result["messages"][-1] == "agent: done for 1985-04-12"


class Fanout(TypedDict, total=False):
    notes: Annotated[list[str], operator.add]


async def test_pending_writes_survive_a_failed_node(saver: AsyncRedisSaver) -> None:
    calls = {"lookup": 0, "flaky": 0}
    looked_up = threading.Event()

    def lookup(state: Fanout) -> Fanout:
        calls["lookup"] += 1
        looked_up.set()
        return {"notes": ["slots found"]}

    def flaky(state: Fanout) -> Fanout:
        calls["flaky"] += 1
        if calls["flaky"] == 1:
            # Fail once the sibling has finished: failing first cancels it (LangGraph's doing), and
            # then there is no successful write to keep, as the run sometimes showed.
            looked_up.wait(timeout=5)
            time.sleep(0.05)
            raise RuntimeError("scheduling service unavailable")
        return {"notes": ["patient verified"]}

    builder = StateGraph(Fanout)
    builder.add_node("lookup", lookup)
    builder.add_node("flaky", flaky)
    builder.add_edge(START, "lookup")
    builder.add_edge(START, "flaky")
    builder.add_edge("lookup", END)
    builder.add_edge("flaky", END)
    graph = builder.compile(checkpointer=saver)
    config = {"configurable": {"thread_id": "conv-fail"}}

    try:
        await graph.ainvoke({"notes": []}, config)
    except RuntimeError as exc:
        assert "unavailable" in str(exc)
    else:
        raise AssertionError("the flaky node should have failed")

    stored = await saver.aget_tuple(config)
    assert stored is not None and stored.pending_writes
    channels = {channel for _, channel, _ in stored.pending_writes}
    assert ERROR in channels
    assert ("notes", ["slots found"]) in [(c, v) for _, c, v in stored.pending_writes]

    result = await graph.ainvoke(None, config)
    assert sorted(result["notes"]) == ["patient verified", "slots found"]
    assert calls == {"lookup": 1, "flaky": 2}  # the successful node was not run again


async def test_pruning_keeps_a_live_conversation_going(saver: AsyncRedisSaver) -> None:
    graph = echo_graph(saver)
    config = {"configurable": {"thread_id": "conv-prune"}}
    for i in range(5):
        await graph.ainvoke({"messages": [f"patient: {i}"]}, config)
    assert len([s async for s in graph.aget_state_history(config)]) > 5

    await saver.aprune(["conv-prune"])

    history = [s async for s in graph.aget_state_history(config)]
    assert len(history) == 1 and history[0].parent_config is None
    assert len(history[0].values["messages"]) == 10
    result = await graph.ainvoke({"messages": ["patient: 5"]}, config)
    assert result["messages"][-1] == "agent: got patient: 5"
    assert len(result["messages"]) == 12


async def test_pruning_drops_finished_subgraph_calls(saver: AsyncRedisSaver) -> None:
    graph = nested_graph(saver)
    config = {"configurable": {"thread_id": "conv-sub-prune"}}
    await graph.ainvoke({"messages": ["patient: book me"]}, config)
    await graph.ainvoke(Command(resume="1985-04-12"), config)
    await graph.ainvoke({"messages": ["patient: again"]}, config)  # a second call, interrupted

    await saver.aprune(["conv-sub-prune"])

    namespaces = {t.config["configurable"]["checkpoint_ns"] async for t in saver.alist(config)}
    # The root keeps its head, and the call still waiting for an answer keeps its own; the
    # finished call is gone.
    assert len(namespaces) == 2 and "" in namespaces
    result = await graph.ainvoke(Command(resume="1985-04-13"), config)
    assert result["messages"][-1] == "agent: done for 1985-04-13"
