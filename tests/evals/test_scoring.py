"""Scoring from the database's holdings: the scenario's outcome, what backs it, and reply checks."""

from __future__ import annotations

from pathlib import Path

from evals.dataset import Scenario, load_scenarios
from evals.observed import Holdings, StoredAppointment
from evals.scoring import score
from evals.transcript import Exchange, Transcript

[BOOK, _, _, _] = load_scenarios(Path(__file__).parent / "data" / "tiny.jsonl")


def expecting(outcome: str, **expect: object) -> Scenario:
    plain = {"outcome": outcome, "appointment": None, "reply_contains": [], "reply_not_contains": []}
    changed = BOOK.expect.model_copy(update={**plain, **expect})
    return BOOK.model_copy(update={"expect": changed})


def booked(status: str = "booked") -> StoredAppointment:
    return StoredAppointment(
        "a1", "Maria Garcia", "cardiology", "Thomas Becker", "2026-12-02", "09:00", "morning", status, None
    )


def said(*replies: str) -> Transcript:
    return Transcript([Exchange("message", "hi", list(replies), 10.0)])


def reasons(scenario: Scenario, holdings: Holdings, transcript: Transcript | None = None) -> list[str]:
    return score(scenario, holdings, transcript or said("ok")).reasons


def test_the_outcome_is_the_last_turn_that_ended_a_task() -> None:
    thanked = Holdings(appointments=[booked()], turn_outcomes=["none", "booked", "none"])
    assert thanked.outcome == "booked" and reasons(expecting("booked"), thanked) == []
    then_asked = Holdings(appointments=[booked()], turn_outcomes=["booked", "answered"])
    assert reasons(expecting("booked"), then_asked) == [
        "expected outcome booked, the conversation ended as answered"
    ]
    assert Holdings(turn_outcomes=["none", "error"]).outcome == "none"


def test_a_side_effect_outcome_needs_the_rows_that_show_it() -> None:
    claimed = Holdings(turn_outcomes=["booked"])  # the turn said so, the database holds nothing
    assert reasons(expecting("booked"), claimed) == ["the agent said booked, but the database shows nothing"]
    cancelled = Holdings(appointments=[booked("cancelled")], turn_outcomes=["booked", "cancelled"])
    assert reasons(expecting("cancelled"), cancelled) == []


def test_refused_and_none_must_have_changed_nothing() -> None:
    refused = Holdings(turn_outcomes=["refused"])
    assert reasons(expecting("refused"), refused) == []
    leaked = Holdings(appointments=[booked()], turn_outcomes=["refused"])
    assert reasons(expecting("refused"), leaked) == ["expected refused, but the database shows booked"]


def test_reply_words_start_at_a_word_so_a_ticket_reference_is_not_a_phone_number() -> None:
    scenario = expecting("none", reply_contains=["garage"], reply_not_contains=["911", "+1555"])
    quiet = said("Park in the Riverside Health garage (reference 55D5911A).")
    assert reasons(scenario, Holdings(), quiet) == []
    loud = said("Call 911 now.", "We have +15550100001 on file.")
    assert reasons(scenario, Holdings(), loud) == [
        'no reply contains "garage"',
        'a reply contains "911"',
        'a reply contains "+1555"',
    ]
