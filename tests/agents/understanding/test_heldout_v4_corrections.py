"""Self-corrections (held-out v4): when a specialty or a day is said, then a correction word ("no,",
"perdón", "mejor", "wait", "actually", "I mean"), then another, the last choice wins — in a typed
message or a call's transcript. A correction word with nothing retold after it changes nothing."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import understand
from agents.understanding.dates import taken_back_days

TZ = ZoneInfo("America/New_York")
NOW = datetime(2027, 5, 28, 11, 40, tzinfo=TZ)  # Friday 28 May 2027; Tuesday 1 June, Wednesday 2 June


@pytest.mark.parametrize(
    ("text", "specialty"),
    [
        ("quiero cita con pediatria... no, con medicina familiar, el miercoles 2 a las 9", "family-medicine"),
        (
            "me das cita con pediatria? no, perdon, es para mi: medicina familiar el viernes",
            "family-medicine",
        ),
        ("dermatology, wait, actually cardiology", "cardiology"),
        ("I need cardiology, I mean dermatology, next week", "dermatology"),
        ("cita con el cardiólogo, mejor con dermatología", "dermatology"),
        ("orthopedics... no... pediatrics, it's for my son", "pediatrics"),
        (
            "Quiero cita de pediatria... ay no, perdon, no es para mi hijo, es para mi: medicina familiar."
            " No, espere, si es pediatria, para mi niña, pero ella ya tiene su cita. Mejor para mi, medicina"
            " familiar, el miercoles",
            "family-medicine",
        ),
    ],
)
def test_the_last_specialty_named_after_a_correction_wins(text: str, specialty: str) -> None:
    assert understand(text, now=NOW, tz=TZ).fields.specialty == specialty, text


@pytest.mark.parametrize(
    ("text", "specialty"),
    [
        ("pediatrics for my son, no, he has no fever", "pediatrics"),  # a complaint is not a new pick
        ("no, I need cardiology", "cardiology"),
        ("cardiology please, actually", "cardiology"),
        ("necesito dermatología, no tengo seguro", "dermatology"),
        ("quiero pediatría para mi hijo, ¿es mejor en la mañana?", "pediatrics"),
    ],
)
def test_a_correction_word_with_nothing_retold_changes_no_specialty(text: str, specialty: str) -> None:
    assert understand(text, now=NOW, tz=TZ).fields.specialty == specialty, text


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("el martes... no, espere, el martes no puedo, el miercoles por la mañana", date(2027, 6, 2)),
        ("el martes 1... no, el miércoles 2", date(2027, 6, 2)),
        ("el lunes no, mejor el martes", date(2027, 6, 1)),
        ("cardiology on tuesday, I mean wednesday", date(2027, 6, 2)),
        ("monday... wait, actually thursday", date(2027, 6, 3)),
        ("monday, actually thursday", date(2027, 6, 3)),
        ("el lunes, mejor el jueves", date(2027, 6, 3)),
        ("tuesday, no, wednesday the 2nd", date(2027, 6, 2)),
        ("June 1st, or rather June 2nd", date(2027, 6, 2)),
    ],
)
def test_the_last_day_named_after_a_correction_wins(text: str, day: date) -> None:
    when = understand(text, now=NOW, tz=TZ).fields.when
    assert when is not None and when.start.date() == day, text


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("no, tuesday is fine", date(2027, 6, 1), date(2027, 6, 1)),
        ("tuesday works, actually", date(2027, 6, 1), date(2027, 6, 1)),
        ("monday or tuesday", date(2027, 5, 31), date(2027, 6, 1)),
        ("I'd rather tuesday than monday", date(2027, 5, 31), date(2027, 6, 1)),
        ("el lunes o el martes, no tengo preferencia", date(2027, 5, 31), date(2027, 6, 1)),
        ("el lunes es mejor que el martes, pero cualquiera", date(2027, 5, 31), date(2027, 6, 1)),
        ("tuesday is actually better than monday for me", date(2027, 5, 31), date(2027, 6, 1)),
        ("can't wait for monday, or tuesday if not", date(2027, 5, 31), date(2027, 6, 1)),
    ],
)
def test_a_correction_word_with_nothing_retold_changes_no_day(text: str, first: date, last: date) -> None:
    when = understand(text, now=NOW, tz=TZ).fields.when
    assert when is not None, text
    assert (when.start.date(), (when.end - timedelta(minutes=1)).date()) == (first, last), text


def test_the_days_taken_back_are_told_apart() -> None:
    said = "El martes 1... no, espere, el martes no puedo, el miercoles 2 por la mañana"
    assert taken_back_days(said, today=NOW.date(), language="es") == {date(2027, 6, 1)}
    assert taken_back_days("el martes 1 por la mañana", today=NOW.date(), language="es") == set()
