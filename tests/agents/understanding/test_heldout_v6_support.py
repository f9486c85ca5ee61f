"""Requests held-out v6 misread, as classes: lost property ("I left my glasses in the waiting room",
"se me olvidó el paraguas en la sala de espera", "did anyone find a blue scarf?") is a ticket for the
front desk (`other`, normal), while losing something with no place at the clinic and nothing asked to
be found ("I lost my insurance card, can you send me a new one?") keeps its reading; a change said
under "if" beside a notice question asks the policy; "¿en qué oficina queda…?" asks where; a how-to
after a sentence of context asks how; results asked for by this chat ask how results are given;
"¿reciben MassHealth?" asks whether the insurance is accepted; "que le manden mis análisis a mi nuevo
médico" is a records ticket."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import Intent, understand

TZ = ZoneInfo("America/New_York")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=TZ)


def read(text: str) -> tuple[Intent, str | None, str | None]:
    u = understand(text, now=NOW, tz=TZ)
    return u.intent, u.fields.ticket_category, u.fields.ticket_priority


@pytest.mark.parametrize(
    "text",
    [
        "I think I left my reading glasses in one of the exam rooms on Wednesday. Did anyone turn them in?",
        "I left my reading glasses in the waiting room yesterday",
        "did anyone find a blue scarf",
        "has anyone turned in a black umbrella? I think I left it at my appointment today",
        "I lost my wallet at your clinic",
        "ayer dejé una bufanda roja en la sala de espera, ¿alguien la encontró?",
        "se me olvidó el paraguas en la sala de espera",
        "perdí mis llaves en la clínica ayer",
        "se me quedó el celular en el consultorio hoy",
        "¿alguien encontró unas llaves? las dejé en recepción",
    ],
)
def test_lost_property_is_a_normal_front_desk_ticket(text: str) -> None:
    assert read(text) == (Intent.TICKET, "other", "normal")


@pytest.mark.parametrize(
    ("text", "intent", "category"),
    [
        ("I lost my insurance card, can you send me a new one?", Intent.QUESTION, None),
        ("perdí mi tarjeta del seguro, ¿me mandan otra?", Intent.QUESTION, None),
        ("I lost my prescription, can you send a new one?", Intent.TICKET, "prescription"),
        ("did you find a time for me?", Intent.QUESTION, None),
    ],
)
def test_near_misses_keep_their_reading(text: str, intent: Intent, category: str | None) -> None:
    assert read(text)[:2] == (intent, category)


@pytest.mark.parametrize(
    "text",
    [
        "I left a message at the front desk yesterday",
        "I left early from the waiting room because it was too long",
        "se me olvidó la cita de ayer, ¿me cobran?",
    ],
)
def test_leaving_no_thing_behind_is_not_lost_property(text: str) -> None:
    assert read(text)[1] != "other"


@pytest.mark.parametrize(
    "text",
    [
        "if i need to reschedule my visit next week, how much notice do you guys need?",
        "si tengo que cambiar mi cita, ¿con cuánta anticipación aviso?",
        "en que oficina queda facturacion?",
        "switching to you from my old doctor in worcester. how do i get my records moved over?",
        "¿me pueden mandar por aquí los resultados de mis análisis?",
        "can you send me my lab results here on whatsapp?",
        "¿reciben MassHealth?",
        "do you take tufts?",
    ],
)
def test_clinic_questions_are_questions(text: str) -> None:
    assert read(text)[0] is Intent.QUESTION


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("I need to reschedule my visit next week", Intent.RESCHEDULE),
        ("please send my last two years of records to Dr. Patel at Baystate", Intent.TICKET),
        ("please send my lab results to my new doctor", Intent.TICKET),
        (
            "necesito que le manden mis análisis de sangre a mi nuevo médico en Orlando, me mudé",
            Intent.TICKET,
        ),
    ],
)
def test_requests_stay_requests(text: str, intent: Intent) -> None:
    assert read(text)[0] is intent
