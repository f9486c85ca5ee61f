"""`prm bench checkpoint`: our Redis checkpointer against the official AsyncPostgresSaver, the
InMemorySaver floor and the third-party `langgraph-checkpoint-plainredis` (when installed).

Every saver runs the same work on the same machine: a clinic conversation of 20 messages
(about 10 KB of state) stored checkpoint by checkpoint, and full graph turns (understand, find
slots, respond) over it. Reported: p50/p95 of `aput`, `aget_tuple` and `alist`; the latency of
a turn and its overhead over the same graph with no checkpointer; turns per second with many
conversations at once; and the bytes one conversation holds after 100 turns, before and after
`prune`.
"""

from __future__ import annotations

import asyncio
import random
import secrets
import statistics
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from typing import Annotated, Any, TypedDict

from langchain_core.messages import AIMessage, AnyMessage, HumanMessage
from langchain_core.runnables import RunnableConfig
from langgraph.checkpoint.base import BaseCheckpointSaver, ChannelVersions, empty_checkpoint
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.graph import END, START, StateGraph
from langgraph.graph.message import add_messages
from redis.asyncio import BlockingConnectionPool, Redis
from rich.console import Console
from rich.table import Table
from sqlalchemy import make_url

from store.checkpoint import AsyncRedisSaver
from store.database import create_database, drop_database, libpq_url

Saver = BaseCheckpointSaver[Any]
SaverFactory = Callable[[], AbstractAsyncContextManager[Saver]]


@dataclass(frozen=True)
class Sizes:
    samples: int  # per micro-benchmark
    turns: int  # graph turns timed one by one
    threads: int  # concurrent conversations for throughput
    thread_turns: int  # turns each
    long_turns: int  # turns of the conversation whose footprint is measured


FULL = Sizes(samples=500, turns=200, threads=100, thread_turns=20, long_turns=100)
QUICK = Sizes(samples=40, turns=20, threads=10, thread_turns=5, long_turns=20)


class TurnState(TypedDict, total=False):
    messages: Annotated[list[AnyMessage], add_messages]
    patient: dict[str, str]
    intent: str
    slots: list[dict[str, str]]


WORDS = (
    "appointment",
    "cardiology",
    "follow-up",
    "morning",
    "week",
    "doctor",
    "free",
    "please",
    "remind",
    "fast",
    "blood",
    "test",
    "ordered",
    "insurance",
    "copay",
    "referral",
    "pharmacy",
    "refill",
    "prescription",
    "clinic",
    "parking",
    "Tuesday",
    "Thursday",
    "afternoon",
    "symptoms",
    "since",
    "Monday",
    "dizzy",
    "pressure",
    "medication",
    "dose",
    "results",
    "portal",
    "reschedule",
    "cancel",
    "confirm",
)


def text(seed: int, words: int = 45) -> str:
    """About 300 characters of clinic chat, varied enough that compression does not flatter anyone."""
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(words)) + f" ({seed})"


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

    builder = StateGraph(TurnState)
    builder.add_node("understand", understand)
    builder.add_node("find_slots", find_slots)
    builder.add_node("respond", respond)
    builder.add_edge(START, "understand")
    builder.add_edge("understand", "find_slots")
    builder.add_edge("find_slots", "respond")
    builder.add_edge("respond", END)
    return builder.compile(checkpointer=checkpointer)


async def timed(call: Callable[[], Awaitable[object]], samples: int) -> list[float]:
    """Milliseconds of each of `samples` sequential calls."""
    out = []
    for _ in range(samples):
        started = time.perf_counter()
        await call()
        out.append((time.perf_counter() - started) * 1000)
    return out


def p50(values: list[float]) -> float:
    return statistics.median(values)


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


async def micro(saver: Saver, sizes: Sizes) -> dict[str, float]:
    """aput of a 10 KB conversation whose messages change, then aget_tuple and alist(limit=10)."""
    values = conversation()
    thread_id = f"micro-{secrets.token_hex(4)}"
    versions: ChannelVersions = {k: saver.get_next_version(None, None) for k in values}
    config: RunnableConfig = {"configurable": {"thread_id": thread_id, "checkpoint_ns": ""}}
    new_versions = dict(versions)

    async def put() -> None:
        nonlocal config, new_versions
        checkpoint = empty_checkpoint()
        checkpoint["channel_values"] = values
        checkpoint["channel_versions"] = dict(versions)
        config = await saver.aput(config, checkpoint, {"source": "loop", "step": 1}, new_versions)
        versions["messages"] = saver.get_next_version(versions["messages"], None)
        new_versions = {"messages": versions["messages"]}

    puts = await timed(put, sizes.samples)
    latest: RunnableConfig = {"configurable": {"thread_id": thread_id, "checkpoint_ns": ""}}
    gets = await timed(lambda: saver.aget_tuple(latest), sizes.samples)

    async def list_ten() -> None:
        _ = [t async for t in saver.alist(latest, limit=10)]

    lists = await timed(list_ten, sizes.samples)
    return {
        "aput_p50_ms": p50(puts),
        "aput_p95_ms": p95(puts),
        "aget_tuple_p50_ms": p50(gets),
        "aget_tuple_p95_ms": p95(gets),
        "alist_p50_ms": p50(lists),
        "alist_p95_ms": p95(lists),
    }


