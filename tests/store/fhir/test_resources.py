"""Every resource the mapping emits validates as FHIR R4 (the R4B models) and says what it should."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

from fhir.resources.R4B.appointment import Appointment as FhirAppointment
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.operationoutcome import OperationOutcome
from fhir.resources.R4B.patient import Patient as FhirPatient
from fhir.resources.R4B.practitioner import Practitioner as FhirPractitioner
from fhir.resources.R4B.schedule import Schedule as FhirSchedule
from fhir.resources.R4B.slot import Slot as FhirSlot
from sqlalchemy.ext.asyncio import AsyncSession

from store import fhir
from store.scheduling import service as scheduling

TZ = ZoneInfo("America/New_York")
CARDIOLOGY = {"system": "http://snomed.info/sct", "code": "394579002", "display": "Cardiology"}
APPOINTMENT_STATUSES = {"proposed", "pending", "booked", "arrived", "fulfilled", "cancelled", "noshow"}


def test_patient_has_identifier_name_mobile_phone_birth_date_and_language(clinic: Any) -> None:
    resource = fhir.patient_to_fhir(clinic.patient)
    FhirPatient.model_validate(resource)
    patient = clinic.patient
    assert resource["id"] == str(patient.id)
    assert resource["identifier"][0] == {
        "use": "official",
        "system": "urn:ietf:rfc:3986",
        "value": f"urn:uuid:{patient.id}",
    }
    assert resource["name"][0]["family"] == "Rodríguez"
    assert resource["name"][0]["given"] == ["Ana", "María"]
    assert resource["telecom"][0] == {"system": "phone", "value": patient.phone, "use": "mobile", "rank": 1}
    assert resource["telecom"][1]["system"] == "email"
    assert resource["birthDate"] == "1992-07-21"
    language = resource["communication"][0]
    assert language["preferred"] is True
    assert language["language"]["coding"][0] == {
        "system": "urn:ietf:bcp:47",
        "code": "es",
        "display": "Spanish",
    }


def test_patient_with_ehr_id_carries_it_as_a_record_number(clinic: Any) -> None:
    clinic.patient.ehr_id = "MRN-0042"
    resource = fhir.patient_to_fhir(clinic.patient)
    FhirPatient.model_validate(resource)
    assert resource["identifier"][1]["value"] == "MRN-0042"
    assert resource["identifier"][1]["type"]["coding"][0]["code"] == "MR"


def test_practitioner_names_prefix_and_specialty(clinic: Any) -> None:
    resource = fhir.practitioner_to_fhir(clinic.cardio)
    FhirPractitioner.model_validate(resource)
    assert resource["name"][0] == {
        "use": "official",
        "text": "Dr. Cy Cole",
        "family": "Cole",
        "given": ["Cy"],
        "prefix": ["Dr."],
    }
    assert resource["qualification"][0]["code"]["coding"] == [CARDIOLOGY]
    assert resource["active"] is True


def test_schedule_names_practitioner_and_location(clinic: Any) -> None:
    resource = fhir.schedule_to_fhir(clinic.schedule)
    FhirSchedule.model_validate(resource)
    assert resource["actor"] == [
        {"reference": f"Practitioner/{clinic.cardio.id}", "display": "Dr. Cy Cole"},
        {"reference": f"Location/{clinic.location.id}", "display": "Riverside Test"},
    ]
    assert resource["specialty"][0]["coding"] == [CARDIOLOGY]


def test_slot_has_schedule_status_and_times_with_the_clinic_offset(clinic: Any) -> None:
    slot = clinic.slots[1]
    resource = fhir.slot_to_fhir(slot, tz=TZ)
    FhirSlot.model_validate(resource)
    assert resource["schedule"]["reference"] == f"Schedule/{clinic.schedule.id}"
    assert resource["status"] == "free"
    assert resource["start"] == slot.start_at.astimezone(TZ).isoformat()
    assert resource["start"].endswith(("-05:00", "-04:00"))
    assert resource["specialty"][0]["coding"] == [CARDIOLOGY]


def _participants(resource: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {p["actor"]["reference"].split("/")[0]: p for p in resource["participant"]}


def test_booked_appointment_names_practitioner_specialty_patient_slot_and_reason(clinic: Any) -> None:
    appointment = clinic.appointment
    resource = fhir.appointment_to_fhir(appointment, tz=TZ)
    FhirAppointment.model_validate(resource)
    assert resource["status"] == "booked"
    assert resource["specialty"][0]["coding"] == [CARDIOLOGY]
    assert resource["serviceType"] == [{"text": "Cardiology consultation"}]
    assert resource["reasonCode"] == [{"text": "chest pain on stairs"}]
    assert resource["slot"] == [{"reference": f"Slot/{clinic.slots[0].id}"}]
    local_start = clinic.slots[0].start_at.astimezone(TZ)
    assert (resource["start"], resource["minutesDuration"]) == (local_start.isoformat(), 30)
    assert local_start.hour == 9
    people = _participants(resource)
    assert people["Practitioner"]["actor"] == {
        "reference": f"Practitioner/{clinic.cardio.id}",
        "display": "Dr. Cy Cole",
    }
    assert people["Patient"]["actor"] == {"reference": f"Patient/{clinic.patient.id}"}
    assert people["Location"]["actor"]["display"] == "Riverside Test"
    assert {p["status"] for p in resource["participant"]} == {"accepted"}
    assert "cancelationReason" not in resource


async def test_cancelled_appointment_gives_its_reason(session: AsyncSession, clinic: Any) -> None:
    cancelled = await scheduling.cancel(
        session, appointment_id=clinic.appointment.id, now=clinic.now, reason="feeling better"
    )
    resource = fhir.appointment_to_fhir(cancelled, tz=TZ)
    FhirAppointment.model_validate(resource)
    assert resource["status"] == "cancelled"
    assert resource["cancelationReason"] == {"text": "feeling better"}
    assert {p["status"] for p in resource["participant"]} == {"declined"}


def test_proposed_and_pending_appointments_come_from_a_slot(clinic: Any) -> None:
    slot = clinic.slots[2]
    proposed = fhir.proposed_appointment_to_fhir(slot, tz=TZ)
    FhirAppointment.model_validate(proposed)
    assert (proposed["id"], proposed["status"]) == (f"slot-{slot.id}", "proposed")
    assert proposed["slot"] == [{"reference": f"Slot/{slot.id}"}]
    assert "Patient" not in _participants(proposed)
    assert "identifier" not in proposed

    slot.hold_expires_at = clinic.now + timedelta(minutes=10)
    pending = fhir.proposed_appointment_to_fhir(
        slot,
        tz=TZ,
        status="pending",
        patient_id=clinic.patient.id,
        reason="palpitations",
        hold_token="0b0c3b1e-0000-4000-8000-000000000001",
    )
    FhirAppointment.model_validate(pending)
    assert pending["status"] == "pending"
    assert _participants(pending)["Patient"]["status"] == "tentative"
    assert pending["identifier"] == [
        {
            "use": "temp",
            "system": "urn:ietf:rfc:3986",
            "value": "urn:uuid:0b0c3b1e-0000-4000-8000-000000000001",
            "period": {"end": slot.hold_expires_at.astimezone(TZ).isoformat()},
        }
    ]
    assert pending["reasonCode"] == [{"text": "palpitations"}]
    assert {proposed["status"], pending["status"]} <= APPOINTMENT_STATUSES


def test_bundle_of_every_resource_validates_with_links_and_full_urls(clinic: Any) -> None:
    resources = [
        fhir.patient_to_fhir(clinic.patient),
        fhir.practitioner_to_fhir(clinic.cardio),
        fhir.schedule_to_fhir(clinic.schedule),
        fhir.slot_to_fhir(clinic.slots[1], tz=TZ),
        fhir.appointment_to_fhir(clinic.appointment, tz=TZ),
    ]
    warning = fhir.operation_outcome("warning", "not-found", "specialty 'x' is not offered")
    result = fhir.bundle(
        resources,
        total=12,
        self_url="http://h/fhir/R4/Slot?_count=5",
        base_url="http://h/fhir/R4",
        next_url="http://h/fhir/R4/Slot?_count=5&_offset=5",
        outcome=warning,
    )
    Bundle.model_validate(result)
    assert (result["type"], result["total"]) == ("searchset", 12)
    assert [link["relation"] for link in result["link"]] == ["self", "next"]
    assert result["entry"][0]["fullUrl"] == f"http://h/fhir/R4/Patient/{clinic.patient.id}"
    assert [e["search"]["mode"] for e in result["entry"]] == ["match"] * 5 + ["outcome"]


def test_empty_bundle_and_non_search_bundle_validate() -> None:
    empty = fhir.bundle([], total=0, self_url="http://h/fhir/R4/Patient")
    Bundle.model_validate(empty)
    assert "entry" not in empty
    collection = fhir.bundle([], total=0, self_url="http://h/x", type="collection")
    Bundle.model_validate(collection)
    assert "total" not in collection


def test_operation_outcome_validates_with_expression_and_more_issues() -> None:
    outcome = fhir.operation_outcome(
        "error",
        "conflict",
        "slot taken",
        expression=["appointment-reference"],
        more=[fhir.issue("information", "informational", "alternative: Appointment/slot-1")],
    )
    OperationOutcome.model_validate(outcome)
    assert outcome["issue"][0] == {
        "severity": "error",
        "code": "conflict",
        "diagnostics": "slot taken",
        "expression": ["appointment-reference"],
    }
    assert outcome["issue"][1]["severity"] == "information"
