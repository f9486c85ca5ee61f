"""What the FHIR routes share: the media type, OperationOutcome errors, paging links.

`FhirRoute` is the route class of every FHIR router: it answers each expected error with an
OperationOutcome and the status that fits (400 a search parameter or Parameters this server
cannot use, naming it; 401 no token; 404 unknown id; 409 a conflict such as a slot taken, with
the alternatives; 422 a resource it cannot act on), after rolling the request's transaction back.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Coroutine, Iterable
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Depends, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.exceptions import HTTPException

from api.deps import SessionDep
from api.runtime import Runtime
from store import fhir
from store.errors import Conflict, DomainError, InvalidInput, NotFound
from store.fhir.resources import Resource
from store.scheduling import service as scheduling

FHIR_BASE = "/fhir/R4"
FHIR_JSON = "application/fhir+json"
_HTTP_ISSUES = {401: "login", 403: "forbidden", 404: "not-found"}


class FhirResponse(JSONResponse):
    media_type = FHIR_JSON


def outcome_response(
    status: int, code: str, diagnostics: str, *, expression: Iterable[str] = (), more: Iterable[Resource] = ()
) -> FhirResponse:
    body = fhir.operation_outcome("error", code, diagnostics, expression=tuple(expression), more=more)
    return FhirResponse(body, status_code=status)


def _domain_error(error: DomainError) -> FhirResponse:
    if isinstance(error, fhir.BadRequest):
        return outcome_response(400, error.issue_code, error.message, expression=[error.expression])
    if isinstance(error, fhir.UnprocessableResource):
        return outcome_response(422, error.issue_code, error.message, expression=[error.expression])
    if isinstance(error, InvalidInput):
        return outcome_response(422, "invalid", error.message, expression=[error.field])
    if isinstance(error, NotFound):
        return outcome_response(404, "not-found", error.message)
    if isinstance(error, scheduling.SlotUnavailable):
        return outcome_response(409, "conflict", error.message, more=alternatives(error))
    if isinstance(error, Conflict):
        return outcome_response(409, "conflict", error.message)
    return outcome_response(400, "processing", error.message)


def alternatives(error: scheduling.SlotUnavailable) -> list[Resource]:
    """One informational issue per nearby free slot, naming the proposed appointment to $hold."""
    return [
        fhir.issue(
            "information",
            "informational",
            f"alternative: Appointment/{fhir.proposed_id(uuid.UUID(s['id']))} (Slot/{s['id']}) "
            f"from {s['start']} to {s['end']} with {s['practitioner']} ({s['specialty']})",
        )
        for s in error.to_json()["alternatives"]
    ]


def _error_response(error: Exception) -> FhirResponse:
    if isinstance(error, DomainError):
        return _domain_error(error)
    if isinstance(error, RequestValidationError):
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors()[:3])
        return outcome_response(400, "structure", problems)
    assert isinstance(error, HTTPException)
    response = outcome_response(
        error.status_code, _HTTP_ISSUES.get(error.status_code, "processing"), str(error.detail)
    )
    response.headers.update(error.headers or {})
    return response


class FhirRoute(APIRoute):
    """Turns every expected error into an OperationOutcome, after rolling the transaction back.

    FastAPI's handlers for the app answer in the staff API's JSON shape; FHIR clients need
    OperationOutcomes, and a router cannot register handlers of its own, so its routes do it.
    """

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def handle(request: Request) -> Response:
            try:
                return await handler(request)
            except (DomainError, HTTPException, RequestValidationError) as error:
                session: AsyncSession | None = getattr(request.state, "fhir_session", None)
                if session is not None:
                    await session.rollback()
                return _error_response(error)

        return handle


async def _fhir_session(request: Request, session: SessionDep) -> AsyncSession:
    """The request's session, made known to `FhirRoute` so that an error can roll it back."""
    request.state.fhir_session = session
    return session


FhirSession = Annotated[AsyncSession, Depends(_fhir_session)]


def base_url(runtime: Runtime) -> str:
    return f"{runtime.settings.public_url.rstrip('/')}{FHIR_BASE}"


def page_url(request: Request, runtime: Runtime, offset: int | None = None) -> str:
    """This request's URL on the public base; with `offset`, the same search at that offset."""
    params = request.query_params.multi_items()
    if offset is not None:
        params = [(k, v) for k, v in params if k != "_offset"] + (
            [("_offset", str(offset))] if offset else []
        )
    query = f"?{urlencode(params)}" if params else ""
    return f"{runtime.settings.public_url.rstrip('/')}{request.url.path}{query}"


def searchset(
    request: Request,
    runtime: Runtime,
    resources: list[Resource],
    *,
    total: int,
    paging: tuple[int, int],
    outcome: Resource | None = None,
) -> FhirResponse:
    """One page of a search as a Bundle, linked to the next and previous pages when there are any."""
    count, offset = paging
    more = count > 0 and offset + count < total
    body = fhir.bundle(
        resources,
        total=total,
        self_url=page_url(request, runtime),
        base_url=base_url(runtime),
        next_url=page_url(request, runtime, offset + count) if more else None,
        previous_url=page_url(request, runtime, max(offset - count, 0)) if offset > 0 else None,
        outcome=outcome,
    )
    return FhirResponse(body)


def not_offered(tokens: Iterable[str]) -> Resource:
    """A warning that a search's specialty names nothing the clinic offers (so nothing matched)."""
    listed = ", ".join(repr(t) for t in tokens)
    return fhir.operation_outcome(
        "warning", "not-found", f"specialty {listed} is not offered", expression=["specialty"]
    )
