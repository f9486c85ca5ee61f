"""The domain's exception tree; the API translates each to one HTTP status at its boundary.

DomainError
├── NotFound          a record that does not exist (or that the caller may not see)  → 404
├── InvalidInput      a value the domain refuses, naming the field                    → 422
└── Conflict          the request collides with the current state                     → 409
    ├── SlotUnavailable   (store.scheduling.service) carries alternative slots
    └── InvalidTransition a status change the workflow does not allow
"""

from __future__ import annotations


class DomainError(Exception):
    """Base of every error a service raises on purpose."""

    code = "domain_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(DomainError):
    code = "not_found"

    def __init__(self, resource: str, identifier: object) -> None:
        super().__init__(f"{resource} {identifier} not found")
        self.resource = resource
        self.identifier = identifier


class InvalidInput(DomainError):
    code = "invalid_input"

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


class Conflict(DomainError):
    code = "conflict"


class InvalidTransition(Conflict):
    code = "invalid_transition"

    def __init__(self, resource: str, current: str, target: str, allowed: list[str]) -> None:
        allowed_text = ", ".join(allowed) or "none"
        super().__init__(f"{resource} cannot go from {current!r} to {target!r}; allowed: {allowed_text}")
        self.current = current
        self.target = target
        self.allowed = allowed

    def to_json(self) -> dict[str, object]:
        """The error body names where the record is and where it could go instead."""
        return {"current": self.current, "target": self.target, "allowed": self.allowed}


class IdempotencyKeyReused(Conflict):
    """The key was first used for a different request; replaying it would act on the wrong thing."""

    code = "idempotency_key_reused"

    def __init__(self) -> None:
        super().__init__("idempotency key already used for a different request")
