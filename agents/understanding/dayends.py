"""Parts of the day said in other words: the end of the clinic's day, and a part of day that only
tells when something happened.

"end of the day", "late afternoon", "en la tarde-noche", "a última hora", "al final del día" ask
for the last slots of the day, which a plain afternoon (searched earliest first, so 13:00 first)
does not give: they are the afternoon bounded from `LATE_START` on, a clock bound like "after 3".

"my knee locked up on the stairs this morning … TODAY afternoon?" names two parts of the day; the
morning is when the knee locked up, not when the patient would come. A "this morning"/"esta
mañana" told after a verb in the past in the same clause is such a narrated time, and so is a part
of day inside a reason ("el viernes, por la tarde, porque en la mañana me lleva mi hija al
trabajo"): each gives way to any other part of day said (alone it still counts: "can I come this
morning?").

Works on folded text (lower case, no accents).
"""

from __future__ import annotations

import re

LATE_START = 15 * 60  # the clinic's last two hours: what "end of the day" leaves to offer

LATE_DAY = re.compile(
    r"\b(?:(?:at\s+)?the\s+)?end\s+of\s+(?:the\s+)?(?:day|afternoon|business\s+day|work\s*day)\b"
    r"|\blate\s+(?:in\s+the\s+)?(?:afternoon|aft|day)\b|\blast\s+thing\b(?:\s+in\s+the\s+(?:day|afternoon))?"
    r"|\b(?:the\s+)?last\s+(?:appointment|appt|slot|one|spot)\s+of\s+the\s+day\b|\blatest\s+(?:one|slot|time)\b"
    r"|\b(?:en|por|a|para)\s+la\s+tarde[\s-]+noche\b|\btarde[\s-]noche\b|\ba\s+ultima\s+hora\b(?!\s+disponible)"
    r"|\bal\s+final\s+(?:del\s+dia|de\s+la\s+tarde|de\s+la\s+jornada)\b|\bya\s+tarde(?:cita)?\b"
    r"|\b(?:bien|muy)\s+tarde\b|\bultima\s+(?:cita|hora|consulta)\s+del\s+dia\b"
)
# "this morning" / "esta mañana" (the part word itself, or "this"/"esta" right before it): a time
# that can tell of the past
_DEICTIC = re.compile(r"^(?:esta\s+(?:manana|tarde))$")
_THIS = re.compile(r"\b(?:this|esta)\s+$")
# A verb in the past before it in the clause: "it locked up", "I woke up", "me caí", "empezó".
_PAST = re.compile(
    r"\b(?:(?!(?:need|feed|speed|bed|red|shed|seed|weed|bleed|breed|proceed|exceed|succeed)\b)[a-z]{2,}ed"
    r"|since|woke|fell|got|had|was|were|broke|hurt|began|started|came|went|saw|took|felt|threw|ran|slipped"
    r"|desde|empezo|empezaron|comenzo|me\s+cai|se\s+cayo|me\s+desperte|amaneci|amanecio|me\s+levante|tuve|tuvo"
    r"|fue|paso|me\s+dolio|le\s+dio|me\s+dio|me\s+salio|se\s+le)\b"
)
_CLAUSE_START = re.compile(r"[,.;:!?]|\b(?:but|pero|and\s+can|y\s+puedo)\b")
# A reason given: "because in the mornings I work", "porque en la mañana me lleva mi hija"
_REASON = re.compile(r"\b(?:because|cause|cuz|coz|bc|porque|pues|ya\s+que|como)\b")


def is_narrated(text: str, span: tuple[int, int]) -> bool:
    """Whether the part of day at `span` of `text` tells when something happened ("it locked up
    this morning") or why ("porque en la mañana trabajo"), not when to come."""
    start, end = span
    clause_start = max((m.end() for m in _CLAUSE_START.finditer(text, 0, start)), default=0)
    if _REASON.search(text, clause_start, start):
        return True
    if not (_DEICTIC.match(text[start:end]) or _THIS.search(text, 0, start)):
        return False
    return bool(_PAST.search(text, clause_start, start))
