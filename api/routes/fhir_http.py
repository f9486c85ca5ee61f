"""What the FHIR routes share: the media type, OperationOutcome errors, searches and their paging.

`FhirRoute` is the route class of every FHIR router. Before a handler runs it checks the
formats: a response is JSON (`_format=json`, or an `Accept` naming `application/fhir+json`,
`application/json` or a wildcard; else 406) and a body is JSON (`Content-Type`
`application/fhir+json` or `application/json`; else 415). It answers each expected error with an
OperationOutcome and the status that fits (400 a search parameter or resource this server cannot
read, naming it; 401 no token; 404 unknown id; 405 an update of an id we never assigned; 409 a
conflict such as a slot taken, with the alternatives; 412 a version or condition that does not
hold; 422 a resource it cannot act on), after rolling the request's transaction back.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Awaitable, Callable, Coroutine, Iterable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Depends, Header, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.exceptions import HTTPException

from api.deps import SessionDep
from api.runtime import Runtime
from store import fhir
from store.errors import Conflict, DomainError, InvalidInput, NotFound
from store.fhir import params, search
from store.fhir.resources import Resource
from store.patients import service as patients
from store.scheduling import service as scheduling

FHIR_BASE = "/fhir/R4"
FHIR_JSON = "application/fhir+json"
JSON_TYPES = frozenset({FHIR_JSON, "application/json"})  # the bodies FastAPI reads as JSON
DSTU2_JSON = "application/json+fhir"  # not JSON to FastAPI (no `+json` suffix): a body so typed is a 415
ACCEPTED = JSON_TYPES | {DSTU2_JSON, "*/*", "application/*"}  # what we answer suits a DSTU2 client too
FORMATS = ACCEPTED - {"*/*", "application/*"} | {"json"}
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
    if isinstance(error, patients.VersionMismatch | fhir.PreconditionFailed):
        return outcome_response(412, "conflict", error.message)
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


def allowed_methods(request: Request) -> list[str]:
    """The methods the app serves at this request's path (HEAD wherever GET is), read off its
    OpenAPI description as the CapabilityStatement is: what a 405's `Allow` header must list."""
    path = request.url.path
    methods: set[str] = set()
    for template, operations in request.app.openapi()["paths"].items():
        pattern = "".join(
            "[^/]+" if part.startswith("{") else re.escape(part)
            for part in re.split(r"(\{[^}]+\})", template)
        )
        if re.fullmatch(pattern, path):
            methods |= {m.upper() for m in operations}
    return sorted(methods | ({"HEAD"} if "GET" in methods else set()))


def method_not_allowed(request: Request, diagnostics: str) -> FhirResponse:
    """A 405 OperationOutcome with the `Allow` header RFC 9110 requires of every 405 (the methods
    served at the path, this one left out: it was refused; possibly none)."""
    response = outcome_response(405, "not-supported", diagnostics)
    response.headers["Allow"] = ", ".join(m for m in allowed_methods(request) if m != request.method)
    return response


def _error_response(request: Request, error: Exception) -> FhirResponse:
    if isinstance(error, fhir.UpdateCreateRefused):
        return method_not_allowed(request, error.message)
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


def _media_types(header: str) -> list[str]:
    """The media types of an Accept or Content-Type header, parameters (`;q=`, `;charset=`) dropped."""
    return [part.split(";")[0].strip().lower() for part in header.split(",") if part.strip()]


def format_refusal(request: Request) -> FhirResponse | None:
    """406 when the client wants a format other than JSON, 415 when it sent a body that is not."""
    formats = request.query_params.getlist("_format")
    if any(f.strip().lower() not in FORMATS for f in formats):
        return outcome_response(406, "not-supported", "_format: only JSON is served", expression=["_format"])
    accept = request.headers.get("accept", "")
    if not formats and accept.strip() and not ACCEPTED & set(_media_types(accept)):
        return outcome_response(406, "not-supported", f"Accept: only {FHIR_JSON} (JSON) is served")
    content_type = request.headers.get("content-type")
    if request.method in ("POST", "PUT") and content_type is not None:
        sent = _media_types(content_type)
        if not sent or sent[0] not in JSON_TYPES:
            return outcome_response(415, "not-supported", f"Content-Type: send {FHIR_JSON}")
    return None


class FhirRoute(APIRoute):
    """Checks formats first, then turns every expected error into an OperationOutcome, after
    rolling the transaction back.

    FastAPI's handlers for the app answer in the staff API's JSON shape; FHIR clients need
    OperationOutcomes, and a router cannot register handlers of its own, so its routes do it.
    """

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def handle(request: Request) -> Response:
            refusal = format_refusal(request)
            if refusal is not None:
                return refusal
            try:
                return await handler(request)
            except (DomainError, HTTPException, RequestValidationError) as error:
                session: AsyncSession | None = getattr(request.state, "fhir_session", None)
                if session is not None:
                    await session.rollback()
                return _error_response(request, error)

        return handle


