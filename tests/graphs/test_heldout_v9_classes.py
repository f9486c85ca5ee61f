"""Whole turns for the classes held-out v9 found in bookings, calls and cancellations: a caller's
plain words outrank a platform field that contradicts them ("con la dermatóloga" against the
platform's cardiology, "la doctora Weiss" against its Dr. Reed, "Tuesday the 8th" against its
Monday), while a field the caller's words agree with or do not touch stands; an appointment to
cancel named by its kind ("cancel the derm one, keep the heart one") is the one confirmed, not
asked about; a short English pick in a Spanish chat is answered in Spanish; a son's "asthma follow
up" is not his name."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from agents.understanding.timewords import next_weekday
from api.runtime import Runtime
from graphs.runner import Runner
from tests.graphs.test_understanding_classes import appointments_of
from tests.graphs.test_voice_turns import call
from tests.instant import NOW, TZ

TODAY = NOW.astimezone(TZ).date()
THURSDAY = next_weekday(TODAY + timedelta(days=1), 3)
TUESDAY = next_weekday(TODAY + timedelta(days=3), 1)


def _ordinal(day: int) -> str:
    return f"{day}{'th' if 10 <= day % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"


def _starts(offered: list[Any]) -> list[datetime]:
    return [datetime.fromisoformat(o["start"]).astimezone(TZ) for o in offered]


async def test_a_callers_plain_words_outrank_the_platform_field_that_contradicts_them(
    demo: Runtime, runner: Runner, patient: Any, register: Any
) -> None:
    for said, data, check in (
        (
            "eh, sí, hola, este... quería una cita con, con la dermatóloga, eh, para el jueves, en la tarde,"
            " porque tengo unas ronchitas que pican",
            {"intent": "book_appointment", "specialty": "cardiology", "preferred_day": "Thursday",
             "time_of_day": "afternoon", "language": "es"},
            lambda o: o["specialty"] == "dermatology",
        ),
        (
            "Buenas tardes, yo quería una cita con la doctora Weiss, la de ortopedia, por la cadera, para el"
            f" jueves {THURSDAY.day} por la mañanita",
            {"intent": "book_appointment", "specialty": "orthopedics", "practitioner": "Dr. Reed",
             "preferred_date": THURSDAY.isoformat(), "time_of_day": "morning"},
            lambda o: "Weiss" in o["practitioner"],
        ),
        (
            f"I need to see a dermatologist about a mole, uh, Tuesday the {_ordinal(TUESDAY.day)}, any time",
            {"intent": "book_appointment", "specialty": "dermatology",
             "preferred_date": (TUESDAY - timedelta(days=1)).isoformat()},
            lambda o: datetime.fromisoformat(o["start"]).astimezone(TZ).date() == TUESDAY,
        ),
    ):  # fmt: skip
        pat = patient()
        await register(pat.phone, "Marta Cifuentes", "1959-05-18", language="es" if "eh" in said else "en")
        result = await call(runner, pat.phone, f"Agent: Riverside Health. Caller: {said} Agent: Okay.", data)
        offered = result.state.get("offered", [])
        assert offered and all(check(o) for o in offered), (said, result.reply)


async def test_a_platform_field_the_caller_agrees_with_or_never_contradicts_stands(
    demo: Runtime, runner: Runner, patient: Any, register: Any
) -> None:
    for said, data, check in (
        (  # a rash is a complaint, not a specialty named: the platform's family medicine stands
            "hi, I've got a rash on my arm, can I come in thursday morning",
            {"intent": "book_appointment", "specialty": "family medicine",
             "preferred_date": THURSDAY.isoformat(), "time_of_day": "morning"},
            lambda o: o["specialty"] == "family-medicine",
        ),
        (  # the platform's practitioner was said: it stands beside another doctor mentioned
            "I want Dr. Weiss, my old doctor was Dr. Reed, orthopedics thursday",
            {"intent": "book_appointment", "specialty": "orthopedics", "practitioner": "Dr. Weiss",
             "preferred_date": THURSDAY.isoformat()},
            lambda o: "Weiss" in o["practitioner"],
        ),
        (  # no day of the month said: the platform's date stands
            "dermatology please, the first day you have next week",
            {"intent": "book_appointment", "specialty": "dermatology",
             "preferred_date": (TUESDAY + timedelta(days=7)).isoformat()},
            lambda o: datetime.fromisoformat(o["start"]).astimezone(TZ).date() == TUESDAY + timedelta(days=7),
        ),
    ):  # fmt: skip
        pat = patient()
        await register(pat.phone, "Dwayne Carter", "1972-03-03")
        result = await call(runner, pat.phone, f"Agent: Riverside Health. Caller: {said} Agent: Okay.", data)
        offered = result.state.get("offered", [])
        assert offered and all(check(o) for o in offered), (said, result.reply)


async def test_an_appointment_to_cancel_named_by_its_kind_is_confirmed_not_asked_about(
    demo: Runtime, patient: Any, register: Any, book_first: Any
) -> None:
    for ask, yes, gone, kept in (
        ("ok actually cancel the derm one, keep the heart one", "yes", "dermatology", "cardiology"),
        ("cancela la de cardiología, la de la piel sí la quiero", "sí", "cardiology", "dermatology"),
    ):
        pat = patient()
        pid = await register(pat.phone, "Imani Foster", "1991-02-19", language="es" if yes == "sí" else "en")
        await book_first(pid, "dermatology", days=5)
        await book_first(pid, "cardiology", days=6)
        await pat.says(ask)
        assert pat.last.state.get("awaiting") != "which_appointment", pat.last.reply
        assert (pat.last.state.get("pending") or {}).get("appointment", {}).get("specialty") == gone
        await pat.says(yes)
        assert pat.last.outcome == "cancelled", pat.last.reply
        left = await appointments_of(demo, pat.phone)
        assert [a.specialty for _, a in left] == [kept], left


async def test_a_short_english_pick_in_a_spanish_chat_is_answered_in_spanish(
    demo: Runtime, patient: Any, register: Any
) -> None:
    pat = patient()
    await register(pat.phone, "Kiara Dominguez", "1998-04-02", language="es")
    await pat.says(f"hola, quiero un appt con cardio el jueves {THURSDAY.day} in the morning")
    await pat.says("first one")
    assert pat.last.outcome == "booked", pat.last.reply
    assert pat.last.state.get("language") == "es"
    assert "Cita reservada" in pat.last.reply, pat.last.reply


async def test_a_sons_reason_is_not_his_name(demo: Runtime, patient: Any) -> None:
    pat = patient()
    await pat.says(
        "Hello, first time here. I'd like to see Dr. Okafor for my son's asthma follow up, week after next"
        " on the Tuesday, in the afternoon. He's Jayden Moss, born 4/9/2017"
    )
    assert "Asthma" not in pat.last.reply, pat.last.reply
    offered = pat.last.state.get("offered", [])
    week_after_next = TODAY + timedelta(days=14 - TODAY.weekday())
    assert offered and all(s.date() == week_after_next + timedelta(days=1) for s in _starts(offered)), offered
    await pat.says("the first one pls")
    [(name, _)] = await appointments_of(demo, pat.phone)
    assert name == "Jayden", name
