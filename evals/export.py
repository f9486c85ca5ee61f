"""Annotated turns → regression scenarios (`prm eval export --annotated`, the console's download).

A turn that staff marked good or bad, with what should have happened, becomes one scenario: the
patient's messages of every agent turn up to and including that one, replayed from the instant the
conversation began, expecting what the annotation says. Real conversations hold PHI, so the patient
is disguised: phones, the patient's name (and any name and birth date the agent read while
identifying them) and birth dates are replaced, in every format they were written in, by a
synthetic identity derived from the annotation (the same export twice gives the same file).

What a replay cannot bring back: data the conversation relied on beyond the demo clinic (an
appointment booked weeks earlier, a clinic's own practitioners) and what staff wrote by hand.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

import phonenumbers
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from agents.understanding.identity import birth_dates_in
from agents.understanding.language import detect_language
from evals.dataset import DEFAULT_MAX_TURNS, Expect, Scenario
from store.conversations.models import VOICE_CALL, Channel, Direction, Message
from store.patients.models import Patient
from store.traces import annotations as annotated_turns
from store.traces.models import Trace, TraceAnnotation

log = logging.getLogger(__name__)
MAX_TURNS = 100  # the dataset format's bound on `max_turns`
ATTACHMENT = re.compile(r"\s*\[attachment: [^\]]+\]")  # what an image or a PDF adds to a turn's text
GIVEN = ("Avery", "Jordan", "Noa", "Lucía", "Mateo", "Priya", "Tomás", "Elena", "Samir", "Iris", "Diego",
         "Wren")  # fmt: skip
FAMILY = ("Lindqvist", "Okafor", "Varela", "Nakamura", "Brennan", "Quispe", "Haddad", "Moreau", "Castillo",
          "Ivers")  # fmt: skip
MONTHS_EN = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
             "october", "november", "december")  # fmt: skip
MONTHS_ES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
             "octubre", "noviembre", "diciembre")  # fmt: skip
ACCENTED = {  # a base letter and the accented letters patients type for it (or leave out)
    "a": "aáàâäãåą", "e": "eéèêëę", "i": "iíìîï", "o": "oóòôöõøő", "u": "uúùûüű", "n": "nñń",
    "c": "cçć", "s": "sśš", "z": "zźżž", "y": "yýÿ", "l": "lł",
}  # fmt: skip


@dataclass(frozen=True)
class Identity:
    given: str
    family: str
    birth_date: dt.date
    phone: str


def synthetic_identity(seed: str, *, avoid: Iterable[dt.date] = ()) -> Identity:
    """A made-up person, the same for the same seed: a fictional 555 number, a name, a birth date.
    The birth date is never in the year of a real one in `avoid`: one year in sixty it was, and the
    real year then stayed in the export beside the fake day."""
    digest = hashlib.sha256(seed.encode()).digest()
    number = int.from_bytes(digest[:4], "big")
    birth = dt.date(1945, 1, 1) + dt.timedelta(days=number % (60 * 365))
    taken = {day.year for day in avoid}
    while birth.year in taken:
        birth += dt.timedelta(days=366)
    return Identity(
        given=GIVEN[digest[4] % len(GIVEN)],
        family=FAMILY[digest[5] % len(FAMILY)],
        birth_date=birth,
        phone=f"+1555019{number % 10_000:04d}",
    )


def _date_forms() -> list[Callable[[dt.date], str]]:
    """The ways a birth date is commonly written, each a function so the fake is written the same way."""

    def en(d: dt.date) -> str:
        return MONTHS_EN[d.month - 1]

    def es(d: dt.date) -> str:
        return MONTHS_ES[d.month - 1]

    return [
        lambda d: d.isoformat(),
        lambda d: f"{d.month:02d}/{d.day:02d}/{d.year}",
        lambda d: f"{d.month}/{d.day}/{d.year}",
        lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",
        lambda d: f"{d.day}/{d.month}/{d.year}",
        lambda d: f"{d.day:02d}-{d.month:02d}-{d.year}",
        lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
        lambda d: f"{en(d)} {d.day}, {d.year}",
        lambda d: f"{en(d)} {d.day} {d.year}",
        lambda d: f"{d.day} {en(d)} {d.year}",
        lambda d: f"{en(d)[:3]} {d.day} {d.year}",
        lambda d: f"{d.day} {en(d)[:3]} {d.year}",
        lambda d: f"{d.day} de {es(d)} de {d.year}",
        lambda d: f"{d.day} {es(d)} {d.year}",
    ]


def _base(char: str) -> str:
    """The letter under any accents (`ã` → `a`), or the character itself (`ø`, `ł`, `王`)."""
    stripped = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    return (stripped or char).lower()


def _loose(word: str) -> str:
    """A pattern for `word` that ignores case and accents (María, maria, MARIA; João, Joao), and
    never drops a letter it cannot map (Søren, Łukasz, Олена stay what they are)."""
    parts = []
    for char in word:
        base = _base(char)
        family = next((k for k, v in ACCENTED.items() if base == k or char.lower() in v), None)
        parts.append(f"[{ACCENTED[family]}]" if family else re.escape(char))
    return "".join(parts)


def _name_words(full: str) -> list[str]:
    """The words of a name worth replacing: skips Latin initials ("J."), keeps one-character
    names of scripts that write them so (王)."""
    words = [w.strip(".") for w in re.split(r"[\s,]+", full)]
    return [w for w in words if len(w) > 1 or (w and not w.isascii() and w.isalpha())]


@dataclass
class Disguise:
    """Rewrites text so that the real person's phone, name and birth date never leave the clinic."""

    fake: Identity
    names: dict[str, str]  # real name word → its stand-in
    dates: list[tuple[str, str]]  # a real date as written → the fake one written the same way
    real_dates: set[dt.date]

    @classmethod
    def of(cls, fake: Identity, *, names: Iterable[str], birth_dates: Iterable[dt.date]) -> Disguise:
        words: dict[str, str] = {}
        for full in names:
            for index, part in enumerate(_name_words(full)):
                words.setdefault(part, fake.given if index == 0 else fake.family)
        real = set(birth_dates)
        dates = [(form(day), form(fake.birth_date)) for day in real for form in _date_forms()]
        return cls(fake, words, sorted(dates, key=lambda pair: -len(pair[0])), real)

    def text(self, value: str) -> str:
        for real, stand_in in self.dates:
            value = re.sub(re.escape(real), stand_in, value, flags=re.IGNORECASE)
        value = self._other_date_forms(value)
        for real, stand_in in sorted(self.names.items(), key=lambda item: -len(item[0])):
            value = re.sub(rf"(?<!\w){_loose(real)}(?!\w)", stand_in, value, flags=re.IGNORECASE)
        return self._phones(value)

    def _other_date_forms(self, value: str) -> str:
        """A real birth date in any other form the agent reads ("3/7/85", "March 7th, 1985", "7 de
        marzo del 1985"), found with the agent's own patterns, becomes the fake one (ISO)."""
        for language in ("en", "es"):
            spans = [
                (s, e) for day, s, e in birth_dates_in(value, language=language) if day in self.real_dates
            ]
            for start, end in sorted(set(spans), reverse=True):
                value = value[:start] + self.fake.birth_date.isoformat() + value[end:]
        return value

    def _phones(self, value: str) -> str:
        """Every phone number in the text becomes the synthetic one (the patient gives only their own)."""
        found = list(phonenumbers.PhoneNumberMatcher(value, "US", leniency=phonenumbers.Leniency.POSSIBLE))
        for match in reversed(found):
            value = value[: match.start] + self.fake.phone + value[match.end :]
        return value

    def value(self, item: Any) -> Any:
        """Any JSON value with its strings disguised (the voice platform's `extracted_data`)."""
        if isinstance(item, str):
            return self.text(item)
        if isinstance(item, list):
            return [self.value(v) for v in item]
        if isinstance(item, dict):
            return {k: self.value(v) for k, v in item.items()}
        return item


