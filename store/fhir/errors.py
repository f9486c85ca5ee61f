"""Errors in a FHIR request itself, beside the domain's own (store/errors.py).

DomainError
├── BadRequest             a search parameter or operation Parameters this server cannot use → 400
│   └── NotSupported       ...because it asks for a FHIR feature this server does not implement
└── InvalidInput
    └── UnprocessableResource  a well-formed resource in the request that cannot be acted on  → 422

Each names where the problem is (`expression`: a parameter name or a FHIRPath) and carries the
R4 IssueType its OperationOutcome reports.
"""

from __future__ import annotations

from store.errors import DomainError, InvalidInput


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
