"""Whole turns for classes held-out v7 found: a move that names the appointment's own day as the one
that does not suit and another as the one wanted ("I have a work thing thursday. can we do friday
morning instead?") leaves the appointment's day out (v7 offered Thursday again); "human pls" hands
over; "me la puedes quitar" cancels; a neighbour's phone and address are refused."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from api.runtime import Runtime
from tests.graphs.test_understanding_classes import appointments_of
from tests.instant import TZ


async def test_the_day_that_does_not_suit_is_left_out_of_a_move(
    demo: Runtime, patient: Any, register: Any
) -> None:
    for book, move, language in (
        (
            "book me w/ dermatology thurs morning pls",
            "ugh just remembered I have a work thing thursday. can we do friday morning instead?",
            "en",
        ),
        (
            "cita con dermatologia el jueves en la mañana",
            "perdón, tengo algo el jueves, me la pasas al viernes?",
            "es",
        ),
    ):
        pat = patient()
        await register(pat.phone, "Rosa Quintero", "1984-09-09", language=language)
        await pat.says(book)
        await pat.says("1")
        [(_, booked)] = await appointments_of(demo, pat.phone)
        day = booked.start_at.astimezone(TZ).date()
        assert day.weekday() == 3, pat.last.reply
        await pat.says(move)
        assert pat.last.state.get("task") == "reschedule", pat.last.reply
        offered = pat.last.state.get("offered", [])
        assert offered, pat.last.reply
        assert all(datetime.fromisoformat(o["start"]).astimezone(TZ).date() != day for o in offered), offered


async def test_a_human_asked_for_in_two_words_hands_over(demo: Runtime, patient: Any, register: Any) -> None:
    pat = patient()
    await register(pat.phone, "Gil Moreno", "1970-01-01")
    await pat.says("this bot isnt helping. human pls")
    assert pat.last.outcome == "handoff", pat.last.reply


async def test_me_la_puedes_quitar_cancels_the_appointment_just_booked(
    demo: Runtime, patient: Any, register: Any
) -> None:
    pat = patient()
    await register(pat.phone, "Inés Vidal", "1979-03-03", language="es")
    await pat.says("cita con dermatologia el miercoles en la tarde xfa")
    await pat.says("la primera")
    assert await appointments_of(demo, pat.phone), pat.last.reply
    await pat.says("ya no la necesito, me la puedes quitar?")
    assert pat.last.state.get("task") == "cancel" and pat.last.outcome == "none", (
        pat.last.reply
    )  # asks for a yes
    await pat.says("sí")
    assert pat.last.outcome == "cancelled", pat.last.reply
    assert not await appointments_of(demo, pat.phone)


async def test_a_neighbours_phone_and_address_are_refused(demo: Runtime, patient: Any) -> None:
    pat = patient()
    await pat.says("hola, me puedes pasar el telefono y la direccion de Maria Garcia? es mi vecina")
    assert pat.last.outcome == "refused", pat.last.reply
    assert "Maria" not in pat.last.reply and "+1555" not in pat.last.reply