def _identities_read(turns: Iterable[Trace]) -> tuple[set[str], set[dt.date]]:
    """Names and birth dates the agent read from the patient (the inputs of its identity tools)."""
    names: set[str] = set()
    dates: set[dt.date] = set()
    for trace in turns:
        for step in trace.steps:
            given = step.get("input")
            if step.get("kind") != "tool" or not isinstance(given, dict):
                continue
            if isinstance(given.get("name"), str):
                names.add(given["name"])
            with contextlib.suppress(ValueError):
                dates.add(dt.date.fromisoformat(str(given.get("birth_date"))))
    return names, dates


def _what_was_said(trace: Trace, batch: list[Message]) -> str:
    """A turn's words as the agent read them (a voice note's transcript included, which its message
    body lacks), without the markers media left; the messages' bodies when the trace has none."""
    said = ATTACHMENT.sub("", trace.inbound_text).strip()
    return said or "\n".join(m.body.strip() for m in batch if m.body.strip())


def _registered_here(turns: Iterable[Trace]) -> bool:
    """Whether the agent registered the patient during these turns."""
    return any(
        step.get("kind") == "tool" and step.get("name") == "register_patient" and not step.get("error")
        for trace in turns
        for step in trace.steps
    )


async def scenario_of(session: AsyncSession, annotation: TraceAnnotation, *, tz: ZoneInfo) -> Scenario | None:
    """The scenario an annotated turn stands for (see the module's docstring); None when the patient
    said nothing a replay could say again (a turn with no message, or media alone)."""
    annotated = annotation.trace
    conversation = annotated.conversation
    turns = list(
        await session.scalars(
            select(Trace)
            .where(  # a failed attempt is traced too (outcome "error"): its retry is the turn
                Trace.conversation_id == conversation.id,
                Trace.turn <= annotated.turn,
                Trace.outcome != "error",
            )
            .order_by(Trace.turn)
        )
    )
    wanted = [uuid for trace in turns for uuid in trace.inbound_ids]
    inbound = {
        str(m.id): m
        for m in await session.scalars(
            select(Message).where(
                Message.conversation_id == conversation.id,
                Message.direction == Direction.INBOUND,
                Message.id.in_(wanted),
            )
        )
    }
    patient = await session.get(Patient, conversation.patient_id) if conversation.patient_id else None
    names, dates = _identities_read(turns)
    if patient is not None:
        names.add(f"{patient.given_name} {patient.family_name}")
        dates.add(patient.birth_date)
    fake = synthetic_identity(str(annotation.id), avoid=dates)
    disguise = Disguise.of(fake, names=names, birth_dates=dates)

    read = [(trace, [inbound[i] for i in trace.inbound_ids if i in inbound]) for trace in turns]
    read = [(trace, batch) for trace, batch in read if batch]
    if not read:
        return None
    first = min((m for _, batch in read for m in batch), key=lambda m: m.created_at)
    voice: dict[str, Any] | None = None
    if first.channel == Channel.VOICE:
        call = read.pop(0)[1][0]
        details = next((m for m in call.media if m.get("kind") == VOICE_CALL), {})
        voice = {
            "patient_phone": fake.phone,
            "transcript": disguise.text(call.body),
            "extracted_data": disguise.value(details.get("extracted_data") or {}),
            "duration_seconds": details.get("duration_seconds") or 0,
        }
    texts = [_what_was_said(trace, batch) for trace, batch in read]
    scripted = [disguise.text(text) for text in texts if text]
    if voice is None and not scripted:
        return None
    said = " ".join([voice["transcript"] if voice else "", *scripted])
    language = patient.preferred_language.value if patient is not None else detect_language(said)
    expect = disguise.value(dict(annotation.expect))  # staff may have typed the patient's name there
    expect.setdefault("max_turns", min(MAX_TURNS, max(DEFAULT_MAX_TURNS, len(scripted) + 1)))
    return Scenario.model_validate(
        {
            "id": f"annotated-{annotated.id.hex[:12]}",
            "channel": "voice" if voice else "whatsapp",
            "now": first.created_at.astimezone(tz).isoformat(),
            "language": language,
            "patient": {
                "phone": fake.phone,
                "name": f"{fake.given} {fake.family}",
                "birth_date": fake.birth_date.isoformat(),
                # registered before: known to the clinic and not registered by these turns (the
                # database's creation time and the clinic's clock need not be the same clock)
                "registered": patient is not None and not _registered_here(turns),
            },
            "turns": scripted,
            "voice": voice,
            "expect": Expect.model_validate(expect).model_dump(mode="json"),
        }
    )


async def annotated_scenarios(session: AsyncSession, *, tz: ZoneInfo) -> list[Scenario]:
    """Every annotated turn as a scenario, oldest annotation first. Turns nothing can replay are
    skipped, and so is one that cannot be written as a valid scenario (logged): one odd
    conversation must not stop the export of all the others."""
    found: list[Scenario] = []
    for annotation in await annotated_turns.get_all(session):
        try:
            scenario = await scenario_of(session, annotation, tz=tz)
        except ValidationError as error:
            log.warning("annotation %s not exported: %s", annotation.id, error.error_count())
            continue
        if scenario is not None:
            found.append(scenario)
    return found


def as_jsonl(scenarios: Iterable[Scenario]) -> str:
    return "".join(s.model_dump_json() + "\n" for s in scenarios)
