"""The journeys domain's service: one import for every caller (tools, API, scheduling hooks, worker).

`from store.journeys import service as journeys`. The work is done in small modules —
`definitions` (pathways and their stages), `instances` (start, advance, cancel, handle_event),
`reads` (get, get_instances, history), `actions` (timed actions due now, claimed once) — and
re-exported here deliberately.
"""

from __future__ import annotations

from store.journeys.actions import DEFAULT_WINDOW, DueAction, due_actions, mark_done
from store.journeys.definitions import create_definition, get_definition, get_definitions
from store.journeys.instances import WrongEvent, advance, cancel, current_stage, handle_event, start
from store.journeys.intake import pending_question, record_answer
from store.journeys.reads import get, get_instances, history
from store.journeys.schemas import ActionSpec, StageSpec

__all__ = [
    "DEFAULT_WINDOW",
    "ActionSpec",
    "DueAction",
    "StageSpec",
    "WrongEvent",
    "advance",
    "cancel",
    "create_definition",
    "current_stage",
    "due_actions",
    "get",
    "get_definition",
    "get_definitions",
    "get_instances",
    "handle_event",
    "history",
    "mark_done",
    "pending_question",
    "record_answer",
    "start",
]
