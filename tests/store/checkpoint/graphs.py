"""Small real LangGraph graphs for the checkpointer tests (importable by a child process too)."""

from __future__ import annotations

import operator
from typing import Annotated, Any, TypedDict

from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.graph import END, START, StateGraph
from langgraph.graph.state import CompiledStateGraph
from langgraph.types import interrupt


class Intake(TypedDict, total=False):
    messages: Annotated[list[str], operator.add]
    birth_date: str


def greet(state: Intake) -> Intake:
    return {"messages": ["agent: what is your date of birth?"]}


def ask_birth_date(state: Intake) -> Intake:
    answer = interrupt("date of birth?")
    return {"birth_date": answer, "messages": [f"patient: {answer}"]}


def confirm(state: Intake) -> Intake:
    return {"messages": [f"agent: thanks, noted {state['birth_date']}"]}


def intake_graph(checkpointer: BaseCheckpointSaver[Any]) -> CompiledStateGraph[Any, Any, Any, Any]:
    """greet -> ask (interrupts for the date of birth) -> confirm."""
    builder = StateGraph(Intake)
    builder.add_node("greet", greet)
    builder.add_node("ask", ask_birth_date)
    builder.add_node("confirm", confirm)
    builder.add_edge(START, "greet")
    builder.add_edge("greet", "ask")
    builder.add_edge("ask", "confirm")
    builder.add_edge("confirm", END)
    return builder.compile(checkpointer=checkpointer)


def echo_graph(checkpointer: BaseCheckpointSaver[Any]) -> CompiledStateGraph[Any, Any, Any, Any]:
    """One node that answers each message: a conversation turn."""

    def respond(state: Intake) -> Intake:
        return {"messages": [f"agent: got {state['messages'][-1]}"]}

    builder = StateGraph(Intake)
    builder.add_node("respond", respond)
    builder.add_edge(START, "respond")
    builder.add_edge("respond", END)
    return builder.compile(checkpointer=checkpointer)


def nested_graph(checkpointer: BaseCheckpointSaver[Any]) -> CompiledStateGraph[Any, Any, Any, Any]:
    """A parent whose `collect` node is a subgraph that interrupts (so it checkpoints in its own
    namespace), followed by `finish` in the parent."""
    child = StateGraph(Intake)
    child.add_node("ask", ask_birth_date)
    child.add_edge(START, "ask")
    child.add_edge("ask", END)

    def finish(state: Intake) -> Intake:
        return {"messages": [f"agent: done for {state['birth_date']}"]}

    parent = StateGraph(Intake)
    parent.add_node("collect", child.compile())
    parent.add_node("finish", finish)
    parent.add_edge(START, "collect")
    parent.add_edge("collect", "finish")
    parent.add_edge("finish", END)
    return parent.compile(checkpointer=checkpointer)
