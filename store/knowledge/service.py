"""The knowledge base: ingest documents (chunk, embed, store) and search them (hybrid).

Search fuses two rankings of the same chunks. The semantic one orders by `embedding <=> :q` so
Postgres walks the HNSW index (`hnsw.ef_search` raised with SET LOCAL: the default, 40, costs
recall at 100k chunks, see `api/bench/knowledge.py`). The lexical one matches the query's words
against a generated English+Spanish tsvector (GIN index). all-MiniLM-L6-v2 is English-centric:
alone it puts "¿dónde puedo estacionar?" nearer the Spanish emergency paragraph than the Spanish
parking one, because every Spanish text looks alike to it; the shared stem "estacion" settles it.

Fusion is relative-score fusion: each candidate's cosine similarity is min-max scaled over the
candidates, its text-search rank divided by the best one, and the two averaged. A hit's `score`
stays the plain cosine similarity (1 - cosine distance), so `min_score` means what it says.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import raiseload

from store.errors import InvalidInput, NotFound
from store.knowledge.chunking import chunk, title_of
from store.knowledge.embeddings import Embedder
from store.knowledge.models import KnowledgeChunk, KnowledgeDocument

__all__ = [
    "DocumentSummary",
    "Hit",
    "candidates_for",
    "chunk",
    "delete",
    "ef_search_for",
    "fuse",
    "get",
    "get_documents",
    "ingest",
    "search",
    "search_embedded",
    "title_of",
]

MAX_K = 50
MIN_CANDIDATES = 20  # per ranking; the fused top k is taken from their union
MIN_EF_SEARCH = 100  # recall@10 vs exact at 100k chunks: 0.993 (0.951 at the default 40), bench
SEMANTIC_WEIGHT = 0.5
MAX_QUERY_WORDS = 32
MAX_WORD_MATCHES = 1_000
_WORD = re.compile(r"\w+")
_LIMITS = {"source": 500, "title": 300, "language": 8}

# Words that are stop words in either language are dropped: "the" is a lexeme to the Spanish
# parser and "que" to the English one, and either would match half the knowledge base. Ranking
# word matches reads every matching row, so at most MAX_WORD_MATCHES are ranked: words common
# enough to match more say little about any one chunk, and the semantic ranking decides then.
_CANDIDATES = text(
    """
    WITH terms AS (
        SELECT string_agg(word, ' | ') AS words
        FROM unnest(CAST(:words AS text[])) AS word
        WHERE to_tsvector('english', word) <> ''::tsvector AND to_tsvector('spanish', word) <> ''::tsvector
    ),
    query AS (
        SELECT to_tsquery('english', words) || to_tsquery('spanish', words) AS ts
        FROM terms WHERE words IS NOT NULL
    ),
    semantic AS (
        SELECT id FROM knowledge_chunks ORDER BY embedding <=> CAST(:q AS vector) LIMIT :n
    ),
    matches AS (
        SELECT c.id, c.search_terms FROM knowledge_chunks AS c, query
        WHERE c.search_terms @@ query.ts LIMIT :max_matches
    ),
    lexical AS (
        SELECT id FROM matches, query ORDER BY ts_rank(search_terms, query.ts, 1) DESC LIMIT :n
    )
    SELECT c.document_id, d.title, d.source, c.text,
           1 - (c.embedding <=> CAST(:q AS vector)) AS score,
           coalesce(ts_rank(c.search_terms, (SELECT ts FROM query), 1), 0) AS lexical
    FROM (SELECT id FROM semantic UNION SELECT id FROM lexical) AS candidates
    JOIN knowledge_chunks AS c USING (id)
    JOIN knowledge_documents AS d ON d.id = c.document_id
    """
)


@dataclass(frozen=True)
class Hit:
    """One matching chunk and the document it came from."""

    document_id: uuid.UUID
    title: str
    source: str
    text: str
    score: float


@dataclass(frozen=True)
class DocumentSummary:
    """A document as listed: everything but its chunks, and how many it has."""

    id: uuid.UUID
    source: str
    title: str
    language: str
    content_sha256: str
    chunks: int
    updated_at: datetime

    @classmethod
    def of(cls, document: KnowledgeDocument, chunks: int) -> DocumentSummary:
        return cls(
            document.id,
            document.source,
            document.title,
            document.language,
            document.content_sha256,
            chunks,
            document.updated_at,
        )


def candidates_for(k: int) -> int:
    """How many candidates each ranking contributes for a fused top `k`."""
    return max(MIN_CANDIDATES, 2 * k)


def ef_search_for(k: int) -> int:
    """The HNSW candidate list size for `k` nearest chunks: at least MIN_EF_SEARCH and at least k."""
    return max(MIN_EF_SEARCH, k)


def _vector(values: list[float]) -> str:
    """pgvector's text form; bound as a string and cast, so raw SQL needs no type adapter."""
    return "[" + ",".join(repr(float(v)) for v in values) + "]"


def _digest(title: str, language: str, body: str) -> str:
    """What decides "unchanged": the title and language prefix or tag every chunk, so they count."""
    return hashlib.sha256(f"{title}\x00{language}\x00{body}".encode()).hexdigest()


