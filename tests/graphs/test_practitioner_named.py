"""A booking that names a practitioner and no specialty is that practitioner's specialty: "cita con
el Dr. Brooks el viernes" offers Dr. Brooks's Friday times instead of asking which kind of
appointment (held-out v4 found it, in English and Spanish). A name nobody has is still asked;
with the specialty known, the patient is told the name was not found before the times of others."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest

from api.runtime import Runtime
from graphs.conversation.booking import is_named
from tests.graphs.test_booking import appointments_of
from tools.context import ToolContext
from tools.scheduling import find_slots, practitioner_specialty
from tools.schemas import FindSlotsArgs, PractitionerArgs


@pytest.mark.calendar
async def test_a_practitioner_named_without_a_specialty_is_their_specialty(
    demo: Runtime, patient: Any
) -> None:
    lucia = patient()
    offer = await lucia.says(
        "Hola, soy Lucía Pardo, nací el 9 de julio de 1990. ¿Me da cita con el Dr. Brooks el viernes?"
    )
    assert "Brooks" in offer and "viernes" in offer
    assert "Qué tipo de cita" not in offer
    reply = await lucia.says("la primera")
    assert "Cita reservada" in reply and lucia.last.outcome == "booked"
    [booked] = await appointments_of(demo, lucia.phone)
    assert booked.specialty == "dermatology"


async def test_a_practitioner_named_and_no_time_is_asked_when(patient: Any) -> None:
    sam = patient()
    reply = await sam.says("Sam Hill, born 1 May 1980. I'd like to see Dr Raman please")
    assert "What kind of appointment" not in reply and "When would suit you" in reply
    offer = await sam.says("as soon as possible")
    assert "Raman" in offer and "cardiology" in offer


async def test_a_name_nobody_has_is_still_asked_which_kind(patient: Any) -> None:
    kim = patient()
    reply = await kim.says("Kim Ode, born 2 March 1975. appointment with Dr. Zebulon on friday please")
    assert "What kind of appointment" in reply


@pytest.mark.parametrize(
    ("named", "specialty"),
    [
        ("Brooks", "dermatology"),
        ("brooks", "dermatology"),
        ("Nathan Brooks", "dermatology"),
        ("Raman", "cardiology"),
        ("Weiß", "orthopedics"),  # folded as "weiss"
        ("Mor", None),  # Morales (family medicine) and Moreau (pediatrics): two specialties, so asked
        ("Zebulon", None),
    ],
)
async def test_the_tool_finds_the_specialty_of_a_name_only_when_it_is_one(
    demo: Runtime, named: str, specialty: str | None
) -> None:
    ctx = ToolContext(
        demo.sessions, demo.embedder, demo.settings.tz, demo.clock(), uuid.uuid4(), "+15550199999"
    )
    assert await practitioner_specialty(PractitionerArgs(name=named), ctx) == specialty


@pytest.mark.parametrize(
    ("named", "theirs"),
    [
        ("Reed", "Dr. Marcus Reed"),
        ("marcus reed", "Dr. Marcus Reed"),
        ("Dr. Marcus Reed", "Dr. Marcus Reed"),  # a moved appointment's practitioner, as shown
        ("Ed", None),  # nobody: not Dr. Reed by a substring, so anyone of the specialty
    ],
)
async def test_slots_of_a_named_practitioner_are_theirs_by_word_prefix(
    demo: Runtime, named: str, theirs: str | None
) -> None:
    ctx = ToolContext(
        demo.sessions, demo.embedder, demo.settings.tz, demo.clock(), uuid.uuid4(), "+15550199999"
    )
    week = {"specialty": "orthopedics", "start": ctx.now, "end": ctx.now + timedelta(days=30), "limit": 10}
    found = await find_slots(FindSlotsArgs(**week, practitioner=named), ctx)
    anyone = await find_slots(FindSlotsArgs(**week), ctx)
    assert found and anyone
    if theirs:
        assert {slot.practitioner for slot in found} == {theirs}
    else:
        assert found == anyone
    assert {slot.practitioner for slot in anyone} == {"Dr. Hannah Weiss", "Dr. Marcus Reed"}


@pytest.mark.parametrize(
    ("message", "said"),
    [
        (
            "Kim Ode, born 2 March 1975. An orthopedics appointment with Dr. Zebulon as soon as possible",
            "I couldn't find a Dr. Zebulon among our orthopedics doctors",
        ),
        (  # a real doctor, of another specialty
            "Kim Ode, born 2 March 1975. A cardiology appointment with Dr. Brooks as soon as possible",
            "I couldn't find a Dr. Brooks among our cardiology doctors",
        ),
        (
            "Soy Kim Ode, nací el 2 de marzo de 1975. Cita de ortopedia con el Dr. Zebulón lo antes posible",
            "No encontré a nadie llamado Zebulón entre nuestros médicos de ortopedia",
        ),
    ],
)
async def test_a_named_practitioner_not_in_the_specialty_is_said_before_others_times(
    patient: Any, message: str, said: str
) -> None:
    kim = patient()
    reply = await kim.says(message)
    assert said in reply
    assert reply.index(said) < reply.index("1.")  # said before the times, which are someone else's


async def test_a_named_practitioner_who_works_there_gets_no_such_line(patient: Any) -> None:
    kim = patient()
    reply = await kim.says(
        "Kim Ode, born 2 March 1975. An orthopedics appointment with Dr. Reed as soon as possible"
    )
    assert "Reed" in reply and "couldn't find" not in reply


@pytest.mark.parametrize(
    ("named", "practitioner", "expected"),
    [
        ("Reed", "Dr. Marcus Reed", True),
        ("marcus reed", "Dr. Marcus Reed", True),
        ("Dr. Marcus Reed", "Dr. Marcus Reed", True),
        ("Weiß", "Dr. Hannah Weiss", True),
        ("Álvarez", "Dr. Sofia Alvarez", True),
        ("Ed", "Dr. Marcus Reed", False),
        ("Marcus Weiss", "Dr. Marcus Reed", False),
        ("", "Dr. Marcus Reed", False),
    ],
)
def test_a_name_is_matched_word_by_word_by_prefix(named: str, practitioner: str, expected: bool) -> None:
    assert is_named(named, practitioner) is expected
