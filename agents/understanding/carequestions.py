"""A question for the clinician passed through the clinic: "quería preguntarle a la doctora Morales si
tengo q cambiar algo", "can you ask dr morales whether I should…", "I just wanted a nurse to call me
back and tell me if that's normal".

Why a module of its own: `topics._MEDICAL` reads questions about one's body or medicines by their
words ("is it normal", "should I take"); these are read by their shape — a question addressed to a
named or unnamed clinician, or a callback asked for so that someone says whether something is
normal. Held-out v9 read the first as a booking (a practitioner named) and the last as a hand-off,
when a receptionist passes both to the care team. Asking a clinician about their availability
("preguntarle a la doctora si tiene citas el lunes", "ask dr lee if she has openings") is no
question for the care team.
"""

from __future__ import annotations

import re

from agents.understanding.text import Text

_CLINICIAN_ES = r"(?:doctora?|dra?\.?|medic[oa]|enfermer[oa]|pediatra|especialista)"
_CLINICIAN_EN = r"(?:doctor|doc|dr\.?|nurse|physician|provider|pediatrician|specialist|np|pa)"
_ASK_CLINICIAN = re.compile(
    # "quería preguntarle a la doctora Morales si…", "pregúntele al doctor si…", "consultarle a mi médico si"
    rf"\b(?:pregunt|consult)\w*\s+(?:a\s+(?:la|el|mi|su)|al)\s+{_CLINICIAN_ES}(?:\s+[a-z]+)?\s+(?:si|que|sobre|acerca)\b"
    # "I wanted to ask dr morales whether…", "can you ask the nurse if…", "a question for dr. lee:"
    rf"|\bask\s+(?:the\s+|my\s+|a\s+|your\s+)?{_CLINICIAN_EN}(?:\s+[a-z]+)?\s+(?:if|whether|about|what|how|why|should)\b"
    rf"|\bquestion\s+for\s+(?:the\s+|my\s+)?{_CLINICIAN_EN}(?:\s+[a-z]+)?\b"
    rf"|\bpregunta\s+para\s+(?:la|el|mi)\s+{_CLINICIAN_ES}\b"
    # "¿le pueden preguntar a la doctora?", "pregúntenle al doctor, porfa": asked on the patient's behalf
    rf"|\b(?:le|les)\s+(?:pueden|puede|podrian|podria|podrias|puedes)\s+(?:pregunt|consult)\w*\s+(?:a\s+(?:la|el|mi|su)|al)"
    rf"\s+{_CLINICIAN_ES}\b|\bpregunten(?:le)?\s+(?:a\s+(?:la|el|mi)|al)\s+{_CLINICIAN_ES}\b"
    # "Dr Raman started me on … Can she let me know if I should keep taking it?", "could the doctor tell me
    # whether…", "pueden decirle a la doctora que me diga si…"
    rf"|\b(?:can|could|would|will)\s+(?:she|he|they|the\s+{_CLINICIAN_EN}|my\s+{_CLINICIAN_EN}|{_CLINICIAN_EN}\s+[a-z]+)"
    r"\s+(?:please\s+)?(?:let\s+me\s+know|tell\s+me|advise(?:\s+me)?|get\s+back\s+to\s+me)\s+(?:if|whether|what|about)\b"
    r"|\bque\s+me\s+(?:diga|digan|avise|avisen|confirme)\s+si\b"
)
# Their availability, not a care question: "si tiene citas", "if she has openings", "si atiende el lunes".
_AVAILABILITY = re.compile(
    r"\b(?:si|if|whether)\s+(?:(?:she|he|they|ella|el)\s+)?(?:tiene|tienen|has|have|hay|atiende|atienden|is\s+available"
    r"|works?|trabaja|esta\s+disponible)\b[^.?!]{0,30}?\b(?:citas?|turnos?|huecos?|espacio|lugar|openings?|slots?"
    r"|availability|appointments?|appts?|time|lunes|martes|miercoles|jueves|viernes|monday|tuesday|wednesday"
    r"|thursday|friday|manana|tomorrow|hoy|today|semana|week|disponib\w*|available)\b"
)
# Whether they can see the patient: "si me ve el lunes", "if she can see me friday" — a visit wished.
_SEES = re.compile(
    r"\b(?:si|if|whether)\s+(?:(?:she|he|they|ella|el)\s+)?(?:me\s+(?:ve|puede\s+ver|podria\s+ver|atiende|puede\s+atender)"
    r"|(?:can|could|would)\s+(?:see|fit)\s+me)\b"
)
# Whether something is normal, asked of someone: "tell me if that's normal", "whether this is normal", "para
# decirme si esto es normal". ("is that normal? can I book a visit?" asks for the visit: it is not this.)
_IF_NORMAL = re.compile(
    r"\b(?:if|whether)\s+(?:that|this|it|thats|its)(?:'s|\s+is|\s+was)?\s+(?:normal|expected)\b"
    r"|\bsi\s+(?:eso\s+|esto\s+)?es\s+normal\b"
)


def asks_clinician(text: Text) -> bool:
    """A question for a clinician passed through the clinic (not their availability), or whether
    something is normal asked of someone: a medical question for the care team."""
    source = text.corrected
    if _ASK_CLINICIAN.search(source) and not (_AVAILABILITY.search(source) or _SEES.search(source)):
        return True
    return bool(_IF_NORMAL.search(source))
