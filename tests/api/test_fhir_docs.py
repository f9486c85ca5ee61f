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
