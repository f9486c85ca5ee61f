"""A self-correction of whom the appointment is for (held-out v8: "mi hijo tiene que ir al pediatra,
pero es para mí, perdón me equivoqué jaja. Necesito dermatólogo el miércoles" asked for the son's
name): a claim of the writer's own visit after the relative, with a contrast or an apology ("pero es
para mí", "it's actually for me", "perdón, me equivoqué"), or beside the relative denied ("for me,
not my son", "no para mi hija"), is the writer's own visit — also when the relative was said in an
earlier message (`for_self`). A child denied points to no pediatrician. Near misses keep the
relative: "works for me", "for me too", "para mí es mejor el martes"."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import understand
from agents.understanding.forwhom import for_self

TZ = ZoneInfo("America/New_York")
NOW = datetime(2027, 4, 19, 12, 30, tzinfo=TZ)


def _read(text: str):  # type: ignore[no-untyped-def]
    return understand(text, now=NOW, tz=TZ)


@pytest.mark.parametrize(
    "text",
    [
        "buenas, mi hijo tiene que ir al pediatra, pero es para mi, perdon me equivoque jaja. Necesito"
        " dermatologo el miercoles en la tarde",
        "mi hija necesita dermatologo, perdón, es para mí, el miercoles en la tarde",
        "mi hija necesita dermatólogo... bueno en realidad es para mí, el miércoles",
        "my son needs a dermatologist wednesday, sorry, it's actually for me",
        "my daughter needs derm wednesday afternoon, my bad, it's for me",
        "derm for my son wednesday... oops it's for me not him",
        "sorry, it's actually for me, not my son. derm wednesday",
        "it's for me, not my daughter, derm wednesday afternoon",
        "es para mí, no para mi hija, dermatología el miércoles",
        "es para mi no para mi hijo, dermatologo el miercoles",
        "la cita es para mí, no es para mi mamá, dermatología el miércoles",
    ],
)
def test_the_writers_own_visit_after_all(text: str) -> None:
    u = _read(text)
    assert u.fields.relative is None, (text, u.fields.relative)
    assert u.fields.for_self, text
    assert u.fields.specialty == "dermatology", (text, u.fields.specialty)


@pytest.mark.parametrize(
    "text",
    [
        "sorry, it's actually for me, not my son",
        "perdón, es para mí, no para mi hijo",
        "es para mi, me equivoque",
        "oops, it's for me",
        "wait, it's mine, not my daughter's",
        "no es para mi hija, es para mi",
        "en realidad es para mí",
    ],
)
def test_a_later_message_takes_the_relative_back(text: str) -> None:
    u = _read(text)
    assert for_self(u.text.casefold()) or u.fields.for_self, text
    assert u.fields.relative is None and u.fields.specialty != "pediatrics", (text, u.fields)


@pytest.mark.parametrize(
    ("text", "relative"),
    [
        ("book peds for my son, tuesday works for me but not monday", "son"),
        ("it's for my son and for me too", "son"),
        ("para mi hija, pero para mi es mejor el martes", "hija"),
        ("es para mi hija, yo la llevo", "hija"),
        ("my daughter needs a checkup, sorry for the late message", "daughter"),
        ("para mi hijo... no, para mi hija", "hija"),
        ("it's for my mom, not for me", "mom"),
    ],
)
def test_near_misses_keep_the_relative(text: str, relative: str) -> None:
    u = _read(text)
    assert u.fields.relative == relative, (text, u.fields.relative)
    assert not u.fields.for_self, text


@pytest.mark.parametrize(
    "text",
    ["that works for me", "tuesday is fine for me, thanks", "para mí el martes está bien", "it's for me"],
)
def test_a_plain_claim_corrects_nothing(text: str) -> None:
    assert not _read(text).fields.for_self, text


def test_a_claim_denied_is_no_claim() -> None:
    u = _read("Hola, soy Ana, pero la cita no es para mí, es para mi mamá")
    assert u.fields.relative == "mama" and not u.fields.for_self
