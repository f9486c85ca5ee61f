"""Held-out v9: "ok actually cancel the derm one, keep the heart one" and "cancela la de medicina
familiar, la de la piel sí la quiero" were asked "which appointment?" although they said it by
kind (`whichone`); and "first one" in a Spanish chat was answered in English (a short pick is no
evidence of a language)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import understand
from agents.understanding.whichone import specialty_acted_on

TZ = ZoneInfo("America/New_York")
NOW = datetime(2028, 2, 14, 21, 0, tzinfo=TZ)


@pytest.mark.parametrize(
    ("text", "specialty"),
    [
        ("ok actually cancel the derm one, keep the heart one", "dermatology"),
        ("cancel the dermatology appt but keep cardiology", "dermatology"),
        ("keep the derm one, cancel the heart one", "cardiology"),
        ("cancel the cardiology one but leave the skin one", "cardiology"),
        ("pls cancel my skin doctor appt, i still want the heart one", "dermatology"),
        ("um cancel the, uh, pediatrics one, the family med one stays", "pediatrics"),
        ("cancela la de medicina familiar, la de la piel sí la quiero", "family-medicine"),
        ("cancela la de medicina familiar, la de la piel si la quiero", "family-medicine"),
        ("quiero cancelar la cita del cardiologo, la de la dermatologa la mantengo", "cardiology"),
        ("cancela la del dermatologo y deja la de ortopedia", "dermatology"),
        ("anula la de ortopedia, no canceles la del pediatra", "orthopedics"),
        ("cancel the one with the pediatrician", "pediatrics"),
    ],
)
def test_the_kind_said_outside_what_is_kept_is_the_one_acted_on(text: str, specialty: str) -> None:
    assert specialty_acted_on(text) == specialty, text


@pytest.mark.parametrize(
    "text",
    [
        "cancel my appointment",
        "cancela mi cita",
        "keep the derm one",
        "la de la piel sí la quiero",
        "cancel the tuesday one",
    ],
)
def test_no_kind_said_for_the_one_acted_on_names_nothing(text: str) -> None:
    assert specialty_acted_on(text) is None, text


@pytest.mark.parametrize("text", ["first one", "the 2nd pls", "1st one", "the first", "second one please"])
def test_a_short_english_pick_in_a_spanish_chat_stays_spanish(text: str) -> None:
    assert understand(text, now=NOW, tz=TZ, expecting="choice", language_hint="es").language == "es"


@pytest.mark.parametrize("text", ["la primera", "la 2da porfa", "la segunda"])
def test_a_short_spanish_pick_in_an_english_chat_stays_english(text: str) -> None:
    assert understand(text, now=NOW, tz=TZ, expecting="choice", language_hint="en").language == "en"


@pytest.mark.parametrize(
    ("text", "hint", "language"),
    [
        ("can you write in english please", "es", "en"),  # asked outright: switches
        ("I would like to switch to the first one because the other time does not work for me", "es", "en"),
        ("first one", None, "en"),  # no conversation language yet: the words decide
    ],
)
def test_near_misses_still_switch(text: str, hint: str | None, language: str) -> None:
    got = understand(text, now=NOW, tz=TZ, expecting="choice", language_hint=hint)  # type: ignore[arg-type]
    assert got.language == language, text
