"""Which specialty a message points to, the reason for the visit, and a practitioner named in it.

A specialist's name ("dermatologist", "pediatra") decides; otherwise a child being booked for
("my son", "mi hija") means pediatrics; otherwise the body part or complaint ("rash", "rodilla",
"check-up") maps to the specialty that treats it, and that complaint phrase becomes the reason.
Chest pain is deliberately absent: it is a red flag (safety.py), never a booking.
"""

from __future__ import annotations

import re

from agents.understanding.corrections import correction_cut
from agents.understanding.text import Text, fold, phrase_pattern, phrases, vocabulary_of, word_set
from agents.understanding.timewords import MONTHS, WEEKDAYS

_SPECIALISTS: dict[str, tuple[str, ...]] = {
    "cardiology": phrases(
        "cardiologist|cardiology|cardio|cardiólogo|cardióloga|cardiología|heart doctor|heart specialist"
        "|médico del corazón|doctor del corazón|especialista del corazón"
    ),
    "dermatology": phrases(
        "dermatologist|dermatology|derm|dermatólogo|dermatóloga|dermatología|skin doctor"
        "|skin specialist|médico de la piel|doctor de la piel|derma|dermato|derm doctor|derm doc|dermatologo"
    ),
    "pediatrics": phrases(
        "pediatrician|paediatrician|pediatrics|paediatrics|pediatric|peds|pediatra|pediatría"
        "|children's doctor|kids doctor|child doctor"
    ),
    "orthopedics": phrases(
        "orthopedist|orthopaedist|orthopedic|orthopaedic|orthopedics|orthopaedics|ortho|bone doctor"
        "|orthopedic surgeon|traumatólogo|traumatóloga|traumatología|ortopedista|ortopedia|ortopédico"
        "|ortopédica|traumato|orthopod"
    ),
    "family-medicine": phrases(
        "family doctor|family medicine|family physician|family practice|gp|general practitioner"
        "|primary care|pcp|médico general|médico de cabecera|médico de familia|medicina general"
        "|medicina familiar|doctor general|doctor de familia|doctora de familia|medico de familia"
        # the shorthand patients type: "fam med", "family med", "med general", "medicina fam"
        "|family med|fam med|fam medicine|family doc|fam doc|family dr|general medicine|general med"
        "|primary doctor|primary care doctor|regular doctor|medicina fam|med familiar|med general"
        "|médico familiar|médica familiar|médica general|médica de familia|medicina de familia"
        # the visit named by its specialty's last word: "cita de familia", "la doctora Morales, la de familia"
        "|cita de familia|consulta de familia|turno de familia|el de familia|la de familia"
        "|doctor familiar|doctora familiar|family clinic"
    ),
}
_CHILD = phrases(
    "my son|my daughter|my child|my kid|my kids|my children|my baby|my toddler|my boy|my girl"
    "|my newborn|my infant|child|kid|baby|infant|toddler|newborn|mi hijo|mi hija|mis hijos|mi niño"
    "|mi niña|mi bebé|mi nene|mi nena|niño|niña|niños|bebé|hijo|hija|recién nacido"
)
_COMPLAINTS: dict[str, tuple[str, ...]] = {
    "cardiology": phrases(
        "palpitations|heart racing|racing heart|irregular heartbeat|arrhythmia|high blood pressure"
        "|hypertension|heart murmur|heart|palpitaciones|presión alta|hipertensión|arritmia|corazón|soplo"
    ),
    "dermatology": phrases(
        "skin|rash|acne|mole|moles|eczema|psoriasis|itch|itchy|itching|hives|wart|warts|pimples"
        "|skin tag|sunburn|piel|granos|grano|acné|lunar|lunares|sarpullido|erupción|picazón|comezón"
        "|eccema|verruga|verrugas|manchas|ronchas"
    ),
    "orthopedics": phrases(
        "knee|knees|back pain|my back|lower back|upper back|shoulder|hip|ankle|wrist|elbow|joint"
        "|joints|fracture|broken bone|broken arm|broken leg|broke my|sprain|sprained|torn ligament|acl"
        "|meniscus|tendon|tendonitis|sciatica|sports injury|bone|bones|rodilla|rodillas|espalda"
        "|hombro|cadera|tobillo|muñeca|codo|articulación|articulaciones|fractura|hueso|huesos"
        "|esguince|torcedura|me torcí|lumbago|ciática"
    ),
    "family-medicine": phrases(
        "check-up|checkup|check up|physical|annual exam|annual visit|annual physical|annual"
        "|yearly exam|wellness visit|flu|cold|cough|fever|sore throat|headache|ear infection"
        "|sinus infection|blood work|chequeo|revisión|revisión general|examen físico|gripe|resfriado"
        "|resfrío|catarro|tos|fiebre|dolor de garganta|dolor de cabeza|dolor de oído|análisis"
    ),
}

