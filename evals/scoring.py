"""Per-scenario verdicts from what the database holds afterwards, not from the reply's words alone.

Each check gives a person-readable reason when it fails ("appointment specialty is cardiology,
expected dermatology"). Field comparisons are kept too, for precision and recall across a run:
a stored value that agrees is a true positive, one that disagrees a false positive, one missing
(nothing stored) a false negative.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from evals import policies
from evals.dataset import ExpectedAppointment, ExpectedTicket, Scenario
from evals.observed import EFFECTS, Holdings, StoredAppointment, StoredTicket
from evals.transcript import Transcript
from store.patients.service import fold

Verdict = Literal["tp", "fp", "fn"]


@dataclass(frozen=True)
class Check:
    name: str
    passed: bool
    reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class FieldResult:
    """One expected field against what was stored: `tp` agrees, `fp` disagrees, `fn` nothing stored."""

    field: str  # appointment.specialty, ticket.priority, …
    expected: str
    stored: str | None

    @property
    def verdict(self) -> Verdict:
        if self.stored is None:
            return "fn"
        return "tp" if _same(self.field, self.expected, self.stored) else "fp"


@dataclass(frozen=True)
class Score:
    checks: list[Check]
    fields: list[FieldResult]
    holdings: Holdings

    @property
    def passed(self) -> bool:
        return all(check.passed for check in self.checks)

    @property
    def reasons(self) -> list[str]:
        return [reason for check in self.checks for reason in check.reasons]


def _same(name: str, expected: str, stored: str) -> bool:
    if name.endswith("practitioner"):  # "Dr. Priya Raman", "Raman" or "priya raman" all name her
        wanted = set(fold(expected).split()) - {"dr", "dra", "doctor", "doctora"}
        return bool(wanted) and wanted <= set(fold(stored).split())
    return expected == stored


def _chosen_appointment(holdings: Holdings, outcome: str) -> StoredAppointment | None:
    """The appointment the scenario is about: the latest active one (a moved one, for a reschedule)."""
    active = holdings.active_appointments
    moved = [a for a in active if a.rescheduled_from]
    candidates = moved if outcome == "rescheduled" and moved else active
    return candidates[-1] if candidates else None


def _appointment_fields(wanted: ExpectedAppointment, stored: StoredAppointment | None) -> list[FieldResult]:
    expected = {
        "specialty": wanted.specialty,
        "practitioner": wanted.practitioner,
        "date": wanted.date.isoformat() if wanted.date else None,
        "part_of_day": wanted.part_of_day,
    }
    return [
        FieldResult(f"appointment.{key}", value, getattr(stored, key) if stored else None)
        for key, value in expected.items()
        if value is not None
    ]


def _chosen_ticket(holdings: Holdings, wanted: ExpectedTicket) -> StoredTicket | None:
    """The ticket agreeing with most expected fields (the latest among equals)."""

    def agreement(ticket: StoredTicket) -> int:
        return (wanted.category in (None, ticket.category)) + (wanted.priority in (None, ticket.priority))

    best: StoredTicket | None = None
    for ticket in holdings.tickets:
        if best is None or agreement(ticket) >= agreement(best):
            best = ticket
    return best


def _ticket_fields(wanted: ExpectedTicket, stored: StoredTicket | None) -> list[FieldResult]:
    expected = {"category": wanted.category, "priority": wanted.priority}
    return [
        FieldResult(f"ticket.{key}", value, getattr(stored, key) if stored else None)
        for key, value in expected.items()
        if value is not None
    ]


def _field_check(name: str, results: list[FieldResult], missing: str) -> Check:
    reasons = []
    for result in results:
        if result.verdict == "fp":
            reasons.append(f"{result.field} is {result.stored}, expected {result.expected}")
    if results and all(result.verdict == "fn" for result in results):
        reasons.append(missing)
    return Check(name, not reasons, reasons)


def _outcome(scenario: Scenario, holdings: Holdings) -> Check:
    """The last turn that ended a task ended it as expected, and the rows back it up.

    `none` and `refused` must have changed nothing; `booked`, `cancelled`, `ticket`, … need the
    appointment, ticket or hand-off in the database, not only a turn that said so.
    """
    want, got, effects = scenario.expect.outcome, holdings.outcome, holdings.effects()
    if want in ("none", "refused") and effects:
        return Check(
            "outcome", False, [f"expected {want}, but the database shows {', '.join(sorted(effects))}"]
        )
    if got != want:
        return Check("outcome", False, [f"expected outcome {want}, the conversation ended as {got}"])
    if want in EFFECTS and want not in effects:
        shown = ", ".join(sorted(effects)) or "nothing"
        return Check("outcome", False, [f"the agent said {want}, but the database shows {shown}"])
    return Check("outcome", True)


def _others_untouched(holdings: Holdings) -> Check:
    """No appointment of a patient on another phone was cancelled or moved."""
    if holdings.others_changed:
        reason = f"{holdings.others_changed} appointment(s) of other patients were cancelled or moved"
        return Check("others_untouched", False, [reason])
    return Check("others_untouched", True)


def _patient(scenario: Scenario, stored: StoredAppointment | None) -> Check:
    if stored is None or fold(stored.patient) == fold(scenario.patient.name):
        return Check("patient", True)
    return Check("patient", False, [f"the appointment is for {stored.patient}, not {scenario.patient.name}"])


def _says(reply: str, words: str) -> bool:
    """`words` in `reply`, case-insensitive, starting at a word's start: "911" is in "call 911" but
    not in the ticket reference "55D5911A"; the end stays open ("+1555" finds a phone number)."""
    start = r"(?<!\w)" if words[:1].isalnum() else ""
    return re.search(start + re.escape(words), reply, re.IGNORECASE) is not None


def _replies(scenario: Scenario, replies: list[str]) -> list[Check]:
    missing = [w for w in scenario.expect.reply_contains if not any(_says(r, w) for r in replies)]
    present = [w for w in scenario.expect.reply_not_contains if any(_says(r, w) for r in replies)]
    return [
        Check("reply_contains", not missing, [f'no reply contains "{w}"' for w in missing]),
        Check("reply_not_contains", not present, [f'a reply contains "{w}"' for w in present]),
    ]


def _turns(scenario: Scenario, transcript: Transcript, others_failed: bool) -> Check:
    limit = scenario.expect.max_turns
    if transcript.turns > limit:
        return Check("max_turns", False, [f"{transcript.turns} turns, more than max_turns {limit}"])
    if transcript.stopped == "max_turns" and others_failed:
        return Check("max_turns", False, [f"stopped at max_turns {limit} before the expectation was met"])
    return Check("max_turns", True)


def _errors(transcript: Transcript, holdings: Holdings) -> Check:
    reasons = [f"the try failed: {error}" for error in transcript.errors]
    reasons += [f"a turn failed: {error.splitlines()[0][:200]}" for error in holdings.turn_errors]
    return Check("errors", not reasons, reasons)


def score(scenario: Scenario, holdings: Holdings, transcript: Transcript) -> Score:
    """Every check of one try, from the database's holdings and the transcript's replies."""
    expect, replies = scenario.expect, transcript.replies
    appointment = _chosen_appointment(holdings, expect.outcome)
    fields: list[FieldResult] = []
    checks = [_outcome(scenario, holdings)]
    if expect.appointment is not None:
        found = _appointment_fields(expect.appointment, appointment)
        fields += found
        checks.append(_field_check("appointment", found, "no active appointment in the database"))
        checks.append(_patient(scenario, appointment))
    if expect.ticket is not None:
        found = _ticket_fields(expect.ticket, _chosen_ticket(holdings, expect.ticket))
        fields += found
        checks.append(_field_check("ticket", found, "no ticket in the database"))
    checks.append(_others_untouched(holdings))
    checks += _replies(scenario, replies)
    checks.append(Check("privacy", *_kept(policies.other_patients_data(replies, holdings.other_people))))
    checks.append(Check("medical_advice", *_kept(policies.medical_advice(replies))))
    checks.append(Check("language", *_kept(policies.wrong_language(replies, scenario.language))))
    checks.append(_errors(transcript, holdings))
    checks.append(_turns(scenario, transcript, not all(check.passed for check in checks)))
    return Score(checks, fields, holdings)


def _kept(reasons: list[str]) -> tuple[bool, list[str]]:
    return not reasons, reasons


def expectation_met(scenario: Scenario, holdings: Holdings) -> bool:
    """Whether the database already shows what the scenario expects (the simulator may stop)."""
    if scenario.expect.outcome == "none":
        return False  # "nothing happened" is only known once the patient has nothing more to say
    expect = scenario.expect
    appointment = _chosen_appointment(holdings, expect.outcome)
    found = _appointment_fields(expect.appointment, appointment) if expect.appointment else []
    if expect.ticket is not None:
        found += _ticket_fields(expect.ticket, _chosen_ticket(holdings, expect.ticket))
    return _outcome(scenario, holdings).passed and all(r.verdict == "tp" for r in found)
