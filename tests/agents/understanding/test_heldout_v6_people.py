"""Who the patient is, the classes held-out v6 found: someone who says who they are on another person's
phone ("This is James's father, Harold" booked for James), a visit for a grown-up of the family ("es
para mi mamá, Dolores Vega" booked for the caller), a child's name spelt with "same last name", and
given names that are months typed in lower case ("my name is june park"). English and Spanish, with
the near-misses that must keep their reading."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import understand
from agents.understanding.borrowed import writer_apart
from agents.understanding.kin import kin_intro, same_given_name
from agents.understanding.names import own_name, parse_name, with_own_surname
from agents.understanding.spelledout import unspell

TZ = ZoneInfo("America/New_York")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=TZ)


# --- 1. someone else on a registered patient's phone -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("This is James's father, Harold. He set up this phone number for me.", "James"),
        ("Hi it's Maria's sister, can I book a checkup?", "Maria"),
        ("hey its leo, marias son", "Maria"),
        ("I'm Ana's husband, I need a dermatologist", "Ana"),
        ("this is Jim's wife Carol", "James"),  # a nickname of the owner's name
        ("I'm her husband, she set this up for me", "Ana"),
        ("Soy la esposa de Juan, Carmen", "Juan"),
        ("soy Julio, el hermano de Ana, estoy usando su cel", "Ana"),
        ("Hola, soy la mamá de Rocío", "Rocio"),  # accents aside
        ("le escribe su hija, necesito una cita", "Ana"),
        ("Hi, this is Carmen, I need to see a cardiologist", "Juan"),  # a name of her own, not his
        ("hola, me llamo Pedro Ruiz y quiero una cita", "Juan"),
        ("hi this is carmen lopez", "Maria"),
        ("Soy Carmen, la esposa de Juan", "Juan"),
    ],
)
def test_a_writer_who_says_they_are_someone_else_is_apart_from_the_owner(text: str, owner: str) -> None:
    assert writer_apart(text, [owner]), text


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("This is James", "James"),
        ("Hi, this is James Smith, I need cardiology", "James"),
        ("hey it's Jim, can I move my appointment", "James"),  # the owner by his nickname
        ("soy Pepe, quiero una cita", "José"),
        ("Hola, soy Ana Rodríguez, pero la cita es para mi mamá", "Ana"),  # the owner, for her mother
        ("Hi, I'd like to book for my son James", "Maria"),  # a parent for a child, on her own phone
        ("I'm Leo's mom, he needs a checkup", "Maria"),  # Leo is not the phone's patient: Maria writing
        ("my son James needs a checkup", "Maria"),
        ("Yeah, hi, James Smith. I need my cardiology check", "James"),
        ("I waited an hour past my appointment time, this is unacceptable", "Maria"),  # no name at all
        ("hi this is me again", "Maria"),
        ("hola buenas, necesito cita", "Ana"),
        ("it's for my mom", "Maria"),
        ("this is my daughter's appointment", "Maria"),
        ("Hi this is Alex", "Alexandra"),  # a short form of her name
    ],
)
def test_the_owner_or_a_parent_on_their_own_phone_is_not_apart(text: str, owner: str) -> None:
    assert not writer_apart(text, [owner]), text


def test_nobody_on_the_phone_means_nobody_to_be_apart_from() -> None:
    assert not writer_apart("This is James's father, Harold", [])


def test_on_a_family_phone_a_name_of_any_of_its_patients_is_not_apart() -> None:
    assert not writer_apart("hi it's Leo", ["Maria", "Leo"])
    assert writer_apart("hi it's Harold", ["Maria", "Leo"])


@pytest.mark.parametrize(
    ("text", "of", "own"),
    [
        ("this is james's father, harold", "james", None),
        ("its leo, marias son", "maria", "leo"),
        ("soy julio, el hermano de ana", "ana", "julio"),
        ("i'm her husband", None, None),
    ],
)
def test_who_the_writer_says_they_are_related_to(text: str, of: str | None, own: str | None) -> None:
    found = kin_intro(text)
    assert found is not None and (found.of, found.own) == (of, own)


@pytest.mark.parametrize(
    "text",
    [
        "its my moms phone",
        "this is my son",
        "i'm calling for my mother",
        "soy la doctora",
        "es el cel de mi mama",
    ],
)
def test_words_about_a_relative_that_place_nobody(text: str) -> None:
    assert kin_intro(text) is None


@pytest.mark.parametrize(
    ("said", "registered", "same"),
    [
        ("Jim", "James", True),
        ("jimmy", "James Robert", True),
        ("Maria", "María José", True),
        ("Lola", "Dolores", True),
        ("Pepe", "José", True),
        ("Beto", "Roberto", True),
        ("Beto", "Alberto", True),
        ("Alex", "Alexander", True),
        ("Harold", "James", False),
        ("Carmen", "Juan", False),
        ("Al", "Alberto", False),  # too short to stand for a name
    ],
)
def test_given_names_compared_as_a_person_would(said: str, registered: str, same: bool) -> None:
    assert same_given_name(said, registered) is same


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("This is James's father, Harold. He set up this phone number for me.", "Harold"),
        ("Soy la esposa de Juan, Carmen", "Carmen"),
        ("I'm James's daughter, Emily Smith", "Emily Smith"),
    ],
)
def test_the_name_after_who_the_writer_is_to_someone_is_their_own(text: str, name: str) -> None:
    assert own_name(text) == name
    assert understand(text, now=NOW, tz=TZ).fields.name == name


@pytest.mark.parametrize(
    "text", ["Hi it's Maria's sister", "this is Lena Park's mom", "soy la esposa de Juan"]
)
def test_the_person_the_writer_is_related_to_is_not_the_writers_name(text: str) -> None:
    assert own_name(text) is None
    assert understand(text, now=NOW, tz=TZ).fields.name is None


# --- 2. a visit for a grown-up of the family ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "relative", "name", "born"),
    [
        (
            "Hola, soy Ana Rodríguez, pero la cita no es para mí, es para mi mamá, Dolores Vega, "
            "nacida el 14 de febrero de 1963.",
            "mama",
            "Dolores Vega",
            date(1963, 2, 14),
        ),
        ("it's for my mom, Linda Park, born 3/4/1950", "mom", "Linda Park", date(1950, 3, 4)),
        ("I'm booking for my husband John Park, 3/3/1970", "husband", "John Park", date(1970, 3, 3)),
        (
            "calling on behalf of my father, Robert Hayes, DOB 01/02/1941",
            "father",
            "Robert Hayes",
            date(1941, 1, 2),
        ),
        ("es para mi papá Luis Vega, nació el 2 de mayo de 1950", "papa", "Luis Vega", date(1950, 5, 2)),
        (
            "la cita es para mi esposa, Lucía Pérez, 3 de marzo de 1980",
            "esposa",
            "Lucía Pérez",
            date(1980, 3, 3),
        ),
        ("para mi abuela Rosa Díaz, 1 de enero de 1940", "abuela", "Rosa Díaz", date(1940, 1, 1)),
    ],
)
def test_a_grown_up_the_visit_is_for_is_who_it_is_for(
    text: str, relative: str, name: str, born: date
) -> None:
    fields = understand(text, now=NOW, tz=TZ).fields
    assert (fields.relative, fields.name, fields.birth_date) == (relative, name, born), text


@pytest.mark.parametrize(("text", "relative"), [("it's for my mom", "mom"), ("es para mi mamá", "mama")])
def test_a_grown_up_only_mentioned_is_still_whom_it_is_for(text: str, relative: str) -> None:
    assert understand(text, now=NOW, tz=TZ).fields.relative == relative


@pytest.mark.parametrize(
    "text",
    [
        "le escribo desde el celular de mi mamá",  # whose phone, not whose visit
        "para mí, no para mi esposo",
        "it's for me, not for my husband",
        "my husband is driving me to the appointment",
        "the appointment is for me, my mom will come with me",
        "I need a checkup",
    ],
)
def test_a_grown_up_mentioned_otherwise_is_not_whom_the_visit_is_for(text: str) -> None:
    assert understand(text, now=NOW, tz=TZ).fields.relative is None, text


# --- 3. spelt names, "same last name" -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "born"),
    [
        (
            "Hi, this is Paolo Marchetti, I'm calling for my son Theo, T-H-E-O, same last name, "
            "M-A-R-C-H-E-T-T-I. He was born November 20th, 2016. He needs his school sports physical "
            "with pediatrics",
            "Theo Marchetti",
            date(2016, 11, 20),
        ),
        (
            "Hi, this is Paolo Marchetti, calling for my son Theo, same last name. "
            "He was born November 20th, 2016.",
            "Theo Marchetti",
            date(2016, 11, 20),
        ),
        (
            "my name is Ana Lopez, it's for my daughter Sofia, same last name as me, born 3/3/2019",
            "Sofia Lopez",
            date(2019, 3, 3),
        ),
        (
            "Hi, this is Paolo Marchetti, calling for my son Theo, T as in Tom, H as in Harry, E, O, "
            "same last name. He was born November 20th, 2016.",
            "Theo Marchetti",
            date(2016, 11, 20),
        ),
        (
            "soy Laura Pérez, es para mi hija Lucía, el mismo apellido, nació el 3 de marzo de 2018",
            "Lucía Pérez",
            date(2018, 3, 3),
        ),
        (
            "me llamo Laura Pérez, la cita es para mi hijo Mateo, M-A-T-E-O, mismo apellido que "
            "yo, nació el 3 de marzo de 2018",
            "Mateo Pérez",
            date(2018, 3, 3),
        ),
    ],
)
def test_a_child_with_the_callers_last_name(text: str, name: str, born: date) -> None:
    fields = understand(text, now=NOW, tz=TZ).fields
    assert (fields.name, fields.birth_date) == (name, born), text


def test_same_last_name_without_the_writers_own_full_name_is_left_as_said() -> None:
    text = "for my son Theo, same last name, born 11/20/2016"
    assert with_own_surname(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kwame Boateng, K-W-A-M-E, B-O-A-T-E-N-G, born August 8th, 1981.",
            "Kwame Boateng, born August 8th, 1981.",
        ),
        ("Aurora Villaseñor, V-I-L-L-A-S-E-Ñ-O-R, nací", "Aurora Villaseñor, nací"),
        ("last name M-A-R-C-H-E-T-T-I. He was born", "last name Marchetti. He was born"),
        ("Daria Novak N. O. V. A. K.", "Daria Novak"),
        ("my son Theo, T as in Tom, H as in Harry, E, O, same last name", "my son Theo, same last name"),
        ("me llamo Dolores Vega, V de vaca, E, G de gato, A, nací", "me llamo Dolores Vega, nací"),
        ("my name is Ivo, I-V-O", "my name is Ivo,"),
        ("T as in Tom", "T as in Tom"),  # one letter told apart is no spelling
        ("mi nombre es Ana, y de paso quiero una cita", "mi nombre es Ana, y de paso quiero una cita"),
    ],
)
def test_spelt_names_become_words_again(text: str, expected: str) -> None:
    assert unspell(text) == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kwame Boateng, K-W-A-M-E, B-O-A-T-E-N-G, born August 8th, 1981", "Kwame Boateng"),
        (
            "mi nombre es Aurora Villaseñor, V-I-L-L-A-S-E-Ñ-O-R, nací el 12 de diciembre de 1968",
            "Aurora Villaseñor",
        ),
    ],
)
def test_a_name_spelt_after_it_is_said_is_the_name_once(text: str, name: str) -> None:
    assert parse_name(text, language="en") == name


# --- 4. given names that are months, in lower case ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "born"),
    [
        ("my name is june park", "June Park", None),
        ("soy abril soto", "Abril Soto", None),
        ("me llamo julio cesar ramirez", "Julio Cesar Ramirez", None),
        ("julio ramirez 15/4/1988", "Julio Ramirez", date(1988, 4, 15)),
        ("june park, born 3/4/1988", "June Park", date(1988, 3, 4)),
        ("hi i'm may chen, dob 5/6/1979", "May Chen", date(1979, 5, 6)),
        ("my name is june", "June", None),
        ("april reyes, 2 de abril de 2001", "April Reyes", date(2001, 4, 2)),
    ],
)
def test_a_month_named_given_name_in_lower_case(text: str, name: str, born: date | None) -> None:
    fields = understand(text, now=NOW, tz=TZ).fields
    assert (fields.name, fields.birth_date) == (name, born), text


@pytest.mark.parametrize(
    "text",
    [
        "june 5",
        "en abril",
        "may i book for june 3",
        "cita el 15 de julio por favor",
        "i was born in june 3/4/1988",
        "is there anything in april",
        "soy de julio",
        "my birthday is june 5",
    ],
)
def test_a_month_in_lower_case_in_a_date_is_no_name(text: str) -> None:
    assert understand(text, now=NOW, tz=TZ).fields.name is None, text


def test_a_lower_case_month_reply_when_identity_is_asked() -> None:
    assert understand("june park", now=NOW, tz=TZ, expecting="identity").fields.name == "June Park"
    assert understand("june 5", now=NOW, tz=TZ, expecting="identity").fields.name is None
