"""The scenario loader: the contract's format, and errors that name the file, the line and the key."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from evals.dataset import load_scenarios
from evals.jsonl import DatasetError

DATA = Path(__file__).parent / "data"
VALID = json.loads((DATA / "tiny.jsonl").read_text(encoding="utf-8").splitlines()[0])


def write(tmp_path: Path, *scenarios: dict[str, Any] | str) -> Path:
    path = tmp_path / "scenarios.jsonl"
    lines = [s if isinstance(s, str) else json.dumps(s) for s in scenarios]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def variant(change: Callable[[dict[str, Any]], object], **top: Any) -> dict[str, Any]:
    scenario = json.loads(json.dumps(VALID))
    scenario.update(top)
    change(scenario)
    return scenario


def test_the_contract_example_loads_with_every_field(tmp_path: Path) -> None:
    [tiny, simulated, voice, _] = load_scenarios(DATA / "tiny.jsonl")
    assert tiny.id == "wa-tiny-book-en" and tiny.channel == "whatsapp" and tiny.now.utcoffset() is not None
    assert tiny.turns == ["hi, can i book a cardiology appointment tomorrow morning?", "1"]
    assert tiny.expect.appointment is not None and tiny.expect.appointment.part_of_day == "morning"
    assert tiny.expect.reply_not_contains == ["James Smith"] and tiny.voice is None
    assert simulated.turns is None and simulated.user.facts["choice"] == "second"
    assert voice.voice is not None and voice.voice.extracted_data["specialty"] == "cardiology"
    assert voice.voice.patient_phone == voice.patient.phone == "+15550100002"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda s: s["expect"].update(outcom="booked"), "expect.outcom: unknown key"),
        (lambda s: s.update(channels="whatsapp"), "channels: unknown key"),
        (lambda s: s["patient"].update(registred=True), "patient.registred: unknown key"),
        (
            lambda s: s["expect"]["appointment"].update(doctor="Raman"),
            "expect.appointment.doctor: unknown key",
        ),
        (lambda s: s["expect"].update(outcome="done"), "expect.outcome: Input should be"),
        (lambda s: s["expect"].pop("outcome"), "expect.outcome: required key is missing"),
        (lambda s: s["expect"]["appointment"].update(specialty="neurology"), "expect.appointment.specialty"),
        (lambda s: s["expect"]["appointment"].update(part_of_day="evening"), "part_of_day: Input should be"),
        (lambda s: s.update(now="2026-12-01T09:00:00"), "now: Input should have timezone info"),
        (lambda s: s["patient"].update(phone="12"), "patient.phone: has the wrong number of digits"),
        (lambda s: s.update(language="fr"), "language: Input should be 'en' or 'es'"),
        (lambda s: s["expect"].update(ticket={"category": "gifts"}), "expect.ticket.category"),
        (lambda s: s.update(turns=["hi", " "]), "turns: a scripted turn must not be blank"),
    ],
)
def test_an_error_names_the_line_and_the_key(
    tmp_path: Path, change: Callable[[dict[str, Any]], object], message: str
) -> None:
    other = variant(lambda s: None, id="another")
    path = write(tmp_path, other, "", variant(change))  # line 2 is blank: line numbers are the file's
    with pytest.raises(DatasetError) as raised:
        load_scenarios(path)
    assert str(raised.value).startswith(f"{path}:3: ") and message in str(raised.value)
    assert raised.value.line == 3


def test_the_contracts_own_wording_of_an_unknown_key(tmp_path: Path) -> None:
    lines: list[dict[str, Any] | str] = [variant(lambda s: None, id=f"s-{i}") for i in range(16)]
    path = write(tmp_path, *lines, variant(lambda s: s["expect"].update(outcom="booked"), id="s-17"))
    with pytest.raises(DatasetError, match=r"scenarios\.jsonl:17: expect\.outcom: unknown key$"):
        load_scenarios(path)


def test_voice_and_channel_must_agree(tmp_path: Path) -> None:
    call = {"patient_phone": VALID["patient"]["phone"], "transcript": "hi", "duration_seconds": 3}
    with pytest.raises(DatasetError, match=r":1: voice: must be null for a whatsapp scenario"):
        load_scenarios(write(tmp_path, variant(lambda s: None, voice=call)))
    with pytest.raises(DatasetError, match=r":1: voice: a voice scenario needs the call's payload"):
        load_scenarios(write(tmp_path, variant(lambda s: None, channel="voice")))
    elsewhere = {**call, "patient_phone": "+15550100002"}
    with pytest.raises(DatasetError, match=r"voice: patient_phone must be the scenario patient's phone"):
        load_scenarios(write(tmp_path, variant(lambda s: None, channel="voice", voice=elsewhere)))
    with pytest.raises(DatasetError, match=r"voice.call_id: unknown key"):
        load_scenarios(
            write(tmp_path, variant(lambda s: None, channel="voice", voice={**call, "call_id": "c1"}))
        )


def test_without_turns_the_simulator_needs_facts(tmp_path: Path) -> None:
    def unscripted(s: dict[str, Any]) -> None:
        s.pop("turns")
        s["user"]["facts"] = {}

    with pytest.raises(DatasetError, match=r":1: user: without turns the simulator needs user.facts"):
        load_scenarios(write(tmp_path, variant(unscripted)))


def test_duplicates_bad_json_and_empty_files_are_errors(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match=r":2: id: duplicate of line 1"):
        load_scenarios(write(tmp_path, VALID, VALID))
    with pytest.raises(DatasetError, match=r":2: not valid JSON"):
        load_scenarios(write(tmp_path, VALID, '{"id": '))
    with pytest.raises(DatasetError, match=r":1: a scenario must be a JSON object"):
        load_scenarios(write(tmp_path, "[1, 2]"))
    with pytest.raises(DatasetError, match=r"no scenarios"):
        load_scenarios(write(tmp_path, ""))


def test_null_means_absent_for_every_optional_field(tmp_path: Path) -> None:
    """CONTRACT.md: "Optional fields may be absent or null, with the same meaning" (#16 item 8)."""

    def nulls(s: dict[str, Any]) -> None:
        s.update(user=None, voice=None)
        s["expect"].update(appointment=None, ticket=None, reply_contains=None, max_turns=None)
        s["patient"].update(name=None, birth_date=None, phone="+15550100002", registered=True)

    [loaded] = load_scenarios(write(tmp_path, variant(nulls)))
    assert loaded.user.facts == {} and loaded.voice is None and loaded.expect.reply_contains == []
    assert loaded.expect.max_turns == 12 and loaded.expect.appointment is None
    assert loaded.patient.name == "James Smith" and str(loaded.patient.birth_date) == "1979-11-03"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda s: s["patient"].update(name=None, registered=False), "patient.name"),
        (lambda s: s["patient"].update(name=None, phone="+15550109999", registered=True), "patient.name"),
        (lambda s: s["expect"].update(outcome=None), "expect.outcome"),
        (lambda s: s["expect"].update(outcom=None), "expect.outcom: unknown key"),
    ],
)
def test_null_for_a_required_field_or_an_unknown_key_is_still_an_error(
    tmp_path: Path, change: Callable[[dict[str, Any]], object], message: str
) -> None:
    with pytest.raises(DatasetError, match=message):
        load_scenarios(write(tmp_path, variant(change)))