async def turns(saver: Saver | None, sizes: Sizes) -> list[float]:
    """One timed turn on each of `sizes.turns` conversations already holding 20 messages."""
    graph = turn_graph(saver)
    out = []
    for _ in range(sizes.turns):
        config = {"configurable": {"thread_id": f"turn-{secrets.token_hex(4)}"}}
        await graph.ainvoke(conversation(), config)
        started = time.perf_counter()
        await graph.ainvoke({"messages": [HumanMessage(content=PATIENT_SAYS)]}, config)
        out.append((time.perf_counter() - started) * 1000)
    return out


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


async def footprint(
    saver: Saver, sizes: Sizes, measure: Callable[[str], Awaitable[int]]
) -> tuple[int, int | None]:
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


# -- the contenders ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Contender:
    name: str
    open: Callable[[], AbstractAsyncContextManager[tuple[Saver, Callable[[str], Awaitable[int]]]]]


async def redis_bytes(client: Redis, patterns: list[str]) -> int:
    total = 0
    for pattern in patterns:
        async for key in client.scan_iter(match=pattern, count=1000):
            total += await client.memory_usage(key, samples=0) or 0  # every field, not a sample
    return total


async def wipe(client: Redis, pattern: str) -> None:
    async for key in client.scan_iter(match=pattern, count=1000):
        await client.unlink(key)


def ours(redis_url: str, *, encrypted: bool) -> Contender:
    @asynccontextmanager
    async def open_() -> AsyncIterator[tuple[Saver, Callable[[str], Awaitable[int]]]]:
        prefix = f"bench:ckpt:{secrets.token_hex(4)}"
        key = secrets.token_bytes(32) if encrypted else None
        async with AsyncRedisSaver.from_conn_string(redis_url, prefix=prefix, encryption_key=key) as saver:
            try:
                yield saver, lambda t: redis_bytes(saver.client, [f"{prefix}:{{{t}}}:*"])
            finally:
                await wipe(saver.client, f"{prefix}:*")

    return Contender("redis (ours, AES)" if encrypted else "redis (ours)", open_)


# Bytes of one thread's rows as stored (after TOAST compression), without index overhead.
PG_THREAD_BYTES = "SELECT coalesce(sum(pg_column_size(t.*)), 0) AS n FROM {} t WHERE thread_id = %s"


def postgres(postgres_url: str) -> Contender:
    from langgraph.checkpoint.postgres.aio import AsyncPostgresSaver
    from psycopg import sql
    from psycopg.rows import dict_row
    from psycopg_pool import AsyncConnectionPool

    url = make_url(postgres_url).set(database="prm_bench_checkpoint").render_as_string(hide_password=False)

    @asynccontextmanager
    async def open_() -> AsyncIterator[tuple[Saver, Callable[[str], Awaitable[int]]]]:
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

    return Contender("postgres (official)", open_)


def memory() -> Contender:
    @asynccontextmanager
    async def open_() -> AsyncIterator[tuple[Saver, Callable[[str], Awaitable[int]]]]:
        saver = InMemorySaver()

        async def measure(thread_id: str) -> int:
            checkpoints = sum(
                len(c[1]) + len(m[1]) for ns in saver.storage[thread_id].values() for c, m, _ in ns.values()
            )
            blobs = sum(len(v[1]) for k, v in saver.blobs.items() if k[0] == thread_id)
            writes = sum(
                len(w[2][1]) for k, ws in saver.writes.items() if k[0] == thread_id for w in ws.values()
            )
            return checkpoints + blobs + writes

        yield saver, measure

    return Contender("memory (floor)", open_)


