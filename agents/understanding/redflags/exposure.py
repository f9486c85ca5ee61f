"""What work, weather and small wounds do to adults, found missed by a safety set written blind for adults
who understate and less common emergencies (sb12, 2026-12-08): a chemical splashed in the eye, a limb
pinned under a load that swells tight and goes numb (compartment syndrome), urine the colour of cola
after a hard workout (rhabdomyolysis), a red streak climbing from a small cut with fever (sepsis), a
collapse with a temperature of 40 after a race in the heat, a shock from a live line.

A small cut, a sore workout or a warm day is everyday; each sign pairs what happened with what makes it
urgent now (`also`).
"""

from __future__ import annotations

from agents.understanding.redflags.context import Sign, compile_any, near, sign

_CHEMICAL = (
    r"cloro|lejia|bleach|acid\w*|acido|soda\s+caustica|caustic\w*|lye|chemical\w*|quimic\w*|cemento|cement|amonia\w*"
    r"|ammonia|drain\s+cleaner|destapacaños|destapa\w*|cal\b|battery\s+acid"
)
_IN_EYES = r"(?:in|into|en|a)\s+(?:my|his|her|the|el|los|mi|mis|su|sus)\s+(?:eye|eyes|ojo|ojos)"
_CHEMICAL_IN_EYE = near(_CHEMICAL, _IN_EYES, 6)
# a limb pinned under a load, then tight, numb or pale: the muscle is being crushed from inside
_PINNED = (
    r"\b(?:pinned|trapped|stuck|caught)\s+(?:under|beneath)|\batrapad[oa]\s+(?:bajo|debajo)|\b(?:me|le)\s+cayo\s+(?:un|una)"
    r"\s+(?:bloque|viga|piedra|tabla|pallet|caja|ladrillo|loza|roca|maquina)\b|\b(?:a|the)\s+(?:pallet|beam|block|load)\s+"
    r"(?:fell|landed)\s+on"
)
_TIGHT_AND_NUMB = compile_any(
    r"\b(?:swollen\s+tight|tight\s+and\s+shiny|hard\s+as\s+(?:a\s+)?rock|dur[oa]\s+como\s+(?:una\s+)?piedra|tingl\w*|numb\w*"
    r"|hormigue\w*|dormid\w*|dedos\s+(?:se\s+(?:me|le)\s+ponen\s+)?(?:blancos|frios|morados)|(?:fingers|toes)\s+"
    r"(?:[\w']+\s+){0,2}(?:white|cold|blue)|way\s+worse\s+than|no\s+se\s+(?:me|le)\s+quita\s+con\s+nada)"
)
# urine like cola after a workout or a crush: the muscles are breaking down
_COLA_URINE = (
    r"\b(?:pee|urine|orina|pipi|pis)\s+(?:[\w']+\s+){0,4}(?:dark\s+brown|brown|cola|coca|coke|tea[\s-]colou?red|color\s+"
    r"(?:cafe|coca|te))"
)
_SORE_AND_SWOLLEN = compile_any(
    r"\b(?:swollen|swelling|hinchad\w*|super\s+painful|muy\s+adolorid\w*|barely\s+peed|casi\s+no\s+orino|workout|spin"
    r"|gym|crossfit|marathon|maraton|ejercicio|entrenamiento|crush\w*|aplast\w*)"
)
# an infection spreading from a small wound, with fever: "roja hasta la rodilla", "una raya roja que sube"
_SPREADING = (
    r"\b(?:roj[oa]|red|redness)\s+(?:[\w']+\s+){0,2}(?:hasta|up\s+to|all\s+the\s+way)|\b(?:raya|linea|franja)\s+roja"
    r"|\bred\s+(?:streak|line)|\bblack\s+(?:spots|patches)|\bmanchas\s+negras|\b(?:smells|huele)\s+(?:bad|mal|awful|feo)"
    r"|\bspreading\s+(?:fast|up|redness)"
)
_WOUND = compile_any(
    r"\b(?:cut|cortad\w*|cortadita|herida|wound|blister|ampolla|picadura|pico|bite|bit|mordida|scrape|raspon|sore"
    r"|llaga|foot|pie|ulcer\w*)"
)
_SEPTIC = compile_any(
    r"\b(?:fever|fiebre|calentura|chills|escalofr\w*|tiembl\w*|shaking|confus\w*|confundid\w*|corazon\s+a\s+mil|heart\s+racing"
    r"|10[1-5](?:[.,]\d)?|39(?:[.,]\d)?|40(?:[.,]\d)?)"
)
# collapse in the heat with a temperature of 40 or more
_HEAT = compile_any(
    r"\b(?:calor|heat|hot\s+(?:day|sun)|sol|sun|marathon|maraton|half\s+marathon|media\s+maraton|race|carrera|corr\w*"
    r"|running|site|obra|field|campo)"
)
_HIGH_BODY_TEMP = r"\b(?:4[01](?:[.,]\d)?|10[4-7](?:[.,]\d)?)\s*(?:de\s+temperatura|degrees|grados|°|c|f)?\b"
_COLLAPSED = compile_any(
    r"\b(?:collaps\w*|desplom\w*|passed\s+out|desmay\w*|confus\w*|confundid\w*|no\s+paro\s+de\s+vomitar|seiz\w*|convuls\w*)"
)
# a shock from a live line: "got shocked off a ladder by a live line"
_SHOCKED = (
    r"\b(?:shocked|zapped|electrocut\w*)\s+(?:[\w']+\s+){0,4}(?:line|wire|cable|outlet|panel)|\blive\s+(?:line|wire)"
    r"|\b(?:le|me)\s+(?:dio|pego)\s+(?:la\s+)?(?:corriente|descarga)"
)
_AFTER_SHOCK = compile_any(
    r"\b(?:confus\w*|confundid\w*|heart\w*\s+(?:[\w']+\s+){0,3}(?:skip\w*|racing|irregular|funny|weird)|corazon|burns?\b"
    r"|quemad\w*|passed\s+out|desmay\w*|fell|cayo|numb|entumid\w*)"
)

EXPOSURE_SIGNS: list[Sign] = [
    sign("other_emergency", _CHEMICAL_IN_EYE),
    Sign("other_emergency", compile_any(_PINNED), also=_TIGHT_AND_NUMB),
    Sign("other_emergency", compile_any(_COLA_URINE), also=_SORE_AND_SWOLLEN),
    Sign("other_emergency", compile_any(_SPREADING), also=_WOUND, cause=_SEPTIC),
    Sign("other_emergency", compile_any(_HIGH_BODY_TEMP), also=_COLLAPSED, cause=_HEAT),
    Sign("other_emergency", compile_any(_SHOCKED), also=_AFTER_SHOCK),
]
