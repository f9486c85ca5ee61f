"""The passage that answers (issue #16 item 5): a few sentences of the right section, in one line
each, never the whole document."""

from __future__ import annotations

import pytest

from graphs.conversation.knowledge import MAX_SENTENCES, best, passage
from tools.schemas import KnowledgeHit

TITLE = "Fasting Before Blood Tests"
NEED = KnowledgeHit(
    title=TITLE,
    source="fasting-blood-tests.md",
    score=0.62,
    text=f"{TITLE} — Do I need to fast?\n\nSome blood tests need an empty stomach: a fasting glucose "
    "test, a\n"
    'lipid panel and some metabolic panels. Your doctor or the lab order will say "fasting" when you\n'
    "need to fast. Most other blood tests do not need fasting.",
)
HOW = KnowledgeHit(
    title=TITLE,
    source="fasting-blood-tests.md",
    score=0.55,
    text="\n".join(
        [
            f"{TITLE} — How to fast",
            "",
            "- Do not eat or drink anything except water for **8 to 12 hours** before",
            "  the test.",
            "- Drink water: it keeps your veins easy to find.",
            "- Take your usual medicines unless your doctor told you otherwise.",
            "- No coffee, tea, juice, chewing gum, smoking or exercise before the test.",
            "",
            "The lab draws blood on weekdays from 8:00 to 11:00 a.m. without an appointment.",
        ]
    ),
)
SPANISH = KnowledgeHit(
    title=TITLE,
    source="fasting-blood-tests.md",
    score=0.5,
    text=f"{TITLE} — En español: ayuno antes del análisis de sangre\n\nPara algunos análisis de sangre "
    "(glucosa, colesterol) debe ir en ayunas: no coma ni beba nada\ndurante 8 a 12 horas, solo agua. "
    "Tome sus medicinas habituales.",
)
HITS = [NEED, HOW, SPANISH]


def test_two_questions_get_the_sentences_that_answer_each() -> None:
    question = "I have a blood test tomorrow, do I need to fast? can I still have a coffee?"
    text = passage(HITS, best(HITS, question, "en"), question, "en")
    assert "No coffee" in text and "fasting" in text
    assert len(text.splitlines()) <= MAX_SENTENCES


def test_a_passage_has_no_broken_line_wraps_and_no_markdown() -> None:
    question = "how many hours do i have to fast"
    text = passage(HITS, best(HITS, question, "en"), question, "en")
    assert "8 to 12 hours" in text and "**" not in text
    assert all(not line.startswith(" ") for line in text.splitlines())
    assert "before the test" in text.replace("\n", " ")  # the wrapped bullet is one line


def test_a_spanish_question_gets_the_spanish_passage() -> None:
    question = "¿tengo que ir en ayunas al análisis de sangre?"
    chosen = best(HITS, question, "es")
    text = passage(HITS, chosen, question, "es")
    assert chosen is SPANISH and "ayunas" in text and "fast" not in text


def test_a_question_sharing_no_word_gets_the_sections_opening() -> None:
    text = passage(HITS, NEED, "hmm?", "en")
    assert text.startswith("Some blood tests need an empty stomach")
    assert len(text) < len(NEED.text)


PARKING_ES = KnowledgeHit(
    title="Address and Parking",
    source="address-and-parking.md",
    score=0.3,
    text="Address and Parking — En español: estacionamiento\n\nEstacionamiento gratis para pacientes: puede "
    "estacionar en el garaje de la clínica, con entrada\npor Mill Street.",
)


def test_regional_spanish_words_find_the_section_that_uses_another() -> None:
    from graphs.conversation.knowledge import confident

    for question in ("¿dónde puedo aparcar?", "¿dónde se puede parquear?"):
        assert confident([PARKING_ES], PARKING_ES, question, "es"), question


