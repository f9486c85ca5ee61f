"""`GET /fhir/R4/metadata`: the CapabilityStatement, read off the operations the app really serves.

The app's own OpenAPI description lists every route it mounts; each FHIR path and method there
says which interaction it is (`GET /Patient/{id}` a read, `POST /Patient` a create,
`POST /Appointment/$find` an operation...); a search route's parameters are the ones declared
for its type in `store/fhir/params.py`, which is also what the route accepts; a create that
takes an `If-None-Exist` header is a conditional create, an update that takes `If-Match` a
versioned one. Add a route and the statement says so; nothing to keep in step.

Served without a token, as FHIR servers do: clients read it before they authenticate.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request

from api.deps import NowDep, RuntimeDep
from api.routes.fhir_http import FHIR_BASE, FhirResponse, FhirRoute, base_url
from store.fhir import params
from store.fhir.capability import ResourceSupport, capability_statement

router = APIRouter(route_class=FhirRoute, default_response_class=FhirResponse)
ID, HISTORY = "{resource_id}", "_history"


def _interaction(method: str, parts: list[str]) -> str | None:
    """The FHIR interaction of `METHOD /<Type>/...` (`parts` after the type), or None."""
    if not parts:
        return {"GET": "search-type", "POST": "create"}.get(method)
    if parts == [ID]:
        return {"GET": "read", "PUT": "update"}.get(method)
    if len(parts) == 3 and parts[:2] == [ID, HISTORY] and method == "GET":
        return "vread"
    return None


@dataclass
class _Found:
    """What the operations on one resource type were seen to do."""

    interactions: set[str] = field(default_factory=set)
    operations: list[str] = field(default_factory=list)
    headers: set[str] = field(default_factory=set)  # `<interaction>:<header, lower case>`

    def support(self, resource_type: str) -> ResourceSupport:
        searchable = "search-type" in self.interactions
        return ResourceSupport(
            type=resource_type,
            interactions=frozenset(self.interactions),
            search_params=params.SEARCH.get(resource_type, ()) if searchable else (),
            operations=tuple(self.operations),
            conditional_create="create:if-none-exist" in self.headers,
            versioned_update="update:if-match" in self.headers,
        )


def supported(paths: Mapping[str, Mapping[str, Any]]) -> list[ResourceSupport]:
    """What the FHIR operations among OpenAPI `paths` support, one entry per resource type, in
    the order of `store/fhir/params.py` (types it does not list after them, by name)."""
    found: dict[str, _Found] = {}
    for path, operations in paths.items():
        if not path.startswith(f"{FHIR_BASE}/"):
            continue
        resource_type, *parts = path.removeprefix(f"{FHIR_BASE}/").split("/")
        if resource_type == "metadata":
            continue
        seen = found.setdefault(resource_type, _Found())
        for method, operation in operations.items():
            headers = {p["name"].lower() for p in operation.get("parameters", []) if p.get("in") == "header"}
            if len(parts) == 1 and parts[0].startswith("$"):
                seen.operations.append(parts[0].removeprefix("$"))
            elif (interaction := _interaction(method.upper(), parts)) is not None:
                seen.interactions.add(interaction)
                seen.headers |= {f"{interaction}:{header}" for header in headers}
    order = list(params.SEARCH)
    ranked = sorted(found, key=lambda name: (order.index(name) if name in order else len(order), name))
    return [found[name].support(name) for name in ranked]


@router.get("/metadata")
async def metadata(
    request: Request,
    runtime: RuntimeDep,
    now: NowDep,
    mode: Annotated[Literal["full", "normative"] | None, Query(description="`full` (the default)")] = None,
) -> FhirResponse:
    """The CapabilityStatement (no token needed)."""
    statement = capability_statement(
        supported(request.app.openapi()["paths"]),
        base_url=base_url(runtime),
        software_version=request.app.version,
        date=now,
    )
    return FhirResponse(statement)
