"""One try's conversation as played: what the patient sent, what came back, and how long it took."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal


@dataclass(frozen=True)
class Exchange:
    """One turn: a WhatsApp message (or a voice call) in, the agent's reply messages out."""

    kind: Literal["message", "call"]
    sent: str  # the message, or the call's transcript
    replies: list[str]
    latency_ms: float
    actions: list[str] | None = None  # a call's webhook answer
    data: dict[str, Any] | None = None  # a call's extracted_data
    error: str | None = None  # the line raised (the try stops there)

    def to_json(self) -> dict[str, Any]:
        return {key: value for key, value in asdict(self).items() if value is not None}


@dataclass
class Transcript:
    exchanges: list[Exchange] = field(default_factory=list)
    stopped: Literal["script", "met", "simulator", "max_turns", "error"] = "script"
    failure: str | None = None  # the simulator or the sandbox failed between turns

    @property
    def replies(self) -> list[str]:
        return [reply for exchange in self.exchanges for reply in exchange.replies]

    @property
    def turns(self) -> int:
        return len(self.exchanges)

    @property
    def errors(self) -> list[str]:
        found = [e.error for e in self.exchanges if e.error]
        return [*found, self.failure] if self.failure else found

    def to_json(self) -> list[dict[str, Any]]:
        return [exchange.to_json() for exchange in self.exchanges]
