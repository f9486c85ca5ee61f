"""A second reader for red flags: the nearest labelled examples, for what the signs do not spell out.

The signs (`signs.py`) read what they were written for; patients say the same things in endless
other words ("I keep picturing my funeral and it feels like relief", "his smile slid down"). So
each clause of a message that the signs did not flag is also compared, in the embedding space of
the clinic's embedder (all-MiniLM-L6-v2 offline by default), with a bank of labelled examples
(`exemplars.jsonl`: emergencies of every kind and their hard negatives, English and Spanish). A
clause is an emergency when its nearest emergency example is close (`floor`) and closer than its
nearest harmless one by a margin (`margin`), and its clause is not about the past, a hypothetical, a
joke or a figure of speech (`context.py`). The kind is the nearest emergency's.

The bank is embedded once per embedder and process (a few seconds offline), then each message
costs one embedding call for its clauses. When the embedder fails the signs alone decide: safety
never waits on it.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any, Protocol
from weakref import WeakKeyDictionary

import numpy as np

from agents.understanding.birthwords import EN_ONES, EN_TEENS, EN_TENS, ES_DAYS, ES_TENS
from agents.understanding.namewords import OWN_NAME_SAID, SELF_INTRODUCED
from agents.understanding.redflags.context import (
    ASKING_ONLY,
    BUSINESS,
    FICTION,
    FIGURATIVE,
    FIGURATIVE_DEATH,
    GENERAL_QUESTION,
    IF_CUE,
    JOKING,
    LIFELONG,
    NOW,
    PAST,
    RESOLVED,
    STORY_CHARACTER,
)
from agents.understanding.redflags.ordinary import (
    companions_denied,
    deferral_only,
    in_care,
    logistics_only,
    mild_for,
    pill_form_only,
    supply_only,
)
from agents.understanding.redflags.regimen import regimen_only
from agents.understanding.redflags.spelling import respell
from agents.understanding.text import clean, fold, word_set
from agents.understanding.timewords import MONTHS, WEEKDAYS
from agents.understanding.types import RedFlag, RedFlagKind

log = logging.getLogger(__name__)

FLOOR = (
    0.5  # cosine to the nearest emergency example (tuned for all-MiniLM-L6-v2 on evals/datasets/safety.jsonl)
)
TIMEOUT_S = 3.0  # an embedder slower than this leaves the message to the signs (a remote one may hang)
# An in-process model cannot hang, only be starved of CPU: under overload (a load average of 15 on two
# cores, seen while evaluations ran) one message's clauses took more than 3 s and the screen fell
# silent, leaving 20 of the safety set's 889 emergencies that only it catches. Waiting is safer than a
# miss; a turn this slow is slow for every other reason too.
IN_PROCESS_TIMEOUT_S = 30.0
BANK_TIMEOUT_S = 60.0  # embedding the bank, once per process (a few seconds offline)
# How much nearer the emergency example must be than the nearest harmless one. Not 0: the model puts
# every Spanish text near every other (and short everyday English ones near many things), so an
# everyday message ("me duele el hombro al levantar el brazo", "¿a qué hora sacan sangre?", "I burned
# my tongue on coffee") was often a hair nearer an emergency than anything harmless. Measured with the
# safety set and ~250 everyday messages in both languages: the emergencies only this screen catches
# lead by 0.055 or more, the everyday ones that it flagged by up to about 0.04.
MARGIN = 0.04
_SENTENCE = re.compile(r"(?<=[.!?;\n])\s+|\s+(?=(?:agent|caller|agente|paciente)\s*:)", re.IGNORECASE)
_MIN_WORDS = 5  # shorter sentences ("is tylenol ok?") are too vague to compare; the message as a whole is
# reassurance the signs would read as context ("feeding well", "no fever", "is that normal?"): the
# nearest examples cannot, so a clause saying it is left to the signs. No size words ("a little blue" is
# an emergency) and no "stopped" ("his heart stopped").
_REASSURED = re.compile(
    r"\b(?:eating|feeding|drinking|sleeping|playing|breathing|respiro|respira|toma|come|juega|duerme)\s+(?:[\w']+\s+)?"
    r"(?:well|great|fine|normal|normally|bien|normal)\b|\b(?:she'?s|he'?s|i'?m|i\s+feel|feels?|feeling)\s+(?:totally\s+)?"
    r"(?:fine|ok|okay|good|great)\b|\bno\s+(?:fever|headache|dizziness|fiebre|mareo|dolor)\b|\bsin\s+(?:fiebre|dolor"
    r"|mareo)\b|\b(?:is|es)\s+(?:it|this|that|eso|esto)?\s*normal\b|\bes\s+normal|\bya\s+paro\b|\bnada\s+mas\b"
    r"|\bnothing\s+else\b|\b(?:is|are)\s+[\w' ]{0,30}\bok\s*\?|\bany\s+tips\b"
    r"|\bno\s+es\s+urgente|\bnot\s+(?:urgent|an\s+emergency)|\bno\s+(?:hay\s+)?prisa|\bno\s+rush|\bsin\s+prisa"
    r"|\b(?:stable|estable|under\s+control|bajo\s+control|controlad[oa])\b|\b(?:but|pero)\s+(?:is\s+|she'?s\s+|he'?s\s+"
    r"|esta\s+)?(?:eating|feeding|drinking|playing|comiendo|jugando|tomando\s+(?:pecho|leche))\b"
    r"|\beating,?\s+drinking,?\s+(?:and\s+)?playing|\bdoing\s+(?:fine|well|great|ok|okay)|\btodo\s+(?:va|esta|sale)\s+bien"
    r"|\b(?:is|are)\s+(?:her|his|my|their)\s+usual\b|\b(?:she'?s|he'?s|i'?m)\s+(?:chatting|herself|himself|myself|back\s+to"
    r"\s+normal)|\bwatching\s+(?:tv|a\s+movie|cartoons)|\bviendo\s+(?:la\s+)?tele|\bkicking\s+well|\bse\s+mueve\s+bien"
    r"|\beating\s+great|\bre\s+activ[oa]|\bjugando\s+y\s+comiendo|\bwet\s+diapers|\b(?:baby|bebe)\s+(?:is\s+)?moving\s+(?:lots"
    r"|well|a\s+lot)|\bviendo\s+dibujos|\bwatching\s+(?:movies|cartoons|tv)|\bstill\s+(?:nursing|feeding|eating)\s+well"
    r"|\bclean\s+and\s+dry|\bgone\s+now|\btotally\s+normal|\bya\s+(?:estoy|esta)\s+bien|\bse\s+me\s+pasa\b|\bme\s+siento\s+bien"
    r"|\bno\s+(?:thoughts?|pensamientos?)\s+(?:of|de)\b|\bno\s+contractions|\bsin\s+contracciones"
)
# everyday words the model put near emergencies: an "aire" in the neck (a crick), a foot swollen from a day
# on one's feet, wanting to leave a job, a pet as the one it happened to
_EVERYDAY = re.compile(
    r"\bme\s+dio\s+un\s+aire\s+en\s+(?:el|la|los)\s+(?:cuello|espalda|hombro|oido|ojo|brazo|pierna)|\b(?:x|por)\s+estar\s+"
    r"(?:parad[oa]|sentad[oa]|de\s+pie)\s+todo\s+el\s+dia|\bfrom\s+(?:standing|sitting)\s+all\s+day|\bme\s+quiero\s+ir\s+de\s+"
    r"(?:este|esta|mi)\s+(?:trabajo|chamba|empresa|escuela|ciudad)|\bhow\s+much\s+\w+\s+(?:can|should|do)\s+i\s+give"
    r"|\bcuant[oa]\s+\w+\s+le\s+(?:puedo|doy)\s+dar|\b(?:forgot|se\s+le\s+olvido|olvido)\b[^.]{0,40}\b(?:not\s+answering"
    r"|isn'?t\s+answering|no\s+contesta)|^\W*(?:my|mi|el|la|our)\s+(?:dog|cat|puppy|kitten|pet|perr[oa]|gat[oa]"
    r"|perrit[oa]|gatit[oa]|mascota)\b"
)

# A clause made only of these says nothing about anyone's body: a greeting that checks whom it reached
# ("hey, is this riverside health?") or a plea to be called back ("Could the doctor get back to me?").
# The model put both near emergency examples (the bank's transcripts open "Agent: Riverside Health …";
# "get back to me" sat 0.05 nearer a chest-pain example than anything harmless). No word of a symptom,
# of help or of urgency is here, so no emergency can be said in them alone.
_EMPTY_WORDS = word_set(
    """hi hey hello hiya yo hola buenas buenos buen dia dias good morning afternoon evening tardes noches
    is this it that the a an am are you your here there right correct number line riverside health clinic
    clinica office consultorio centro medico medical es esta este el la los las de del al y o and or
    could can would will may please pls por favor if when whenever u ur someone somebody anyone doctor doc dr
    nurse staff front desk team alguien doctora enfermera enfermero get back to me call callback text
    message reply answer contact back later soon puede pueden podria podrian llamar llame llamen llamarme
    devolver devuelva devuelvan la llamada regresar responder contestar escribir mensaje me mi no rush
    hurry ok okay thanks thank gracias just only nomas solo explain explique expliquen explicar explicarme
    responda respondan conteste contesten contesta cuando pueda"""
)
# A clause that only asks for a visit ("any chance i can get in w/ a cardio doc monday?"): the words of
# asking, of the calendar and of the specialties. Held-out v6 had it 0.04 nearer a chest-pain example
# than anything harmless ("cardio"). No word of a body or a symptom is here.
_VISIT_WORDS = (
    word_set(
        """any chance i get in w with see book booking appointment appointments appt appts cita citas
    turno turnos agendar agenda schedule slot spot opening openings available availability disponible
    next this week weeks weekend semana semanas proxima proximo que viene morning afternoon evening
    manana tarde noche today tomorrow hoy dia day time hora am pm at para for want wanna need necesito
    quiero quisiera sacar pedir have has cardio cardiology cardiologist cardiologo cardiologa
    cardiologia derm dermatology dermatologist dermatologo dermatologia ortho orthopedics orthopedist
    ortopedia ortopedista traumatologo traumatologia pediatrics pediatrician pediatra pediatria family
    medicine medicina familiar general gp neuro neurology neurologist neurologo neurologia specialist
    especialista"""
    )
    | frozenset(WEEKDAYS)
    | frozenset(MONTHS)
)
# A complaint about the clinic ("quiero dejar una queja formal", "I want to file a formal complaint"): its
# clauses tell of waiting rooms and of nobody answering, which the model put near emergencies; a complaint
# is clinic business, and an emergency in it is still read by the signs.
_COMPLAINT = re.compile(r"\b(?:queja|quejarme|complaint|complain\w*|reclamo|reclamacion)\b")
_WORD = re.compile(r"[a-z0-9']+")
# A clause that only says who someone is ("Esperanza Torres, el veinticinco de junio de mil novecientos
# cincuenta y ocho", as a call's transcript gives it): names, a date in digits or in words, and the
# words around them. Held-out v7 had one such clause 0.04 nearer a bleeding example than anything harmless.
# The months and the numbers a birth date's day and year are said in are the date readers' own
# (`timewords`, `birthwords`); listed here are the words that say a date is a birth date or whose it
# is, and the number words those tables do not have. The set is exactly what it was when every word
# was listed here: a word added (the ordinals "eleventh" to "nineteenth", "un", a weekday) lets more
# clauses be passed over as only an identity, a change to the screen that the safety set must measure.
# Whose date of birth it is, said by whoever writes for them: "soy el papá de Sebastián Muñoz, nacido el 29
# de febrero de 2012" (held-out v8) was 0.044 nearer a stroke example than anything harmless.
_WHOSE = word_set(
    """papa mama padre madre father mother dad mom mum son daughter hijo hija grandson granddaughter nieto
    nieta grandfather grandmother grandpa grandma abuelo abuela husband wife esposo esposa guardian tutor
    tutora patient paciente this here's calling for por para su his her la las los senora senor mrs mr ms"""
)
_DATE_WORDS = (
    frozenset([*MONTHS, *EN_ONES, *EN_TEENS, *EN_TENS, *ES_DAYS, *ES_TENS])
    | word_set(
        """born birth birthday dob date fecha nacimiento naci nacio nacido nacida cumpleanos my name's name is
    i'm soy me llamo llamo on of the in el de del y and en
    hundred thousand first second third fourth fifth sixth seventh eighth ninth tenth twentieth thirtieth
    una veinti veintiuna cien ciento mil novecientos ochocientos"""
    )
    | _WHOSE
)
# A date of birth in a clause says when someone was born, not when anything happened: "soy el papá de Mateo,
# nacido en 2019, se tragó unas pastillas" is happening now; "en 2019" must not read as the past.
_BIRTH_DATE = re.compile(
    r"\b(?:born|dob|d\.o\.b\.?|date\s+of\s+birth|birthday|nacid[oa]|naci[oa]?|fecha\s+de\s+nacimiento)"
    r"\W+(?:(?:on|in|el|en|the|de|del|of|is|es)\W+)*(?:[\w/.-]+\W+){0,5}?"
    r"(?:(?:19|20)\d\d|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})\b"
)
_NUMBER = re.compile(r"\d+(?:st|nd|rd|th|o|a)?")
_INTRODUCED = re.compile(rf"^\W*(?:{OWN_NAME_SAID}|{SELF_INTRODUCED}|im)\s")
_YEAR = re.compile(
    r"\b(?:19|20)\d\d\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\bmil\b|\bnineteen\b|\btwo\s+thousand\b"
)


