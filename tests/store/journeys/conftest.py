"""Patients (inserted directly) and uniquely named journey definitions for journey tests.

Keys and trigger events carry a random suffix: the session database is shared, and a definition
another test committed must never be started by this test's events.
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from store.journeys import service as journeys
from store.journeys.models import JourneyDefinition
from store.journeys.schemas import ActionSpec, StageSpec
from store.patients.models import Patient


@pytest.fixture
def now() -> datetime:
    return datetime(2031, 6, 2, 14, 0, tzinfo=UTC)


@pytest.fixture
def tag() -> str:
    """A suffix that makes this test's keys and events its own."""
    return secrets.token_hex(4)


@pytest.fixture
async def patient(session: AsyncSession) -> Patient:
    patient = Patient(
        given_name="Jo",
        family_name="Journey",
        birth_date=date(1975, 8, 9),
        phone=f"+1555{random.randint(0, 9_999_999):07d}",
    )
    session.add(patient)
    await session.flush()
    return patient


@pytest.fixture
def onboarding(session: AsyncSession, tag: str) -> Callable[..., Awaitable[JourneyDefinition]]:
    """New-patient onboarding: intake (answers) → visit (on booking) → follow-up (on the visit)."""

    async def make(**overrides: Any) -> JourneyDefinition:
        stages = [
            StageSpec(
                key="intake",
                name="Paperwork",
                asks=["insurance", "allergies"],
                actions=[ActionSpec(kind="send_message", template="welcome", offset_minutes=0)],
            ),
            StageSpec(
                key="visit",
                name="First visit",
                advance_on=f"appointment.completed.{tag}",
                actions=[
                    ActionSpec(
                        kind="send_message",
                        template="reminder",
                        offset_minutes=-1440,
                        anchor="appointment_start",
                    ),
                    ActionSpec(kind="send_message", template="nudge", offset_minutes=60),
                ],
            ),
            StageSpec(key="follow_up", name="Follow-up", advance_on=f"survey.answered.{tag}"),
        ]
        args: dict[str, Any] = {
            "key": f"onboarding-{tag}",
            "name": "New patient onboarding",
            "trigger": f"patient.registered.{tag}",
            "stages": stages,
        } | overrides
        return await journeys.create_definition(session, **args)

    return make
