"""Answering an offer with the time itself, or with a plain yes to the time asked for: the first
free times are often one time with two practitioners, and either reply books that time."""

from __future__ import annotations

from typing import Any

import pytest

from api.runtime import Runtime
from tests.graphs.test_booking import appointments_of


async def _booked_at(demo: Runtime, phone: str) -> str:
    [booked] = await appointments_of(demo, phone)
    return booked.start_at.astimezone(demo.settings.tz).strftime("%a %H:%M")


@pytest.mark.calendar
async def test_a_yes_to_the_time_asked_for_books_it(demo: Runtime, patient: Any) -> None:
    marta = patient()
    offer = await marta.says(
        "Hola, soy Marta Ruiz, nací el 3 de mayo de 1988. Quiero cita de dermatología el jueves a las 10"
    )
    assert "jueves 3 de diciembre a las 10:00" in offer
    reply = await marta.says("perfecto")
    assert "Cita reservada" in reply and marta.last.outcome == "booked"
    assert await _booked_at(demo, marta.phone) == "Thu 10:00"


@pytest.mark.calendar
async def test_the_time_said_back_books_it_with_the_first_practitioner_offered(
    demo: Runtime, patient: Any
) -> None:
    tom = patient()
    offer = await tom.says("Tom Reyes, born 2 June 1979. derm wednesday at 2:30?")
    assert "Wednesday, December 2 at 2:30 PM" in offer
    reply = await tom.says("2:30 sounds good")
    assert "You're booked" in reply and tom.last.outcome == "booked"
    assert await _booked_at(demo, tom.phone) == "Wed 14:30"


@pytest.mark.calendar
async def test_a_yes_to_a_part_of_day_is_still_asked_which(demo: Runtime, patient: Any) -> None:
    """'Thursday morning' names no one time: a plain yes to its several times is not a choice."""
    ana = patient()
    await ana.says("Ana Soto, born 4 April 1991. dermatology thursday morning please")
    reply = await ana.says("great")
    assert ana.last.outcome != "booked" and "1" in reply
    assert await appointments_of(demo, ana.phone) == []
