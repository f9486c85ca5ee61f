"""Record what one graph invocation did, from LangChain's callbacks, as a trace's `steps`.

Nodes do not log themselves: LangGraph runs every node as a child run of the graph's run, and
`StructuredTool.ainvoke(..., config=config)` and chat models report to the callbacks in that
config. So one `TraceRecorder` passed as `config={"callbacks": [recorder]}` sees every node, tool
call and model call of the turn, however the nodes are written.

Telling node runs apart (langgraph 1.2): each task is started with `run_name=<node>`, metadata
`langgraph_node=<node>`, and callbacks from `manager.get_child(f"graph:step:{n}")`, whose tag is
not inherited. Nested runnables inside a node (routing functions, sequences) inherit the metadata
but neither the tag nor, usually, the name; the graph's own run has neither. So a node run is a
chain run tagged `graph:step:*` whose name is its `langgraph_node`.

`interrupt()` surfaces as a `GraphInterrupt` error on the node's run: that is the node waiting for
the patient, recorded as an output `{"interrupt": [values]}`, not as an error.

Values are made JSON-safe and bounded (long strings cut, long lists keep their newest items) so a
trace stays small however long the conversation; a trace holds PHI and is stored, never logged.
"""

from __future__ import annotations

import dataclasses
import enum
import math
import time
import uuid
from collections.abc import Callable, Mapping
from datetime import date, datetime
from datetime import time as clock_time
from decimal import Decimal
from typing import Any

from langchain_core.callbacks import AsyncCallbackHandler
from langchain_core.messages import AIMessage, BaseMessage, ToolMessage
from langchain_core.outputs import ChatGeneration, LLMResult
from langgraph.errors import GraphInterrupt
from langgraph.types import Command
from pydantic import BaseModel

MAX_TEXT = 2000
MAX_ITEMS = 30
MAX_DEPTH = 12
NODE_TAG = "graph:step:"


def _text(value: str) -> str:
    if len(value) <= MAX_TEXT:
        return value
    return f"{value[:MAX_TEXT]}… [{len(value) - MAX_TEXT} more characters]"


def _message(message: BaseMessage, depth: int) -> dict[str, Any]:
    """A chat message as a reader wants it: who said what, and any tool calls."""
    shown: dict[str, Any] = {"role": message.type, "content": json_safe(message.content, depth + 1)}
    if isinstance(message, AIMessage) and message.tool_calls:
        calls = [{"name": c["name"], "args": c["args"], "id": c.get("id")} for c in message.tool_calls]
        shown["tool_calls"] = json_safe(calls, depth + 1)
    if isinstance(message, ToolMessage):
        shown["tool_call_id"] = message.tool_call_id
    return shown


def _sequence(items: list[Any], depth: int) -> list[Any]:
    """At most MAX_ITEMS, the newest: state lists (messages above all) grow at the end."""
    dropped = len(items) - MAX_ITEMS
    kept = [json_safe(item, depth + 1) for item in items[-MAX_ITEMS:]]
    return [f"[… {dropped} earlier items]", *kept] if dropped > 0 else kept


