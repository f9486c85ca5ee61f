"""Whole turns for who the patient is, the classes held-out v6 found: someone who says who they are on a
registered patient's phone ("This is James's father, Harold") is never taken for that patient; a caller
booking for their mother books the mother, registered on the phone when she is not on it; a child's
name spelt with "same last name" is the child's full name; a given name that is a month, typed in lower
case, is a name. Each test asserts whom the appointment is for, never its time (the calendar guard
runs them at another instant)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from api.runtime import Runtime
from graphs.runner import Runner
from store.conversations.models import Channel
from tests.graphs.conftest import new_phone
from tests.graphs.test_heldout_v5_people import patients_on
from tests.graphs.test_voice_turns import appointments_of, call
from tests.instant import NOW

WEDNESDAY = (NOW + timedelta(days=(2 - NOW.weekday()) % 7 or 7)).date()
THURSDAY = (NOW + timedelta(days=(3 - NOW.weekday()) % 7 or 7)).date()


@pytest.mark.parametrize(
    ("owner", "first", "identity", "writer"),
    [
        (
            ("James Smith", "1979-11-03"),
            "This is James's father, Harold. He set up this phone number for me. I need to see the heart "
            "doctor next week please.",
            "Harold Smith, February 18 1946",
            ("Harold", "1946-02-18"),
        ),
        (
            ("Juan Rodriguez", "1980-05-05"),
            "Soy la esposa de Juan, Carmen. Quiero una cita de dermatología la próxima semana.",
            "Carmen Díaz, 3 de marzo de 1975",
            ("Carmen", "1975-03-03"),
        ),
        (
            ("Ana Rodriguez", "1992-07-21"),
            "Hola, soy Julio, el hermano de Ana. Quiero una cita para mí con el dermatólogo la próxima "
            "semana",
            "julio rodriguez, 9 de marzo de 1995",
            ("Julio", "1995-03-09"),
        ),
        (
            ("Juan Perez", "1970-01-01"),
            "Hi, this is Carmen, I need a cardiology appointment next week",
            "Carmen Lopez, 3/3/1975",
            ("Carmen", "1975-03-03"),
        ),
    ],
)
async def test_someone_who_says_who_they_are_on_anothers_phone_books_as_themself(
    demo: Runtime,
    patient: Any,
    register: Any,
    owner: tuple[str, str],
    first: str,
    identity: str,
    writer: tuple[str, str],
) -> None:
    phone = new_phone()
    owner_id = await register(phone, *owner)
    someone = patient(phone)
    asked = await someone.says(first)
    # asked who they are: nothing offered, nothing of the owner's said, the owner not taken for them
    assert someone.last.state.get("awaiting") == "identity" and not someone.last.state.get("offered"), asked
    assert owner[0].split()[0] not in asked and someone.last.state.get("patient_id") is None
    offered = await someone.says(identity)
    assert someone.last.state.get("offered"), offered
    await someone.says("1")
    assert someone.last.outcome == "booked", someone.last.reply
    people = {p.given_name: p for p in await patients_on(demo, phone)}
    assert people[writer[0]].birth_date.isoformat() == writer[1]
    assert len(await appointments_of(demo, people[writer[0]].id)) == 1
    assert await appointments_of(demo, owner_id) == []


@pytest.mark.parametrize(
    "first",
    [
        "This is James, I need a cardiology appointment next week",
        "hey it's Jim, cardiology next week please",
        "Hi, this is James Smith. Cardiology next week?",
    ],
)
async def test_the_owner_naming_himself_is_still_the_owner(
    demo: Runtime, patient: Any, register: Any, first: str
) -> None:
    phone = new_phone()
    james = await register(phone, "James Smith", "1979-11-03")
    owner = patient(phone)
    offered = await owner.says(first)
    assert owner.last.state.get("offered") and owner.last.state.get("patient_id") == str(james), offered


async def test_a_mother_booking_for_her_son_on_her_own_phone_books_the_son(
    demo: Runtime, patient: Any, register: Any
) -> None:
    phone = new_phone()
    maria = await register(phone, "Maria Garcia", "1985-04-12")
    mother = patient(phone)
    await mother.says(
        "Hi this is Maria, I'd like pediatrics next week for my son Leo Garcia, born June 2 2015"
    )
    assert mother.last.state.get("offered"), mother.last.reply
    await mother.says("1")
    people = {p.given_name: p for p in await patients_on(demo, phone)}
    assert set(people) == {"Maria", "Leo"}
    assert await appointments_of(demo, maria) == []
    assert len(await appointments_of(demo, people["Leo"].id)) == 1


async def test_a_caller_booking_for_her_mother_by_voice_books_the_mother_not_her(
    demo: Runtime, runner: Runner, register: Any
) -> None:
    phone = new_phone()
    ana = await register(phone, "Ana Rodriguez", "1992-07-21", language="es")
    result = await call(
        runner,
        phone,
        "Agente: Riverside Health, ¿en qué le ayudo? Paciente: Hola, soy Ana Rodríguez, pero la cita no "
        "es para mí, es para mi mamá, Dolores Vega, nacida el 14 de febrero de 1963. Ella no tiene "
        "celular, así que use el mío. Necesita cardiología el miércoles en la mañana. Agente: Muy bien, "
        "le mando las opciones.",
        {"intent": "book_appointment", "specialty": "cardiology", "preferred_date": WEDNESDAY.isoformat(),
         "preferred_time": "morning", "patient_name": "Ana Rodriguez", "language": "es"},
    )  # fmt: skip
    assert result.state.get("offered"), result.reply
    people = {p.given_name: p for p in await patients_on(demo, phone)}
    assert set(people) == {"Ana", "Dolores"} and people["Dolores"].birth_date.isoformat() == "1963-02-14"
    assert result.state["patient_id"] == str(people["Dolores"].id)
    await runner.run_turn(channel=Channel.WHATSAPP, phone=phone, texts=["la primera"])
    assert await appointments_of(demo, ana) == []
    [booked] = await appointments_of(demo, people["Dolores"].id)
    assert booked.specialty == "cardiology"


async def test_a_caller_booking_for_her_mom_unnamed_is_asked_for_the_moms_details(
    demo: Runtime, runner: Runner, register: Any
) -> None:
    phone = new_phone()
    maria = await register(phone, "Maria Garcia", "1985-04-12")
    result = await call(
        runner,
        phone,
        "Agent: Riverside Health. Caller: Hi, it's Maria Garcia. It's for my mom, she needs a cardiology "
        "checkup Wednesday morning. Agent: I'll text you.",
        {"intent": "book_appointment", "specialty": "cardiology", "preferred_date": WEDNESDAY.isoformat(),
         "preferred_time": "morning", "patient_name": "Maria Garcia"},
    )  # fmt: skip
    assert not result.state.get("offered") and result.state.get("awaiting") == "identity", result.reply
    second = await runner.run_turn(
        channel=Channel.WHATSAPP, phone=phone, texts=["Linda Park, born March 4 1950"]
    )
    assert second.state.get("offered"), second.reply
    await runner.run_turn(channel=Channel.WHATSAPP, phone=phone, texts=["1"])
    people = {p.given_name: p for p in await patients_on(demo, phone)}
    assert await appointments_of(demo, maria) == []
    assert len(await appointments_of(demo, people["Linda"].id)) == 1


async def test_a_sons_name_spelt_with_same_last_name_registers_and_books_the_son(
    demo: Runtime, runner: Runner
) -> None:
    phone = new_phone()
    result = await call(
        runner,
        phone,
        "Agent: Riverside Health. Caller: Hi, this is Paolo Marchetti, I'm calling for my son Theo, T-H-E-O, "
        "same last name, M-A-R-C-H-E-T-T-I. He was born November 20th, 2016. He needs his school sports "
        "physical with pediatrics, Thursday in the afternoon, after school. Agent: I'll send the options.",
        {"intent": "book_appointment", "specialty": "pediatrics", "preferred_date": THURSDAY.isoformat(),
         "preferred_time": "afternoon", "patient_name": "Paolo Marchetti"},
    )  # fmt: skip
    assert result.state.get("offered") and "Paolo" not in result.reply, result.reply
    [theo] = await patients_on(demo, phone)
    assert (theo.given_name, theo.family_name, theo.birth_date.isoformat()) == (
        "Theo",
        "Marchetti",
        "2016-11-20",
    )
    await runner.run_turn(channel=Channel.WHATSAPP, phone=phone, texts=["the first one"])
    assert len(await appointments_of(demo, theo.id)) == 1


@pytest.mark.parametrize(
    ("identity", "given", "family"),
    [
        ("my name is june park, born 3/4/1988", "June", "Park"),
        ("soy abril soto, nací el 2 de abril de 2001", "Abril", "Soto"),
        ("julio ramirez 15/4/1988", "Julio", "Ramirez"),
    ],
)
async def test_a_month_named_given_name_in_lower_case_registers_that_name(
    demo: Runtime, patient: Any, identity: str, given: str, family: str
) -> None:
    newcomer = patient()
    await newcomer.says("I'd like a dermatology appointment next week")
    assert newcomer.last.state.get("awaiting") == "identity", newcomer.last.reply
    await newcomer.says(identity)
    [made] = await patients_on(demo, newcomer.phone)
    assert (made.given_name, made.family_name) == (given, family)
