"""The demo clinic seed: idempotent, the contract's slot rules in clinic time, the demo patients,
journeys and a knowledge base that answers the parking question in both languages.

The clinic is seeded in a database of its own (the seed looks rows up by name, and other tests'
practitioners must not count). `NOW` is a Monday a week before the US spring-forward, so the
60 days cross a daylight-saving change.
"""

from __future__ import annotations

import hashlib
import secrets
from collections import Counter
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, make_url, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from api.runtime import Runtime, ServerUrls, open_runtime
from api.seeding import ingest_paths, seed_demo
from store.database import create_database, drop_database
from store.demo import clinic as demo
from store.demo.seed import SeedReport
from store.errors import InvalidInput
from store.journeys import service as journeys
from store.knowledge import service as knowledge
from store.knowledge.embeddings import Embedder
from store.knowledge.files import collect_files
from store.knowledge.models import KnowledgeDocument
from store.migrate import upgrade
from store.models import Base
from store.patients.models import Patient
from store.scheduling.models import Appointment, AppointmentStatus, Practitioner, Slot, SlotStatus

NOW = datetime(2026, 3, 2, 10, 0)  # naive: clinic wall-clock time


@dataclass
class Seeded:
    runtime: Runtime
    tz: ZoneInfo
    now: datetime
    first: SeedReport
    second: SeedReport
    counts_after_first: dict[str, int]
    counts_after_second: dict[str, int]


async def table_counts(session: AsyncSession) -> dict[str, int]:
    counts = {}
    for name in sorted(Base.metadata.tables):
        counts[name] = await session.scalar(text(f'SELECT count(*) FROM "{name}"')) or 0
    return counts


async def open_seed_runtime(url: str, settings: Any, redis_url: str, embedder: Embedder) -> Any:
    upgrade(url)
    return open_runtime(settings, ServerUrls(url, redis_url), embedder=embedder)


@pytest.fixture(scope="module")
async def seeded(
    server_database_url: str, settings: Any, redis_url: str, embedder: Embedder
) -> AsyncIterator[Seeded]:
    url = make_url(server_database_url).set(database=f"prm_test_seed_{secrets.token_hex(4)}")
    rendered = url.render_as_string(hide_password=False)
    create_database(rendered)
    try:
        async with await open_seed_runtime(rendered, settings, redis_url, embedder) as runtime:
            first = await seed_demo(runtime, now=NOW)
            async with runtime.sessions() as session:
                after_first = await table_counts(session)
            second = await seed_demo(runtime, now=NOW)
            async with runtime.sessions() as session:
                after_second = await table_counts(session)
            tz = runtime.settings.clinic.tz
            yield Seeded(runtime, tz, NOW.replace(tzinfo=tz), first, second, after_first, after_second)
    finally:
        drop_database(rendered)


async def slot_rows(seeded: Seeded) -> list[Any]:
    async with seeded.runtime.sessions() as session:
        return list((await session.execute(select(Slot.start_at, Slot.end_at, Slot.status, Slot.id))).all())


async def test_seeding_twice_changes_nothing(seeded: Seeded) -> None:
    assert seeded.counts_after_first == seeded.counts_after_second
    assert seeded.first.slots_added > 0 and seeded.first.appointments_added > 0
    assert seeded.first.patients_added == len(demo.PATIENTS) + len(demo.BOOKERS)
    assert (seeded.first.journeys_added, seeded.first.documents["ingested"]) == (3, len(demo_documents()))
    second = seeded.second
    assert (second.slots_added, second.appointments_added, second.patients_added, second.journeys_added) == (
        0,
        0,
        0,
        0,
    )
    assert second.documents == {"ingested": 0, "unchanged": len(demo_documents())}
    assert seeded.counts_after_first["locations"] == 1
    assert seeded.counts_after_first["slots"] == seeded.first.slots_added


def demo_documents() -> list[Path]:
    import store.demo.documents

    return sorted(Path(store.demo.documents.__file__).parent.glob("*.md"))


async def test_slots_are_weekday_half_hours_from_nine_to_five_without_lunch(seeded: Seeded) -> None:
    rows = await slot_rows(seeded)
    local = [(start.astimezone(seeded.tz), end.astimezone(seeded.tz)) for start, end, _, _ in rows]
    assert all(start.weekday() < 5 for start, _ in local)
    assert all(time(9) <= start.time() and end.time() <= time(17) for start, end in local)
    assert all(end - start == timedelta(minutes=30) for start, end in local)
    assert not [s for s, e in local if s.time() < time(13) and e.time() > time(12)]
    per_day = Counter(start.date() for start, _ in local)
    full_days = sorted(per_day)[1:-1]  # the first and last days are cut by `now`
    assert {per_day[day] for day in full_days} == {14 * len(demo.PRACTITIONERS)}  # 16 half hours - lunch


