"""What the FHIR tests check on every answer: the media type, and that the body validates as R4.

Every resource is validated with the R4B models of fhir.resources (the R4-compatible release):
a Bundle as a Bundle and each of its entries' resources as its own type, so a test that reads a
search has also proven every resource in it valid.
"""

from __future__ import annotations

from typing import Any

import httpx
from fhir.resources.R4B import get_fhir_model_class

FHIR_JSON = "application/fhir+json"
BASE = "/fhir/R4"
HEADERS = {"Content-Type": FHIR_JSON, "Accept": FHIR_JSON}


def validate(resource: dict[str, Any]) -> dict[str, Any]:
    """`resource` validated as R4 by its own type; a Bundle's entries each by theirs."""
    get_fhir_model_class(resource["resourceType"]).model_validate(resource)
    for entry in resource.get("entry", []) if resource["resourceType"] == "Bundle" else []:
        validate(entry["resource"])
    return resource


def fhir_json(response: httpx.Response, status: int = 200) -> dict[str, Any]:
    """The body of a FHIR answer with `status`, validated."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(FHIR_JSON)
    body: dict[str, Any] = response.json()
    return validate(body)


def bundle(response: httpx.Response) -> dict[str, Any]:
    body = fhir_json(response)
    assert body["resourceType"] == "Bundle"
    return body


def outcome(response: httpx.Response, status: int) -> dict[str, Any]:
    body = fhir_json(response, status)
    assert body["resourceType"] == "OperationOutcome"
    return body


def matches(found: dict[str, Any]) -> list[dict[str, Any]]:
    return [e["resource"] for e in found.get("entry", []) if e["search"]["mode"] == "match"]


def ids(found: dict[str, Any]) -> set[str]:
    return {r["id"] for r in matches(found)}


def warnings(found: dict[str, Any]) -> list[dict[str, Any]]:
    """The issues of a Bundle's OperationOutcome entry (none when it has none)."""
    outcomes = [e["resource"] for e in found.get("entry", []) if e["search"]["mode"] == "outcome"]
    return [issue for o in outcomes for issue in o["issue"]]


def link(found: dict[str, Any], relation: str) -> str | None:
    return next((x["url"] for x in found["link"] if x["relation"] == relation), None)
