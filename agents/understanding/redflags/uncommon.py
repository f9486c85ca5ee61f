"""Less common emergencies, found missed by a fifth safety set written blind (sb5, 300, 2026-12-08): a
snake bite, a scorpion sting in a child, a curtain over one eye, a numb saddle with a bladder that will
not empty, frostbite, a racing pulse at rest, a hand crushed in a machine, an opioid overdose told in
street words, serotonin syndrome, postpartum psychosis.

Each pairs what happened with what makes it urgent (`also`), as `acute.py` does: a scorpion's sting
counts in a child or with drooling or strange eye movements; a pulse counts from 150 with faintness;
a crushed limb counts when a machine or a vehicle did it and it is purple, bleeding or unbearable.
"""

from __future__ import annotations

from agents.understanding.redflags.combined import CHILD
from agents.understanding.redflags.context import Sign, compile_any, near, sign
from agents.understanding.redflags.lexicon import AFTER_BIRTH

_SNAKE = (
    r"rattle\s*snake|snake|viper|copperhead|cottonmouth|culebra|vibora|serpiente|cascabel"
    r"|nauyaca|mapana|yarara"
)
_SNAKE_BITE = near(_SNAKE, r"bit|bitten|bite|mordi\w*|mordid\w*|pico|picad\w*", 4)

_SCORPION = near(r"alacran\w*|escorpion\w*|scorpion\w*", r"stung|sting\w*|pic\w*", 4)
_STUNG_BADLY = compile_any(
    CHILD.pattern,
    r"\b(?:drool\w*|babe\w*|baba|eyes?\s+(?:moving|rolling|jerk\w*)|(?:mueve|moviendo)\s+los\s+ojos|ojos\s+raros"
    r"|can'?t\s+(?:breathe|swallow)|no\s+puede\s+(?:respirar|tragar)|se\s+(?:le\s+)?traba\s+la\s+lengua|lengua\s+trabada)",
)

# a shadow or curtain over one eye, or an eye gone blind since waking (read as a stroke, as the combined
# signs read sudden vision loss beside a numb limb)
_CURTAIN = (
    r"\b(?:black|dark|grey|gray)\s+(?:curtain|shade|shadow)|\bcurtain\s+(?:came\s+|coming\s+)?(?:down|over)"
    r"|\bcortina\s+(?:negra|oscura)|\b(?:can'?t|cannot|can\s+not)\s+see\s+(?:anything\s+|a\s+thing\s+)?(?:out\s+of|with|from)"
    r"\s+(?:my|his|her|one)\s+(?:left\s+|right\s+)?eye|\bno\s+veo\s+(?:nada\s+)?(?:de|del|con)\s+(?:un|el|mi)\s+ojo"
    r"|\bperdi\s+la\s+vista\s+(?:de|del|en)\s+(?:un|el|mi)\s+ojo|\blost\s+(?:the\s+)?(?:vision|sight)\s+in\s+(?:my|his|her|one)"
)
_CAME_ON = compile_any(
    r"\b(?:woke\s+(?:up\s+)?|sudden\w*|all\s+of\s+a\s+sudden|out\s+of\s+nowhere|de\s+repente|desperte|amaneci|today|hoy"
    r"|this\s+morning|esta\s+manana|just\s+now|came\s+down|curtain|cortina|hace\s+(?:un\s+rato|una\s+hora|\d+))"
)

# cauda equina: the saddle gone numb, with back pain or a bladder that will not empty
_SADDLE = (
    r"\b(?:saddle|bum|butt|buttocks|groin|inner\s+thighs?|private\s+(?:area|parts)|between\s+(?:my|the)\s+legs|nalgas"
    r"|gluteos|entrepierna|entre\s+las\s+piernas)\b(?:\W+[\w']+){0,5}?\W+(?:numb\w*|went\s+numb|dormid\w*|adormecid\w*"
    r"|entumid\w*|no\s+(?:las?|los?)\s+siento)|\b(?:se\s+me\s+)?(?:durmieron|durmio|adormecieron|entumieron)\s+(?:las|los|la|el)"
    r"\s+(?:nalgas|gluteos|entrepierna)|\bnumb\s+(?:bum|butt|groin|saddle)"
)
_BLADDER = compile_any(
    r"\b(?:can'?t|cannot|unable\s+to)\s+(?:pee|urinate|wee)|\bno\s+(?:puedo|puede)\s+(?:orinar|hacer\s+pipi|mear)"
    r"|\blost\s+control\s+of\s+(?:my\s+)?(?:bladder|bowels)|\bse\s+me\s+sale\s+(?:la\s+orina|el\s+pipi)\s+sin"
)

