"""Domain errors become clear HTTP errors here, at the boundary, and nowhere else.

One error body everywhere (the REST API, webhooks, auth, paging):
`{"error": <code>, "message": <text>}`, plus `"field"` when one field is at fault and `"problems"`
(`[{"field", "message"}]`) when several may be. FHIR answers with OperationOutcome instead, as FHIR
clients expect, and the console with pages.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.exc import DataError, InterfaceError, OperationalError
from starlette.exceptions import HTTPException

from store.errors import Conflict, DomainError, InvalidInput, NotFound

STATUS: list[tuple[type[DomainError], int]] = [(NotFound, 404), (InvalidInput, 422), (Conflict, 409)]


def _body(error: DomainError) -> dict[str, Any]:
    body: dict[str, Any] = {"error": error.code, "message": error.message}
    if isinstance(error, InvalidInput):
        body["field"] = error.field
    extra = getattr(error, "to_json", None)
    if callable(extra):
        body.update(extra())
    return body


async def domain_error(_: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, DomainError)
    status = next((code for kind, code in STATUS if isinstance(error, kind)), 400)
    return JSONResponse(_body(error), status_code=status)


def _field(loc: tuple[int | str, ...]) -> str:
    """`("body", "note", "text")` -> `note.text`: drops the body marker, not a field named "body"."""
    parts = loc[1:] if loc and loc[0] == "body" else loc
    return ".".join(str(p) for p in parts)


async def validation_error(_: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    problems = [{"field": _field(e["loc"]), "message": e["msg"]} for e in error.errors()]
    message = "; ".join(f"{p['field']}: {p['message']}" for p in problems)
    return JSONResponse({"error": "invalid_input", "message": message, "problems": problems}, status_code=422)


class Problem(BaseModel):
    field: str
    message: str


class ErrorBody(BaseModel):
    """Every error of the REST API, whatever refused the request."""

    error: str
    message: str
    field: str | None = None
    problems: list[Problem] | None = None


# The refusals any route may answer with, documented once on the router (OpenAPI `responses`).
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": description}
    for status, description in (
        (400, "the request cannot be carried out as asked (the message says why)"),
        (401, "no bearer token, or a revoked or expired one"),
        (403, "the token's role may not do this"),
        (404, "no such record"),
        (409, "a conflict: the record moved on, the slot was taken, the key was used for another request"),
        (413, "the body is over PRM_MAX_BODY_BYTES"),
        (422, "a field is missing or wrong (`field`, `problems`)"),
        (503, "the database is unavailable; retry later"),
    )
}

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    422: "invalid_input",
    429: "rate_limited",
    503: "unavailable",
}


async def http_error(_: Request, error: Exception) -> JSONResponse:
    """FastAPI's and Starlette's HTTP errors (auth, paging, unknown routes) in the one envelope."""
    assert isinstance(error, HTTPException)
    message = error.detail if isinstance(error.detail, str) else "request refused"
    body = {"error": CODES.get(error.status_code, "error"), "message": message}
    return JSONResponse(body, status_code=error.status_code, headers=error.headers)


async def database_unavailable(_: Request, error: Exception) -> JSONResponse:
    """Postgres down or unreachable: 503 so callers (Twilio among them) retry later."""
    return JSONResponse(
        {"error": "unavailable", "message": "the database is unavailable; retry later"},
        status_code=503,
        headers={"Retry-After": "5"},
    )


async def unstorable_value(_: Request, error: Exception) -> JSONResponse:
    """A value the database refuses (a NUL character in text or JSON, a number out of range): the
    request's fault, so a 422 rather than a 500, and nothing was stored (the transaction rolled back)."""
    return JSONResponse(
        {
            "error": "invalid_input",
            "message": "a value cannot be stored: no NUL characters in text, numbers within range",
        },
        status_code=422,
    )


def install(app: FastAPI) -> None:
    app.add_exception_handler(DomainError, domain_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(OperationalError, database_unavailable)
    app.add_exception_handler(InterfaceError, database_unavailable)
    app.add_exception_handler(DataError, unstorable_value)
