"""Whole turns for three classes held-out v7 found: a move to another weekday "same time" after a
booking ("my daughter has a recital monday. can I move it to tuesday same time?") goes to that
weekday of the appointment's week at its time, with its practitioner first (v7 offered Monday again,
with another doctor); a clock bound ("after 3", "después de las 3", "not before 2") limits the times
offered, a greeting "morning!" notwithstanding (v7 offered 9:00 for "after 3"); a surname the caller
spells letter by letter in Spanish outranks the platform's hearing of it (v7 registered "Benites")."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from api.runtime import Runtime
from graphs.runner import Runner
from store.patients.models import Patient
from tests.graphs.test_heldout_v5_call_identity import who
from tests.graphs.test_understanding_classes import appointments_of
from tests.graphs.test_voice_turns import call
from tests.instant import TZ


def _starts(offered: list[Any]) -> list[datetime]:
    return [datetime.fromisoformat(o["start"]).astimezone(TZ) for o in offered]


async def test_a_move_to_another_weekday_same_time_goes_to_that_day_of_its_week(
    demo: Runtime, patient: Any, register: Any
) -> None:
    for book, move, ahead, language in (
        (
            "hi I need dr raman monday at 11",
            "oh shoot, my daughter has a recital monday. can I move it to tuesday same time?",
            1,
            "en",
        ),
        ("cardio with dr raman monday morning", "monday doesn't work anymore, same time wednesday?", 2, "en"),
        (
            "cita con la dra raman el lunes a las 10",
            "tengo algo el lunes, ¿me la pasas al martes a la misma hora?",
            1,
            "es",
        ),
        (
            "cita con la dra raman el lunes en la mañana",
            "el lunes no puedo, mejor el jueves a la misma hora",
            3,
            "es",
        ),
    ):
        pat = patient()
        await register(pat.phone, "Maria Garcia", "1985-04-12", language=language)
        await pat.says(book)
        await pat.says("1")
        [(_, booked)] = await appointments_of(demo, pat.phone)
        assert "Raman" in pat.last.reply, pat.last.reply
        start = booked.start_at.astimezone(TZ)
        assert start.weekday() == 0, pat.last.reply
        await pat.says(move)
        assert pat.last.state.get("task") == "reschedule", pat.last.reply
        offered = pat.last.state.get("offered", [])
        target = start + timedelta(days=ahead)
        assert offered and all(s.date() == target.date() for s in _starts(offered)), (move, offered)
        assert min(abs(s - target) for s in _starts(offered)) <= timedelta(hours=1), offered
        then = [o for o in offered if _starts([o])[0] == target]
        raman_then = [o for o in then if "Raman" in o["practitioner"]]
        # a plain yes takes the very time the words land on; when it is taken, a number picks
        await pat.says(("yes" if language == "en" else "sí") if then else "1")
        [(_, moved)] = await appointments_of(demo, pat.phone)
        assert pat.last.outcome == "rescheduled", pat.last.reply
        assert moved.start_at.astimezone(TZ).date() == target.date(), pat.last.reply
        if raman_then:  # its practitioner at its time is offered: that is the one taken
            assert moved.start_at.astimezone(TZ) == target and "Raman" in pat.last.reply, pat.last.reply


async def test_a_clock_bound_limits_the_times_offered(demo: Runtime, patient: Any, register: Any) -> None:
    for ask, earliest, latest, language in (
        ("morning! can I get dermatology this thursday after 3?", 15, None, "en"),
        ("derm any day next week after 3pm please", 15, None, "en"),
        ("dermatology thursday, not before 2", 14, None, "en"),
        ("dermatology next week before 11", None, 11, "en"),
        ("buenos días, cita con dermatología el jueves después de las 3", 15, None, "es"),
        ("dermatología la semana que viene, de 4 en adelante", 16, None, "es"),
        ("dermatología el jueves antes de las 10", None, 10, "es"),
    ):
        pat = patient()
        await register(pat.phone, "Lucia Ferrer", "1990-05-05", language=language)
        await pat.says(ask)
        offered = _starts(pat.last.state.get("offered", []))
        assert offered, (ask, pat.last.reply)
        for start in offered:
            assert earliest is None or start.hour >= earliest, (ask, offered)
            assert latest is None or start.hour < latest, (ask, offered)


async def test_peds_this_thursday_after_3_books_after_3(demo: Runtime, patient: Any) -> None:
    pat = patient()
    await pat.says(
        "morning! my son daniel needs a sports physical for school, can we get peds this thursday after 3?"
        " he has practice till 2:30"
    )
    await pat.says("Daniel Garcia, born 2/14/2013")
    offered = _starts(pat.last.state.get("offered", []))
    assert offered and all(s.weekday() == 3 and s.hour >= 15 for s in offered), (offered, pat.last.reply)
    await pat.says("first one")
    [(who, booked)] = await appointments_of(demo, pat.phone)
    assert who == "Daniel" and booked.start_at.astimezone(TZ) == offered[0], pat.last.reply


_BENITEZ = (
    "Agente: Riverside Health, ¿en qué le puedo ayudar? Paciente: Sí, buenas tardes, eh, quería una "
    "cita para el, el ortopedista, tengo un dolor en el hombro hace semanas. Agente: ¿Me dice su nombre "
    "completo y su fecha de nacimiento? Paciente: Jorge Luis Benítez. Benítez con be larga, e, ene, i, "
    "te, e, zeta. Nací el veintidós de agosto del setenta y cuatro. Agente: ¿Qué día le queda bien? "
    "Paciente: El lunes que viene, en la mañana. Agente: Le mando los horarios por WhatsApp."
)


@pytest.mark.parametrize(
    ("transcript", "heard", "name"),
    [
        (_BENITEZ, "Jorge Luis Benites", "Jorge Luis Benítez"),
        (
            "Agente: buenas. Paciente: me llamo Ana Quiroga, Quiroga con cu, u, i, erre, o, ge, a, nací el 3 "
            "de marzo de 1980, quiero cita con dermatología",
            "Ana Kiroga",
            "Ana Quiroga",
        ),
        (
            "Agente: buenas. Paciente: soy Rosa Ibáñez, se escribe i, be larga, a con tilde, eñe, e, zeta, "
            "nací el 9 de mayo de 1975",
            "Rosa Ibanes",
            "Rosa Ibáñez",
        ),
        (  # nothing spelt: the platform's name stands
            "Agente: buenas. Paciente: soy Rosa Ibáñez, nací el 9 de mayo de 1975, quiero cita",
            "Rosa Ibanes",
            "Rosa Ibanes",
        ),
        (  # English spelling, as before
            "Agent: hi. Caller: my name is Siobhan, S-I-O-B-H-A-N, Mulcahy, M-U-L-C-A-H-Y, born May 5 1990",
            "Shavon Mulcahy",
            "Siobhan Mulcahy",
        ),
    ],
)
def test_a_surname_spelt_in_spanish_outranks_the_platforms_hearing(
    transcript: str, heard: str, name: str
) -> None:
    assert who(transcript, {"patient_name": heard, "date_of_birth": "1974-08-22"})[0] == name


async def test_a_caller_who_spells_a_surname_is_registered_as_spelt(
    demo: Runtime, runner: Runner, patient: Any
) -> None:
    pat = patient()
    data = {
        "intent": "book_appointment",
        "specialty": "orthopedics",
        "patient_name": "Jorge Luis Benites",
        "date_of_birth": "1974-08-22",
        "preferred_time": "morning",
        "language": "es",
    }
    result = await call(runner, pat.phone, _BENITEZ, data)
    assert "paciente nuevo" in result.reply, result.reply
    async with demo.sessions() as session:
        [made] = await session.scalars(select(Patient).where(Patient.phone == pat.phone))
    assert f"{made.given_name} {made.family_name}" == "Jorge Luis Benítez", (
        made.given_name,
        made.family_name,
    )
    again = await call(runner, pat.phone, _BENITEZ, data)  # the same caller again: found, not registered anew
    assert "paciente nuevo" not in again.reply, again.reply
    async with demo.sessions() as session:
        assert len(list(await session.scalars(select(Patient).where(Patient.phone == pat.phone)))) == 1