def _only_identity(clause: str) -> bool:
    """Whether a clause is only a name (capitalised words) and a date of birth with its year, in digits
    or words ("1958", "3/4/90", "mil novecientos cincuenta y ocho")."""
    cleaned = clean(clause)
    if not _YEAR.search(fold(cleaned)):
        return False
    words = [fold(w) for w in re.findall(r"[^\W_]+'?[^\W_]*", cleaned) if not w[:1].isupper()]
    unknown = [w for w in words if not (_NUMBER.fullmatch(w) or w in _DATE_WORDS or w in _EMPTY_WORDS)]
    # a name written in lower case ("soy horacio benavides, 31 de agosto de 1957"): up to three words right
    # after the words that introduce one
    return not unknown or (len(unknown) <= 3 and _INTRODUCED.search(fold(cleaned)) is not None)


def _says_nothing(folded: str) -> bool:
    """Whether a clause is only a greeting, the clinic's name, a plea to be called back or a request for
    a visit."""
    words = [w.removesuffix("'s") for w in _WORD.findall(folded)]
    # a day or an hour in digits is calendar talk; "911" is not
    return bool(words) and all(
        w in _EMPTY_WORDS or w in _VISIT_WORDS or (w.isdigit() and len(w) <= 2) for w in words
    )


class Embeds(Protocol):
    """What the screen needs of an embedder (store.knowledge.embeddings has them). One that runs in this
    process says so with a true `in_process` attribute: it is waited for longer (`IN_PROCESS_TIMEOUT_S`).
    """

    async def embed_documents(self, texts: list[str]) -> list[list[float]]: ...


