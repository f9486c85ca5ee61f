"""Errors in a FHIR request itself, beside the domain's own (store/errors.py).

DomainError
├── BadRequest             a search parameter or operation Parameters this server cannot use → 400
│   └── NotSupported       ...because it asks for a FHIR feature this server does not implement
├── InvalidInput
│   └── UnprocessableResource  a well-formed resource in the request that cannot be acted on  → 422
├── Conflict
│   └── PreconditionFailed     a conditional request whose condition cannot hold (If-None-Exist
│                              matching several resources)                                  → 412
└── UpdateCreateRefused    an update of an id that does not exist (ids are the server's)     → 405

Each names where the problem is (`expression`: a parameter name or a FHIRPath) and carries the
R4 IssueType its OperationOutcome reports.
"""

from __future__ import annotations

from pydantic import ValidationError

from store.errors import Conflict, DomainError, InvalidInput


class BadRequest(DomainError):
    code = "invalid_request"

    def __init__(self, expression: str, message: str, *, issue_code: str = "invalid") -> None:
        super().__init__(f"{expression}: {message}")
        self.expression = expression
        self.issue_code = issue_code


class NotSupported(BadRequest):
    code = "not_supported"

    def __init__(self, expression: str, message: str) -> None:
        super().__init__(expression, message, issue_code="not-supported")


class UnprocessableResource(InvalidInput):
    code = "unprocessable_resource"
    issue_code = "processing"

    def __init__(self, expression: str, message: str) -> None:
        super().__init__(expression, message)
        self.expression = expression


class PreconditionFailed(Conflict):
    code = "precondition_failed"


class UpdateCreateRefused(DomainError):
    """FHIR's answer when a client PUTs an id the server never assigned and it does not let
    clients choose ids: 405, pointing at create instead."""

    code = "update_create_refused"

    def __init__(self, resource_type: str, resource_id: str) -> None:
        super().__init__(
            f"{resource_type}/{resource_id} does not exist and this server assigns ids: "
            f"create it with POST {resource_type}"
        )


def invalid_structure(error: ValidationError, root: str) -> BadRequest:
    """A 400 saying where a resource failed R4 validation (`<root>.<path>`: what), up to three
    problems, never echoing the values (they may be PHI)."""
    problems = error.errors()
    first = ".".join(str(part) for part in problems[0]["loc"])
    messages = "; ".join(
        f"{'.'.join(str(part) for part in p['loc'])}: {p['msg'].splitlines()[0]}" for p in problems[:3]
    )
    return BadRequest(f"{root}.{first}", messages)
