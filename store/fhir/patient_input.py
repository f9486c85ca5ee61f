"""A FHIR Patient sent by an EHR (create or update), read into the fields the clinic keeps (pure).

The body is first validated as an R4 Patient (fhir.resources' R4B model): anything malformed is
a 400 naming where, never echoing values. What R4 allows but the clinic cannot keep is a 422
naming the element: a patient needs a family and a given name, a full birth date and a phone
the agent can reach (a phone is how patients talk to it), and speaks English or Spanish.

Liberal where the meaning is clear: the name is the `official` one (else `usual`, else the
first with a family name, else its `text` split as "Given Family"); the phone is the best
ranked mobile (else any phone or SMS number); the language is the preferred communication's
BCP-47 tag, region ignored (`es-MX` is Spanish); with no `communication`, a new patient speaks
English and an updated one keeps their language (what they chose talking to the agent is not
something an EHR that never recorded it means to undo). Elements the clinic does not keep (addresses,
contacts, other identifiers...) are accepted and not stored; a read shows what was kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from fhir.resources.R4B.patient import Patient as FhirPatient

from store.errors import InvalidInput
from store.fhir import bodies
from store.fhir.errors import BadRequest, UnprocessableResource
from store.fhir.resources import Resource
from store.patients import service as patients
from store.patients.models import Gender, Language

NAME_USES = ("official", "usual")
# where a field the domain refuses lives in the resource (InvalidInput.field -> FHIRPath)
FHIR_PATHS = {
    "given_name": "Patient.name.given",
    "family_name": "Patient.name.family",
    "name": "Patient.name",
    "birth_date": "Patient.birthDate",
    "phone": "Patient.telecom",
    "email": "Patient.telecom",
    "preferred_language": "Patient.communication",
    "gender": "Patient.gender",
    "ehr_id": "Patient.identifier",
}


@dataclass(frozen=True)
class PatientFields:
    """What the clinic keeps of a Patient resource; `resource_id` is the body's own `id`, if any."""

    given_name: str
    family_name: str
    birth_date: date
    phone: str
    email: str | None
    gender: Gender | None
    preferred_language: str | None  # None: the resource says none (create: English; update: kept)
    ehr_id: str | None
    resource_id: str | None

    def as_arguments(self) -> dict[str, Any]:
        """The keyword arguments of `patients.create` and `patients.update` (a language left out
        when the resource gives none: `create` then registers English, `update` keeps the
        patient's)."""
        arguments = {
            "given_name": self.given_name,
            "family_name": self.family_name,
            "birth_date": self.birth_date,
            "phone": self.phone,
            "email": self.email,
            "gender": self.gender,
            "ehr_id": self.ehr_id,
        }
        if self.preferred_language is not None:
            arguments["preferred_language"] = self.preferred_language
        return arguments


def unprocessable(error: InvalidInput) -> UnprocessableResource:
    """A domain refusal (a phone that is not one, a birth date in the future...) at its FHIRPath."""
    path = FHIR_PATHS.get(error.field, "Patient")
    return UnprocessableResource(path, error.message.removeprefix(f"{error.field}: "))


def _name(resource: Resource) -> tuple[str, str]:
    names = [n for n in resource.get("name") or [] if n.get("family") or n.get("text")]
    names.sort(key=lambda n: NAME_USES.index(n["use"]) if n.get("use") in NAME_USES else len(NAME_USES))
    if not names:
        raise UnprocessableResource("Patient.name", "needs a family name and a given name")
    chosen = names[0]
    given = " ".join(g.strip() for g in chosen.get("given") or [] if isinstance(g, str) and g.strip())
    if chosen.get("family") and given:
        return given, str(chosen["family"])
    try:
        return patients.split_name(str(chosen.get("text") or ""))
    except InvalidInput:
        raise UnprocessableResource("Patient.name", "needs a family name and a given name") from None


def _birth_date(resource: Resource) -> date:
    value = resource.get("birthDate")
    if value is None:
        raise UnprocessableResource(
            "Patient.birthDate", "is required: name and birth date tell patients apart"
        )
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise UnprocessableResource("Patient.birthDate", "must be a full date (YYYY-MM-DD)") from None


def _phone(resource: Resource) -> str:
    def preference(point: Resource) -> tuple[int, int]:
        return (0 if point.get("use") == "mobile" else 1, int(point.get("rank") or 1_000_000))

    phones = [
        point
        for point in resource.get("telecom") or []
        if point.get("system") in ("phone", "sms") and point.get("value")
    ]
    if not phones:
        raise UnprocessableResource("Patient.telecom", "needs a phone number (system phone or sms)")
    return str(min(phones, key=preference)["value"])


def _email(resource: Resource) -> str | None:
    emails = [p for p in resource.get("telecom") or [] if p.get("system") == "email" and p.get("value")]
    return str(min(emails, key=lambda p: int(p.get("rank") or 1_000_000))["value"]) if emails else None


def _language(resource: Resource) -> str | None:
    communications = resource.get("communication") or []
    if not communications:
        return None
    chosen = next((c for c in communications if c.get("preferred")), communications[0])
    concept = chosen.get("language") or {}
    tags = [c.get("code") or "" for c in concept.get("coding") or []] + [concept.get("text") or ""]
    for tag in tags:
        primary = str(tag).split("-")[0].strip().lower()
        if primary in {lang.value for lang in Language}:
            return primary
    spoken = ", ".join(lang.value for lang in Language)
    raise UnprocessableResource("Patient.communication", f"the clinic speaks {spoken} (BCP-47 codes)")


def _gender(resource: Resource) -> Gender | None:
    value = resource.get("gender")
    if value is None:
        return None
    if value not in {g.value for g in Gender}:
        raise BadRequest("Patient.gender", f"must be one of {', '.join(g.value for g in Gender)}")
    return Gender(value)


def _record_number(resource: Resource, mrn_system: str) -> str | None:
    numbers = {
        str(i["value"])
        for i in resource.get("identifier") or []
        if i.get("system") == mrn_system and i.get("value")
    }
    if len(numbers) > 1:
        raise UnprocessableResource("Patient.identifier", f"has more than one record number in {mrn_system}")
    return numbers.pop() if numbers else None


def patient_fields(body: object, *, mrn_system: str) -> PatientFields:
    """The fields of a Patient resource; 400 when it is not a valid R4 Patient, 422 when the
    clinic cannot keep it (see the module's docstring)."""
    resource = bodies.validate(FhirPatient, body, "Patient")
    if resource.get("active") is False:
        raise UnprocessableResource("Patient.active", "deactivating a patient is not supported")
    given, family = _name(resource)
    return PatientFields(
        given_name=given,
        family_name=family,
        birth_date=_birth_date(resource),
        phone=_phone(resource),
        email=_email(resource),
        gender=_gender(resource),
        preferred_language=_language(resource),
        ehr_id=_record_number(resource, mrn_system),
        resource_id=None if resource.get("id") is None else str(resource["id"]),
    )