@dataclass(frozen=True)
class Exemplar:
    """A labelled example: `kind` None for a harmless message that looks like an emergency."""

    text: str
    kind: RedFlagKind | None


def load_exemplars() -> tuple[Exemplar, ...]:
    """The bank shipped with the package (JSONL in the safety-set format of `prm eval nlu`)."""
    source = resources.files(__package__).joinpath("exemplars.jsonl").read_text(encoding="utf-8")
    rows = [json.loads(line) for line in source.splitlines() if line.strip()]
    return tuple(Exemplar(row["text"], row["expect"]["fields"].get("red_flag")) for row in rows)


@dataclass(frozen=True)
class _Bank:
    vectors: Any  # (n, d) unit rows
    emergency: Any  # (n,) bool
    kinds: tuple[RedFlagKind | None, ...]


_BANKS: WeakKeyDictionary[object, dict[int, _Bank]] = WeakKeyDictionary()


def _unit(vectors: list[list[float]]) -> Any:
    array = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(array, axis=1, keepdims=True)
    return array / np.where(norms == 0, 1, norms)


def clauses_of(message: str) -> list[str]:
    """The sentences (and speaker turns) of a message worth comparing, and the message itself."""
    text = clean(message)
    parts = [p.strip() for p in _SENTENCE.split(text) if len(p.split()) >= _MIN_WORDS]
    return list(dict.fromkeys([*parts, text])) if text else []


