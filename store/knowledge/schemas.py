"""The knowledge base as the staff API receives and returns it."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from store.knowledge.service import DocumentSummary, Hit

MAX_TEXT = 200_000


class DocumentCreate(BaseModel):
    """A document to ingest. Without `source`, the source is derived from the content, so posting
    the same document twice stores it once; with one, posting again replaces that document."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1, max_length=300)
    text: str = Field(min_length=1, max_length=MAX_TEXT)
    source: str | None = Field(default=None, min_length=1, max_length=500)
    language: str = Field(default="en", min_length=2, max_length=8)


class DocumentOut(BaseModel):
    id: uuid.UUID
    source: str
    title: str
    language: str
    content_sha256: str
    chunks: int
    updated_at: datetime

    @classmethod
    def of(cls, summary: DocumentSummary) -> DocumentOut:
        return cls(
            id=summary.id,
            source=summary.source,
            title=summary.title,
            language=summary.language,
            content_sha256=summary.content_sha256,
            chunks=summary.chunks,
            updated_at=summary.updated_at,
        )


class HitOut(BaseModel):
    """One matching chunk: `score` is its cosine similarity to the query (1 = same meaning)."""

    document_id: uuid.UUID
    title: str
    source: str
    text: str
    score: float

    @classmethod
    def of(cls, hit: Hit) -> HitOut:
        return cls(
            document_id=hit.document_id, title=hit.title, source=hit.source, text=hit.text, score=hit.score
        )
