"""A long illness or its treatment gone suddenly wrong, found missed by two safety sets written blind
(sb7 and sb8, 2026-12-08): a blood thinner and blood where it should not be, dialysis missed for days,
a sugar in the hundreds with vomiting, a diabetic who is sweaty and confused and will not drink, a
nitroglycerin that does not take the chest pain away, a fever during chemotherapy, a skin that peels
and blisters with sores in the mouth after a new drug (Stevens-Johnson), and an oximeter's reading
said in words ("el oxímetro marca ochenta y cuatro").

Each pairs the illness or the drug with what makes it urgent now (`also`): a thinner alone, a missed
session alone or a diabetes alone is clinic business ("dad is on eliquis, stable, needs a refill").
"""

from __future__ import annotations

from agents.understanding.redflags.context import Sign, compile_any

THINNERS = (
    r"\b(?:blood\s+thinners?|thinners?|warfarin\w*|warfarina|coumadin|sintrom|acenocumarol|eliquis|apixaban|xarelto"
    r"|rivaroxaban|pradaxa|dabigatran|anticoagula\w*|heparin\w*|lovenox|enoxaparin\w*)\b"
)
# blood where a thinner makes it dangerous: in the urine or stool, vomited, black stool, bruises that
# came by themselves or cover the body (a small bruise is not it)
_BLOOD_ON_THINNERS = compile_any(
    r"\b(?:blood|sangre)\s+(?:[\w']+\s+){0,2}(?:urine|pee|stool|poop|orina|heces|popo|caca)|\b(?:urine|pee|orina|pis)"
    r"\s+(?:[\w']+\s+){0,2}(?:red|bloody|roja|con\s+sangre|rojo)|\bpee\w*\s+blood|\borino\s+sangre"
    r"|\b(?:black|tarry)\s+(?:stools?|poop)|\b(?:heces|popo|caca)\s+negr\w*|\bvomit\w*\s+(?:[\w']+\s+){0,2}(?:blood|sangre)"
    r"|\b(?:bruises|moretones|morados|hematomas)\s+(?:[\w']+\s+){0,5}(?:all\s+over|everywhere|por\s+todo|on\s+their\s+own"
    r"|solos|sin\s+(?:golpe|razon|motivo)|out\s+of\s+nowhere|for\s+no\s+reason)|\b(?:gums?|encias)\s+(?:[\w']+\s+){0,3}"
    r"(?:won'?t\s+stop|keep\w*\s+bleed\w*|no\s+(?:paran|dejan)\s+de\s+sangrar)"
)
_DIALYSIS = r"\b(?:dialysis|dialisis|dializad\w*|hemodialisis)\b"
_MISSED_SESSION = compile_any(
    r"\b(?:missed|skipped|didn'?t\s+go|hasn'?t\s+(?:been|gone)|no\s+(?:fue|ha\s+ido|va|pudo\s+ir)|falto|sin\s+(?:ir|hacerse))\b"
)
_UREMIC = compile_any(
    r"\b(?:swollen|swelling|hinchad\w*|confus\w*|confundid\w*|short\s+of\s+breath|can'?t\s+breathe|breathless"
    r"|le\s+falta\s+el\s+aire|no\s+puede\s+respirar|slow|lento|weak\w*|debil\w*|drowsy|dormid\w*|vomit\w*|skipping"
    r"|flutter\w*|palpitat\w*|irregular|heavy|pesad\w*|racing)"
)
_SUGAR_HIGH = (
    r"\b(?:sugar|glucose|glucosa|azucar|bg|bs|reading|meter|glucometro)\s+(?:[\w']+\s+){0,5}?(?:over\s+|above\s+"
    r"|mas\s+de\s+|arriba\s+de\s+)?(?:[4-9]\d\d)\b"
)
_HYPERGLYCAEMIC = compile_any(
    r"\b(?:vomit\w*|throw\w*\s+up|threw\s+up|puk\w*|can'?t\s+stop\s+(?:peeing|drinking|urinating)|peeing\s+(?:all\s+the"
    r"\s+time|nonstop|constantly)|confus\w*|confundid\w*|drowsy|letharg\w*|orina\w*\s+(?:mucho|a\s+cada\s+rato)"
    r"|no\s+(?:para|deja)\s+de\s+(?:orinar|hacer\s+pis|tomar\s+agua)|breath\w*\s+(?:fast|deep|hard))"
)
_DIABETIC = r"\b(?:diabetic|diabetes|diabetico|diabetica|type\s+(?:1|one|2|two)|insulin\w*|insulina|t1d)\b"
# low sugar shown by what the diabetic does, not by a number: confused, not making sense, will not drink
_HYPO_BEHAVIOUR = compile_any(
    r"\b(?:confus\w*|confundid\w*|not\s+making\s+(?:any\s+)?sense|no\s+(?:tiene\s+sentido|dice\s+nada\s+coherente)"
    r"|can'?t\s+get\s+(?:him|her|them)\s+to\s+(?:drink|eat|swallow)|won'?t\s+drink|no\s+puede\s+(?:tomar|tragar)|"
    r"unresponsive|no\s+responde|acting\s+(?:drunk|weird|strange)|como\s+borrach\w*"
    r"|won'?t\s+wake|no\s+despierta)"
)
_HYPO_BODY = compile_any(
    r"\b(?:sweat\w*|sudad\w*|sudor\w*|clammy|shak\w*|trembl\w*|tembl\w*|pale|palid\w*|pal\w*\s+y\s+frio)"
)
_NITRO = r"\b(?:nitro|nitros|nitroglycerin\w*|nitroglicerina|nitrostat|gtn|nitro\s+spray)\b"
_NITRO_FAILED = compile_any(
    r"\b(?:not|isn'?t|didn'?t|doesn'?t|hasn'?t)\s+(?:really\s+)?(?:help\w*|work\w*|doing\s+anything)|\bstill\s+(?:there"
    r"|hurts|has|have)|\bno\s+(?:me\s+|le\s+)?(?:hace|hizo|ayuda|ayudo|quita|quito|sirve|sirvio)|\bsigue\s+(?:el\s+dolor"
    r"|igual|doliendo)|\b(?:took|taken|tomo|tome)\s+(?:two|three|2|3|dos|tres|another|otra|a\s+second)"
)
_CHEST = compile_any(r"\b(?:chest|pecho|heart|corazon|angina)")
_CHEMO = r"\b(?:chemo\w*|quimio\w*|chemotherapy|quimioterapia|oncolog\w*)\b"
_FEVER_DURING = compile_any(
    r"\b(?:fever\w*|fiebre|calentura|febril|chills|escalofr\w*)|\b(?:10[0-4](?:[.,]\d)?|3[89](?:[.,]\d)?)\s*(?:f|c|°)?\b"
)
_SKIN_SHEDDING = (
    r"\b(?:skin|piel)\s+(?:[\w']+\s+){0,3}(?:peel\w*|blister\w*|ampoll\w*|se\s+(?:cae|despega|pela|levanta|esta"
    r"\s+cayendo))|\bpeeling\s+(?:and|y)\s+blister\w*|\bse\s+(?:me|le)\s+(?:cae|despega|pela)\s+la\s+piel"
)
_SORES_INSIDE = compile_any(
    r"\b(?:sores|llagas|ulcers|ulceras|blisters|ampollas|aftas)\s+(?:[\w']+\s+){0,4}(?:mouth|eyes?|lips|boca|ojos|labios"
    r"|genital\w*)|\b(?:mouth|eyes|lips|boca|ojos|labios)\s+(?:[\w']+\s+){0,3}(?:sores|llagas|ulcers|blisters|ampollas"
    r"|burning|arden|rojos)"
)
_NEW_DRUG = compile_any(
    r"\b(?:antibiot\w*|bactrim|septra|sulfa\w*|lamotrigin\w*|lamictal|allopurinol|carbamazepin\w*|tegretol|phenytoin"
    r"|fenitoina|nevirapin\w*|new\s+(?:med\w*|pill|drug|prescription)|nuev[oa]\s+(?:medicina|medicamento|pastilla"
    r"|receta)|(?:started|began|empec\w*)\s+(?:taking\s+|on\s+|a\s+tomar\s+|con\s+)?(?:[\w-]+\s+){1,2}(?:\d+|two|three"
    r"|four|five|six|a\s+few|couple\s+of|dos|tres|cuatro|cinco|unos)\s+(?:days?|dias|weeks?|semanas))"
)
# a saturation said in words, as a voice transcript writes it: "el oxímetro marca ochenta y cuatro"
_SATS_IN_WORDS = (
    r"\b(?:oxygen|o2|sats?|saturation|oximeter|oximetro|saturacion|oxigenacion|oxigeno)\s+(?![\w']+\s+(?:usually|normally"
    r"|always|suele|siempre|normalmente))(?:[\w']+\s+){0,3}(?:eighty|seventy|sixty|ochenta|setenta|sesenta)\b"
)

