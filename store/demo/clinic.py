"""What the demo clinic is: Riverside Health, its doctors, demo patients and care journeys.

Data only; `store/demo/seed.py` puts it in the database. Names are stable because seeding finds existing
rows by them (re-running the seed must change nothing), and the knowledge base in
`store/demo/documents/` states the same address, phone numbers and hours.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from store.journeys.schemas import ActionSpec, StageSpec

LOCATION = {
    "name": "Riverside Health",
    "address_line": "1200 Riverside Avenue",
    "city": "Springfield",
    "state": "MA",
    "postal_code": "01103",
    "phone": "+15550104000",
}
HOURS = "Monday to Friday, 8:30 a.m. to 5:30 p.m."  # as opening-hours.md says


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The `nth` `weekday` (Monday 0) of the month; a negative `nth` counts from the month's end."""
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7 + 7 * (-nth - 1))


def _observed(day: date) -> date:
    """A fixed-date holiday on a weekend is taken on the Friday before or the Monday after."""
    return (
        day - timedelta(days=1)
        if day.weekday() == 5
        else day + timedelta(days=1)
        if day.weekday() == 6
        else day
    )


def holidays(year: int) -> frozenset[date]:
    """The weekdays of `year` the clinic is closed, as opening-hours.md lists them: New Year's Day,
    Memorial Day, Independence Day, Labor Day, Thanksgiving and Christmas Day (observed on the
    nearest weekday when they fall on a weekend). No slots are offered on them."""
    return frozenset(
        {
            _observed(date(year, 1, 1)),
            _nth_weekday(year, 5, 0, -1),  # Memorial Day: the last Monday of May
            _observed(date(year, 7, 4)),
            _nth_weekday(year, 9, 0, 1),  # Labor Day: the first Monday of September
            _nth_weekday(year, 11, 3, 4),  # Thanksgiving: the fourth Thursday of November
            _observed(date(year, 12, 25)),
        }
    )


def closed_on(day: date) -> bool:
    """Whether the clinic is closed all day on `day` for a holiday (a Saturday's New Year's Day is
    observed on the Friday before, which is in the previous year)."""
    return day in holidays(day.year) or day in holidays(day.year + 1)


DAYS_OF_SLOTS = 60
BOOKED_PERCENT = 20
SEED_REASON = "Demo booking"


@dataclass(frozen=True)
class DemoPractitioner:
    given_name: str
    family_name: str
    specialty: str


@dataclass(frozen=True)
class DemoPatient:
    phone: str
    given_name: str
    family_name: str
    birth_date: date
    language: str = "en"


PRACTITIONERS = (
    DemoPractitioner("Elena", "Morales", "family-medicine"),
    DemoPractitioner("David", "Chen", "family-medicine"),
    DemoPractitioner("Priya", "Raman", "cardiology"),
    DemoPractitioner("Thomas", "Becker", "cardiology"),
    DemoPractitioner("Sofia", "Alvarez", "dermatology"),
    DemoPractitioner("Nathan", "Brooks", "dermatology"),
    DemoPractitioner("Grace", "Okafor", "pediatrics"),
    DemoPractitioner("Lucas", "Moreau", "pediatrics"),
    DemoPractitioner("Hannah", "Weiss", "orthopedics"),
    DemoPractitioner("Marcus", "Reed", "orthopedics"),
)

# The three patients of the public contract; they start with no appointments, so a demo
# conversation begins from a clean slate.
PATIENTS = (
    DemoPatient("+15550100001", "Maria", "Garcia", date(1985, 4, 12)),
    DemoPatient("+15550100002", "James", "Smith", date(1979, 11, 3)),
    DemoPatient("+15550100003", "Ana", "Rodriguez", date(1992, 7, 21), "es"),
)

# Synthetic patients who hold the pre-booked fifth of the slots.
BOOKERS = (
    DemoPatient("+15550100201", "Olivia", "Bennett", date(1968, 2, 9)),
    DemoPatient("+15550100202", "Samuel", "Ortiz", date(1990, 6, 30), "es"),
    DemoPatient("+15550100203", "Chloe", "Nguyen", date(2015, 9, 14)),
    DemoPatient("+15550100204", "Robert", "Hayes", date(1952, 12, 1)),
    DemoPatient("+15550100205", "Lucia", "Fernandez", date(1983, 3, 22), "es"),
    DemoPatient("+15550100206", "Ethan", "Walsh", date(1997, 8, 5)),
)


@dataclass(frozen=True)
class DemoJourney:
    key: str
    name: str
    trigger: str
    stages: tuple[StageSpec, ...]


def _message(template: str, minutes: int, anchor: str = "stage_entered") -> ActionSpec:
    return ActionSpec.model_validate(
        {"kind": "send_message", "template": template, "offset_minutes": minutes, "anchor": anchor}
    )


DAY = 24 * 60

JOURNEYS = (
    DemoJourney(
        key="new-patient-onboarding",
        name="New patient onboarding",
        trigger="patient.registered",
        stages=(
            # The welcome goes out with the first intake question; the patient answers in the chat.
            StageSpec(
                key="intake",
                name="Intake questions",
                asks=["insurance", "allergies", "medications"],
                actions=[_message("onboarding_welcome", 0), _message("onboarding_intake_nudge", DAY)],
            ),
            StageSpec(
                key="first-visit",
                name="Book the first visit",
                advance_on="appointment.booked",
                actions=[_message("onboarding_book_first_visit", 2 * DAY)],
            ),
            StageSpec(
                key="first-visit-booked",
                name="First visit booked",
                advance_on="appointment.fulfilled",
                actions=[_message("onboarding_first_visit_prep", -DAY, "appointment_start")],
            ),
        ),
    ),
    DemoJourney(
        key="post-visit-follow-up",
        name="Post-visit follow-up",
        trigger="appointment.fulfilled",
        stages=(
            StageSpec(
                key="check-in",
                name="Check-in after the visit",
                asks=["feeling_better"],
                actions=[_message("follow_up_check_in", DAY)],
            ),
            StageSpec(
                key="feedback",
                name="Visit feedback",
                asks=["satisfaction"],
                actions=[_message("follow_up_feedback", 3 * DAY)],
            ),
        ),
    ),
    DemoJourney(
        key="appointment-reminder",
        name="Appointment reminder",
        trigger="appointment.booked",
        stages=(
            StageSpec(
                key="upcoming",
                name="Upcoming appointment",
                advance_on="appointment.fulfilled",
                actions=[_message("appointment_reminder_24h", -DAY, "appointment_start")],
            ),
        ),
    ),
)
