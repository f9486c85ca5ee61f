"""Asking for a person: "talk to a nurse", "put me through to the front desk", "me comunica con una
persona", "me pasa con alguien", "comuníqueme con la recepcionista", or just "agent" / "humano".

Such a request is honoured whatever the agent was waiting for, so it has a module of its own:
the verbs of putting someone through in their everyday forms (imperatives, "me + present",
clitics), each followed by someone who can help.
"""

from __future__ import annotations

import re

from agents.understanding.text import Text, tokens

# "talk to a nurse", "hablar con una persona"; a bare "agent" or "humano" only as the whole message.
_ASK_FOR_PERSON = re.compile(
    r"\b(?:talk|speak|chat|connect\s+me|put\s+me\s+through|transfer\s+me)\s+(?:to|with)\s+"
    r"(?:a\s+|an\s+|the\s+|your\s+|some\s+)?(?:real\s+|live\s+)?(?:person|human|agent|representative"
    r"|receptionist|reception|front\s+desk|office|nurse|staff|operator|manager|someone|somebody)\b"
    r"|\b(?:hablar|comunic(?:ar|arme|a|as|an|ame)|comuniqu(?:e|en|eme|enme)|pas(?:ar|arme|ame|eme|a|as|e|en|enme)"
    r"|transfer(?:ir|irme)|transfier(?:a|e|an|en|eme|ame)|conect(?:ar|arme|ame|eme|a|e|en))\s+con\s+"
    r"(?:un\s+|una\s+|el\s+|la\s+|alguna\s+)?"
    r"(?:persona|humano|agente|recepcionista"
    r"|enfermera|enfermero|operador|operadora|alguien|encargado|encargada)\b"
)
# "can someone from the clinic get back to me?", "que me conteste una persona": a person to answer.
_PERSON_TO_ANSWER = re.compile(
    r"\b(?:someone|somebody|a\s+(?:real\s+|live\s+)?(?:person|human)|(?:a|the)\s+(?:receptionist|front\s+desk))\s+"
    r"(?:(?:from|at)\s+(?:the\s+|your\s+)?(?:clinic|office|front\s+desk|reception)\s+)?(?:please\s+)?"
    r"(?:get\s+back\s+to\s+me|contact\s+me|reach\s+out\s+to\s+me|reply\s+to\s+me|answer\s+me|follow\s+up\s+with\s+me"
    r"|call\s+me)\b"
    r"|\bque\s+(?:una\s+persona|alguien|un\s+humano)\s+me\s+(?:conteste|responda|llame|atienda|contacte|escriba)\b"
    r"|\bque\s+me\s+(?:conteste|responda|llame|atienda|contacte|escriba)n?\s+(?:una\s+persona|alguien|un\s+humano"
    r"|la\s+recepcionista)\b"
)
_PERSON_FILLERS = frozenset({"a", "an", "the", "un", "una", "please", "por", "favor", "real", "live"})
_PERSON_WORDS = frozenset(
    {"human", "agent", "representative", "operator", "person", "receptionist", "humano", "agente",
     "operador", "operadora", "persona", "recepcionista", "recepcion"}
)  # fmt: skip


def asks_for_person(text: Text) -> bool:
    """Asks for a person ("talk to a nurse", "hablar con alguien", or just "agent"/"humano")."""
    words = [w for w in tokens(text.corrected) if w not in _PERSON_FILLERS]
    asked = any(
        pattern.search(view)
        for pattern in (_ASK_FOR_PERSON, _PERSON_TO_ANSWER)
        for view in (text.corrected, text.folded)
    )
    return asked or (0 < len(words) <= 2 and all(w in _PERSON_WORDS for w in words))
