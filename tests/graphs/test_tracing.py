"""TraceRecorder on a real StateGraph: nodes in order with the fields they changed, tool calls with
their input and JSON-safe output or error, model calls with prompt, output and tokens, interrupts,
and nothing from the graph's own run or the chains nested inside nodes (routing functions)."""

from __future__ import annotations

import enum
import json
import random
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal, TypedDict

import pytest
from langchain_core.language_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, HumanMessage
from langchain_core.runnables import RunnableConfig
from langchain_core.tools import StructuredTool
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.graph import END, START, StateGraph
from langgraph.graph.state import CompiledStateGraph
from langgraph.types import interrupt
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from graphs.tracing import MAX_ITEMS, MAX_TEXT, TraceRecorder, json_safe
from store.conversations import service as conversations
from store.conversations.models import Channel
from store.traces import service as traces

SLOT_ID = uuid.UUID("6f1c1c62-0d7e-4d4b-9a64-3f8b2f7c9a01")
START_AT = datetime(2031, 6, 3, 14, 30, tzinfo=UTC)


class State(TypedDict, total=False):
    text: str
    intent: str
    slots: list[dict[str, Any]]
    reply: str


class SlotArgs(BaseModel):
    specialty: str
    limit: int = 3


class Slot(BaseModel):
    slot_id: uuid.UUID
    start: datetime


async def find_slots(specialty: str, limit: int = 3) -> list[Slot]:
    if specialty == "astrology":
        raise ValueError("no such specialty: astrology")
    return [Slot(slot_id=SLOT_ID, start=START_AT)][:limit]


SLOTS_TOOL = StructuredTool.from_function(
    coroutine=find_slots, name="find_slots", description="Free slots.", args_schema=SlotArgs
)


def fake_model() -> GenericFakeChatModel:
    usage = {"input_tokens": 11, "output_tokens": 4, "total_tokens": 15}
    return GenericFakeChatModel(messages=iter([AIMessage(content="Tuesday at 10:30?", usage_metadata=usage)]))


def build(
    model: GenericFakeChatModel, specialty: str = "dermatology"
) -> CompiledStateGraph[Any, Any, Any, Any]:
    async def understand(state: State) -> dict[str, Any]:
        return {"intent": "book"}

    async def search(state: State, config: RunnableConfig) -> dict[str, Any]:
        found = await SLOTS_TOOL.ainvoke({"specialty": specialty}, config=config)
        return {"slots": [slot.model_dump(mode="json") for slot in found]}

    async def phrase(state: State, config: RunnableConfig) -> dict[str, Any]:
        answer = await model.ainvoke([HumanMessage(content=state["text"])], config=config)
        return {"reply": answer.content}

    def after_search(state: State) -> Literal["phrase"]:
        return "phrase"

    graph = StateGraph(State)
    graph.add_node("understand", understand)
    graph.add_node("search", search)
    graph.add_node("phrase", phrase)
    graph.add_edge(START, "understand")
    graph.add_edge("understand", "search")
    graph.add_conditional_edges("search", after_search)
    graph.add_edge("phrase", END)
    return graph.compile()


def recorder() -> TraceRecorder:
    made = TraceRecorder()
    made.raise_error = True  # a bug in the recorder fails the test instead of being logged
    return made


async def run(
    graph: CompiledStateGraph[Any, Any, Any, Any], text: str = "skin doctor please"
) -> TraceRecorder:
    made = recorder()
    await graph.ainvoke({"text": text}, config={"callbacks": [made]})
    return made


async def test_records_nodes_tools_and_model_calls_in_order() -> None:
    steps = (await run(build(fake_model()))).steps
    assert [(s["kind"], s["name"]) for s in steps] == [
        ("node", "understand"),
        ("node", "search"),
        ("tool", "find_slots"),
        ("node", "phrase"),
        ("model", "GenericFakeChatModel"),
    ]
    assert json.loads(json.dumps(steps, allow_nan=False)) == steps


async def test_nodes_record_their_input_output_and_changed_fields() -> None:
    understand, search, _, phrase, _ = (await run(build(fake_model()))).steps
    assert understand["input"] == {"text": "skin doctor please"}
    assert (understand["output"], understand["changed"]) == ({"intent": "book"}, ["intent"])
    assert search["input"] == {"text": "skin doctor please", "intent": "book"}
    assert search["changed"] == ["slots"]
    assert (phrase["changed"], phrase["output"]) == (["reply"], {"reply": "Tuesday at 10:30?"})
    assert all(s["error"] is None for s in (understand, search, phrase))


async def test_tool_call_has_its_arguments_and_a_json_safe_result() -> None:
    tool = (await run(build(fake_model()))).steps[2]
    assert tool["input"] == {"specialty": "dermatology"}
    assert tool["output"] == [{"slot_id": str(SLOT_ID), "start": "2031-06-03T14:30:00Z"}]
    assert (tool["node"], tool["error"]) == ("search", None)


