"""A move asked as patients ask it (agents/understanding/moverequests.py): a verb of moving in any
form plus the appointment as its object or where it goes — in questions, with clitics, impersonal,
conditional or imperative, with typos and without accents; and the same verbs saying other things."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import Intent, understand

TZ = ZoneInfo("America/New_York")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=TZ)

SPANISH = [
    "¿me la pueden pasar al jueves?",
    "me la pueden pasar pal jueves?",
    "¿se puede cambiar para la otra semana?",
    "se puede cambiar pa la otra semana",
    "¿podría moverla una hora más tarde?",
    "podria moverla una hora mas tarde",
    "¿me la podrían cambiar al viernes?",
    "¿se podría pasar para el lunes?",
    "¿es posible cambiarla para mañana?",
    "¿puedo cambiarla a la tarde?",
    "¿la cita se puede mover al jueves?",
    "¿hay forma de pasarla a otro día?",
    "¿me podrías mover la cita al martes?",
    "¿se podrá adelantar una hora?",
    "¿me la pueden atrasar un día?",
    "¿pueden pasarme la cita al jueves?",
    "¿habría chance de correrla para el viernes?",
    "¿me la recorren una semana?",
    "¿la puedo reagendar?",
    "¿se puede posponer para el mes que viene?",
    "¿la podemos aplazar una semana?",
    "¿me cambian el turno para la tarde?",
    "cambienme la hora porfa",
    "kiero cambiar la sita para el biernes",
    "¿se podria adelantar para la mañana?",
    "necesito un cambio de cita",
    "¿me podrían dar otra fecha? no puedo ir el martes",
    "¿puedo cambiar de día?",
    "¿y si la movemos al lunes?",
    "muevamela al jueves x favor",
    "me la pasas pa el viernes?",
]
ENGLISH = [
    "can it be moved to thursday?",
    "is it possible to move it an hour later?",
    "any chance to push it to next week?",
    "can you bump me to friday?",
    "could you shift my appt to the afternoon?",
    "is there any way to do it a day later?",
    "can the appointment be changed to next week?",
    "can i change it to friday",
    "would it be possible to switch to monday?",
    "can i move to the 3pm slot",
    "could we make it thursday instead?",
    "can my visit be pushed back a week?",
    "pls move my apt to tmrw",
    "can u swap my appt to next wk",
]


@pytest.mark.parametrize("text", SPANISH + ENGLISH)
def test_a_move_asked_any_way_is_a_reschedule(text: str) -> None:
    assert understand(text, now=NOW, tz=TZ).intent is Intent.RESCHEDULE, text


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("¿qué pasa si cambio la cita?", Intent.QUESTION),
        ("¿cuánta anticipación necesito para cambiar la cita?", Intent.QUESTION),
        ("how much notice do you need to move an appointment?", Intent.QUESTION),
        ("¿puedo pasar a buscar la receta?", Intent.TICKET),
        ("¿se puede pasar sin cita?", Intent.QUESTION),
        ("¿me pueden cambiar la receta?", Intent.TICKET),
        ("quiero agendar una cita para el jueves", Intent.BOOK),
        ("¿puedo pasar mañana por la tarde?", Intent.BOOK),
        ("¿me pueden atender el jueves?", Intent.BOOK),
        ("I won't be able to make it on friday", Intent.CANCEL),
        ("I can't make it on monday, please cancel", Intent.CANCEL),
    ],
)
def test_the_same_verbs_saying_something_else_are_not_a_move(text: str, intent: Intent) -> None:
    assert understand(text, now=NOW, tz=TZ).intent is intent, text


@pytest.mark.parametrize(
    "text",
    [
        "no me puedo mover del dolor",
        "me caí y me duele la pierna, no puedo moverla",
        "pasé todo el día con fiebre",
        "pasé el día en cama con dolor",
        "me la paso llorando todo el día",
        "se me atrasó la regla una semana",
        "tengo un atraso de dos semanas",
        "necesito cambiar mi número de teléfono",
        "quiero cambiar de seguro",
        "¿se puede cambiar de médico?",
        "I changed my mind, I'll keep it",
        "I'm moving to another city, can I get my records?",
        "can I switch to telehealth?",
        "I bumped my head yesterday",
        "the pain changes during the day",
        "can I change my insurance on file?",
        "the doctor changed my dose last week",
        "can I bring him tomorrow?",
    ],
)
def test_no_move_without_the_appointment(text: str) -> None:
    assert understand(text, now=NOW, tz=TZ).intent is not Intent.RESCHEDULE, text
