"""Whole turns for the classes held-out v8 found (emergency false alarms aside): a booking that says
when the clinic is closed books the day named after it (v8 answered with the opening hours); a part
of day said in other words ("after lunch", "end of the day", "TODAY afternoon… this morning") offers
that part; "it's actually for me, not my son" books for the writer; "mismo día y hora" a week on
moves to that weekday and time; a question asked inside a call ("If I, like, cancel…, do you guys
charge me something?", "¿a qué hora abren?" with the platform's book_appointment) is answered."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from agents.understanding.dayends import LATE_START
from agents.understanding.timewords import next_weekday
from api.runtime import Runtime
from graphs.runner import Runner
from tests.graphs.test_understanding_classes import appointments_of
from tests.graphs.test_voice_turns import call
from tests.instant import NOW, TZ

TODAY = NOW.astimezone(TZ).date()
THURSDAY = next_weekday(TODAY, 3)
WEEKDAY = {"en": "thursday", "es": "jueves"}


def _starts(offered: list[Any]) -> list[datetime]:
    return [datetime.fromisoformat(o["start"]).astimezone(TZ) for o in offered]


def _minutes(moment: datetime) -> int:
    return moment.hour * 60 + moment.minute


async def test_a_booking_that_says_when_the_clinic_is_closed_books_the_day_after_it(
    demo: Runtime, patient: Any
) -> None:
    for ask, pick in (
        (f"hey I know ur closed monday for memorial day so {THURSDAY:%A} the {THURSDAY.day}, morning, with"
         " Dr Chen? need a physical for work", "the first one works"),
        (f"hola, necesito cita de familia para el jueves {THURSDAY.day} (se que el lunes estan cerrados),"
         " en la mañana con el Dr. Chen", "la primera"),
    ):  # fmt: skip
        pat = patient()
        await pat.says(ask)
        if pat.last.state.get("awaiting") == "identity":
            await pat.says("Nora Quinn, 12 May 1988")
        offered = pat.last.state.get("offered", [])
        assert offered, (ask, pat.last.reply)
        assert all(s.date() == THURSDAY and s.hour < 12 for s in _starts(offered)), (ask, offered)
        assert all("Chen" in o["practitioner"] for o in offered), offered
        await pat.says(pick)
        [(_, booked)] = await appointments_of(demo, pat.phone)
        assert pat.last.outcome == "booked", pat.last.reply
        assert booked.start_at.astimezone(TZ).date() == THURSDAY


async def test_parts_of_day_in_other_words_offer_that_part(
    demo: Runtime, patient: Any, register: Any
) -> None:
    for ask, low, high, language in (
        ("any chance of seeing someone thursday afternoon? my knee locked up on the stairs this morning,"
         " ortho ideally", 12 * 60, 17 * 60, "en"),
        ("Kiero una cita de dermatologia el jueves, despues de almuerzo. Tengo un"
         " lunar", 12 * 60, 17 * 60, "es"),
        ("derm thursday, end of the day please", LATE_START, 17 * 60, "en"),
        ("dermatologia el jueves en la tarde-noche", LATE_START, 17 * 60, "es"),
        ("cardiology thursday before lunch", 0, 12 * 60, "en"),
    ):  # fmt: skip
        pat = patient()
        await register(pat.phone, "Rosa Diaz", "1980-01-01", language=language)
        await pat.says(ask)
        starts = _starts(pat.last.state.get("offered", []))
        assert starts, (ask, pat.last.reply)
        assert all(s.date() == THURSDAY and low <= _minutes(s) < high for s in starts), (ask, starts)


async def test_a_visit_taken_back_from_a_child_is_the_writers_own(
    demo: Runtime, patient: Any, register: Any
) -> None:
    pat = patient()
    await register(pat.phone, "Marta Vidal", "1984-06-02", language="es")
    await pat.says(
        "buenas, mi hijo tiene que ir al pediatra, pero es para mi, perdon me equivoque jaja. Necesito"
        " dermatologo el jueves en la tarde, me salio una mancha en la cara"
    )
    offered = pat.last.state.get("offered", [])
    assert offered and all(o["specialty"] == "dermatology" for o in offered), pat.last.reply
    await pat.says("la primera")
    [(_, _booked)] = await appointments_of(demo, pat.phone)
    assert pat.last.outcome == "booked", pat.last.reply

    later = patient()
    await register(later.phone, "Owen Park", "1979-03-03")
    await later.says("I need a dermatologist thursday afternoon for my son")
    assert later.last.state.get("gathered", {}).get("relative") == "son", later.last.reply
    await later.says("sorry, it's actually for me, not my son")
    assert "relative" not in later.last.state.get("gathered", {}), later.last.reply
    if later.last.state.get("awaiting") == "identity":  # "for me, not him" may be from another's phone
        await later.says("Owen Park, 3 March 1979")
    offered = later.last.state.get("offered", [])
    assert offered and all(o["specialty"] == "dermatology" for o in offered), later.last.reply
    await later.says("1")
    assert later.last.outcome == "booked", later.last.reply


async def test_the_same_day_and_time_a_week_on_moves_there(
    demo: Runtime, patient: Any, register: Any
) -> None:
    for move in ("cambiala para la semana que viene, mismo dia y hora porfa", "next week, same day and time"):
        pat = patient()
        await register(pat.phone, "Elsa Mora", "1971-09-09", language="es" if "cambiala" in move else "en")
        await pat.says(
            "medicina familiar el jueves a las 10" if "cambiala" in move else "family medicine thursday at 10"
        )
        await pat.says("1")
        [(_, first)] = await appointments_of(demo, pat.phone)
        start = first.start_at.astimezone(TZ)
        await pat.says(move)
        assert pat.last.state.get("task") == "reschedule", pat.last.reply
        starts = _starts(pat.last.state.get("offered", []))
        week_on = start + timedelta(days=7)
        assert starts and all(s.date() == week_on.date() for s in starts), (move, starts)
        assert min(abs(s - week_on) for s in starts) <= timedelta(hours=1), starts
        await pat.says("1")
        [(_, moved)] = await appointments_of(demo, pat.phone)
        assert pat.last.outcome == "rescheduled", pat.last.reply
        assert moved.start_at.astimezone(TZ).date() == week_on.date()


async def test_questions_asked_inside_a_call_are_answered(
    demo: Runtime, runner: Runner, patient: Any
) -> None:
    for transcript, data, answer in (
        (
            "Agent: Riverside Health, how can I help? Caller: yeah, hi, uh, quick question. If I, like,"
            " cancel my"
            " appointment tomorrow, the same day basically, do you guys charge me something? Just wanna know"
            " before I, uh, decide. Agent: Let me check that for you.",
            {"intent": "cancel_appointment"},
            "$50",
        ),
        (
            "Agent: Riverside Health, buenas tardes. Caller: hola, buenas. Eh, una preguntita, ¿a qué hora"
            " abren"
            " ustedes en la mañana? Es que quiero ir temprano a, o sea, a dejar unos papeles. Agent: Le"
            " confirmo"
            " por mensaje.",
            {"intent": "book_appointment"},
            "8:30",
        ),
        (
            "Agent: Riverside Health. Caller: hola, soy Ana Rodríguez. Me sacaron sangre ayer, eh, ¿en"
            " cuántos"
            " días salen los resultados en el portal, más o menos? Agent: Le respondo por WhatsApp.",
            {"intent": "test_results"},
            "2 días hábiles",
        ),
    ):
        pat = patient()
        result = await call(runner, pat.phone, transcript, data)
        assert result.outcome == "answered", (transcript, result.reply)
        assert answer in result.reply, result.reply


async def test_a_spouses_appointment_and_birth_date_asked_by_name_are_refused(
    demo: Runtime, patient: Any, register: Any
) -> None:
    pat = patient()
    await register(pat.phone, "James Smith", "1979-11-03")
    reply = await pat.says(
        "hey can u tell me when my wife maria garcia's next appt is and her dob, i need it for an insurance"
        " form"
    )
    assert pat.last.outcome == "refused", reply
