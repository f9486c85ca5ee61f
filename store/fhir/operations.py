"""The IHE ITI Scheduling operations' input: a `Parameters` resource in, a typed request out.

Pure (no I/O). The body is first validated as an R4B `Parameters` (fhir.resources 8.3,
`fhir.resources.R4B.parameters`, by `bodies.validate`); anything malformed is a 400 that
names where, never echoing values (they may be PHI). Parameter names are IHE's (ITI-115
`$find`, ITI-116 `$hold`, ITI-117 `$book`). IHE parameters our domain cannot honour (visit
types, organizations, timing, new patients in `patient-resource`...) are refused by name
rather than ignored.

A proposed appointment is a free slot, named `Appointment/slot-<slot id>`; `$hold` and `$book`
take it either by `appointment-reference` or as the whole resource (`appointment-resource`, or
`appointment`), whose `slot` says which slot and whose Patient participant says for whom.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from fhir.resources.R4B.parameters import Parameters

from store.fhir import bodies, search
from store.fhir.errors import BadRequest, NotSupported, UnprocessableResource
from store.fhir.resources import PROPOSED_PREFIX, Resource

FIND = frozenset(
    {
        "start",
        "end",
        "specialty",
        "practitioner",
        "location-reference",
        "patient-reference",
        "reason",
        "_count",
    }
)
HOLD = frozenset({"appointment-reference", "appointment-resource", "appointment"})
BOOK = HOLD | {"patient-reference", "comment"}
IHE_UNSUPPORTED = frozenset(
    {
        "visit-type",
        "organization",
        "location-string",
        "patient-resource",
        "referral-identifier",
        "timing",
        "insurance-reference",
    }
)
TAKEABLE = frozenset({"proposed", "pending"})  # an Appointment $hold or $book can act on
_DATES = ("valueDateTime", "valueDate", "valueInstant")
_INTEGERS = ("valueInteger", "valuePositiveInt", "valueUnsignedInt")


@dataclass(frozen=True)
class FindRequest:
    start: datetime
    end: datetime
    specialties: tuple[str, ...]  # our codes, in the caller's order of preference
    not_offered: tuple[str, ...]  # specialty tokens that name nothing the clinic offers
    practitioner_ids: tuple[uuid.UUID, ...]
    location_ids: tuple[uuid.UUID, ...]
    patient_id: uuid.UUID | None
    reason: str | None
    count: int


@dataclass(frozen=True)
class SlotRequest:
    """What `$hold` and `$book` act on: a slot, and for booking a patient (and a hold's token)."""

    slot_id: uuid.UUID
    patient_id: uuid.UUID | None
    reason: str | None
    hold_token: str | None


def _grouped(body: object, allowed: Collection[str], operation: str) -> dict[str, list[Resource]]:
    """The body's parameters by name, after validating it as a FHIR R4 Parameters resource."""
    if not isinstance(body, dict) or body.get("resourceType") != "Parameters":
        raise BadRequest("Parameters", f"{operation} takes a FHIR Parameters resource")
    bodies.validate(Parameters, body, "Parameters")
    grouped: dict[str, list[Resource]] = {}
    for parameter in body.get("parameter", []):
        name = parameter["name"]
        if name in IHE_UNSUPPORTED:
            raise NotSupported(name, f"is not supported by this server's {operation}")
        if name not in allowed:
            expected = ", ".join(sorted(allowed))
            raise BadRequest(name, f"is not a parameter of {operation}; expected {expected}")
        grouped.setdefault(name, []).append(parameter)
    return grouped


def _optional(grouped: dict[str, list[Resource]], name: str) -> Resource | None:
    found = grouped.get(name, [])
    if len(found) > 1:
        raise BadRequest(name, "may be given once")
    return found[0] if found else None


def _required(grouped: dict[str, list[Resource]], name: str) -> Resource:
    found = _optional(grouped, name)
    if found is None:
        raise BadRequest(name, "is required")
    return found


def _value(parameter: Resource, kinds: tuple[str, ...]) -> Any:
    for kind in kinds:
        if kind in parameter:
            return parameter[kind]
    raise BadRequest(parameter["name"], f"must be given as {' or '.join(kinds)}")


def _text(parameter: Resource) -> str:
    """A code or text parameter as text: string, code, Coding (display/code), CodeableConcept."""
    value = _value(parameter, ("valueString", "valueCode", "valueCoding", "valueCodeableConcept"))
    if isinstance(value, str):
        return value
    coding = value.get("coding", [{}])[0] if "coding" in value else value
    text = value.get("text") or coding.get("display") or coding.get("code")
    if not text:
        raise BadRequest(parameter["name"], "has no code or text")
    return str(text)


def _tokens(parameter: Resource) -> list[str]:
    """A token parameter as `system|code` alternatives: a `system|code` string or code, a Coding,
    or a CodeableConcept (each of its codings, else its text: some clients send the concept)."""
    value = _value(parameter, ("valueString", "valueCode", "valueCoding", "valueCodeableConcept"))
    if isinstance(value, str):
        return [value]
    codings = value.get("coding") or [] if "valueCodeableConcept" in parameter else [value]
    # a Coding without a system has an unknown one, not none: its code alone (any system)
    tokens = [
        f"{c['system']}|{c['code']}" if c.get("system") else str(c["code"]) for c in codings if c.get("code")
    ]
    if not tokens and value.get("text"):
        tokens = [str(value["text"])]
    if not tokens:
        raise BadRequest(parameter["name"], "has no code")
    return tokens


def _specialty_token(parameter: Resource) -> str:
    """The first of a specialty's tokens that names a specialty the clinic offers (a concept may
    carry SNOMED CT beside a local code), else the first: it will be reported as not offered."""
    tokens = _tokens(parameter)
    return next((t for t in tokens if search.specialty(t) is not None), tokens[0])


def _referenced(parameter: Resource, resource_type: str) -> uuid.UUID:
    ref = _value(parameter, ("valueReference",))
    if "reference" not in ref:
        raise NotSupported(parameter["name"], f"give a literal reference ({resource_type}/<id>)")
    return search.reference_id(ref["reference"], resource_type, parameter["name"])


def _count(grouped: dict[str, list[Resource]], default: int) -> int:
    parameter = _optional(grouped, "_count")
    if parameter is None:
        return default
    count = _value(parameter, _INTEGERS)
    if not isinstance(count, int) or count < 0:
        raise BadRequest("_count", "must be a whole number >= 0")
    return min(count, search.MAX_COUNT)


def find_request(body: object, *, tz: ZoneInfo, count: int = search.DEFAULT_COUNT) -> FindRequest:
    """`$find` (ITI-115). `start`/`end` without a time cover whole clinic days: end=12-07 is inclusive."""
    grouped = _grouped(body, FIND, "$find")
    start, _, _ = search.period(str(_value(_required(grouped, "start"), _DATES)), tz, "start")
    end_low, end_high, timed = search.period(str(_value(_required(grouped, "end"), _DATES)), tz, "end")
    end = end_low if timed else (end_high or search.END_OF_TIME)  # None: the end of year 9999
    if end <= start:
        raise BadRequest("end", "must be after start")
    tokens = [_specialty_token(p) for p in grouped.get("specialty", [])]
    codes = [search.specialty(t) for t in tokens]
    patient = _optional(grouped, "patient-reference")
    reasons = [_text(p) for p in grouped.get("reason", [])]
    return FindRequest(
        start=start,
        end=end,
        # `<SNOMED CT>|` (ANY_SPECIALTY) is any specialty: no specialty filter at all
        specialties=() if search.ANY_SPECIALTY in codes else tuple(c for c in codes if c is not None),
        not_offered=tuple(t for t, c in zip(tokens, codes, strict=True) if c is None),
        practitioner_ids=tuple(_referenced(p, "Practitioner") for p in grouped.get("practitioner", [])),
        location_ids=tuple(_referenced(p, "Location") for p in grouped.get("location-reference", [])),
        patient_id=None if patient is None else _referenced(patient, "Patient"),
        reason="; ".join(reasons) or None,
        count=_count(grouped, count),
    )


def _type_of(reference: str) -> str | None:
    """`Patient` for `Patient/<id>` or `<base>/Patient/<id>`; None for a bare id."""
    parts = reference.rstrip("/").split("/")
    return parts[-2] if len(parts) > 1 else None


def _slot_of_reference(parameter: Resource) -> uuid.UUID:
    ref = str(_value(parameter, ("valueReference",)).get("reference", ""))
    resource_id = ref.rstrip("/").rpartition("/")[2]
    if _type_of(ref) not in (None, "Appointment") or not resource_id.startswith(PROPOSED_PREFIX):
        raise UnprocessableResource(
            "appointment-reference",
            "must name a proposed appointment from $find (Appointment/slot-<slot id>); "
            "changing booked appointments is not supported",
        )
    return search.reference_id(resource_id.removeprefix(PROPOSED_PREFIX), "Slot", "appointment-reference")


@dataclass(frozen=True)
class BookRequest:
    slot_id: uuid.UUID
    patient_id: uuid.UUID
    reason: str | None
    hold_token: str | None


def _patient_of(appointment: Resource) -> uuid.UUID | None:
    actors = [p.get("actor", {}).get("reference", "") for p in appointment.get("participant", [])]
    patients = [ref for ref in actors if _type_of(ref) == "Patient"]
    if len(patients) > 1:
        raise UnprocessableResource("Appointment.participant", "names more than one patient")
    return search.reference_id(patients[0], "Patient", "Appointment.participant") if patients else None


def _reason(appointment: Resource) -> str | None:
    """The reasonCode texts (or their first codings' displays), else the description."""
    texts = [
        concept.get("text") or next((c.get("display") for c in concept.get("coding", [])), None)
        for concept in appointment.get("reasonCode", [])
    ]
    return "; ".join(t for t in texts if t) or appointment.get("description")


def _hold_token(appointment: Resource) -> str | None:
    """The token a `$hold` returned, carried back as the pending appointment's temporary identifier."""
    for identifier in appointment.get("identifier", []):
        value = identifier.get("value", "")
        if identifier.get("use") == "temp" and value.startswith("urn:uuid:"):
            return str(value.removeprefix("urn:uuid:"))
    return None


def _from_resource(appointment: Resource) -> SlotRequest:
    if appointment.get("resourceType") != "Appointment":
        raise BadRequest("appointment-resource", "must be an Appointment")
    if appointment.get("status") not in TAKEABLE:
        raise UnprocessableResource(
            "Appointment.status", "must be proposed or pending; changing booked appointments is not supported"
        )
    slots = [s.get("reference", "") for s in appointment.get("slot", [])]
    if len(slots) != 1:
        raise UnprocessableResource("Appointment.slot", "must reference exactly one Slot")
    return SlotRequest(
        slot_id=search.reference_id(slots[0], "Slot", "Appointment.slot"),
        patient_id=_patient_of(appointment),
        reason=_reason(appointment),
        hold_token=_hold_token(appointment),
    )


def _slot_request(grouped: dict[str, list[Resource]]) -> SlotRequest:
    by_reference = _optional(grouped, "appointment-reference")
    resources = grouped.get("appointment-resource", []) + grouped.get("appointment", [])
    if (by_reference is None) == (not resources) or len(resources) > 1:
        raise BadRequest("appointment-reference", "give one appointment-reference or appointment-resource")
    if by_reference is not None:
        return SlotRequest(_slot_of_reference(by_reference), patient_id=None, reason=None, hold_token=None)
    if "resource" not in resources[0]:
        raise BadRequest(resources[0]["name"], "must carry the Appointment as its resource")
    return _from_resource(resources[0]["resource"])


def hold_request(body: object) -> SlotRequest:
    """`$hold` (ITI-116): which slot to hold; the token of an earlier hold renews it."""
    return _slot_request(_grouped(body, HOLD, "$hold"))


def book_request(body: object) -> BookRequest:
    """`$book` (ITI-117): the slot, the patient (participant or `patient-reference`) and the reason."""
    grouped = _grouped(body, BOOK, "$book")
    request = _slot_request(grouped)
    patient_param, comment = _optional(grouped, "patient-reference"), _optional(grouped, "comment")
    patient_id = request.patient_id
    if patient_param is not None:
        given = _referenced(patient_param, "Patient")
        if patient_id is not None and given != patient_id:
            raise UnprocessableResource("patient-reference", "differs from the appointment's patient")
        patient_id = given
    if patient_id is None:
        raise UnprocessableResource("Appointment.participant", "must name the patient (actor Patient/<id>)")
    reason = request.reason or (None if comment is None else _text(comment))
    return BookRequest(request.slot_id, patient_id=patient_id, reason=reason, hold_token=request.hold_token)
