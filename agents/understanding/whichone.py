"""Which of the patient's appointments a cancel or move names by its kind ("cancel the derm one,
keep the heart one", "cancela la de medicina familiar, la de la piel sí la quiero").

With several upcoming appointments the agent asks which one; held-out v9's patients had already
said it by specialty, and their "yes" to the question was not a number. The specialty said outside
a clause that keeps an appointment ("keep …", "leave …", "… sí la quiero", "no cancele …") is the
one acted on; a message that names none, or names its kind only in what it keeps, names nothing.
"""

from __future__ import annotations

import re

from agents.understanding.specialties import VOCABULARY as SPECIALTY_WORDS
from agents.understanding.specialties import find_specialty
from agents.understanding.text import analyse, fold, vocabulary_of

_CLAUSES = re.compile(r"[,;.!?]+|\b(?:but|and|pero|y|mas)\b")
_KEEP = re.compile(
    r"\b(?:keep|keeping|leave|leaving|stays?|still\s+(?:want|need)|don'?t\s+(?:cancel|move|touch)"
    r"|do\s+not\s+(?:cancel|move|touch)|not\s+the|(?:si|tambien)\s+(?:la|lo)\s+(?:quiero|necesito)"
    r"|(?:la|lo)\s+(?:dejo|dejas|deja|dejan|mantengo|mantienes|conservo)|dej[ae]\w*|manten\w*|conserv\w*"
    r"|no\s+(?:la|lo)\s+(?:cancel|mue?v|cambi)\w*|no\s+(?:cancel|mue?v|cambi)\w*|esa\s+no|ese\s+no)\b"
)
_VOCABULARY = SPECIALTY_WORDS | vocabulary_of(["keep", "leave", "cancel", "cancela", "quiero"])


def specialty_acted_on(text: str) -> str | None:
    """The specialty of the appointment the message acts on, said outside any clause that keeps one."""
    folded = fold(text)
    kept = [clause for clause in _CLAUSES.split(folded) if clause.strip() and not _KEEP.search(clause)]
    if not kept:
        return None
    return find_specialty(analyse(" , ".join(kept), _VOCABULARY))