# frostbite: white, hard or black fingers or toes after the cold
_FROSTBITTEN = (
    r"\b(?:toes|fingers|feet|foot|hands?|nose|ears?|dedos|pies|manos|nariz|orejas)\s+(?:are\s+|is\s+|look\s+|went\s+|turned"
    r"\s+|estan\s+|se\s+(?:le\s+|me\s+)?pusieron\s+)?(?:all\s+)?(?:white\s+and\s+(?:hard|waxy|numb)|hard\s+and\s+white"
    r"|waxy|black|blanc\w+\s+y\s+dur\w+|dur\w+\s+y\s+blanc\w+|negr\w+)"
)
_COLD = compile_any(
    r"\b(?:snow|cold|freez\w*|frostbit\w*|ice|icy|nieve|frio|helad\w*|congelad\w*|hipotermia|hypotherm\w*)"
)

# a racing pulse at rest, with faintness
_RACING = (
    r"\b(?:heart\s*rate|pulse|hr|bpm|pulso|frecuencia|pulsaciones)(?:'s|\s+is|\s+was|\s+says|\s+reads|\s+at|\s+of|\s+en"
    r"|\s+de|\s+marca|\s+esta\s+en)?\s+(?:like\s+|como\s+|over\s+|above\s+|arriba\s+de\s+)?(?:1[5-9]\d|2[0-4]\d)\b"
    r"|\b(?:1[5-9]\d|2[0-4]\d)\s*(?:bpm|beats|latidos|pulsaciones)"
)
_FAINTISH = compile_any(
    r"\b(?:faint\w*|pass\s+out|passing\s+out|black\s+out|dizzy|lighthead\w*|weird|chest|short\s+of\s+breath|desmay\w*"
    r"|mare\w*|pecho|me\s+falta\s+el\s+aire|raro|rara)"
)

# a limb crushed by a machine or a vehicle
_CRUSHED = near(
    r"machuc\w*|aplast\w*|crush\w*|smash\w*|prens\w*|atrapad\w*|caught|pinned|trapped",
    r"prensa|maquina|machine|press|tractor|forklift|montacargas|car|carro|auto|camion|truck|rodillo|roller|engranes|gears",
    6,
)
_CRUSH_BAD = compile_any(
    r"\b(?:purple|blue|black|morad\w*|negr\w*|bleed\w*|sangr\w*|bone|hueso|deform\w*|screaming|grit\w*|no\s+para\s+de"
    r"|can'?t\s+move|no\s+(?:la|lo|los|las)\s+puede\s+mover|aplastad\w*|crushed|flat)"
)

