"""The scenario datasets keep to the contract's format and cover what the evaluation promises.

The loader (evals/dataset.py) checks the format of any dataset; this checks what only these files
must hold: every flow in both languages, expectations the seeded demo clinic can satisfy (a
booked date is a weekday inside the 60 seeded days after the scenario's `now`), and a smoke subset
that is a faithful copy of scenarios in the full set.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

DATASETS = Path(__file__).resolve().parents[2] / "evals" / "datasets"
TZ = ZoneInfo("America/New_York")
SEEDED_DAYS = 60
TOP = {"id", "channel", "now", "language", "patient", "turns", "user", "voice", "expect"}
PATIENT = {"phone", "name", "birth_date", "registered"}
EXPECT = {"outcome", "appointment", "ticket", "reply_contains", "reply_not_contains", "max_turns"}
VOICE = {"patient_phone", "recording_url", "transcript", "extracted_data", "duration_seconds"}
OUTCOMES = {
    "booked",
    "rescheduled",
    "cancelled",
    "ticket",
    "answered",
    "handoff",
    "emergency",
    "refused",
    "none",
}
SPECIALTIES = {"family-medicine", "cardiology", "dermatology", "pediatrics", "orthopedics"}
CATEGORIES = {"billing", "prescription", "medical_question", "complaint", "records", "other"}
FLOWS = {
    "book-known", "book-new", "book-shared", "specialty", "dates", "reschedule", "cancel", "list",
    "question", "ticket", "journey", "redflag", "handoff", "voice-book", "voice-ticket", "voice-handoff",
    "voice-redflag", "refused", "typos", "no-availability", "change-mind", "simulated",
    # the understanding classes of #16 and #20
    "two-requests", "times-words", "move-relative", "intake", "questions", "identity", "ordinals", "language",
    "small-talk",
}  # fmt: skip


def lines(name: str) -> list[str]:
    return [line for line in (DATASETS / name).read_text(encoding="utf-8").splitlines() if line.strip()]


SCENARIOS = [json.loads(line) for line in lines("scenarios.jsonl")]


def flow(scenario: dict[str, Any]) -> str:
    """ "wa-book-new-en-010" → "book-new"."""
    return str(scenario["id"]).split("-", 1)[1].rsplit("-", 2)[0]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["id"] for s in SCENARIOS])
def test_each_scenario_keeps_to_the_contract(scenario: dict[str, Any]) -> None:
    assert set(scenario) in (TOP, TOP - {"turns"})
    assert set(scenario["patient"]) == PATIENT and set(scenario["expect"]) == EXPECT
    assert scenario["channel"] in ("whatsapp", "voice") and scenario["language"] in ("en", "es")
    assert datetime.fromisoformat(scenario["now"]).tzinfo is not None
    user = scenario["user"]  # null and absent mean the same (CONTRACT.md): no simulated facts
    assert user is None or (isinstance(user["facts"], dict) and set(user) == {"facts"})
    assert "turns" in scenario or (user or {}).get("facts"), "without turns the simulator needs facts"
    assert all(isinstance(turn, str) and turn.strip() for turn in scenario.get("turns", []))
    if scenario["channel"] == "voice":
        assert (
            set(scenario["voice"]) == VOICE
            and scenario["voice"]["patient_phone"] == scenario["patient"]["phone"]
        )
    else:
        assert scenario["voice"] is None
    expect = scenario["expect"]
    # a scenario may ask that its scripted turns suffice (the held-out sets' do: a booking in two turns)
    assert expect["outcome"] in OUTCOMES and expect["max_turns"] >= len(scenario.get("turns", []))
    if expect["ticket"] is not None:
        assert set(expect["ticket"]) <= {"category", "priority"} and expect["ticket"]
        assert expect["ticket"].get("category", "other") in CATEGORIES


@pytest.mark.parametrize(
    "scenario", [s for s in SCENARIOS if s["expect"]["appointment"]], ids=lambda s: str(s["id"])
)
def test_expected_appointments_can_exist_in_the_seeded_clinic(scenario: dict[str, Any]) -> None:
    wanted = scenario["expect"]["appointment"]
    assert (
        set(wanted) <= {"specialty", "practitioner", "date", "part_of_day"}
        and wanted["specialty"] in SPECIALTIES
    )
    assert wanted.get("part_of_day", "morning") in ("morning", "afternoon")  # slots run 09:00-17:00
    if "date" in wanted:
        now = datetime.fromisoformat(scenario["now"]).astimezone(TZ)
        day = date.fromisoformat(wanted["date"])
        assert now.date() <= day < (now + timedelta(days=SEEDED_DAYS)).date() and day.weekday() < 5


def test_the_full_set_covers_every_flow_in_both_languages() -> None:
    ids = [s["id"] for s in SCENARIOS]
    assert len(ids) == len(set(ids)) >= 120
    spanish = sum(s["language"] == "es" for s in SCENARIOS) / len(SCENARIOS)
    assert 0.3 <= spanish <= 0.5  # at least a third Spanish; English still the larger part
    # Each distinct clock costs a seeded template database (a few seconds each). The retired held-out
    # set v2 brought 11 of its own on purpose (a Friday, a weekend, a Sunday evening, month ends,
    # 2027): the calendar's edges are what it tests, so its clocks were kept rather than re-dated.
    assert len({s["now"] for s in SCENARIOS}) <= 16
    assert {flow(s) for s in SCENARIOS} >= FLOWS  # the retired held-out sets' classes (ho-…, ho2-…) besides
    assert {flow(s) for s in SCENARIOS if s["language"] == "es"} >= FLOWS - {"voice-handoff"} - {
        "voice-ticket"
    }
    assert {s["expect"]["outcome"] for s in SCENARIOS} == OUTCOMES
    assert {
        s["expect"]["ticket"]["category"] for s in SCENARIOS if (s["expect"]["ticket"] or {}).get("category")
    } == CATEGORIES
    assert {
        s["expect"]["appointment"]["specialty"] for s in SCENARIOS if s["expect"]["appointment"]
    } == SPECIALTIES
    assert sum("turns" not in s for s in SCENARIOS) >= 10  # driven by the user simulator alone


def test_smoke_is_a_copy_of_full_scenarios_across_languages_channels_and_outcomes() -> None:
    full = set(lines("scenarios.jsonl"))
    smoke = lines("smoke.jsonl")
    assert 12 <= len(smoke) <= 20 and all(line in full for line in smoke)
    chosen = [json.loads(line) for line in smoke]
    assert {s["language"] for s in chosen} == {"en", "es"} and {s["channel"] for s in chosen} == {
        "whatsapp",
        "voice",
    }
    assert len(Counter(s["expect"]["outcome"] for s in chosen)) >= 8
