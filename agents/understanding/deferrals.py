"""A pick put off: "let me check my work schedule first and I'll text you back", "I'll get back to
you", "déjame ver mi agenda y te aviso", "lo consulto y le escribo".

Why a module of its own: held-out v10 answered times on offer with "let me check my work schedule first
and I'll text you back. thanks!" and got the first time booked — "first" (an adverb: before that) was
read as a pick. A receptionist books nothing on it: the writer will come back with a pick. The clause
that puts it off is taken out before looking for a pick, so an option named beside it ("the first
one, I'll let you know if it changes", "la primera; si no puedo te aviso") still picks.
"""

from __future__ import annotations

import re

from agents.understanding.choices import mentions_choice
from agents.understanding.text import analyse

_CLAUSE = r"[^.,;:!?]*"  # the rest of the clause: "… my work schedule first and I'll text you back"
# Checking first: "let me check my schedule", "lemme think about it", "I need to check with my boss",
# "I have to ask my wife" — something to look at or someone to ask. "let me see, the second one" is a
# filler, and "I need to see a dermatologist" or "I need to ask: is there parking?" put nothing off.
_CHECK_FIRST = re.compile(
    r"\b(?:let\s+me|lemme)\s+(?:first\s+)?(?:check|double[\s-]?check|see|look|think|ask|talk|speak|confirm|figure"
    r"|sort)\s+(?:my|with|w/|what|if|whether|when|about|it|first|and|at\s+my|on\s+my|in\s+my|over|out)\b"
    r"|\b(?:let\s+me|lemme)\s+(?:think|check)\s*(?:[.!]|$)"
    r"|\b(?:i\s+(?:need|have|gotta|got)\s+to|i'?ll\s+(?:need|have)\s+to|i\s+must|i\s+should)\s+(?:first\s+)?"
    r"(?:check\s+(?:my|with|the\s+(?:schedule|calendar)|if|whether|when|what|first)|double[\s-]?check|look\s+at\s+my"
    r"|think\s+(?:about\s+it|it\s+over)|figure\s+(?:it\s+|things\s+)?out|ask\s+(?:my|him|her|them|the\s+boss)"
    r"|(?:talk|speak)\s+(?:to|with)\s+my|run\s+it\s+by|clear\s+it\s+with|confirm\s+(?:with|my|first))\b"
)
# Coming back with the answer: "I'll text you back", "I'll get back to you", "I'll let you know",
# "will confirm later", "i'll write back tomorrow".
_COME_BACK = re.compile(
    r"\b(?:i'?ll|ill|i\s+will|will|i'?m\s+going\s+to|gonna)\s+(?:just\s+)?(?:get\s+back\s+to\s+(?:you|u|ya)"
    r"|let\s+(?:you|u|ya)\s+know|(?:text|message|msg|write|call|ring|email|hit)\s+(?:you\s+|u\s+|ya\s+)?back"
    r"|(?:text|message|msg|write|call|get\s+in\s+touch|reach\s+out)\b(?:\s+\w+){0,3}?\s+(?:later|tomorrow|soon"
    r"|tonight|after|then|once|when)|confirm\s+(?:later|tomorrow|soon|tonight|after|when|once|by))\b"
    r"|\b(?:get\s+back\s+to\s+(?:you|u)|talk\s+(?:to\s+you\s+)?(?:later|soon)|ttyl)\b"
)
# The same in Spanish: "déjame ver mi agenda", "lo consulto con mi esposo", "lo pienso", "tengo que
# revisar mi horario" (not "tengo que ver al doctor"), "te aviso", "le escribo luego", "ya te digo".
_CHECK_FIRST_ES = re.compile(
    r"\b(?:dejame|dejeme|deja(?:me)?\s+(?:que\s+)?(?:yo\s+)?|permit[ae]me|tengo\s+que|necesito|voy\s+a|primero\s+)"
    r"\s*(?:ver(?!\s+(?:al?|la|el|con)\b)|revisar|checar|chequear|mirar|pensar(?:lo)?|consultar(?:lo)?"
    r"|preguntar(?:le)?|hablar(?:lo)?|confirmar(?:lo)?|organizarme|cuadrar)\b"
    r"|\blo\s+(?:consulto|pienso|hablo|reviso|veo|checo|miro|pregunto|platico)\b"
)
_COME_BACK_ES = re.compile(
    r"\b(?:te|le|les)\s+(?:aviso|escribo|confirmo|contesto|respondo|mando\s+(?:un\s+)?mensaje)\b"
    r"|\b(?:y|ya|luego|despues|ahorita|al\s+rato|mas\s+tarde)\s+(?:te|le|les)\s+(?:digo|llamo|marco)\b"
    r"|\b(?:vuelvo\s+a\s+escribir|escribo\s+de\s+nuevo|(?:lo|la)\s+confirmo\s+(?:luego|despues|mas\s+tarde|manana))\b"
)
# Checking first takes the rest of its clause with it ("… my work schedule first"); coming back is
# the clause's own words ("te confirmo la primera" still names the first).
_BEFORE = r"(?:\b(?:primero|antes|first(?:\s+of\s+all)?|but|pero|actually|en\s+realidad)[,\s]+)*"
_DEFERRING = re.compile(
    f"{_BEFORE}(?:{_CHECK_FIRST.pattern}){_CLAUSE}|{_BEFORE}(?:{_CHECK_FIRST_ES.pattern}){_CLAUSE}"
    f"|{_BEFORE}(?:{_COME_BACK.pattern}|{_COME_BACK_ES.pattern})"
)


def puts_off_pick(text: str) -> bool:
    """Whether a reply to the times on offer puts the pick off (checking something first, or coming
    back later) and, once the clauses that say so are taken out, names no option."""
    folded = analyse(text, frozenset()).folded
    if not _DEFERRING.search(folded):
        return False
    return not mentions_choice(_DEFERRING.sub(" ", folded))
