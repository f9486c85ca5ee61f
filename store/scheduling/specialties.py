"""The specialties the clinic offers, with their SNOMED CT codes for FHIR `specialty`.

Codes are the keys the rest of the system uses; `UnknownSpecialty` names the code that was wrong.
"""

from __future__ import annotations

from dataclasses import dataclass

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


class UnknownSpecialty(ValueError):
    """A specialty code the clinic does not offer."""

    def __init__(self, code: str) -> None:
        super().__init__(f"unknown specialty {code!r}; expected one of {', '.join(SPECIALTIES)}")
        self.code = code


def get(code: str) -> Specialty:
    """The specialty for `code`, or `UnknownSpecialty`."""
    try:
        return SPECIALTIES[code]
    except KeyError:
        raise UnknownSpecialty(code) from None
