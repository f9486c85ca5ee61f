"""What the runner drives, as Protocols: a patient's line into the agent, and a scenario's sandbox.

evals/ may not import api/ (the composition root), so the concrete line (the production path:
inbound message → inbox → queue → graph → reply) and the isolated sandbox (its own database,
Redis namespace and frozen clock) are built by api/evals.py and handed in as a `SandboxFactory`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from evals.dataset import Scenario


@dataclass(frozen=True)
class CallResult:
    """A voice hand-off: the webhook's JSON answer and the WhatsApp follow-ups the patient received."""

    response: dict[str, Any]  # {"conversation_id": ..., "actions": [...]}
    messages: list[str] = field(default_factory=list)


class PatientLine(Protocol):
    """One patient's phone, talking to the agent."""

    async def send(self, text: str) -> list[str]:
        """One WhatsApp message in; the agent's reply messages for that turn out ([] when silent)."""
        ...

    async def call(self, payload: dict[str, Any]) -> CallResult:
        """A finished call posted to the voice webhook (`payload` includes its `call_id`)."""
        ...


class Sandbox(Protocol):
    """One scenario's isolated clinic: seeded around the scenario's `now`, dropped afterwards."""

    @property
    def sessions(self) -> async_sessionmaker[AsyncSession]:
        """The scenario's own database, read by the scorer afterwards."""
        ...

    @property
    def line(self) -> PatientLine: ...

    @property
    def patient_id(self) -> uuid.UUID | None:
        """The scenario patient, when the scenario says `registered`."""
        ...

    @property
    def tz(self) -> ZoneInfo:
        """The clinic's time zone (expected dates and parts of the day are read in it)."""
        ...

    async def awaiting(self) -> str | None:
        """What the agent's latest reply waits for (`identity`, `choice`, …); None: nothing or unknown."""
        ...


SandboxFactory = Callable[[Scenario], AbstractAsyncContextManager[Sandbox]]
