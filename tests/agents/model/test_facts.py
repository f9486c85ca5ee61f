"""The fact-preservation check on its own: which tokens are facts, and what counts as faithful."""

from __future__ import annotations

import pytest

from agents.model.facts import facts, faithful
from agents.phrasing.templates import EN, ES


def test_facts_are_numbers_codes_proper_nouns_and_calendar_words() -> None:
    reply = (
        "Done: your appointment is now on Tuesday, December 8 at 2:30 PM with Dr. Patel, at 12 River Road."
    )
    assert facts(reply) == {"tuesday", "december", "8", "2:30", "PM", "Dr", "Patel", "12", "River", "Road"}


def test_sentence_openers_and_i_are_not_facts_but_names_after_titles_are() -> None:
    assert facts("Thanks! I've asked Dr. Patel. Please wait.\nReply here.") == {"Dr", "Patel"}
    assert facts("¡Hola Ana! Responda ALTA para volver.") == {"Ana", "ALTA"}


def test_spanish_calendar_words_are_facts_in_lower_case() -> None:
    assert facts("Su cita es el miércoles 9 de diciembre.") == {"miércoles", "9", "diciembre"}


@pytest.mark.parametrize(
    ("rephrased", "ok"),
    [
        ("Hi Maria! Your reference is 3FA2B9C1 and we'll call you on Monday.", True),
        ("Hello Maria, your reference is 3FA2B9C1; we will call you on monday.", True),  # case of a weekday
        ("Hi Maria! Your reference is 3FA2B9C1 and we'll call you on Tuesday.", False),
        ("Hi Maria! We'll call you on Monday.", False),  # reference dropped
        ("Hi María! Your reference is 3FA2B9C1 and we'll call you on Monday.", False),  # name altered
        ("Hi Maria! Your reference is 3FA2B9C1 and Dr. Lee will call you on Monday.", False),  # new name
        ("Hi Maria! Your reference is 3FA2B9C1 and we'll call you on Monday at 9.", False),  # new digit
        ("Hi Maria! Your reference is 3FA2B9C1 and we'll call you on Monday. " * 4, False),  # ballooned
    ],
)
def test_faithful(rephrased: str, ok: bool) -> None:
    original = "Hi Maria! Your reference is 3FA2B9C1. We will call you on Monday."
    assert faithful(original, rephrased) is ok


@pytest.mark.parametrize("key", sorted(EN))
def test_every_template_is_faithful_to_itself(key: str) -> None:
    for template in (EN[key], ES[key]):
        assert faithful(template, template)
