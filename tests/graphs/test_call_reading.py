"""What a voice call's transcript says against what the platform's `extracted_data` says (held-out
v2): the caller's own narrower time inside the platform's day, a booking said in so many words
that the platform only called a question, and the platform's intent kept to the request it names
when the caller asked for two things."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from agents.understanding import Intent, understand
from graphs.conversation.prefill import caller_text, for_request, merge, read_prefill
from tests.instant import TZ

NOW = datetime(2026, 11, 18, 10, 15, tzinfo=TZ)  # a Wednesday


def merged(transcript: str, data: dict[str, Any]) -> Any:
    read = read_prefill(data, now=NOW, tz=TZ, language_hint=None)
    return merge(understand(caller_text(transcript), now=NOW, tz=TZ), read, tz=TZ)


@pytest.mark.parametrize(
    ("transcript", "part"),
    [
        (
            "Hi, um, I'd like a dermatology appointment next Tuesday, in the afternoon, like after two",
            "afternoon",
        ),
        ("uh, next tuesday in the morning if you have it", "morning"),
        ("Hola, quería cita el martes 24 por la tarde", "afternoon"),
    ],
)
def test_the_callers_part_of_the_day_inside_the_platforms_date_is_kept(transcript: str, part: str) -> None:
    when = merged(transcript, {"intent": "book_appointment", "date": "2026-11-24"}).fields.when
    assert when is not None and when.start.astimezone(TZ).date().isoformat() == "2026-11-24"
    assert when.part_of_day == part


def test_the_platforms_date_wins_over_another_day_said() -> None:
    when = merged(
        "Thursday afternoon please", {"intent": "book_appointment", "date": "2026-11-24"}
    ).fields.when
    assert when is not None and when.start.astimezone(TZ).date().isoformat() == "2026-11-24"


@pytest.mark.parametrize(
    "transcript",
    [
        "So I, uh, wanna like book an orthopedics visit, for my ankle, um, Tuesday at, uh, two thirty",
        "Hola, quiero sacar una cita con el dermatólogo para el miércoles",
        "I need to cancel my appointment on Friday",
    ],
)
def test_a_request_in_so_many_words_outranks_the_platforms_question(transcript: str) -> None:
    assert merged(transcript, {"intent": "general_question"}).intent is not Intent.QUESTION


def test_the_platforms_question_stands_when_the_caller_asked_one() -> None:
    assert merged("where do I park?", {"intent": "general_question"}).intent is Intent.QUESTION


def test_the_platforms_intent_stays_with_the_request_it_names() -> None:
    read = read_prefill(
        {"intent": "book_appointment", "specialty": "dermatology"}, now=NOW, tz=TZ, language_hint=None
    )
    refill = understand("I need a refill on my levothyroxine", now=NOW, tz=TZ)
    booking = understand("and I wanted to book a dermatology appointment next Thursday", now=NOW, tz=TZ)
    assert for_request(read, refill).intent is None and for_request(read, refill).specialty is None
    assert for_request(read, booking) == read
    assert merge(refill, for_request(read, refill), tz=TZ).intent is Intent.TICKET


@pytest.mark.parametrize(
    ("transcript", "heard", "name"),
    [
        (
            "Caller: Sure, it's Siobhan, S-I-O-B-H-A-N, Murphy, born the fourteenth of July, 1991.",
            "Shavon Murphy",
            "Siobhan Murphy",
        ),
        (
            "Caller: My name is Aoife, that's A-O-I-F-E, Brennan, B-R-E-N-N-A-N. Born April second 1970.",
            "Eefa Brennan",
            "Aoife Brennan",
        ),
        ("Caller: soy Nuria, N-U-R-I-A, Casals, nací el 3 de mayo de 1980", "Noria Casals", "Nuria Casals"),
        ("Caller: it's Niamh Kelly, K-E-L-L-Y, born 2 May 1985", "Niamh Kelly", "Niamh Kelly"),  # agrees
        ("Caller: it's Saoirse, S-E-E-R-S-H-A, Byrne", "Saoirse Byrne", "Saoirse Byrne"),  # said as written
        ("Caller: Lee, L-E-E, born 1970", "Li Wong Chen", "Li Wong Chen"),  # which word is unclear
    ],
)
def test_a_name_the_caller_spelt_out_wins_over_the_platforms_hearing(
    transcript: str, heard: str, name: str
) -> None:
    data = {"intent": "book_appointment", "patient_name": heard, "date_of_birth": "1980-05-03"}
    assert merged(transcript, data).fields.name == name


def merged_at(transcript: str, data: dict[str, Any]) -> Any:
    read = read_prefill(data, now=NOW, tz=TZ, language_hint=None)
    return merge(understand(caller_text(transcript), now=NOW, tz=TZ), read, tz=TZ, now=NOW)


@pytest.mark.parametrize(
    ("transcript", "data", "specialty", "day", "part"),
    [
        (  # the platform kept the day taken back, the caller's last choice wins
            "Agente: ¿Qué día le viene bien? Paciente: El martes veinticuatro... no, espere, el martes"
            " no puedo, el miércoles veinticinco por la mañana.",
            {
                "intent": "book_appointment",
                "specialty": "cardiology",
                "date": "2026-11-24",
                "time": "morning",
            },
            "cardiology",
            "2026-11-25",
            "morning",
        ),
        (  # and the specialty taken back
            "Agent: Riverside Health. Caller: I need pediatrics... no wait, it's for me, family medicine,"
            " on friday please",
            {"intent": "book_appointment", "specialty": "pediatrics", "date": "2026-11-20"},
            "family-medicine",
            "2026-11-20",
            None,
        ),
        (  # nothing taken back, nothing said against them: the platform's fields stand as before
            "Caller: an appointment on wednesday please, no rush",
            {"intent": "book_appointment", "specialty": "dermatology", "date": "2026-11-25"},
            "dermatology",
            "2026-11-25",
            None,
        ),
        (  # said plainly against the platform's (held-out v9, `callerwords`): the caller's words win
            "Caller: cardiology on tuesday the 24th please, no rush",
            {"intent": "book_appointment", "specialty": "dermatology", "date": "2026-11-25"},
            "cardiology",
            "2026-11-24",
            None,
        ),
    ],
)
def test_a_field_the_caller_took_back_gives_way_to_their_last_choice(
    transcript: str, data: dict[str, Any], specialty: str, day: str, part: str | None
) -> None:
    fields = merged_at(transcript, data).fields
    assert fields.specialty == specialty
    assert fields.when is not None and fields.when.start.astimezone(TZ).date().isoformat() == day
    assert fields.when.part_of_day == part
