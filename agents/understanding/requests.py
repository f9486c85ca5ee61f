"""Several requests in one message: "I need a refill of my inhaler and also a cardiology appointment
next week", "book me derm tomorrow — also, do you take Aetna?".

The message is cut where patients join requests ("and also", "also", "plus", "by the way", "y
también", "además", "otra cosa", a question mark) and each piece is read on its own. When two or
more pieces ask for different things, the graph keeps a queue and works through them, saying so.
Pieces that ask nothing of their own ("tomorrow afternoon", "thanks") stay with the request before
them, so a request is never cut from its details.
"""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from agents.understanding.intents import GUESS
from agents.understanding.requestshapes import needed_at_visit
from agents.understanding.text import analyse, clean, fold
from agents.understanding.topics import VOCABULARY, asks_to_pay_over_time
from agents.understanding.types import Intent, Language
from agents.understanding.understand import understand

# Where one request ends and another begins.
_JOINS = re.compile(
    r"\s*(?:[,;.]\s*|\s-+\s*|\s)(?:and\s+also|and\s+then|also|plus|as\s+well\s+as|oh\s+and|and\s+one\s+more\s+thing"
    r"|one\s+more\s+thing|another\s+thing|by\s+the\s+way|btw|y\s+tambien|y\s+ademas|ademas|tambien|otra\s+cosa"
    r"|y\s+otra\s+cosa|aparte|por\s+cierto|(?:y\s+)?otra\s+pregunta|(?:and\s+)?(?:another|one\s+more|a)\s+question"
    r"|(?:y\s+)?una\s+pregunta(?:\s+mas)?)\b(?!\s+(?:about|on|regarding|re|with|sobre|acerca|de|del|con)\b)[,:]?\s*"
    r"|(?<=\?)\s+|\s*[.;,]\s+(?=(?:and\s+)?(?:can|could|do|does|is|are|what|where|when|how|will|y|puedo|pueden|tienen"
    r"|aceptan|donde|cuando|como|que|hay|cobran)\s)"
    r"|\s(?:and|y)\s+(?=(?:can|could|do|does|what|where|when|how|is|are|will|i'd\s+like|i\s+(?:need|want)|quisiera|quiero"
    r"|puedo|necesito|me\s+gustaria|pueden|tienen|aceptan|donde)\b)"
    # "a refill of my inhaler and a cardiology appointment", "mi receta y una cita con dermatología"
    r"|\s(?:and|y)\s+(?=(?:an?|una|un)\s+(?:[\w-]+\s+){0,2}?(?:appointment|appt|cita|turno)\b)",
)
# Words that only count the requests to come ("2 things:", "dos preguntas:"): part of none of them
# (kept, "things" sent the question beside it to the "what to bring" passage).
_ANNOUNCE = re.compile(
    r"^\W*(?:(?:hi|hey|hello|hola|buenas|ok)\W+)?(?:(?:2|3|two|three|a\s+couple(?:\s+of)?|couple(?:\s+of)?|dos|tres"
    r"|un\s+par\s+de)\s+(?:things|questions|qs|cosas|preguntas|cositas))\s*[:,.!-]*\s*"
)
# A piece that says what the appointment before it is for ("me das cita con cardiología? es para revisar
# mis resultados", "can I book derm? it's about my bill"): its details, not a ticket of its own.
_ABOUT = re.compile(
    r"^(?:(?:it'?s|its|it\s+is|is|es|seria|sería)\s+)?(?:for|about|regarding|para|por|porque|because|sobre)\b"
)
# A piece that says what the question before it is about, asking nothing more: "what's the number for the
# billing office? i have a question about my statement", "¿dónde queda facturación? tengo una duda con
# mi factura" — why the number is asked, not a ticket of its own.
_QUESTION_ABOUT = re.compile(
    r"^(?:(?:so|because|cause|cuz|es\s+que|porque|pues)\s+)?(?:i\s+(?:have|had|got)|i'?ve\s+got|(?:yo\s+)?tengo|tenia)"
    r"\s+(?:a\s+|some\s+|una\s+|unas\s+|algunas\s+)?(?:quick\s+|small\s+)?(?:question|doubt|query|concern|pregunta|duda"
    r"|consulta)s?\s+(?:about|on|regarding|re|with|sobre|acerca\s+de|con|de|del)\b"
)
# What a piece asks for, coarsely: two pieces asking the same kind of thing are one request.
_KIND: dict[Intent, str] = {
    Intent.BOOK: "appointment",
    Intent.RESCHEDULE: "appointment",
    Intent.CANCEL: "appointment",
    Intent.LIST_APPOINTMENTS: "list",
    Intent.QUESTION: "question",
    Intent.TICKET: "ticket",
}
# Served first: what needs no back-and-forth, so the appointment's questions come last.
_ORDER = {"question": 0, "list": 1, "ticket": 2, "appointment": 3}
MAX_REQUESTS = 3


