"""The knowledge-search benchmark runs end to end on a small knowledge base and cleans up.

A hash embedder stands in for the model (this test is about the benchmark's mechanics: loading,
index builds, recall against exact search, the service path), so it runs in seconds.
"""

from __future__ import annotations

import hashlib
import io

import psycopg
from rich.console import Console

from api.bench import knowledge as bench
from store.database import libpq_url


class HashEmbedder:
    dim = 384

    async def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [await self.embed_query(t) for t in texts]

    async def embed_query(self, text: str) -> list[float]:
        digest = b"".join(hashlib.sha256(f"{i}:{text}".encode()).digest() for i in range(12))
        vector = [b - 127.5 for b in digest]
        norm = sum(v * v for v in vector) ** 0.5
        return [v / norm for v in vector]


def _bench_databases(server_database_url: str) -> set[str]:
    with psycopg.connect(libpq_url(server_database_url, "postgres")) as conn:
        rows = conn.execute("SELECT datname FROM pg_database WHERE datname LIKE 'prm_bench_knowledge_%'")
        return {name for (name,) in rows}


async def test_quick_run_measures_recall_and_latency_and_drops_its_database(server_database_url: str) -> None:
    before = _bench_databases(server_database_url)
    rows = await bench.run(server_database_url, HashEmbedder(), chunks=3_000, quick=True)
    assert [r["mode"] for r in rows] == [
        "exact (seq scan)",
        "HNSW ef_search=40",
        "HNSW ef_search=100",
        "HNSW ef_search=200",
        "hybrid search k=5 (service)",
    ]
    exact, *hnsw, hybrid = rows
    assert exact["recall_at_10"] == 1.0 and exact["index"] == "Seq Scan"
    assert all(0.8 <= r["recall_at_10"] <= 1.0 for r in hnsw)
    assert hybrid["recall_at_10"] is None
    for row in rows:
        assert row["chunks"] == 3_000 and row["n"] == row["queries"] == 50
        assert 0 < row["p50_ms"] <= row["p95_ms"]
        assert row["hnsw_build_seconds"] > 0
    assert _bench_databases(server_database_url) == before

    out = io.StringIO()
    bench.render(rows, Console(file=out, width=200))
    assert "HNSW ef_search=100" in out.getvalue() and "recall@10" in out.getvalue()
