"""The shape of a request, read before its topic: asking how something works, whether an
appointment is needed, which of two ways it goes, asking for one's own records to be sent, or
using a verb that books.

Why a module of its own: these decide between a question and a request in `request_intent`, and
each needs many phrasings in two languages; kept beside the intent lexicon they crowded it.
"""

from __future__ import annotations

import re

from agents.understanding.text import Text
from agents.understanding.types import Fields

# "how do I get my medical records?", "¿cómo pido una receta?": how something works, not a request;
# also after a sentence that says why ("switching from my old doctor. how do i get my records moved?").
_HOW_TO = re.compile(
    r"(?:^|[.!?]\s)\W*(?:(?:hi|hello|hey|hola|so|and|also|quick\s+question)\W+)*(?:how\s+(?:do|can|would|should)\s+i|how\s+does"
    r"|what(?:'s|\s+is)\s+the\s+(?:process|way)|como\s+(?:puedo|hago|se|pido|solicito|consigo))\b"
)
# "walk-ins without an appointment", "vacunas sin cita": an appointment is what is not wanted.
# "do I need an appointment for the flu shot?", "¿necesito cita para la vacuna?": whether one is needed.
_NEED_BOOKING = re.compile(
    r"\b(?:do\s+i\s+need|is\s+there\s+a\s+need\s+for|do\s+you\s+need|necesito|hace\s+falta|se\s+necesita|hay\s+que\s+pedir"
    r"|tengo\s+que\s+(?:pedir|sacar))\s+(?:(?:pedir|sacar|tener|to\s+(?:make|book|have))\s+)?(?:an?\s+|una\s+)?"
    r"(?:appointment|appt|cita|turno)\s+(?:for|para)\b"
)
# "do I have to get them myself or can you request them?": which way it works, a question.
_WHICH_WAY = re.compile(
    r"\b(?:do|should|can|must)\s+i\s+[^?]*\bor\s+(?:can|do|will|would|could)\s+(?:you|u|y'?all|the\s+clinic)\b"
    r"|\b(?:tengo\s+que|debo|puedo)\s+[^?]*\bo\s+(?:ustedes\s+)?(?:lo|la|los|las)?\s*(?:pueden|puede|piden|hacen|solicitan)\b"
)
# "can you send a copy of my records to my employer?": something done with the patient's own records.
# Asked as a question, as a plea or as a need: "please send my labs to…", "I need you to fax my chart",
# "necesito que manden mis análisis de sangre al doctor de mi trabajo", "favor de enviar mis estudios".
_OWN_RECORD = (
    r"(?:records?|results?|labs?|lab\s+work|blood\s*work|tests?|chart|file|x-?rays?|scans?|imaging|reports?"
    r"|immunization\s+record|vaccination\s+record|shot\s+record|vaccine\s+record)"
)
_OWN_RECORD_ES = (
    r"(?:registros|expediente|historial|resultados|vacunas|analisis|estudios|examenes|laboratorios|radiografias"
    r"|placas|informes?|cartilla|record)"
)
_SEND_MY_RECORDS = re.compile(
    r"\b(?:(?:can|could|would|will)\s+(?:you|u|someone|y'?all)|please|pls|plz|i\s+need\s+(?:you|u|y'?all)\s+to"
    r"|i'?d\s+like\s+(?:you|u)\s+to|i\s+want\s+(?:you|u)\s+to)\s+(?:please\s+)?(?:send|fax|email|e-mail|forward|mail"
    rf"|transfer|share)\s+(?:over\s+)?(?:a\s+copy\s+of\s+|copies\s+of\s+)?my\s+(?:\w+\s+){{0,2}}?{_OWN_RECORD}\b"
    rf"|\b(?:need|want|would\s+like|like)\s+my\s+(?:\w+\s+){{0,2}}?{_OWN_RECORD}\s+(?:sent|faxed|emailed|forwarded"
    r"|transferred|mailed)\b"
    r"|\b(?:(?:me\s+)?(?:pueden|puede|podrian|podria)|favor\s+de|necesito|quiero|quisiera|me\s+gustaria)\s+(?:que\s+)?"
    r"(?:me\s+|le\s+|les\s+)?(?:enviar|mandar|pasar|reenviar|faxear|manden|envien|pasen|reenvien|mande|envie|faxeen)\s+"
    rf"(?:una\s+copia\s+de\s+)?mis\s+(?:\w+\s+){{0,2}}?{_OWN_RECORD_ES}\b"
)
# A copy of a record asked for, one's own or one's child's: "necesito una copia del registro de vacunas de mi
# hijo pal colegio, me lo pueden mandar x mail?", "can I get a copy of my daughter's immunization record?",
# "send me my son's shot record" — a records ticket, though the vaccination words are the walk-in section's.
_RECORD_DOC = re.compile(
    r"\b(?:(?:medical\s+)?records?|chart|(?:immunization|vaccination|vaccine|shot)\s+(?:records?|card|history|form)"
    r"|(?:registros?|cartilla|carnet|certificado|constancia|comprobante)\s+(?:de\s+)?(?:vacunas|vacunacion|inmunizacion)"
    r"|historial(?:\s+(?:medico|clinico|de\s+vacunas))?|expediente|historia\s+clinica)\b"
)
_COPY = re.compile(r"\b(?:cop(?:y|ies)\s+of|copias?\s+(?:de|del))\b")
_SEND_ME = re.compile(
    r"\b(?:send|email|e-mail|fax|mail|forward|text)\s+(?:it\s+|them\s+|that\s+)?(?:over\s+)?(?:to\s+)?(?:me|us)\b"
    r"|\bme\s+(?:lo|la|los|las)\s+(?:pueden|puede|podrian|podria|puedes|podes)\s+(?:mandar|enviar|pasar|reenviar|dar)"
    r"|\b(?:mandar|enviar|pasar|reenviar|manden|envien|mande|envie|pasen)(?:me|nos)(?:lo|la|los|las)?\b"
    r"|\bme\s+(?:lo|la|los|las)\s+(?:mandan|envian|manda|envia|pasan|mandas|envias)\b"
)


