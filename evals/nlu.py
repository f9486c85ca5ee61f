"""Understanding-only evaluation: each utterance → the intent and fields it should be read as.

Whole-conversation scenarios (the scenario runner) say whether the agent got the job done; this
says, directly and in seconds, whether a change to the understanding layer reads messages better
or worse — no database, no graph, just the `Understander` the graph would call.

A dataset is JSONL, one case a line:

    {"id": "nlu-en-001", "text": "derm next Tuesday afternoon", "language": "en",
     "now": "2026-12-01T09:00:00-05:00", "expecting": null, "options": null,
     "expect": {"intent": "book", "fields": {"specialty": "dermatology", "date": "2026-12-08",
                                             "part_of_day": "afternoon"}}}

- `expecting` (optional): what the agent was waiting for (`identity`, `choice`, `confirm`, …), which
  decides how a short reply is read; `options` (optional, with `expecting: "choice"`): the offered
  slot times, in order, that a `choice` field refers to.
- `expect.intent`: an `Intent` value, or null when the intent is not scored (a red flag or an
  injection attempt decides what the agent does, whatever else the message asks).
- `expect.fields`: every field the message gives, and only those — a field read but not expected
  counts against precision. `date`/`date_end` are the first/last day asked for (`date_end`
  defaults to `date`); "as soon as possible" or "whenever" is `asap: true` with no date;
  `choice` is the 1-based position among `options`. See `SCORED_FIELDS`.
- `scope` (optional): `"safety"` marks a case of the safety set (evals/datasets/safety.jsonl): only
  its red flag is scored — `expect.fields.red_flag` for a positive, nothing for a hard negative —
  and its intent must be null. Every case, of either scope, counts in the report's `red_flags`
  (detection recall and precision overall, per language and per kind, with every miss listed).

The understander is given the case's language as the conversation's language, as the graph does.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Literal, Self
from zoneinfo import ZoneInfo

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

from agents.model import Understander
from agents.understanding import (
    Expecting,
    Intent,
    Language,
    PartOfDay,
    RedFlagKind,
    RedFlagReader,
    TicketCategory,
    TicketPriority,
    Understanding,
    When,
    resolve_choice,
    with_red_flag,
)
from agents.understanding.dates import ASAP_DAYS
from agents.understanding.spoken import without_fillers
from evals.jsonl import DatasetError, load_jsonl
from evals.nlu_metrics import NluReport, Reading, score
from graphs.conversation.prefill import caller_text, is_transcript

__all__ = [
    "SCORED_FIELDS",
    "NluCase",
    "NluDatasetError",
    "NluReport",
    "evaluate",
    "expected",
    "load_cases",
    "observed",
    "read",
    "run_nlu",
]

CLINIC_TZ = ZoneInfo("America/New_York")
Specialty = Literal["family-medicine", "cardiology", "dermatology", "pediatrics", "orthopedics"]
TIME_FIELDS = frozenset({"date", "date_end", "part_of_day", "asap"})
OPEN_WINDOW = timedelta(days=ASAP_DAYS)  # searched when only a part of day (or nothing) is said


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ExpectedFields(_Strict):
    """The fields a message gives; absent means the message does not give it."""

    specialty: Specialty | None = None
    date: dt.date | None = None
    date_end: dt.date | None = None
    part_of_day: PartOfDay | None = None
    asap: bool | None = None
    practitioner: str | None = Field(default=None, min_length=1)
    name: str | None = Field(default=None, min_length=1)
    birth_date: dt.date | None = None
    phone: str | None = Field(default=None, pattern=r"^\+[1-9]\d{6,14}$")
    ticket_category: TicketCategory | None = None
    ticket_priority: TicketPriority | None = None
    red_flag: RedFlagKind | None = None
    injection: bool | None = None
    choice: int | None = Field(default=None, ge=1)

    @model_validator(mode="after")
    def _range(self) -> Self:
        if self.date_end is not None and (self.date is None or self.date_end < self.date):
            raise ValueError("date_end needs a date on or before it")
        return self


SCORED_FIELDS: tuple[str, ...] = tuple(ExpectedFields.model_fields)


class Expectation(_Strict):
    intent: Intent | None
    fields: ExpectedFields = Field(default_factory=ExpectedFields)


class NluCase(_Strict):
    """One utterance and how it should be read."""

    id: str = Field(min_length=1)
    text: str
    language: Language
    now: AwareDatetime
    expecting: Expecting | None = None
    options: list[AwareDatetime] | None = Field(default=None, min_length=1)
    scope: Literal["all", "safety"] = "all"
    expect: Expectation

    @model_validator(mode="after")
    def _safety_scores_no_intent(self) -> Self:
        if self.scope == "safety" and self.expect.intent is not None:
            raise ValueError("a safety case scores only its red flag: expect.intent must be null")
        return self

    @model_validator(mode="after")
    def _choice_needs_options(self) -> Self:
        choice = self.expect.fields.choice
        if choice is not None and (self.options is None or choice > len(self.options)):
            raise ValueError("expect.fields.choice must point into options")
        return self


class NluDatasetError(DatasetError):
    """A dataset line that is not a valid case, naming the file, the line and the key."""


def load_cases(path: Path) -> list[NluCase]:
    """Every case of a JSONL dataset; the first bad line raises `NluDatasetError`."""
    return load_jsonl(path, NluCase, noun="case", error=NluDatasetError)


def expected(case: NluCase) -> dict[str, Any]:
    """The case's fields as comparable plain values (dates as ISO strings, falsy flags dropped)."""
    values = case.expect.fields.model_dump(mode="json", exclude_none=True)
    if "date" in values:
        values.setdefault("date_end", values["date"])
    return {key: value for key, value in values.items() if value is not False}


