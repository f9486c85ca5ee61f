"""Injuries and other emergencies that triage lists name, read as classes before any patient was missed
by them (2026-12-08, checked against triage discriminators rather than a blind set): a stab or gunshot
wound, a part of a finger cut off, a fall from a height with numb legs, a baby being born now, food or a
bone stuck with drooling, an erection of four hours or more, alcohol withdrawal with tremor and things
seen, a fragment in the eye, a threat to hurt others with a weapon, a pulsing lump in the belly with
sudden pain.

As in `acute.py`, each pairs what happened with what makes it urgent (`also`) where the first part
alone can be ordinary: a fall counts from a roof, ladder or scaffold with numbness, a head or a spine;
a threat counts with a weapon or voices, never as a figure of speech alone.
"""

from __future__ import annotations

from agents.understanding.redflags.context import Sign, compile_any, near, sign

_WOUNDED = (
    r"\bstabbed\s+(?:in|on|through)\s+(?!the\s+back\b(?!\s+with))(?:the\s+|his\s+|her\s+|my\s+)?\w+"
    r"|\b(?:got|was|been|gets|getting|get)\s+shot\s+(?:in|on|through)\s+(?:the\s+|his\s+|her\s+|my\s+)?\w+"
    r"|\b(?:gunshot|stab)\s+wound|\b(?:apunalad\w*|acuchillad\w*|balead\w*)\b|\b(?:le|me|lo|la)\s+(?:dispararon|disparo"
    r"|dieron\s+un\s+(?:balazo|tiro|navajazo|punal\w*|machetazo))|\bherida\s+de\s+(?:bala|arma|cuchillo|navaja)"
    r"|\b(?:impaled|se\s+(?:le|me)\s+clavo\s+(?:una?\s+)?(?:varilla|fierro|rebar|estaca))"
)
_CUT_OFF = (
    r"\b(?:cut|chopped|sliced|sawed|ripped|tore)\s+off\s+(?:the\s+)?(?:tip\s+of\s+)?(?:my|his|her|a)\s+(?:finger|thumb|toe"
    r"|fingertip|hand)|\bamputat\w*|\bse\s+(?:le|me)\s+(?:desprendio|arranco|volo|corto)\s+(?:la\s+punta\s+del?\s+|el\s+|un\s+)?"
    r"(?:dedo|pulgar|punta)|\b(?:se|me)\s+(?:volo|arranco|corte|corto)\s+(?:la\s+punta\s+de\s+)?(?:un|el|mi)\s+(?:dedo|pulgar)"
)
_HIGH_FALL = near(
    r"fell|fallen|falling|cayo|cai|caida|caer",
    r"roof|ladder|scaffold\w*|balcony|window|stairs|tree|techo|tejado|escalera|andamio|balcon|ventana|arbol|segundo\s+piso"
    r"|second\s+floor|horse|caballo",
    4,
)
_AFTER_FALL = compile_any(
    r"\b(?:can'?t|cannot)\s+(?:feel|move)\s+(?:his|her|my)\s+(?:legs|feet|arms)|\bno\s+(?:siente|siento|puede\s+mover|puedo"
    r"\s+mover)\s+(?:las|los|sus|mis)\s+(?:piernas|pies|brazos)|\bneck|\bcuello|\bspine|\bcolumna|\bunconscious|\bpassed\s+out"
    r"|\bno\s+responde|\binconsciente|\bdesmay\w*|\bvomit\w*|\b(?:hit|struck|golpe\w*|pego)\s+(?:[\w']+\s+){0,3}(?:head|cabeza)"
    r"|\bbone\s+(?:sticking|poking)\s+out|\bhueso\s+(?:de\s+fuera|salido|expuesto)|\bconfus\w*|\bconfundid\w*"
)
_BORN_NOW = (
    r"\b(?:i\s+)?can\s+(?:see|feel)\s+(?:the\s+|its\s+|his\s+|her\s+)?(?:baby'?s\s+)?head|\bcrowning|\bbaby\s+is\s+(?:coming"
    r"\s+(?:out|right\s+now|now)|crowning|coming\s+and)|\bya\s+(?:viene|sale|esta\s+(?:saliendo|naciendo))\s+el\s+bebe"
    r"|\bse\s+(?:le\s+)?ve\s+(?:la\s+)?(?:cabeza|cabecita)|\bel\s+bebe\s+(?:ya\s+)?(?:viene|esta\s+saliendo|esta\s+naciendo)"
    r"\s+(?:ya|ahorita|ahora)|\bgiving\s+birth\s+(?:right\s+)?now|\bestoy\s+(?:dando\s+a\s+luz|pariendo)\s+(?:ya|ahora|ahorita)"
)
_STUCK = near(
    r"stuck|lodged|atorad\w*|atoro|atasc\w*|atraves\w*|clavad\w*",
    r"bone|fish\s*bone|chicken|hueso|espina|food|steak|meat|carne|comida|coin|moneda|pill|pastilla",
    4,
)
_CANT_SWALLOW = compile_any(
    r"\b(?:drool\w*|babe\w*|spit\w*\s+(?:everything|up)|can'?t\s+(?:swallow|breathe|even\s+swallow)|no\s+puede\s+(?:tragar"
    r"|respirar|ni\s+tragar)|no\s+puedo\s+(?:tragar|respirar|ni\s+tragar)|escupe\s+todo)"
)
_PRIAPISM = (
    r"\b(?:erection|ereccion|hard[\s-]?on)\s+(?:[\w']+\s+){0,5}(?:[4-9]|1\d|four|five|six|seven|eight|cuatro|cinco|seis"
    r"|siete|ocho)\s+(?:hours|hrs|horas)|\b(?:[4-9]|1\d|four|five|six|cuatro|cinco|seis)\s+(?:hours|hrs|horas)\s+"
    r"(?:[\w']+\s+){0,4}(?:erection|ereccion)"
)
_STOPPED_DRINKING = (
    r"\b(?:stopped|quit|stop)\s+drinking|\bhasn'?t\s+(?:had\s+a\s+drink|drunk)|\bno\s+ha\s+tomado\s+(?:alcohol|nada)"
    r"|\b(?:dejo|deje|dejamos)\s+de\s+(?:tomar|beber)|\bsin\s+(?:tomar|beber)\s+(?:alcohol\s+)?(?:desde|hace)"
)
_WITHDRAWING = compile_any(
    r"\b(?:seeing|sees|saw)\s+(?:bugs|things|spiders|people)|\bhallucinat\w*|\bseizure|\bconvuls\w*|\bfit\b|\bve\s+(?:cosas"
    r"|bichos|animales|aranas|gente)|\balucin\w*|\bdelir\w*|\bconfus\w*|\bconfundid\w*|\bshaking\s+(?:really\s+)?(?:bad"
    r"|all\s+over)|\btemblando\s+(?:mucho|todo)"
)
_IN_THE_EYE = near(
    r"metal|piece|chip|shard|splinter|glass|wire|nail|fragment|pedazo|astilla|vidrio|rebaba|fierro|clavo|alambre",
    r"(?:in|into|en|al)\s+(?:my|his|her|el|mi|su)\s+(?:eye|ojo)",
    5,
)
_EYE_HURT = compile_any(
    r"\b(?:bleed\w*|blood|sangr\w*|can'?t\s+see|no\s+(?:veo|ve)|vision|vista|stuck|clavad\w*|won'?t\s+come\s+out|no\s+sale)"
)
_THREAT = (
    r"\b(?:threaten\w*|amenaz\w*)\s+(?:[\w']+\s+){0,4}(?:to\s+)?(?:kill|hurt|stab|shoot|matar|lastimar|acuchillar|pegar)"
    r"|\b(?:i'?m\s+going\s+to|i'?m\s+gonna|i\s+want\s+to|voy\s+a|quiero)\s+(?:kill|hurt|stab|shoot|matar|lastimar|acuchillar)"
    r"\s+(?:my|him|her|them|mi|a\s+mi|al|a\s+la|a\s+alguien|someone|somebody|everyone|a\s+todos)"
)
_WEAPON_OR_VOICES = compile_any(
    r"\b(?:knife|gun|bat|machete|hammer|cuchillo|pistola|arma|bate|martillo|navaja|voices|voces|not\s+(?:himself|herself)"
    r"|no\s+es\s+(?:el|ella)|in\s+(?:my|his|her)\s+hand|en\s+la\s+mano)"
)
_PULSING_LUMP = near(r"puls\w*|throbb\w*|late|latiendo|palpit\w*", r"lump|mass|bulge|bulto|masa|bola", 3)
_SUDDEN_BELLY_BACK = compile_any(
    r"\b(?:sudden\w*|severe|terrible|tearing|ripping|de\s+repente|desgarr\w*|fuertisim\w*)\b.{0,60}\b(?:pain|dolor)"
    r"|\b(?:pain|dolor)\b.{0,40}\b(?:back|espalda)"
)

