"""Staff API for the knowledge base: semantic search, listing documents, adding one (admin).

Knowledge documents are clinic information, not patient data, so reads are not audited; adding
one is (`knowledge.ingest`, ids only).
"""

from __future__ import annotations

import hashlib
from typing import Annotated

from fastapi import APIRouter, Query, status

from api.deps import AdminOnly, CurrentStaff, PageDep, RuntimeDep, SessionDep
from api.routes.common import Listing
from store.audit import service as audit
from store.errors import InvalidInput
from store.knowledge import service as knowledge
from store.knowledge.schemas import DocumentCreate, DocumentOut, HitOut

router = APIRouter(prefix="/knowledge", tags=["knowledge"])


@router.get("/search")
async def search(
    session: SessionDep,
    runtime: RuntimeDep,
    _: CurrentStaff,
    q: Annotated[str, Query(max_length=1000, description="The question, in any words.")],
    k: Annotated[int, Query(ge=1, le=knowledge.MAX_K)] = 5,
) -> list[HitOut]:
    """The `k` chunks that best answer `q`, best first."""
    if not q.strip():
        raise InvalidInput("q", "must not be empty")
    hits = await knowledge.search(session, embedder=runtime.embedder, query=q, k=k)
    return [HitOut.of(hit) for hit in hits]


@router.get("/documents")
async def list_documents(session: SessionDep, _: CurrentStaff, page: PageDep) -> Listing[DocumentOut]:
    """Documents by title, with how many chunks each was cut into."""
    found, total = await knowledge.get_documents(session, limit=page.limit, offset=page.offset)
    return Listing.of([DocumentOut.of(d) for d in found], total, page)


@router.post("/documents", status_code=status.HTTP_201_CREATED)
async def create_document(
    body: DocumentCreate, session: SessionDep, runtime: RuntimeDep, admin: AdminOnly
) -> DocumentOut:
    """Chunk, embed and store a document; the same `source` again replaces it when it changed."""
    source = body.source or "api/" + hashlib.sha256(f"{body.title}\0{body.text}".encode()).hexdigest()[:16]
    document = await knowledge.ingest(
        session,
        embedder=runtime.embedder,
        source=source,
        title=body.title,
        text=body.text,
        language=body.language,
    )
    await audit.record(
        session,
        actor=admin.actor,
        action="knowledge.ingest",
        resource_type="knowledge_document",
        resource_id=document.id,
        details={"source": document.source, "chunks": len(document.chunks)},
    )
    return DocumentOut.of(knowledge.DocumentSummary.of(document, len(document.chunks)))
