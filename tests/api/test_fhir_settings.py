"""PRM_FHIR_MRN_SYSTEM: a URI, since FHIR tokens put it before a `|` and clients compare it exactly."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from api.settings import ClinicSettings


@pytest.mark.parametrize(
    "system", ["urn:prm:mrn", "urn:oid:1.2.36.146.595.217.0.1", "https://ehr.example/mrn"]
)
def test_a_uri_is_an_mrn_system(system: str) -> None:
    assert ClinicSettings(PRM_FHIR_MRN_SYSTEM=system).mrn_system == system


@pytest.mark.parametrize("system", ["", "mrn", "urn:prm|mrn", "https://ehr.example/m rn", "1:2"])
def test_anything_else_is_refused_at_start(system: str) -> None:
    with pytest.raises(ValidationError, match="PRM_FHIR_MRN_SYSTEM"):
        ClinicSettings(PRM_FHIR_MRN_SYSTEM=system)
