"""The knowledge answers held-out v5 missed, as classes: a holiday named as a date or by its name is
answered by the hours section with the days the clinic is closed ("el 25 de diciembre abren?" was given
the paperwork section for "papeles"); "without booking" is a walk-in and a bare "when?" asks when (the
vaccine list was given instead of the walk-in hours); "for how long" is answered by the sentence that
says how long ("8 to 12 hours"); and paying a balance over time ("lo puedo pagar en partes?") is a
question the billing section answers, not a billing ticket."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("el 25 de diciembre abren? necesito pasar por unos papeles", "cerrad"),
        ("abren en navidad?", "cerrad"),
        ("estan abiertos el 4 de julio?", "cerrad"),
        ("el dia de accion de gracias atienden?", "cerrad"),
        ("are you open on christmas day? I need to drop off some forms", "closed"),
        ("r u guys open on the 4th of july", "closed"),
        ("open on thanksgiving?", "closed"),
        ("hi! can I get a flu shot without booking? when?", "4:30"),
        ("can I just walk in for a covid shot? what days?", "4:30"),
        ("flu shot w/o an appointment, when?", "4:30"),
        ("me puedo vacunar contra la gripe sin hacer cita? cuando?", "4:30"),
        ("do i need to fast for a cholesterol blood test and for how long", "12"),
        ("how many hours do I have to fast before blood work?", "12"),
        ("tengo que ir en ayunas para el colesterol? cuantas horas?", "12"),
        ("mi saldo es de 450 dolares, lo puedo pagar en partes?", "200"),
        ("se puede pagar a plazos?", "200"),
        ("my balance is $450, can I pay it in installments?", "200"),
        ("do you do payment plans?", "200"),
    ],
)
async def test_the_question_gets_the_passage_that_answers_it(
    question: str, answer: str, patient: Any
) -> None:
    someone = patient()
    reply = await someone.says(question)
    assert someone.last.outcome == "answered", reply
    assert answer in reply, reply


@pytest.mark.parametrize(
    "question",
    [
        "tienen planes de pago? debo como 450 dolares",
        "my bank account is bleeding after that ER bill 😂 do you guys do payment plans?",
        "do you offer a payment plan?",
    ],
)
async def test_payment_plans_named_outright_keep_their_answer(question: str, patient: Any) -> None:
    someone = patient()
    reply = await someone.says(question)
    assert someone.last.outcome == "answered" and "200" in reply, reply