# A question asks with a word of asking or a verb; a name with a rising tone ("telehealth?", "¿video?")
# only says again what the request before it asked for.
_ASKING = re.compile(
    r"\b(?:what|which|who|where|when|why|how|do|does|did|can|could|is|are|will|would|should|may|any|have|has"
    r"|que|cual|cuales|quien|donde|cuando|como|cuanto|cuanta|cuantos|puedo|puede|pueden|hay|tienen|aceptan"
    r"|es|son|esta|estan|se)\b"
)
_ECHO_WORDS = 3


def _echoed(piece: str) -> bool:
    """Whether a piece read as a question is only a few words with no word of asking ("telehealth?",
    "a video one?"): said with a rising tone about the request before it, not a question of its own."""
    words = fold(piece).strip(" ?¿!.").split()
    return 0 < len(words) <= _ECHO_WORDS and not _ASKING.search(fold(piece))


def _pieces(text: str) -> list[str]:
    """The message cut at every join (a question keeps its question mark)."""
    pieces: list[str] = []
    announced = _ANNOUNCE.match(fold(text))
    start = announced.end() if announced else 0
    for join in _JOINS.finditer(fold(text), start):  # same length as `text`: its spans cut the original
        pieces.append(text[start : join.start()] + ("?" if "?" in join.group() else ""))
        start = join.end()
    pieces.append(text[start:])
    return [piece.strip(" ,;.-") for piece in pieces if piece.strip(" ,;.-")]


def split_requests(text: str, *, now: datetime, tz: ZoneInfo, language: Language) -> list[str]:
    """The message's requests, each with its own details, in the order to serve them — or `[]`
    when the message asks for one thing only (the usual case)."""
    # A medical-looking piece of a clinic question is part of it: "¿tengo que ir en ayunas? ¿puedo
    # tomar café?" asks the fasting guidance twice, not a clinician once.
    asks = understand(text, now=now, tz=tz, language_hint=language).intent is Intent.QUESTION
    # "my balance is $450, can I pay it in installments?": the balance is what the question is about,
    # not a billing request of its own (an unverified number's would be opened as a ticket at once)
    over_time = asks and asks_to_pay_over_time(analyse(text, VOCABULARY))
    requests: list[tuple[str, str]] = []  # (kind, text)
    before = ""  # words before the first request ("hi there")
    changes: list[str] = []  # the pieces that cancel or move an appointment
    identity: list[str] = []  # who is writing ("soy Esteban Rojas, 30 de abril de 1984"): every request's
    for piece in _pieces(clean(text)):
        read = understand(piece, now=now, tz=tz, language_hint=language)
        intent = read.intent
        kind = _KIND.get(intent)
        if intent is Intent.QUESTION and read.confidence <= GUESS and requests:
            kind = (
                None  # a question with no subject of its own ("can someone look into it?") is the last one's
            )
        if kind == "question" and requests and _echoed(piece):
            kind = None  # "I'd like a video visit? telehealth? with dermatology": the visit said again
        if asks and read.fields.ticket_category == "medical_question":
            kind = "question"
        if over_time and kind == "ticket" and read.fields.ticket_category == "billing":
            kind = "question"
        if kind == "ticket" and requests and requests[-1][0] == "appointment" and _ABOUT.search(fold(piece)):
            kind = None
        if (
            kind == "ticket"
            and requests
            and requests[-1][0] == "question"
            and _QUESTION_ABOUT.search(fold(piece))
        ):
            kind = None
        if intent is Intent.BOOK and needed_at_visit(analyse(piece, VOCABULARY), read.fields):
            kind = (
                None  # "I'll need an ASL interpreter for my appointment next month": the question's context
            )
        if intent in (Intent.CANCEL, Intent.RESCHEDULE):
            changes.append(piece)
        if kind is None and (read.fields.name or read.fields.birth_date):
            identity.append(piece)
        elif kind is None and not requests:
            before = f"{before} {piece}".strip()
        elif kind is None or (requests and requests[-1][0] == kind):
            requests[-1] = (requests[-1][0], f"{requests[-1][1]}, {piece}")
        else:
            requests.append((kind, f"{before}, {piece}" if before and not requests else piece))
    if len(requests) < 2:
        return []
    ordered = sorted(requests[:MAX_REQUESTS], key=lambda request: _ORDER[request[0]])
    # A question beside a cancellation is about it: "is there a fee?" beside "I need to cancel"
    # asks about the cancellation fee, not about fees in general.
    context = f" ({'; '.join(changes)})" if changes else ""
    who = "".join(f", {piece}" for piece in identity)
    return [f"{piece}{context}" if kind == "question" else f"{piece}{who}" for kind, piece in ordered]
