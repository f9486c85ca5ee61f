"""docs/fhir.md's table of search parameters is the one `store/fhir/params.py` generates."""

from __future__ import annotations

from pathlib import Path

from store.fhir.params import markdown_table

DOC = Path(__file__).resolve().parents[2] / "docs" / "fhir.md"
BEGIN, END = "<!-- search-params:begin -->\n", "\n<!-- search-params:end -->"


def test_the_documented_search_parameters_are_the_declared_ones() -> None:
    text = DOC.read_text()
    documented = text[text.index(BEGIN) + len(BEGIN) : text.index(END)]
    generated = markdown_table()
    assert documented == generated, f"replace the table in docs/fhir.md with:\n{generated}"


# R4's search parameters shared by several resources, and the resources each is defined on
_SHARED = {
    "Resource-id": None,  # every resource
    "individual-family": {"Patient", "Practitioner", "Person", "RelatedPerson"},
    "individual-given": {"Patient", "Practitioner", "Person", "RelatedPerson"},
    "individual-birthdate": {"Patient", "Person", "RelatedPerson"},
    "individual-phone": {"Patient", "Practitioner", "Person", "PractitionerRole", "RelatedPerson"},
    "individual-email": {"Patient", "Practitioner", "Person", "PractitionerRole", "RelatedPerson"},
    "individual-telecom": {"Patient", "Practitioner", "Person", "PractitionerRole", "RelatedPerson"},
    "individual-gender": {"Patient", "Practitioner", "Person", "RelatedPerson"},
}


def test_each_definition_is_r4s_search_parameter_for_that_resource() -> None:
    """`<Type>-<name>`, or a shared one defined on the type (Appointment's `date` pointed at
    `clinical-date`, which R4 defines for clinical resources, not Appointment)."""
    from store.fhir.params import SEARCH

    for resource_type, declared in SEARCH.items():
        for p in declared:
            if p.definition is None:
                continue
            name = p.definition.removeprefix("http://hl7.org/fhir/SearchParameter/")
            if name in _SHARED:
                bases = _SHARED[name]
                assert bases is None or resource_type in bases, (resource_type, p.name, name)
            else:
                assert name == f"{resource_type}-{p.name}", (resource_type, p.name, name)
