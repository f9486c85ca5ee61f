"""A parent who introduces themselves by their child's full name: "Hi, this is Lily Morgan's mom",
"I'm Noah Kim's dad", "soy la mamá de Lucía Pérez", "le escribe el papá de Mateo Ruiz".

Why a module of its own: held-out v10's "Hi, this is Lily Morgan's mom. I'd like to book pediatrics for
Lily (dob 1/30/2018) …" found no name (the only full name is followed by "'s mom", which `names` rightly
refuses as the writer's own) and asked for one three times. A receptionist hears whose visit it is: the
child named, with the child's birth date. The caller (`understand`) takes the name only with a child's
birth date or a visit to pediatrics beside it; a grown-up's ("I'm Robert Hayes's son") is not this.
"""

from __future__ import annotations

import re

_NAME_WORD = r"[A-ZÁÉÍÓÚÑ][a-záéíóúñ'-]+"
_FULL_NAME = rf"{_NAME_WORD}(?:\s+(?:de\s+|del\s+|de\s+la\s+)?{_NAME_WORD}){{1,2}}"
_PARENT_EN = r"(?i:mom|mum|mommy|mother|dad|daddy|father|parent|step-?(?:mom|dad|mother|father)|guardian)"
_PARENT_ES = r"(?i:mam[aá]|madre|pap[aá]|padre|tutor[a]?|madrastra|padrastro)"
_INTRO_EN = r"(?i:this\s+is|i'?m|i\s+am|it'?s)"
_INTRO_ES = r"(?i:soy|le\s+habla|le\s+escribe|te\s+escribe|habla|les\s+escribe)"
_PARENT_OF = re.compile(
    rf"\b{_INTRO_EN}\s+(?P<en>{_FULL_NAME})['’]s\s+{_PARENT_EN}\b"
    rf"|\b{_INTRO_ES}\s+(?i:la|el)\s+{_PARENT_ES}\s+(?i:de)\s+(?P<es>{_FULL_NAME})"
)


def child_named(cleaned: str) -> str | None:
    """The child's full name when the writer introduces themselves as that child's parent."""
    found = _PARENT_OF.search(cleaned)
    return (found["en"] or found["es"]) if found else None