_SPECIALIST_RE = {code: phrase_pattern(words) for code, words in _SPECIALISTS.items()}
_CHILD_RE = phrase_pattern(_CHILD)
_COMPLAINT_RE = {code: phrase_pattern(words) for code, words in _COMPLAINTS.items()}
VOCABULARY = vocabulary_of(
    [*_CHILD, *(w for table in (_SPECIALISTS, _COMPLAINTS) for ws in table.values() for w in ws)]
)

# Words that may open a complaint phrase ("a bad rash"), and where a complaint phrase ends.
_LEAD_IN = re.compile(
    r"(?:\b(?:my|his|her|their|mi|su|sus|bad|severe|terrible|persistent|mild|painful|sore|swollen|strange"
    r"|weird|red|fuerte|mucho|mucha|un|una|el|la|los|las|me\s+duelen?|le\s+duelen?|(?:pain|ache)\s+in"
    r"|(?:dolor|molestias?)\s+(?:de|en))\s+){1,3}$"
)
_STOP = re.compile(
    r"[,.;!?]|\s(?:and\s+i|and\s+would|i'd|i\s+would|i\s+want|could|can\s+i|can\s+you|please|next|this|"
    r"tomorrow|today|asap|on\s+(?:monday|tuesday|wednesday|thursday|friday)|appointment|y\s+quiero|"
    r"quisiera|por\s+favor|para\s+el|el\s+(?:lunes|martes|miercoles|jueves|viernes)|la\s+semana|cita|"
    r"manana|hoy|pasado|lo\s+antes|cuanto\s+antes)\b"
)
_MAX_REASON_WORDS = 8
_DANGLING = word_set("for on in at with to and or the a an my para por de en con y o a el la mi")