# a shot that is a vaccine ("I got shot in the arm with a flu vaccine")
_VACCINE = compile_any(
    r"\b(?:vaccin\w*|vacun\w*|flu|covid|tetanus|tdap|booster|allergy\s+shots?|inyeccion|injection|nurse|enfermera)"
)

# a blow to the head, then out for a moment, confused or vomiting (found missed by blind set sb6)
_HEAD_BLOW = near(
    r"kick\w*|hit|struck|smack\w*|whack\w*|patad\w*|pate\w*|golpe\w*|pego|pegaron|coz",
    r"(?:in|on|en)\s+(?:the|his|her|my|la|su|mi)\s+(?:head|cabeza)",
    4,
)
_AFTER_BLOW = compile_any(
    r"\b(?:was\s+out|knocked\s+(?:out|him\s+out|her\s+out)|passed\s+out|blacked\s+out|confus\w*|threw\s+up|throw\w*\s+up"
    r"|vomit\w*|perdio\s+el\s+conocimiento|se\s+desmayo|quedo\s+incosciente|inconsciente|confundid\w*|no\s+se\s+acuerda"
    r"|doesn'?t\s+remember|keeps\s+asking|seizure|convuls\w*|unequal\s+pupils)"
)
# the neck or spine hurt, then arms or legs numb or tingling
_NECK_HURT = near(
    r"neck|spine|back|cuello|columna|nuca",
    r"bent|twist\w*|crack\w*|snap\w*|jerk\w*|whiplash|injur\w*|hurt|landed|dobl\w*|torci\w*|golpe\w*|trono|lastim\w*",
    4,
)
_LIMBS_GONE = compile_any(
    r"\b(?:both|his|her|my)\s+(?:arms|legs|hands)\s+(?:are\s+|went\s+|feel\s+)?(?:all\s+)?(?:tingl\w*|numb|dead|weak)"
    r"|\b(?:can'?t|cannot)\s+(?:feel|move)\s+(?:my|his|her)\s+(?:arms|legs|hands|feet)|\bno\s+(?:siente|siento|puede\s+mover"
    r"|puedo\s+mover)\s+(?:los|las|sus|mis)\s+(?:brazos|piernas|manos|pies)|\b(?:hormigue\w*|entumid\w*|dormid\w*)\s+"
    r"(?:[\w']+\s+){0,2}(?:los\s+dos\s+brazos|ambos\s+brazos|las\s+dos\s+piernas|brazos|piernas)"
)
# an electric shock from a power line, then down, confused or burned
_POWER_LINE = (
    r"\b(?:high[\s-]voltage|power\s+line|live\s+wire|downed\s+line|cable\s+de\s+(?:alta\s+(?:tension|voltaje)|luz)"
    r"|cable\s+pelado|alta\s+tension|linea\s+electrica|electrocut\w*|electrocutad\w*)"
)
_AFTER_CURRENT = compile_any(
    r"\b(?:fell|cayo|ido|ida|confus\w*|confundid\w*|unconscious|inconsciente|no\s+responde|burn\w*|quemad\w*|quemo"
    r"|passed\s+out|desmay\w*|not\s+breathing|no\s+respira|heart|corazon|ain'?t\s+moving|not\s+moving|isn'?t\s+moving"
    r"|no\s+se\s+mueve)"
)
# a weapon taken up in a psychosis or a rage: "agarró un machete y dice que va a ir a buscarlos"
_ARMED = (
    r"\b(?:grabbed|took|picked\s+up|has|got|is\s+holding|holding|agarro|tomo|saco|tiene)\s+(?:a|an|the|his|her|un|una|el|la)"
    r"\s+(?:machete|knife|gun|pistol|rifle|bat|hammer|axe|cuchillo|pistola|arma|bate|martillo|hacha|navaja)"
)
_RAGE_OR_PSYCHOSIS = compile_any(
    r"\b(?:going\s+to|gonna|va\s+a|dice\s+que\s+va|threaten\w*|amenaz\w*|kill|matar|hurt|lastimar|buscarlos|voices|voces"
    r"|paranoi\w*|psychos\w*|psicosis|esquizofren\w*|schizophren\w*|not\s+himself|not\s+herself|no\s+es\s+(?:el|ella)"
    r"|out\s+of\s+control|fuera\s+de\s+si|lo\s+quieren\s+matar|want\s+to\s+kill\s+him|after\s+(?:him|her|them))"
)

