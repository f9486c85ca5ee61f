"""Patients: phone normalisation, lookup by phone, identity matching, registration and updates.

A phone number is not an identity: families share one, so every lookup by phone may return
several patients, and `match` needs the name and the birth date as well before it names anyone.
Searches by other criteria (names, record numbers, e-mail...) are in `store/patients/search.py`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import uuid
from collections.abc import Collection
from datetime import date, datetime

from rapidfuzz import fuzz
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from store.errors import Conflict, InvalidInput, NotFound
from store.patients.models import Gender, Language, Patient
from store.phones import e164

EARLIEST_BIRTH_DATE = date(1900, 1, 1)
NAME_MATCH_THRESHOLD = 85  # rapidfuzz score (0-100) a spoken or typed name must reach
GIVEN_NAME_THRESHOLD = 75  # one transposition in a five-letter name ("Maira") still counts
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_NOT_LETTERS = re.compile(r"[^\w\s]|_|\d")
MAX_RECORD_NUMBER = 64
# the advisory lock of conditional registrations: the first 8 bytes of sha256("patients.register")
REGISTRATION_LOCK = int.from_bytes(hashlib.sha256(b"patients.register").digest()[:8], "big", signed=True)


class VersionMismatch(Conflict):
    """The caller changed a patient on the strength of a version that is no longer current."""

    code = "version_mismatch"

    def __init__(self, patient_id: uuid.UUID, expected: Collection[int], current: int) -> None:
        versions = " or ".join(map(str, sorted(expected))) or "any version named"
        super().__init__(f"patient {patient_id} is at version {current}, not {versions}; read it again")
        self.current = current


class RecordNumberTaken(Conflict):
    """Another patient already has this record number (MRN): one number names one patient."""

    code = "record_number_taken"

    def __init__(self) -> None:
        super().__init__("ehr_id: another patient already has this record number")


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
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[Patient], int]:
    """A page of patients by name and how many there are in all, optionally those on one phone
    (FHIR's richer searches are `store/patients/search.py`)."""
    query = select(Patient)
    if phone is not None:
        query = query.where(Patient.phone == normalize_phone(phone))
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


def _check_birth_date(birth_date: date, today: date) -> None:
    """`today` is the clinic's date (its clock, in its zone), never the server's: at 20:00 in
    New York it is already tomorrow in UTC, and a baby born that evening is not in the future."""
    if birth_date > today:
        raise InvalidInput("birth_date", "is in the future")
    if birth_date < EARLIEST_BIRTH_DATE:
        raise InvalidInput("birth_date", f"is before {EARLIEST_BIRTH_DATE.isoformat()}")


def _language(value: str) -> Language:
    try:
        return Language(value)
    except ValueError:
        expected = ", ".join(lang.value for lang in Language)
        raise InvalidInput("preferred_language", f"must be one of {expected}") from None


def _gender(value: Gender | str | None) -> Gender | None:
    if value is None:
        return None
    try:
        return Gender(value)
    except ValueError:
        raise InvalidInput("gender", f"must be one of {', '.join(g.value for g in Gender)}") from None


def _record_number(value: str | None) -> str | None:
    if value is None:
        return None
    cleaned = value.strip()
    if not cleaned or len(cleaned) > MAX_RECORD_NUMBER or not cleaned.isprintable():
        raise InvalidInput("ehr_id", f"must be 1 to {MAX_RECORD_NUMBER} printable characters")
    return cleaned


def _check_email(email: str | None) -> None:
    if email is not None and (len(email) > 254 or not _EMAIL.match(email)):
        raise InvalidInput("email", "is not an email address")


async def _check_record_number(session: AsyncSession, ehr_id: str | None, patient_id: uuid.UUID) -> None:
    """Refuse a record number another patient has, before the unique index would."""
    if ehr_id is None:
        return
    owner = await session.scalar(select(Patient.id).where(Patient.ehr_id == ehr_id))
    if owner is not None and owner != patient_id:
        raise RecordNumberTaken()


async def _flush(session: AsyncSession) -> None:
    """Flush in a savepoint, so a record number taken by a concurrent request since the check
    is a `RecordNumberTaken` (and the request's transaction still usable), not a crash."""
    try:
        async with session.begin_nested():
            await session.flush()
    except IntegrityError as error:
        if "uq_patients_ehr_id" in str(error.orig):
            raise RecordNumberTaken() from None
        raise


async def create(
    session: AsyncSession,
    *,
    given_name: str,
    family_name: str,
    birth_date: date,
    phone: str,
    preferred_language: str = "en",
    email: str | None = None,
    gender: Gender | str | None = None,
    ehr_id: str | None = None,
    today: date,
) -> Patient:
    """Register a patient after validating every field (each error names its field); a record
    number (`ehr_id`, the clinic's MRN) another patient has is a `RecordNumberTaken`. `today`
    is the clinic's date, which a birth date may not be after."""
    _check_birth_date(birth_date, today)
    _check_email(email)
    patient = Patient(
        given_name=_clean_name("given_name", given_name),
        family_name=_clean_name("family_name", family_name),
        birth_date=birth_date,
        phone=normalize_phone(phone),
        preferred_language=_language(preferred_language),
        email=email,
        gender=_gender(gender),
        ehr_id=_record_number(ehr_id),
    )
    await _check_record_number(session, patient.ehr_id, patient.id)
    session.add(patient)
    await _flush(session)
    return patient


async def update(
    session: AsyncSession,
    *,
    patient_id: uuid.UUID,
    expected_versions: Collection[int] | None,
    given_name: str,
    family_name: str,
    birth_date: date,
    phone: str,
    preferred_language: str | None = None,
    email: str | None = None,
    gender: Gender | str | None = None,
    ehr_id: str | None = None,
    today: date,
) -> tuple[Patient, list[str]]:
    """Replace a patient's details, validated as `create` validates them; (patient, the names of
    the fields that changed). The version goes up by one when anything changed.

    The row is locked first, so two updates made on the strength of one version cannot both
    pass `expected_versions` (any of them; None: whatever the current version is); a stale one
    is a `VersionMismatch`. `today` is the clinic's date, as for `create`. A
    `preferred_language` of None keeps the patient's (a caller that does not say one has not
    asked to change it; the patient may have chosen Spanish talking to the agent).
    """
    locked = select(Patient).where(Patient.id == patient_id).with_for_update()
    patient = await session.scalar(locked.execution_options(populate_existing=True))
    if patient is None:
        raise NotFound("patient", patient_id)
    if expected_versions is not None and patient.version not in expected_versions:
        raise VersionMismatch(patient_id, expected_versions, patient.version)
    _check_birth_date(birth_date, today)
    _check_email(email)
    record_number = _record_number(ehr_id)
    wanted = {
        "given_name": _clean_name("given_name", given_name),
        "family_name": _clean_name("family_name", family_name),
        "birth_date": birth_date,
        "phone": normalize_phone(phone),
        "preferred_language": patient.preferred_language
        if preferred_language is None
        else _language(preferred_language),
        "email": email,
        "gender": _gender(gender),
        "ehr_id": record_number,
    }
    changed = [field for field, value in wanted.items() if getattr(patient, field) != value]
    if not changed:
        return patient, []
    await _check_record_number(session, record_number, patient_id)
    for field in changed:
        setattr(patient, field, wanted[field])
    patient.version += 1
    await _flush(session)
    await session.refresh(patient, ["updated_at"])  # set by the database on update
    return patient, changed


async def lock_registrations(session: AsyncSession) -> None:
    """Hold every other conditional registration back until this transaction ends.

    A conditional create ("register unless someone matches") is a search then an insert; two
    requests naming the same person at once would both find nobody and both register. Keying
    the lock on the condition's text is not enough: `family=Park` and `family=park`, or an MRN
    and a phone, can name the same person. So there is one lock for all of them (they are rare:
    an EHR pushing a patient it already knows); the second waits for the first to commit, and
    its search then finds the patient the first made. A transaction-level advisory lock, so a
    rollback or a crash releases it.
    """
    await session.execute(select(func.pg_advisory_xact_lock(REGISTRATION_LOCK)))


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