def asks_record_copy(text: Text) -> bool:
    """A copy of a record asked for or asked to be sent (see `_RECORD_DOC`)."""
    source = text.corrected
    return bool(_RECORD_DOC.search(source)) and bool(_COPY.search(source) or _SEND_ME.search(source))


# "¿me pueden mandar por aquí los resultados?", "can you text me my labs?": whether results come by
# this chat — how results are given (the portal), a clinic question, not a request to send them.
_BY_THIS_CHAT = re.compile(
    r"\b(?:send|text|message|mandar|enviar|manden|envien|mande|envie|pasar|pasen)\b[^?.!]{0,60}?(?:\bpor\s+aqui"
    r"|\bpor\s+(?:este\s+)?(?:chat|medio|whatsapp|mensaje|texto)|\bhere\b|\b(?:on|by|over|via|through)\s+(?:this\s+chat"
    r"|whatsapp|text))|\btext\s+me\b|\bpor\s+aqui\b[^?.!]{0,30}?\b(?:mandar|enviar|manden|envien|mande|envie)\b"
)
_RESULTS = re.compile(r"\b(?:results?|labs?|lab\s+work|blood\s*work|resultados|analisis|estudios|examenes)\b")
# "¿me puede dar el número de la línea de recetas?", "what's the number for billing?": the clinic's number
# for something, which the documents give — a question, even when what it is for is a ticket's topic.
_NUMBER_FOR = re.compile(
    r"\b(?:(?:phone|telephone|fax)\s+)?number\s+(?:for|of|to\s+call\s+(?:for|about))\s+(?:the\s+|your\s+)?(?:(?!my\b)\w+\s+){0,2}?"
    r"(?:line|office|desk|department|billing|refills?|prescriptions?|records|pharmacy|lab)\b"
    r"|\b(?:el\s+)?(?:numero|telefono)\s+(?:de|del|para)\s+(?:la\s+|el\s+)?(?:linea|oficina|departamento|facturacion"
    r"|recetas?|expedientes?|laboratorio|recepcion)\b"
)
_NO_BOOKING = re.compile(
    r"\b(?:without\s+(?:an?\s+)?(?:appointment|appt|booking)|no\s+appointment(?:\s+needed)?|sin\s+(?:cita|turno))\b"
)
_ASKS_TO_COME = re.compile(
    r"\b(?:can|could)\s+(?:i|we)\s+(?:come|get|see|be\s+seen)|podemos\s+ir|puedo\s+ir|i\s+(?:need|want|would\s+like)"
    r"|i'd\s+like|quiero|necesito|quisiera|me\s+gustaria"
)
# Words that book, as opposed to asking whether something is possible.
_BOOK_VERB = re.compile(
    r"\b(?:book|schedule|make\s+an?\s+appointment|set\s+up|agendar|reservar|pedir\s+(?:una\s+)?cita|sacar\s+cita)\b"
    # "¿me das cita…?", "deme un turno", "give me an appointment", "get me in"
    r"|\b(?:me|nos)\s+(?:das|da|dan|puedes\s+dar|puede\s+dar|pueden\s+dar|podrias\s+dar|podria\s+dar|podrian\s+dar)"
    r"\s+(?:una\s+|un\s+)?(?:cita|turno|hora|consulta)\b|\bd(?:ame|eme|enme)\s+(?:una\s+|un\s+)?(?:cita|turno)\b"
    r"|\b(?:give|get)\s+me\s+(?:in\b|an?\s+(?:appointment|appt|slot|visit)\b)"
)


