"""Whole turns for the picks and the language held-out v6 found: a Spanglish conversation stays in
Spanish when the pick is "the first one porfa"; "la penúltima" is the second of three; "Dr Raman
please" while times are offered is the first of that practitioner's (and a new search when none of
theirs is offered); "cualquiera en la tarde, la primera" after morning times books the first of the
afternoon's."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from agents.understanding.timewords import next_weekday
from api.runtime import Runtime
from tests.graphs.test_understanding_classes import appointments_of
from tests.instant import NOW, TZ

TODAY = NOW.astimezone(TZ).date()


def _local(offered: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(offered["start"]).astimezone(TZ)


async def test_a_spanglish_conversation_stays_spanish_on_an_english_pick(
    demo: Runtime, patient: Any, register: Any
) -> None:
    wilber = patient()
    await register(wilber.phone, "Wilber Caceres", "1958-02-02", language="es")
    await wilber.says("hi, quiero hacer un appointment con el cardiologo para el monday, me chequen el heart")
    offered = wilber.last.state.get("offered", [])
    assert offered, wilber.last.reply
    await wilber.says("the first one porfa")
    [(_, booked)] = await appointments_of(demo, wilber.phone)
    assert str(booked.slot_id) == offered[0]["slot_id"]
    assert wilber.last.state["language"] == "es"
    assert wilber.last.reply.startswith("Cita reservada"), wilber.last.reply


async def test_the_second_to_last_is_the_middle_of_three(demo: Runtime, patient: Any, register: Any) -> None:
    for said, language in (("la penúltima", "es"), ("second to last one pls", "en")):
        rodolfo = patient()
        await register(rodolfo.phone, "Rodolfo Iturbe", "1981-07-28", language=language)
        await rodolfo.says(
            "ortopedia el martes en la mañana" if language == "es" else "orthopedics tuesday morning"
        )
        offered = rodolfo.last.state.get("offered", [])
        assert len(offered) == 3, rodolfo.last.reply
        await rodolfo.says(said)
        [(_, booked)] = await appointments_of(demo, rodolfo.phone)
        assert rodolfo.last.outcome == "booked", rodolfo.last.reply
        assert str(booked.slot_id) == offered[1]["slot_id"]


async def test_naming_an_offered_practitioner_books_their_first_time(
    demo: Runtime, patient: Any, register: Any
) -> None:
    june = patient()
    await register(june.phone, "Grace Liu", "1975-10-10")
    await june.says("cardiology next tuesday afternoon")
    offered = june.last.state.get("offered", [])
    assert offered, june.last.reply
    who = offered[-1]["practitioner"]
    theirs = [o for o in offered if o["practitioner"] == who]
    await june.says(f"Dr {who.split()[-1]} please")
    [(_, booked)] = await appointments_of(demo, june.phone)
    assert june.last.outcome == "booked", june.last.reply
    assert str(booked.slot_id) == min(theirs, key=_local)["slot_id"]


async def test_naming_a_practitioner_none_of_whose_times_is_offered_searches_theirs(
    demo: Runtime, patient: Any, register: Any
) -> None:
    noor = patient()
    await register(noor.phone, "Noor Haddad", "1990-04-04")
    await noor.says("dermatology with dr alvarez next wednesday morning")
    offered = noor.last.state.get("offered", [])
    assert offered and all(o["practitioner"] == "Dr. Sofia Alvarez" for o in offered), noor.last.reply
    await noor.says("Dr Brooks please")
    assert not await appointments_of(demo, noor.phone)
    again = noor.last.state.get("offered", [])
    assert again and all(o["practitioner"] == "Dr. Nathan Brooks" for o in again), noor.last.reply


async def test_a_position_said_with_a_new_part_of_the_day_books_among_the_new_times(
    demo: Runtime, patient: Any, register: Any
) -> None:
    for said, language in (
        ("cualquiera en la tarde, la primera", "es"),
        ("any in the afternoon, the first one", "en"),
    ):
        ana = patient()
        await register(ana.phone, "Ana Robles", "1992-07-21", language=language)
        monday = next_weekday(TODAY, 0)
        await ana.says(
            f"cita con dermatologia el lunes {monday.day} en la mañana"
            if language == "es"
            else f"dermatology on monday the {monday.day} in the morning"
        )
        assert ana.last.state.get("offered"), ana.last.reply
        await ana.says(said)
        assert ana.last.outcome == "booked", ana.last.reply
        [(_, booked)] = await appointments_of(demo, ana.phone)
        assert booked.start_at.astimezone(TZ).hour >= 12
        assert ana.last.state["language"] == language
