"""Finding patients by what an integrator knows: ids, record numbers, names, contacts, birth dates.

The criteria are plain data (FHIR's search parameters become them in `store/fhir/criteria.py`):
each field that is set must hold (AND); inside one field any value may (OR). A field that is
set but empty matches nobody, which is how "an identifier in a system we do not keep" answers.

Names match as FHIR's string search says: case- and accent-insensitive, by word prefix
(`store/names.py`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, Select, false, func, literal, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from store.names import word_prefix
from store.patients.models import Gender, Patient


@dataclass(frozen=True)
class RecordKeys:
    """An identifier search: any of these record numbers (MRNs) or record ids, or, with
    `any_number`, every patient who has a record number at all (with `everyone`, every patient)."""

    numbers: frozenset[str] = frozenset()
    ids: frozenset[uuid.UUID] = frozenset()
    any_number: bool = False
    everyone: bool = False  # every patient has a record id


@dataclass(frozen=True)
class Contacts:
    """Any of these phones (E.164) or e-mail addresses (compared without case); with `any_phone`
    or `any_email`, anyone who has one."""

    phones: frozenset[str] = frozenset()
    emails: frozenset[str] = frozenset()
    any_phone: bool = False
    any_email: bool = False


@dataclass(frozen=True)
class PatientCriteria:
    ids: frozenset[uuid.UUID] | None = None
    record_keys: RecordKeys | None = None
    contacts: tuple[Contacts, ...] = ()  # each must hold
    genders: frozenset[Gender] | None = None
    names: tuple[tuple[str, ...], ...] = ()  # each group must hold; any prefix of a group may
    family_names: tuple[tuple[str, ...], ...] = ()
    given_names: tuple[tuple[str, ...], ...] = ()
    born_from: date | None = None
    born_before: date | None = None


def _records(keys: RecordKeys) -> ColumnElement[bool]:
    conditions: list[ColumnElement[bool]] = []
    if keys.numbers:
        conditions.append(Patient.ehr_id.in_(keys.numbers))
    if keys.ids:
        conditions.append(Patient.id.in_(keys.ids))
    if keys.any_number:
        conditions.append(Patient.ehr_id.is_not(None))
    if keys.everyone:
        conditions.append(true())
    return or_(*conditions) if conditions else false()


def _contacts(contacts: Contacts) -> ColumnElement[bool]:
    conditions: list[ColumnElement[bool]] = []
    if contacts.phones:
        conditions.append(Patient.phone.in_(contacts.phones))
    if contacts.emails:
        conditions.append(func.lower(Patient.email).in_({e.lower() for e in contacts.emails}))
    if contacts.any_phone:
        conditions.append(Patient.phone.is_not(None))
    if contacts.any_email:
        conditions.append(Patient.email.is_not(None))
    return or_(*conditions) if conditions else false()


def _where(criteria: PatientCriteria) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if criteria.ids is not None:
        conditions.append(Patient.id.in_(criteria.ids) if criteria.ids else false())
    if criteria.record_keys is not None:
        conditions.append(_records(criteria.record_keys))
    conditions.extend(_contacts(c) for c in criteria.contacts)
    if criteria.genders is not None:
        conditions.append(Patient.gender.in_(criteria.genders) if criteria.genders else false())
    full_name = Patient.given_name + literal(" ") + Patient.family_name
    conditions.extend(word_prefix(full_name, group) for group in criteria.names)
    conditions.extend(word_prefix(Patient.family_name, group) for group in criteria.family_names)
    conditions.extend(word_prefix(Patient.given_name, group) for group in criteria.given_names)
    if criteria.born_from is not None:
        conditions.append(Patient.birth_date >= criteria.born_from)
    if criteria.born_before is not None:
        conditions.append(Patient.birth_date < criteria.born_before)
    return conditions


def query(criteria: PatientCriteria) -> Select[Patient]:
    """The patients matching `criteria`, by name then id (a stable order for paging)."""
    found = select(Patient).where(*_where(criteria))
    return found.order_by(Patient.family_name, Patient.given_name, Patient.id)


async def search(
    session: AsyncSession, *, criteria: PatientCriteria, limit: int = 50, offset: int = 0
) -> tuple[list[Patient], int]:
    """A page of the patients matching `criteria`, and how many match in all."""
    matching = query(criteria)
    counted = matching.order_by(None).subquery()
    total = await session.scalar(select(func.count()).select_from(counted)) or 0
    return list(await session.scalars(matching.limit(limit).offset(offset))), total