WALK_IN = "Vaccination Walk-In Clinic"
WHEN_WHERE = KnowledgeHit(
    title=WALK_IN,
    source="vaccination-walk-ins.md",
    score=0.51,
    text=f"{WALK_IN} — When and where\n\nAdults can get vaccinated without an appointment on **Tuesdays and "
    "Thursdays from 2:00 to 4:30\np.m.** in room 105 on the ground floor.",
)
OFFERED = KnowledgeHit(
    title=WALK_IN,
    source="vaccination-walk-ins.md",
    score=0.61,
    text=f"{WALK_IN} — Vaccines offered\n\n- Flu (seasonal influenza), from September to March\n- COVID-19",
)
CHILDREN = KnowledgeHit(
    title=WALK_IN,
    source="vaccination-walk-ins.md",
    score=0.53,
    text=f"{WALK_IN} — Children\n\nChildhood vaccines are given by our pediatrics team by appointment, "
    "not at "
    "the walk-in clinic.",
)
VACCINES = [OFFERED, CHILDREN, WHEN_WHERE]


@pytest.mark.parametrize(
    "question",
    [
        "do you have walk in flu shots",
        "can I get a flu shot without an appointment?",
        "what days are walk-ins?",
    ],
)
def test_walk_in_is_without_an_appointment_and_when_is_the_days(question: str) -> None:
    text = passage(VACCINES, best(VACCINES, question, "en"), question, "en")
    assert "Tuesdays" in text


MISSED_ES = KnowledgeHit(
    title="Cancellation and Missed Appointment Policy",
    source="cancellation-policy.md",
    score=0.43,
    text="Cancellation and Missed Appointment Policy — En español: citas perdidas y cancelaciones tarde\n\n"
    "Una cita cancelada con menos de 24 horas o a la que no viene sin avisar cuenta como falta. La\n"
    "primera falta no se cobra; después, cada una cuesta $50, que el seguro no cubre.",
)
VIDEO_ES = KnowledgeHit(
    title="Telehealth Video Visits",
    source="telehealth.md",
    score=0.45,
    text="Telehealth Video Visits — En español: cómo funciona la videoconsulta\n\n"
    "Pida la consulta por video al "
    "reservar. Poco antes le llega un enlace por mensaje de texto.",
)


@pytest.mark.parametrize("question", ["si no llego a mi cita me cobran algo?", "¿y si no voy a la cita?"])
def test_not_turning_up_is_a_missed_appointment(question: str) -> None:
    hits = [VIDEO_ES, MISSED_ES]
    chosen = best(hits, question, "es")
    assert chosen is MISSED_ES and "$50" in passage(hits, chosen, question, "es")


INSURANCE = KnowledgeHit(
    title="Insurance Plans We Accept",
    source="insurance.md",
    score=0.18,
    text="Insurance Plans We Accept — Accepted plans\n\nRiverside Health is in network with these plans:\n\n"
    "- MassHealth\n- Harvard Pilgrim Health Care\n- Tufts Health Plan",
)
BILLING = KnowledgeHit(
    title="Billing Questions and Contacts",
    source="billing.md",
    score=0.12,
    text="Billing Questions and Contacts — Billing office\n\n"
    "For questions about a bill, a charge or a payment, "
    "call the billing office.",
)


def test_a_name_the_model_does_not_know_answers_when_the_section_has_it() -> None:
    from graphs.conversation.knowledge import confident

    hits = [INSURANCE, BILLING]
    assert confident(hits, INSURANCE, "do you accept harvard pilgrim?", "en")
    assert not confident(hits, BILLING, "do you sell gift cards?", "en")


PARKING_FULL_ES = KnowledgeHit(
    title="Address, Directions and Parking",
    source="address-and-parking.md",
    score=0.45,
    text="Address, Directions and Parking — En español: estacionamiento\n\n"
    "Estacionamiento gratis para pacientes y "
    "visitantes: puede estacionar en el garaje de la clínica,\ncon entrada por Mill Street. Los lugares para "
    "personas con discapacidad están en el nivel P1.",
)


def test_a_long_spoken_question_is_judged_by_what_it_asks() -> None:
    from graphs.conversation.knowledge import confident

    question = (
        "Este... buenos días, quería preguntar dónde se estaciona uno cuando va a la clínica, porque la otra"
        " vez no encontré lugar."
    )
    hits = [PARKING_FULL_ES, VIDEO_ES]
    chosen = best(hits, question, "es")
    assert chosen is PARKING_FULL_ES and confident(hits, chosen, question, "es")
    assert not confident(hits, VIDEO_ES, "buenos días, ¿venden tarjetas de regalo?", "es")
