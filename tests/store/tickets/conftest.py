"""Patients for tickets' foreign keys, inserted directly (independent of the patients service)."""

from __future__ import annotations

import random
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from store.patients.models import Patient


def random_phone() -> str:
    return f"+1555{random.randint(0, 9_999_999):07d}"


async def add_patient(session: AsyncSession, phone: str | None = None) -> Patient:
    patient = Patient(
        given_name="Tess", family_name="Ticket", birth_date=date(1980, 5, 6), phone=phone or random_phone()
    )
    session.add(patient)
    await session.flush()
    return patient


@pytest.fixture
def now() -> datetime:
    return datetime(2031, 3, 4, 9, 30, tzinfo=UTC)


@pytest.fixture
async def patient(session: AsyncSession) -> Patient:
    return await add_patient(session)


@pytest.fixture
def make_patient(session: AsyncSession) -> Callable[..., Awaitable[Patient]]:
    async def make(phone: str | None = None) -> Patient:
        return await add_patient(session, phone)

    return make
