"""The CapabilityStatement: what this FHIR server supports, as the R4 resource (pure, no I/O).

Built from a list of `ResourceSupport`, which the API derives from its own routes and the
search parameters they accept (`api/routes/fhir_metadata.py`), so the statement cannot claim
anything the server does not do, nor leave out anything it does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from store.fhir.params import OPERATIONS, SearchParam
from store.fhir.resources import Resource, instant

FHIR_VERSION = "4.0.1"
INTERACTIONS = (
    "read",
    "vread",
    "update",
    "patch",
    "delete",
    "history-instance",
    "history-type",
    "create",
    "search-type",
)
SECURITY = (
    "Every interaction but this statement needs `Authorization: Bearer <token>` "
    "(`prm token create --role staff`); reads and writes of patient data are audited."
)


@dataclass(frozen=True)
class ResourceSupport:
    """What the server does with one resource type."""

    type: str
    interactions: frozenset[str]
    search_params: tuple[SearchParam, ...] = ()
    operations: tuple[str, ...] = ()  # `find` for `$find`
    conditional_create: bool = False  # create honours If-None-Exist
    versioned_update: bool = False  # update honours If-Match


def _resource(support: ResourceSupport) -> Resource:
    entry: Resource = {
        "type": support.type,
        "profile": f"http://hl7.org/fhir/StructureDefinition/{support.type}",
        "interaction": [{"code": code} for code in INTERACTIONS if code in support.interactions],
        "versioning": "versioned-update" if support.versioned_update else "no-version",
        "readHistory": False,
        "updateCreate": False,
        "conditionalCreate": support.conditional_create,
        "conditionalRead": "not-supported",
        "conditionalUpdate": False,
        "conditionalDelete": "not-supported",
    }
    search_params = []
    for param in support.search_params:
        declared: Resource = {"name": param.name, "type": param.type, "documentation": param.documentation}
        if param.definition is not None:
            declared["definition"] = param.definition
        search_params.append(declared)
    if search_params:
        entry["searchParam"] = search_params
    if support.operations:
        entry["operation"] = [{"name": name, "definition": OPERATIONS[name]} for name in support.operations]
    return entry


def capability_statement(
    resources: Sequence[ResourceSupport], *, base_url: str, software_version: str, date: datetime
) -> Resource:
    """The statement of a server at `base_url` (`kind: instance`: this deployment, as it runs)."""
    return {
        "resourceType": "CapabilityStatement",
        "status": "active",
        "date": instant(date),
        "publisher": "PRM Agent",
        "kind": "instance",
        "software": {"name": "PRM Agent", "version": software_version},
        "implementation": {"description": "PRM Agent clinic FHIR R4 endpoint", "url": base_url},
        "fhirVersion": FHIR_VERSION,
        "format": ["application/fhir+json", "json"],
        "rest": [
            {
                "mode": "server",
                "documentation": (
                    "Searches are strict (an unknown parameter is a 400) unless the request says "
                    "`Prefer: handling=lenient`; `_count` (at most 100), `_offset` and `_total` page them."
                ),
                "security": {"cors": False, "description": SECURITY},
                "resource": [_resource(r) for r in resources],
            }
        ],
    }
