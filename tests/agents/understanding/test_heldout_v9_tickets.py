"""Requests for staff held-out v9 read as questions, bookings or hand-offs: a copy of a record asked for
(one's own or one's child's vaccination record, "me lo pueden mandar x mail?") is a records ticket; a
question put to a clinician through the clinic ("quería preguntarle a la doctora Morales si…") or a call
back asked so that someone says whether something is normal is a medical question for the care team; a
prescription that lapsed or is nearly used up ("the rx expired, can dr morales renew it?") is a
prescription ticket; and asking to be put on a payment plan as a favour ("¿me pueden poner en un plan de
pagos?") is a billing ticket. Near misses keep their reading."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import Intent, understand

TZ = ZoneInfo("America/New_York")
NOW = datetime(2027, 3, 3, 10, 0, tzinfo=TZ)


def _read(text: str):  # type: ignore[no-untyped-def]
    return understand(text, now=NOW, tz=TZ)


def _ticket(text: str, category: str) -> None:
    u = _read(text)
    assert (u.intent, u.fields.ticket_category) == (Intent.TICKET, category), (text, u.intent, u.fields)


@pytest.mark.parametrize(
    "text",
    [
        "hola, necesito una copia del registro de vacunas de mi hijo Thiago pal colegio, me lo pueden"
        " mandar x"
        " aca o x mail?",
        "necesito el carnet de vacunas de mi hija para la escuela, me lo pueden enviar por correo?",
        "ocupo copia de mi historial medico porfa",
        "buenas, me pueden mandar la cartilla de vacunacion de mi niña? la piden en la guarderia",
        "can you send me my daughter's vaccination record for school?",
        "can I get a copy of my son's immunization record? camp needs it",
        "I need a copy of my medical records",
        "hi could u email me my kids shot record pls",
        "i need copies of my records for my new doctor",
    ],
)
def test_a_copy_of_a_record_asked_for_is_a_records_ticket(text: str) -> None:
    _ticket(text, "records")


@pytest.mark.parametrize(
    "text",
    [
        "how do I get a copy of my records?",
        "do you do vaccines without an appointment?",
        "¿me pueden mandar por aquí los resultados?",
        "do you have flu shots?",
    ],
)
def test_how_records_or_vaccines_work_is_still_a_question(text: str) -> None:
    assert _read(text).intent is Intent.QUESTION, text


def test_a_childs_vaccines_wanted_with_a_day_is_still_a_visit() -> None:
    assert _read("mi hijo necesita sus vacunas para el colegio, tienen cita el martes?").intent is Intent.BOOK


@pytest.mark.parametrize(
    "text",
    [
        "buenas, en los análisis de sangre me salió el colesterol un poco alto, quería preguntarle a la"
        " doctora"
        " Morales si tengo q cambiar algo o espero al control",
        "queria preguntarle a la dra Lopez si puedo seguir con el mismo tratamiento",
        "le pueden preguntar al doctor si tengo que hacer algo con el azucar alta?",
        "pregúntele a mi médico si es normal que me duela la cabeza con la pastilla nueva",
        "I wanted to ask dr morales whether I should change anything after my cholesterol results",
        "can you ask the nurse if I should keep icing my knee?",
        "a question for dr. patel: my blood pressure is 145/90 at home, should I change my dose?",
        "hey, so I had a mole removed two weeks ago, and the stitches area is a little red, no fever or"
        " anything, I just wanted a nurse to call me back and tell me if that's normal",
        "my incision is a bit itchy, can someone call me back and tell me whether that's normal?",
        "que la enfermera me llame para decirme si esto es normal, tengo un moretón donde me sacaron sangre",
    ],
)
def test_a_question_for_the_clinician_is_a_medical_ticket(text: str) -> None:
    _ticket(text, "medical_question")


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("quiero una cita con la doctora Morales el lunes", Intent.BOOK),
        ("queria preguntarle a la doctora Morales si tiene citas el lunes", Intent.BOOK),
        ("please have someone call me back", Intent.HANDOFF),
        ("can someone call me back please, no rush", Intent.HANDOFF),
        ("que me llamen por favor", Intent.HANDOFF),
    ],
)
def test_a_visit_or_a_plain_call_back_keeps_its_reading(text: str, intent: Intent) -> None:
    assert _read(text).intent is intent, text


@pytest.mark.parametrize(
    "text",
    [
        "my albuterol inhaler is almost empty and the pharmacy says the rx expired, can dr morales renew it?"
        " walgreens on mill st. im fine, just dont want to run out",
        "my rx for metformin expired, can the doctor renew it? cvs on main",
        "im almost out of my blood pressure pills and the prescription expired",
        "se me vencio la receta del inhalador, me la pueden renovar?",
        "la receta vencida del losartan, casi se me acaba, la pueden mandar a la farmacia?",
    ],
)
def test_a_lapsed_or_nearly_used_up_prescription_is_a_prescription_ticket(text: str) -> None:
    _ticket(text, "prescription")


@pytest.mark.parametrize(
    "text",
    [
        "how long does a refill take?",
        "¿cuánto tardan en renovar una receta?",
    ],
)
def test_how_refills_work_is_still_a_question(text: str) -> None:
    assert _read(text).intent is Intent.QUESTION, text


@pytest.mark.parametrize(
    "text",
    [
        "hola, tengo un saldo de 380 dolares y no puedo pagarlo todo junto, me pueden poner en un plan de"
        " pagos"
        " porfa? mi cuenta es la 44817",
        "me podrian poner en plan de pagos? debo 600",
        "pónganme en un plan de pagos por favor, no puedo pagar todo",
        "can you put me on a payment plan? my balance is $520",
        "could you set me up on a payment plan please",
        "can I be put on a payment plan for my last bill?",
    ],
)
def test_asking_to_be_put_on_a_payment_plan_is_a_billing_ticket(text: str) -> None:
    _ticket(text, "billing")


@pytest.mark.parametrize(
    "text",
    [
        "do you do payment plans?",
        "¿tienen planes de pago?",
        "mi saldo es de 450 dólares, ¿lo puedo pagar en partes?",
    ],
)
def test_whether_a_payment_plan_exists_is_still_a_question(text: str) -> None:
    assert _read(text).intent is Intent.QUESTION, text
