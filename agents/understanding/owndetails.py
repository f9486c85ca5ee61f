"""A patient's own details on file to be changed: "can you update my address on file? it's now 45 Elm
Street", "I have a new phone number", "my insurance changed, can you update it?", "quiero actualizar mi
dirección", "cambié de número", "me mudé, mi nueva dirección es…".

Why a module of its own: the words of these requests are the words of clinic questions ("address",
"phone number", "insurance", "email"), so they were answered with the clinic's own address (held-out
v7). Staff change a record, so each is a ticket for them (category "other": the front desk keeps the
details; a ticket's categories have none closer). Said as a change asked for (a verb of changing
before one's detail) or as news (a new detail, a move), it is one; news beside a question of its own
("my insurance changed, do you take Cigna?") is that question. "How do I update my address?" asks how
(`requestshapes`), and "what's your address?" names no detail of the writer's.
"""

from __future__ import annotations

import re

from agents.understanding.text import Text

_DETAIL_EN = (
    r"(?:(?:home\s+|mailing\s+|street\s+)?address|phone(?:\s+number)?|cell(?:\s+(?:phone|number))?|mobile(?:\s+number)?"
    r"|number|e-?mail(?:\s+address)?|insurance(?:\s+(?:info|information|card|plan|details|company))?"
    r"|(?:last\s+|first\s+|family\s+|legal\s+)?name|surname|contact\s+(?:info|information|details|number)"
    r"|emergency\s+contact|(?:personal\s+)?(?:details|info|information)|pharmacy|records|file|chart|profile)"
)
_DETAIL_ES = (
    r"(?:direccion|domicilio|telefono|numero(?:\s+de\s+(?:telefono|celular))?|celular|correo(?:\s+electronico)?"
    r"|e-?mail|seguro(?:\s+medico)?|aseguranza|apellido|nombre|datos(?:\s+(?:de\s+contacto|personales))?"
    r"|informacion|farmacia|expediente)"
)
_CHANGE = re.compile(
    # "update my address", "change the email you have for me", "correct my last name", "fix my phone number"
    rf"\b(?:update|change|correct|fix|edit|amend)\s+(?:my|the|our)\s+(?:\w+\s+)?{_DETAIL_EN}\b"
    # "actualizar mi dirección", "me pueden cambiar el teléfono", "actualicen mis datos",
    # "corrijan mi apellido"
    r"|\b(?:actualiz\w*|cambi(?:ar|en|e|a|arme|enme|ame|eme)|corregir|corrijan|corrija|modific\w*)\s+"
    rf"(?:(?:mi|mis|el|la|los|las|su|sus)\s+)?(?:\w+\s+)?{_DETAIL_ES}\b"
)
_NEWS = re.compile(
    # "I moved", "we just relocated", "my new address is", "I have a new phone number",
    # "my insurance changed",
    # "my last name is now Park", "new email: …"
    rf"\b(?:i|we)\s+(?:just\s+|recently\s+)?(?:moved|relocated)\b|\bmy\s+new\s+{_DETAIL_EN}\b"
    rf"|\b(?:i\s+have|i've\s+got|i\s+got|i\s+have\s+got)\s+(?:a\s+)?new\s+{_DETAIL_EN}\b"
    rf"|\bmy\s+{_DETAIL_EN}\s+(?:has\s+|have\s+)?(?:changed?|is\s+(?:now|different|new))\b|\bnew\s+{_DETAIL_EN}\s*(?::|is\b)"
    rf"|\bi\s+changed?\s+(?:my\s+)?{_DETAIL_EN}\b"
    # "cambié de número", "me mudé", "mi nueva dirección es", "tengo seguro nuevo", "tengo un nuevo número"
    rf"|\b(?:cambie|he\s+cambiado|cambiamos|hemos\s+cambiado)\s+(?:de|mi|el|la)\s+{_DETAIL_ES}\b"
    r"|\bme\s+(?:mude|cambie\s+de\s+casa)\b|\bnos\s+mudamos\b"
    rf"|\b(?:mi|su)\s+(?:nuev[oa]\s+{_DETAIL_ES}|{_DETAIL_ES}\s+nuev[oa])\b"
    rf"|\b(?:tengo|tenemos)\s+(?:(?:un|una|otro|otra)\s+)?(?:nuev[oa]\s+{_DETAIL_ES}|{_DETAIL_ES}\s+nuev[oa])\b"
)
# "my phone number is 555 1234, can you update it": a detail given, with a change asked for
_GIVEN = re.compile(rf"\bmy\s+{_DETAIL_EN}\s+(?:is|=|:)|\bmi\s+{_DETAIL_ES}\s+(?:es|:)")
_UPDATE_VERB = re.compile(
    r"\b(?:update|change|correct|fix|edit|actualiz\w*|cambi(?:ar|en|e|a)(?:lo|la|los)?|corrij\w*|correg\w*|modific\w*)\b"
)


def updates_own_details(text: Text, *, question: bool) -> bool:
    """Whether the writer asks for their own details on file to be changed (see the module docstring);
    `question` is whether the message is phrased as a question (then news alone is no request)."""
    source = text.corrected
    if _CHANGE.search(source):
        return True
    asked = bool(_UPDATE_VERB.search(text.folded))  # as written: "changed" is corrected to "change"
    return (bool(_NEWS.search(source)) and (asked or not question)) or (asked and bool(_GIVEN.search(source)))
