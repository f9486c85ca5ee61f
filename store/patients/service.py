"""Patients: phone normalisation, lookup by phone, identity matching, registration.

A phone number is not an identity: families share one, so every lookup by phone may return
several patients, and `match` needs the name and the birth date as well before it names anyone.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from datetime import UTC, date, datetime

from rapidfuzz import fuzz
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from store.errors import InvalidInput, NotFound
from store.patients.models import Language, Patient
from store.phones import e164

EARLIEST_BIRTH_DATE = date(1900, 1, 1)
NAME_MATCH_THRESHOLD = 85  # rapidfuzz score (0-100) a spoken or typed name must reach
GIVEN_NAME_THRESHOLD = 75  # one transposition in a five-letter name ("Maira") still counts
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_NOT_LETTERS = re.compile(r"[^\w\s]|_|\d")


def normalize_phone(raw: str, default_region: str = "US") -> str:
    """`raw` in E.164 (`+15550100001`); `InvalidInput` naming the phone otherwise (store/phones.py)."""
    try:
        return e164(raw, default_region)
    except ValueError as error:
        raise InvalidInput("phone", str(error)) from None


def split_name(name: str) -> tuple[str, str]:
    """(given, family) from "Given Family" or "Family, Given"; the last word is the family name."""
    if "," in name:
        family, _, given = name.partition(",")
    else:
        given, _, family = name.strip().rpartition(" ")
    given, family = " ".join(given.split()), " ".join(family.split())
    if not given or not family:
        raise InvalidInput("name", "needs a given name and a family name")
    return given, family


def fold(text: str) -> str:
    """Lower case, no accents, no punctuation, single spaces: 'García-López' -> 'garcia lopez'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NOT_LETTERS.sub(" ", bare).split())


def name_score(patient: Patient, said: str) -> float:
    """How well `said` names `patient` (0-100): tolerant of order, accents, typos and extra names,
    but the given name must be there, so a shared family name alone never identifies anyone."""
    words = fold(said).split()
    given = fold(patient.given_name).split()
    if not words or not any(fuzz.ratio(g, w) >= GIVEN_NAME_THRESHOLD for g in given for w in words):
        return 0.0
    return float(fuzz.token_set_ratio(fold(patient.full_name), " ".join(words)))


async def get(session: AsyncSession, *, patient_id: uuid.UUID) -> Patient:
    patient = await session.get(Patient, patient_id)
    if patient is None:
        raise NotFound("patient", patient_id)
    return patient


async def get_all(
    session: AsyncSession,
    *,
    phone: str | None = None,
    born_from: date | None = None,
    born_before: date | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[Patient], int]:
    """A page of patients and how many there are in all: optionally those on one phone, and
    those born in [born_from, born_before) (FHIR's `birthdate` search)."""
    query = select(Patient)
    if phone is not None:
        query = query.where(Patient.phone == normalize_phone(phone))
    if born_from is not None:
        query = query.where(Patient.birth_date >= born_from)
    if born_before is not None:
        query = query.where(Patient.birth_date < born_before)
    total = await session.scalar(select(func.count()).select_from(query.subquery()))
    page = query.order_by(Patient.family_name, Patient.given_name, Patient.id).limit(limit).offset(offset)
    return list(await session.scalars(page)), total or 0


async def find_by_phone(session: AsyncSession, *, phone: str) -> list[Patient]:
    """Everyone registered on `phone` (a family may share one), oldest registration first."""
    query = select(Patient).where(Patient.phone == normalize_phone(phone)).order_by(Patient.created_at)
    return list(await session.scalars(query))


async def match(session: AsyncSession, *, phone: str, name: str, birth_date: date) -> Patient | None:
    """The one patient on `phone` born on `birth_date` whose name is `name`, else None.

    None also when two candidates fit equally well (twins named alike): guessing would hand one
    person's records to another.
    """
    scored = sorted(
        (
            (name_score(p, name), p)
            for p in await find_by_phone(session, phone=phone)
            if p.birth_date == birth_date
        ),
        key=lambda pair: pair[0],
        reverse=True,
    )
    fits = [(score, p) for score, p in scored if score >= NAME_MATCH_THRESHOLD]
    if not fits or (len(fits) > 1 and fits[1][0] == fits[0][0]):
        return None
    return fits[0][1]


def _clean_name(field: str, value: str) -> str:
    cleaned = " ".join(value.split())
    if not cleaned:
        raise InvalidInput(field, "must not be empty")
    if len(cleaned) > 100:
        raise InvalidInput(field, "must be at most 100 characters")
    return cleaned


def _check_birth_date(birth_date: date) -> None:
    if birth_date > datetime.now(UTC).date():
        raise InvalidInput("birth_date", "is in the future")
    if birth_date < EARLIEST_BIRTH_DATE:
        raise InvalidInput("birth_date", f"is before {EARLIEST_BIRTH_DATE.isoformat()}")


def _language(value: str) -> Language:
    try:
        return Language(value)
    except ValueError:
        expected = ", ".join(lang.value for lang in Language)
        raise InvalidInput("preferred_language", f"must be one of {expected}") from None


async def create(
    session: AsyncSession,
    *,
    given_name: str,
    family_name: str,
    birth_date: date,
    phone: str,
    preferred_language: str = "en",
    email: str | None = None,
) -> Patient:
    """Register a patient after validating every field (each error names its field)."""
    _check_birth_date(birth_date)
    if email is not None and (len(email) > 254 or not _EMAIL.match(email)):
        raise InvalidInput("email", "is not an email address")
    patient = Patient(
        given_name=_clean_name("given_name", given_name),
        family_name=_clean_name("family_name", family_name),
        birth_date=birth_date,
        phone=normalize_phone(phone),
        preferred_language=_language(preferred_language),
        email=email,
    )
    session.add(patient)
    await session.flush()
    return patient


async def set_consent(session: AsyncSession, *, phone: str, opted_in: bool, now: datetime) -> int:
    """Opt every patient on `phone` out of (or back into) messages; returns how many changed.

    Opt-out is per phone, because that is what a STOP keyword on a channel identifies.
    """
    changed = 0
    for patient in await find_by_phone(session, phone=phone):
        if patient.consent_messaging != opted_in:
            patient.consent_messaging = opted_in
            patient.opted_out_at = None if opted_in else now
            changed += 1
    await session.flush()
    return changed
