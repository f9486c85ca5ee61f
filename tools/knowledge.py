"""Knowledge tool: search the clinic's knowledge base (public information, no identity needed)."""

from __future__ import annotations

from store.database import transaction
from store.knowledge import service as knowledge
from tools.context import ToolContext
from tools.schemas import KnowledgeArgs, KnowledgeHit


async def search_knowledge(args: KnowledgeArgs, ctx: ToolContext) -> list[KnowledgeHit]:
    """The best matching passages, best first, each naming its source document."""
    async with transaction(ctx.sessions) as session:
        hits = await knowledge.search(session, embedder=ctx.embedder, query=args.query, k=args.k)
        return [KnowledgeHit(title=h.title, source=h.source, text=h.text, score=h.score) for h in hits]
