"""Knowledge documents and their embedded chunks (pgvector, HNSW on cosine distance)."""

from __future__ import annotations

import uuid

from pgvector.sqlalchemy import Vector
from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from store.base import Base, Timestamps, UUIDPk

EMBEDDING_DIM = 384


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
    )

    document_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("knowledge_documents.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    embedding: Mapped[list[float]] = mapped_column(Vector(EMBEDDING_DIM))
