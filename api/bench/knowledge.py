"""Knowledge search at scale: HNSW recall@10 against exact search over 100k chunks, and latency.

The data is synthetic but shaped like the real thing. A few thousand clinic sentences are made
from templates and embedded with the real model, so the base vectors have the clustered,
anisotropic geometry of real all-MiniLM-L6-v2 embeddings (uniform random unit vectors would be
nearly orthogonal and make the index look better or worse than it is). Each chunk's vector is a
random convex mix of two of those embeddings plus Gaussian noise (sigma 0.02 per dimension,
about 0.4 in norm), renormalised; its text is the two sentences, so the full-text half of the
hybrid search has real words to match. The queries are ~200 real-language questions embedded
with the same model, never perturbed.

A database of its own is created, loaded with binary COPY, indexed (HNSW and GIN, timed),
measured and dropped. Exact search is the same ORDER BY with index scans disabled.
"""

from __future__ import annotations

import asyncio
import itertools
import random
import secrets
import statistics
import time as clock
import uuid
from collections.abc import Iterator
from typing import Any

import numpy as np
import psycopg
from pgvector.psycopg import register_vector
from rich.console import Console
from rich.table import Table
from sqlalchemy import make_url, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from evals.metrics import percentile
from store.database import create_database, create_engine, drop_database, libpq_url, session_factory
from store.knowledge import service as knowledge
from store.knowledge.embeddings import Embedder
from store.migrate import upgrade

SEED = 20261128
NOISE = 0.02
CHUNKS_PER_DOCUMENT = 100
EF_SEARCH = (40, 100, 200)
K = 10

_SUBJECTS = [
    "New patients",
    "Children under 18",
    "Patients on Medicare",
    "Visitors",
    "Patients with diabetes",
    "Anyone with a fever",
    "Caregivers",
    "Patients using a wheelchair",
    "Spanish-speaking patients",
    "Patients who are late",
    "Pregnant patients",
    "Older adults",
    "Patients without insurance",
]
_ACTIONS = [
    "should bring",
    "can request",
    "must complete",
    "may cancel",
    "are asked to confirm",
    "can book",
    "need to show",
    "can pay for",
    "should avoid",
    "can ask the front desk about",
    "receive a reminder about",
    "can reschedule",
    "should call ahead about",
]
_OBJECTS = [
    "their insurance card",
    "a fasting blood test",
    "the new-patient forms",
    "a video visit",
    "a prescription refill",
    "a flu shot",
    "the parking validation",
    "a copy of their records",
    "an interpreter",
    "a payment plan",
    "their vaccination record",
    "a dermatology appointment",
    "a cardiology follow-up",
    "an X-ray of the knee",
    "lab results",
    "a referral letter",
    "a sick note for work",
    "the lunch-hour closure",
    "a wheelchair at the entrance",
    "a same-day visit",
]
_WHEN = [
    "before the first visit",
    "24 hours in advance",
    "on weekdays from 9 to 5",
    "at the front desk",
    "through the patient portal",
    "by WhatsApp",
    "on Tuesdays and Thursdays",
    "after 2 p.m.",
    "within 3 business days",
    "in room 105",
    "on level P1 of the garage",
    "before 11 a.m.",
]
_QUESTIONS = [
    "how do I get {o}?",
    "can I get {o} {w}?",
    "do I need {o}?",
    "where do I ask for {o}?",
    "what should I know about {o}?",
    "¿cómo pido {o}?",
    "is {o} available {w}?",
    "who handles {o}?",
]


def _sentences(count: int, rng: random.Random) -> list[str]:
    combos = list(itertools.product(_SUBJECTS, _ACTIONS, _OBJECTS, _WHEN))
    return [f"{s} {a} {o} {w}." for s, a, o, w in rng.sample(combos, count)]


def _questions(count: int, rng: random.Random) -> list[str]:
    combos = list(itertools.product(_QUESTIONS, _OBJECTS, _WHEN))
    return [q.format(o=o, w=w) for q, o, w in rng.sample(combos, count)]


def _chunks(
    base: np.ndarray, texts: list[str], count: int, rng: np.random.Generator
) -> Iterator[tuple[str, np.ndarray]]:
    """`count` (text, unit vector) pairs mixed from pairs of base embeddings, plus noise."""
    for _ in range(count):
        i, j = rng.integers(0, len(base), size=2)
        weight = rng.uniform(0.5, 1.0)
        vector = weight * base[i] + (1 - weight) * base[j] + rng.normal(0.0, NOISE, base.shape[1])
        yield f"{texts[i]} {texts[j]}", (vector / np.linalg.norm(vector)).astype(np.float32)


