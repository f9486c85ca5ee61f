"""Someone on another person's phone about a visit of their own (held-out v4's worst class): the
message says so (`Fields.elsewhere`) and the name read is the writer's own, in English and Spanish;
ordinary messages that mention a phone, "me" or a relative do not."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import understand

TZ = ZoneInfo("America/New_York")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=TZ)


@pytest.mark.parametrize(
    "text",
    [
        "using my dad's phone, I need a dermatology appointment",
        "hi I'm on my mom's cell, can I book a checkup",
        "texting from my husband's phone, cardiology friday",
        "this is my wife's number but the appointment is for me",
        "I borrowed my sister's phone to book a visit",
        "writing from her phone, it's for me",
        "the appt is for ME not him",
        "it's for me, not my husband",
        "the appointment is for myself",
        "not for him, it's for me",
        "uso su cel, quiero una cita",
        "le escribo desde el celular de mi mamá",
        "estoy usando el teléfono de mi esposa para pedir cita",
        "es el número de mi hijo, la cita es para mí",
        "la cita es para mí no para ella",
        "para mí, no para mi esposo",
        "no es para él, es para mí",
        "la cita es para mí misma",
        "mi hermana me prestó su cel",
        # the possessive without its apostrophe, as phones type it (held-out v6: booked on the owner)
        "hey its leo, marias son. on my moms phone. hurt my wrist, ortho tomorrow?",
        "using my dads phone, derm friday",
        "im on my wifes cell rn",
        "para mi hija no, perdon, es para mi misma, uso el cel de mi esposo",  # the phone still says so
        "no sorry, I'm texting from my dad's phone, it's for myself",
    ],
)
def test_a_writer_who_is_not_the_phones_owner_says_so(text: str) -> None:
    assert understand(text, now=NOW, tz=TZ).fields.elsewhere


@pytest.mark.parametrize(
    "text",
    [
        "I'd like a dermatology appointment on friday",
        "my phone number changed, it's 555 010 2222",
        "can you call me on my phone",
        "is it ok for me not to fast before the blood test?",
        "monday works for me, not tuesday",
        "I need an appointment for me and my son",
        "it's for my daughter Zoe",
        "what's your phone number?",
        "cuál es su número de teléfono?",
        "¿me da el número de la clínica?",
        "quiero una cita para mí",
        "para mí no, para el lunes mejor",
        "la cita es para mi hijo",
        "llámeme a mi celular",
        "texting from my phone, derm friday",
        "can you text my cells number instead",
        "is this number on my records correct?",
        # a relative named and taken back: the writer corrects whom the visit is for, nothing more
        "quiero pediatria para mi... no perdon, para mi misma dermatologia el lunes",
        "para mi hija, no, perdón, para mí misma",
        "a checkup for my son, no sorry, for myself",
        "derm for my wife... no wait, I mean for myself",
    ],
)
def test_ordinary_messages_about_phones_or_me_are_not(text: str) -> None:
    assert not understand(text, now=NOW, tz=TZ).fields.elsewhere


@pytest.mark.parametrize(
    ("text", "name", "born"),
    [
        (
            "hi this is Emily, James's daughter, using my dad's phone. the appt is for ME not him: "
            "Emily Smith, born aug 15 2004",
            "Emily Smith",
            date(2004, 8, 15),
        ),
        ("hi I'm Lena, Lena Park born 14 Feb 1990", "Lena Park", date(1990, 2, 14)),
        ("I'm James's daughter, Emily Smith, born 15 aug 2004", "Emily Smith", date(2004, 8, 15)),
        ("this is his wife, Mia Lopez, 3 March 1988", "Mia Lopez", date(1988, 3, 3)),
        (
            "hola, soy el esposo de Ana, Luis Rodriguez, uso su cel. naci el 5 de marzo de 1990",
            "Luis Rodriguez",
            date(1990, 3, 5),
        ),
        ("soy la hija de Pedro, Carmen Ruiz, nací el 2 de mayo de 2001", "Carmen Ruiz", date(2001, 5, 2)),
        ("this is Lena Park, born 14 Feb 1990", "Lena Park", date(1990, 2, 14)),
    ],
)
def test_the_writers_own_full_name_is_read(text: str, name: str, born: date) -> None:
    fields = understand(text, now=NOW, tz=TZ).fields
    assert (fields.name, fields.birth_date) == (name, born)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("my name is Ana, her name is Zoe Adams born 3 march 2018", "Ana"),  # another first name: not hers
        ("soy el esposo de Ana y quiero una cita", None),  # the owner's first name is not the writer's
        ("I'm James's daughter and I need a checkup", None),
    ],
)
def test_a_relation_alone_names_nobody(text: str, name: str | None) -> None:
    assert understand(text, now=NOW, tz=TZ).fields.name == name


@pytest.mark.parametrize(
    ("text", "name", "born"),
    [
        ("Hugo Laurent", "Hugo Laurent", None),
        ("26/06/1968", None, date(1968, 6, 26)),
        ("june 26 1968", None, date(1968, 6, 26)),
        ("Rosa Vidal", "Rosa Vidal", None),
        ("nací el 14 de febrero de 1990", None, date(1990, 2, 14)),
    ],
)
def test_half_an_identity_is_read_as_such_while_identity_is_asked(
    text: str, name: str | None, born: date | None
) -> None:
    fields = understand(text, now=NOW, tz=TZ, expecting="identity").fields
    assert (fields.name, fields.birth_date) == (name, born)
