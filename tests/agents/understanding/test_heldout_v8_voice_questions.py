"""Knowledge questions asked inside a voice call (held-out v8: "If I, like, cancel my appointment
tomorrow… do you guys charge me something?" read as a cancellation; "Me sacaron sangre ayer, eh,
¿en cuántos días salen los resultados en el portal?" as a records ticket): a call's hesitations
("uh", "um", "eh", ", like,") are taken out before its words are read, "do you guys charge" asks
about the cancellation policy, and a question opened with "¿" after other words is a question.
Typed words that merely look like fillers ("ER", "I'd like", "like two thirty") are kept."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import Intent, understand
from agents.understanding.spoken import without_fillers

TZ = ZoneInfo("America/New_York")
NOW = datetime(2027, 3, 23, 9, 5, tzinfo=TZ)


def _intent(text: str) -> Intent:
    return understand(text, now=NOW, tz=TZ).intent


@pytest.mark.parametrize(
    ("spoken", "written"),
    [
        ("If I, like, cancel my appointment", "If I cancel my appointment"),
        ("is there, like, a nurse line", "is there a nurse line"),
        ("before I, uh, decide.", "before I decide."),
        ("uh, um, Tuesday", "Tuesday"),
        ("hola, buenas. Eh, una preguntita", "hola, buenas. una preguntita"),
        ("I, you know, need a refill", "I need a refill"),
        ("hmm, I would like to come in", "I would like to come in"),
        ("Ummm, January seventeenth", "January seventeenth"),
        ("mm, ehm, el martes", "el martes"),
    ],
)
def test_hesitations_are_taken_out(spoken: str, written: str) -> None:
    assert without_fillers(spoken) == written


@pytest.mark.parametrize(
    "said",
    [
        "I went to the ER last night",
        "I'd like to book",
        "after lunch, like two, two thirty",
        "I like Dr. Chen",
        "a las 3, o sea, después de comer",
        "Emma, Umberto and Ahmed",
        "they'll see 'em tomorrow",
    ],
)
def test_words_that_mean_something_are_kept(said: str) -> None:
    assert without_fillers(said) == said


@pytest.mark.parametrize(
    "text",
    [
        "yeah, hi quick question. If I cancel my appointment tomorrow, the same day basically, do you guys"
        " charge me something?",
        "if I cancel tomorrow do you guys charge anything?",
        "do y'all charge if I cancel the same day?",
        "will you charge me if I cancel late?",
        "would you guys charge me for cancelling tomorrow?",
        "si cancelo mañana, ¿me cobran algo?",
    ],
)
def test_asking_whether_a_cancellation_is_charged_is_a_question(text: str) -> None:
    assert _intent(text) is Intent.QUESTION, text


@pytest.mark.parametrize(
    "text",
    [
        "hola, soy Ana Rodríguez. Me sacaron sangre ayer ¿en cuántos días salen los resultados en el"
        " portal, más o menos?",
        "me sacaron sangre ayer, ¿en cuántos días salen los resultados?",
        "¿en cuantos dias salen los resultados?",
        "soy Pedro. ¿Cuánto tardan los resultados de laboratorio?",
        "buenos días, señorita. ¿me puede dar la dirección exacta de la clínica?",
        "hola, buenas. una preguntita, ¿a qué hora abren ustedes en la mañana?",
        "quick question, what time do you open?",
    ],
)
def test_a_question_after_other_words_is_a_question(text: str) -> None:
    assert _intent(text) is Intent.QUESTION, text


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("I need to cancel my appointment tomorrow, is there a fee?", Intent.CANCEL),
        ("please cancel my appointment tomorrow", Intent.CANCEL),
        ("necesito cita con cardiología el lunes, ¿tienen algo en la mañana?", Intent.BOOK),
        ("quiero una cita con dermatología. ¿Puede ser el martes?", Intent.BOOK),
        ("can you send my lab results to Dr. Lee's office?", Intent.TICKET),
    ],
)
def test_near_misses_keep_their_intent(text: str, intent: Intent) -> None:
    assert _intent(text) is intent, text


@pytest.mark.parametrize(
    ("text", "question"),
    [
        (
            "hola, buenas. una preguntita, ¿a qué hora abren ustedes en la mañana? Es que quiero ir a dejar"
            " papeles.",
            "una preguntita, ¿a qué hora abren ustedes en la mañana?",
        ),
        (
            "hola, soy Ana Rodríguez. Me sacaron sangre ayer ¿en cuántos días salen los resultados en el"
            " portal?",
            "¿en cuántos días salen los resultados en el portal?",
        ),
        ("no tengo seguro, ¿cuánto me sale la consulta?", "no tengo seguro, ¿cuánto me sale la consulta?"),
        ("do you take Aetna? I have it through work", "do you take Aetna? I have it through work"),
        ("no tengo seguro. cuanto cuesta la consulta?", "no tengo seguro. cuanto cuesta la consulta?"),
    ],
)
def test_a_clinic_question_is_searched_without_the_words_around_it(text: str, question: str) -> None:
    u = understand(text, now=NOW, tz=TZ)
    assert u.intent is Intent.QUESTION and u.fields.question == question, (text, u.fields.question)


def test_a_medical_question_goes_to_the_care_team_as_written() -> None:
    text = "tengo tos desde ayer. ¿es normal que me duela el pecho al toser?"
    u = understand(text, now=NOW, tz=TZ)
    assert u.fields.question in (None, u.text), u.fields.question
