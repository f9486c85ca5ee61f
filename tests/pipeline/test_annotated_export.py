"""Annotate → dataset: a real conversation, a turn marked bad in the console with what should have
happened, exported as a scenario (`prm eval export --annotated`) that `prm eval run` replays.

The conversation is played through the signed webhooks, so the traces, messages and identity the
export reads are the ones production writes. The export must not carry the contact's phone, name or
birth date in any of the forms they wrote them.
"""

from __future__ import annotations

import asyncio
import json
import re
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from api.cli import app
from evals.dataset import load_scenarios
from evals.export import Disguise, synthetic_identity
from store.auth import users
from store.auth.models import Role
from store.conversations.models import Conversation
from store.database import transaction
from store.traces.models import Trace, TraceAnnotation
from tests.pipeline.conftest import Clinic

PASSWORD = "a long enough password"


def _phone() -> str:
    return f"+1555082{uuid.uuid4().int % 10_000:04d}"


async def _console(clinic: Clinic) -> tuple[httpx.AsyncClient, str]:
    """A signed-in console client on the clinic's app, and its CSRF token."""
    email = f"rae.{uuid.uuid4().hex[:8]}@clinic.example"
    async with transaction(clinic.runtime.sessions) as session:
        await users.create(session, email=email, name="Rae Desk", role=Role.STAFF, password=PASSWORD)
    # the clinic's public URL is https, so the session cookie is Secure: speak https to the app
    transport = httpx.ASGITransport(app=clinic.http._transport.app)  # type: ignore[attr-defined]
    http = httpx.AsyncClient(transport=transport, base_url="https://clinic.example.com")
    signed = await http.post("/console/login", data={"email": email, "password": PASSWORD})
    assert signed.status_code == 303
    found = re.search(r'name="csrf" value="([^"]+)"', (await http.get("/console")).text)
    assert found is not None
    return http, found.group(1)


async def _turns(clinic: Clinic, phone: str) -> list[Trace]:
    async with clinic.runtime.sessions() as session:
        conversation = await session.scalar(select(Conversation).where(Conversation.address == phone))
        assert conversation is not None
        query = select(Trace).where(Trace.conversation_id == conversation.id).order_by(Trace.turn)
        return list(await session.scalars(query))


def test_the_fake_birth_date_is_never_in_a_real_birth_year() -> None:
    """One seed in sixty drew the real year, which then stayed in the export (make test caught 1983)."""
    import datetime as dt

    for number in range(200):
        seed = f"annotation-{number}"
        drawn = synthetic_identity(seed).birth_date
        real = [dt.date(drawn.year, 1, 22), dt.date(drawn.year + 1, 6, 1)]
        fake = synthetic_identity(seed, avoid=real).birth_date
        assert fake.year not in {day.year for day in real}, seed
        assert synthetic_identity(seed, avoid=real) == synthetic_identity(seed, avoid=real)


def test_the_disguise_replaces_every_written_form_of_the_identity() -> None:
    import datetime as dt

    fake = synthetic_identity("seed")
    assert fake == synthetic_identity("seed") and fake != synthetic_identity("another seed")
    disguise = Disguise.of(fake, names=["María José Núñez"], birth_dates=[dt.date(1983, 1, 22)])
    written = (
        "soy MARIA jose nunez, nací el 22 de enero de 1983 (22/01/1983, 1983-01-22, Jan 22 1983); "
        "mi número es (555) 082-1234 o +1 555 082 1234"
    )
    text = disguise.text(written)
    for real in ("maria", "jose", "nunez", "1983", "082"):
        assert real not in text.lower(), text
    birth = fake.birth_date
    assert birth.isoformat() in text and f"{birth.day:02d}/{birth.month:02d}/{birth.year}" in text
    assert text.count(fake.phone) == 2 and fake.given in text and fake.family in text


