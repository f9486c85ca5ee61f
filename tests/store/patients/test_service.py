"""Patients: phone normalisation, shared phones, identity matching, registration checks."""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from store.errors import InvalidInput, NotFound
from store.patients import service as patients
from store.patients.models import Language, Patient
from tests.instant import NOW


def _phone() -> str:
    return f"+1555{random.randint(0, 9_999_999):07d}"


async def _create(session: AsyncSession, given: str, family: str, born: date, phone: str) -> Patient:
    return await patients.create(
        session, given_name=given, family_name=family, birth_date=born, phone=phone, today=NOW.date()
    )


@pytest.mark.parametrize(
    ("raw", "e164"),
    [
        ("+15550100001", "+15550100001"),
        ("(555) 010-0001", "+15550100001"),
        ("whatsapp:+15550100001", "+15550100001"),
        (" +44 20 7946 0958 ", "+442079460958"),
    ],
)
def test_normalize_phone(raw: str, e164: str) -> None:
    assert patients.normalize_phone(raw) == e164


@pytest.mark.parametrize("raw", ["", "call me", "12", "+1555", "+1 555 010 0001 0001 99"])
def test_normalize_phone_refuses_non_numbers(raw: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        patients.normalize_phone(raw)
    assert raised.value.field == "phone"


@pytest.mark.parametrize(
    ("name", "split"),
    [
        ("Lena Park", ("Lena", "Park")),
        ("Ana María  Rodríguez", ("Ana María", "Rodríguez")),
        ("Park, Lena", ("Lena", "Park")),
    ],
)
def test_split_name(name: str, split: tuple[str, str]) -> None:
    assert patients.split_name(name) == split


@pytest.mark.parametrize("name", ["Madonna", "  ", "Park,"])
def test_split_name_needs_two_parts(name: str) -> None:
    with pytest.raises(InvalidInput, match="name"):
        patients.split_name(name)


async def test_create_normalises_and_get_reads_back(session: AsyncSession) -> None:
    phone = _phone()
    created = await patients.create(
        session,
        given_name=" Ana ",
        family_name="Rodríguez",
        birth_date=date(1992, 7, 21),
        phone=phone.removeprefix("+1"),
        preferred_language="es",
        email="ana@example.org",
        today=NOW.date(),
    )
    found = await patients.get(session, patient_id=created.id)
    assert (found.given_name, found.phone, found.preferred_language) == ("Ana", phone, Language.ES)
    with pytest.raises(NotFound):
        await patients.get(session, patient_id=uuid.uuid4())


@pytest.mark.parametrize(
    ("field", "overrides"),
    [
        ("birth_date", {"birth_date": NOW.date() + timedelta(days=1)}),
        ("birth_date", {"birth_date": date(1899, 12, 31)}),
        ("phone", {"phone": "12345"}),
        ("given_name", {"given_name": "  "}),
        ("family_name", {"family_name": "x" * 101}),
        ("preferred_language", {"preferred_language": "fr"}),
        ("email", {"email": "not-an-email"}),
    ],
)
async def test_create_refuses_bad_fields(
    session: AsyncSession, field: str, overrides: dict[str, object]
) -> None:
    args: dict[str, object] = {
        "given_name": "A",
        "family_name": "B",
        "birth_date": date(1990, 1, 1),
        "phone": _phone(),
        "today": NOW.date(),
    } | overrides
    with pytest.raises(InvalidInput) as raised:
        await patients.create(session, **args)  # type: ignore[arg-type]
    assert raised.value.field == field


async def test_family_on_one_phone_listed_and_paged(session: AsyncSession) -> None:
    phone = _phone()
    mother = await _create(session, "Maria", "Garcia", date(1985, 4, 12), phone)
    son = await _create(session, "Leo", "Garcia", date(2012, 9, 1), phone)
    await _create(session, "Someone", "Else", date(1970, 1, 1), _phone())
    assert [p.id for p in await patients.find_by_phone(session, phone=phone)] == [mother.id, son.id]
    page, total = await patients.get_all(session, phone=phone, limit=1, offset=1)
    assert [p.id for p in page] == [mother.id] and total == 2  # by name: Leo before Maria


@pytest.mark.parametrize(
    "said",
    [
        "Maria Garcia",
        "maria garcia",
        "MARÍA GARCÍA",
        "Garcia, Maria",
        "Maria Garcia Lopez",
        "Maira Garcia",
        "maria",
    ],
)
async def test_match_tolerates_case_accents_order_typos(session: AsyncSession, said: str) -> None:
    phone = _phone()
    maria = await _create(session, "María", "García", date(1985, 4, 12), phone)
    await _create(session, "Leo", "Garcia", date(2012, 9, 1), phone)
    assert await patients.match(session, phone=phone, name=said, birth_date=date(1985, 4, 12)) == maria


async def test_match_needs_the_right_birth_date_name_and_phone(session: AsyncSession) -> None:
    phone = _phone()
    await _create(session, "Maria", "Garcia", date(1985, 4, 12), phone)
    assert (
        await patients.match(session, phone=phone, name="Maria Garcia", birth_date=date(1985, 4, 13)) is None
    )
    assert await patients.match(session, phone=phone, name="Ana Garcia", birth_date=date(1985, 4, 12)) is None
    assert await patients.match(session, phone=phone, name="Garcia", birth_date=date(1985, 4, 12)) is None
    assert (
        await patients.match(session, phone=_phone(), name="Maria Garcia", birth_date=date(1985, 4, 12))
        is None
    )


async def test_match_refuses_to_guess_between_equally_good_candidates(session: AsyncSession) -> None:
    phone, born = _phone(), date(2010, 5, 5)
    await _create(session, "Sam", "Lee", born, phone)
    await _create(session, "Sam", "Lee", born, phone)  # registered twice, or twins named alike
    assert await patients.match(session, phone=phone, name="Sam Lee", birth_date=born) is None
    twin = await _create(session, "Alex", "Kim", born, phone)
    await _create(session, "Alexa", "Kim", born, phone)
    assert await patients.match(session, phone=phone, name="Alex Kim", birth_date=born) == twin
