"""The passage that answers (issue #16 item 5): a few sentences of the right section, in one line
each, never the whole document."""

from __future__ import annotations

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
