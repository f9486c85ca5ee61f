"""An appointment asked for in so many words, and what it is about: "need to see someone in family med
about my cholesterol results, tuesday morning?", "Necesito cita con medicina familiar, tengo q renovar
la receta de la presión".

Why a module of its own: a ticket's topic (results, a refill, a bill) said inside a request for an
appointment is what the visit is for, not a request for staff to act — the doctor reviews the results
or renews the prescription at the visit (held-out v7 opened tickets for both). What makes the request
explicit is listed here: wanting or needing an appointment ("I need an appt", "quiero una cita",
"necesito cita"), to see someone ("need to see someone / the doctor / a cardiologist", "quiero ver al
doctor"), or a verb that books. A visit only mentioned ("the results from my appointment", "I had an
appointment and…", "tengo cita el lunes") asks for none. A separate request in the same message ("I
need a refill of my inhaler and also a cardiology appointment") is cut off before this is read
(`requests.py`), so each part keeps its own reading.
"""

from __future__ import annotations

import re

from agents.understanding.belongings import reports_lost_property
from agents.understanding.requestshapes import asks_if_booking_needed, uses_book_verb
from agents.understanding.specialties import find_specialty
from agents.understanding.text import Text
from agents.understanding.topics import is_question, ticket_category

_WANT_EN = (
    r"(?:i\s+(?:need|want|would\s+like|wanna|gotta|'d\s+like)|i'd\s+like|need|want|would\s+like|looking\s+for"
    r"|can\s+i\s+(?:get|have)|could\s+i\s+(?:get|have)|may\s+i\s+(?:get|have)|(?:i\s+)?have\s+to\s+(?:get|make))"
)
_NEW = r"(?:an?|another|one|some|a\s+new)"
_VISIT_EN = r"(?:appointment|appt|visit|consult|consultation|check-?up|follow[\s-]?up)s?"
_SOMEONE = (
    r"(?:someone|somebody|a\s+doctor|the\s+doctor|my\s+doctor|a\s+doc|the\s+doc|my\s+doc|a\s+specialist|a\s+provider"
    r"|dr\.?\s+\w+|doctor\s+\w+|a\s+(?:cardiologist|dermatologist|pediatrician|orthopedist|gp|nurse\s+practitioner)"
    r"|the\s+(?:cardiologist|dermatologist|pediatrician|orthopedist))"
)
_VERBS_ES = (
    r"(?:necesito|ocupo|quiero|quisiera|queria|me\s+gustaria"
    r"|vengo\s+a\s+pedir|quiero\s+pedir|necesito\s+pedir)"
)
_ASKS = re.compile(
    # "I need an appointment", "I'd like a follow-up visit with cardiology", "can I get an appt"
    rf"\b{_WANT_EN}\s+(?:{_NEW}\s+)?(?:[\w-]+\s+){{0,2}}?{_VISIT_EN}\b"
    # "need to see someone in family med", "I'd like to see the doctor", "want to be seen by derm"
    rf"|\b{_WANT_EN}\s+to\s+(?:see|be\s+seen\s+by|come\s+in\s+(?:and|to)\s+see)\s+{_SOMEONE}"
    r"|\b(?:need|want|like)\s+to\s+(?:see|be\s+seen\s+by)\s+(?:someone|somebody)\b"
    # "necesito cita", "quiero una cita con cardiología", "quisiera una consulta", "necesito un turno"
    rf"|\b{_VERBS_ES}\s+(?:(?:una|un|otra|otro|nueva)\s+)?(?:cita|turno|consulta)\b"
    # "necesito ver al doctor", "quiero ver a un dermatólogo", "quisiera que me vea el doctor"
    rf"|\b{_VERBS_ES}\s+(?:ver\s+(?:al|a\s+(?:la|un|una|mi))|que\s+me\s+(?:vea|atienda)\s+(?:el|la|un|una|mi))\s+"
    r"(?:doctor|doctora|dr|dra|medico|medica|especialista|cardiolog\w*|dermatolog\w*|pediatra|ortoped\w*|traumatolog\w*"
    r"|medicina)\b"
)
# Where the topic starts: "about my cholesterol results", "to go over my labs", "para que me renueven la
# receta", "tengo q renovar la receta", "por mis resultados".
_LEAD = re.compile(
    r"\b(?:about|regarding|re|for|to|sobre|acerca\s+de|por|para(?:\s+que\s+me)?|porque|tengo\s+(?:que|q)|hay\s+que)\s+"
)
# "do I need an appointment…?", "if I need to see someone", "I don't need an appointment", "no necesito
# cita": whether one is needed, or none wanted.
_NOT_ASKED = re.compile(
    r"\b(?:(?:do|does|did|if|whether|will|would|should|must)(?:\s+(?:i|you|we|u|they))?|don'?t|do\s+not|dont|no|si)\s+$"
)
_CLAUSE_END = re.compile(r"[,.;!?]|\s(?:y\s+el|and\s+the|and\s+i|y\s+me)\s")
_MAX_WORDS = 10
_VISIT = re.compile(rf"\b(?:{_VISIT_EN}|cita|turno|consulta|me\s+in)\b")


def asks_for_visit(text: Text) -> bool:
    """Whether the message asks for an appointment in so many words (see the module docstring)."""
    source = text.corrected
    asked = any(not _NOT_ASKED.search(source[: m.start()]) for m in _ASKS.finditer(source))
    # a verb that books, with what it books: "set up a payment plan" books no visit
    return asked or (uses_book_verb(text) and bool(_VISIT.search(source) or find_specialty(text)))


def visit_about_a_topic(text: Text) -> bool:
    """An appointment asked for in so many words whose words name a ticket's topic (results, a refill,
    a bill): a booking, the visit being about it. A complaint stays one, and "¿necesito cita para
    renovar la receta?" asks whether one is needed."""
    category = ticket_category(text)
    if category is None or category == "complaint" or reports_lost_property(text):
        return False
    return asks_for_visit(text) and not (is_question(text) and asks_if_booking_needed(text))


def visit_topic(text: Text, topic: re.Match[str]) -> str | None:
    """The words of the visit's topic (`topic` is where a ticket's words were found in
    `text.corrected`): from the nearest lead-in before it in its clause ("about", "para", "tengo q")
    to the end of that clause — "my cholesterol results", "renovar la receta de la presion"."""
    source = text.corrected
    clause_start = max((m.end() for m in re.finditer(r"[,.;!?]", source[: topic.start()])), default=0)
    leads = [m for m in _LEAD.finditer(source, clause_start, topic.start())]
    start = leads[-1].end() if leads else topic.start()
    stop = _CLAUSE_END.search(source, topic.end())
    end = stop.start() if stop else len(source)
    words = (text.corrected if text.typo else text.clean)[start:end].split()[:_MAX_WORDS]
    return " ".join(words).strip(" ,.;") or None
