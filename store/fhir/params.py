"""The search parameters this server implements, declared once (pure data, no I/O).

The search routes take their allowed names from `SEARCH`, and the CapabilityStatement
(`GET /fhir/R4/metadata`) lists the same declarations, so what a client reads there is exactly
what the routes accept. `definition` is the parameter's canonical SearchParameter in R4 when it
is a standard one; `specialty` on Practitioner is our own (R4 puts specialty on PractitionerRole).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

SearchParamType = Literal["token", "string", "date", "reference"]
_R4 = "http://hl7.org/fhir/SearchParameter/"
_CELL_BAR = "\\|"  # a | inside a Markdown table cell, code spans included, must be escaped
_SPECIALTY = "SNOMED CT (`http://snomed.info/sct|394579002`), the clinic's code (`cardiology`) or the name"


@dataclass(frozen=True)
class SearchParam:
    name: str
    type: SearchParamType
    documentation: str
    definition: str | None = None


def _p(name: str, kind: SearchParamType, documentation: str, definition: str | None = None) -> SearchParam:
    return SearchParam(name, kind, documentation, None if definition is None else _R4 + definition)


SEARCH: dict[str, tuple[SearchParam, ...]] = {
    "Patient": (
        _p("_id", "token", "Logical ids; comma-separated alternatives", "Resource-id"),
        _p(
            "identifier",
            "token",
            "The clinic's record number (`<MRN system>|<value>`), or `urn:ietf:rfc:3986|urn:uuid:<id>`",
            "Patient-identifier",
        ),
        _p("name", "string", "Start of any word of the name; case and accents ignored", "Patient-name"),
        _p(
            "family",
            "string",
            "Start of any word of the family name; case and accents ignored",
            "individual-family",
        ),
        _p("given", "string", "Start of any given name; case and accents ignored", "individual-given"),
        _p(
            "birthdate",
            "date",
            "Birth date, with eq, ge, gt, le or lt; repeat to AND",
            "individual-birthdate",
        ),
        _p(
            "phone",
            "token",
            "A phone number (E.164, or national for the clinic's region)",
            "individual-phone",
        ),
        _p("email", "token", "An e-mail address; case ignored", "individual-email"),
        _p("telecom", "token", "`phone|<number>`, `email|<address>`, or either bare", "individual-telecom"),
        _p("gender", "token", "male, female, other or unknown", "individual-gender"),
    ),
    "Practitioner": (
        _p("name", "string", "Start of any word of the name; case and accents ignored", "Practitioner-name"),
        _p("identifier", "token", "`urn:ietf:rfc:3986|urn:uuid:<id>`", "Practitioner-identifier"),
        _p("specialty", "token", f"The practitioner's specialty: {_SPECIALTY}"),
    ),
    "Schedule": (_p("actor", "reference", "`Practitioner/<id>`", "Schedule-actor"),),
    "Slot": (
        _p("schedule", "reference", "`Schedule/<id>`", "Slot-schedule"),
        _p("start", "date", "Start time, with eq, ge, gt, le or lt; repeat to AND", "Slot-start"),
        _p("status", "token", "free, busy, busy-tentative or busy-unavailable", "Slot-status"),
        _p("specialty", "token", f"The slot's specialty: {_SPECIALTY}", "Slot-specialty"),
    ),
    "Appointment": (
        _p("patient", "reference", "`Patient/<id>`", "Appointment-patient"),
        _p("practitioner", "reference", "`Practitioner/<id>`", "Appointment-practitioner"),
        _p("date", "date", "Start time, with eq, ge, gt, le or lt; repeat to AND", "Appointment-date"),
        _p("status", "token", "An appointment status (booked, cancelled, ...)", "Appointment-status"),
    ),
}

OPERATIONS: dict[str, str] = {
    "find": "https://profiles.ihe.net/ITI/Scheduling/OperationDefinition/appointment-find",
    "hold": "https://profiles.ihe.net/ITI/Scheduling/OperationDefinition/appointment-hold",
    "book": "https://profiles.ihe.net/ITI/Scheduling/OperationDefinition/appointment-book",
}
"""Each `$operation` the routes serve, and the OperationDefinition it implements (IHE ITI Scheduling)."""


def names(resource_type: str) -> frozenset[str]:
    """The search parameter names of `resource_type` (KeyError for a type with no search)."""
    return frozenset(p.name for p in SEARCH[resource_type])


def markdown_table() -> str:
    """The search parameters as the Markdown table docs/fhir.md carries (a test keeps them equal)."""
    rows = [
        "| resource | parameter | type | what it matches | R4 definition |",
        "| --- | --- | --- | --- | --- |",
    ]
    for resource_type, declared in SEARCH.items():
        rows.extend(
            f"| {resource_type} | `{p.name}` | {p.type} | {p.documentation.replace('|', _CELL_BAR)} | "
            f"{'ours' if p.definition is None else f'[{p.definition.removeprefix(_R4)}]({p.definition})'} |"
            for p in declared
        )
    return "\n".join(rows)