def _when_fields(when: When, now: datetime, tz: ZoneInfo) -> dict[str, Any]:
    """`date`/`date_end` unless the range is only the default window searched when no day was said."""
    found: dict[str, Any] = {"part_of_day": when.part_of_day, "asap": when.asap or None}
    start, end = when.start.astimezone(tz), when.end.astimezone(tz)
    open_window = start == now.astimezone(tz) and end - start == OPEN_WINDOW
    if not (when.asap or open_window):
        found["date"] = start.date().isoformat()
        found["date_end"] = (end - timedelta(microseconds=1)).date().isoformat()
    return found


def observed(case: NluCase, understanding: Understanding, tz: ZoneInfo) -> dict[str, Any]:
    """What the understander read, in the same shape as `expected`."""
    fields = understanding.fields
    found: dict[str, Any] = {
        "specialty": fields.specialty,
        "practitioner": fields.practitioner,
        "name": fields.name,
        "birth_date": fields.birth_date.isoformat() if fields.birth_date else None,
        "phone": fields.phone,
        "ticket_category": fields.ticket_category,
        "ticket_priority": fields.ticket_priority,
        "red_flag": understanding.red_flag.kind if understanding.red_flag else None,
        "injection": understanding.injection or None,
    }
    if fields.when is not None:
        found.update(_when_fields(fields.when, case.now, tz))
    if case.options:
        index = resolve_choice(case.text, case.options, tz=tz, language=understanding.language)
        found["choice"] = None if index is None else index + 1
    return {key: value for key, value in found.items() if value is not None}


def scored_fields(case: NluCase) -> frozenset[str]:
    """The fields this case is scored on: all of them, except that a reply picking an offered slot
    ("the 10am", "Wednesday's") names a time without asking for one, so its time fields are not;
    a safety case is scored on its red flag alone."""
    if case.scope == "safety":
        return frozenset({"red_flag"})
    if case.expect.fields.choice is not None:
        return frozenset(SCORED_FIELDS) - TIME_FIELDS
    return frozenset(SCORED_FIELDS)


def read(case: NluCase, understanding: Understanding, tz: ZoneInfo = CLINIC_TZ) -> Reading:
    """One case's expected and observed reading, ready to score."""
    keep = scored_fields(case)
    return Reading(
        case_id=case.id,
        text=case.text,
        language=case.language,
        expected_intent=case.expect.intent.value if case.expect.intent else None,
        observed_intent=understanding.intent.value,
        observed_language=understanding.language,
        expected_fields={k: v for k, v in expected(case).items() if k in keep},
        observed_fields={k: v for k, v in observed(case, understanding, tz).items() if k in keep},
    )


async def evaluate(
    cases: Sequence[NluCase],
    *,
    understander: Understander,
    tz: ZoneInfo = CLINIC_TZ,
    red_flags: RedFlagReader | None = None,
) -> NluReport:
    """Read every case with `understander` (one at a time, in order) and score the readings.

    As the graph does: a call's transcript is read on the caller's side only (without hesitations),
    and `red_flags` (the
    agent's reader, with its nearest-example screen) reads whatever the understanding did not flag.
    """
    readings: list[Reading] = []
    for case in cases:
        call = is_transcript(case.text)
        text = caller_text(case.text) if call else case.text
        understanding = await understander(
            without_fillers(text) if call else text,
            now=case.now,
            tz=tz,
            expecting=case.expecting,
            language_hint=case.language,
        )
        if (
            red_flags is not None
            and understanding.red_flag is None
            and (flag := await red_flags.beyond_signs(text))
        ):
            understanding = with_red_flag(understanding, flag)
        readings.append(read(case, understanding, tz))
    return score(readings)


def run_nlu(
    path: Path,
    *,
    understander: Understander,
    tz: ZoneInfo = CLINIC_TZ,
    red_flags: RedFlagReader | None = None,
) -> NluReport:
    """Load a dataset and score `understander` on it (for the CLI: runs its own event loop)."""
    return asyncio.run(evaluate(load_cases(path), understander=understander, tz=tz, red_flags=red_flags))
