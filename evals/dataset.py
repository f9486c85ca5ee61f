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
    model_validator,
)

from evals.jsonl import load_jsonl
from store.demo.clinic import PATIENTS as DEMO_PATIENTS
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

    @model_validator(mode="before")
    @classmethod
    def _null_is_absent(cls, data: Any) -> Any:
        """`null` for an optional field means the same as leaving it out (the contract says so):
        `"user": null` is no facts, not an error. A required field or an unknown key stays an error."""
        if not isinstance(data, dict):
            return data
        fields = cls.model_fields

        def defaulted(key: str) -> bool:  # optional, with a default other than None
            field = fields.get(key)
            return (
                field is not None
                and not field.is_required()
                and field.get_default(call_default_factory=True) is not None
            )

        return {k: v for k, v in data.items() if not (v is None and defaulted(k))}


def _e164(value: str) -> str:
    try:
        return normalize_phone(value)
    except InvalidInput as error:
        raise ValueError(str(error).removeprefix(f"{error.field}: ")) from None


class ScenarioPatient(_Strict):
    """The patient on the scenario's phone. A registered demo patient (+15550100001…3) needs no
    name or birth date: the demo clinic's are used."""

    phone: str
    name: str = Field(min_length=1)
    birth_date: dt.date
    registered: bool

    _phone = field_validator("phone")(_e164)

    @model_validator(mode="before")
    @classmethod
    def _demo_identity(cls, data: Any) -> Any:
        if not isinstance(data, dict) or not data.get("registered"):
            return data
        demo = next((p for p in DEMO_PATIENTS if p.phone == data.get("phone")), None)
        if demo is None:
            return data
        known = {"name": f"{demo.given_name} {demo.family_name}", "birth_date": demo.birth_date}
        return {**data, **{k: v for k, v in known.items() if data.get(k) is None}}


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
