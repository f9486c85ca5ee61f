"""Whole turns for the classes the third held-out set found: the appointment just booked moved by
what the patient says relative to it (a plain yes takes the very time asked for), another
grown-up's appointment refused however they are named, a time alone picked on the day on offer,
a position after a yes, and a person asked to answer."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from api.runtime import Runtime
from tests.graphs.test_understanding_classes import appointments_of
from tests.instant import TZ


def _wall(moment: datetime, days: int) -> datetime:
    """The same wall-clock time `days` later in the clinic (across a DST change too)."""
    local = moment.astimezone(TZ)
    return datetime.combine(local.date() + timedelta(days=days), local.time(), tzinfo=TZ)


def _starts(offered: list[Any]) -> list[datetime]:
    return [datetime.fromisoformat(o["start"]).astimezone(TZ) for o in offered]


async def test_same_time_a_week_later_offers_that_time_and_a_yes_moves_it(
    demo: Runtime, patient: Any, register: Any
) -> None:
    rosa = patient()
    await register(rosa.phone, "Rosa Vidal", "1970-01-30", language="es")
    await rosa.says("quiero una cita de cardiología lo antes posible")
    await rosa.says("1")
    [(_, first)] = await appointments_of(demo, rosa.phone)
    target = _wall(first.start_at, 7)
    await rosa.says("¿se puede una semana más tarde? misma hora")  # reads as a question by its words alone
    assert rosa.last.state.get("task") == "reschedule"
    starts = _starts(rosa.last.state.get("offered", []))
    assert starts and all(s.date() == target.date() for s in starts), starts
    assert all(abs(s - target) <= timedelta(hours=1) for s in starts), starts
    if target in starts:  # the seed books about a fifth of the slots: it may be taken
        await rosa.says("sí")
        assert rosa.last.outcome == "rescheduled"
        [(_, moved)] = await appointments_of(demo, rosa.phone)
        assert moved.start_at.astimezone(TZ) == target


async def test_push_it_back_a_week_offers_the_nearest_to_its_time_first(
    demo: Runtime, patient: Any, register: Any
) -> None:
    sam = patient()
    await register(sam.phone, "Sam Ortega", "1968-05-05")
    await sam.says("dermatology as soon as possible")
    await sam.says("3")
    [(_, first)] = await appointments_of(demo, sam.phone)
    target = _wall(first.start_at, 7)
    await sam.says("ugh something came up, can you push it back a week?")
    starts = _starts(sam.last.state.get("offered", []))
    assert starts and all(s.date() == target.date() for s in starts), starts
    if target in starts:
        await sam.says("yes same time pls")
        assert sam.last.outcome == "rescheduled"


async def test_the_week_after_is_the_appointments_weekday_that_week(
    demo: Runtime, patient: Any, register: Any
) -> None:
    ines = patient()
    await register(ines.phone, "Ines Mora", "1980-03-03", language="es")
    await ines.says("cita de ortopedia lo antes posible")
    await ines.says("1")
    [(_, first)] = await appointments_of(demo, ines.phone)
    await ines.says("mejor la semana siguiente, por la tarde")
    starts = _starts(ines.last.state.get("offered", []))
    assert starts and ines.last.state.get("task") == "reschedule"
    week = _wall(first.start_at, 7).date()
    if all(s.date() == week for s in starts):  # that weekday a week on, unless it is full
        assert all(12 <= s.hour < 17 for s in starts), starts
    await ines.says("la primera")  # the pick among the move's times moves it
    assert ines.last.outcome == "rescheduled"
    [(_, moved)] = await appointments_of(demo, ines.phone)
    assert moved.start_at.astimezone(TZ) == starts[0]


async def test_a_clock_time_with_the_same_day_is_that_time_that_day(
    demo: Runtime, patient: Any, register: Any
) -> None:
    leo = patient()
    await register(leo.phone, "Leo Brandt", "1977-07-07")
    await leo.says("family medicine as soon as possible")
    await leo.says("1")
    [(_, first)] = await appointments_of(demo, leo.phone)
    day = first.start_at.astimezone(TZ).date()
    await leo.says("sorry, could we do later that day instead, like 4pm?")
    when = leo.last.state.get("gathered", {}).get("when") or {}
    assert leo.last.state.get("task") == "reschedule"
    assert when.get("near") == datetime.combine(day, datetime.min.time(), tzinfo=TZ) + timedelta(hours=16)


async def test_a_bare_pick_for_a_move_moves_it(patient: Any, register: Any, book_first: Any) -> None:
    """The patient asked for the move: picking its new time is the agreement, no "Please confirm"."""
    max_ = patient()
    await book_first(await register(max_.phone, "Max Aldana", "1966-06-16"), "orthopedics", days=9)
    await max_.says("can you move my appointment to the week after?")
    reply = await max_.says("1")
    assert reply.startswith("Done: your appointment is now on") and max_.last.outcome == "rescheduled", reply


async def test_another_grown_ups_appointment_is_refused(patient: Any, register: Any) -> None:
    maria = patient()
    await register(maria.phone, "Maria Lopez", "1985-04-12")
    for text in (
        "what time is my neighbour Mrs. Bennett's appointment next week? I'm driving her",
        "can you tell me when my ex's appointment is? his name's Robert",
        "¿me puede decir a qué hora es la cita de mi cuñada, la señora Fernández?",
        "Hola, soy vecina del señor Ortiz, ¿me puede decir cuándo tiene su próxima cita?",
    ):
        await maria.says(text)
        assert maria.last.outcome == "refused", text


async def test_a_childs_appointment_on_the_family_phone_is_not_refused(
    patient: Any, register: Any, book_first: Any
) -> None:
    family = patient()
    await register(family.phone, "Laura Paz", "1984-02-02")
    await book_first(await register(family.phone, "Tomas Paz", "2018-08-08"), "pediatrics")
    await family.says("when is my son's appointment?")
    assert family.last.outcome != "refused"


async def test_a_time_alone_not_offered_is_that_time_on_the_day_offered(
    demo: Runtime, patient: Any, register: Any
) -> None:
    kai = patient()
    await register(kai.phone, "Kai Moreno", "1991-01-11")
    await kai.says("orthopedics as soon as possible")
    [day] = {s.date() for s in _starts(kai.last.state["offered"])} or {None}
    assert day is not None
    asked = datetime.combine(day, datetime.min.time(), tzinfo=TZ) + timedelta(hours=16, minutes=30)
    reply = await kai.says("the 4:30 one")
    if kai.last.outcome == "booked":  # free: booked outright, as named
        [(_, booked)] = await appointments_of(demo, kai.phone)
        assert booked.start_at.astimezone(TZ) == asked, reply
    else:  # taken: the nearest from that time on, never a search of other days from scratch
        starts = _starts(kai.last.state.get("offered", []))
        assert starts and min(starts) >= asked, (reply, starts)


async def test_a_position_after_a_yes_books_it(demo: Runtime, patient: Any, register: Any) -> None:
    eli = patient()
    await register(eli.phone, "Eli Navarro", "1983-03-13")
    await eli.says("Hola! I need family medicine as soon as possible")
    second = _starts(eli.last.state["offered"])[1]
    await eli.says("ok, 2")
    assert eli.last.outcome == "booked"
    [(_, booked)] = await appointments_of(demo, eli.phone)
    assert booked.start_at.astimezone(TZ) == second


async def test_asking_for_a_person_to_answer_after_a_question_hands_off(patient: Any) -> None:
    guest = patient()
    await guest.says("¿tienen wifi en la sala de espera?")
    await guest.says("bueno, que me conteste una persona por favor")
    assert guest.last.outcome == "handoff"


async def test_a_child_named_on_a_family_phone_is_that_child(
    demo: Runtime, patient: Any, register: Any
) -> None:
    family = patient()
    await register(family.phone, "Ana Robles", "1990-07-21", language="es")
    await register(family.phone, "Lucía Robles", "2019-04-02", language="es")
    await register(family.phone, "Mateo Robles", "2021-09-09", language="es")
    reply = await family.says(
        "Hola, quiero cita con el pediatra para mi hija Lucía lo antes posible, es solo control"
    )
    assert "Dígame el nombre completo" not in reply and family.last.state.get("offered"), reply
    await family.says("la primera")
    [(who, booked)] = await appointments_of(demo, family.phone)
    assert who == "Lucía" and booked.specialty == "pediatrics"


async def test_a_child_not_named_on_a_family_phone_is_asked_for(patient: Any, register: Any) -> None:
    family = patient()
    await register(family.phone, "Ana Robles", "1990-07-21", language="es")
    await register(family.phone, "Lucía Robles", "2019-04-02", language="es")
    await register(family.phone, "Mateo Robles", "2021-09-09", language="es")
    reply = await family.says("quiero cita con el pediatra para mi hija lo antes posible")
    assert family.last.state.get("awaiting") == "identity", reply