# Something needed at an appointment already booked: "I'll need an ASL interpreter for my appointment next
# month", "I need a wheelchair for my appointment tomorrow", "necesito una silla de ruedas para mi cita".
_AT_MY_VISIT = re.compile(
    r"\b(?:for|at|to|during|before|on\s+the\s+day\s+of)\s+(?:my|our|the|his|her)\s+(?:\w+\s+)?(?:appointment|appt|visit)s?\b"
    r"|\b(?:para|en|a|durante)\s+(?:mi|la|nuestra|su)\s+(?:\w+\s+)?(?:cita|consulta|visita|turno)\b"
)


def needed_at_visit(text: Text, fields: Fields) -> bool:
    """Whether words read as booking only name something needed at an appointment already had
    (`_AT_MY_VISIT`): no specialty, practitioner or word that books — what a question beside them is
    about, not a visit asked for."""
    return (
        bool(_AT_MY_VISIT.search(text.corrected))
        and not (fields.specialty or fields.practitioner)
        and not uses_book_verb(text)
    )


def asks_how_to(text: Text) -> bool:
    """ "How do I get my records?", "¿cómo pido una receta?": how something works."""
    return bool(_HOW_TO.search(text.corrected))


def asks_if_booking_needed(text: Text) -> bool:
    """ "Do I need an appointment for the flu shot?" (a question mark is checked by the caller)."""
    return bool(_NEED_BOOKING.search(text.corrected))


def asks_which_way(text: Text) -> bool:
    """ "Do I have to get them myself or can you request them?"."""
    return bool(_WHICH_WAY.search(text.corrected))


def asks_to_send_own_records(text: Text) -> bool:
    """ "Can you send a copy of my records to my employer?"."""
    return bool(_SEND_MY_RECORDS.search(text.corrected))


def asks_results_by_chat(text: Text) -> bool:
    """Whether test results can be sent by this chat (see `_BY_THIS_CHAT`)."""
    return bool(_BY_THIS_CHAT.search(text.corrected)) and bool(_RESULTS.search(text.corrected))


def asks_number_for(text: Text) -> bool:
    """Whether the clinic's number for a line or office is asked (see `_NUMBER_FOR`)."""
    return bool(_NUMBER_FOR.search(text.corrected))


def without_no_booking(source: str) -> str:
    """The text with "without an appointment", "sin cita" blanked: an appointment not wanted."""
    return _NO_BOOKING.sub(" ", source)


def asks_to_come(text: Text) -> bool:
    """ "Can I come in", "I need", "quisiera": the patient wants something done for them."""
    return bool(_ASKS_TO_COME.search(text.corrected))


def uses_book_verb(text: Text) -> bool:
    """ "Book", "agendar", "¿me das cita?", "get me in": words that book, not ask if one can."""
    return bool(_BOOK_VERB.search(text.corrected))
