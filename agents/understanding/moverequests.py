"""Requests to move an appointment, however they are put: "¿me la pueden pasar al jueves?", "¿se
puede cambiar para la otra semana?", "¿podría moverla una hora más tarde?", "can it be moved to
Thursday?", "would it be possible to switch to Monday?".

Patients rarely say "reschedule". They ask whether a verb of moving can be done — in Spanish with
the appointment as a clitic ("moverla", "me la pasan"), an impersonal "se puede", a conditional
("podría", "podrían"), or an imperative ("cámbiemela") — and a keyword list only ever holds the
phrasings someone thought of. So a move is read from its parts: a verb of moving in any of its
forms (`_SPANISH_VERB`, `_ENGLISH_VERB`), and something that makes it about an appointment:

- the appointment as its object: a pronoun ("moverla", "me la pueden pasar", "move it", "bump me")
  or a noun ("cambiar la cita", "mover el turno", "change my appt", "la cita se puede mover");
- or where it goes: a day or an amount of time ("al jueves", "para la otra semana", "una hora más
  tarde", "to Thursday", "a day later").

The same verbs say other things ("no me puedo mover", "¿qué pasa si…?", "pasar a buscar la receta",
"cambiar de seguro", "move my arm"), which have neither; a question about the cancellation policy
is left to `intents` to tell apart.
"""

from __future__ import annotations

import re

from agents.understanding.timewords import NUMBER_RE, WEEKDAY_RE

_CLITIC = r"(?:me|te|se|nos|le|les)?(?:la|lo|las|los)?"
_CLITIC_END = re.compile(r"(?:la|lo|mela|melo|sela|selo|nosla|noslo)$")
# Spanish verbs of moving an appointment in the forms a request takes (any person, mood or tense),
# each with its attached pronouns ("cámbiemela", "pasarla"). Not "agendar": that books.
_AR = r"(?:ar|a|as|an|e|es|en|o|amos|emos|ara|aras|aran|aria|arias|arian|ariamos|ando)"
_SPANISH_VERB = re.compile(
    rf"\b(?:(?:cambi|pas|adelant|atras|retras|aplaz|posterg|reprogram|reagend){_AR}"
    r"|mov(?:er|emos|eria|erian|iendo)|muev(?:e|es|en|o|a|as|an)"
    r"|pospon(?:er|e|es|en|emos|ga|gas|gan|dria|drian|iendo)"
    rf"|(?:corr|recorr)(?:er|e|es|en|a|an|eria|erian|iendo)){_CLITIC}\b"
)
_ENGLISH_VERB = re.compile(
    r"\b(?:move[sd]?|moving|chang(?:e|ed|es|ing)|switch(?:ed|es|ing)?|swap(?:ped|ping)?|push(?:ed|es|ing)?"
    r"|bump(?:ed|ing)?|shift(?:ed|ing)?|resched\w*|postpon\w*|rebook\w*)\b"
)
# Verbs that say which way, so that an amount alone says where: "adelantarla una hora", "push it a week"
_DIRECTED = ("adelant", "atras", "retras", "aplaz", "posterg", "pospon", "corr", "recorr", "push", "bump")

# The appointment, by name ("hora", "día", "fecha" only where the verb is not "pasar": "pasé el día…").
_VISIT = r"cita|citas|turno|turnos|consulta|visita|control|chequeo|appointment|appt|apt|visit|booking"
_APPOINTMENT = rf"{_VISIT}|hora|horario|dia|fecha|slot|time|date|checkup|check-up"
_SPANISH_OBJECT = re.compile(
    r"^\s*(?:(?:a|de|para)\s+)?(?:la|el|mi|su|esta|esa|nuestra|tu|los|las|mis)\s+(?:\w+\s+)?"
    rf"(?P<what>{_APPOINTMENT})\b|^\s*de\s+(?P<what2>cita|dia|fecha|hora|horario|turno)\b"
)
_OBJECT_BEFORE = re.compile(rf"\b(?P<what>{_APPOINTMENT})\b\s+(?:\w+\s+){{0,3}}$")
_ENGLISH_OBJECT = re.compile(
    rf"^\s*(?:it|me|us|this|that|(?:my|the|our|her|his|this|that|their)\s+(?:\w+\s+){{0,2}}?"
    rf"(?:{_APPOINTMENT}|one))\b"
)
# The subject of a passive: "can it be moved", "could my appointment get changed"
_ENGLISH_PASSIVE = re.compile(
    rf"\b(?:it|(?:my|the|our|her|his|this|that)\s+(?:\w+\s+)?(?:{_APPOINTMENT}))\s+(?:be|get|gets|got|been)\s+$"
)
# The appointment as a pronoun before the verb: "me la pueden pasar", "¿la podemos cambiar?"
_PRONOUN_BEFORE = re.compile(
    r"\b(?:me|se|nos|te)\s+(?:la|lo)\s+(?:\w+\s+){0,2}$|\b(?:la|lo)\s+(?:pued\w*|pod\w*|quier\w*|quisiera"
    r"|necesit\w*|tendri\w*|habri\w*)\s+$"
)