def _load(url: str, base: np.ndarray, texts: list[str], count: int) -> dict[str, float]:
    """COPY `count` chunks in without indexes, then build the HNSW and GIN indexes; seconds each."""
    rng = np.random.default_rng(SEED)
    timings: dict[str, float] = {}
    with psycopg.connect(libpq_url(url), autocommit=True) as conn:
        register_vector(conn)
        conn.execute("DROP INDEX ix_knowledge_chunks_embedding_hnsw")
        conn.execute("DROP INDEX ix_knowledge_chunks_search_terms")
        documents = [uuid.uuid4() for _ in range(-(-count // CHUNKS_PER_DOCUMENT))]
        started = clock.perf_counter()
        with conn.cursor().copy(
            "COPY knowledge_documents (id, source, title, language, content_sha256) FROM STDIN"
        ) as copy:
            for n, document_id in enumerate(documents):
                copy.write_row((document_id, f"bench/{n}", f"Bench document {n}", "en", "0" * 64))
        columns = "id, document_id, position, text, embedding"
        with conn.cursor().copy(f"COPY knowledge_chunks ({columns}) FROM STDIN WITH (FORMAT BINARY)") as copy:
            copy.set_types(["uuid", "uuid", "int4", "text", "vector"])
            for n, (chunk_text, vector) in enumerate(_chunks(base, texts, count, rng)):
                document_id = documents[n // CHUNKS_PER_DOCUMENT]
                copy.write_row((uuid.uuid4(), document_id, n % CHUNKS_PER_DOCUMENT, chunk_text, vector))
        timings["load_seconds"] = clock.perf_counter() - started
        conn.execute("SET maintenance_work_mem = '512MB'")
        started = clock.perf_counter()
        conn.execute(
            "CREATE INDEX ix_knowledge_chunks_embedding_hnsw ON knowledge_chunks"
            " USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 64)"
        )
        timings["hnsw_build_seconds"] = clock.perf_counter() - started
        started = clock.perf_counter()
        conn.execute(
            "CREATE INDEX ix_knowledge_chunks_search_terms ON knowledge_chunks USING gin (search_terms)"
        )
        timings["gin_build_seconds"] = clock.perf_counter() - started
        conn.execute("ANALYZE knowledge_chunks")
        conn.execute("ANALYZE knowledge_documents")
    return timings


_NEAREST_SQL = "SELECT id FROM knowledge_chunks ORDER BY embedding <=> CAST(:q AS vector) LIMIT :k"
_NEAREST = text(_NEAREST_SQL)
_EXPLAIN = text("EXPLAIN (FORMAT JSON) " + _NEAREST_SQL)
_INDEX_SCANS = {
    True: text("SET LOCAL enable_indexscan = off"),
    False: text("SET LOCAL enable_indexscan = on"),
}


async def _nearest(session: AsyncSession, vector: str, *, exact: bool, ef: int) -> tuple[set[Any], float]:
    await session.execute(text("SELECT set_config('hnsw.ef_search', :ef, true)"), {"ef": str(ef)})
    await session.execute(_INDEX_SCANS[exact])
    started = clock.perf_counter()
    ids = set((await session.scalars(_NEAREST, {"q": vector, "k": K})).all())
    return ids, (clock.perf_counter() - started) * 1000


async def _plan(session: AsyncSession, vector: str, *, exact: bool) -> str:
    """Which index (if any) served the nearest-neighbour query: the plan's index names."""
    await session.execute(_INDEX_SCANS[exact])
    plan = (await session.execute(_EXPLAIN, {"q": vector, "k": K})).scalar_one()[0]["Plan"]
    nodes, stack = [], [plan]
    while stack:
        nodes.append(stack.pop())
        stack += nodes[-1].get("Plans", [])
    indexes = [node["Index Name"] for node in nodes if "Index Name" in node]
    scans = [node["Node Type"] for node in nodes if node["Node Type"].endswith("Scan")]
    return ", ".join(indexes or scans)


def _row(mode: str, timings: list[float], **extra: Any) -> dict[str, Any]:
    return {
        "benchmark": "knowledge",
        "mode": mode,
        "n": len(timings),
        "p50_ms": round(statistics.median(timings), 2),
        "p95_ms": round(percentile(timings, 95) or 0.0, 2),
    } | extra


async def _measure(
    sessions: async_sessionmaker[AsyncSession], queries: list[str], vectors: list[list[float]]
) -> list[dict[str, Any]]:
    literals = ["[" + ",".join(f"{x:.7f}" for x in v) + "]" for v in vectors]
    async with sessions() as session, session.begin():
        for literal in literals[:3]:  # warm the cache and the connection
            await _nearest(session, literal, exact=False, ef=100)
        exact = [await _nearest(session, literal, exact=True, ef=40) for literal in literals]
        rows = [
            _row(
                "exact (seq scan)",
                [ms for _, ms in exact],
                recall_at_10=1.0,
                index=await _plan(session, literals[0], exact=True),
            )
        ]
    for ef in EF_SEARCH:
        async with sessions() as session, session.begin():
            found = [await _nearest(session, literal, exact=False, ef=ef) for literal in literals]
            recall = statistics.fmean(
                len(ids & truth) / K for (ids, _), (truth, _) in zip(found, exact, strict=True)
            )
            index = await _plan(session, literals[0], exact=False)
        rows.append(
            _row(f"HNSW ef_search={ef}", [ms for _, ms in found], recall_at_10=round(recall, 4), index=index)
        )
    timings: list[float] = []
    async with sessions() as session, session.begin():
        for query, vector in zip(queries, vectors, strict=True):
            started = clock.perf_counter()
            await knowledge.search_embedded(session, query=query, vector=vector, k=5)
            timings.append((clock.perf_counter() - started) * 1000)
    rows.append(_row("hybrid search k=5 (service)", timings, recall_at_10=None, index="HNSW + GIN"))
    return rows


def _bench_url(database_url: str) -> str:
    name = f"prm_bench_knowledge_{secrets.token_hex(4)}"
    return make_url(database_url).set(database=name).render_as_string(hide_password=False)


async def run(
    database_url: str, embedder: Embedder, *, chunks: int = 100_000, quick: bool = False
) -> list[dict[str, Any]]:
    """Build a `chunks`-chunk knowledge base next to `database_url`, measure, drop it."""
    if quick:
        chunks = min(chunks, 10_000)
    rng = random.Random(SEED)
    texts = _sentences(400 if quick else 3_000, rng)
    queries = _questions(50 if quick else 200, rng)
    started = clock.perf_counter()
    base = np.asarray(await embedder.embed_documents(texts), dtype=np.float32)
    vectors = [await embedder.embed_query(q) for q in queries]
    embed_seconds = clock.perf_counter() - started
    url = _bench_url(database_url)
    await asyncio.to_thread(create_database, url)
    try:
        await asyncio.to_thread(upgrade, url)
        timings = await asyncio.to_thread(_load, url, base, texts, chunks)
        engine = create_engine(url, pool_size=1)
        try:
            rows = await _measure(session_factory(engine), queries, vectors)
        finally:
            await engine.dispose()
    finally:
        await asyncio.to_thread(drop_database, url)
    context = {
        "chunks": chunks,
        "base_sentences": len(texts),
        "queries": len(queries),
        "embed_seconds": round(embed_seconds, 1),
    } | {key: round(value, 1) for key, value in timings.items()}
    return [row | context for row in rows]


def render(rows: list[dict[str, Any]], console: Console | None = None) -> None:
    """Recall@10 against exact search and p50/p95 per mode, with the index each plan used."""
    console = console or Console()
    if not rows:
        console.print("[yellow]no rows[/yellow]")
        return
    first = rows[0]
    table = Table(
        title=f"knowledge search: {first['chunks']:,} chunks, {first['queries']} queries "
        f"(load {first['load_seconds']} s, HNSW build {first['hnsw_build_seconds']} s, "
        f"GIN build {first['gin_build_seconds']} s)"
    )
    numeric = ("n", "recall@10", "p50 ms", "p95 ms")
    for column in ("mode", *numeric, "index"):
        table.add_column(column, justify="right" if column in numeric else "left")
    for row in rows:
        recall = "-" if row["recall_at_10"] is None else f"{row['recall_at_10']:.3f}"
        table.add_row(
            row["mode"], str(row["n"]), recall, f"{row['p50_ms']:.2f}", f"{row['p95_ms']:.2f}", row["index"]
        )
    console.print(table)