_DEEP_BREATHING = compile_any(
    r"\b(?:respir\w*|breath\w*)\s+(?:[\w']+\s+){0,2}(?:raro|rara|profundo|hondo|deep|weird|heavy|fast\s+and\s+deep)|\bkussmaul"
)
_VOMITING_OR_DROWSY = compile_any(
    r"\b(?:vomit\w*|throw\w*\s+up|puk\w*|drowsy|dormid\w*|sleepy|confus\w*|confundid\w*|letharg\w*)"
)

CHRONIC_SIGNS: list[Sign] = [
    Sign("other_emergency", compile_any(_DIABETIC), also=_DEEP_BREATHING, cause=_VOMITING_OR_DROWSY),
    Sign("bleeding", compile_any(THINNERS), also=_BLOOD_ON_THINNERS),
    Sign("other_emergency", compile_any(_DIALYSIS), also=_MISSED_SESSION, cause=_UREMIC),
    Sign("other_emergency", compile_any(_SUGAR_HIGH), also=_HYPERGLYCAEMIC),
    Sign("other_emergency", compile_any(_DIABETIC), also=_HYPO_BEHAVIOUR, cause=_HYPO_BODY),
    Sign("chest_pain", compile_any(_NITRO), also=_NITRO_FAILED, cause=_CHEST),
    Sign("other_emergency", compile_any(_CHEMO), also=_FEVER_DURING),
    Sign("other_emergency", compile_any(_SKIN_SHEDDING), also=_SORES_INSIDE, cause=_NEW_DRUG),
    Sign("breathing", compile_any(_SATS_IN_WORDS)),
]
