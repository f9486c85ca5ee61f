"""IHE Scheduling operation inputs: Parameters validated, IHE names honoured, the rest refused by name."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from store.fhir import operations
from store.fhir.errors import BadRequest, NotSupported, UnprocessableResource

TZ = ZoneInfo("America/New_York")
SLOT, PATIENT, PRACTITIONER = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()


def _parameters(*parameters: dict[str, Any]) -> dict[str, Any]:
    return {"resourceType": "Parameters", "parameter": list(parameters)}


def _appointment(**changes: Any) -> dict[str, Any]:
    appointment = {
        "resourceType": "Appointment",
        "id": f"slot-{SLOT}",
        "status": "pending",
        "slot": [{"reference": f"Slot/{SLOT}"}],
        "participant": [
            {"actor": {"reference": f"Patient/{PATIENT}"}, "status": "tentative"},
            {
                "actor": {"reference": f"Practitioner/{PRACTITIONER}", "display": "Dr. C"},
                "status": "tentative",
            },
        ],
        "reasonCode": [{"text": "palpitations"}],
        "identifier": [{"use": "temp", "system": "urn:ietf:rfc:3986", "value": "urn:uuid:tok-1"}],
    }
    return appointment | changes


def test_find_reads_ihe_parameters_in_order_of_preference() -> None:
    body = _parameters(
        {"name": "start", "valueDateTime": "2026-12-01T09:00:00-05:00"},
        {"name": "end", "valueDate": "2026-12-07"},
        {"name": "specialty", "valueString": "http://snomed.info/sct|394579002"},
        {"name": "specialty", "valueCoding": {"system": "http://snomed.info/sct", "code": "394582007"}},
        {"name": "specialty", "valueString": "http://snomed.info/sct|000000"},
        {"name": "practitioner", "valueReference": {"reference": f"Practitioner/{PRACTITIONER}"}},
        {"name": "patient-reference", "valueReference": {"reference": f"Patient/{PATIENT}"}},
        {"name": "reason", "valueCodeableConcept": {"text": "chest pain"}},
        {"name": "_count", "valueInteger": 3},
    )
    find = operations.find_request(body, tz=TZ)
    assert find.start == datetime(2026, 12, 1, 9, tzinfo=ZoneInfo("Etc/GMT+5"))
    assert find.end == datetime(2026, 12, 8, tzinfo=TZ)  # a date-only end includes that whole day
    assert find.specialties == ("cardiology", "dermatology")
    assert find.not_offered == ("http://snomed.info/sct|000000",)
    assert find.practitioner_ids == (PRACTITIONER,)
    assert (find.patient_id, find.reason, find.count) == (PATIENT, "chest pain", 3)


@pytest.mark.parametrize(
    ("concept", "expected"),
    [
        ({"coding": [{"system": "http://snomed.info/sct", "code": "394579002"}]}, ("cardiology", ())),
        (  # a local code beside SNOMED CT: the one the clinic knows wins
            {"coding": [{"system": "http://ehr.example/specialty", "code": "CARD"}, {"code": "394579002"}]},
            ("cardiology", ()),
        ),
        ({"text": "Cardiology"}, ("cardiology", ())),  # the concept's text alone
        ({"coding": [{"system": "http://snomed.info/sct", "code": "000000"}]}, ((), "000000")),
    ],
)
def test_find_takes_a_specialty_sent_as_a_codeable_concept(
    concept: dict[str, Any], expected: tuple[Any, Any]
) -> None:
    body = _parameters(
        {"name": "start", "valueDate": "2026-12-01"},
        {"name": "end", "valueDate": "2026-12-07"},
        {"name": "specialty", "valueCodeableConcept": concept},
    )
    find = operations.find_request(body, tz=TZ)
    code, unknown = expected
    if code:
        assert find.specialties == (code,) and find.not_offered == ()
    else:
        assert find.specialties == () and find.not_offered[0].endswith(unknown)


def test_a_specialty_concept_with_no_code_or_text_is_a_400() -> None:
    body = _parameters(
        {"name": "start", "valueDate": "2026-12-01"},
        {"name": "end", "valueDate": "2026-12-07"},
        {"name": "specialty", "valueCodeableConcept": {"coding": [{"display": "heart"}]}},
    )
    with pytest.raises(BadRequest) as error:
        operations.find_request(body, tz=TZ)
    assert error.value.expression == "specialty"


def test_find_needs_start_before_end() -> None:
    with pytest.raises(BadRequest) as missing:
        operations.find_request(_parameters({"name": "start", "valueDate": "2026-12-01"}), tz=TZ)
    assert missing.value.expression == "end"
    backwards = _parameters(
        {"name": "start", "valueDate": "2026-12-08"}, {"name": "end", "valueDate": "2026-12-01"}
    )
    with pytest.raises(BadRequest, match="after start"):
        operations.find_request(backwards, tz=TZ)


@pytest.mark.parametrize(
    ("body", "expression"),
    [
        ({"resourceType": "Patient"}, "Parameters"),
        ([], "Parameters"),
        (_parameters({"valueDate": "2026-12-01"}), "Parameters.parameter.0.name"),
        (
            _parameters({"name": "start", "valueDateTime": "2026-12-01T09:00"}),
            "Parameters.parameter.0.valueDateTime",
        ),
        (_parameters({"name": "colour", "valueString": "red"}), "colour"),
        (_parameters({"name": "start", "valueString": "soon"}), "start"),
    ],
)
def test_malformed_parameters_are_a_400_naming_where(body: object, expression: str) -> None:
    with pytest.raises(BadRequest) as error:
        operations.find_request(body, tz=TZ)
    assert error.value.expression == expression


@pytest.mark.parametrize("name", ["visit-type", "timing", "patient-resource", "organization"])
def test_ihe_parameters_outside_our_domain_are_refused_by_name(name: str) -> None:
    with pytest.raises(NotSupported) as error:
        operations.find_request(_parameters({"name": name, "valueString": "x"}), tz=TZ)
    assert error.value.expression == name


def test_practitioner_by_identifier_is_not_supported() -> None:
    body = _parameters(
        {"name": "start", "valueDate": "2026-12-01"},
        {"name": "end", "valueDate": "2026-12-02"},
        {"name": "practitioner", "valueReference": {"identifier": {"system": "urn:oid:1.2", "value": "PR1"}}},
    )
    with pytest.raises(NotSupported):
        operations.find_request(body, tz=TZ)


def test_hold_takes_a_reference_to_a_proposed_appointment_or_the_resource() -> None:
    by_reference = _parameters(
        {"name": "appointment-reference", "valueReference": {"reference": f"Appointment/slot-{SLOT}"}}
    )
    assert operations.hold_request(by_reference) == operations.SlotRequest(SLOT, None, None, None)
    by_resource = _parameters({"name": "appointment-resource", "resource": _appointment(status="proposed")})
    assert operations.hold_request(by_resource) == operations.SlotRequest(
        SLOT, PATIENT, "palpitations", "tok-1"
    )


@pytest.mark.parametrize(
    "reference", [f"Appointment/{uuid.uuid4()}", f"Slot/slot-{SLOT}", "Appointment/slot-nonsense"]
)
def test_hold_refuses_references_that_are_not_proposed_appointments(reference: str) -> None:
    body = _parameters({"name": "appointment-reference", "valueReference": {"reference": reference}})
    with pytest.raises((UnprocessableResource, BadRequest)):
        operations.hold_request(body)


def test_hold_needs_exactly_one_appointment() -> None:
    with pytest.raises(BadRequest):
        operations.hold_request(_parameters())
    both = _parameters(
        {"name": "appointment-reference", "valueReference": {"reference": f"Appointment/slot-{SLOT}"}},
        {"name": "appointment", "resource": _appointment()},
    )
    with pytest.raises(BadRequest):
        operations.hold_request(both)


def test_book_takes_the_pending_appointment_with_patient_reason_and_hold_token() -> None:
    book = operations.book_request(_parameters({"name": "appointment", "resource": _appointment()}))
    assert book == operations.BookRequest(SLOT, PATIENT, "palpitations", "tok-1")


def test_book_by_reference_needs_a_patient_reference_and_takes_a_comment() -> None:
    reference = {"name": "appointment-reference", "valueReference": {"reference": f"Appointment/slot-{SLOT}"}}
    with pytest.raises(UnprocessableResource):
        operations.book_request(_parameters(reference))
    patient = {"name": "patient-reference", "valueReference": {"reference": f"Patient/{PATIENT}"}}
    comment = {"name": "comment", "valueString": "follow-up"}
    book = operations.book_request(_parameters(reference, patient, comment))
    assert book == operations.BookRequest(SLOT, PATIENT, "follow-up", None)


@pytest.mark.parametrize(
    ("changes", "expression"),
    [
        ({"status": "booked"}, "Appointment.status"),
        ({"slot": []}, "Appointment.slot"),
        (
            {"participant": [{"actor": {"reference": "Practitioner/x"}, "status": "accepted"}]},
            "Appointment.participant",
        ),
        (
            {
                "participant": [
                    {"actor": {"reference": f"Patient/{uuid.uuid4()}"}, "status": "accepted"},
                    {"actor": {"reference": f"Patient/{uuid.uuid4()}"}, "status": "accepted"},
                ]
            },
            "Appointment.participant",
        ),
    ],
)
def test_book_refuses_an_appointment_it_cannot_act_on_with_a_422(
    changes: dict[str, Any], expression: str
) -> None:
    with pytest.raises(UnprocessableResource) as error:
        operations.book_request(
            _parameters({"name": "appointment-resource", "resource": _appointment(**changes)})
        )
    assert error.value.expression == expression


def test_book_refuses_a_patient_reference_that_contradicts_the_appointment() -> None:
    body = _parameters(
        {"name": "appointment", "resource": _appointment()},
        {"name": "patient-reference", "valueReference": {"reference": f"Patient/{uuid.uuid4()}"}},
    )
    with pytest.raises(UnprocessableResource, match="differs"):
        operations.book_request(body)


def test_an_invalid_appointment_resource_is_a_400_without_echoing_values() -> None:
    broken = _appointment(start="tomorrow at nine")
    with pytest.raises(BadRequest) as error:
        operations.book_request(_parameters({"name": "appointment", "resource": broken}))
    assert error.value.expression == "Parameters.parameter.0.resource.start"
    assert "tomorrow" not in error.value.message
