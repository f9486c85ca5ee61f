"""`prm bench checkpoint`: our Redis checkpointer against the official AsyncPostgresSaver, the
InMemorySaver floor and the third-party `langgraph-checkpoint-plainredis` (when installed).

Every saver runs the same work on the same servers: a clinic conversation of 20 messages
(about 10 KB of state) stored checkpoint by checkpoint, and full graph turns (understand, find
slots, respond) over it. Reported: p50/p95 of `aput`, `aget_tuple` and `alist`; the latency of
a turn and its overhead over the same graph with no checkpointer; turns per second with many
conversations at once; and the bytes one conversation holds after 100 turns, before and after
`prune`. Latency samples are interleaved (the savers take turns, 25 samples at a time), so a busy
machine slows every saver alike and the ratios stay fair. One more row, InMemorySaver plus a bare
Redis round trip per call, shows what the machine itself charges for going to Redis at all. With
`cluster_url` (`prm bench checkpoint --cluster` starts a local cluster of three Valkey nodes), ours
also runs on a Redis Cluster, beside the single server.
"""

from __future__ import annotations

import asyncio
import random
import secrets
import statistics
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from typing import Annotated, Any, TypedDict

from langchain_core.messages import AIMessage, AnyMessage, HumanMessage
from langchain_core.runnables import RunnableConfig
from langgraph.checkpoint.base import BaseCheckpointSaver, ChannelVersions, empty_checkpoint
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.graph import END, START, StateGraph
from langgraph.graph.message import add_messages
from redis.asyncio import BlockingConnectionPool, Redis
from sqlalchemy import make_url

from api.bench.checkpoint_floor import open_floor
from api.bench.checkpoint_report import FLOOR, MEMORY, PG, PLAIN, US, US_AES, US_CLUSTER, render
from evals.metrics import percentile
from store.checkpoint import AsyncRedisSaver
from store.database import create_database, drop_database, libpq_url
from store.redis_client import AsyncRedis

Saver = BaseCheckpointSaver[Any]
Measure = Callable[[str], Awaitable[int]]  # bytes one thread holds
Sample = Callable[[], Awaitable[float]]  # one timed call, in milliseconds


@dataclass(frozen=True)
class Sizes:
    samples: int  # per micro-benchmark
    turns: int  # graph turns timed one by one
    threads: int  # concurrent conversations for throughput
    thread_turns: int  # turns each
    long_turns: int  # turns of the conversation whose footprint is measured


FULL = Sizes(samples=300, turns=150, threads=100, thread_turns=20, long_turns=100)
QUICK = Sizes(samples=30, turns=15, threads=10, thread_turns=5, long_turns=20)


class TurnState(TypedDict, total=False):
    messages: Annotated[list[AnyMessage], add_messages]
    patient: dict[str, str]
    intent: str
    slots: list[dict[str, str]]


VOCABULARY = (
    "appointment cardiology follow-up morning week doctor free please remind fast blood test "
    "ordered insurance copay referral pharmacy refill prescription clinic parking Tuesday Thursday "
    "afternoon symptoms since Monday dizzy pressure medication dose results portal reschedule cancel"
)


def text(seed: int, words: int = 45) -> str:
    """About 300 characters of clinic chat, varied enough that compression does not flatter anyone."""
    rng, vocabulary = random.Random(seed), VOCABULARY.split()
    return " ".join(rng.choice(vocabulary) for _ in range(words)) + f" ({seed})"


PATIENT_SAYS = text(1000, 20)


def history(count: int = 20) -> list[AnyMessage]:
    """A conversation of `count` messages (~10 KB serialized in all, with the rest of the state)."""
    return [(HumanMessage if i % 2 == 0 else AIMessage)(content=text(i), id=f"m{i}") for i in range(count)]


def conversation() -> dict[str, Any]:
    slots = [{"start": f"2026-12-0{d}T09:00:00-05:00", "practitioner": "Dr. Chen"} for d in range(1, 6)]
    patient = {"name": "Maria Garcia", "birth_date": "1985-04-12", "phone": "+15550100001"}
    return {"messages": history(), "patient": patient, "intent": "reschedule", "slots": slots}


