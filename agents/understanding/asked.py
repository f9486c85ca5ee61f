"""The question itself, out of a message that says more: what the knowledge base is searched with.

Spanish opens a question with "¿", so where it starts is written down: "hola, soy Ana Rodríguez. Me
sacaron sangre ayer ¿en cuántos días salen los resultados en el portal?", "una preguntita, ¿a qué
hora abren en la mañana? Es que quiero ir temprano a dejar unos papeles". Searched whole, the words
around it ("sangre", "papeles") pulled in the fasting and the paperwork sections and no answer was
trusted; searched alone, the question finds its section. A clause joined to it by a comma in the
same sentence is kept ("no tengo seguro, ¿cuánto me sale la consulta?": the question needs it).
A message without "¿…?" is searched as it is.
"""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"[.!?…]")


def asked_part(clean: str) -> str:
    """The "¿…?" question of `clean`, with the clause a comma joins to it; `clean` when it has none."""
    opened = clean.find("¿")
    closed = clean.rfind("?")
    if opened < 0 or closed < opened:
        return clean
    sentence = max((m.end() for m in _SENTENCE_END.finditer(clean, 0, opened)), default=0)
    lead = clean[sentence:opened].rstrip()
    start = sentence if lead.endswith(",") else opened
    return clean[start : closed + 1].strip()
