"""Identity inside a sentence (issue #20 item 6): a child's name and birth date after "for my
daughter", names spelt out letter by letter in transcripts, birth days in words, and a name that is
never taken for the conversation's language (#16 item 2)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import Language, understand
from agents.understanding.spelledout import unspell

TZ = ZoneInfo("America/New_York")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=TZ)


@pytest.mark.parametrize(
    ("text", "language", "name", "born", "relative"),
    [
        (
            "it's for my daughter — Zoe Adams, she was born 3 March 2018",
            "en",
            "Zoe Adams",
            date(2018, 3, 3),
            "daughter",
        ),
        (
            "I need a pediatrician for my son, his name is Leo Brown, born 5/6/2019",
            "en",
            "Leo Brown",
            date(2019, 5, 6),
            "son",
        ),
        (
            "can you book my little girl? her name is Ella Stone, born November 30 2015",
            "en",
            "Ella Stone",
            date(2015, 11, 30),
            None,
        ),
        ("for my kid: Sam Ortiz, dob 01/02/2017", "en", "Sam Ortiz", date(2017, 1, 2), "kid"),
        (
            "es para mi hija Sofía Ruiz, nació el 2 de abril de 2017",
            "es",
            "Sofía Ruiz",
            date(2017, 4, 2),
            "hija",
        ),
        (
            "para mi hijo, se llama Hugo Serrano, nacido el 1 de agosto de 2020",
            "es",
            "Hugo Serrano",
            date(2020, 8, 1),
            "hijo",
        ),
        ("cita para mi niña Carla Vidal, 5 de mayo de 2016", "es", "Carla Vidal", date(2016, 5, 5), "nina"),
    ],
)
def test_a_childs_identity_inside_a_sentence(
    text: str, language: Language, name: str, born: date, relative: str | None
) -> None:
    fields = understand(text, now=NOW, tz=TZ, language_hint=language).fields
    assert (fields.name, fields.birth_date) == (name, born)
    if relative:
        assert fields.relative == relative


@pytest.mark.parametrize(
    ("text", "relative", "name"),
    [
        ("I'm calling for my mother Maria Garcia, born 12 April 1985", "mother", "Maria Garcia"),
        ("for my husband John Park, 3/3/1970", "husband", "John Park"),
        ("para mi esposa Lucía Pérez, nacida el 3 de marzo de 1980", "esposa", "Lucía Pérez"),
    ],
)
def test_a_grown_up_relative_said_outright_is_whom_the_visit_is_for(
    text: str, relative: str, name: str
) -> None:
    # held-out v6: "la cita no es para mí, es para mi mamá, Dolores Vega" was booked for the caller
    fields = understand(text, now=NOW, tz=TZ).fields
    assert (fields.relative, fields.name) == (relative, name)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Novak, N-O-V-A-K, born 12 May 1980", "Novak, born 12 May 1980"),
        ("my name is D A R I A Novak", "my name is Daria Novak"),
        ("Daria Novak N. O. V. A. K.", "Daria Novak"),
        ("at 9 a.m. please", "at 9 a.m. please"),  # two letters are no spelling
        ("I, a patient", "I, a patient"),
    ],
)
def test_a_spelt_name_is_a_word_again(text: str, expected: str) -> None:
    assert unspell(text) == expected


@pytest.mark.parametrize(
    ("text", "expecting", "name", "born"),
    [
        ("Daria Novak, N-O-V-A-K, born May twelfth 1980", "identity", "Daria Novak", date(1980, 5, 12)),
        (
            "Hi, um, this is Daria Novak, that's N-O-V-A-K. My date of birth is May twelfth 1980.",
            None,
            "Daria Novak",
            date(1980, 5, 12),
        ),
        ("I'm Tom Reyes, born the fifth of June 1975", None, "Tom Reyes", date(1975, 6, 5)),
        ("Olga Petrova 1983-01-22", "identity", "Olga Petrova", date(1983, 1, 22)),
        ("sure, Zoe Adams, she was born 3 March 2018", "identity", "Zoe Adams", date(2018, 3, 3)),
        ("Jose Luis de los Santos, 12/03/1980", "identity", "Jose Luis de los Santos", date(1980, 12, 3)),
    ],
)
def test_voice_and_written_identity(text: str, expecting: str | None, name: str, born: date) -> None:
    u = understand(text, now=NOW, tz=TZ, expecting=expecting, language_hint="en")  # type: ignore[arg-type]
    assert (u.fields.name, u.fields.birth_date, u.language) == (name, born, "en")