async def test_slots_cover_exactly_the_60_days_after_now_across_dst(seeded: Seeded) -> None:
    rows = await slot_rows(seeded)
    starts = sorted(start for start, _, _, _ in rows)
    end = seeded.now + timedelta(days=60)
    assert seeded.now <= starts[0] and starts[-1] < end
    weekdays = {
        (seeded.now + timedelta(days=d)).date()
        for d in range(61)
        if (seeded.now + timedelta(days=d)).weekday() < 5
    }
    today_after_now = seeded.now.time() < time(16, 30)
    expected_days = {d for d in weekdays if d != seeded.now.date() or today_after_now}
    expected_days = {d for d in expected_days if datetime.combine(d, time(9), seeded.tz) < end}
    expected_days = {d for d in expected_days if not demo.closed_on(d)}
    assert {s.astimezone(seeded.tz).date() for s in starts} == expected_days
    offsets = {s.astimezone(seeded.tz).utcoffset() for s in starts}
    if seeded.tz.key == "America/New_York":
        assert offsets == {timedelta(hours=-5), timedelta(hours=-4)}  # EST, then EDT from 8 March


async def test_about_a_fifth_is_booked_with_one_booked_appointment_each(seeded: Seeded) -> None:
    rows = await slot_rows(seeded)
    busy = {slot_id for _, _, status, slot_id in rows if status == SlotStatus.BUSY}
    assert 0.15 <= len(busy) / len(rows) <= 0.25
    async with seeded.runtime.sessions() as session:
        appointments = list(await session.scalars(select(Appointment)))
        bookers = set(await session.scalars(select(Patient.phone).join(Appointment)))
    assert all(a.status == AppointmentStatus.BOOKED for a in appointments)
    assert {a.slot_id for a in appointments} == busy and len(appointments) == len(busy)
    assert bookers <= {p.phone for p in demo.BOOKERS} and len(bookers) > 1
    assert not bookers & {p.phone for p in demo.PATIENTS}


async def test_five_specialties_with_at_least_two_practitioners_each(seeded: Seeded) -> None:
    async with seeded.runtime.sessions() as session:
        counts = dict(
            (
                await session.execute(
                    select(Practitioner.specialty, func.count()).group_by(Practitioner.specialty)
                )
            ).all()
        )
    assert set(counts) >= {"family-medicine", "cardiology", "dermatology", "pediatrics", "orthopedics"}
    assert min(counts.values()) >= 2


async def test_the_three_demo_patients(seeded: Seeded) -> None:
    async with seeded.runtime.sessions() as session:
        found = {
            p.phone: (p.full_name, p.birth_date.isoformat(), p.preferred_language.value)
            for p in await session.scalars(select(Patient).where(Patient.phone.like("+155501000%")))
        }
    assert found == {
        "+15550100001": ("Maria Garcia", "1985-04-12", "en"),
        "+15550100002": ("James Smith", "1979-11-03", "en"),
        "+15550100003": ("Ana Rodriguez", "1992-07-21", "es"),
    }


async def test_journey_definitions(seeded: Seeded) -> None:
    async with seeded.runtime.sessions() as session:
        onboarding = await journeys.get_definition(session, key="new-patient-onboarding")
        follow_up = await journeys.get_definition(session, key="post-visit-follow-up")
        reminder = await journeys.get_definition(session, key="appointment-reminder")
    stages = {s.key: s for s in onboarding.stages}
    assert [s.key for s in onboarding.stages] == ["intake", "first-visit", "first-visit-booked"]
    assert stages["intake"].asks == ["insurance", "allergies", "medications"]
    assert stages["intake"].actions[0]["template"] == "onboarding_welcome"  # sent with the first question
    assert stages["first-visit"].advance_on == "appointment.booked"
    check_in = follow_up.stages[0].actions[0]
    assert (check_in["offset_minutes"], check_in["anchor"]) == (24 * 60, "stage_entered")
    assert reminder.trigger == "appointment.booked"
    assert reminder.stages[0].actions[0] | {"template": "-"} == {
        "kind": "send_message",
        "template": "-",
        "offset_minutes": -24 * 60,
        "anchor": "appointment_start",
    }


