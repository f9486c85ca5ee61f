"""Our records as FHIR R4 resources (plain JSON dicts; pure functions, no I/O).

The dicts are what the API serialises. The tests validate every shape emitted here with the
R4B models of `fhir.resources` 8.3 (`fhir.resources.R4B.*`; the package's default models are R5,
and R4B is the R4-compatible release whose Patient, Practitioner, Schedule, Slot and Appointment
match R4's). FHIR ids are our UUIDs, except a proposed appointment, which exists only as a free
slot and so is named after it: `Appointment/slot-<slot id>`.

Times carry the clinic's UTC offset (`tz`), because a FHIR dateTime with a time must have one
and a receptionist reading 09:00-05:00 sees the clinic's own wall clock.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any, Literal
from zoneinfo import ZoneInfo

from store.patients.models import Language, Patient
from store.scheduling.models import Appointment, AppointmentStatus, Location, Practitioner, Schedule, Slot
from store.scheduling.specialties import SNOMED, SPECIALTIES

Resource = dict[str, Any]
URI_SYSTEM = "urn:ietf:rfc:3986"  # an identifier whose value is itself a URI (urn:uuid:...)
BCP47 = "urn:ietf:bcp:47"
V2_IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203"
PROPOSED_PREFIX = "slot-"
LANGUAGE_NAMES = {Language.EN: "English", Language.ES: "Spanish"}
# Participant status (R4 ParticipationStatus) that goes with each appointment status.
_PARTICIPATION: dict[AppointmentStatus, str] = {
    AppointmentStatus.PROPOSED: "needs-action",
    AppointmentStatus.PENDING: "tentative",
    AppointmentStatus.WAITLIST: "tentative",
    AppointmentStatus.CANCELLED: "declined",
    AppointmentStatus.ENTERED_IN_ERROR: "declined",
}


def instant(value: datetime, tz: ZoneInfo | None = None) -> str:
    """A FHIR dateTime/instant with its offset: in `tz` when given, else UTC."""
    return value.astimezone(tz or UTC).isoformat(timespec="seconds")


def _meta(updated_at: datetime) -> Resource:
    return {"lastUpdated": updated_at.astimezone(UTC).isoformat(timespec="milliseconds")}


def _uuid_identifier(record_id: uuid.UUID) -> Resource:
    return {"use": "official", "system": URI_SYSTEM, "value": f"urn:uuid:{record_id}"}


def specialty_concept(code: str) -> Resource:
    """The specialty as a SNOMED CT CodeableConcept (`code` is one of ours, e.g. `cardiology`)."""
    specialty = SPECIALTIES[code]
    return {
        "coding": [{"system": SNOMED, "code": specialty.snomed, "display": specialty.display}],
        "text": specialty.display,
    }


def service_type(code: str) -> Resource:
    """What is booked: a consultation in the specialty (the clinic has no other visit types)."""
    return {"text": f"{SPECIALTIES[code].display} consultation"}


def reference(resource_type: str, record_id: object, display: str | None = None) -> Resource:
    ref: Resource = {"reference": f"{resource_type}/{record_id}"}
    if display:
        ref["display"] = display
    return ref


def practitioner_reference(practitioner: Practitioner) -> Resource:
    return reference("Practitioner", practitioner.id, practitioner.display_name)


def location_reference(location: Location) -> Resource:
    """Locations are referenced with their name; this server does not serve Location itself."""
    return reference("Location", location.id, location.name)


def patient_to_fhir(patient: Patient, *, mrn_system: str | None = None) -> Resource:
    """The patient; its record number (`ehr_id`) is an MR identifier in `mrn_system`, the URI the
    clinic names its record numbers with (PRM_FHIR_MRN_SYSTEM), so an EHR can search by it."""
    identifiers = [_uuid_identifier(patient.id)]
    if patient.ehr_id:
        mrn = {"coding": [{"system": V2_IDENTIFIER_TYPE, "code": "MR"}], "text": "Medical record number"}
        record_number: Resource = {"use": "usual", "type": mrn}
        if mrn_system:
            record_number["system"] = mrn_system
        identifiers.append({**record_number, "value": patient.ehr_id})
    telecom = [{"system": "phone", "value": patient.phone, "use": "mobile", "rank": 1}]
    if patient.email:
        telecom.append({"system": "email", "value": patient.email, "use": "home", "rank": 2})
    language = patient.preferred_language
    language_coding = {"system": BCP47, "code": language.value, "display": LANGUAGE_NAMES[language]}
    resource: Resource = {
        "resourceType": "Patient",
        "id": str(patient.id),
        "meta": {"versionId": str(patient.version), **_meta(patient.updated_at)},
        "identifier": identifiers,
        "active": True,
        "name": [
            {
                "use": "official",
                "text": patient.full_name,
                "family": patient.family_name,
                "given": patient.given_name.split(),
            }
        ],
        "telecom": telecom,
        "birthDate": patient.birth_date.isoformat(),
        "communication": [
            {
                "language": {
                    "coding": [language_coding],
                    "text": LANGUAGE_NAMES[language],
                },
                "preferred": True,
            }
        ],
    }
    if patient.gender is not None:
        resource["gender"] = patient.gender.value
    return resource


def practitioner_to_fhir(practitioner: Practitioner) -> Resource:
    """R4 keeps specialty on PractitionerRole, which we do not serve; it is given as a qualification."""
    name: Resource = {
        "use": "official",
        "text": practitioner.display_name,
        "family": practitioner.family_name,
        "given": practitioner.given_name.split(),
    }
    if practitioner.prefix:
        name["prefix"] = [practitioner.prefix]
    return {
        "resourceType": "Practitioner",
        "id": str(practitioner.id),
        "meta": _meta(practitioner.updated_at),
        "identifier": [_uuid_identifier(practitioner.id)],
        "active": practitioner.active,
        "name": [name],
        "qualification": [{"code": specialty_concept(practitioner.specialty)}],
    }


def schedule_to_fhir(schedule: Schedule) -> Resource:
    practitioner = schedule.practitioner
    return {
        "resourceType": "Schedule",
        "id": str(schedule.id),
        "meta": _meta(schedule.updated_at),
        "active": schedule.active,
        "serviceType": [service_type(practitioner.specialty)],
        "specialty": [specialty_concept(practitioner.specialty)],
        "actor": [practitioner_reference(practitioner), location_reference(schedule.location)],
    }


def slot_to_fhir(slot: Slot, *, tz: ZoneInfo) -> Resource:
    """The stored status: a lapsed hold still reads busy-tentative until someone takes the slot."""
    practitioner = slot.schedule.practitioner
    return {
        "resourceType": "Slot",
        "id": str(slot.id),
        "serviceType": [service_type(practitioner.specialty)],
        "specialty": [specialty_concept(practitioner.specialty)],
        "schedule": reference("Schedule", slot.schedule_id, practitioner.display_name),
        "status": slot.status.value,
        "start": instant(slot.start_at, tz),
        "end": instant(slot.end_at, tz),
    }


def _participants(
    *, patient_id: uuid.UUID | None, practitioner: Practitioner, location: Location, status: str
) -> list[Resource]:
    people = [] if patient_id is None else [reference("Patient", patient_id)]
    actors = [*people, practitioner_reference(practitioner), location_reference(location)]
    return [{"actor": actor, "required": "required", "status": status} for actor in actors]


def _minutes(start: datetime, end: datetime) -> int:
    return int((end - start).total_seconds() // 60)


def appointment_to_fhir(appointment: Appointment, *, tz: ZoneInfo) -> Resource:
    resource: Resource = {
        "resourceType": "Appointment",
        "id": str(appointment.id),
        "meta": _meta(appointment.updated_at),
        "identifier": [_uuid_identifier(appointment.id)],
        "status": appointment.status.value,
        "serviceType": [service_type(appointment.specialty)],
        "specialty": [specialty_concept(appointment.specialty)],
        "start": instant(appointment.start_at, tz),
        "end": instant(appointment.end_at, tz),
        "minutesDuration": _minutes(appointment.start_at, appointment.end_at),
        "slot": [reference("Slot", appointment.slot_id)],
        "created": instant(appointment.created_at, tz),
        "participant": _participants(
            patient_id=appointment.patient_id,
            practitioner=appointment.practitioner,
            location=appointment.location,
            status=_PARTICIPATION.get(appointment.status, "accepted"),
        ),
    }
    if appointment.reason:
        resource["reasonCode"] = [{"text": appointment.reason}]
    if appointment.status == AppointmentStatus.CANCELLED and appointment.cancellation_reason:
        resource["cancelationReason"] = {"text": appointment.cancellation_reason}
    return resource


def proposed_id(slot_id: uuid.UUID) -> str:
    return f"{PROPOSED_PREFIX}{slot_id}"


def proposed_appointment_to_fhir(
    slot: Slot,
    *,
    tz: ZoneInfo,
    status: Literal["proposed", "pending"] = "proposed",
    patient_id: uuid.UUID | None = None,
    reason: str | None = None,
    hold_token: str | None = None,
) -> Resource:
    """The appointment a free (`proposed`) or held (`pending`) slot would become ($find, $hold).

    A hold's token travels as a temporary identifier valid until the hold lapses: whoever books
    the pending appointment sends it back and so proves the hold is theirs.
    """
    schedule = slot.schedule
    specialty = schedule.practitioner.specialty
    resource: Resource = {
        "resourceType": "Appointment",
        "id": proposed_id(slot.id),
        "status": status,
        "serviceType": [service_type(specialty)],
        "specialty": [specialty_concept(specialty)],
        "start": instant(slot.start_at, tz),
        "end": instant(slot.end_at, tz),
        "minutesDuration": _minutes(slot.start_at, slot.end_at),
        "slot": [reference("Slot", slot.id)],
        "participant": _participants(
            patient_id=patient_id,
            practitioner=schedule.practitioner,
            location=schedule.location,
            status=_PARTICIPATION[AppointmentStatus(status)],
        ),
    }
    if reason:
        resource["reasonCode"] = [{"text": reason}]
    if hold_token is not None:
        token: Resource = {"use": "temp", "system": URI_SYSTEM, "value": f"urn:uuid:{hold_token}"}
        if slot.hold_expires_at is not None:
            token["period"] = {"end": instant(slot.hold_expires_at, tz)}
        resource["identifier"] = [token]
    return resource
