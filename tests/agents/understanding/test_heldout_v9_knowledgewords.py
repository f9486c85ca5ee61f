"""A lower price asked about ("¿hay descuento?", "me cobran más caro?", "is it cheaper without insurance?")
and the documents' way of giving it ("30% below our standard fees", "un 30% más barata") share one word, so
a "do you have X?" question about a discount is answered by the self-pay rates (held-out v9 opened a
ticket: the section never says "descuento")."""

from __future__ import annotations

import pytest

from agents.understanding.knowledgewords import stems_of

_SECTION_EN = "Patients without insurance pay our self-pay rates, which are 30% below our standard fees."
_SECTION_ES = (
    "Si no tiene seguro médico, paga nuestra tarifa de pago directo, un 30% más barata que la tarifa normal."
)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("no tengo seguro medico, me cobran más caro o hay descuento?", "es"),
        ("hay descuento si pago en efectivo?", "es"),
        ("¿tienen descuentos para gente sin seguro?", "es"),
        ("sale mas barato sin seguro?", "es"),
        ("do you have a discount for self pay?", "en"),
        ("is it cheaper if I don't use insurance?", "en"),
        ("do you charge more without insurance?", "en"),
        ("any discounts for uninsured patients?", "en"),
    ],
)
def test_a_discount_asked_meets_the_self_pay_rates(question: str, lang: str) -> None:
    section = _SECTION_ES if lang == "es" else _SECTION_EN
    assert "desc" in stems_of(question, lang) & stems_of(section, lang), question


@pytest.mark.parametrize(
    "text",
    [
        "Please bring your insurance card and a photo ID.",
        "¿a qué hora abren el sábado?",
        "do you take Aetna?",
    ],
)
def test_other_words_name_no_discount(text: str) -> None:
    assert "desc" not in stems_of(text, "en") and "desc" not in stems_of(text, "es"), text