def turn_graph(checkpointer: Saver | None) -> Any:
    """Three nodes, as one turn of the agent: understand, find slots, respond."""

    def understand(state: TurnState) -> dict[str, Any]:
        return {"intent": "reschedule"}

    def find_slots(state: TurnState) -> dict[str, Any]:
        return {"slots": conversation()["slots"]}

    def respond(state: TurnState) -> dict[str, Any]:
        return {"messages": [AIMessage(content=text(len(state["messages"])))]}

    builder = StateGraph(TurnState).add_sequence([understand, find_slots, respond])
    builder.add_edge(START, "understand")
    builder.add_edge("respond", END)
    return builder.compile(checkpointer=checkpointer)


def timing(call: Callable[[], Awaitable[object]]) -> Sample:
    async def sample() -> float:
        started = time.perf_counter()
        await call()
        return (time.perf_counter() - started) * 1000

    return sample


BLOCK = 25  # samples a saver takes in a row before the next saver's turn
WARMUP = 10  # untimed samples of each saver first: connections open, code paths warm


async def interleaved(samples: dict[str, Sample], count: int) -> dict[str, list[float]]:
    """`count` samples of each after `WARMUP` untimed ones, the savers taking turns block by block:
    whatever else loads the machine hits all alike, while each server stays warm within a block,
    as under steady traffic (one sample each in turn would time every call against a server just
    woken up)."""
    for sample in samples.values():
        for _ in range(WARMUP):
            await sample()
    taken: dict[str, list[float]] = {name: [] for name in samples}
    for start in range(0, count, BLOCK):
        for name, sample in samples.items():
            taken[name] += [await sample() for _ in range(min(BLOCK, count - start))]
    return taken


def micro(saver: Saver) -> dict[str, Sample]:
    """Samplers on one thread of its own: aput of the 10 KB conversation whose messages change each
    time (its other channels keep their versions), aget_tuple of the latest, alist(limit=10)."""
    values = conversation()
    thread: RunnableConfig = {
        "configurable": {"thread_id": f"micro-{secrets.token_hex(4)}", "checkpoint_ns": ""}
    }
    versions: ChannelVersions = {k: saver.get_next_version(None, None) for k in values}
    config, new_versions = thread, dict(versions)

    async def put() -> None:
        nonlocal config, new_versions
        checkpoint = empty_checkpoint()
        checkpoint["channel_values"] = values
        checkpoint["channel_versions"] = dict(versions)
        config = await saver.aput(config, checkpoint, {"source": "loop", "step": 1}, new_versions)
        versions["messages"] = saver.get_next_version(versions["messages"], None)
        new_versions = {"messages": versions["messages"]}

    async def list_ten() -> None:
        _ = [t async for t in saver.alist(thread, limit=10)]

    return {
        "aput": timing(put),
        "aget_tuple": timing(lambda: saver.aget_tuple(thread)),
        "alist": timing(list_ten),
    }


def turn(saver: Saver | None) -> Sample:
    """One timed turn on a new conversation that already holds 20 messages (stored untimed)."""
    graph = turn_graph(saver)

    async def sample() -> float:
        config = {"configurable": {"thread_id": f"turn-{secrets.token_hex(4)}"}}
        await graph.ainvoke(conversation(), config)
        started = time.perf_counter()
        await graph.ainvoke({"messages": [HumanMessage(content=PATIENT_SAYS)]}, config)
        return (time.perf_counter() - started) * 1000

    return sample


async def throughput(saver: Saver, sizes: Sizes) -> float:
    """Turns per second with `threads` conversations of `thread_turns` turns each at once."""
    graph = turn_graph(saver)

    async def talk() -> None:
        config = {"configurable": {"thread_id": f"many-{secrets.token_hex(4)}"}}
        await graph.ainvoke(conversation(), config)
        for _ in range(sizes.thread_turns - 1):
            await graph.ainvoke({"messages": [HumanMessage(content=PATIENT_SAYS)]}, config)

    started = time.perf_counter()
    await asyncio.gather(*(talk() for _ in range(sizes.threads)))
    return sizes.threads * sizes.thread_turns / (time.perf_counter() - started)


