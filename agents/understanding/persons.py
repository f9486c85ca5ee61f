"""Asking for a person: "talk to a nurse", "put me through to the front desk", "me comunica con una
persona", "me pasa con alguien", "comuníqueme con la recepcionista", or just "agent" / "humano".

Such a request is honoured whatever the agent was waiting for, so it has a module of its own:
the verbs of putting someone through in their everyday forms (imperatives, "me + present",
clitics), each followed by someone who can help.
"""

from __future__ import annotations

import re

from agents.understanding.text import Text, tokens

_REAL = r"(?:real|live|actual|human|proper|de\s+verdad|humana|viva)"
# "talk to a nurse", "can i talk to an actual person", "hablar con una persona"; a bare "agent" or
# "humano" only as the whole message.
_ASK_FOR_PERSON = re.compile(
    r"\b(?:talk|speak|chat|connect\s+me|put\s+me\s+through|transfer\s+me)\s+(?:to|with)\s+"
    rf"(?:a\s+|an\s+|the\s+|your\s+|some\s+)?(?:{_REAL}\s+)?(?:person|human|agent|representative"
    r"|receptionist|reception|front\s+desk|office|nurse|staff|operator|manager|someone|somebody|people)\b"
    # "i want a real person", "get me a human", "give me an actual person not a bot"
    rf"|\b(?:i\s+(?:want|need|would\s+like)|i'd\s+like|get\s+me|give\s+me|can\s+i\s+(?:get|have))\s+(?:to\s+\w+\s+\w+\s+)?"
    rf"(?:a|an)\s+(?:{_REAL}\s+)?(?:person|human|receptionist|operator)\b"
    r"|\b(?:hablar|comunic(?:ar|arme|a|as|an|ame)|comuniqu(?:e|en|eme|enme)|pas(?:ar|arme|ame|eme|a|as|e|en|enme)"
    r"|transfer(?:ir|irme)|transfier(?:a|e|an|en|eme|ame)|conect(?:ar|arme|ame|eme|a|e|en))\s+con\s+"
    r"(?:un\s+|una\s+|el\s+|la\s+|alguna\s+)?"
    r"(?:persona|humano|agente|recepcionista"
    r"|enfermera|enfermero|operador|operadora|alguien|encargado|encargada)\b"
    # "quiero una persona de verdad", "necesito hablar con un humano" (above), "no con un bot"
    rf"|\b(?:quiero|necesito|quisiera)\s+(?:una\s+persona|un\s+humano)(?:\s+{_REAL})?\b"
)
# "can someone from the clinic get back to me?", "can someone who knows get back to me", "que me
# conteste una persona", "que alguien me confirme por favor": a person to answer.
_WHO_KNOWS = r"(?:(?:who|that)\s+(?:knows|can\s+help|works\s+there)\s+)"
_DE_LA_CLINICA = r"(?:de\s+(?:la\s+clinica|recepcion|la\s+recepcion|ahi|alli|alla)\s+|que\s+sepa\s+)"
# "can someone let me know if you take Aetna?" asks a question the clinic's information may answer.
_NO_QUESTION = (
    r"(?![\s,]+(?:if|whether|what|when|where|how|which|why|about|si|que|cuando|donde|como|cual|cuanto|cuanta"
    r"|por\s+que|sobre|de\s+que)\b)"
)
_PERSON_TO_ANSWER = re.compile(
    rf"\b(?:someone|somebody|a\s+(?:{_REAL}\s+)?(?:person|human)|(?:a|the)\s+(?:receptionist|front\s+desk))\s+"
    rf"(?:(?:from|at)\s+(?:the\s+|your\s+)?(?:clinic|office|front\s+desk|reception)\s+|{_WHO_KNOWS})?(?:please\s+)?"
    r"(?:get\s+back\s+to\s+me|contact\s+me|reach\s+out\s+to\s+me|reply\s+to\s+me|answer\s+me|follow\s+up\s+with\s+me"
    rf"|call\s+me|text\s+me|write\s+(?:to\s+)?me|(?:confirm\s+(?:it|this|that|for\s+me)|let\s+me\s+know)\b{_NO_QUESTION})\b"
    rf"|\bque\s+(?:una\s+persona|alguien|un\s+humano)\s+{_DE_LA_CLINICA}?me\s+(?:conteste|responda|llame|atienda"
    rf"|contacte|escriba|(?:confirme|avise|diga|ayude)\b{_NO_QUESTION})\b"
    r"|\bque\s+me\s+(?:conteste|responda|llame|atienda|contacte|escriba|confirme|avise)n?\s+(?:una\s+persona|alguien"
    r"|un\s+humano|la\s+recepcionista)\b"
)
_PERSON_FILLERS = frozenset({"a", "an", "the", "un", "una", "please", "por", "favor", "real", "live"})
_PERSON_WORDS = frozenset(
    {"human", "agent", "representative", "operator", "person", "receptionist", "humano", "agente",
     "operador", "operadora", "persona", "recepcionista", "recepcion"}
)  # fmt: skip
# A message that is nothing but calls for a person, however many: "REPRESENTATIVE. agent. human. someone
# real pls", "humano, persona real, alguien de verdad ya", "agent agent agent". Someone or "alguien" only
# counts made real ("someone real"), so "someone there?" checks who is there (`closings`).
_CALLS = frozenset(
    {*_PERSON_WORDS, "humans", "people", "persons", "agents", "representante", "rep", "operadores"}
)
_CALL_FILLERS = frozenset(
    {*_PERSON_FILLERS, "pls", "plz", "plez", "porfa", "porfavor", "now", "asap", "ya", "ahora", "just",
     "only", "solo", "de", "verdad", "actual", "someone", "somebody", "alguien", "con", "un", "to", "talk",
     "hablar", "i", "want", "quiero", "need", "necesito", "speak"}
)  # fmt: skip
_REAL_SOMEONE = re.compile(
    r"\b(?:someone|somebody|alguien|a\s+person|una\s+persona)\s+(?:real|de\s+verdad|actual|live)\b"
)


def _only_calls(words: list[str], corrected: str) -> bool:
    """Whether the words are only calls for a person (at least one) and fillers around them."""
    called = any(w in _CALLS for w in words) or bool(_REAL_SOMEONE.search(corrected))
    return called and 0 < len(words) <= 12 and all(w in _CALLS or w in _CALL_FILLERS for w in words)


def asks_for_person(text: Text) -> bool:
    """Asks for a person ("talk to a nurse", "hablar con alguien", or just "agent"/"humano")."""
    words = [w for w in tokens(text.corrected) if w not in _PERSON_FILLERS]
    asked = any(
        pattern.search(view)
        for pattern in (_ASK_FOR_PERSON, _PERSON_TO_ANSWER)
        for view in (text.corrected, text.folded)
    )
    return (
        asked
        or (0 < len(words) <= 2 and all(w in _PERSON_WORDS for w in words))
        or _only_calls(tokens(text.corrected), text.corrected)
    )