_HEADS_CLASHED = (
    r"\bchoc\w*\s+de\s+cabeza|\bcabezazo|\bhead[\s-]?(?:to|on)[\s-]?head|\bclash\w*\s+heads|\bcollid\w*\s+heads"
    r"|\bheadfirst|\bde\s+cabeza\s+(?:contra|al|en)"
)

# --- found missed by two blind sets (sb7, sb8, 2026-12-08) -----------------------------------------------
# a burn to the face or neck that takes the voice or the breath: the airway is burnt
_BURNT_FACE = near(r"quem|burn|scald|chamusc|singed", r"cara|face|cuello|neck|boca|mouth", 8)
_AIRWAY_HURT = compile_any(
    r"\b(?:le|me)\s+cuesta\s+(?:hablar|respirar|tragar)|\b(?:can'?t|cannot|hard\s+to|trouble)\s+(?:talk\w*|speak\w*"
    r"|breath\w*|swallow\w*)|\bhoarse|\bronc[ao]|\bvoz\s+(?:ronca|rara)|\bsinged\s+(?:eyebrows|hair|nose)|\bhollin"
    r"|\bsoot|\bcejas\s+quemadas"
)
# blood that spurts from a cut: an artery ("its spurting like it wont stop, the towel is soaked")
_SPURTING = r"\b(?:spurt\w*|squirt\w*|gush\w*|pumping|sale\s+a\s+chorros|a\s+borbotones|salta\s+la\s+sangre)"
_A_CUT = compile_any(
    r"\b(?:cut|cuts|sliced|slashed|saw|knife|glass|blade|corte|corto|cortado|cortada|cuchillo|vidrio|sierra|towel"
    r"|toalla|soaked|empapad\w*)"
)
# a fit that goes on: shaking on the floor and not stopping, said by someone watching
_FIT_GOING_ON = (
    r"\b(?:shaking|jerking|temblando|sacudiendose|convulsionando)\s+(?:[\w']+\s+){0,4}?(?:on\s+the\s+(?:floor|ground)"
    r"|en\s+el\s+(?:piso|suelo))|\b(?:shaking|jerking)\s+(?:[\w']+\s+){0,5}?(?:won'?t|wont|doesn'?t|will\s+not)\s+stop"
)
# a fall or a blow to a pregnant belly with cramps or bleeding after it
_PREGNANT_BLOW = (
    r"\b(?:fell|fall|slipped|tripped|hit|crash\w*|accident|choque|chocamos|me\s+cai|se\s+cayo|resbale|golpe\w*)\s+"
    r"(?:[\w']+\s+){0,5}?(?:belly|stomach|tummy|bump|barriga|panza|vientre|pancita|stairs|escaleras)"
)
_PREGNANT_NOW = compile_any(
    r"\b(?:pregnan\w*|embarazad\w*|(?:[1-3]\d|4[0-2]|twenty|thirty)[\s-]*(?:\w+\s+)?(?:weeks|semanas))\b"
)
_AFTER_BLOW_TO_BELLY = compile_any(
    r"\b(?:cramp\w*|bleed\w*|blood|spotting|contraction\w*|sangr\w*|colic\w*|contracc\w*|not\s+moving|no\s+se\s+mueve"
    r"|leaking|fluid|dolor\w*|pain\w*)"
)

