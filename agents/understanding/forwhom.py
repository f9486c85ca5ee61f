"""Whom the visit is for when the writer corrects it: a relative, or the writer after all.

"pediatrics for my son? no sorry, for ME", "para mi hija... no perdón, para mí misma" are the
writer's own visit, and "para mi hijo... no, para mi hija" the daughter's (`corrections`). People
also take the relative back after the fact or in passing: "mi hijo tiene que ir al pediatra, pero
es para mí, perdón me equivoqué", "sorry, it's actually for me, not my son", "es para mí, no para mi
hija". A claim of the writer's own visit that comes after the relative with a contrast or an
apology, or beside the relative denied, makes it the writer's visit (`for_self`), also when the
relative was named in an earlier message.

What stays the relative's: "for my son and for me too", "it's for my daughter, she's with me",
"para mi hija, yo la llevo" — no claim of the writer's own visit, or no correction of the relative.

Works on folded text (lower case, no accents).
"""

from __future__ import annotations

import re

from agents.understanding.corrections import correction_cut
from agents.understanding.kin import KIN
from agents.understanding.names import relative_in

# "for me", "para mí (misma)", "es mía": the writer's own visit, said after a correction word
_FOR_MYSELF = re.compile(r"\b(?:for\s+(?:me|myself|mine)|para\s+mi(?:\s+mism[oa])?|(?:es|la)\s+mia)\b")
# The visit claimed as the writer's own in so many words ("it's actually for me", "es para mí"), not
# "works for me" or "para mí es mejor el martes", not denied ("la cita no es para mí, es para mi mamá"),
# and not the writer beside the relative ("for me too")
_CLAIM = re.compile(
    r"\b(?<!\bno\s)(?<!\bnot\s)(?:(?:it'?s|its|it\s+is|is|was|es|era|seria|la\s+cita\s+es|the\s+(?:appointment|appt)\s+is)\s+"
    r"(?:actually\s+|really\s+|just\s+|en\s+realidad\s+|realmente\s+|solo\s+)?"
    rf"(?:for\s+(?:me|myself)|mine|para\s+mi(?:\s+mism[oa])?(?!\s+(?:{KIN})\b))|(?:es|la)\s+mia)\b"
    r"(?!\s+(?:and|too|also|as\s+well|y|tambien)\b)"
)
# What turns a claim into a correction: a contrast, an apology, a mistake owned
_RETRACTS = re.compile(
    r"\b(?:but|pero|actually|sorry|my\s+bad|oops|wrong|i\s+meant|i\s+mean|mistake|no\s+wait|en\s+realidad"
    r"|perdon|perdone|perdona|disculpa|disculpe|me\s+equivoque|me\s+confundi|quise\s+decir|mejor\s+dicho"
    r"|error|no\s+es\s+para)\b"
)
# The relative denied: "not my son", "not for my son", "no para mi hijo", "no es para mi hija"
_DENIED = re.compile(
    rf"\b(?:not|no|instead\s+of|rather\s+than|en\s+(?:vez|lugar)\s+de)\s+(?:(?:for|es\s+para|para)\s+)?"
    rf"(?:my|mi)\s+(?:{KIN})\b"
)


def for_self(folded: str) -> bool:
    """Whether the writer says the visit is their own, correcting a relative said before it (in this
    message or an earlier one): "sorry, it's actually for me, not my son", "es para mí, perdón"."""
    return any(
        _DENIED.search(folded) or _RETRACTS.search(folded, max(0, claim.start() - 40))
        for claim in _CLAIM.finditer(folded)
    )


def relative_meant(folded: str) -> str | None:
    """The relative the visit is for, unless the writer took them back (see the module docstring)."""
    found = relative_in(folded)
    if found is None:
        return None
    said = [m.start() for m in re.finditer(rf"\b{re.escape(found)}\b", folded)]
    selves = [m.start() for m in _FOR_MYSELF.finditer(folded)]
    cut = correction_cut(folded, said, [*said, *selves])
    if cut:
        return relative_in(folded[cut:])
    return None if for_self(folded) else found


def without_denied(folded: str) -> str:
    """`folded` with every relative denied ("not my son", "no para mi hija") blanked out, every
    character kept in place: a child denied points to no pediatrician."""
    return _DENIED.sub(lambda m: " " * len(m[0]), folded)
