"""Patient and Practitioner search parameters, read into the domain's criteria (pure, no I/O).

Token values follow FHIR: `system|code`, `|code` (no system) or `code` (any system). A value
that is well formed but names nothing we keep (an identifier in another system, an id that is
not one of ours) matches nobody rather than failing: the client asked a fair question and the
answer is "none". A value that cannot mean anything (`gender=yes`, a phone of two digits) is a
400 naming the parameter.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from store.errors import InvalidInput
from store.fhir.errors import BadRequest
from store.fhir.resources import URI_SYSTEM
from store.fhir.search import Query, all_of, any_of, birthdate_bounds, token
from store.patients import service as patients
from store.patients.models import Gender
from store.patients.search import Contacts, PatientCriteria, RecordKeys

GENDER_SYSTEM = "http://hl7.org/fhir/administrative-gender"
PHONE_SYSTEMS = frozenset({"phone", "sms"})  # a mobile number is both
OTHER_TELECOM = frozenset({"fax", "pager", "url", "other"})  # ContactPoint systems we never keep
UUID_PREFIX = "urn:uuid:"


def _uuid(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def record_ids(values: tuple[str, ...] | None) -> frozenset[uuid.UUID] | None:
    """`_id`: the values that are ids of ours (an id that is not a UUID names nothing here)."""
    if values is None:
        return None
    return frozenset(found for v in values if (found := _uuid(v.strip())) is not None)


def _uuid_identifier(system: str | None, value: str) -> uuid.UUID | None:
    """The id in our own identifier (`urn:ietf:rfc:3986|urn:uuid:<id>`), system optional."""
    if system not in (None, URI_SYSTEM) or not value.startswith(UUID_PREFIX):
        return None
    return _uuid(value.removeprefix(UUID_PREFIX))


def record_keys(values: tuple[str, ...] | None, *, mrn_system: str) -> RecordKeys | None:
    """`identifier`: our record ids, and record numbers in the clinic's MRN system (or with none)."""
    if values is None:
        return None
    numbers: set[str] = set()
    ids: set[uuid.UUID] = set()
    any_number = False
    for value in values:
        system, code = token(value.strip())
        if (found := _uuid_identifier(system, code)) is not None:
            ids.add(found)
        elif system in (None, mrn_system) and code:
            numbers.add(code)
        elif system == mrn_system:  # `<system>|`: anyone with a record number
            any_number = True
    return RecordKeys(frozenset(numbers), frozenset(ids), any_number)


def _phone(value: str, name: str) -> str:
    """A phone number in E.164 (a national one is read in the clinic's default region)."""
    try:
        return patients.normalize_phone(value)
    except InvalidInput as error:
        raise BadRequest(name, error.message.removeprefix("phone: ")) from None


def _email(value: str, name: str) -> str:
    if "@" not in value or len(value) > 254:
        raise BadRequest(name, "is not an e-mail address")
    return value.strip().lower()


def contacts(query: Query, name: str) -> Contacts | None:
    """`phone`, `email` or `telecom` (`phone|…`, `email|…`, or a bare number or address)."""
    values = any_of(query, name)
    if values is None:
        return None
    phones: set[str] = set()
    emails: set[str] = set()
    for value in values:
        # a `+` sent unencoded in a query string arrives as a space
        unencoded_plus = value.startswith(" ") and value[1:2].isdigit()
        system, code = token("+" + value[1:] if unencoded_plus else value.strip())
        if name == "telecom" and system is None:
            system = "email" if "@" in code else "phone"
        if system is None:
            system = "email" if name == "email" else "phone"
        if system in PHONE_SYSTEMS and name != "email":
            phones.add(_phone(code, name))
        elif system == "email" and name != "phone":
            emails.add(_email(code, name))
        elif system not in OTHER_TELECOM or name != "telecom":
            raise BadRequest(name, f"system {system!r} is not searchable here; use phone or email")
    return Contacts(frozenset(phones), frozenset(emails))


def genders(values: tuple[str, ...] | None) -> frozenset[Gender] | None:
    if values is None:
        return None
    found: set[Gender] = set()
    for value in values:
        system, code = token(value.strip())
        if system not in (None, GENDER_SYSTEM) or code not in {g.value for g in Gender}:
            raise BadRequest("gender", f"must be one of {', '.join(g.value for g in Gender)}")
        found.add(Gender(code))
    return frozenset(found)


def patient_criteria(query: Query, *, mrn_system: str) -> PatientCriteria:
    """Every Patient search parameter of `store/fhir/params.py`, ANDed."""
    born_from, born_before = birthdate_bounds(query, "birthdate")
    found_contacts = (contacts(query, name) for name in ("phone", "email", "telecom"))
    return PatientCriteria(
        ids=record_ids(any_of(query, "_id")),
        record_keys=record_keys(any_of(query, "identifier"), mrn_system=mrn_system),
        contacts=tuple(c for c in found_contacts if c is not None),
        genders=genders(any_of(query, "gender")),
        names=all_of(query, "name"),
        family_names=all_of(query, "family"),
        given_names=all_of(query, "given"),
        born_from=born_from,
        born_before=born_before,
    )


@dataclass(frozen=True)
class PractitionerCriteria:
    ids: frozenset[uuid.UUID] | None
    names: tuple[tuple[str, ...], ...]


def practitioner_criteria(query: Query) -> PractitionerCriteria:
    """`name` and `identifier` (our own `urn:uuid` identifier; practitioners have no other)."""
    identifiers = any_of(query, "identifier")
    ids = None
    if identifiers is not None:
        ids = frozenset(f for v in identifiers if (f := _uuid_identifier(*token(v.strip()))) is not None)
    return PractitionerCriteria(ids=ids, names=all_of(query, "name"))