async def test_model_call_has_prompt_output_and_tokens() -> None:
    model = (await run(build(fake_model()), text="hola")).steps[4]
    assert model["input"] == [{"role": "human", "content": "hola"}]
    assert model["output"] == {"role": "ai", "content": "Tuesday at 10:30?"}
    assert model["tokens"] == {"prompt": 11, "completion": 4}
    assert model["node"] == "phrase"


async def test_steps_are_timed_and_nested_calls_fall_inside_their_node() -> None:
    steps = (await run(build(fake_model()))).steps
    starts = [s["started_ms"] for s in steps]
    assert starts == sorted(starts) and starts[0] >= 0
    assert all(isinstance(s["duration_ms"], float) and s["duration_ms"] >= 0 for s in steps)
    for node, inner in ((steps[1], steps[2]), (steps[3], steps[4])):
        assert node["started_ms"] <= inner["started_ms"]
        end = inner["started_ms"] + inner["duration_ms"]
        assert end <= node["started_ms"] + node["duration_ms"] + 0.01  # rounding to microseconds


async def test_times_are_milliseconds_from_the_recorders_creation() -> None:
    ticks = iter(range(100))
    made = TraceRecorder(clock=lambda: next(ticks) / 1000)  # every reading is one ms later
    made.raise_error = True
    await build(fake_model()).ainvoke({"text": "x"}, config={"callbacks": [made]})
    assert [(s["name"], s["started_ms"], s["duration_ms"]) for s in made.steps] == [
        ("understand", 1.0, 1.0),
        ("search", 3.0, 3.0),
        ("find_slots", 4.0, 1.0),
        ("phrase", 7.0, 3.0),
        ("GenericFakeChatModel", 8.0, 1.0),
    ]


async def test_a_step_that_never_finished_has_no_duration() -> None:
    made = recorder()
    await made.on_tool_start({"name": "book_appointment"}, "{}", run_id=uuid.uuid4(), inputs={"slot": 1})
    [step] = made.steps
    assert (step["name"], step["input"], step["duration_ms"], step["output"]) == (
        "book_appointment",
        {"slot": 1},
        None,
        None,
    )


async def test_a_failing_tool_is_recorded_with_its_error_and_so_is_its_node() -> None:
    made = recorder()
    with pytest.raises(ValueError, match="astrology"):
        await build(fake_model(), specialty="astrology").ainvoke({"text": "x"}, config={"callbacks": [made]})
    steps = made.steps
    assert [(s["kind"], s["name"]) for s in steps] == [
        ("node", "understand"),
        ("node", "search"),
        ("tool", "find_slots"),
    ]
    tool, node = steps[2], steps[1]
    assert tool["input"] == {"specialty": "astrology"}
    assert (tool["output"], tool["error"]) == (None, "ValueError: no such specialty: astrology")
    assert node["error"] == "ValueError: no such specialty: astrology"
    assert node["changed"] == [] and tool["duration_ms"] is not None


async def test_an_interrupt_is_a_wait_not_an_error() -> None:
    async def ask(state: State) -> dict[str, Any]:
        return {"reply": interrupt({"question": "which one?"})}

    graph = StateGraph(State)
    graph.add_node("ask", ask)
    graph.add_edge(START, "ask")
    compiled = graph.compile(checkpointer=InMemorySaver())
    made = recorder()
    config: RunnableConfig = {"callbacks": [made], "configurable": {"thread_id": str(uuid.uuid4())}}
    await compiled.ainvoke({"text": "hi"}, config=config)
    (step,) = made.steps
    assert (step["name"], step["error"]) == ("ask", None)
    assert step["output"] == {"interrupt": [{"question": "which one?"}]}


async def test_recorded_steps_are_stored_as_a_trace(session: AsyncSession) -> None:
    steps = (await run(build(fake_model()))).steps
    phone = f"+1555{random.randint(0, 9_999_999):07d}"
    conversation = await conversations.get_or_create(session, channel=Channel.WHATSAPP, address=phone)
    trace = await traces.record(
        session,
        conversation_id=conversation.id,
        turn=1,
        started_at=START_AT,
        duration_ms=3,
        inbound_ids=[],
        inbound_text="skin doctor please",
        reply="Tuesday at 10:30?",
        outcome="none",
        steps=steps,
    )
    session.expunge_all()
    assert (await traces.get(session, trace_id=trace.id)).steps == steps


class Colour(enum.StrEnum):
    RED = "red"


@dataclass
class Point:
    x: int
    at: datetime


def test_json_safe_bounds_and_converts_values() -> None:
    long = "a" * (MAX_TEXT + 5)
    assert json_safe(long) == "a" * MAX_TEXT + "… [5 more characters]"
    many = json_safe(list(range(MAX_ITEMS + 3)))
    assert many[0] == "[… 3 earlier items]" and many[1:] == list(range(3, MAX_ITEMS + 3))
    assert json_safe({"c": Colour.RED, "p": Point(1, START_AT), "n": float("nan"), "b": b"xyz"}) == {
        "c": "red",
        "p": {"x": 1, "at": "2031-06-03T14:30:00+00:00"},
        "n": "nan",
        "b": "[3 bytes]",
    }
    nested: Any = "bottom"
    for _ in range(40):
        nested = [nested]
    assert "nested too deep" in json.dumps(json_safe(nested))