def plainredis(redis_url: str) -> Contender | None:
    try:
        from langgraph_checkpoint_plainredis import AsyncRedisSaver as PlainSaver
    except ImportError:
        return None

    @asynccontextmanager
    async def open_() -> AsyncIterator[tuple[Saver, Callable[[str], Awaitable[int]]]]:
        prefix = f"bench:plain:{secrets.token_hex(4)}"
        client = Redis(connection_pool=BlockingConnectionPool.from_url(redis_url, max_connections=50))
        saver = PlainSaver(client, prefix=prefix)  # the same pool as ours gets
        try:
            yield saver, lambda t: redis_bytes(client, [f"{prefix}:*:{t}:*"])
        finally:
            await wipe(client, f"{prefix}:*")
            await client.aclose()

    return Contender("plainredis 0.1.0", open_)


# -- run and render ------------------------------------------------------------------------------


async def run(redis_url: str, postgres_url: str, *, quick: bool = False) -> list[dict[str, Any]]:
    """One row per saver, plus the no-checkpointer baseline for turn latency."""
    sizes = QUICK if quick else FULL
    baseline = p50(await turns(None, sizes))
    contenders = [
        ours(redis_url, encrypted=False),
        ours(redis_url, encrypted=True),
        postgres(postgres_url),
        memory(),
        plainredis(redis_url),
    ]
    rows: list[dict[str, Any]] = []
    for contender in contenders:
        if contender is None:
            continue
        async with contender.open() as (saver, measure):
            row: dict[str, Any] = {"saver": contender.name, **await micro(saver, sizes)}
            took = await turns(saver, sizes)
            row |= {
                "turn_p50_ms": p50(took),
                "turn_p95_ms": p95(took),
                "turn_overhead_ms": p50(took) - baseline,
            }
            row["turns_per_s"] = await throughput(saver, sizes)
            row["bytes_held"], row["bytes_pruned"] = await footprint(saver, sizes, measure)
        rows.append(row)
    return rows


COLUMNS = (
    ("saver", "saver", "{}"),
    ("aput p50/p95 ms", ("aput_p50_ms", "aput_p95_ms"), "{:.2f} / {:.2f}"),
    ("aget_tuple p50/p95 ms", ("aget_tuple_p50_ms", "aget_tuple_p95_ms"), "{:.2f} / {:.2f}"),
    ("alist(10) p50/p95 ms", ("alist_p50_ms", "alist_p95_ms"), "{:.2f} / {:.2f}"),
    ("turn p50/p95 ms", ("turn_p50_ms", "turn_p95_ms"), "{:.2f} / {:.2f}"),
    ("turn overhead ms", "turn_overhead_ms", "{:.2f}"),
    ("turns/s", "turns_per_s", "{:.0f}"),
    ("bytes held", "bytes_held", "{:,}"),
    ("after prune", "bytes_pruned", "{:,}"),
)


def cell(row: dict[str, Any], keys: str | tuple[str, ...], fmt: str) -> str:
    values = [row.get(k) for k in ((keys,) if isinstance(keys, str) else keys)]
    return "n/a" if any(v is None for v in values) else fmt.format(*values)


def targets(rows: list[dict[str, Any]]) -> list[tuple[str, float, float]]:
    """(goal, measured ratio, required ratio) for the goals that the rows can answer."""
    by = {r["saver"]: r for r in rows}
    us, pg, mem, plain = (
        by.get(n) for n in ("redis (ours)", "postgres (official)", "memory (floor)", "plainredis 0.1.0")
    )
    goals = []
    if us and pg:
        goals.append(("aput p50: postgres / ours", pg["aput_p50_ms"] / us["aput_p50_ms"], 3.0))
        goals.append(
            ("aget_tuple p50: postgres / ours", pg["aget_tuple_p50_ms"] / us["aget_tuple_p50_ms"], 3.0)
        )
    if us and mem:
        goals.append(("turn p50: memory x 1.5 / ours", 1.5 * mem["turn_p50_ms"] / us["turn_p50_ms"], 1.0))
    if us and plain:
        goals.append(("turn p50: plainredis / ours", plain["turn_p50_ms"] / us["turn_p50_ms"], 1.0))
        goals.append(("aput p50: plainredis / ours", plain["aput_p50_ms"] / us["aput_p50_ms"], 1.0))
    return goals


def render(rows: list[dict[str, Any]], console: Console | None = None) -> None:
    console = console or Console()
    table = Table(title="Checkpointers: a 20-message (~10 KB) clinic conversation")
    for header, _, _ in COLUMNS:
        table.add_column(header, justify="left" if header == "saver" else "right")
    for row in rows:
        table.add_row(*(cell(row, keys, fmt) for _, keys, fmt in COLUMNS))
    console.print(table)
    for goal, ratio, required in targets(rows):
        mark = "[green]met[/green]" if ratio >= required else "[red]missed[/red]"
        console.print(f"{goal}: {ratio:.2f}x (goal >= {required:g}x) {mark}")
