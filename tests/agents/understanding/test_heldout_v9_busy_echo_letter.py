"""Three more of held-out v9's classes: a day the patient says they are busy ("oh shoot i have a
work thing friday. anything next tuesday afternoon instead?") is not the day asked for; a few words
with a rising tone inside a request ("I'd like, um, a video visit? telehealth? with dermatology,
Thursday morning") are that request, not a question of their own; and a letter for work asked
beside a specialty and a day to come ("family med tomorrow afternoon pls, bad cold and need a note
for work") is a visit, while a letter about a past visit stays a ticket (v8)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import Intent, understand
from agents.understanding.requests import split_requests

TZ = ZoneInfo("America/New_York")
WEDNESDAY = datetime(2027, 8, 18, 11, 30, tzinfo=TZ)


def _day(text: str) -> date | None:
    when = understand(text, now=WEDNESDAY, tz=TZ).fields.when
    return when.start.date() if when else None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("oh shoot i have a work thing friday. anything next tuesday afternoon instead?", date(2027, 8, 24)),
        ("I've got a meeting on friday, can we do monday?", date(2027, 8, 23)),
        ("we have plans friday, monday works", date(2027, 8, 23)),
        ("i have school friday so maybe thursday", date(2027, 8, 19)),
        ("I'm busy friday, how about thursday", date(2027, 8, 19)),
        ("I'm working monday, tuesday then?", date(2027, 8, 24)),
        ("tengo algo el viernes, me la pasas al martes en la tarde?", date(2027, 8, 24)),
        ("trabajo el viernes, ¿puede ser el lunes?", date(2027, 8, 23)),
        ("tengo trabajo el viernes, mejor el jueves", date(2027, 8, 19)),
        ("estoy ocupada el viernes, el lunes si puedo", date(2027, 8, 23)),
    ],
)
def test_a_busy_day_is_not_the_day_asked_for(text: str, day: date) -> None:
    assert _day(text) == day, text


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("i have a work thing friday", date(2027, 8, 20)),  # alone it still says which day is meant
        ("i have a cough since monday, can i come friday", date(2027, 8, 20)),
        ("I have an appointment friday, can I move it to tuesday", date(2027, 8, 24)),
    ],
)
def test_near_misses_keep_their_days(text: str, day: date) -> None:
    assert _day(text) == day, text


NOW = datetime(2028, 2, 8, 13, 50, tzinfo=TZ)


@pytest.mark.parametrize(
    "text",
    [
        "hey, it's Maria Garcia again,... I'd like a video visit? telehealth? with dermatology, for this"
        " rash on my neck, Thursday morning if you can",
        "I want a video visit? virtual? with dermatology thursday morning",
        "quiero una cita virtual? ¿videollamada? con dermatología el jueves",
        "need cardio, in person? tuesday morning",
    ],
)
def test_a_few_words_with_a_rising_tone_are_the_request(text: str) -> None:
    assert split_requests(text, now=NOW, tz=TZ, language="en") == [], text
    assert understand(text, now=NOW, tz=TZ).intent is Intent.BOOK, text


@pytest.mark.parametrize(
    "text",
    [
        "book me derm tomorrow. also, do you take Aetna?",
        "I need a cardiology appointment next week? and do you take Aetna?",
        "can I book derm monday? also what is your address?",
    ],
)
def test_a_question_with_a_word_of_asking_is_still_its_own(text: str) -> None:
    assert len(split_requests(text, now=NOW, tz=TZ, language="en")) == 2, text


@pytest.mark.parametrize(
    "text",
    [
        "family med tomorrow afternoon pls, bad cold and need a note for work",
        "need derm thursday morning, and a note for school for my absence",
        "medicina familiar mañana en la tarde, tengo gripe y necesito un justificante para el trabajo",
    ],
)
def test_a_letter_asked_beside_a_visit_to_come_books(text: str) -> None:
    assert understand(text, now=NOW, tz=TZ).intent is Intent.BOOK, text


@pytest.mark.parametrize(
    "text",
    [
        "I need a work note for my appointment last week",
        "me pueden dar un justificante de la consulta de ayer?",
        "can I get a doctor's note for school for my son's visit yesterday?",
    ],
)
def test_a_letter_about_a_past_visit_stays_a_ticket(text: str) -> None:
    assert understand(text, now=NOW, tz=TZ).intent is Intent.TICKET, text
