"""The planner: the next step from what the patient said and what the agent was waiting for."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import understand
from graphs.conversation.plan import expecting, plan
from graphs.conversation.state import ConversationState

TZ = ZoneInfo("America/New_York")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=TZ)  # a Tuesday
SLOTS = [
    {
        "slot_id": "a",
        "start": "2026-12-08T13:00:00-05:00",
        "practitioner": "Dr. A",
        "specialty": "dermatology",
    },
    {
        "slot_id": "b",
        "start": "2026-12-08T14:30:00-05:00",
        "practitioner": "Dr. B",
        "specialty": "dermatology",
    },
    {
        "slot_id": "c",
        "start": "2026-12-09T10:00:00-05:00",
        "practitioner": "Dr. A",
        "specialty": "dermatology",
    },
]
VERIFIED: dict[str, Any] = {"patient_id": "11111111-1111-1111-1111-111111111111"}


def step(text: str, **state: Any) -> dict[str, Any]:
    current: ConversationState = state  # type: ignore[assignment]
    u = understand(text, now=NOW, tz=TZ, expecting=expecting(state.get("awaited")), language_hint="en")
    return plan(current, u, TZ, now=NOW)


def test_a_booking_request_with_everything_goes_straight_to_slots() -> None:
    update = step("I'd like to see a dermatologist next Tuesday afternoon", **VERIFIED)
    assert update["task"] == "book" and update["step"] == "find_slots"
    assert update["gathered"]["specialty"] == "dermatology"
    assert update["gathered"]["when"]["part_of_day"] == "afternoon"


def test_an_unverified_patient_is_identified_first() -> None:
    update = step("I need an appointment with a cardiologist")
    assert update["task"] == "book" and update["step"] == "identify"


def test_missing_specialty_then_when_are_asked_for() -> None:
    assert step("I want to book an appointment", **VERIFIED)["step"] == "ask"
    update = step("skin rash", task="book", awaited="specialty", asked=["specialty"], **VERIFIED)
    assert update["gathered"]["specialty"] == "dermatology" and update["step"] == "ask"  # now: when?


def test_an_answer_without_a_time_after_asking_means_as_soon_as_possible() -> None:
    update = step(
        "whenever",
        task="book",
        awaited="when",
        asked=["specialty", "when"],
        gathered={"specialty": "cardiology"},
        **VERIFIED,
    )
    assert update["step"] == "find_slots"


@pytest.mark.parametrize(("reply", "slot"), [("the first one", "a"), ("2", "b"), ("the 10:00", "c")])
def test_a_choice_among_offered_slots_books_it(reply: str, slot: str) -> None:
    update = step(reply, task="book", awaited="choice", offered=SLOTS, **VERIFIED)
    assert update["step"] == "book"
    assert update["pending"]["slot"]["slot_id"] == slot


def test_an_unclear_choice_asks_again() -> None:
    assert step("hmm maybe", task="book", awaited="choice", offered=SLOTS, **VERIFIED)["step"] == "clarify"


def test_a_new_time_while_choosing_searches_again() -> None:
    update = step(
        "do you have anything on friday morning?",
        task="book",
        awaited="choice",
        offered=SLOTS,
        gathered={"specialty": "dermatology"},
        **VERIFIED,
    )
    assert update["step"] == "find_slots"
    assert (
        update["gathered"]["specialty"] == "dermatology"
        and update["gathered"]["when"]["part_of_day"] == "morning"
    )


def test_changing_mind_mid_booking_starts_the_new_task() -> None:
    update = step("actually cancel my appointment", task="book", awaited="specialty", **VERIFIED)
    assert update["task"] == "cancel" and update["step"] == "choose_appointment"


@pytest.mark.parametrize(
    ("reply", "expected"), [("yes", "cancel"), ("sí", "cancel"), ("no", "keep"), ("what?", "confirm")]
)
def test_confirmation_replies(reply: str, expected: str) -> None:
    pending = {"action": "cancel", "appointment": {"id": "x"}}
    assert step(reply, task="cancel", awaited="confirm", pending=pending, **VERIFIED)["step"] == expected


MOVED = {  # the appointment being moved: Tuesday 2:30 PM with Dr. B
    "id": "x",
    "start": "2026-12-01T14:30:00-05:00",
    "practitioner": "Dr. B",
    "specialty": "dermatology",
    "address": "1200 Riverside Avenue",
    "status": "booked",
}


def test_a_reschedule_choice_moves_it() -> None:
    """The patient asked for the move; picking its new time is the agreement."""
    pending = {"action": "reschedule", "appointment": MOVED}
    update = step("2", task="reschedule", awaited="choice", offered=SLOTS, pending=pending, **VERIFIED)
    assert update["step"] == "reschedule"
    assert update["pending"]["slot"]["slot_id"] == "b" and update["pending"]["appointment"]["id"] == "x"


@pytest.mark.parametrize(
    ("text", "slot", "step_"),
    [
        ("yes, the 2:30 one", "b", "reschedule"),
        ("sí, la segunda", "b", "reschedule"),
        ("the same time", "b", "reschedule"),  # the moved appointment's 2:30
        ("same doctor please", "b", "reschedule"),  # Dr. B's
        ("ok, a la misma hora", "b", "reschedule"),
    ],
)
def test_a_reschedule_pick_reads_the_appointment_being_moved(text: str, slot: str, step_: str) -> None:
    pending = {"action": "reschedule", "appointment": MOVED}
    update = step(text, task="reschedule", awaited="choice", offered=SLOTS, pending=pending, **VERIFIED)
    assert (update["step"], update["pending"]["slot"]["slot_id"]) == (step_, slot)


def test_questions_need_no_identity() -> None:
    update = step("what are your opening hours?")
    assert update["task"] == "question" and update["step"] == "answer"


def test_identity_details_answer_the_identity_question() -> None:
    assert step("Lena Park, 14 Feb 1990", task="book", awaited="identity")["step"] == "identify"


@pytest.mark.parametrize(
    ("text", "expected"), [("hello", "greet"), ("thanks!", "thank"), ("blorp", "not_understood")]
)
def test_small_talk(text: str, expected: str) -> None:
    assert step(text)["step"] == expected
