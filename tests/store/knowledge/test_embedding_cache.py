"""The local embedder's query cache: a query seen lately is not encoded again, and gives the same
vector; documents are always encoded."""

from __future__ import annotations

from typing import Any

import pytest

from store.knowledge.embeddings import LocalEmbedder


class CountingModel:
    """The real model, counting the texts it is asked to encode."""

    def __init__(self, model: Any) -> None:
        self.model = model
        self.encoded: list[str] = []

    def encode(self, texts: list[str], **options: Any) -> Any:
        self.encoded.extend(texts)
        return self.model.encode(texts, **options)


@pytest.fixture
def counted(embedder: LocalEmbedder) -> tuple[LocalEmbedder, CountingModel]:
    fresh = LocalEmbedder(cache_size=2)
    model = CountingModel(embedder._load())
    fresh._model = model
    return fresh, model


async def test_a_query_seen_lately_is_not_encoded_again(counted: tuple[LocalEmbedder, CountingModel]) -> None:
    embedder, model = counted
    first = await embedder.embed_query("where do I park")
    again = await embedder.embed_query("where do I park")
    assert model.encoded == ["where do I park"]
    assert again == first == (await embedder.embed_documents(["where do I park"]))[0]


async def test_documents_are_always_encoded(counted: tuple[LocalEmbedder, CountingModel]) -> None:
    embedder, model = counted
    await embedder.embed_query("chest pain")
    await embedder.embed_documents(["chest pain"])
    await embedder.embed_documents(["chest pain"])
    assert model.encoded == ["chest pain"] * 3


async def test_the_cache_keeps_only_the_latest_queries(counted: tuple[LocalEmbedder, CountingModel]) -> None:
    embedder, model = counted
    for query in ["a", "b", "a", "c", "a", "b"]:  # "c" evicts "b", the least recently used
        await embedder.embed_query(query)
    assert model.encoded == ["a", "b", "c", "b"]