@pytest.mark.parametrize("query", ["can I park at the clinic?", "¿dónde puedo estacionar?"])
async def test_the_seeded_knowledge_base_answers_parking(seeded: Seeded, query: str) -> None:
    async with seeded.runtime.sessions() as session, session.begin():
        documents, total = await knowledge.get_documents(session)
        hits = await knowledge.search(session, embedder=seeded.runtime.embedder, query=query, k=3)
    assert total >= 12 and all(d.source.startswith("demo/") for d in documents)
    assert hits[0].source == "demo/address-and-parking.md"
    assert hits[0].title == "Address, Directions and Parking"


class HashEmbedder:
    """Unit vectors from a hash of the text: this test is about slots, not about meaning."""

    dim = 384

    async def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [await self.embed_query(t) for t in texts]

    async def embed_query(self, text: str) -> list[float]:
        seed = int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big")
        vector = [((seed >> (i % 60)) & 0xFF) - 127.5 for i in range(self.dim)]
        norm = sum(v * v for v in vector) ** 0.5
        return [v / norm for v in vector]


async def test_a_later_now_extends_the_slots_and_keeps_the_past_ones(
    make_database: Callable[[], str], settings: Any, redis_url: str
) -> None:
    async with await open_seed_runtime(make_database(), settings, redis_url, HashEmbedder()) as runtime:
        tz = runtime.settings.clinic.tz
        first_now = datetime(2026, 6, 1, 8, 0, tzinfo=tz)
        later = first_now + timedelta(days=20)
        await seed_demo(runtime, now=first_now)
        async with runtime.sessions() as session:
            before = set((await session.execute(select(Slot.id, Slot.start_at, Slot.status))).all())
        report = await seed_demo(runtime, now=later.astimezone(ZoneInfo("UTC")))  # any offset works
        async with runtime.sessions() as session:
            after = set((await session.execute(select(Slot.id, Slot.start_at, Slot.status))).all())
    added = after - before
    assert before <= after and len(added) == report.slots_added > 0
    assert min(start for _, start, _ in added) >= first_now + timedelta(days=60)
    assert max(start for _, start, _ in added) >= later + timedelta(days=59)
    assert max(start for _, start, _ in added) < later + timedelta(days=60)


@pytest.fixture
def documents_folder(tmp_path: Path) -> Path:
    """kb/a.md, kb/nested/b.txt (no heading), kb/ignored.pdf and c.md, with unique titles."""
    root = tmp_path.resolve()
    (root / "kb" / "nested").mkdir(parents=True)
    (root / "kb" / "a.md").write_text(
        f"# Lockers {secrets.token_hex(4)}\n\nLockers are on the ground floor.\n"
    )
    (root / "kb" / "nested" / "b.txt").write_text(f"Umbrella stand {secrets.token_hex(4)} at the door.\n")
    (root / "kb" / "ignored.pdf").write_bytes(b"%PDF")
    (root / "c.md").write_text(f"# Wi-Fi {secrets.token_hex(4)}\n\nGuest Wi-Fi: RiversideGuest.\n")
    return root


async def test_ingest_paths_takes_files_and_folders_and_refuses_others(
    runtime: Runtime, documents_folder: Path
) -> None:
    folder, single = documents_folder / "kb", documents_folder / "c.md"
    report = await ingest_paths(runtime, [folder, single, folder / "a.md"])
    assert (report.ingested, report.unchanged, report.chunks) == (3, 0, 3)
    again = await ingest_paths(runtime, [folder, single])
    assert (again.ingested, again.unchanged) == (0, 3)
    async with runtime.sessions() as session, session.begin():
        query = select(KnowledgeDocument).where(
            KnowledgeDocument.source.like(f"{documents_folder.as_uri()}%")
        )
        mine = list(await session.scalars(query))
        titles = {Path(d.source).name: d.title for d in mine}
        for document in mine:  # the session database is shared: leave no documents behind
            await knowledge.delete(session, document_id=document.id)
    assert titles["b.txt"] == "B" and titles["a.md"].startswith("Lockers ") and len(titles) == 3

    with pytest.raises(InvalidInput, match=r"not a \.md or \.txt"):
        collect_files([folder / "ignored.pdf"])
    with pytest.raises(InvalidInput, match="does not exist"):
        collect_files([documents_folder / "missing.md"])