async def footprint(saver: Saver, sizes: Sizes, measure: Measure) -> tuple[int, int | None]:
    """Bytes one conversation holds after `long_turns` turns, and after `aprune` (None: unsupported)."""
    graph = turn_graph(saver)
    thread_id = f"long-{secrets.token_hex(4)}"
    config = {"configurable": {"thread_id": thread_id}}
    await graph.ainvoke(conversation(), config)
    for _ in range(sizes.long_turns - 1):
        await graph.ainvoke({"messages": [HumanMessage(content=PATIENT_SAYS)]}, config)
    held = await measure(thread_id)
    try:
        await saver.aprune([thread_id], strategy="keep_latest")
    except NotImplementedError:
        return held, None
    return held, await measure(thread_id)


@dataclass(frozen=True)
class Contender:
    name: str
    open: Callable[[], AbstractAsyncContextManager[tuple[Saver, Measure]]]


async def redis_bytes(client: AsyncRedis, pattern: str) -> int:
    """MEMORY USAGE of every key matching, counting every field (not the default sample of 5)."""
    return sum([await client.memory_usage(k, samples=0) or 0 async for k in client.scan_iter(match=pattern)])


async def wipe(client: AsyncRedis, pattern: str) -> None:
    async for key in client.scan_iter(match=pattern, count=1000):
        await client.unlink(key)


def ours(redis_url: str, *, encrypted: bool, name: str | None = None) -> Contender:
    @asynccontextmanager
    async def open_() -> AsyncIterator[tuple[Saver, Measure]]:
        prefix = f"bench:ckpt:{secrets.token_hex(4)}"
        key = secrets.token_bytes(32) if encrypted else None
        async with AsyncRedisSaver.from_conn_string(redis_url, prefix=prefix, encryption_key=key) as saver:
            try:
                yield saver, lambda t: redis_bytes(saver.client, f"{prefix}:{{{t}}}:*")
            finally:
                await wipe(saver.client, f"{prefix}:*")

    return Contender(name or (US_AES if encrypted else US), open_)


# Bytes of one thread's rows as stored (after TOAST compression), without index overhead.
PG_THREAD_BYTES = "SELECT coalesce(sum(pg_column_size(t.*)), 0) AS n FROM {} t WHERE thread_id = %s"


def postgres(postgres_url: str) -> Contender:
    from langgraph.checkpoint.postgres.aio import AsyncPostgresSaver
    from psycopg import sql
    from psycopg.rows import dict_row
    from psycopg_pool import AsyncConnectionPool

    url = make_url(postgres_url).set(database="prm_bench_checkpoint").render_as_string(hide_password=False)

    @asynccontextmanager
    async def open_() -> AsyncIterator[tuple[Saver, Measure]]:
        await asyncio.to_thread(drop_database, url)
        await asyncio.to_thread(create_database, url)
        kwargs = {"autocommit": True, "prepare_threshold": 0, "row_factory": dict_row}
        pool = AsyncConnectionPool(libpq_url(url), max_size=20, kwargs=kwargs, open=False)
        await pool.open()
        saver = AsyncPostgresSaver(pool)  # type: ignore[arg-type]
        await saver.setup()

        async def measure(thread_id: str) -> int:
            total = 0
            async with pool.connection() as conn:
                for table in ("checkpoints", "checkpoint_blobs", "checkpoint_writes"):
                    query = sql.SQL(PG_THREAD_BYTES).format(sql.Identifier(table))
                    row = await (await conn.execute(query, (thread_id,))).fetchone()
                    total += int(row["n"])  # type: ignore[index, call-overload]
            return total

        try:
            yield saver, measure
        finally:
            await pool.close()
            await asyncio.to_thread(drop_database, url)

    return Contender(PG, open_)


def memory() -> Contender:
    @asynccontextmanager
    async def open_() -> AsyncIterator[tuple[Saver, Measure]]:
        saver = InMemorySaver()
        yield saver, lambda t: memory_bytes(saver, t)

    return Contender(MEMORY, open_)