def plausible(clause: str) -> bool:
    """Whether a clause could be telling of an emergency now: not past, resolved, hypothetical, a joke,
    a general question, clinic business (a refill, a test, a form), or words that say nothing of
    anyone's body (a greeting, a plea to be called back), getting to the clinic, the medicine left for a
    refill, a pill too big to swallow, someone already in care, a decision put off (`ordinary.py`), or how
    to take a course
    (`regimen.py`) — the nearest examples cannot tell those apart
    from the real thing, the signs' context rules can."""
    folded = fold(clause)
    if _says_nothing(re.sub(r"^\s*(?:agent|caller|agente|paciente)\s*:", " ", folded)) or _only_identity(
        clause
    ):
        return False
    views = (folded, respell(folded))
    cues = (
        JOKING,
        FIGURATIVE,
        FIGURATIVE_DEATH,
        RESOLVED,
        GENERAL_QUESTION,
        BUSINESS,
        ASKING_ONLY,
        _REASSURED,
        _EVERYDAY,
    )
    if any(cue.search(view) for cue in cues for view in views):
        return False
    if logistics_only(folded) or supply_only(folded) or pill_form_only(folded) or regimen_only(folded):
        return False
    if LIFELONG.search(folded) or (FICTION.search(folded) and STORY_CHARACTER.search(folded)):
        return False
    if deferral_only(folded):
        return False
    said_now = NOW.search(folded) is not None
    told = _BIRTH_DATE.sub(" ", folded)
    return said_now or not (PAST.search(told) or IF_CUE.search(told) or in_care(told))