def json_safe(value: Any, depth: int = 0) -> Any:
    """`value` as plain, bounded JSON: pydantic models dumped, times in ISO 8601, text cut."""
    if depth > MAX_DEPTH:
        return "[… nested too deep]"
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, enum.Enum):
        return json_safe(value.value, depth)
    if isinstance(value, datetime | date | clock_time):
        return value.isoformat()
    if isinstance(value, uuid.UUID | Decimal):
        return str(value)
    if isinstance(value, BaseMessage):
        return _message(value, depth)
    if isinstance(value, BaseModel):
        return json_safe(value.model_dump(mode="json"), depth)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
        return json_safe(fields, depth)
    if isinstance(value, Mapping):
        return {str(key): json_safe(item, depth + 1) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return _sequence(list(value), depth)
    if isinstance(value, bytes | bytearray):
        return f"[{len(value)} bytes]"
    return _text(repr(value))


def _changed(output: Any) -> list[str]:
    """The state fields a node's return value writes (a dict, or a Command's update)."""
    update = output.update if isinstance(output, Command) else output
    if isinstance(update, Mapping):
        return [str(key) for key in update]
    if isinstance(update, list | tuple):  # Command(update=[("field", value), ...])
        return [str(pair[0]) for pair in update if isinstance(pair, tuple) and pair]
    return []


def _error(error: BaseException) -> str:
    return _text(f"{type(error).__name__}: {error}")


def _tokens(response: LLMResult) -> dict[str, int | None]:
    """Token counts from the message's usage metadata, else the provider's `token_usage`."""
    for generations in response.generations:
        for generation in generations:
            if isinstance(generation, ChatGeneration) and isinstance(generation.message, AIMessage):
                metadata = generation.message.usage_metadata
                if metadata:
                    return {"prompt": metadata["input_tokens"], "completion": metadata["output_tokens"]}
    usage: dict[str, int] = (response.llm_output or {}).get("token_usage") or {}
    return {"prompt": usage.get("prompt_tokens"), "completion": usage.get("completion_tokens")}


def _model_output(response: LLMResult) -> Any:
    outputs = [
        _message(g.message, 0) if isinstance(g, ChatGeneration) else _text(g.text)
        for generations in response.generations
        for g in generations
    ]
    return outputs[0] if len(outputs) == 1 else json_safe(outputs)


class TraceRecorder(AsyncCallbackHandler):
    """Collects one invocation's node, tool and model steps, in the order they started.

    Create one per turn, just before invoking the graph: `started_ms` counts from its creation.
    A step that never finished (the turn crashed or was cancelled mid-step) keeps
    `duration_ms: None`. A failure inside the recorder is logged by LangChain and never breaks
    the patient's turn (`raise_error` stays False).
    """

    def __init__(self, *, clock: Callable[[], float] = time.perf_counter) -> None:
        self._clock = clock
        self._origin = clock()
        self._steps: list[dict[str, Any]] = []
        self._open: dict[uuid.UUID, tuple[dict[str, Any], float]] = {}

    @property
    def steps(self) -> list[dict[str, Any]]:
        """The steps so far, each a fresh dict (JSON-safe, ready for `store.traces.service.record`)."""
        return [dict(step) for step in self._steps]

    def _start(self, run_id: uuid.UUID, kind: str, name: str, step_input: Any, **extra: Any) -> None:
        now = self._clock()
        step: dict[str, Any] = {
            "kind": kind,
            "name": name,
            "started_ms": round((now - self._origin) * 1000, 3),
            "duration_ms": None,
            "input": json_safe(step_input),
            "output": None,
            "error": None,
            **extra,
        }
        self._steps.append(step)
        self._open[run_id] = (step, now)

    def _finish(self, run_id: uuid.UUID, **fields: Any) -> None:
        """Close the step of `run_id`; runs this recorder did not open are ignored."""
        opened = self._open.pop(run_id, None)
        if opened is not None:
            step, started = opened
            step["duration_ms"] = round((self._clock() - started) * 1000, 3)
            step.update(fields)

    async def on_chain_start(
        self,
        serialized: dict[str, Any],
        inputs: dict[str, Any],
        *,
        run_id: uuid.UUID,
        parent_run_id: uuid.UUID | None = None,
        tags: list[str] | None = None,
        metadata: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        name = kwargs.get("name") or (serialized or {}).get("name")
        is_node_run = any(tag.startswith(NODE_TAG) for tag in tags or ())
        if is_node_run and name and (metadata or {}).get("langgraph_node") == name:
            self._start(run_id, "node", name, inputs, changed=[])

    async def on_chain_end(
        self,
        outputs: dict[str, Any],
        *,
        run_id: uuid.UUID,
        parent_run_id: uuid.UUID | None = None,
        tags: list[str] | None = None,
        **kwargs: Any,
    ) -> None:
        if run_id in self._open:  # skip the graph's own run and chains nested in a node
            self._finish(run_id, output=json_safe(outputs), changed=_changed(outputs))

    async def on_chain_error(
        self,
        error: BaseException,
        *,
        run_id: uuid.UUID,
        parent_run_id: uuid.UUID | None = None,
        tags: list[str] | None = None,
        **kwargs: Any,
    ) -> None:
        if run_id not in self._open:
            return
        if isinstance(error, GraphInterrupt):
            waiting = [getattr(i, "value", i) for i in (error.args[0] if error.args else ())]
            self._finish(run_id, output={"interrupt": json_safe(waiting)})
        else:
            self._finish(run_id, error=_error(error))

    async def on_tool_start(
        self,
        serialized: dict[str, Any],
        input_str: str,
        *,
        run_id: uuid.UUID,
        parent_run_id: uuid.UUID | None = None,
        tags: list[str] | None = None,
        metadata: dict[str, Any] | None = None,
        inputs: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        name = kwargs.get("name") or (serialized or {}).get("name") or "tool"
        node = (metadata or {}).get("langgraph_node")
        self._start(run_id, "tool", name, input_str if inputs is None else inputs, node=node)

    async def on_tool_end(
        self,
        output: Any,
        *,
        run_id: uuid.UUID,
        parent_run_id: uuid.UUID | None = None,
        tags: list[str] | None = None,
        **kwargs: Any,
    ) -> None:
        self._finish(run_id, output=json_safe(output))

    async def on_tool_error(
        self,
        error: BaseException,
        *,
        run_id: uuid.UUID,
        parent_run_id: uuid.UUID | None = None,
        tags: list[str] | None = None,
        **kwargs: Any,
    ) -> None:
        self._finish(run_id, error=_error(error))

    async def on_chat_model_start(
        self,
        serialized: dict[str, Any],
        messages: list[list[BaseMessage]],
        *,
        run_id: uuid.UUID,
        parent_run_id: uuid.UUID | None = None,
        tags: list[str] | None = None,
        metadata: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        meta = metadata or {}
        name = meta.get("ls_model_name") or kwargs.get("name") or (serialized or {}).get("name") or "model"
        prompt = [message for batch in messages for message in batch]
        empty = {"prompt": None, "completion": None}
        self._start(run_id, "model", name, prompt, node=meta.get("langgraph_node"), tokens=empty)

    async def on_llm_end(
        self,
        response: LLMResult,
        *,
        run_id: uuid.UUID,
        parent_run_id: uuid.UUID | None = None,
        tags: list[str] | None = None,
        **kwargs: Any,
    ) -> None:
        if run_id in self._open:  # not a completion model's run: only chat models are opened
            self._finish(run_id, output=_model_output(response), tokens=_tokens(response))

    async def on_llm_error(
        self,
        error: BaseException,
        *,
        run_id: uuid.UUID,
        parent_run_id: uuid.UUID | None = None,
        tags: list[str] | None = None,
        **kwargs: Any,
    ) -> None:
        self._finish(run_id, error=_error(error))
