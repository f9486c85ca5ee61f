"""Times the patient says they cannot do: "en la mañana no puedo ir", "I can't do mornings",
"Mondays don't work for me".

Said beside a request for a time ("…, ¿tienen cita el lunes en la tarde?"), such a phrase is a
constraint, not the time asked for and not a cancellation: "no puedo ir" there cancels nothing. The
phrases are blanked out (same length, so spans still line up) before the time is read, and a
cancellation word that only stood inside one is no cancellation.

Works on folded text (lower case, no accents).
"""

from __future__ import annotations

import re

from agents.understanding.timewords import WEEKDAY_RE

_ES_WHEN = (
    rf"(?:(?:en|por)\s+la\s+(?:manana|tarde|noche)|las\s+(?:mananas|tardes)|(?:los|el)\s+(?:{WEEKDAY_RE})s?"
    r"|temprano|tan\s+temprano|(?:antes|despues)\s+de\s+las\s+\d{1,2}(?::\d\d)?)"
)
_ES_CANNOT = (
    r"no\s+(?:puedo|podre|podemos|me\s+(?:queda|sirve|va|da\s+tiempo))(?:\s+(?:ir|llegar|venir|pasar))?"
)
_EN_WHEN = (
    rf"(?:(?:in\s+the\s+)?(?:mornings?|afternoons?|evenings?)|(?:on\s+)?(?:{WEEKDAY_RE})s?|early|that\s+early"
    r"|(?:before|after)\s+\d{1,2}(?::\d\d)?\s*(?:am|pm)?)"
)
_EN_CANNOT = (
    r"(?:can'?t|cannot|can\s+not|won'?t\s+be\s+able\s+to|am\s+not\s+able\s+to)\s+(?:do|make|come(?:\s+in)?|go)"
    r"(?:\s+it)?"
)
# A day said to be taken: "ya no tenían citas el viernes", "el viernes está lleno", "no slots left on
# Friday", "Monday 18th is a holiday" — a reason to ask for another day, not the day asked for.
_ES_DAY = rf"(?:el|los)\s+(?:{WEEKDAY_RE})s?(?:\s+\d{{1,2}})?"
_ES_NONE_LEFT = (
    r"(?:ya\s+)?no\s+(?:hay|habia|hubo|tienen|tenian|tenia|tiene|quedan|quedaban|queda|quedaba)\s+(?:mas\s+)?"
    r"(?:citas?|turnos?|nada|lugar|espacio|horarios?|cupos?|disponibilidad)(?:\s+(?:libres?|disponibles?))?"
)
_ES_TAKEN = (
    r"(?:ya\s+)?(?:no\s+(?:hay|habia|tienen|tenian|quedan|queda|quedaba)\b(?:\s+(?:nada|citas?|lugar))?"
    r"|(?:esta|estaba|estan|estaban)\s+(?:lleno|llenos|completo|completos|ocupado|ocupados|cerrado)"
    r"|(?:va\s+a\s+estar|estara|viene)\s+(?:muy\s+|super\s+)?(?:lleno|llenisimo|ocupado|complicado|a\s+tope)"
    r"|(?:es|cae(?:\s+en)?)\s+(?:feriado|festivo|dia\s+festivo|puente|accion\s+de\s+gracias|navidad|nochebuena"
    r"|ano\s+nuevo|dia\s+del\s+trabajo|dia\s+de\s+la\s+independencia|4\s+de\s+julio))"
)
_EN_DAY = rf"(?:on\s+)?(?:{WEEKDAY_RE})s?(?:\s+(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?)?"
_EN_NONE_LEFT = (
    r"(?:(?:no|not\s+any|none)\s+(?:more\s+)?(?:appointments?|appts?|slots?|openings?|availability|spots?|times?)"
    r"|nothing)\s+(?:left\s+|free\s+|available\s+|open\s+)?(?:on|for)"
)
# "Monday's a holiday", "Tuesday's gonna be packed", "Thursday is Thanksgiving": not the day asked for
_EN_TAKEN = (
    r"(?:\s*'s(?:\s+(?:gonna|going\s+to)\s+be)?|\s+(?:is|was|are|were|will\s+be|'ll\s+be|(?:is\s+)?(?:gonna|going\s+to)\s+be))\s+"
    r"(?:fully\s+|all\s+|completely\s+|so\s+|too\s+|really\s+|probably\s+|super\s+)?"
    r"(?:full|booked(?:\s+up)?|taken|packed|busy|slammed|swamped|closed|a\s+(?:bank\s+|public\s+|federal\s+)?holiday"
    r"|thanksgiving|christmas(?:\s+(?:day|eve))?|new\s+year'?s(?:\s+(?:day|eve))?|labor\s+day|memorial\s+day"
    r"|independence\s+day|july\s+4th|the\s+4th(?:\s+of\s+july)?)"
)
# A day the patient (or the child the visit is for) is busy: "she has a field trip wednesday", "i have a
# work thing friday", "I've got a meeting on Monday", "I'm busy
# Tuesday", "I work Friday", "tengo algo el viernes", "tengo trabajo el lunes", "trabajo el martes" —
# or the day first: "el jueves trabajo", "Thursday I work".
_EN_BUSY = (
    r"(?:(?:i|we|they)(?:(?:\s*'ve|\s+have)(?:\s+got)?|\s+got)|(?:she|he)(?:\s*'s\s+got|\s+has(?:\s+got)?|\s+got))"
    r"\s+(?:a|an|some|this|that|my|her|his|their)?\s*(?:[a-z]+\s+)?"
    r"(?:thing|meeting|class|exam|test|commitment|conflict|event|shift|plans|trip|something|work|school|practice"
    r"|recital|game|tournament|party)"
    r"|(?:i'?m|(?:she|he)'?s|(?:she|he)\s+is|they'?re|we'?re)\s+(?:busy|working|away|out\s+of\s+town|traveling"
    r"|travelling)|(?:i|they|we)\s+work|(?:she|he)\s+works"
)
_ES_BUSY = (
    r"(?:tengo|tenemos)\s+(?:algo|trabajo|clase|clases|un\s+compromiso|una\s+reunion|un\s+examen|otra\s+cosa"
    r"|un\s+viaje|turno|planes)|(?:estoy|estare)\s+(?:ocupad[oa]|trabajando|de\s+viaje|fuera)|trabajo"
)
UNAVAILABLE = re.compile(
    rf"\b(?:{_EN_BUSY})\s+{_EN_DAY}\b|\b(?:{_ES_BUSY})\s+{_ES_DAY}\b"
    # the day first: "el jueves trabajo", "el jueves tengo clase", "thursday I work", "on friday I'm away"
    rf"|\b{_ES_DAY}\s*,?\s*(?:yo\s+)?(?:{_ES_BUSY})\b|\b{_EN_DAY}\s*,?\s*(?:{_EN_BUSY})\b"
    rf"|\b{_ES_NONE_LEFT}\s+(?:(?:para|en)\s+)?{_ES_DAY}\b|\b{_ES_DAY}\s+{_ES_TAKEN}\b"
    rf"|\b{_EN_NONE_LEFT}\s+{_EN_DAY}\b|\b{_EN_DAY}{_EN_TAKEN}\b"
    rf"|\b{_ES_WHEN}\s*,?\s*(?:yo\s+)?{_ES_CANNOT}\b|\b{_ES_CANNOT}\s+{_ES_WHEN}\b"
    rf"|\b{_EN_CANNOT}\s+{_EN_WHEN}\b|\b{_EN_WHEN}\s*,?\s*i\s+{_EN_CANNOT}\b"
    rf"|\b{_EN_WHEN}\s+(?:don'?t|do\s+not|doesn'?t|does\s+not|won'?t)\s+work\b"
)


def without_unavailable(folded: str) -> str:
    """`folded` with every "cannot do" time blanked out, every character kept in place."""
    return UNAVAILABLE.sub(lambda m: " " * len(m[0]), folded)
