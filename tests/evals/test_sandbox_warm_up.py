"""An evaluation run warms the red-flag screen before its first scenario: the first replies are
timed like the others, not with the start-up's tens of seconds of embedding in them."""

from __future__ import annotations

from typing import Any

from agents.understanding.redflags.semantic import load_exemplars
from api.evals import open_sandboxes
from api.runtime import ServerUrls
from api.settings import Settings


class CountingEmbedder:
    """The session's embedder, counting the documents it is asked for (a new object, so the
    process-wide bank of red-flag examples is not built for it yet)."""

    def __init__(self, embedder: Any) -> None:
        self.embedder, self.dim, self.documents = embedder, embedder.dim, 0

    async def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.documents += len(texts)
        result: list[list[float]] = await self.embedder.embed_documents(texts)
        return result

    async def embed_query(self, text: str) -> list[float]:
        result: list[float] = await self.embedder.embed_query(text)
        return result


async def test_the_red_flag_examples_are_embedded_before_the_first_scenario(
    offline_settings: Settings, server_database_url: str, redis_url: str, embedder: Any
) -> None:
    counting = CountingEmbedder(embedder)
    urls = ServerUrls(server_database_url, redis_url)
    async with open_sandboxes(offline_settings, urls, embedder=counting):
        assert counting.documents == len(load_exemplars())
