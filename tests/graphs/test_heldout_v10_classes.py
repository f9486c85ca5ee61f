"""Whole turns for the classes held-out v10 found: a move asked right after a booking made in the same
conversation moves that appointment (v10 booked a second visit for "can we do the same day but in the
afternoon instead?", "el viernes no puedo, era el lunes 25"), to the day said inside the week it goes
to ("¿se puede cambiar para la otra semana? el miércoles 2" had searched the whole week); and a parent
booking for a child books the child, in a chat ("its maria garcia. my son Leo Garcia (DOB …)") and in a
call whose platform sent the caller's own name ("caller_name": "Laura Price")."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from agents.understanding import understand
from agents.understanding.timewords import next_weekday
from api.runtime import Runtime
from graphs.runner import Runner
from tests.graphs.test_understanding_classes import appointments_of
from tests.graphs.test_voice_turns import call
from tests.instant import NOW, TZ

TODAY = NOW.astimezone(TZ).date()


def _days(offered: list[Any]) -> set[date]:
    return {datetime.fromisoformat(o["start"]).astimezone(TZ).date() for o in offered}


def _next_week(day_of_week: int) -> date:
    """That weekday of what the agent reads as "la otra semana" today."""
    week = understand("la otra semana", now=NOW, tz=TZ).fields.when
    assert week is not None
    monday = week.start.astimezone(TZ).date()
    monday -= timedelta(days=monday.weekday())
    return monday + timedelta(days=day_of_week)


async def _booked(demo: Runtime, pat: Any, book: str, pick: str) -> datetime:
    await pat.says(book)
    await pat.says(pick)
    [(_, booked)] = await appointments_of(demo, pat.phone)
    return booked.start_at.astimezone(TZ)


async def test_a_move_right_after_a_booking_moves_it_on_the_same_day(
    demo: Runtime, patient: Any, register: Any
) -> None:
    for book, move, language in (
        (
            "Hi! dermatology for me, Friday morning",
            "can we do the same day but in the afternoon instead? forgot I have a dentist appt at 10",
            "en",
        ),
        ("derm friday morning please", "could we do that same day in the afternoon instead?", "en"),
        ("dermatología el viernes en la mañana", "¿se puede el mismo día pero en la tarde?", "es"),
    ):
        pat = patient()
        await register(pat.phone, "Maria Garcia", "1985-04-12", language=language)
        start = await _booked(demo, pat, book, "1")
        await pat.says(move)
        assert pat.last.state.get("task") == "reschedule", (move, pat.last.reply)
        offered = pat.last.state.get("offered", [])
        assert offered and _days(offered) == {start.date()}, (move, offered)
        assert all(datetime.fromisoformat(o["start"]).astimezone(TZ).hour >= 12 for o in offered), offered
        await pat.says("1")
        [(_, moved)] = await appointments_of(demo, pat.phone)
        assert pat.last.outcome == "rescheduled", pat.last.reply
        assert moved.start_at.astimezone(TZ).hour >= 12, pat.last.reply


async def test_a_day_taken_back_after_a_booking_moves_it_to_the_day_said(
    demo: Runtime, patient: Any, register: Any
) -> None:
    """Also while the agent asks a new patient's intake questions (insurance, allergies): v10 took
    "oops can't do thursday after all… monday afternoon?" for the answer to one of them."""
    friday = next_weekday(TODAY + timedelta(days=1), 4)
    monday = next_weekday(friday, 0)
    thursday = next_weekday(TODAY + timedelta(days=1), 3)
    for book, move, booked_on, moved_to, registered in (
        (
            "family medicine friday morning for a checkup",
            "oops can't do friday after all, my boss scheduled a meeting. monday afternoon?",
            friday, next_weekday(TODAY, 0), True,  # a bare "monday" is the coming one, before or after friday
        ),
        (
            "hi im Chris Dunn, born 2/2/1992, need family medicine thursday morning for a checkup",
            "oops can't do thursday after all, my boss scheduled a meeting. monday afternoon?",
            thursday, next_weekday(TODAY, 0), False,
        ),
        (
            "quiero cita con medicina familiar el viernes en la mañana",
            f"perdon me equivoque de dia, el viernes no puedo, era el lunes {monday.day} en la mañana",
            friday, monday, True,
        ),
        (
            "hola, quiero cita para mi hijo Diego Fuentes (14/02/2020) con pediatria el viernes en la mañana",
            f"perdon me equivoque de dia, el viernes no puedo, era el lunes {monday.day} en la mañana",
            friday, monday, False,
        ),
    ):  # fmt: skip
        pat = patient()
        if registered:
            await register(pat.phone, "Maria Garcia", "1985-04-12", language="es" if "el " in book else "en")
        start = await _booked(demo, pat, book, "1")
        assert start.date() == booked_on, pat.last.reply
        if not registered:
            assert pat.last.state.get("awaiting") == "intake", pat.last.reply
        await pat.says(move)
        assert pat.last.state.get("task") == "reschedule", (move, pat.last.reply)
        offered = pat.last.state.get("offered", [])
        assert offered and _days(offered) == {moved_to}, (move, offered)
        await pat.says("1")
        [(_, moved)] = await appointments_of(demo, pat.phone)
        assert pat.last.outcome == "rescheduled", pat.last.reply
        assert moved.start_at.astimezone(TZ).date() == moved_to, pat.last.reply


async def test_an_intake_answer_with_a_time_in_it_is_still_an_intake_answer(
    demo: Runtime, patient: Any
) -> None:
    pat = patient()
    await _booked(demo, pat, "hi im Chris Dunn, born 2/2/1992, need family medicine thursday morning", "1")
    assert pat.last.state.get("awaiting") == "intake", pat.last.reply
    await pat.says("Blue Cross")
    await pat.says("I take metformin every morning")
    assert pat.last.state.get("task") != "reschedule", pat.last.reply
    assert len(await appointments_of(demo, pat.phone)) == 1


async def test_a_move_to_next_week_on_a_day_said_goes_to_that_day(
    demo: Runtime, patient: Any, register: Any
) -> None:
    wednesday, tuesday = _next_week(2), _next_week(1)
    for book, move, target in (
        (
            "quiero cita con cardiología mañana en la mañana",
            f"se puede cambiar para la otra semana? el miércoles {wednesday.day}, también en la mañana",
            wednesday,
        ),
        (
            "necesito ortopedia mañana en la tarde, me torcí el tobillo",
            "ay no, mañana no puedo al final. me la mueves a la semana que viene, el martes a eso de las 10?",
            tuesday,
        ),
    ):
        pat = patient()
        await register(pat.phone, "Ana Rodriguez", "1992-07-21", language="es")
        await _booked(demo, pat, book, "1")
        await pat.says(move)
        assert pat.last.state.get("task") == "reschedule", (move, pat.last.reply)
        offered = pat.last.state.get("offered", [])
        assert offered and _days(offered) == {target}, (move, offered)
        await pat.says("la primera")
        [(_, moved)] = await appointments_of(demo, pat.phone)
        assert moved.start_at.astimezone(TZ).date() == target, pat.last.reply


async def test_another_visit_asked_after_a_booking_is_booked_beside_it(
    demo: Runtime, patient: Any, register: Any
) -> None:
    pat = patient()
    await register(pat.phone, "Maria Garcia", "1985-04-12")
    await _booked(demo, pat, "dermatology friday morning", "1")
    await pat.says("can I also book another one the same day in the afternoon? for a second spot")
    assert pat.last.state.get("task") != "reschedule", pat.last.reply


async def test_a_parent_who_introduced_themself_books_the_child(
    demo: Runtime, patient: Any, register: Any
) -> None:
    mum = patient()
    await register(mum.phone, "Maria Garcia", "1985-04-12")
    reply = await mum.says(
        "good morning! its maria garcia. my son Leo Garcia (DOB 08/30/2021) has had an earache since"
        " saturday night, can pediatrics see him tomorrow after 2? i work mornings"
    )
    assert "Leo" in reply, reply
    await mum.says("first one pls")
    [(who, booked)] = await appointments_of(demo, mum.phone)
    assert who == "Leo" and booked.specialty == "pediatrics", mum.last.reply


async def test_a_caller_booking_for_a_child_books_the_child_not_the_caller(
    demo: Runtime, runner: Runner, patient: Any
) -> None:
    for said, data, child in (
        (
            "Hi, um, so I'm calling for my son, he's had a sore throat for like four days now and I'd like"
            " him to see the pediatrician. Agent: Sure. What's your son's name and date of birth? Caller:"
            " Noah, Noah Price. He's ten, born June twenty-first, 2017. Agent: When? Caller: Tomorrow"
            " afternoon?",
            {"intent": "book_appointment", "caller_name": "Laura Price", "specialty": "pediatrics",
             "preferred_date": "tomorrow", "preferred_time": "15:30"},
            "Noah",
        ),
        (
            "Llamo para hacer una cita para mi hija, Camila Ortega. Tiene ocho años, nació el diecisiete de"
            " mayo de 2019. Agent: ¿Qué día? Caller: el jueves, por la mañana.",
            {"intent": "book_appointment", "patient_name": "Camila Ortega", "specialty": "pediatrics",
             "preferred_date": "jueves", "preferred_time": "mañana"},
            "Camila",
        ),
    ):  # fmt: skip
        pat = patient()
        await call(runner, pat.phone, f"Agent: Riverside Health. Caller: {said}", data)
        await pat.says("1st one")
        [(who, booked)] = await appointments_of(demo, pat.phone)
        assert who == child and booked.specialty == "pediatrics", pat.last.reply


async def test_a_caller_with_no_child_named_is_asked_for_the_childs_details(
    runner: Runner, patient: Any
) -> None:
    pat = patient()
    result = await call(
        runner,
        pat.phone,
        "Agent: Riverside Health. Caller: I'm calling for my son, he needs the pediatrician tomorrow"
        " afternoon.",
        {"intent": "book_appointment", "caller_name": "Laura Price", "specialty": "pediatrics"},
    )
    assert "Laura" not in result.reply and result.state.get("awaiting") == "identity", result.reply
