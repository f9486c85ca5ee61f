"""Patient and Practitioner search parameters, read into the domain's criteria (pure, no I/O).

Token values follow FHIR (`store.fhir.search.Token`): `code` (any system), `system|code`,
`|code` (no system: every identifier and contact point we keep has one, so it matches nobody)
and `system|` (anything in that system). A value that is well formed but names nothing we
keep (an identifier in another system, an id that is not one of ours) matches nobody rather
than failing: the client asked a fair question and the answer is "none". A value that cannot
mean anything (`gender=yes`, a phone of two digits) is a 400 naming the parameter.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from store.errors import InvalidInput
from store.fhir.errors import BadRequest
from store.fhir.resources import URI_SYSTEM
from store.fhir.search import Query, Token, all_of, any_of, birthdate_bounds, token
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


def _uuid_identifier(wanted: Token) -> uuid.UUID | None:
    """The id in our own identifier (`urn:ietf:rfc:3986|urn:uuid:<id>`), system optional."""
    if not wanted.in_system(URI_SYSTEM) or not wanted.code.startswith(UUID_PREFIX):
        return None
    return _uuid(wanted.code.removeprefix(UUID_PREFIX))


def record_keys(values: tuple[str, ...] | None, *, mrn_system: str) -> RecordKeys | None:
    """`identifier`: our record ids (`urn:ietf:rfc:3986|`: every patient has one), and record
    numbers in the clinic's MRN system (`<MRN system>|`: everyone with a record number)."""
    if values is None:
        return None
    numbers: set[str] = set()
    ids: set[uuid.UUID] = set()
    any_number = everyone = False
    for value in values:
        wanted = token(value.strip(), "identifier")
        if wanted.any_code:
            any_number |= wanted.system == mrn_system
            everyone |= wanted.system == URI_SYSTEM
        elif (found := _uuid_identifier(wanted)) is not None:
            ids.add(found)
        elif wanted.in_system(mrn_system):
            numbers.add(wanted.code)
    return RecordKeys(frozenset(numbers), frozenset(ids), any_number, everyone)


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
    """`phone`, `email` or `telecom`: a ContactPoint token, whose system is the ContactPoint's
    (`phone|…`, `email|…`; bare, the parameter or the value says which); `phone|` or `email|`
    is anyone with one, and `|<value>` (a contact point with no system) nobody."""
    values = any_of(query, name)
    if values is None:
        return None
    phones: set[str] = set()
    emails: set[str] = set()
    any_phone = any_email = False
    for value in values:
        # a `+` sent unencoded in a query string arrives as a space
        unencoded_plus = value.startswith(" ") and value[1:2].isdigit()
        wanted = token("+" + value[1:] if unencoded_plus else value.strip(), name)
        if wanted.system == "":
            continue
        system = wanted.system
        if system is None:
            system = "email" if name == "email" or (name == "telecom" and "@" in wanted.code) else "phone"
        if system in PHONE_SYSTEMS and name != "email":
            if wanted.any_code:
                any_phone = True
            else:
                phones.add(_phone(wanted.code, name))
        elif system == "email" and name != "phone":
            if wanted.any_code:
                any_email = True
            else:
                emails.add(_email(wanted.code, name))
        elif system not in OTHER_TELECOM or name != "telecom":
            raise BadRequest(name, f"system {system!r} is not searchable here; use phone or email")
    return Contacts(frozenset(phones), frozenset(emails), any_phone, any_email)


def genders(values: tuple[str, ...] | None) -> frozenset[Gender] | None:
    """`gender`: a `code`, its system implicit, so `<administrative-gender>|` is anyone with a
    gender recorded and `|male` (no system) nobody."""
    if values is None:
        return None
    found: set[Gender] = set()
    for value in values:
        wanted = token(value.strip(), "gender")
        if wanted.code and wanted.code not in {g.value for g in Gender}:
            raise BadRequest("gender", f"must be one of {', '.join(g.value for g in Gender)}")
        if wanted.system not in (None, GENDER_SYSTEM):
            if wanted.system:  # another system: not a gender at all
                raise BadRequest("gender", f"the system is {GENDER_SYSTEM}")
            continue
        found.update(Gender if wanted.any_code else [Gender(wanted.code)])
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
        wanted = [token(v.strip(), "identifier") for v in identifiers]
        # `urn:ietf:rfc:3986|`: every practitioner has an identifier there (no filter)
        if not any(t.any_code and t.system == URI_SYSTEM for t in wanted):
            ids = frozenset(f for t in wanted if (f := _uuid_identifier(t)) is not None)
    return PractitionerCriteria(ids=ids, names=all_of(query, "name"))