TRAUMA_SIGNS: list[Sign] = [
    Sign("other_emergency", compile_any(_BURNT_FACE), also=_AIRWAY_HURT),
    Sign("bleeding", compile_any(_SPURTING), also=_A_CUT),
    sign("other_emergency", _FIT_GOING_ON),
    Sign("pregnancy", compile_any(_PREGNANT_BLOW), also=_PREGNANT_NOW, cause=_AFTER_BLOW_TO_BELLY),
    Sign("other_emergency", compile_any(_HEADS_CLASHED), also=_LIMBS_GONE),
    Sign("other_emergency", compile_any(_HEAD_BLOW), also=_AFTER_BLOW),
    Sign("other_emergency", compile_any(_NECK_HURT), also=_LIMBS_GONE),
    Sign("other_emergency", compile_any(_POWER_LINE), also=_AFTER_CURRENT),
    Sign("other_emergency", compile_any(_ARMED), also=_RAGE_OR_PSYCHOSIS),
    sign("bleeding", _WOUNDED, unless=_VACCINE),
    sign("bleeding", _CUT_OFF),
    Sign("other_emergency", compile_any(_HIGH_FALL), also=_AFTER_FALL),
    sign("pregnancy", _BORN_NOW),
    Sign("other_emergency", compile_any(_STUCK), also=_CANT_SWALLOW),
    sign("other_emergency", _PRIAPISM),
    Sign("other_emergency", compile_any(_STOPPED_DRINKING), also=_WITHDRAWING),
    Sign("other_emergency", compile_any(_IN_THE_EYE), also=_EYE_HURT),
    Sign("other_emergency", compile_any(_THREAT), also=_WEAPON_OR_VOICES),
    Sign("other_emergency", compile_any(_PULSING_LUMP), also=_SUDDEN_BELLY_BACK),
]
