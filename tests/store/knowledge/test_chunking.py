"""Chunking keeps sections apart, stays under the size limit, and gives every chunk its context."""

from __future__ import annotations

from pathlib import Path

import store.demo.documents
from store.knowledge.chunking import MAX_CHARS, chunk, title_of

DEMO = Path(store.demo.documents.__file__).parent


def test_title_is_the_first_level_one_heading() -> None:
    assert title_of("intro\n## Not this\n# Parking\n# Later") == "Parking"
    assert title_of("no heading at all", default="fallback") == "fallback"


def test_each_section_is_a_chunk_prefixed_by_title_and_heading() -> None:
    text = "# Parking\n\nFree garage.\n\n## En español\n\nEstacionamiento gratis.\n"
    assert chunk(text) == [
        "Parking\n\nFree garage.",
        "Parking — En español\n\nEstacionamiento gratis.",
    ]


def test_an_explicit_title_overrides_the_heading() -> None:
    assert chunk("# Old\n\nBody.", title="New") == ["New\n\nBody."]


def test_paragraphs_of_one_section_share_a_chunk_while_they_fit() -> None:
    text = "# T\n\n## S\n\nFirst paragraph.\n\nSecond paragraph.\n"
    assert chunk(text) == ["T — S\n\nFirst paragraph.\n\nSecond paragraph."]


def test_long_sections_split_at_paragraphs_into_balanced_chunks() -> None:
    paragraphs = [f"Paragraph {i}. " + "word " * 40 for i in range(6)]  # ~215 chars each
    pieces = chunk("# Long\n\n" + "\n\n".join(paragraphs))
    bodies = [p.removeprefix("Long\n\n") for p in pieces]
    assert all(p.startswith("Long\n\n") for p in pieces)
    assert all(len(b) <= MAX_CHARS for b in bodies)
    assert len(pieces) == 2  # ~1,300 characters: two halves, not 800 + 500
    assert abs(len(bodies[0]) - len(bodies[1])) < 250
    assert "\n\n".join(bodies).count("Paragraph") == 6  # nothing lost, nothing repeated


def test_a_paragraph_longer_than_the_limit_is_cut_at_sentences_then_words() -> None:
    sentence = "This sentence is long enough. " * 40  # ~1,200 chars
    monster = "x" * 50 + " " + "y" * 2000
    pieces = chunk(f"# T\n\n{sentence}\n\n{monster}")
    assert all(len(p.removeprefix("T\n\n")) <= MAX_CHARS for p in pieces)
    joined = " ".join(p.removeprefix("T\n\n") for p in pieces)
    assert joined.count("This sentence is long enough.") == 40
    assert joined.replace(" ", "").replace("\n", "").count("y") == 2000


def test_list_items_stay_together_and_blank_or_heading_only_text_gives_nothing() -> None:
    assert chunk("# T\n\n- a\n- b\n") == ["T\n\n- a\n- b"]
    assert chunk("# Only a title\n\n## Empty section\n") == []


def test_demo_documents_chunk_into_titled_pieces_within_limits() -> None:
    documents = sorted(DEMO.glob("*.md"))
    assert len(documents) >= 12
    for path in documents:
        text = path.read_text()
        title = title_of(text)
        pieces = chunk(text)
        assert title, path.name
        assert any(p.startswith(f"{title} — En español") for p in pieces), path.name
        assert all(p.startswith(title) and len(p) <= len(title) + 100 + MAX_CHARS for p in pieces)