async def test_an_annotated_turn_exports_as_a_disguised_scenario_that_replays(
    clinic: Clinic,
    make_database: Callable[[], str],
    redis_url: str,
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    phone = _phone()
    said = [
        "Hi, I'd like a dermatology appointment next week in the morning",
        "Olga Petrova, born 22/01/1983",
    ]
    for text in said:
        reply = await clinic.whatsapp(phone, text)
        assert reply.status_code == 200
    turns = await _turns(clinic, phone)
    assert [t.turn for t in turns] == [1, 2]
    last = turns[-1]

    http, csrf = await _console(clinic)
    page = await http.get(f"/console/traces/{last.id}")
    assert page.status_code == 200 and "Annotate this turn" in page.text
    bad_date = await http.post(
        f"/console/traces/{last.id}/annotation",
        data={"csrf": csrf, "verdict": "bad", "outcome": "booked", "date": "not a date"},
    )
    assert bad_date.status_code == 422 and 'role="alert">appointment.date:' in bad_date.text
    async with clinic.runtime.sessions() as session:  # refused: shown on the page, nothing stored
        assert (
            await session.scalar(select(TraceAnnotation).where(TraceAnnotation.trace_id == last.id)) is None
        )
    saved = await http.post(
        f"/console/traces/{last.id}/annotation",
        data={
            "csrf": csrf,
            "verdict": "bad",
            "note": "should have offered morning slots straight away",
            "outcome": "booked",
            "specialty": "dermatology",
            "part_of_day": "morning",
            "reply_not_contains": "Sorry\n",
        },
    )
    assert saved.status_code == 303
    listed = await http.get("/console/annotations")
    assert "should have offered morning slots" in listed.text
    download = await http.get("/console/annotations/scenarios.jsonl")
    assert download.status_code == 200 and "attachment" in download.headers["content-disposition"]
    await http.aclose()
    async with clinic.runtime.sessions() as session:
        [annotation] = await session.scalars(
            select(TraceAnnotation).where(TraceAnnotation.trace_id == last.id)
        )
        assert (
            annotation.verdict.value == "bad"
            and annotation.author.startswith("user:rae.")
            and annotation.expect
            == {
                "outcome": "booked",
                "appointment": {"specialty": "dermatology", "part_of_day": "morning"},
                "reply_not_contains": ["Sorry"],
            }
        )

    # the CLI writes the same scenarios as the console's download (other tests may have annotated too)
    monkeypatch.setenv("DATABASE_URL", clinic.runtime.urls.database_url)
    monkeypatch.setenv("REDIS_URL", redis_url)
    monkeypatch.setenv("PRM_DATA_DIR", str(data_dir))
    monkeypatch.setenv("PRM_ENV", "test")
    monkeypatch.delenv("PRM_LLM_MODEL", raising=False)
    exported = tmp_path / "annotated.jsonl"
    result = await asyncio.to_thread(
        CliRunner().invoke,
        app,
        ["eval", "export", "--annotated", "--out", str(exported)],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert exported.read_text(encoding="utf-8") == download.text
    mine = [s for s in load_scenarios(exported) if s.id == f"annotated-{last.id.hex[:12]}"]
    [scenario] = mine
    raw = exported.read_text(encoding="utf-8")
    for real in (phone, phone[2:], "Olga", "Petrova", "22/01/1983", "1983"):
        # as a value of its own: a synthetic phone may hold the digits 1983 by chance
        assert re.search(rf"(?<![\w+]){re.escape(real)}(?!\w)", raw) is None, real
    assert scenario.channel == "whatsapp" and scenario.language == "en"
    assert scenario.patient.registered is False and scenario.patient.phone != phone
    assert scenario.turns is not None and scenario.turns[0] == said[0]
    assert scenario.turns[1] == f"{scenario.patient.name}, born {scenario.patient.birth_date:%d/%m/%Y}"
    assert scenario.expect.outcome == "booked" and scenario.expect.reply_not_contains == ["Sorry"]

    # and `prm eval run` replays it in a clinic of its own
    only_mine = tmp_path / "mine.jsonl"
    only_mine.write_text(scenario.model_dump_json() + "\n", encoding="utf-8")
    monkeypatch.setenv("DATABASE_URL", make_database())
    out = tmp_path / "report"
    played = await asyncio.to_thread(
        CliRunner().invoke,
        app,
        ["eval", "run", str(only_mine), "--out", str(out), "--model", "offline", "--concurrency", "1"],
        catch_exceptions=False,
    )
    assert played.exit_code == 0, played.output
    report: dict[str, Any] = json.loads((out / "report.json").read_text(encoding="utf-8"))
    [ran] = report["scenarios"]
    assert ran["id"] == scenario.id and ran["turns"] >= 2
    assert scenario.turns[1] in json.dumps(ran["transcript"], ensure_ascii=False)


@pytest.mark.parametrize(
    "written",
    ["3/7/85", "3-7-1985", "1985/03/07", "March 7th, 1985", "7th of March 1985", "Mar. 7, 1985",
     "7 de marzo del 1985", "07.03.1985"],
)  # fmt: skip
def test_a_birth_date_in_any_form_the_agent_reads_is_replaced(written: str) -> None:
    import datetime as dt

    fake = synthetic_identity("dates")
    disguise = Disguise.of(fake, names=[], birth_dates=[dt.date(1985, 3, 7)])
    text = disguise.text(f"born {written}, thanks")
    assert "1985" not in text and "85" not in text.replace(str(fake.birth_date.year), "")
    assert text.startswith("born ") and text.endswith(", thanks")


def test_names_in_every_script_are_replaced_and_nothing_else_is_touched() -> None:
    fake = synthetic_identity("names")
    for name in ("João Conceição", "Søren Kierkegaard", "Łukasz Żak", "Олена Шевченко", "王 小明"):
        disguise = Disguise.of(fake, names=[name], birth_dates=[])
        said = f"hi, there! it's {name.upper()} here, {name} again"
        text = disguise.text(said)
        for word in name.split():
            assert word.lower() not in text.lower(), (name, text)
        assert text.startswith("hi, there! it's ") and fake.given in text and fake.family in text
