"""Knowledge documents and their chunks: embedded (pgvector, HNSW on cosine distance) and indexed
for full-text search (a generated English+Spanish tsvector under a GIN index).

The full-text half exists because all-MiniLM-L6-v2 is English-centric: a Spanish question lands
near every Spanish chunk alike, and only the shared words ("estacionar", "estacionamiento") tell
the right one apart. `store.knowledge.service.search` fuses the two.
"""

from __future__ import annotations

import uuid

from pgvector.sqlalchemy import Vector
from sqlalchemy import Computed, ForeignKey, Index, String, Text
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column, relationship

from store.base import Base, Timestamps, UUIDPk

EMBEDDING_DIM = 384
SEARCH_TERMS_SQL = "to_tsvector('english', text) || to_tsvector('spanish', text)"


class KnowledgeDocument(UUIDPk, Timestamps, Base):
    """A source document; re-ingesting the same `source` replaces it when its hash changed."""

    __tablename__ = "knowledge_documents"

    source: Mapped[str] = mapped_column(String(500), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    language: Mapped[str] = mapped_column(String(8), default="en")
    content_sha256: Mapped[str] = mapped_column(String(64))

    chunks: Mapped[list[KnowledgeChunk]] = relationship(
        order_by="KnowledgeChunk.position", cascade="all, delete-orphan", lazy="selectin"
    )


class KnowledgeChunk(UUIDPk, Base):
    __tablename__ = "knowledge_chunks"
    __table_args__ = (
        Index(
            "ix_knowledge_chunks_embedding_hnsw",
            "embedding",
            postgresql_using="hnsw",
            postgresql_with={"m": 16, "ef_construction": 64},
            postgresql_ops={"embedding": "vector_cosine_ops"},
        ),
        Index("ix_knowledge_chunks_search_terms", "search_terms", postgresql_using="gin"),
    )

    document_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("knowledge_documents.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    embedding: Mapped[list[float]] = mapped_column(Vector(EMBEDDING_DIM))
    search_terms: Mapped[str] = mapped_column(
        TSVECTOR, Computed(SEARCH_TERMS_SQL, persisted=True), deferred=True
    )
