"""Another grown-up's health or personal details asked for: "can you tell me what my ex-wife Olivia
Bennett is seeing the doctor for?", "¿qué tiene mi suegra, por qué va al cardiólogo?", "me puedes decir
la fecha de nacimiento de James Smith?", "what's Tom Reyes's address".

Why a module of its own: `safety` reads another person's appointments and records asked for; held-out v9
asked for what they have instead — why they see the doctor, their diagnosis or medicines, their birth
date — and got the records passage or a ticket. A receptionist says neither, whatever the reason given
("we share custody", "es pa un regalo sorpresa"). Who counts: someone named in full, or a grown-up of the
family or an outsider ("my ex-wife", "mi vecina", "my mother"); a child ("what is my son being treated
for?") is the parent's business, and one's own ("what am I seeing the doctor for?") is one's own.
"""

from __future__ import annotations

import re

from agents.understanding.text import Text

_CAPITALISED = r"[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+"
_TITLE = r"(?:Dr|Dra|Doctor|Doctora|Dr\.|Dra\.)"
_FULL_NAME = rf"(?<![\w.])(?<!{_TITLE[3:5]}\s)(?!{_TITLE}\b){_CAPITALISED}\s+{_CAPITALISED}"
# The grown-ups of the family and people outside it, as the writer names them.
_GROWN_UP = (
    r"(?:ex|ex-?wife|ex-?husband|ex-?partner|wife|husband|spouse|partner|mother|mom|mum|father|dad|parents?"
    r"|sisters?|brothers?|aunt|uncle|cousins?|grandmother|grandma|grandfather|grandpa|(?:mother|father|sister"
    r"|brother|son|daughter)-in-law|neighbou?rs?|friends?|co-?workers?|colleagues?|boss|roommates?|landlord"
    r"|tenants?|(?:girl|boy)friends?|fiancee?|employees?|espos[oa]|ex-?espos[oa]|ex-?pareja|ex-?marido|marido"
    r"|pareja|madre|mama|padre|papa|herman[oa]s?|ti[oa]s?|prim[oa]s?|abuel[oa]s?|suegr[oa]s?|cunad[oa]s?"
    r"|vecin[oa]s?|amig[oa]s?|companer[oa]s?|jef[ea]s?|novi[oa]s?|inquilin[oa]s?)"
)
_SOMEONE = re.compile(rf"\b(?:my|mi|our|nuestr[oa])\s+{_GROWN_UP}\b")
# What they are seen or treated for, their diagnosis, medicines or results, asked about.
_HEALTH_EN = (
    r"(?:diagnosis|condition|medications?|meds|medicines?|illness|treatment|health\s+(?:info\w*|records?))"
)
_HEALTH_ES = r"(?:diagnostico|enfermedad|medicamentos|medicinas|tratamiento|condicion|padecimiento)"
_THEIR_HEALTH = re.compile(
    # "what my ex-wife Olivia Bennett is seeing the doctor for", "what she's being treated for"
    r"\bwhat\s+(?:[\w'-]+\s+){0,6}?(?:(?:seeing|going\s+to(?:\s+see)?)\s+(?:the\s+|a\s+|her\s+|his\s+|their\s+)?"
    r"(?:doctor|dr|doc|nurse|specialist|[a-z]+ologist|[a-z]+ist)|(?:being\s+)?(?:seen|treated|tested|prescribed)"
    r"|(?:is|'s|was|are)\s+in)\s+for\b"
    r"|\bwhy\s+(?:is|was|does|did)\s+(?:[\w'-]+\s+){1,4}?(?:seeing|see|going\s+to|seen|treated|coming\s+in)\b"
    r"|\bwhat(?:'s|\s+is)\s+wrong\s+with\s+(?:her|him|them|my)\b"
    r"|\bwhat\s+(?:do|did|does)\s+(?:her|his|their|my\s+[\w-]+'s)\s+(?:last\s+|latest\s+|recent\s+)?(?:labs?|tests?"
    r"|results?|blood\s*work|scans?|x-?rays?)\s+(?:say|show)"
    rf"|\b(?:what(?:'s|\s+is|\s+are|\s+was)?|which|tell\s+me|know|find\s+out|give\s+me|send\s+me)\s+(?:are\s+|is\s+)?"
    rf"(?:her|his|their)\s+{_HEALTH_EN}\b"
    r"|\b(?:que|q)\s+(?:tiene\s+(?:mi|su)\s+\w+|tiene\s*\?|le\s+pasa|le\s+encontraron|le\s+diagnosticaron"
    r"|medicamentos?\s+toma)\b"
    r"|\bpor\s+que\s+(?:va|fue|viene|vino|esta\s+yendo|la\s+(?:ven|atienden|tratan)|lo\s+(?:ven|atienden|tratan))\b"
    r"|\bde\s+que\s+(?:la|lo)\s+(?:atienden|tratan|estan\s+tratando|ven)\b"
    rf"|\b(?:cual(?:es)?\s+(?:es|son)|saber|decirme|dime|diga|digan)\s+(?:cual(?:es)?\s+(?:es|son)\s+)?sus?\s+{_HEALTH_ES}\b"
)
# A named person's personal details: "la fecha de nacimiento de James Smith", "James Smith's birthday".
_DETAIL = (
    r"(?i:fecha\s+de\s+nacimiento|cumplea[nñ]os|edad|diagn[oó]stico|date\s+of\s+birth|birth\s*date|birthday|dob"
    r"|age|diagnosis|medications?|medicamentos)"
)
_NAMED_DETAIL = re.compile(rf"{_DETAIL}\s+(?i:de|del|of|for)\s+{_FULL_NAME}|{_FULL_NAME}['’]s\s+{_DETAIL}\b")
# Asked, not given: "can you tell me", "what is", "¿…?", "necesito saber", "dime".
_ASKS = re.compile(
    r"\?|\b(?:tell|give|send|share|what|why|know|find\s+out|look\s+up|check|me\s+(?:puedes|puede|pueden)|dime|diga|decir"
    r"|decirme|saber|cual|que|por\s+que|necesito)\b",
    re.IGNORECASE,
)


def asks_others_details(text: Text) -> bool:
    """Whether another grown-up's health or a named person's personal details are asked for."""
    folded = text.folded
    cased = "".join(f.upper() if c.isupper() else f for c, f in zip(text.clean, folded, strict=True))
    if not _ASKS.search(folded):
        return False
    if _NAMED_DETAIL.search(cased):
        return True
    return bool(_SOMEONE.search(folded) and _THEIR_HEALTH.search(folded))