# an opioid taken and now the breathing slows or he cannot be woken: "noddin out… breathin real slow"
_OPIOID = compile_any(
    r"\b(?:perc\w*|oxy\w*|oxi\w*|fent\w*|fentanilo|heroin\w*|dope|opioid\w*|opiate\w*|morphine|morfina|tramadol|tramal|narcan"
    r"|naloxon\w*|pills?\s+from\s+(?:some|a\s+friend)|pastillas?\s+(?:de\s+)?(?:alguien|un\s+amigo))"
)
_OPIOID_SIGNS = (
    r"\bnodd?(?:ing|in)\s+(?:out|off)|\b(?:breath\w*|respira\w*)\s+(?:es\s+|is\s+|esta\s+)?(?:real\s+|really\s+|very\s+|super\s+|muy\s+)?(?:slow\w*"
    r"|shallow|lent\w*|despacio)|\b(?:can'?t|cannot|cant)\s+(?:get|wake)\s+(?:him|her|them)\s+up|\b(?:won'?t|wont)\s+wake"
    r"|\bno\s+(?:lo|la)\s+(?:podemos|puedo)\s+despertar|\bno\s+despierta|\b(?:weird|loud)\s+snor\w*|\bronca\w*\s+raro"
    r"|\blips\s+(?:are\s+|turning\s+)?(?:blue|purple)|\bpinpoint"
    r"|\b(?:esta|se\s+puso|se\s+esta\s+poniendo)\s+(?:bien\s+|muy\s+)?(?:morad[oa]|azul)|\b(?:turning|turned|is|gone)\s+blue"
    r"|\b(?:respira\w*|breath\w*)\s+(?:bien\s+|muy\s+|real\s+|really\s+)?(?:raro|rara|weird|funny|strange)"
    r"|\b(?:narcan|naloxon\w*)\s+(?:[\w']+\s+){0,2}(?:y\s+nada|and\s+nothing|(?:didn'?t|did\s+not)\s+(?:help|work)"
    r"|no\s+(?:le\s+)?hizo\s+nada|but\s+(?:he'?s|she'?s)\s+still)|\bse\s+(?:paso|pasaron)\s+con\s+(?:el|la|los|las)\b"
)

# serotonin syndrome: an antidepressant with tramadol or another serotonergic drug, then tremor, sweat, fever
_SEROTONERGIC_PAIR = near(
    r"fluoxetin\w*|prozac|sertralin\w*|zoloft|paroxetin\w*|escitalopram|citalopram|lexapro|venlafaxin\w*|effexor"
    r"|duloxetin\w*|ssri|antidepres\w*",
    r"tramadol|tramal|ultram|linezolid|dextromethorphan|dextrometorfano|triptan\w*|sumatriptan|mdma|ecstasy|extasis"
    r"|st\s+john'?s\s+wort|hierba\s+de\s+san\s+juan|metoclopramid\w*",
    14,
)
_SEROTONIN_SIGNS = compile_any(
    r"\b(?:tremor\w*|trembl\w*|shak\w*|temblor\w*|tiembl\w*|sweat\w*|sud[oa]\w*|fever|fiebre|39|40|twitch\w*|jerk\w*"
    r"|espasm\w*|agitad\w*|agitated|racing|a\s+mil|corazon\s+a\s+mil)"
)

# postpartum psychosis: voices, a baby "not hers", no sleep at all, in the weeks after a birth
_PSYCHOTIC = (
    r"\b(?:hears?|hearing|escucha|oye|oigo|escucho)\s+(?:[\w']+\s+){0,2}(?:voices|voces)|\b(?:the\s+)?baby\s+(?:isn'?t|is\s+not"
    r"|was\s+not|wasn'?t)\s+(?:hers|mine|ours|really\s+hers)|\b(?:el\s+)?bebe\s+no\s+es\s+(?:suyo|mio|de\s+ella)"
    r"|\b(?:switched|swapped|cambiaron|se\s+lo\s+cambiaron)\s+(?:[\w']+\s+){0,3}(?:at\s+the\s+)?(?:hospital|the\s+baby|al\s+bebe|el\s+bebe)"
    r"|\b(?:the\s+)?baby\s+(?:is|was)\s+(?:possessed|evil|the\s+devil)|\bbebe\s+(?:esta\s+)?(?:poseido|endemoniado)"
)

