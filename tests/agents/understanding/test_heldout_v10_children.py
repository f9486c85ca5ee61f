"""Held-out v10: a parent booking for a child booked the parent ("its maria garcia. my son Leo Garcia
(DOB 08/30/2021) …" registered Maria Garcia with the child's birth date), a caller's child went
unnamed ("Noah, Noah Price. He's ten, born June twenty-first, 2017"), and a child's age was read as
her name ("Tiene ocho años, nació el …" became "Ocho Años"). The name said right before a birth date
is whose birth date it is, an age said between them is skipped, and a writer who introduced themself
and then names their child with the birth date books for the child."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import understand

TZ = ZoneInfo("America/New_York")
NOW = datetime(2027, 10, 5, 16, 40, tzinfo=TZ)


def _read(text: str):  # type: ignore[no-untyped-def]
    return understand(text, now=NOW, tz=TZ)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Noah, Noah Price. He's ten, born June twenty-first, 2017.", "Noah Price"),
        ("for my son Noah Price, he is 10, born 6/21/2017", "Noah Price"),
        ("my daughter Lily Chen, 8 years old, dob 3/4/2019, needs a checkup", "Lily Chen"),
        ("it's for my son, Sam Ortiz, age 6, born 02/03/2021", "Sam Ortiz"),
        ("booking for my girl Mia Stone, she's 7 yrs old, DOB 5/5/2020", "Mia Stone"),
        (
            "Llamo para hacer una cita para mi hija, Camila Ortega. Tiene ocho años, nació el diecisiete de"
            " mayo de 2019.",
            "Camila Ortega",
        ),
        ("es para mi hijo Mateo Ruiz, de 5 años, nacido el 3/4/2022", "Mateo Ruiz"),
        ("para mi nieta Lucía Vega, tiene 4 añitos, nació el 2 de marzo de 2023", "Lucía Vega"),
        ("mi hija Sara Gil, 9 años, fecha de nacimiento 1/2/2018", "Sara Gil"),
    ],
)
def test_an_age_between_the_name_and_the_birth_date_is_skipped(text: str, name: str) -> None:
    assert _read(text).fields.name == name, text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "good morning! its maria garcia. my son Leo Garcia (DOB 08/30/2021) has had an earache since"
            " saturday night, can pediatrics see him tomorrow after 2? i work mornings",
            "Leo Garcia",
        ),
        ("hi this is Ann Lee, my daughter Rose Lee, born 4/4/2019, needs a flu shot", "Rose Lee"),
        ("hola soy Ana Ruiz, mi hija Sofia Ruiz, nacida el 3/4/2019, tiene fiebre", "Sofia Ruiz"),
        ("buenas, le escribe Pedro Gil. mi hijo Tomás Gil nació el 5/6/2020 y tiene tos", "Tomás Gil"),
    ],
)
def test_a_writer_who_introduced_themself_books_the_child_named_with_the_birth_date(
    text: str, name: str
) -> None:
    u = _read(text)
    assert u.fields.name == name, text
    assert u.fields.relative is not None, text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "hi! id like to book my daughter Zoe Adler with Dr Okafor for her 8 yr checkup. dob dec 5 2019."
            " monday afternoon?",
            "Zoe Adler",
        ),
        (
            "buenos dias, mi hija valentina ramirez tiene fiebre desde anoche y tos, la puede ver la pediatra"
            " hoy en la tarde? nacio el 2 de noviembre del 2022",
            "Valentina Ramirez",
        ),
        ("can you see my son Max Field friday? born 3/3/2020", "Max Field"),
        ("mi nieto Pablo Soto, nació el 4/5/2021, necesita vacunas", "Pablo Soto"),
        ("my son, Leo Diaz, born 3/3/2020", "Leo Diaz"),
    ],
)
def test_a_child_named_where_mentioned_is_named_when_a_birth_date_comes(text: str, name: str) -> None:
    u = _read(text)
    assert u.fields.name == name, text
    assert u.fields.relative is not None, text


@pytest.mark.parametrize(
    "text",
    [
        "my son has a fever, he was born 3/4/2019",  # no name after the relative
        "can you see my son Max Field tomorrow",  # no birth date: the name waits for one
        "mi hija tiene 5 años, nació el 3/4/2022",
    ],
)
def test_a_child_mentioned_without_a_name_and_birth_date_is_not_named(text: str) -> None:
    assert _read(text).fields.name is None, text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the birth date is the writer's: the writer's name, not the child's mentioned after it
        ("soy Ana Ruiz, nacida el 3/4/1980, mi hija Sofia Ruiz tiene fiebre", "Ana Ruiz"),
        # the writer's own birth date: their own name stands
        ("hi I'm Ana Ruiz, born 3/4/1980, need family medicine friday", "Ana Ruiz"),
        ("soy Ana Ruiz, nacida el 3/4/1980, quiero cita con cardiología", "Ana Ruiz"),
        ("this is Emily, Emily Smith, born 2/2/1990", "Emily Smith"),
        # a name that is a number word's neighbour, not an age
        ("Lena Park, 14 Feb 1990", "Lena Park"),
        ("for my daughter, Zoe Adams, born 3/4/2019", "Zoe Adams"),
    ],
)
def test_near_misses_keep_the_name_they_had(text: str, name: str) -> None:
    assert _read(text).fields.name == name, text


@pytest.mark.parametrize(
    "text",
    [
        "she's 8 years old, born 3/4/2019",
        "tiene ocho años, nació el 17 de mayo de 2019",
        "he's ten, born June 21 2017",
    ],
)
def test_an_age_alone_names_nobody(text: str) -> None:
    assert _read(text).fields.name is None, text
