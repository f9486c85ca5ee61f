"""Emergencies told by what the writer sees or does, and by folk names, found missed by two safety sets
written blind (sb9 and sb10, 2026-12-08): "está privado" (out cold), "le dio el ataque" (a fit), a
hand clutching the chest and a grey face, pressing on a wound that keeps soaking the towel, breath
drawn with the neck, a few words at a time, a tongue swollen so one cannot swallow, a pressure that
fell after an injection, a night out in the cold and confusion after it, a whole strip of tablets.

Each pairs what was seen with what makes it urgent (`also`) where the words alone are everyday: a
"private" office, a laughing fit, a towel pressed on a graze.
"""

from __future__ import annotations

from agents.understanding.redflags.context import Sign, compile_any, near, sign
from agents.understanding.redflags.lexicon import CHEST

# "está privado" / "quedó privada": out cold (Mexico, Central America); "privado" is also "private"
_OUT_COLD = r"\b(?:esta|quedo|se\s+quedo|se\s+puso)\s+privad[oa]\b|\bprivad[oa]\s+(?:mi|el|la|su)\b"
_NO_RESPONSE = compile_any(
    r"\bno\s+(?:contesta|reacciona|responde|despierta|abre\s+los\s+ojos)|\by\s+nada\b|\bpa(?:ra)?\s+(?:q|que)\s+reaccione"
    r"|\bnot\s+(?:answering|responding|waking)"
)
# "le dio el ataque": a fit, unless it is a laughing, panic or coughing one
_THE_FIT = (
    r"\b(?:le|me)\s+(?:dio|esta\s+dando|volvio)\s+(?:el|un|otro)\s+ataque\b(?!\s+de\s+(?:risa|panico|ansiedad|nervios|tos"
    r"|celos|hambre|asma))"
)
_FIT_GOES_ON = compile_any(
    r"\bno\s+para\s+de\s+(?:temblar|sacudirse|convulsionar)|\btembl\w*|\bsacud\w*|\bconvuls\w*|\bsin\s+despertar"
    r"|\bno\s+despierta|\blleva\s+(?:rato|mucho|\d+\s+min)|\bseguidos|\bespuma|\bmorad[oa]|\bno\s+reacciona|\bprivad[oa]"
    r"|\bepilep\w*"
)
# a hand on the chest, seen: "se agarra el pecho y está re pálido", "la sobamos del pecho … sudada y gris"
_CLUTCHING = near(r"agarr|clutch|holding|grabbing|sob[ao]|sobando|sobamos|rubbing|apret", CHEST, 3)
_LOOKS_BAD = compile_any(
    r"\b(?:palid\w*|pale|sweat\w*|sudad\w*|sudando|gris|grey|gray|ashen|cold\s+and\s+clammy|frio\s+y\s+sudado"
    r"|quejand\w*|moaning|can'?t\s+breathe|no\s+puede\s+respirar)"
)
# pressing on a wound and it keeps coming: "pressing on it for 20 minutes still pouring", "se empapó 3 veces"
_STILL_COMING = (
    r"\bstill\s+(?:pouring|gushing|spurting|soaking|coming\s+(?:out|through))|\bsigue\s+(?:saliendo|chorreando)"
    r"|\bse\s+(?:empapo|lleno)\s+(?:\d|dos|tres|cuatro|varias)|\bsoaked\s+(?:through\s+)?(?:\d|two|three|several)\s+(?:towels"
    r"|times|pads)|\bempap\w*\s+(?:\d|dos|tres|varias)\s+(?:toallas|veces)"
)
_PRESSING = compile_any(
    r"\b(?:press\w*|pressure|holding|towel|toalla|apretando|presion\w*|gauze|gasa|trapo|rag)"
)
# breath drawn with the neck, a few words at a time: "using her neck muscles to breathe", "no puedo decir
# más de dos o tres palabras seguidas"
_STRAINED_BREATH = (
    r"\bneck\s+muscles|\bjalando\s+aire\s+con\s+el\s+cuello|\bse\s+le\s+hunde\s+el\s+cuello|\b(?:can'?t|cannot|no\s+(?:puedo"
    r"|puede))\s+(?:say|decir|hablar)\s+(?:more\s+than|mas\s+de)\s+(?:two|three|a\s+few|dos|tres|unas)\b|\b(?:can|could)\s+only"
    r"\s+say\s+(?:like\s+)?(?:a\s+few|one|two|three|\d)\s+words|\b(?:talking|speaking|hablando)\s+in\s+(?:like\s+)?(?:single"
    r"|one|short)\s+words|\bsolo\s+(?:puede|puedo)\s+decir\s+(?:dos|tres|unas|pocas)\s+palabras"
)
# a tongue or throat swollen and nothing goes down
_SWOLLEN_TONGUE = near(r"lengua|tongue|garganta|throat", r"hinch|swell|swollen|inflam", 3)
_CANT_SWALLOW = compile_any(
    r"\b(?:no\s+(?:puedo|puede)\s+(?:ni\s+)?(?:tragar|respirar|hablar)|can'?t\s+(?:swallow|breathe|talk))"
)
# a pressure that fell after an injection, a drug or a sting, with the skin gone red
_PRESSURE_FELL = compile_any(
    r"\bse\s+(?:le|me)\s+bajo\s+(?:mucho\s+)?la\s+presion",
    r"\b(?:blood\s+pressure|bp)\s+(?:dropped|crashed|tanked|fell)",
)
_AFTER_EXPOSURE = compile_any(
    r"\b(?:penic\w*|penis\w*|inyect\w*|injection|shot|vacuna|antibiot\w*|contrast\w*|contraste|picadura|sting|stung"
    r"|mani|peanut|shrimp|camaron\w*|ate|comio)"
)
_SKIN_RED = compile_any(r"\b(?:roj[oa]|red|hives|ronch\w*|swell\w*|hinch\w*|itch\w*|comezon|rash|sarpullido)")
# a night out in the cold: "pasó la noche fuera con el frío. Está helado, tiembla, habla muy lento"
_EXPOSED = (
    r"\b(?:paso|pasado)\s+la\s+noche\s+(?:fuera|afuera|en\s+la\s+calle|a\s+la\s+intemperie)|\b(?:spent|was\s+out)\s+"
    r"(?:the\s+|all\s+)?night\s+(?:outside|out\s+in\s+the\s+cold)|\bhipotermi\w*|\bhypotherm\w*|\besta\s+helad[oa]"
    r"|\b(?:ice|freezing)\s+cold\s+to\s+the\s+touch"
)
_COLD_CONFUSED = compile_any(
    r"\b(?:confus\w*|confundid\w*|habla\s+(?:muy\s+)?lento|slurr\w*|drowsy|sleepy|dormid\w*|no\s+responde|stopped\s+shivering"
    r"|dejo\s+de\s+temblar|not\s+making\s+sense)"
)
# a whole strip, box or bottle of tablets at once: "se zampó una tira entera de paracetamol"
_WHOLE_STRIP = (
    r"\b(?:una|la)\s+(?:tira|caja|botella|blister|frasco)\s+entera\s+de",
    r"\b(?:a|the)\s+whole\s+(?:strip|box|bottle|pack)\s+of",
)

SEEN_SIGNS: list[Sign] = [
    Sign("other_emergency", compile_any(_OUT_COLD), also=_NO_RESPONSE),
    Sign("other_emergency", compile_any(_THE_FIT), also=_FIT_GOES_ON),
    Sign("chest_pain", compile_any(_CLUTCHING), also=_LOOKS_BAD),
    Sign("bleeding", compile_any(_STILL_COMING), also=_PRESSING),
    sign("breathing", _STRAINED_BREATH),
    Sign("anaphylaxis", compile_any(_SWOLLEN_TONGUE), also=_CANT_SWALLOW),
    Sign("anaphylaxis", _PRESSURE_FELL, also=_AFTER_EXPOSURE, cause=_SKIN_RED),
    Sign("other_emergency", compile_any(_EXPOSED), also=_COLD_CONFUSED),
    sign("overdose", *_WHOLE_STRIP),
]
