"""Outbound message templates: every kind in both languages, reply keywords, optional fields, clear errors."""

from __future__ import annotations

import pytest

from channels.templates import KINDS, LANGUAGES, UnknownTemplate, render, required_fields

EN = {
    "first_name": "Maria",
    "date": "Tuesday, December 8",
    "time": "2:30 PM",
    "practitioner": "Dr. Chen",
    "clinic_name": "Riverside Health",
    "clinic_address": "12 River Rd",
}
ES = EN | {"first_name": "Ana", "date": "martes 8 de diciembre", "time": "14:30"}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_kind_renders_in_both_languages_short_and_complete(kind: str, language: str) -> None:
    fields = ES if language == "es" else EN
    message = render(kind, language, **fields)
    assert message.subject and message.text
    assert "{" not in message.text + message.subject and "None" not in message.text
    assert message.text.startswith("Hola Ana," if language == "es" else "Hi Maria,")
    assert len(message.text) <= 320  # two SMS segments at most
    for name in required_fields(kind):
        assert fields[name] in message.subject + message.text


def test_the_reminder_asks_for_the_reply_keywords_in_each_language() -> None:
    english = render("appointment_reminder", "en", **EN)
    assert english.subject == "Reminder: your appointment on Tuesday, December 8 at 2:30 PM"
    assert english.text == (
        "Hi Maria, this is a reminder of your appointment with Dr. Chen at Riverside Health on Tuesday, "
        "December 8 at 2:30 PM. Address: 12 River Rd.\n"
        "Reply CONFIRM to confirm, CANCEL to cancel or RESCHEDULE to change it."
    )
    spanish = render("appointment_reminder", "es", **ES).text
    assert all(word in spanish for word in ("CONFIRMAR", "CANCELAR", "CAMBIAR"))
    assert "el martes 8 de diciembre a las 14:30" in spanish


def test_first_name_and_address_may_be_left_out() -> None:
    fields = {k: v for k, v in EN.items() if k not in {"first_name", "clinic_address"}}
    message = render("appointment_booked", "en", **fields)
    assert message.text.startswith("Hi, your appointment with Dr. Chen")
    assert "Address" not in message.text
    assert render("voice_note_unsupported", "es").text.startswith("Hola, lo sentimos")


def test_language_tags_and_missing_translations() -> None:
    assert render("follow_up", "es-MX", **ES) == render("follow_up", "es", **ES)
    assert render("follow_up", "ES", **ES) == render("follow_up", "es", **ES)
    assert render("follow_up", "fr", **EN) == render("follow_up", "en", **EN)


def test_an_unknown_kind_is_a_key_error_listing_the_kinds() -> None:
    with pytest.raises(KeyError) as caught:
        render("birthday_card", "en", **EN)
    assert isinstance(caught.value, UnknownTemplate)
    assert "birthday_card" in str(caught.value) and "appointment_reminder" in str(caught.value)


def test_a_missing_field_is_named() -> None:
    assert required_fields("appointment_cancelled") == {"practitioner", "date", "time"}
    with pytest.raises(ValueError, match="needs practitioner, time"):
        render("appointment_cancelled", "en", first_name="Maria", date="Tuesday")


def test_fields_are_text_not_template_code() -> None:
    message = render("voice_note_unsupported", "en", first_name="{{ clinic_name }} <b>")
    assert message.text.startswith("Hi {{ clinic_name }} <b>, sorry")
