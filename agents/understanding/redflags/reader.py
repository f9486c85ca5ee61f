"""The red-flag reader the agent runs on every turn: the signs, then the nearest examples.

`RedFlagReader()` reads with the signs alone (deterministic, no embedder); the composition root
gives it a `SemanticScreen` on the clinic's embedder so that emergencies said in words no sign
spells out are caught too. It never raises: safety must not fail a turn.
"""

from __future__ import annotations

from dataclasses import replace

from agents.understanding.redflags import screen
from agents.understanding.redflags.semantic import SemanticScreen
from agents.understanding.types import RedFlag, Understanding


class RedFlagReader:
    """`await reader(message)`: the emergency the message tells of, or None."""

    def __init__(self, semantic: SemanticScreen | None = None) -> None:
        self.semantic = semantic

    async def __call__(self, message: str) -> RedFlag | None:
        return screen(message) or await self.beyond_signs(message)

    async def beyond_signs(self, message: str) -> RedFlag | None:
        """The nearest examples alone, for a message the signs have already read (`understand` does):
        the turn's hot path need not read it with them twice."""
        return await self.semantic(message) if self.semantic is not None else None

    async def warm(self) -> None:
        """Prepare the nearest-example bank now (start-up) rather than on the first message."""
        if self.semantic is not None:
            await self.semantic.warm()


def with_red_flag(understanding: Understanding, flag: RedFlag) -> Understanding:
    """`understanding` told of an emergency: an urgent medical ticket goes with it, as `understand` does."""
    fields = replace(
        understanding.fields,
        ticket_category=understanding.fields.ticket_category or "medical_question",
        ticket_priority="urgent",
        question=understanding.fields.question or understanding.text,
    )
    return replace(understanding, red_flag=flag, fields=fields)
