"""Language per message; short or ambiguous replies keep the conversation's language."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import Language, detect_language, understand


@pytest.mark.parametrize(
    ("text", "hint", "language"),
    [
        ("Hola, quiero una cita", None, "es"),
        ("Hi, I want an appointment", None, "en"),
        ("Hi, I want an appointment", "es", "en"),
        ("necesito cancelar mi cita del martes", "en", "es"),
        ("¿Dónde están?", None, "es"),
        ("gracias", "en", "en"),  # sticky: a short reply never switches (#16 item 2)
        ("ok gracias", "en", "en"),
        ("thanks", "es", "es"),
        ("yes", "es", "es"),
        ("si", "en", "en"),
        ("muchas gracias por todo, hasta luego", "en", "es"),
        ("thank you so much for the help", "es", "en"),
        ("My name is Ana Rodríguez", "es", "en"),
        ("me llamo Ana y quiero una cita", "en", "es"),
        ("in English please", "es", "en"),
        ("en español por favor", "en", "es"),
        ("can we do this in spanish?", "en", "es"),
        ("next Tuesday afternoon", "es", "en"),
        ("el martes por la tarde", "en", "es"),
        ("me cobraron dos veces", None, "es"),
        ("ok", "es", "es"),
        ("ok", "en", "en"),
        ("ok", None, "en"),
        ("2", "es", "es"),
        ("no", "es", "es"),
        ("no", "en", "en"),
        ("Lena Park, 14/02/1990", "es", "es"),
        ("Dr. Patel", "es", "es"),
        ("10:30", "es", "es"),
        # code-switching keeps the conversation's language (held-out v6: a Spanglish booking)
        ("the first one porfa", "es", "es"),
        ("the second one por favor", "es", "es"),
        ("i'll take the 9am one, gracias", "es", "es"),
        ("la primera please", "en", "en"),
        ("ok the first one pls", "es", "en"),
        ("Thank you so much for your help, gracias!", "es", "en"),
        ("muchas gracias por todo, nos vemos el martes, thanks", "en", "es"),
    ],
)
def test_detect_language(text: str, hint: Language | None, language: Language) -> None:
    assert detect_language(text, hint=hint) == language


def test_understanding_reports_the_message_language() -> None:
    tz = ZoneInfo("America/New_York")
    now = datetime(2026, 12, 1, 9, 0, tzinfo=tz)
    assert understand("sí", now=now, tz=tz, expecting="confirm", language_hint="en").language == "es"
    assert understand("2", now=now, tz=tz, expecting="choice", language_hint="es").language == "es"


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("Olga Petrova 1983-01-22", "en"),
        ("Maria de la Cruz, 3 March 1980", "en"),
        ("Maria de la Cruz 1980-03-03", "en"),
        ("Jose Luis de los Santos, 12/03/1980", "en"),
        ("John Smith 1980-03-03", "es"),
        ("Emily Brown, 4 de mayo de 1990", "es"),
    ],
)
def test_a_name_never_switches_the_conversation(text: str, hint: Language) -> None:
    tz = ZoneInfo("America/New_York")
    now = datetime(2026, 12, 1, 9, 0, tzinfo=tz)
    u = understand(text, now=now, tz=tz, expecting="identity", language_hint=hint)
    assert u.language == hint and u.fields.name and u.fields.birth_date, u