# a child's fever of five days or more with red eyes, cracked lips or swollen hands: Kawasaki disease
_LONG_FEVER = compile_any(
    r"\b(?:fever|fiebre|calentura|temp\w*)\s+(?:[\w']+\s+){0,4}?(?:[5-9]|five|six|seven|eight|cinco|seis|siete|ocho"
    r"|a\s+week|una\s+semana)\s+(?:days?|dias)?"
)
_KAWASAKI = (
    r"\b(?:red|bloodshot)\s+eyes|\bcracked\s+(?:red\s+)?lips|\bswollen\s+(?:hands|feet)|\b(?:eyes|ojos|ojitos)\s+(?:[\w']+\s+){0,2}(?:red|bloodshot|rojos|colorados)|\blips\s+(?:[\w']+\s+){0,2}(?:cracked"
    r"|peeling|bright\s+red)|\blabios\s+(?:[\w']+\s+){0,2}(?:partidos|agrietados|rajados|rojos)|\bstrawberry\s+tongue"
    r"|\blengua\s+(?:de|como)\s+fresa|\b(?:hands|feet|manos|pies|manitas|piecitos)\s+(?:[\w']+\s+){0,2}(?:swollen"
    r"|puffy|hinchad\w*)|\bpeeling\s+(?:[\w']+\s+){0,2}(?:fingers|toes)|\bdedos\s+(?:[\w']+\s+){0,2}pelando"
)
# sleeping pills or sedatives taken twice, and one cannot be kept awake
_TAKEN_TWICE = (
    r"\b(?:took|taken|gave|se\s+tomo|le\s+di|tomo)\s+(?:[\w']+\s+){0,6}?(?:twice|two\s+times|double|dos\s+veces"
    r"|doble|again)\b"
)
_CANT_KEEP_AWAKE = compile_any(
    r"\b(?:can'?t|cannot|couldn'?t)\s+(?:keep|get)\s+(?:her|him|them)\s+(?:awake|up)|\bwon'?t\s+wake|\bno\s+(?:la|lo)\s+"
    r"(?:puedo|podemos)\s+(?:despertar|mantener\s+despiert[oa])|\bno\s+despierta|\bunresponsive|\bno\s+responde"
)
# pills or powders from a party with the body overheating: a stimulant overdose
_PARTY_DRUG = (
    r"\bse\s+meti[oa]\s+algo|\btook\s+something\s+at|\b(?:tomo|tomaron)\s+algo\s+en\s+(?:la|una)\s+fiesta|\b(?:pills?|pastillas?|something|algo)\s+(?:[\w']+\s+){0,5}?(?:at\s+a\s+party|en\s+una\s+fiesta|at\s+the\s+(?:party"
    r"|club|rave))|\b(?:molly|ecstasy|mdma|tachas?|cocaine|coca|perico|meth|cristal|speed|pingas?)\b"
)
_OVERHEATED = compile_any(
    r"\bve\s+cosas|\balucin\w*|\bseeing\s+things|\bhallucinat\w*|\bcorazon\s+a\s+mil|\b(?:10[3-7](?:[.,]\d)?|4[01](?:[.,]\d)?)\b|\bsuper\s+hot|\bburning\s+up|\bjaw\s+clench\w*|\bclenching|\bheart\s+"
    r"(?:racing|pounding)|\bseiz\w*|\bconvuls\w*|\bcorazon\s+a\s+mil|\bardiendo|\bmandibula\s+apretada"
)

UNCOMMON_SIGNS: list[Sign] = [
    Sign("child_fever", compile_any(_KAWASAKI), also=_LONG_FEVER, cause=CHILD),
    Sign("overdose", compile_any(_TAKEN_TWICE), also=_CANT_KEEP_AWAKE),
    Sign("overdose", compile_any(_PARTY_DRUG), also=_OVERHEATED),
    sign("other_emergency", _SNAKE_BITE),
    Sign("other_emergency", compile_any(_SCORPION), also=_STUNG_BADLY),
    Sign("stroke", compile_any(_CURTAIN), also=_CAME_ON),  # an eye's stroke or a torn retina: 911 either way
    Sign("other_emergency", compile_any(_SADDLE), also=_BLADDER),
    Sign("other_emergency", compile_any(_FROSTBITTEN), also=_COLD),
    Sign("other_emergency", compile_any(_RACING), also=_FAINTISH),
    Sign("other_emergency", compile_any(_CRUSHED), also=_CRUSH_BAD),
    Sign("overdose", compile_any(_OPIOID_SIGNS), also=_OPIOID),
    Sign("overdose", compile_any(_SEROTONERGIC_PAIR), also=_SEROTONIN_SIGNS),
    Sign("pregnancy", compile_any(_PSYCHOTIC), also=AFTER_BIRTH),
]
