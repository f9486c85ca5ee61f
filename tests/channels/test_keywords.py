"""Consent keywords: whole messages only; CANCEL and YES are not consent."""

from __future__ import annotations

import pytest

from channels.keywords import consent_keyword, keyword_language


@pytest.mark.parametrize(
    "text",
    [
        "STOP",
        "stop",
        " Stop. ",
        "STOP!!!",
        "StopAll",
        "stop all",
        "UNSUBSCRIBE",
        "end",
        "Quit",
        "BAJA",
        "Baja.",
        "¡Baja!",
        "alto",
        "DETENER",
        "no más mensajes",
        "No mas mensajes.",
        "stop 🙏",
    ],
)
def test_opt_out(text: str) -> None:
    assert consent_keyword(text) == "opt_out"


@pytest.mark.parametrize("text", ["START", "start.", "Unstop", "ALTA", "Suscribir", "reanudar!"])
def test_opt_in(text: str) -> None:
    assert consent_keyword(text) == "opt_in"


@pytest.mark.parametrize(
    "text",
    [
        "CANCEL",  # the reminders ask patients to reply CANCEL to cancel the appointment
        "cancelar",
        "YES",  # a confirmation
        "sí",
        "stop the appointment reminders for my mother",
        "please stop",
        "no more messages about billing please",
        "start time?",
        "the end",
        "",
        "   ",
        "s t o p",
        "stopp",
    ],
)
def test_not_consent(text: str) -> None:
    assert consent_keyword(text) is None


@pytest.mark.parametrize(
    ("text", "language"),
    [("STOP", "en"), ("unsubscribe", "en"), ("Baja.", "es"), ("No más mensajes", "es"), ("reanudar", "es")],
)
def test_each_keyword_knows_its_language(text: str, language: str) -> None:
    assert keyword_language(text) == language  # the reply is written in it (was drifting in the webhook)


def test_no_language_for_what_is_not_a_keyword() -> None:
    assert keyword_language("stop the reminders for my mother") is None
