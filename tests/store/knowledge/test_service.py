"""Ingest is idempotent per (source, content) and replaces chunks on change; listing and deleting."""

from __future__ import annotations

import uuid
from types import SimpleNamespace

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from store.errors import InvalidInput, NotFound
from store.knowledge import service as knowledge
from store.knowledge.embeddings import Embedder
from store.knowledge.models import KnowledgeChunk

DOC = "# Bike storage\n\nBicycle racks are beside the main entrance.\n\n## En español\n\nHay bicicleteros.\n"


class CountingEmbedder:
    """The shared embedder, counting how many texts it was asked to embed."""

    def __init__(self, inner: Embedder) -> None:
        self.inner, self.dim, self.embedded = inner, inner.dim, 0

    async def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.embedded += len(texts)
        return await self.inner.embed_documents(texts)

    async def embed_query(self, text: str) -> list[float]:
        return await self.inner.embed_query(text)


def source() -> str:
    return f"test/{uuid.uuid4()}.md"


async def chunk_rows(session: AsyncSession, document_id: uuid.UUID) -> list[tuple[uuid.UUID, str]]:
    query = select(KnowledgeChunk.id, KnowledgeChunk.text).where(KnowledgeChunk.document_id == document_id)
    return [(row.id, row.text) for row in await session.execute(query.order_by(KnowledgeChunk.position))]


async def test_ingest_chunks_embeds_and_is_a_no_op_the_second_time(
    session: AsyncSession, embedder: Embedder
) -> None:
    counting, src = CountingEmbedder(embedder), source()
    first = await knowledge.ingest(session, embedder=counting, source=src, title="Bike storage", text=DOC)
    before = await chunk_rows(session, first.id)
    assert [t for _, t in before] == knowledge.chunk(DOC, title="Bike storage")
    assert counting.embedded == 2 and len(first.content_sha256) == 64

    again = await knowledge.ingest(session, embedder=counting, source=src, title="Bike storage", text=DOC)
    assert again.id == first.id
    assert counting.embedded == 2  # nothing embedded again
    assert await chunk_rows(session, first.id) == before  # same chunk rows, same ids


async def test_changed_content_replaces_the_chunks_of_the_same_document(
    session: AsyncSession, embedder: Embedder
) -> None:
    src = source()
    first = await knowledge.ingest(session, embedder=embedder, source=src, title="Bike storage", text=DOC)
    old_ids = {i for i, _ in await chunk_rows(session, first.id)}
    changed = DOC.replace("beside the main entrance", "in the garage on level P1")
    second = await knowledge.ingest(session, embedder=embedder, source=src, title="Bikes", text=changed)
    rows = await chunk_rows(session, second.id)
    assert second.id == first.id and second.title == "Bikes"
    assert "level P1" in rows[0][1] and rows[0][1].startswith("Bikes\n\n")
    assert not old_ids & {i for i, _ in rows}
    orphans = await session.scalar(select(func.count()).where(KnowledgeChunk.id.in_(old_ids)))
    assert orphans == 0


async def test_a_new_title_alone_is_a_change(session: AsyncSession, embedder: Embedder) -> None:
    counting, src = CountingEmbedder(embedder), source()
    first = await knowledge.ingest(session, embedder=counting, source=src, title="A", text=DOC)
    sha = first.content_sha256
    second = await knowledge.ingest(session, embedder=counting, source=src, title="B", text=DOC)
    assert second.content_sha256 != sha and counting.embedded == 4


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"source": " ", "title": "T", "text": "x"}, "source"),
        ({"source": "s", "title": "", "text": "x"}, "title"),
        ({"source": "s", "title": "T" * 301, "text": "x"}, "title"),
        ({"source": "s", "title": "T", "text": "  \n"}, "text"),
        ({"source": "s", "title": "T", "text": "x", "language": "much-too-long"}, "language"),
    ],
)
async def test_bad_input_names_the_field(
    session: AsyncSession, embedder: Embedder, fields: dict[str, str], field: str
) -> None:
    with pytest.raises(InvalidInput) as error:
        await knowledge.ingest(session, embedder=embedder, **fields)
    assert error.value.field == field


async def test_documents_are_listed_with_chunk_counts_and_deleted_with_their_chunks(
    session: AsyncSession, embedder: Embedder
) -> None:
    document = await knowledge.ingest(
        session, embedder=embedder, source=source(), title="Bike storage", text=DOC, language="en"
    )
    listed, total = await knowledge.get_documents(session, limit=200)
    mine = next(d for d in listed if d.id == document.id)
    assert (mine.title, mine.chunks, mine.language) == ("Bike storage", 2, "en")
    assert total >= 1 and mine.updated_at is not None

    await knowledge.delete(session, document_id=document.id)
    assert await chunk_rows(session, document.id) == []
    with pytest.raises(NotFound):
        await knowledge.get(session, document_id=document.id)
    with pytest.raises(NotFound):
        await knowledge.delete(session, document_id=document.id)


@pytest.mark.parametrize(
    ("query", "k", "field"), [("  ", 5, "query"), ("parking", 0, "k"), ("parking", 51, "k")]
)
async def test_search_refuses_empty_queries_and_k_out_of_range(
    session: AsyncSession, embedder: Embedder, query: str, k: int, field: str
) -> None:
    with pytest.raises(InvalidInput) as error:
        await knowledge.search(session, embedder=embedder, query=query, k=k)
    assert error.value.field == field


async def test_a_query_of_stop_words_alone_still_searches_by_meaning(
    session: AsyncSession, embedder: Embedder
) -> None:
    document = await knowledge.ingest(
        session, embedder=embedder, source=source(), title="Bike storage", text=DOC
    )
    hits = await knowledge.search(session, embedder=embedder, query="where is it?", k=50)
    assert sum(h.document_id == document.id for h in hits) == 2


@pytest.mark.parametrize("query", ["foo_bar ___ 911 東京 x1_2", "can't & won't | !(x)", "a" * 300 + " ¿?"])
async def test_any_words_are_safe_in_the_text_search_query(
    session: AsyncSession, embedder: Embedder, query: str
) -> None:
    document = await knowledge.ingest(
        session, embedder=embedder, source=source(), title="Bike storage", text=DOC
    )
    hits = await knowledge.search(session, embedder=embedder, query=query, k=50)
    assert document.id in {h.document_id for h in hits}


def row(doc: str, score: float, lexical: float) -> SimpleNamespace:
    return SimpleNamespace(
        document_id=uuid.uuid4(), title=doc, source=doc, text=doc, score=score, lexical=lexical
    )


def test_fusion_lets_strong_word_matches_overtake_a_slightly_closer_embedding() -> None:
    rows = [row("emergency", 0.49, 0.0), row("parking", 0.40, 0.3), row("noise", 0.1, 0.0)]
    assert [h.source for h in knowledge.fuse(rows, 3)] == ["parking", "emergency", "noise"]
    assert knowledge.fuse(rows, 1)[0].score == pytest.approx(0.40)  # the score stays the cosine


def test_fusion_without_word_matches_is_the_cosine_order() -> None:
    rows = [row("b", 0.3, 0.0), row("a", 0.6, 0.0), row("c", 0.1, 0.0)]
    assert [h.source for h in knowledge.fuse(rows, 2)] == ["a", "b"]
    assert knowledge.fuse([], 5) == []