def _check(field: str, value: str) -> str:
    cleaned = value.strip()
    if not cleaned:
        raise InvalidInput(field, "must not be empty")
    if len(cleaned) > _LIMITS[field]:
        raise InvalidInput(field, f"must be at most {_LIMITS[field]} characters")
    return cleaned


async def get(session: AsyncSession, *, document_id: uuid.UUID) -> KnowledgeDocument:
    document = await session.get(KnowledgeDocument, document_id)
    if document is None:
        raise NotFound("knowledge document", document_id)
    return document


async def get_documents(
    session: AsyncSession, *, limit: int = 50, offset: int = 0
) -> tuple[list[DocumentSummary], int]:
    """A page of documents by title, with chunk counts, and how many documents there are."""
    counts = (
        select(KnowledgeChunk.document_id, func.count().label("n"))
        .group_by(KnowledgeChunk.document_id)
        .subquery()
    )
    query = (
        select(KnowledgeDocument, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.document_id == KnowledgeDocument.id)
        .options(raiseload(KnowledgeDocument.chunks))
        .order_by(KnowledgeDocument.title, KnowledgeDocument.id)
        .limit(limit)
        .offset(offset)
    )
    rows = (await session.execute(query)).all()
    total = await session.scalar(select(func.count()).select_from(KnowledgeDocument)) or 0
    return [DocumentSummary.of(document, int(n)) for document, n in rows], total


async def ingest(
    session: AsyncSession,
    *,
    embedder: Embedder,
    source: str,
    title: str,
    text: str,
    language: str = "en",
) -> KnowledgeDocument:
    """Store `text` under `source`, chunked and embedded; idempotent on (source, content).

    The same source with the same content is a no-op (nothing is embedded again); changed content
    replaces the document's chunks in place, keeping its id.
    """
    source, title, language = _check("source", source), _check("title", title), _check("language", language)
    if not text.strip():
        raise InvalidInput("text", "must not be empty")
    digest = _digest(title, language, text)
    document = await session.scalar(
        select(KnowledgeDocument).where(KnowledgeDocument.source == source).with_for_update()
    )
    if document is not None and document.content_sha256 == digest:
        return document
    pieces = chunk(text, title=title)
    vectors = await embedder.embed_documents(pieces)
    chunks = [
        KnowledgeChunk(position=i, text=piece, embedding=vector)
        for i, (piece, vector) in enumerate(zip(pieces, vectors, strict=True))
    ]
    if document is None:
        document = KnowledgeDocument(source=source, title=title, language=language, content_sha256=digest)
        session.add(document)
    else:
        document.title, document.language, document.content_sha256 = title, language, digest
    document.chunks = chunks
    await session.flush()
    await session.refresh(document, ["created_at", "updated_at"])  # set by the database clock
    return document


def fuse(rows: Sequence[Any], k: int) -> list[Hit]:
    """The best `k` of the candidate rows (`score` = cosine similarity, `lexical` = ts_rank)."""
    if not rows:
        return []
    low, high = min(r.score for r in rows), max(r.score for r in rows)
    best_lexical = max(r.lexical for r in rows)

    def fused(row: Any) -> float:
        semantic = (row.score - low) / (high - low) if high > low else 1.0
        lexical = row.lexical / best_lexical if best_lexical > 0 else 0.0
        return float(SEMANTIC_WEIGHT * semantic + (1 - SEMANTIC_WEIGHT) * lexical)

    ranked = sorted(rows, key=lambda r: (-fused(r), -r.score))[:k]
    return [Hit(r.document_id, r.title, r.source, r.text, float(r.score)) for r in ranked]


async def search(
    session: AsyncSession, *, embedder: Embedder, query: str, k: int = 5, min_score: float | None = None
) -> list[Hit]:
    """The `k` chunks that best answer `query`, best first, optionally only those >= min_score."""
    if not query.strip():
        raise InvalidInput("query", "must not be empty")
    if not 1 <= k <= MAX_K:
        raise InvalidInput("k", f"must be between 1 and {MAX_K}")
    vector = await embedder.embed_query(query.strip())
    hits = await search_embedded(session, query=query, vector=vector, k=k)
    return [hit for hit in hits if min_score is None or hit.score >= min_score]


async def search_embedded(session: AsyncSession, *, query: str, vector: list[float], k: int) -> list[Hit]:
    """Hybrid search for a query already embedded (benchmarks time the database part alone)."""
    n = candidates_for(k)
    words = list(dict.fromkeys(w.casefold() for w in _WORD.findall(query)))[:MAX_QUERY_WORDS]
    await session.execute(
        text("SELECT set_config('hnsw.ef_search', :ef, true)"), {"ef": str(ef_search_for(n))}
    )
    parameters = {"q": _vector(vector), "words": words, "n": n, "max_matches": MAX_WORD_MATCHES}
    rows = (await session.execute(_CANDIDATES, parameters)).all()
    return fuse(rows, k)


async def delete(session: AsyncSession, *, document_id: uuid.UUID) -> None:
    """Remove a document and (by cascade) its chunks."""
    await session.delete(await get(session, document_id=document_id))
    await session.flush()