_TIME_WORD = (
    rf"{WEEKDAY_RE}|manana|mananas|tarde|tardes|semana|semanas|mes|meses|dia|dias|hora|horas|fecha|week|weeks"
    r"|month|months|day|days|hour|hours|tomorrow|tmrw|tmr|tmw|morning|afternoon|evening|today|hoy|noon|mediodia"
    r"|\d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.|h)?"
)
_COUNT = rf"(?:{NUMBER_RE}|un|una|a|an|media|half\s+an?)\s+(?:{_TIME_WORD})"
_AMOUNT = (
    rf"{_COUNT}\s+(?:mas\s+)?(?:tarde|temprano|antes|despues|later|earlier|before|after|sooner)\b"
    r"|(?:mas|more|a\s+bit|un\s+poco)\s+(?:tarde|temprano|later|earlier)\b|(?:later|earlier|sooner)\b"
)
_TO_TIME = (
    r"(?:(?:el|la|los|las|otro|otra|the|next|this|a|an|que|viene|proximo|proxima|siguiente|following|another"
    rf"|different)\s+){{0,3}}(?:{_TIME_WORD})\b"
)
# Where it goes, or by how much: "al jueves", "para la otra semana", "pa' el lunes", "a otro día",
# "una hora más tarde", "un día antes", "to Thursday", "until next week", "a day later"; after
# "pasar" only "al"/"para"/"hasta" ("¿puedo pasar a las 3?" comes by).
_TO = r"al|a\s+la|a\s+las|a\s+el|a|para|pa|hasta|to|till|until|for|into|on"
_DESTINATION = re.compile(rf"^\s*(?:\w+\s+){{0,2}}?(?:(?:{_TO})\s+{_TO_TIME}|{_AMOUNT})")
_FAR_DESTINATION = re.compile(rf"^\s*(?:\w+\s+){{0,2}}?(?:(?:al|para|pa|hasta)\s+{_TO_TIME}|{_AMOUNT})")
_BY = re.compile(rf"^\s*(?:(?:it|back|forward|up|out|by|me|nos|to)\s+){{0,2}}{_COUNT}\b")

# "make it Thursday instead", "can we do it a day later?", "have it on Friday" — unless it cannot be
# made ("I won't be able to make it on Friday" cancels).
_MAKE_IT = re.compile(
    rf"\b(?:make|do|have|put)\s+it\s+(?:(?:on|at|for)\s+)?{_TO_TIME}|\b(?:make|do)\s+it\s+(?:{_AMOUNT})"
)
_CANNOT = re.compile(r"(?:n't|\bnot|\bnever|\bunable\s+to|\bable\s+to)\s+(?:\w+\s+)?$")
# "¿me pueden dar otra fecha?", "give me another day": another day for the same appointment
_ANOTHER_DAY = re.compile(
    r"\b(?:dar(?:me|nos)?|den(?:me)?|da(?:me)?|deme)\s+otr[oa]\s+(?:fecha|dia|horario)\b"
    r"|\bgive\s+me\s+(?:another|a\s+different)\s+(?:date|day)\b"
)
# Other things these verbs move or change: details on file, a prescription, a payment, a doctor.
_SOMETHING_ELSE = re.compile(
    r"^\s*(?:(?:de|mi|la|el|my|the|a|an|su|los|las|mis|to|a\s+la|al)\s+)*(?:seguro|insurance|numero|number|phone"
    r"|telefono|direccion|address|email|correo|receta|prescription|dosis|dose|medicina|medicine|medication"
    r"|nombre|name|pago|payment|tarjeta|card|doctor|doctora|medico|medica|pharmacy|farmacia|pediatra"
    r"|provider|dentist|plan|regla|periodo|period|menstruacion)\b"
)
# A limb in the message: "no puedo moverla" is then the leg, not the appointment.
_BODY = re.compile(
    r"\b(?:brazo|pierna|mano|cuello|pie|cabeza|rodilla|hombro|espalda|dedo|tobillo|muneca|cadera|ojo|boca|cara"
    r"|mandibula|arm|leg|hand|neck|foot|head|knee|shoulder|back|finger|ankle|wrist|hip|eye|mouth|face|jaw)s?\b"
)


