"""The router's step names and the graph's nodes are one set: a step the planner can choose always
has a node, and every step node can be chosen (a typo would otherwise fail only at run time)."""

from __future__ import annotations

from typing import get_args

from graphs.conversation.graph import STEP_NODES, build_graph
from graphs.conversation.state import Step


def test_every_step_is_a_node_and_every_step_node_a_step() -> None:
    steps = set(get_args(Step))
    assert steps == {*STEP_NODES, "respond"}
    nodes = set(build_graph().get_graph().nodes)
    assert steps <= nodes