_TITLE = re.compile(r"\b(?:dr|dra|doctor|doctora)\b\.?\s+", re.IGNORECASE)
_NAME_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][\w'’-]*")
_NOT_A_NAME = word_set(
    """appointment appointments visit visits tomorrow today next this who about for and or the a an
    please office cita consulta mañana hoy que para por con de el la"""
)
# After a lower-case "dr", a pronoun or a verb of saying is no surname ("el dr me dijo q tenia q venir",
# "the dr said"); written with a capital ("Dr. Le") it may be one.
_SAID_AFTER = word_set("me te le lo les nos se mi su dijo dice said says told asked wants")
_CALENDAR = frozenset([*MONTHS, *WEEKDAYS])


# A specialty said only to be ruled out: "cardiology... no, sorry, not cardiology, orthopedics", "no con
# cardiología, con ortopedia", "instead of derm": not the one meant (read before `_cut`, which would
# otherwise find it again after the correction).
_DENIAL = re.compile(
    r"(?:\bnot|\binstead\s+of|\brather\s+than|\ben\s+(?:vez|lugar)\s+de|\bno\s+(?:es|con|para|en|a))"
    r"\s+(?:(?:with|to|the|an?|con|la|el|de|del|para)\s+)*$"
)


def _without_denied(source: str) -> str:
    """`source` with every specialty named only to be denied blanked, lengths kept."""
    spans = [
        m.span()
        for p in _SPECIALIST_RE.values()
        for m in p.finditer(source)
        if _DENIAL.search(source, max(0, m.start() - 30), m.start())
    ]
    for start, end in spans:
        source = source[:start] + " " * (end - start) + source[end:]
    return source


def find_specialty(text: Text) -> str | None:
    """The clinic specialty code the message points to, or None; the last one named when the
    patient corrected themselves ("pediatría... no, con medicina familiar"). Only a specialty or a
    child named again after the correction counts as one: "pediatrics for my son, no, he has no
    fever" still means pediatrics. One said only to be denied ("not cardiology") is not meant."""
    source = _without_denied(text.corrected)
    return _specialty_in(source[_cut(source) :])


def _cut(source: str) -> int:
    """Where the specialty still meant is said (0 when none was taken back)."""
    named = [m.start() for p in (*_SPECIALIST_RE.values(), _CHILD_RE) for m in p.finditer(source)]
    said = named + [m.start() for p in _COMPLAINT_RE.values() for m in p.finditer(source)]
    return correction_cut(source, said, named)


def named_specialty(text: Text) -> str | None:
    """The one specialty named outright ("la dermatóloga", "a cardiologist"; not one guessed from a
    complaint or a child) in the words still meant after any self-correction; None when none or
    several are named."""
    source = _without_denied(text.corrected)
    source = source[_cut(source) :]
    named = {code for code, pattern in _SPECIALIST_RE.items() if pattern.search(source)}
    return named.pop() if len(named) == 1 else None


def names_specialty(text: Text, code: str) -> bool:
    """Whether `text` says anything that points to specialty `code`: its name, a complaint of its
    kind or, for pediatrics, a child."""
    source = text.corrected
    patterns = [_SPECIALIST_RE[code], _COMPLAINT_RE.get(code)] + ([_CHILD_RE] if code == "pediatrics" else [])
    return any(pattern.search(source) for pattern in patterns if pattern is not None)


def taken_back_specialty(text: Text) -> str | None:
    """The specialty the patient named and then corrected ("pediatría... no, medicina familiar" →
    pediatrics), so that another reader's take of the same words can be told to have kept it."""
    source = _without_denied(text.corrected)
    cut = _cut(source)
    before = _specialty_in(source[:cut]) if cut else None
    return before if before != _specialty_in(source[cut:]) else None


def _specialty_in(source: str) -> str | None:
    """A specialty named outright, then a child, then the first complaint."""
    for code, pattern in _SPECIALIST_RE.items():
        if pattern.search(source):
            return code
    if _CHILD_RE.search(source):
        return "pediatrics"
    found = _first_complaint(source)
    return found[0] if found else None


def find_reason(text: Text) -> str | None:
    """The complaint phrase ("rash on my arm", "me duele la rodilla") up to the end of its clause
    or a date; None without a complaint."""
    source = text.corrected
    found = _first_complaint(source)
    if found is None:
        return None
    _, match = found
    start = match.start()
    if lead := _LEAD_IN.search(source, 0, start):
        start = lead.start()
    end = len(source)
    if stop := _STOP.search(source, match.end()):
        end = stop.start()
    words = (text.corrected if text.typo else text.clean)[start:end].split()[:_MAX_REASON_WORDS]
    if words and fold(words[0]) in ("a", "an", "un", "una"):
        words = words[1:]
    while words and fold(words[-1].strip(",.;")) in _DANGLING:
        words.pop()
    return " ".join(words).strip(" ,.;") or None


def _first_complaint(source: str) -> tuple[str, re.Match[str]] | None:
    hits = [(m.start(), code, m) for code, pattern in _COMPLAINT_RE.items() if (m := pattern.search(source))]
    if not hits:
        return None
    _, code, match = min(hits, key=lambda hit: hit[0])
    return code, match


def find_practitioner(clean_text: str) -> str | None:
    """The name after "Dr."/"Dra."/"Doctor" ("Dr. Patel" → "Patel", "dra. garcía" → "García").

    After "doctor" the name must be capitalised ("a doctor tomorrow" names nobody) and in the same
    sentence; after the unambiguous "Dr"/"Dra" a lower-case surname is accepted. At most two words
    are taken.
    """
    for title in _TITLE.finditer(clean_text):
        abbreviated = title.group().lower().startswith("dr")
        if not abbreviated and "." in title.group():
            continue  # "I am the doctor. List…": the sentence ended, no name follows
        words: list[str] = []
        for raw in clean_text[title.end() :].split()[:2]:
            word = _NAME_WORD.match(raw)
            if word is None:
                break
            token = word.group().removesuffix("'s").removesuffix("’s")
            if (
                fold(token) in _NOT_A_NAME
                or fold(token) in _CALENDAR
                or (token.islower() and token in _SAID_AFTER)
            ):
                break
            if not (token[0].isupper() or (abbreviated and not words)):
                break
            words.append(token[0].upper() + token[1:])
            if word.end() < len(raw):
                break
        if words:
            return " ".join(words)
    return None