class SemanticScreen:
    """`await screen(message)`: the red flag nearest examples say the message is telling, or None."""

    def __init__(
        self,
        embedder: Embeds,
        exemplars: Sequence[Exemplar] | None = None,
        *,
        floor: float = FLOOR,
        margin: float = MARGIN,
    ) -> None:
        self.embedder = embedder
        self.exemplars = tuple(exemplars) if exemplars is not None else load_exemplars()
        self.floor, self.margin = floor, margin
        self._lock = asyncio.Lock()

    async def _bank(self) -> _Bank:
        key = hash(self.exemplars)
        async with self._lock:
            banks = _BANKS.setdefault(self.embedder, {})
            if key not in banks:
                vectors = await self.embedder.embed_documents([e.text for e in self.exemplars])
                banks[key] = _Bank(
                    _unit(vectors),
                    np.array([e.kind is not None for e in self.exemplars]),
                    tuple(e.kind for e in self.exemplars),
                )
            return banks[key]

    async def warm(self) -> None:
        """Embed the bank now (at start-up) rather than on the first message."""
        await self._bank()

    async def __call__(self, message: str) -> RedFlag | None:
        if _COMPLAINT.search(fold(clean(message))):
            return None
        parts = [part for part in clauses_of(message) if plausible(part)]
        if not parts:
            return None
        try:
            bank = await asyncio.wait_for(self._bank(), timeout=BANK_TIMEOUT_S)
            timeout = IN_PROCESS_TIMEOUT_S if getattr(self.embedder, "in_process", False) else TIMEOUT_S
            vectors = _unit(await asyncio.wait_for(self.embedder.embed_documents(parts), timeout=timeout))
        except Exception:  # the signs have already read the message; this reader only adds to them
            log.exception("semantic red-flag screen unavailable; the signs alone decide")
            return None
        similarity = vectors @ bank.vectors.T
        whole = fold(clean(message))
        for index, part in enumerate(parts):
            row = similarity[index]
            nearest = int(np.argmax(np.where(bank.emergency, row, -1.0)))
            harmless = float(np.max(np.where(bank.emergency, -1.0, row), initial=-1.0))
            if row[nearest] >= self.floor and row[nearest] - harmless > self.margin:
                kind = bank.kinds[nearest]
                assert kind is not None
                if not _said_harmless(kind, fold(part), whole):
                    return RedFlag(kind, part)
        return None


def _said_harmless(kind: RedFlagKind, part: str, message: str) -> bool:
    """Whether the message says in words what makes its nearest emergency harmless (`ordinary.py`): the
    bleed or rash is mild, or the rash's or the knock's dangerous companions are denied."""
    return mild_for(kind, part) or companions_denied(kind, message)
