"""Children's and pregnancy emergencies beyond a fever, found missed by a safety set written blind for
parents and pregnancy (sb11, 2026-12-08): a blood pressure of 160/110 or spots in the eyes in late
pregnancy or the weeks after a birth, an ectopic pregnancy (a positive test, one-sided pain, faint), a
baby who cannot cry or cough and turns blue, green vomit or blood and mucus in a nappy
(intussusception), projectile vomiting with a dry nappy, nicotine pouches chewed by a toddler.

The numbers and the words each need the person they are about (`also`): a reading of 170/110 is a
pregnancy emergency beside a pregnancy or a birth, green vomit an emergency in a child or with a belly
that hurts.
"""

from __future__ import annotations

from agents.understanding.redflags.combined import CHILD, INFANT, PREGNANT
from agents.understanding.redflags.context import Sign, compile_any
from agents.understanding.redflags.lexicon import AFTER_BIRTH

_SEVERE_READING = r"\b(?:1[6-9]\d|2[0-4]\d)\s*/\s*(?:1[01]\d|9\d)\b"
_SPOTS_SEEN = (
    r"\b(?:ve|veo|viendo|ven)\s+(?:[\w']+\s+){0,2}(?:lucecitas|luces|lucesitas|manchitas|manchas|destellos|estrellitas"
    r"|puntitos|chispas|borroso)|\b(?:seeing|sees|see)\s+(?:[\w']+\s+){0,2}(?:spots|stars|flashing\s+lights|flashes|sparkles)"
    r"|\b(?:blurry|blurred)\s+vision|\bvision\s+(?:is\s+)?(?:blurry|blurred)"
)
# late pregnancy said as a month ("mi mujer tiene 8 meses", "she's 8 months"), or a birth in the past weeks
_PREGNANT_OR_JUST_BORN = compile_any(
    PREGNANT.pattern,
    AFTER_BIRTH.pattern,
    r"\b(?:mi\s+(?:mujer|esposa|pareja|novia)|she|my\s+(?:wife|partner|girlfriend))\s+(?:tiene|esta\s+de|is|'s)\s+"
    r"(?:[5-9]|cinco|seis|siete|ocho|nueve|five|six|seven|eight|nine)\s+(?:meses|months)\b",
    r"\btuvo\s+(?:el|al|a\s+su|su)\s+(?:bebe|nene|nena)\s+hace",
)
_HEADACHE_OR_SPOTS = compile_any(
    r"\b(?:headache|dolor\s+de\s+cabeza|me\s+duele\s+(?:mucho\s+)?la\s+cabeza|le\s+duele\s+(?:mucho\s+)?la\s+cabeza)",
    _SPOTS_SEEN,
)
# early pregnancy with a one-sided pain and faintness: an ectopic pregnancy
_EARLY_PREGNANCY = (
    r"\b(?:test|prueba)\s+(?:[\w']+\s+){0,3}?positiv\w*|\bpositive\s+(?:pregnancy\s+)?test|\bperiod\s+(?:is\s+)?(?:\w+\s+){0,2}"
    r"late\b|\bregla\s+atrasada|\b(?:atraso|retraso)\s+(?:de\s+)?(?:la\s+regla|\d+\s+semanas)"
)
_FAINT_OR_SHOULDER = compile_any(
    r"\b(?:faint\w*|dizzy|lightheaded|passed\s+out|desmay\w*|mare\w*|shoulder\s+(?:tip\s+)?pain|dolor\s+en\s+el\s+hombro)"
)
_ONE_SIDED_PAIN = compile_any(
    r"\b(?:lower\s+(?:left|right)|one\s+side|left\s+side|right\s+side|lado\s+(?:izquierdo|derecho)|bajo\s+vientre)"
    r"|\b(?:belly|stomach|abdomen|panza|barriga|vientre)\s+(?:[\w']+\s+){0,3}(?:hurts?|pain|duele|dolor)\s+(?:really|very|muy)"
)
# a baby who cannot cry or cough and turns blue: choking
_CANT_CRY_OR_COUGH = (
    r"\bno\s+puede\s+(?:ni\s+)?(?:llorar|toser)\s+(?:ni|o|y)\s+(?:llorar|toser|respirar)|\bcan'?t\s+(?:cry|cough)\s+(?:or|and)"
    r"\s+(?:cry|cough|breathe)|\b(?:se\s+esta\s+poniendo|se\s+puso|se\s+le\s+ponen?)\s+(?:[\w']+\s+){0,2}azul\w*"
    r"|\b(?:turning|turned|going)\s+(?:blue|purple)\b"
)
# a child's green vomit, or blood and mucus in a nappy: a blocked bowel
_GREEN_VOMIT = (
    r"\bvomit\w*\s+(?:[\w']+\s+){0,2}(?:green|verde|bile|bilis)|\bgreen\s+(?:vomit|puke|stuff)|\bvomito\s+verde"
    r"|\b(?:blood|sangre)\s+(?:and|y|con)\s+(?:mucus|moco\w*)|\bcurrant\s+jelly"
)
_BELLY_HURTS = compile_any(
    r"\b(?:screaming|gritando|llora\w*\s+de\s+dolor|pulling\s+(?:his|her)\s+legs|encoge\s+las\s+piernas|belly\s+pain"
    r"|dolor\s+de\s+(?:panza|barriga|estomago)|stomach\s+(?:pain|hurts)|duele\s+(?:la\s+)?(?:panza|barriga))"
)
# projectile vomiting in a young baby who stops wetting nappies
_PROJECTILE = (
    r"\bprojectile\s+vomit\w*|\bvomit\w*\s+(?:en\s+)?(?:proyectil|a\s+chorro|en\s+chorro)",
    r"\bacross\s+the\s+room",
)
_DRYING_OUT = compile_any(
    r"\b(?:barely|hardly|not)\s+(?:peeing|wetting)|\b(?:hardly|barely)\s+any\s+wet|\bfew\s+wet|\bpocos\s+panales|\bno\s+(?:moja|hace\s+pipi)|\bdry\s+(?:diapers?|nappies)|\bweak\b"
    r"|\bletharg\w*|\bdebil\w*|\bsunken"
)
_NICOTINE = (
    r"\b(?:chewed|ate|swallowed|got\s+into|se\s+comio|mordio|se\s+trago|mastico)\s+(?:[\w']+\s+){0,6}(?:nicotin\w*|pouches"
    r"|zyn|vape|e-?liquid|colillas?|cigarette\s+butts?|cigarrillos?|chicles?\s+de\s+nicotina|parches?)"
)
_SICK_FROM_IT = compile_any(
    r"\b(?:vomit\w*|drool\w*|shak\w*|trembl\w*|sweat\w*|pale|dizzy|babea\w*|tembl\w*|suda\w*)"
)

YOUNG_SIGNS: list[Sign] = [
    Sign("pregnancy", compile_any(_SEVERE_READING), also=_PREGNANT_OR_JUST_BORN),
    Sign("pregnancy", compile_any(_SPOTS_SEEN), also=_PREGNANT_OR_JUST_BORN, cause=_HEADACHE_OR_SPOTS),
    Sign("pregnancy", compile_any(_EARLY_PREGNANCY), also=_FAINT_OR_SHOULDER, cause=_ONE_SIDED_PAIN),
    Sign("breathing", compile_any(_CANT_CRY_OR_COUGH), also=CHILD),
    Sign("other_emergency", compile_any(_GREEN_VOMIT), also=CHILD, cause=_BELLY_HURTS),
    Sign("other_emergency", compile_any(*_PROJECTILE), also=INFANT, cause=_DRYING_OUT),
    Sign("overdose", compile_any(_NICOTINE), also=CHILD, cause=_SICK_FROM_IT),
]
