"""The envelopes: search-set Bundles and OperationOutcomes (pure functions, no I/O)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

from store.fhir.resources import Resource

Severity = Literal["fatal", "error", "warning", "information"]


def issue(severity: Severity, code: str, diagnostics: str, *, expression: Sequence[str] = ()) -> Resource:
    """One OperationOutcome issue; `code` is an R4 IssueType (`invalid`, `not-found`, `conflict`...)."""
    entry: Resource = {"severity": severity, "code": code, "diagnostics": diagnostics}
    if expression:
        entry["expression"] = list(expression)
    return entry


def operation_outcome(
    severity: Severity,
    code: str,
    diagnostics: str,
    *,
    expression: Sequence[str] = (),
    more: Iterable[Resource] = (),
) -> Resource:
    """An OperationOutcome whose first issue is the problem; `more` adds issues after it."""
    return {
        "resourceType": "OperationOutcome",
        "issue": [issue(severity, code, diagnostics, expression=expression), *more],
    }


def outcome_of(issues: Sequence[Resource]) -> Resource | None:
    """An OperationOutcome of `issues` (warnings about a request, say), or None when there are none."""
    return {"resourceType": "OperationOutcome", "issue": list(issues)} if issues else None


def bundle(
    resources: Iterable[Resource],
    *,
    total: int | None,
    self_url: str,
    type: str = "searchset",
    base_url: str | None = None,
    next_url: str | None = None,
    previous_url: str | None = None,
    outcome: Resource | None = None,
) -> Resource:
    """A Bundle of `resources` (one page of `total` matches) with its paging links.

    With `base_url`, entries get their `fullUrl` (`<base>/<Type>/<id>`); `outcome`, an
    OperationOutcome with warnings about the request, is appended as an `outcome` entry.
    `total` None leaves it out (a search that asked for `_total=none`).
    """
    links = [("self", self_url), ("next", next_url), ("previous", previous_url)]
    entries: list[Resource] = []
    for resource in resources:
        entry: Resource = {}
        if base_url is not None and "id" in resource:
            entry["fullUrl"] = f"{base_url}/{resource['resourceType']}/{resource['id']}"
        entry["resource"] = resource
        if type == "searchset":
            entry["search"] = {"mode": "match"}
        entries.append(entry)
    if outcome is not None:
        entries.append({"resource": outcome, "search": {"mode": "outcome"}})
    result: Resource = {"resourceType": "Bundle", "type": type}
    if total is not None and type in ("searchset", "history"):  # bdl-1: only these may state one
        result["total"] = total
    result["link"] = [{"relation": relation, "url": url} for relation, url in links if url is not None]
    if entries:
        result["entry"] = entries
    return result