def _spanish(verb: str, before: str, after: str, *, body: bool) -> bool:
    """A Spanish verb of moving about an appointment: named, as a pronoun, or where it goes."""
    pasar = verb.startswith("pas")
    named = _SPANISH_OBJECT.match(after) or _OBJECT_BEFORE.search(before)
    if named and not (pasar and named.groupdict().get("what") not in _VISIT.split("|")):
        return True
    first_person = pasar and verb[-1] in "oe"  # "me la paso llorando", "la pasé mal"
    before_it = _PRONOUN_BEFORE.search(before) is not None and not first_person
    pronoun = bool(_CLITIC_END.search(verb)) or before_it
    if pronoun and not body:
        return True
    if verb.startswith(_DIRECTED) and _BY.match(after):
        return True
    return bool((_FAR_DESTINATION if pasar else _DESTINATION).match(after))


def _english(verb: str, before: str, after: str) -> bool:
    """An English verb of moving about an appointment: its object or subject, or where it goes."""
    named = _ENGLISH_OBJECT.match(after) or _ENGLISH_PASSIVE.search(before) or _OBJECT_BEFORE.search(before)
    directed = verb.startswith(_DIRECTED) and _BY.match(after)
    return bool(named or directed or _DESTINATION.match(after))


def only_made_after(folded: str, start: int) -> bool:
    """Whether the only move in a folded message is a "make it …" said after `start` ("need to book
    derm tues morning.. no wait, tuesday i have a board meeting, make it wednesday morning": the day
    of the request made at `start`, corrected, with no appointment to move)."""
    made = list(_MAKE_IT.finditer(folded))
    if not made or made[0].start() < start:
        return False
    blanked = _MAKE_IT.sub(lambda m: " " * len(m[0]), folded)
    return not asks_to_move(blanked)


def asks_to_move(folded: str) -> bool:
    """Whether a folded message asks to move an appointment (see the module docstring)."""
    made = _MAKE_IT.search(folded)
    if (made and not _CANNOT.search(folded, 0, made.start())) or _ANOTHER_DAY.search(folded):
        return True
    body = _BODY.search(folded) is not None
    for spanish, pattern in ((True, _SPANISH_VERB), (False, _ENGLISH_VERB)):
        for verb in pattern.finditer(folded):
            before, after = folded[: verb.start()], folded[verb.end() :]
            if _SOMETHING_ELSE.match(after):
                continue
            word = verb.group()
            if _spanish(word, before, after, body=body) if spanish else _english(word, before, after):
                return True
    return False


# A new booking left for later beside a cancellation: "please cancel that appointment, I'll rebook later",
# "cancel it, I'll book again when I'm back", "cancélela, después saco otra" — a cancellation now, not a
# move (nothing is to be found now).
_REBOOK_LATER = re.compile(
    r"\b(?:i'?ll|ill|i\s+will|i'?m\s+going\s+to|gonna|will)\s+(?:just\s+|probably\s+)?(?:re-?book|re-?schedule"
    r"|book\s+(?:again|another(?:\s+one)?|a\s+new\s+one)|make\s+(?:a\s+new|another)\s+(?:one|appointment|appt))"
    r"(?:\s+(?:it|one|myself|again))?\s+(?:later|another\s+time|some\s*(?:other\s+)?time|when\b|once\b|myself"
    r"|online|next\s+(?:week|month)|after\b|soon)"
    r"|\b(?:luego|despues|mas\s+tarde|otro\s+dia)\s+(?:le\s+|les\s+)?(?:saco|pido|agendo|hago|reservo|reagendo"
    r"|reprogramo)\s+(?:otra|una\s+nueva|de\s+nuevo|la\s+cita|otro)"
    r"|\b(?:saco|pido|agendo|reagendo|reprogramo)\s+(?:otra\s+|una\s+nueva\s+)?(?:cita\s+|turno\s+)?(?:luego|despues"
    r"|mas\s+tarde|otro\s+dia|cuando\b)"
)


def without_rebooking_later(source: str) -> str:
    """`source` with a rebooking put off to later blanked (see `_REBOOK_LATER`), lengths kept."""
    return _REBOOK_LATER.sub(lambda found: " " * len(found.group()), source)
