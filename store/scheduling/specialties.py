"""The specialties the clinic offers, with their SNOMED CT codes for FHIR `specialty`.

Codes are the keys the rest of the system uses; `UnknownSpecialty` names the code that was wrong.
"""

from __future__ import annotations

from dataclasses import dataclass

from store.errors import InvalidInput

SNOMED = "http://snomed.info/sct"


@dataclass(frozen=True)
class Specialty:
    code: str
    display: str
    snomed: str


SPECIALTIES: dict[str, Specialty] = {
    s.code: s
    for s in (
        Specialty("family-medicine", "Family medicine", "419772000"),
        Specialty("cardiology", "Cardiology", "394579002"),
        Specialty("dermatology", "Dermatology", "394582007"),
        Specialty("pediatrics", "Pediatrics", "394537008"),
        Specialty("orthopedics", "Orthopedics", "394801008"),
    )
}


class UnknownSpecialty(InvalidInput):
    """A specialty code the clinic does not offer (a 422 naming `specialty` at the API).

    The offending code is `.specialty`; `.code` is the error code every DomainError carries.
    """

    code = "unknown_specialty"

    def __init__(self, specialty: str) -> None:
        super().__init__(
            "specialty", f"{specialty!r} is not offered; expected one of {', '.join(SPECIALTIES)}"
        )
        self.specialty = specialty


def get(code: str) -> Specialty:
    """The specialty for `code`, or `UnknownSpecialty`."""
    try:
        return SPECIALTIES[code]
    except KeyError:
        raise UnknownSpecialty(code) from None
