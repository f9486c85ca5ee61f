"""A slot lost to someone else between offer and choice; journeys driven by the conversation."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select

from api.runtime import Runtime
from store.database import transaction
from store.journeys.models import JourneyInstance
from store.scheduling import service as scheduling


async def test_a_slot_taken_between_offer_and_choice_offers_others(
    demo: Runtime, patient: Any, register: Any
) -> None:
    racer = patient()
    await register(racer.phone, "Rae Sour", "1985-05-05")
    await racer.says("I'd like a cardiology appointment next Thursday morning")
    offered = racer.last.state["offered"]
    rival = await register(patient().phone, "Riv Al", "1980-01-01")
    async with transaction(demo.sessions) as session:  # someone else books slot 1 first
        await scheduling.book(
            session,
            slot_id=uuid.UUID(offered[0]["slot_id"]),
            patient_id=rival,
            reason=None,
            now=racer.runner.clock(),
        )
    reply = await racer.says("the first one")
    assert "that time was just taken" in reply and racer.last.outcome != "booked"
    alternatives = racer.last.state["offered"]
    assert alternatives and offered[0]["slot_id"] not in {o["slot_id"] for o in alternatives}
    assert "You're booked" in await racer.says("1")


async def test_a_new_patient_is_onboarded_and_asked_intake_questions(demo: Runtime, patient: Any) -> None:
    newbie = patient()
    await newbie.says("I want to book a check-up as soon as possible")
    await newbie.says("Nora Quinn, 3 March 1991")
    reply = await newbie.says("1")
    assert "You're booked" in reply and "which health insurance do you have?" in reply
    assert "allergies" in await newbie.says("Blue Cross")
    assert "medications" in await newbie.says("penicillin")
    assert "added that to your file" in await newbie.says("none")
    async with demo.sessions() as session:
        pid = uuid.UUID(newbie.last.state["patient_id"])
        journeys = list(
            await session.scalars(select(JourneyInstance).where(JourneyInstance.patient_id == pid))
        )
    onboarding = next(j for j in journeys if j.definition.key == "new-patient-onboarding")
    assert onboarding.context["answers"] == {
        "insurance": "Blue Cross",
        "allergies": "penicillin",
        "medications": "none",
    }
    assert onboarding.current_stage_key != "intake"
    assert any(j.definition.key == "appointment-reminder" for j in journeys)
