"""The scenario dataset (JSONL, one scenario a line), exactly as docs/CONTRACT's "Eval dataset" says.

Other tools write these files, so the loader is strict where a mistake would silently change what
is measured: an unknown key (a typo such as `expect.outcom`) is an error, not ignored, and every
error names the file, the line and the key (`scenarios.jsonl:17: expect.outcom: unknown key`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
)

from evals.jsonl import load_jsonl
from store.errors import InvalidInput
from store.patients.service import normalize_phone
from store.scheduling.specialties import SPECIALTIES

Outcome = Literal[
    "booked", "rescheduled", "cancelled", "ticket", "answered", "handoff", "emergency", "refused", "none"
]
Language = Literal["en", "es"]
PartOfDay = Literal["morning", "afternoon"]
TicketCategory = Literal["billing", "prescription", "medical_question", "complaint", "records", "other"]
TicketPriority = Literal["low", "normal", "high", "urgent"]
DEFAULT_MAX_TURNS = 12


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _e164(value: str) -> str:
    try:
        return normalize_phone(value)
    except InvalidInput as error:
        raise ValueError(str(error).removeprefix(f"{error.field}: ")) from None


class ScenarioPatient(_Strict):
    phone: str
    name: str = Field(min_length=1)
    birth_date: dt.date
    registered: bool

    _phone = field_validator("phone")(_e164)


class User(_Strict):
    """What the simulated patient knows: name, birth_date, reason, specialty, when, choice, confirm, …"""

    facts: dict[str, str] = Field(default_factory=dict)


class VoiceCall(_Strict):
    """The voice platform's webhook payload minus `call_id`, which the runner makes for each try."""

    patient_phone: str
    recording_url: str | None = None
    transcript: str
    extracted_data: dict[str, Any] = Field(default_factory=dict)
    duration_seconds: float = Field(ge=0)

    _phone = field_validator("patient_phone")(_e164)


class ExpectedAppointment(_Strict):
    specialty: str | None = None
    practitioner: str | None = None
    date: dt.date | None = None
    part_of_day: PartOfDay | None = None

    @field_validator("specialty")
    @classmethod
    def _known(cls, value: str | None) -> str | None:
        if value is not None and value not in SPECIALTIES:
            raise ValueError(f"must be one of {', '.join(SPECIALTIES)}")
        return value


class ExpectedTicket(_Strict):
    category: TicketCategory | None = None
    priority: TicketPriority | None = None


class Expect(_Strict):
    outcome: Outcome
    appointment: ExpectedAppointment | None = None
    ticket: ExpectedTicket | None = None
    reply_contains: list[str] = Field(default_factory=list)
    reply_not_contains: list[str] = Field(default_factory=list)
    max_turns: int = Field(default=DEFAULT_MAX_TURNS, ge=1, le=100)


class Scenario(_Strict):
    """One conversation to play and what the database must hold afterwards."""

    id: str = Field(min_length=1, max_length=120, pattern=r"^\S+$")
    channel: Literal["whatsapp", "voice"]
    now: AwareDatetime
    language: Language
    patient: ScenarioPatient
    turns: list[str] | None = None  # None: the user simulator speaks; [] (voice): the call alone
    user: User = Field(default_factory=User)
    voice: VoiceCall | None = None
    expect: Expect

    @field_validator("turns")
    @classmethod
    def _no_blank_turns(cls, value: list[str] | None) -> list[str] | None:
        if value is not None and not all(turn.strip() for turn in value):
            raise ValueError("a scripted turn must not be blank")
        return value

    @field_validator("user")
    @classmethod
    def _facts_without_turns(cls, value: User, info: ValidationInfo) -> User:
        if info.data.get("turns") is None and info.data.get("channel") == "whatsapp" and not value.facts:
            raise ValueError("without turns the simulator needs user.facts")
        return value

    @field_validator("voice")
    @classmethod
    def _voice_matches_channel(cls, value: VoiceCall | None, info: ValidationInfo) -> VoiceCall | None:
        channel = info.data.get("channel")
        if channel == "voice" and value is None:
            raise ValueError("a voice scenario needs the call's payload")
        if channel == "whatsapp" and value is not None:
            raise ValueError("must be null for a whatsapp scenario")
        patient = info.data.get("patient")
        if value is not None and patient is not None and value.patient_phone != patient.phone:
            raise ValueError("patient_phone must be the scenario patient's phone")
        return value


def load_scenarios(path: Path) -> list[Scenario]:
    """Every scenario of a JSONL file (blank lines skipped); the first bad line raises `DatasetError`."""
    return load_jsonl(path, Scenario, noun="scenario")
