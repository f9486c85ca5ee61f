"""A Patient an EHR sends, read into what the clinic keeps: liberal where the meaning is clear,
a 400 for what is not R4, a 422 naming the element the clinic cannot keep."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from store.errors import InvalidInput
from store.fhir import criteria
from store.fhir.errors import BadRequest, UnprocessableResource
from store.fhir.patient_input import patient_fields, unprocessable
from store.patients.models import Gender

MRN = "urn:oid:1.2.3.4"


def _patient(**changes: Any) -> dict[str, Any]:
    return {
        "resourceType": "Patient",
        "name": [{"family": "Park", "given": ["Lena"]}],
        "birthDate": "1990-02-14",
        "telecom": [{"system": "phone", "value": "+15550109001"}],
    } | changes


def test_the_minimum_is_a_name_a_birth_date_and_a_phone() -> None:
    fields = patient_fields(_patient(), mrn_system=MRN)
    assert (fields.given_name, fields.family_name, fields.birth_date) == ("Lena", "Park", date(1990, 2, 14))
    assert (fields.phone, fields.email, fields.gender, fields.ehr_id) == ("+15550109001", None, None, None)
    # no language said: create registers English, update keeps the patient's (as_arguments leaves it out)
    assert fields.preferred_language is None and fields.resource_id is None
    assert "preferred_language" not in fields.as_arguments()


def test_the_official_name_wins_and_a_text_only_name_is_split() -> None:
    names = [
        {"use": "nickname", "family": "X", "given": ["Y"]},
        {"use": "official", "family": "Park", "given": ["Lena", "Mae"]},
    ]
    fields = patient_fields(_patient(name=names), mrn_system=MRN)
    assert (fields.given_name, fields.family_name) == ("Lena Mae", "Park")
    text_only = patient_fields(_patient(name=[{"text": "Park, Lena"}]), mrn_system=MRN)
    assert (text_only.given_name, text_only.family_name) == ("Lena", "Park")


def test_the_best_ranked_mobile_is_the_phone_and_the_mrn_comes_from_its_system() -> None:
    telecom = [
        {"system": "phone", "value": "+15550100001", "use": "home", "rank": 1},
        {"system": "sms", "value": "+15550100002", "use": "mobile", "rank": 3},
        {"system": "phone", "value": "+15550100003", "use": "mobile", "rank": 2},
        {"system": "email", "value": "lena@example.org"},
    ]
    identifiers = [{"system": "http://other", "value": "7"}, {"system": MRN, "value": "EHR-1"}]
    fields = patient_fields(
        _patient(telecom=telecom, identifier=identifiers, gender="female"), mrn_system=MRN
    )
    assert (fields.phone, fields.email, fields.ehr_id) == ("+15550100003", "lena@example.org", "EHR-1")
    assert fields.gender == Gender.FEMALE


@pytest.mark.parametrize(
    ("communication", "language"),
    [
        ([{"language": {"coding": [{"system": "urn:ietf:bcp:47", "code": "es-MX"}]}}], "es"),
        ([{"language": {"text": "en"}}, {"language": {"coding": [{"code": "es"}]}, "preferred": True}], "es"),
    ],
)
def test_the_preferred_language_is_its_bcp47_primary_tag(communication: list[Any], language: str) -> None:
    assert (
        patient_fields(_patient(communication=communication), mrn_system=MRN).preferred_language == language
    )


@pytest.mark.parametrize(
    ("body", "error", "expression"),
    [
        ({"resourceType": "Patient", "name": "Lena"}, BadRequest, "Patient.name"),
        (_patient(gender="f"), BadRequest, "Patient.gender"),
        (
            _patient(identifier=[{"system": MRN, "value": "1"}, {"system": MRN, "value": "2"}]),
            UnprocessableResource,
            "Patient.identifier",
        ),
        (_patient(birthDate="1990-02"), UnprocessableResource, "Patient.birthDate"),
        (_patient(telecom=[]), UnprocessableResource, "Patient.telecom"),
        (
            _patient(communication=[{"language": {"coding": [{"code": "fr-CA"}]}}]),
            UnprocessableResource,
            "Patient.communication",
        ),
    ],
)
def test_what_cannot_be_read_or_kept_is_refused_naming_where(
    body: object, error: type[Exception], expression: str
) -> None:
    with pytest.raises(error) as refused:
        patient_fields(body, mrn_system=MRN)
    assert refused.value.expression == expression  # type: ignore[attr-defined]


def test_a_domain_refusal_is_named_by_its_fhirpath() -> None:
    assert unprocessable(InvalidInput("birth_date", "is in the future")).expression == "Patient.birthDate"
    assert unprocessable(InvalidInput("phone", "too short")).message == "Patient.telecom: too short"


def test_record_keys_read_our_ids_and_the_clinics_numbers() -> None:
    keys = criteria.record_keys(("EHR-1", f"{MRN}|EHR-2", "http://other|EHR-3", f"{MRN}|"), mrn_system=MRN)
    assert keys is not None
    assert keys.numbers == {"EHR-1", "EHR-2"} and keys.any_number and not keys.ids
