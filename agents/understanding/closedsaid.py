"""The clinic's closed days told, not asked: "I know ur closed monday for memorial day so tuesday the
1st", "thursday or friday, whichever ur open", "if ur closed for xmas then monday the 27th", "sé que
mañana 4 están cerrados, entonces el viernes".

Patients booking around a holiday say why they pick the day they pick. The words "closed"/"open"
are the opening hours' subject, so without this a booking read as a question about the hours and
was lost. A told closing is (a) no question: the hours' words inside it do not make one, and (b) no
day wanted: a day said inside it is the day the patient avoids, and when a day is named after it
("…so tuesday", "…then monday the 27th", "…entonces el viernes") that later day is the one meant.

What stays a question: "are you closed on memorial day?", "¿abren el 4 de julio?", and a question
asked after the told part ("I know you're closed weekends, but what time do you open friday?").

Works on folded text (lower case, no accents); spans are those of the text given.
"""

from __future__ import annotations

import re

# Who is closed or open: the clinic, addressed the way patients text it ("ur", "u r", "y'all").
_YOU = (
    r"(?:u\s+r|ur|u|you'?re|youre|you\s+are|you|y'?all(?:\s+are)?|you\s+guys(?:\s+are)?|the\s+(?:clinic|office)"
    r"(?:\s+is|'s)?|it'?s|its)"
)
_BE = r"(?:\s+(?:will\s+be|'ll\s+be|are\s+gonna\s+be|gonna\s+be|going\s+to\s+be|be|are|is))?"
_CLOSED = (
    r"(?:closed|shut|not\s+open|cerrad[oa]s?|cierran|cierra|no\s+(?:abren|abre|atienden|atiende|trabajan)"
    r"|no\s+(?:estan|esta|estaran|van\s+a\s+estar)\s+abiert[oa]s?)"
)
# What makes a closing a statement: knowing it, giving it as a reason, or a condition.
_LEAD = (
    r"(?:i\s+know(?:\s+that)?|i\s+(?:think|guess|believe|saw|heard|read|realize|realise)(?:\s+that)?|since|as|because"
    r"|cause|cuz|coz|bc|seeing\s+as|given\s+that|now\s+that|if|unless|(?:ya\s+)?se\s+que|creo\s+que|vi\s+que"
    r"|me\s+dijeron\s+que|entiendo\s+que|supongo\s+que|como|ya\s+que|porque|dado\s+que|si)"
)
_CLAUSE = r"[^,.;:?!()]"  # within one clause
# a clause ends at punctuation, a connector, or where the request starts ("…closed monday can I see…")
_CLAUSE_END = (
    r"(?=\s+(?:so|then|but|and|or|entonces|asi\s+que|pero|pues|y|o|can|could|would|i'?d|i\s+(?:need|want|would)"
    r"|please|pls|puedo|podria|quiero|quisiera|necesito|me\s+(?:das|da|dan|pueden|puede)|dame)\b|\s*[,.;:?!()]|\s*$)"
)
_THEN = r"(?:so|then|in\s+that\s+case|entonces|pues|asi\s+que|en\s+ese\s+caso)\b"

CLOSED_SAID = re.compile(
    # "I know ur closed monday for memorial day", "sé que mañana 4 están cerrados", "if ur closed for xmas"
    rf"\b{_LEAD}\s+{_CLAUSE}{{0,40}}?\b{_CLOSED}\b{_CLAUSE}*?{_CLAUSE_END}"
    # "ur closed xmas eve? then monday the 27th", "¿el 4 están cerrados? entonces el 5"
    rf"|\b(?:{_YOU}{_BE}\s+|(?:estan|estaran|van\s+a\s+estar)\s+)?{_CLOSED}\b{_CLAUSE}*\??[,\s]*(?={_THEN})"
    # "whichever ur open", "whatever day you're open", "the first day you are open"
    rf"|\b(?:whichever|whatever|whenever|any|the\s+(?:first|next|soonest))(?:\s+(?:day|one|date|time))?"
    rf"\s+(?:that\s+)?{_YOU}{_BE}\s+(?:open|not\s+closed)\b"
    # "el día que estén abiertos", "cualquier día que abran", "el primer día que atiendan"
    r"|\b(?:el|cualquier|cualquiera|el\s+primer|el\s+proximo|lo\s+primero)\s*(?:dia|fecha|de\s+los\s+dos)?\s+"
    r"(?:que|en\s+que)\s+(?:esten\s+abiert[oa]s|estan\s+abiert[oa]s|abran|atiendan|abren|atienden)\b"
)


def closed_spans(folded: str) -> list[tuple[int, int]]:
    """Where `folded` tells of the clinic being closed (or open on some day) as a statement."""
    return [match.span() for match in CLOSED_SAID.finditer(folded)]


def without_closed_said(folded: str) -> str:
    """`folded` with every told closing blanked out, every character kept in place."""
    return CLOSED_SAID.sub(lambda m: " " * len(m[0]), folded)
