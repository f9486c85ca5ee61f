"""Validating a resource a client sent, before anything reads it (pure, no I/O).

The R4B models recurse once per level of nesting, so a body nested a few hundred levels deep
(extensions inside extensions) would exhaust Python's stack inside them; Postgres text cannot
hold a NUL character. Both are refused here, with a 400 naming the resource, by one iterative
walk, before the model sees the body.
"""

from __future__ import annotations

from typing import Any

from fhir.resources.R4B.fhirresourcemodel import FHIRResourceModel
from pydantic import ValidationError

from store.fhir.errors import BadRequest, invalid_structure

MAX_DEPTH = 64  # far deeper than any resource this server reads legitimately nests


def _check_walk(body: object, root: str) -> None:
    pending: list[tuple[object, int]] = [(body, 0)]
    while pending:
        value, depth = pending.pop()
        if depth > MAX_DEPTH:
            raise BadRequest(root, f"is nested more than {MAX_DEPTH} levels deep")
        if isinstance(value, dict):
            pending.extend((item, depth + 1) for item in value.values())
            pending.extend((key, depth + 1) for key in value)
        elif isinstance(value, list):
            pending.extend((item, depth + 1) for item in value)
        elif isinstance(value, str) and "\x00" in value:
            raise BadRequest(root, "contains a NUL character")


def validate(model: type[FHIRResourceModel], body: object, root: str) -> dict[str, Any]:
    """`body` as a valid `model` (an R4B resource class) would have it, or a 400 saying where not."""
    if not isinstance(body, dict) or body.get("resourceType") != root:
        raise BadRequest("resourceType", f"the body must be a FHIR {root} resource")
    _check_walk(body, root)
    try:
        model.model_validate(body)
    except ValidationError as error:
        raise invalid_structure(error, root) from None
    return body
