"""A booking that says when the clinic is closed (held-out v8: "hey I know ur closed monday for memorial
day so tuesday the 1st, morning, with Dr Chen?" was answered with the opening hours and the booking
lost): a closing told ("I know…", "since…", "if ur closed… then…", "whichever ur open", "sé que… están
cerrados") is no question about the hours, a day inside it is the day avoided, and a day named after
it is the one meant. "Cita de familia" is family medicine. Asking whether the clinic is closed stays a
question."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import Intent, understand
from agents.understanding.closedsaid import closed_spans
from agents.understanding.dates import parse_when, taken_back_days
from agents.understanding.text import analyse, fold
from agents.understanding.types import Language
from agents.understanding.understand import VOCABULARY

TZ = ZoneInfo("America/New_York")
# Thursday 27 May 2027: Monday 31 May is Memorial Day, Tuesday is 1 June
NOW = datetime(2027, 5, 27, 17, 55, tzinfo=TZ)
TUESDAY = date(2027, 6, 1)
MONDAY = date(2027, 5, 31)


def _read(text: str, language: Language | None = None):  # type: ignore[no-untyped-def]
    return understand(text, now=NOW, tz=TZ, language_hint=language)


@pytest.mark.parametrize(
    "text",
    [
        "hey I know ur closed monday for memorial day so tuesday the 1st, morning, with Dr Chen? need a"
        " physical",
        "I know you're closed monday, so tuesday the 1st in the morning with dr chen?",
        "i know u r closed on memorial day so tuesday morning w/ Dr Chen?",
        "since you're closed monday can I see dr chen tuesday the 1st morning?",
        "since ur closed on monday, tuesday morning with dr chen pls",
        "as you are closed for memorial day, tuesday the 1st morning with Dr. Chen?",
        "because the clinic is closed monday, tuesday june 1 morning with dr chen?",
        "i know yall are closed monday. tuesday the 1st morning w dr chen?",
        "I know you guys are closed on memorial day so tuesday morning, dr chen?",
        "knowing ur closed monday... jk, I know ur closed monday so tuesday 1st morning dr chen",
        "sé que el lunes están cerrados, entonces el martes 1 en la mañana con el dr chen?",
        "se que el lunes estan cerrados asi que el martes 1 en la mañana con el dr chen",
        "como el lunes están cerrados por el feriado, el martes 1 en la mañana con el dr Chen?",
        "ya que el lunes no abren, el martes 1 por la mañana con el Dr. Chen",
        "ya se que el lunes no atienden, el martes 1 en la mañana con el dr chen porfa",
    ],
)
def test_a_closing_told_is_a_booking_for_the_day_named_after_it(text: str) -> None:
    u = _read(text)
    assert u.intent is Intent.BOOK, (text, u.intent)
    assert u.fields.practitioner == "Chen", text
    when = u.fields.when
    assert when is not None and when.start.date() == TUESDAY, (text, when)
    assert (when.end - timedelta(microseconds=1)).date() == TUESDAY, (text, when)
    assert when.part_of_day == "morning", (text, when)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("friday 24th morning? or if ur closed for xmas then monday the 27th", date(2027, 12, 27)),
        ("the 24th in the morning, or if you're closed for christmas, monday the 27th", date(2027, 12, 27)),
        (
            "el viernes 24 en la mañana, o si están cerrados por navidad entonces el lunes 27",
            date(2027, 12, 27),
        ),
        ("oh ur closed xmas eve? then monday the 27th, morning", date(2027, 12, 27)),
        ("¿el 24 están cerrados? entonces el lunes 27 en la mañana", date(2027, 12, 27)),
    ],
)
def test_the_day_named_after_a_closing_wins(text: str, wanted: date) -> None:
    now = datetime(2027, 12, 20, 11, 45, tzinfo=TZ)
    when = parse_when(text, now=now, tz=TZ, language="es" if " el " in text else "en")
    assert when is not None and when.start.date() == wanted, (text, when)
    assert when.part_of_day == "morning", (text, when)


@pytest.mark.parametrize(
    "text",
    [
        "can I see a dermatologist thursday or friday this week? whichever ur open. afternoon. itchy rash",
        "derm thursday or friday, whatever day you're open, afternoon",
        "dermatology thu or fri afternoon, the first day you are open",
        "dermatologia el jueves o el viernes en la tarde, el dia que esten abiertos",
        "dermatologo jueves o viernes x la tarde, cualquier dia que abran",
    ],
)
def test_whichever_day_open_books_among_the_days_said(text: str) -> None:
    now = datetime(2027, 11, 23, 9, 15, tzinfo=TZ)  # Thursday 25th is Thanksgiving
    u = understand(text, now=now, tz=TZ)
    assert u.intent is Intent.BOOK, (text, u.intent)
    assert u.fields.specialty == "dermatology"
    when = u.fields.when
    assert (
        when is not None and when.start.date() == date(2027, 11, 25) and when.end.date() == date(2027, 11, 27)
    )
    assert when.part_of_day == "afternoon"


def test_a_day_said_before_a_closing_and_none_after_stays() -> None:
    for text in (
        "tuesday the 1st morning pls, I know you're closed monday",
        "el martes 1 en la mañana, sé que el lunes están cerrados",
    ):
        when = parse_when(text, now=NOW, tz=TZ, language="es" if "el " in text else "en")
        assert when is not None and when.start.date() == TUESDAY, (text, when)


@pytest.mark.parametrize(
    "text",
    [
        "hola ana rodriguez aqui. necesito cita de familia para el miercoles 5 (se que mañana 4 estan"
        " cerrados), a eso de las diez",
        "necesito cita de familia el miercoles 5, se que el 4 estan cerrados",
        "cita de familia el miércoles 5 porfa, ya sé que mañana no abren",
    ],
)
def test_a_spanish_closing_beside_a_family_visit(text: str) -> None:
    now = datetime(2028, 7, 3, 9, 0, tzinfo=TZ)
    u = understand(text, now=now, tz=TZ)
    assert u.intent is Intent.BOOK, (text, u.intent)
    assert u.fields.specialty == "family-medicine", text
    assert u.fields.when is not None and u.fields.when.start.date() == date(2028, 7, 5), (text, u.fields.when)


@pytest.mark.parametrize(
    "text",
    [
        "necesito cita de familia el lunes",
        "una consulta de familia para el martes",
        "quiero un turno de familia",
        "con la doctora Morales, la de familia, el martes",
        "con el medico general, el de familia",
        "necesito medicina familiar",
        "cita con el doctor familiar",
        "book me at the family clinic tuesday",
    ],
)
def test_family_visit_words_name_family_medicine(text: str) -> None:
    assert _read(text).fields.specialty == "family-medicine", text


@pytest.mark.parametrize("text", ["mi familia está bien", "family history of diabetes, is that a problem?"])
def test_family_alone_is_no_specialty(text: str) -> None:
    assert _read(text).fields.specialty != "family-medicine", text


@pytest.mark.parametrize(
    "text",
    [
        "are you closed on memorial day?",
        "r u closed monday?",
        "is the clinic closed on christmas eve?",
        "what time do you close on friday?",
        "¿están cerrados el lunes?",
        "¿abren el 4 de julio?",
        "I know you're closed on weekends, but what time do you open on friday?",
        "si el lunes están cerrados, ¿a qué hora abren el martes?",
        "what are your opening hours?",
    ],
)
def test_asking_whether_the_clinic_is_closed_stays_a_question(text: str) -> None:
    assert _read(text).intent is Intent.QUESTION, text


@pytest.mark.parametrize(
    "text",
    [
        "are you closed monday",
        "when are you open",
        "the door was closed when I came",
        "my account is closed",
        "is the pharmacy open late",
    ],
)
def test_no_closing_told_in_questions_and_other_closings(text: str) -> None:
    assert closed_spans(fold(text)) == [], text


def test_a_day_said_closed_is_taken_back_for_a_calls_reading() -> None:
    taken = taken_back_days("I know ur closed monday so tuesday morning", today=NOW.date(), language="en")
    assert MONDAY in taken and TUESDAY not in taken


def test_the_hours_words_inside_a_closing_do_not_make_a_question() -> None:
    told = analyse("since ur closed monday, tuesday morning w/ cardiology?", VOCABULARY)
    assert _read(told.clean).intent is Intent.BOOK
