"""The clinic is data: the agent speaks for whatever clinic its rows describe, not a name in code."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import select, update

from api.runtime import Runtime
from graphs.clinic import ClinicCache, load_clinic
from graphs.runner import Runner
from store.conversations.models import Channel
from store.database import transaction
from store.demo.clinic import HOURS, LOCATION
from store.scheduling.models import Location, Practitioner
from tests.graphs.conftest import new_phone

LAKESIDE = "Lakeside Family Practice"


async def _rename(demo: Runtime, old: str, new: str) -> None:
    async with transaction(demo.sessions) as session:
        await session.execute(update(Location).where(Location.name == old).values(name=new))


async def _practising(demo: Runtime, ids: list[uuid.UUID], *, active: bool) -> None:
    async with transaction(demo.sessions) as session:
        await session.execute(update(Practitioner).where(Practitioner.id.in_(ids)).values(active=active))


@pytest.fixture
async def renamed(demo: Runtime) -> AsyncIterator[str]:
    """The demo clinic under another name for one test (the database is shared by the session)."""
    await _rename(demo, LOCATION["name"], LAKESIDE)
    try:
        yield LAKESIDE
    finally:
        await _rename(demo, LAKESIDE, LOCATION["name"])


async def test_the_agent_greets_in_the_name_its_data_gives(renamed: str, runner: Runner) -> None:
    greeted = await runner.run_turn(channel=Channel.WHATSAPP, phone=new_phone(), texts=["hello"])
    assert f"I'm the virtual assistant of {renamed}" in greeted.reply and "Riverside" not in greeted.reply


async def test_a_call_is_followed_up_in_the_clinics_name(renamed: str, runner: Runner) -> None:
    transcript = "Agent: Good morning. Caller: Hola, quería pedir una cita con el dermatólogo."
    result = await runner.run_turn(
        channel=Channel.WHATSAPP, phone=new_phone(), texts=[transcript], prefill={"language": "es"}
    )
    assert result.reply.startswith(f"Gracias por llamar a {renamed}.")


async def test_the_profile_is_the_main_locations_and_the_specialties_practised(demo: Runtime) -> None:
    async with transaction(demo.sessions) as session:
        clinic = await load_clinic(session)
    assert (clinic.name, clinic.hours) == (LOCATION["name"], HOURS)
    assert clinic.phone == LOCATION["phone"] and clinic.address is not None
    assert clinic.address.startswith(LOCATION["address_line"])
    assert clinic.specialties == ("cardiology", "dermatology", "family-medicine", "orthopedics", "pediatrics")


async def test_a_specialty_nobody_practises_any_more_is_not_offered(demo: Runtime) -> None:
    async with demo.sessions() as session:
        query = select(Practitioner.id).where(Practitioner.specialty == "cardiology")
        cardiologists = list(await session.scalars(query))
    await _practising(demo, cardiologists, active=False)
    try:
        async with transaction(demo.sessions) as session:
            clinic = await load_clinic(session)
        assert "cardiology" not in clinic.specialties and "dermatology" in clinic.specialties
    finally:
        await _practising(demo, cardiologists, active=True)


async def test_the_cached_profile_is_read_again_once_it_is_stale(demo: Runtime) -> None:
    cache = ClinicCache(demo.sessions, refresh_s=3600)
    assert (await cache()).name == LOCATION["name"]
    await _rename(demo, LOCATION["name"], LAKESIDE)
    try:
        assert (await cache()).name == LOCATION["name"]  # kept: no query per turn
        cache.refresh_s = 0
        assert (await cache()).name == LAKESIDE
    finally:
        await _rename(demo, LAKESIDE, LOCATION["name"])