async def _fhir_session(request: Request, session: SessionDep) -> AsyncSession:
    """The request's session, made known to `FhirRoute` so that an error can roll it back."""
    request.state.fhir_session = session
    return session


FhirSession = Annotated[AsyncSession, Depends(_fhir_session)]


def record_id(resource_type: str, resource_id: str) -> uuid.UUID:
    """The record a FHIR id names: ours are UUIDs, so anything else names nothing here (404, not 400)."""
    try:
        return uuid.UUID(resource_id)
    except ValueError:
        raise NotFound(resource_type, resource_id) from None


def base_url(runtime: Runtime) -> str:
    return f"{runtime.settings.public_url.rstrip('/')}{FHIR_BASE}"


def page_url(
    request: Request, runtime: Runtime, offset: int | None = None, used: search.Query | None = None
) -> str:
    """This request's URL on the public base; with `used`, only those parameters (what a search
    really applied); with `offset`, the same search at that offset."""
    items = request.query_params.multi_items()
    if used is not None:
        items = [(name, value) for name, values in used.items() for value in values]
    if offset is not None:
        items = [(k, v) for k, v in items if k != "_offset"] + ([("_offset", str(offset))] if offset else [])
    query = f"?{urlencode(items)}" if items else ""
    return f"{runtime.settings.public_url.rstrip('/')}{request.url.path}{query}"


@dataclass(frozen=True)
class Search:
    """A search request, parsed: its parameters, those a lenient search ignored, its page, and
    notes on result parameters it does not apply (`_elements`)."""

    query: search.Query
    ignored: tuple[str, ...]
    count: int
    offset: int
    with_total: bool
    notes: tuple[str, ...] = ()


PreferHeader = Annotated[
    str | None,
    Header(
        alias="Prefer",
        max_length=200,
        description="`handling=lenient` ignores unknown search parameters (default: strict, a 400)",
    ),
]


def searching(resource_type: str) -> Callable[[Request, str | None], Awaitable[Search]]:
    """A dependency parsing a search of `resource_type` with the parameters declared for it in
    `store/fhir/params.py` (which the CapabilityStatement lists too); `async` so that FastAPI runs
    it on the event loop, not in its thread pool (see api/deps.py)."""
    allowed = params.names(resource_type)

    async def parse(request: Request, prefer: PreferHeader = None) -> Search:
        parsed = search.parse(request.query_params.multi_items(), allowed, lenient=search.lenient(prefer))
        count, offset = search.paging(parsed.query)
        notes = tuple(search.result_notes(parsed.query))
        return Search(parsed.query, parsed.ignored, count, offset, search.total_wanted(parsed.query), notes)

    return parse


def searchset(
    request: Request,
    runtime: Runtime,
    found: Search,
    resources: list[Resource],
    *,
    total: int,
    warnings: Sequence[Resource] = (),
) -> FhirResponse:
    """One page of a search as a Bundle, linked to the next and previous pages when there are any
    (no `next` past `MAX_OFFSET`, which `paging` refuses: a warning says to narrow the search); its
    links carry only the parameters the search applied, and `warnings` (issues) plus a note of
    any parameters it ignored go in an OperationOutcome entry."""
    count, offset = found.count, found.offset
    more = count > 0 and offset + count < total
    issues = list(warnings) + [fhir.issue("warning", "not-supported", note) for note in found.notes]
    if more and offset + count > search.MAX_OFFSET:  # a `next` link would only be refused
        more = False
        issues.append(
            fhir.issue(
                "warning",
                "too-costly",
                f"{total - offset - count} more matches lie past _offset {search.MAX_OFFSET}, "
                "deeper than this server pages; narrow the search to see them",
            )
        )
    if found.ignored:
        ignored = ", ".join(found.ignored)
        issues.append(fhir.issue("warning", "not-supported", f"ignored unknown search parameters: {ignored}"))
    body = fhir.bundle(
        resources,
        total=total if found.with_total else None,
        self_url=page_url(request, runtime, used=found.query),
        base_url=base_url(runtime),
        next_url=page_url(request, runtime, offset + count, found.query) if more else None,
        previous_url=page_url(request, runtime, max(offset - count, 0), found.query) if offset > 0 else None,
        outcome=fhir.outcome_of(issues),
    )
    return FhirResponse(body)


def not_offered(tokens: Iterable[str]) -> Resource:
    """A warning issue: a search's specialty names nothing the clinic offers (so nothing matched)."""
    listed = ", ".join(repr(t) for t in tokens)
    return fhir.issue("warning", "not-found", f"specialty {listed} is not offered", expression=["specialty"])