async def memory_bytes(saver: InMemorySaver, thread_id: str) -> int:
    """An InMemorySaver thread's serialized bytes, without Python's overhead."""
    namespaces = saver.storage[thread_id].values()
    stored = [len(c[1]) + len(m[1]) for ns in namespaces for c, m, _ in ns.values()]
    stored += [len(v[1]) for k, v in saver.blobs.items() if k[0] == thread_id]
    writes = [ws.values() for k, ws in saver.writes.items() if k[0] == thread_id]
    return sum(stored) + sum(len(w[2][1]) for ws in writes for w in ws)


def round_trip_floor(redis_url: str) -> Contender:
    @asynccontextmanager
    async def open_() -> AsyncIterator[tuple[Saver, Measure]]:
        async with open_floor(redis_url) as saver:
            yield saver, lambda t: memory_bytes(saver, t)

    return Contender(FLOOR, open_)


def plainredis(redis_url: str) -> Contender | None:
    try:
        from langgraph_checkpoint_plainredis import AsyncRedisSaver as PlainSaver
    except ImportError:
        return None

    @asynccontextmanager
    async def open_() -> AsyncIterator[tuple[Saver, Measure]]:
        prefix = f"bench:plain:{secrets.token_hex(4)}"
        client = Redis(connection_pool=BlockingConnectionPool.from_url(redis_url, max_connections=50))
        saver = PlainSaver(client, prefix=prefix)  # the same pool as ours gets
        try:
            yield saver, lambda t: redis_bytes(client, f"{prefix}:*:{t}:*")
        finally:
            await wipe(client, f"{prefix}:*")
            await client.aclose()

    return Contender(PLAIN, open_)


def contenders(redis_url: str, postgres_url: str, cluster_url: str | None = None) -> list[Contender]:
    found = [ours(redis_url, encrypted=False), ours(redis_url, encrypted=True), postgres(postgres_url)]
    if cluster_url is not None:
        found.append(ours(cluster_url, encrypted=False, name=US_CLUSTER))
    extra = (memory(), round_trip_floor(redis_url), plainredis(redis_url))
    return [c for c in (*found, *extra) if c is not None]


def percentiles(name: str, ms: list[float]) -> dict[str, float]:
    return {f"{name}_p50_ms": statistics.median(ms), f"{name}_p95_ms": percentile(ms, 95) or 0.0}


async def run(
    redis_url: str,
    postgres_url: str,
    *,
    quick: bool = False,
    sizes: Sizes | None = None,
    cluster_url: str | None = None,
) -> list[dict[str, Any]]:
    """One row per saver, all open at once so their latency samples can be interleaved; with
    `cluster_url` (`redis+cluster://`) a row for ours on that cluster too."""
    sizes = sizes or (QUICK if quick else FULL)
    async with AsyncExitStack() as stack:
        savers = contenders(redis_url, postgres_url, cluster_url)
        opened = {c.name: await stack.enter_async_context(c.open()) for c in savers}
        rows: dict[str, dict[str, Any]] = {name: {"saver": name} for name in opened}
        samplers = {name: micro(saver) for name, (saver, _) in opened.items()}
        for op in ("aput", "aget_tuple", "alist"):  # in this order: the reads need the puts
            taken = await interleaved({name: s[op] for name, s in samplers.items()}, sizes.samples)
            for name, ms in taken.items():
                rows[name] |= percentiles(op, ms)
        turns = {name: turn(saver) for name, (saver, _) in opened.items()}
        taken = await interleaved(turns | {"": turn(None)}, sizes.turns)  # "": no checkpointer
        baseline = statistics.median(taken.pop(""))
        for name, ms in taken.items():
            rows[name] |= percentiles("turn", ms) | {"turn_overhead_ms": statistics.median(ms) - baseline}
        for name, (saver, measure) in opened.items():
            rows[name]["turns_per_s"] = await throughput(saver, sizes)
            rows[name]["bytes_held"], rows[name]["bytes_pruned"] = await footprint(saver, sizes, measure)
    return list(rows.values())


__all__ = ["render", "run"]
