"""Someone writing from another person's phone about a visit of their own: "this is Emily, using my
dad's phone, the appt is for me not him", "uso el cel de mi esposa, la cita es para mí no para ella".

The verified phone says whose records the conversation may touch only while its owner is the one
writing. A writer who says the phone is someone else's, or that the visit is theirs and not the
owner's, is not that owner: the graph must then know them by name and birth date (or register
them), never take the phone's patient for them. Reading this wrongly costs one extra question,
reading it not at all books on another person's record, so the phrasings are broad but each names
a phone that is not the writer's own or contrasts "me" with someone else.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from agents.understanding.kin import kin_intro, same_given_name
from agents.understanding.names import own_name
from agents.understanding.text import Text, clean, fold

_DEVICE = r"(?:phone|cell(?:\s*phone)?|cellphone|mobile|number|whatsapp|account)"
_DISPOSITIVO = r"(?:cel|celular|telefono|movil|numero|whatsapp|cuenta)"
_NOT_A_PERSON = (
    r"(?!(?:la|el|los|las|su|sus|un|una|telefono|celular|cita|contacto|emergencia|casa|trabajo)\b)"
)
# "using my dad's phone", "on my wife's cell", "on my moms phone" (no apostrophe, as phones type
# it), "texting from her phone", "borrowed my sister's phone",
# "this is my mom's number", "el cel de mi mamá", "uso su cel", "te escribo desde el teléfono de Ana".
_OTHERS_PHONE = re.compile(
    r"\b(?:using|on|from|borrow(?:ing|ed)|with|this\s+is|it'?s)\s+"
    rf"(?:(?:my\s+)?(?:[a-z]+\s+)?[a-z]+'s|my\s+[a-z]+s|his|her|their)\s+{_DEVICE}\b"
    rf"|\b(?:this|the)\s+{_DEVICE}\s+(?:is|belongs\s+to)\s+(?:my\s+[a-z]+'s|his|hers|theirs|my\s+(?:mom|dad|mother"
    r"|father|wife|husband|son|daughter|sister|brother|partner)\b)"
    rf"|\b(?:uso|usando|use|desde|con|en|es|del)\s+(?:el\s+)?{_DISPOSITIVO}\s+de\s+(?:mis?\s+[a-z]+|{_NOT_A_PERSON}[a-z]+)\b"
    rf"|\b(?:uso|usando|use|desde)\s+su\s+{_DISPOSITIVO}\b"
    rf"|\b(?:me\s+prest[oa]|prestad[oa])\s+(?:su|el)\s+{_DISPOSITIVO}\b"
)
# "the appt is for ME not him", "it's for myself", "para mí, no para ella", "no es para él, es para mí".
_OTHER = r"(?:him|her|them|my\s+[a-z]+|[a-z]+'s)"
_DAYS = r"lunes|martes|miercoles|jueves|viernes|sabado|domingo|dia|proximo|otro|mes|ano"
_OTRO = rf"(?:el(?!\s+(?:{_DAYS}))|ella|ellos|ellas|mi\s+[a-z]+|su\s+[a-z]+)"
_FOR_ME_NOT_THEM = re.compile(
    rf"\bfor\s+me\b[\s,;:.!-]*(?:and\s+)?not\s+(?:for\s+)?{_OTHER}(?![\w'])"
    r"|\bnot\s+for\s+(?:him|her|them)\b[\s,;:.!-]*(?:it'?s\s+|but\s+)?(?:for\s+)?me\b"
    rf"|\bpara\s+mi\b[\s,;:.!-]*(?:y\s+)?no\s+(?:es\s+)?para\s+{_OTRO}\b"
    r"|\bno\s+(?:es\s+)?para\s+(?:el|ella|ellos|ellas)\b[\s,;:.!-]*(?:sino\s+|es\s+)?(?:para\s+)?mi\b"
)
# "the appointment is for myself", "la cita es para mí misma": said with that weight, the writer sets
# themself apart from the phone's owner, unless the words just took back someone they named ("para mi
# hija... no perdón, para mí misma" is the writer correcting whom the visit is for, nothing more).
_EMPHATIC_SELF = re.compile(r"\bfor\s+myself\b|\bpara\s+mi\s+mism[oa]\b")
_TAKEN_BACK = re.compile(
    r"\b(?:no|nope|nah)\b[\s,;:.!-]*(?:(?:perdon|sorry|espera|wait|mejor|i\s+mean|quiero\s+decir|digo)\b"
    r"[\s,;:.!-]*)+(?:it'?s\s+|es\s+)?$"
)


def writes_for_self_elsewhere(text: Text) -> bool:
    """Whether the writer says they are not the phone's owner (another's phone), or that the
    visit is theirs rather than someone else's: their own name and birth date must identify them."""
    folded = text.folded
    if _OTHERS_PHONE.search(folded) or _FOR_ME_NOT_THEM.search(folded):
        return True
    return any(not _TAKEN_BACK.search(folded[: m.start()]) for m in _EMPHATIC_SELF.finditer(folded))


def writer_apart(text: str, owners: Sequence[str]) -> bool:
    """Whether the writer, by who they say they are, is none of the phone's patients (`owners`: their
    given names): the relative of one of them ("This is James's father, Harold", "soy la esposa de
    Juan", "I'm her husband"), or someone who gives a name of their own that is none of theirs
    ("Hi, this is Carmen" on Juan's phone). A nickname or a missing accent is the same name ("Jim" is
    James), and "I'm Leo's mom" on Maria's phone (Leo not a patient of it) is Maria writing for her
    son, so only her own name, if given, decides."""
    if not owners:
        return False
    kin = kin_intro(fold(clean(text)))
    if kin is not None and (kin.of is None or any(same_given_name(kin.of, owner) for owner in owners)):
        return True
    own = (kin.own if kin else None) or _own_full_or_capitalised(text)
    return own is not None and not any(same_given_name(own, owner) for owner in owners)


def _own_full_or_capitalised(text: str) -> str | None:
    """The writer's own name when it reads as one: a full name, or a single word they capitalised
    ("this is Carmen"); "this is unacceptable" is a complaint, not a stranger on the phone."""
    own = own_name(text)
    if own is None or len(own.split()) >= 2 or re.search(rf"\b{re.escape(own)}\b", clean(text)):
        return own
    return None
