"""Whole turns for three classes: a move asked as a question ("¿me la pueden pasar al jueves?") moves
the appointment, never gets a knowledge answer; a day that reads two ways ("next Wednesday" said on
a Tuesday) is said back with the other reading; a child only mentioned ("it's for my daughter") on
a phone whose one patient is an adult is asked for by name and birth date and booked, not the adult."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest

from agents.phrasing.format import WEEKDAYS
from api.runtime import Runtime
from tests.graphs.test_understanding_classes import appointments_of
from tests.instant import NOW, TZ


def _offered_days(person: Any) -> list[date]:
    offered = person.last.state.get("offered", [])
    return [datetime.fromisoformat(o["start"]).astimezone(TZ).date() for o in offered]


@pytest.mark.parametrize(
    "question",
    [
        "¿me la pueden pasar al jueves?",
        "¿se puede cambiar para la otra semana?",
        "¿me la podrían cambiar al viernes?",
        "¿se podría pasar para el lunes?",
        "¿la cita se puede mover al jueves?",
        "se puede cambiar pa la otra semana",
        "¿me la pueden atrasar un día?",
        "¿me podrian dar otra fecha?",
    ],
)
async def test_a_move_asked_as_a_question_moves_the_appointment(
    question: str, patient: Any, register: Any, book_first: Any
) -> None:
    ana = patient()
    await book_first(await register(ana.phone, "Ana Vega", "1990-05-05", language="es"), "dermatology")
    reply = await ana.says(question)
    assert ana.last.state.get("task") == "reschedule", (question, reply)
    assert "(Fuente:" not in reply, reply
    assert "horarios libres" in reply or "¿Cuándo le viene bien?" in reply, reply  # no day said: asked


@pytest.mark.parametrize(
    "question",
    ["¿podría moverla una hora más tarde?", "can it be moved an hour later?", "¿se podrá atrasar una hora?"],
)
async def test_an_hour_later_is_the_same_day_an_hour_on(
    question: str, demo: Runtime, patient: Any, register: Any, book_first: Any
) -> None:
    eva = patient()
    await book_first(await register(eva.phone, "Eva Sol", "1984-04-04", language="es"), "cardiology", days=8)
    [(_, booked)] = await appointments_of(demo, eva.phone)
    await eva.says(question)
    starts = [datetime.fromisoformat(o["start"]) for o in eva.last.state.get("offered", [])]
    assert eva.last.state.get("task") == "reschedule" and starts, eva.last.reply
    later = booked.start_at + timedelta(hours=1)
    assert starts[0].astimezone(TZ).date() == later.astimezone(TZ).date() or starts[0] >= later


def _weekday_in_this_week() -> int | None:
    """A weekday (Monday..Friday) after today and still in this week, when there is one."""
    today = NOW.date()
    for ahead in range(2, 7 - today.weekday()):
        day = today + timedelta(days=ahead)
        if day.weekday() < 5:
            return day.weekday()
    return None


async def test_next_weekday_tomorrow_is_read_a_week_on_and_said_back(patient: Any, register: Any) -> None:
    tomorrow = NOW.date() + timedelta(days=1)
    if tomorrow.weekday() >= 5:
        pytest.skip("tomorrow is a weekend day: no slots to offer either way")
    leo = patient()
    await register(leo.phone, "Leo Park", "1980-01-01")
    name = WEEKDAYS["en"][tomorrow.weekday()]
    reply = await leo.says(f"dermatology next {name} please")
    assert set(_offered_days(leo)) == {tomorrow + timedelta(days=7)}, reply
    assert f'taken "next {name}"' in reply and f"{tomorrow.day}" in reply
    reply = await leo.says(f"I meant tomorrow, {name}")
    assert set(_offered_days(leo)) == {tomorrow}, reply


async def test_el_proximo_dia_de_esta_semana_is_the_nearest_and_names_the_other(
    patient: Any, register: Any
) -> None:
    weekday = _weekday_in_this_week()
    if weekday is None:
        pytest.skip("no weekday left in this week")
    sol = patient()
    await register(sol.phone, "Sol Rey", "1980-01-01", language="es")
    name = WEEKDAYS["es"][weekday]
    nearest = NOW.date() + timedelta(days=(weekday - NOW.weekday()) % 7)
    reply = await sol.says(f"dermatología el {name} que viene")
    assert set(_offered_days(sol)) == {nearest}, reply
    assert "He entendido" in reply and f"{(nearest + timedelta(days=7)).day} de" in reply
    await sol.says(f"no, el {name} de la semana que viene")
    assert set(_offered_days(sol)) == {nearest + timedelta(days=7)}


async def test_this_weekday_is_never_said_back(patient: Any, register: Any) -> None:
    weekday = _weekday_in_this_week()
    if weekday is None:
        pytest.skip("no weekday left in this week")
    ned = patient()
    await register(ned.phone, "Ned Ray", "1980-01-01")
    reply = await ned.says(f"dermatology this {WEEKDAYS['en'][weekday]}")
    assert "I've taken" not in reply and "Here are the first free times" in reply


@pytest.mark.parametrize(
    ("first", "details", "language"),
    [
        ("I'd like a check-up next week, it's for my daughter", "Zoe Adams, 3 March 2018", "en"),
        ("my son needs to see a pediatrician as soon as possible", "Max Adams, born 2019-06-06", "en"),
        ("quiero una cita para mi hija lo antes posible, medicina familiar", "Lía Adams, 4/5/2017", "es"),
        ("necesito que vean a mi hijo, dermatología cuanto antes", "Teo Adams 12 de enero de 2016", "es"),
    ],
)
async def test_a_child_only_mentioned_by_an_adult_is_asked_for_and_booked(
    first: str, details: str, language: str, demo: Runtime, patient: Any, register: Any
) -> None:
    parent = patient()
    await register(parent.phone, "Laura Adams", "1986-06-01", language=language)
    reply = await parent.says(first)
    assert "Zoe Adams, 3" in reply and parent.last.state.get("awaiting") == "identity", reply  # the child's
    reply = await parent.says(details)
    child = details.split()[0].strip(",")
    assert child in reply and ("registered" in reply or "registrado" in reply), reply
    await parent.says("1")
    booked = await appointments_of(demo, parent.phone)
    assert [who for who, _ in booked] == [child], booked


async def test_a_child_mentioned_on_a_phone_of_a_child_is_that_child(
    demo: Runtime, patient: Any, register: Any
) -> None:
    family = patient()
    await register(family.phone, "Tom Smith", "2015-03-02")
    reply = await family.says("I need to book a check-up for my son as soon as possible")
    assert "Here are the first free times" in reply
    await family.says("1")
    assert [who for who, _ in await appointments_of(demo, family.phone)] == ["Tom"]


async def test_the_adult_books_for_themself_when_no_child_is_mentioned(
    demo: Runtime, patient: Any, register: Any
) -> None:
    adult = patient()
    await register(adult.phone, "Rita Moss", "1970-02-02")
    assert "Here are the first free times" in await adult.says("dermatology as soon as possible")
    await adult.says("1")
    assert [who for who, _ in await appointments_of(demo, adult.phone)] == ["Rita"]
