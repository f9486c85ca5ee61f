"""Given names that are also months (held-out v6: "Julio Rodríguez, 9 de marzo de 1995" was asked for
the full name again and again): capitalised and followed by another name word they are a name; a
month in a date, or a month name alone, still is not."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import understand
from agents.understanding.names import parse_name

TZ = ZoneInfo("America/New_York")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=TZ)


@pytest.mark.parametrize(
    ("text", "name", "born"),
    [
        ("Julio Rodríguez, 9 de marzo de 1995", "Julio Rodríguez", date(1995, 3, 9)),
        ("soy Julio Rodríguez, nací el 9 de marzo de 1995", "Julio Rodríguez", date(1995, 3, 9)),
        ("Abril Soto, 2 de abril de 2001", "Abril Soto", date(2001, 4, 2)),
        ("April Reyes 3/3/1990", "April Reyes", date(1990, 3, 3)),
        ("May Chen, born 4 May 1980", "May Chen", date(1980, 5, 4)),
        ("June Park, DOB 06/01/1975", "June Park", date(1975, 6, 1)),
    ],
)
def test_a_month_named_given_name_before_a_birth_date_is_the_name(text: str, name: str, born: date) -> None:
    fields = understand(text, now=NOW, tz=TZ).fields
    assert (fields.name, fields.birth_date) == (name, born), text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Julio Rodríguez", "Julio Rodríguez"),
        ("June Park", "June Park"),
        ("Abril Soto Luna", "Abril Soto Luna"),
    ],
)
def test_a_month_named_given_name_alone_is_the_name_when_asked(text: str, name: str) -> None:
    assert parse_name(text, language="es") == name


@pytest.mark.parametrize(
    "text",
    [
        "cita el 15 de julio",
        "May I book for June 3?",
        "Quiero cita en julio",
        "derm in april please",
        "Julio",
        "May 5",
    ],
)
def test_a_month_in_a_date_or_alone_is_no_name(text: str) -> None:
    assert understand(text, now=NOW, tz=TZ).fields.name is None
    assert parse_name(text, language="en") is None
