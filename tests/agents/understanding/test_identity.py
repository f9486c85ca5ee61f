"""Birth dates and names as patients write them, in English and Spanish."""

from __future__ import annotations

from datetime import date

import pytest

from agents.understanding import Language, parse_birth_date, parse_name

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("14 Feb 1990", "en", date(1990, 2, 14)),
        ("1990-02-14", "en", date(1990, 2, 14)),
        ("02/14/1990", "en", date(1990, 2, 14)),
        ("14/02/1990", "es", date(1990, 2, 14)),
        ("14/02/1990", "en", date(1990, 2, 14)),
        ("02/14/1990", "es", date(1990, 2, 14)),
        ("03/04/1990", "en", date(1990, 3, 4)),
        ("03/04/1990", "es", date(1990, 4, 3)),
        ("14 de febrero de 1990", "es", date(1990, 2, 14)),
        ("nací el 21 de julio de 1992", "es", date(1992, 7, 21)),
        ("feb 14 90", "en", date(1990, 2, 14)),
        ("February 14th, 1990", "en", date(1990, 2, 14)),
        ("14-feb-1990", "en", date(1990, 2, 14)),
        ("14.02.1990", "es", date(1990, 2, 14)),
        ("born on April 12, 1985", "en", date(1985, 4, 12)),
        ("12/04/85", "en", date(1985, 12, 4)),
        ("12/04/05", "en", date(2005, 12, 4)),
        ("12/04/35", "en", date(1935, 12, 4)),
        ("Lena Park, 14 Feb 1990", "en", date(1990, 2, 14)),
    ],
)
def test_birth_date(text: str, language: Language, expected: date) -> None:
    assert parse_birth_date(text, language=language, today=TODAY) == expected


@pytest.mark.parametrize(
    "text",
    ["2030-01-01", "15/01/2027", "1899-12-31", "31/02/1990", "14 Feb", "next Tuesday", "my birthday", "2"],
)
def test_no_birth_date(text: str) -> None:
    assert parse_birth_date(text, language="en", today=TODAY) is None


def test_without_a_clock_two_digit_years_are_last_century() -> None:
    assert parse_birth_date("12/04/05", language="en") == date(1905, 12, 4)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Lena Park, 14 Feb 1990", "Lena Park"),
        ("lena park", "Lena Park"),
        ("JOHN SMITH", "John Smith"),
        ("my name is Ana Rodriguez", "Ana Rodriguez"),
        ("My name is Will Smith", "Will Smith"),
        ("me llamo Ana Rodríguez", "Ana Rodríguez"),
        ("mi nombre es josé luis pérez", "José Luis Pérez"),
        ("soy Ana", "Ana"),
        ("Hi, this is Maria Garcia", "Maria Garcia"),
        ("I'm Lena Park, born 14 Feb 1990", "Lena Park"),
        ("María de la Cruz, 12/04/1985", "María de la Cruz"),
        ("James Smith DOB 11/03/1979", "James Smith"),
        ("hola soy ana rodriguez y naci el 21/07/1992", "Ana Rodriguez"),
        ("o'neil mcdonald", "O'Neil Mcdonald"),
        ("Jean-Luc Picard", "Jean-Luc Picard"),
    ],
)
def test_name(text: str, name: str) -> None:
    assert parse_name(text, language="en") == name


@pytest.mark.parametrize(
    "text",
    ["I'm fine", "I am the doctor", "I'm calling for my mother", "soy alérgico a la penicilina", "Thanks",
     "Tuesday", "Next Tuesday", "book appointment", "Sounds good", "Yes please", "muchas gracias",
     "la primera", "the first one", "Dr Patel", "hello", "Ana"],
)  # fmt: skip
def test_not_a_name(text: str) -> None:
    assert parse_name(text, language="en") is None
