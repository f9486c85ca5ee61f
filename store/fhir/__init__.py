"""FHIR R4 for PRM: our records as resources, search values and IHE Scheduling operation inputs.

Pure mapping and parsing, no I/O and no HTTP (the routes in `api/routes/fhir.py` do that).
Resources are validated in the tests with `fhir.resources` 8.3's R4B models
(`fhir.resources.R4B.*`, the R4-compatible release; the package's default models are R5).
"""

from store.fhir.bundles import bundle, issue, operation_outcome, outcome_of
from store.fhir.errors import (
    BadRequest,
    NotSupported,
    PreconditionFailed,
    UnprocessableResource,
    UpdateCreateRefused,
)
from store.fhir.resources import (
    appointment_to_fhir,
    patient_to_fhir,
    practitioner_to_fhir,
    proposed_appointment_to_fhir,
    proposed_id,
    schedule_to_fhir,
    slot_to_fhir,
)

__all__ = [
    "BadRequest",
    "NotSupported",
    "PreconditionFailed",
    "UnprocessableResource",
    "UpdateCreateRefused",
    "appointment_to_fhir",
    "bundle",
    "issue",
    "operation_outcome",
    "outcome_of",
    "patient_to_fhir",
    "practitioner_to_fhir",
    "proposed_appointment_to_fhir",
    "proposed_id",
    "schedule_to_fhir",
    "slot_to_fhir",
]
