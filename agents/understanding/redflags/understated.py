"""Emergencies told in understatement, lay or regional words, or relayed by someone else, found missed
by a third safety set written blind (sb3, 260, 2026-12-07): "the rope is already in the garage",
"everyone would be better off without her" in a note a parent found, "if someone took all their
pills at once would it hurt?", "ya compré el veneno", a father's gun "y no quiero seguir", wild
mushrooms then vomiting, a generator under the carport and everyone sick, a farmer who sprayed the
field and is drooling with pinpoint pupils, floripondio tea, a toddler who drank from the party's cups,
seizures one after another, a bruise swelling on blood thinners, the toilet full of bright red blood,
pink froth and no lying flat, a croupy child with stridor, smoke breathed in, a baby turning purple,
sickle cell with a fever, "la sonrisa le sale de un lado", half the mouth gone numb, "no me salen las
letras".

Each sign pairs the words with what makes them urgent (`also`, `cause`), as the other modules do.
"""

from __future__ import annotations

from agents.understanding.redflags.acute import BELLY
from agents.understanding.redflags.combined import CHILD
from agents.understanding.redflags.context import Sign, compile_any, sign

_MEANS_WORDS = r"rope|noose|gun|pistol|pills|poison|cuerda|soga|pistola|arma|veneno|pastillas|raticida"
_MEANS_READY = (
    rf"\b(?:the|my|a|la|el|mi|las)\s+(?:{_MEANS_WORDS})\s+(?:is|are|esta|estan)\s+(?:already\s+|ya\s+)?(?:in\s+the"
    r"|ready|here|set|aqui|lista|listo|listas|en\s+(?:el|la))"
)
_FINAL_WORDS = compile_any(
    r"\bwon'?t\s+be\s+around|\bnot\s+(?:gonna|going\s+to)\s+be\s+(?:around|here)|\bdoesn'?t\s+matter|\bno\s+importa"
    r"|\bsorry\b|\bgoodbye|\badios|\bno\s+quiero\s+seguir|\bno\s+voy\s+a\s+estar|\bya\s+no\s+(?:voy|va)\s+a\s+estar"
    r"|\bcan'?t\s+(?:do|take)\s+(?:this|it)|\bno\s+aguanto|\bya\s+no\s+puedo"
)
_RELAYED_INTENT = (
    r"\bbetter\s+off\s+without\s+(?:her|him|them)\b|\bestar(?:i|a)n\s+mejor\s+sin\s+(?:el|ella)\b"
    r"|\bif\s+(?:someone|somebody|a\s+person|i|you)\s+took\s+all\s+(?:their|my|his|her|your|the)\s+(?:pills|meds)"
    r"|\bsi\s+(?:alguien|uno)\s+se\s+toma\s+todas\s+(?:las|sus)\s+pastillas"
    r"|\bya\s+no\s+(?:nos|les|me|te)\s+va\s+a\s+(?:dar\s+(?:mas\s+)?problemas|molestar)"
    r"|\bpronto\s+ya\s+no\s+(?:lo|la|me)\s+(?:vamos|van|vas)\s+a\s+ver"
    r"|\b(?:tengo|traigo)\s+(?:la|el)\s+(?:pistola|arma|cuerda|soga|veneno)\b(?:\W+[\w']+){0,8}?\W+no\s+quiero\s+seguir"
)
_WILD_MUSHROOMS = r"\b(?:mushrooms?|hongos?|setas?|champinones\s+silvestres)\b"
_PICKED = compile_any(
    r"\b(?:picked|foraged|found|wild|woods|forest|yard|backyard|bosque|monte|campo|silvestres?|recogimos|recogi"
    r"|cortamos|encontramos)\b"
)
_SICK_AFTER = compile_any(
    r"\b(?:vomit\w*|throw\w*\s+up|threw\s+up|diarrh\w*|diarrea|cramps|colicos|confus\w*|confundid\w*|halluc\w*|aluc\w*)"
)
_GENERATOR_ROOM = (
    r"\b(?:planta\s+(?:electrica|de\s+luz)|generador|generator|calentador|heater|brasero|anafre)\b(?:\W+[\w']+){0,10}?"
    r"\W+(?:marquesina|garage|garaje|cochera|carport|casa|house|cuarto|room|adentro|inside|encendid\w*|prendid\w*"
    r"|running)"
)
_ALL_SICK = compile_any(
    r"\b(?:todos|todo\s+el\s+mundo|whole\s+family|everyone|we\s+all|all\s+of\s+us)\b(?:\W+[\w']+){0,6}?\W+"
    r"(?:amanecimos|tenemos|woke\s+up|have|has|estamos|feel)|\b(?:no\s+se\s+quiere\s+despertar|won'?t\s+wake)"
)
_PESTICIDE = (
    r"\b(?:fumig\w*|pesticid\w*|insecticid\w*|plaguicid\w*|organofosfor\w*|spray(?:ed|ing)\s+(?:the\s+)?(?:fields?"
    r"|crops?|bugs)|weed\s*killer|herbicid\w*)"
)
_CHOLINERGIC = compile_any(
    r"\b(?:babe\w*|drool\w*|sudand\w*|sweat\w*|pupil\w*|tiembl\w*|temblor\w*|twitch\w*|vomit\w*|confus\w*"
    r"|confundid\w*|breath\w*|respir\w*|mare\w*|dizzy)"
)
_TOXIC_PLANT = (
    r"\b(?:floripondio|datura|burundanga|toloache|jimson\s*weed|angel'?s\s+trumpet|oleander|adelfa)\b"
)
_DRANK_ALCOHOL = (
    r"\b(?:drank|drunk|bebio|se\s+tomo|tomo|got\s+into)\s+(?:[\w']+\s+){0,6}(?:alcohol|beer|wine|vodka|liquor|cups|guaro"
    r"|cerveza|vino|trago|licor|aguardiente|tequila|ron|whisky|mezcal|chicha)\b"
)
_DROWSY = compile_any(
    r"\b(?:sleepy|drowsy|wobbly|stumbl\w*|can'?t\s+keep\s+(?:her|him)\s+awake|dormid\w*|adormilad\w*|frio|fria"
    r"|cold|no\s+(?:me\s+)?responde|vomit\w*|threw\s+up|letharg\w*|limp)"
)
_CLUSTER = (
    r"\b(?:ataques|convulsiones|seizures|crisis)\s+(?:[\w']+\s+)?(?:seguid[oa]s|en\s+seguida|back\s+to\s+back|in\s+a\s+row"
    r"|one\s+after\s+(?:another|the\s+other)|uno\s+tras\s+otro)|\bsin\s+despertar\s+entre|\bwithout\s+waking\s+(?:up\s+)?"
    r"between"
)
_THINNERS = (
    r"\b(?:sintrom|warfarin\w*|coumadin|eliquis|apixaban|xarelto|rivaroxaban|pradaxa|blood\s+thinners?|anticoagul\w*"
    r"|acenocumarol)\b"
)
_SPREADING_BRUISE = compile_any(
    r"\b(?:enorme|huge|growing|getting\s+bigger|swell\w*|hinch\w*|se\s+puso\s+(?:enorme|duro)|duro|morado|dizzy"
    r"|mare\w*|faint\w*|desmay\w*|won'?t\s+stop|no\s+para)"
)
_KNOCK = compile_any(r"\b(?:golpe\w*|hit|fell|fall|bump\w*|me\s+di|me\s+cai|se\s+cayo|se\s+pego|banged)")
_BLOOD_BELOW = (
    r"\b(?:toilet|stool|poop|bowl|heces|popo|excremento|inodoro|taza\s+del\s+bano)\s+(?:[\w']+\s+){0,6}(?:blood|sangre)"
    r"|\b(?:blood|sangre)\s+(?:[\w']+\s+){0,3}(?:toilet|stool|inodoro|heces)|\bblack\s+(?:tarry\s+)?stools?"
    r"|\bheces\s+negras|\bpopo\s+negr\w*"
)
_LOTS = compile_any(
    r"\b(?:full|lleno|llena|bright\s+red|rojo\s+brillante|a\s+lot|lots|mucha|again|otra\s+vez|dizzy|mare\w*|faint\w*"
    r"|desmay\w*|pale|palid\w*|lightheaded)"
)
# a streak on the paper after constipation is a booking, not an emergency
_A_LITTLE = compile_any(
    r"\b(?:small|little|tiny|streak\w*|spots?|toilet\s+paper|wiping|wipe|poquit\w*|papel|gotit\w*|hilito\w*)\b"
)
_LUNGS_FLOODING = (
    r"\bpink\s+(?:froth\w*|foam\w*)|\bespuma\s+rosad\w*|\bcan'?t\s+lie\s+(?:down\s+)?flat|\bno\s+(?:me\s+)?puedo\s+acostar"
    r"\s+(?:sin\s+ahogarme|plan[oa])|\bgurgl\w*"
)
_STRIDOR = (
    r"\bstridor|\b(?:squeaky|squeaking|high[\s-]pitched|whistling)\s+(?:noise|sound)\s+when\s+(?:she|he|they)\s+"
    r"breathes?\s+in|\bskin\s+between\s+(?:his|her|the)\s+ribs|\bchirrido\s+al\s+respirar"
)
_SMOKE = r"\b(?:smoke|humo|hollin|soot)\b"
_SMOKE_HARM = compile_any(
    r"\b(?:hoarse|ronc\w*|tose\s+negro|cough\w*\s+(?:up\s+)?(?:black|soot)|soot|hollin|cuesta\s+(?:cada\s+vez\s+mas\s+)?"
    r"respirar|trouble\s+breathing|hard\s+to\s+breathe|short\s+of\s+breath|singed|quemad\w*)"
)
_TURNING_BLUE = (
    r"\b(?:se\s+(?:esta\s+)?(?:poniendo|puso)|turning|turned|going)\s+(?:morad\w*|azul\w*|blue|purple)"
    r"|\bno\s+le\s+sale\s+(?:ningun\s+)?(?:sonido|ruido|aire)|\bcan'?t\s+(?:make\s+a\s+sound|cough\s+or\s+cry)"
)
_SICKLE = r"\b(?:sickle[\s-]?cell|falciforme|drepanocit\w*)"
_FEVERISH = compile_any(r"\b(?:fever\w*|fiebre|calentura|temp\w*|3[89][.,]\d|10[0-4](?:[.,]\d)?)")
_FACE_ONE_SIDE = (
    r"\b(?:sonrisa|smile)\s+(?:[\w']+\s+){0,3}(?:rara|chueca|torcida|de\s+un\s+lado|crooked|lopsided|uneven|droop\w*"
    r"|one[\s-]sided)|\b(?:mitad|lado)\s+de\s+la\s+(?:boca|cara)\s+(?:se\s+(?:le\s+|me\s+)?)?(?:dormid\w*|adormec\w*"
    r"|entumid\w*|caid\w*|chuec\w*)|\bse\s+(?:me|le)\s+adormecio\s+(?:la\s+)?mitad\s+de\s+la\s+(?:boca|cara)"
    r"|\bhalf\s+(?:my|his|her)\s+(?:face|mouth)\s+(?:went\s+|is\s+|feels\s+)?(?:numb|droop\w*|dead)"
)
_WORDS_SCRAMBLED = (
    r"\bno\s+me\s+salen\s+las\s+(?:letras|palabras)|\b(?:todo\s+)?me\s+sale\s+revuelto|\bcan'?t\s+(?:type|write|spell)"
    r"\s+(?:right|properly|words)|\bvoice\s+(?:sounded|sounds|is|was)\s+(?:thick|slurred|funny|weird|drunk)"
    r"|\b(?:ver|veo|ve)\s+(?:todo\s+)?doble|\bseeing\s+everything\s+double"
)
_ON_ONE_SIDE_OR_NOW = compile_any(
    r"\b(?:hand|arm|mano|brazo|face|cara|boca|mouth|torpe|clumsy|asleep|dormid\w*|de\s+repente|de\s+la\s+nada"
    r"|sudden\w*|hace\s+(?:como\s+)?(?:una|un|media|\d+)|just\s+now|this\s+morning|same\s+question|adormec\w*)"
)
_ARM_AND_LEG = (
    r"\b(?:left|right)\s+(?:hand|arm)\s+and\s+(?:left|right|the\s+same|my|his|her)?\s*leg|\b(?:brazo|mano)\s+y\s+"
    r"(?:la\s+)?pierna\s+(?:izquierd|derech)\w*|\b(?:brazo|mano)\s+(?:izquierd|derech)\w*\s+y\s+(?:la\s+)?pierna"
)
_LIMB_WRONG = compile_any(
    r"\b(?:numb|heavy|weak|dead|tingl\w*|dormid\w*|pesad\w*|debil\w*|entumid\w*|sin\s+fuerza|dropping|drops)"
)

# appendicitis: pain that moved from the navel to the lower right, severe or with fever
_MOVED_RIGHT = (
    r"\bmoved\s+(?:down\s+)?to\s+(?:the\s+)?(?:lower\s+)?right|\b(?:se\s+)?(?:paso|movio|bajo|corrio)\s+(?:hacia\s+|al?\s+)?"
    r"(?:la\s+|el\s+)?(?:lado\s+)?(?:derech\w*|abajo\s+a\s+la\s+derecha)"
)
_NAVEL = compile_any(rf"\b(?:belly\s+button|navel|ombligo|{BELLY})")
_SEVERE_BELLY = compile_any(
    r"\b(?:[89]|10)\s*(?:/|out\s+of|de)\s*10|\bcan'?t\s+stand\s+up\s+straight|\bno\s+me\s+puedo\s+enderezar|\bfever"
    r"|\bfiebre|\bvomit\w*|\bworse|\bpeor"
)

UNDERSTATED_SIGNS: list[Sign] = [
    Sign("other_emergency", compile_any(_MOVED_RIGHT), also=_NAVEL, cause=_SEVERE_BELLY),
    Sign("suicidal", compile_any(_MEANS_READY), deniable=False, also=_FINAL_WORDS),
    sign("suicidal", _RELAYED_INTENT, deniable=False),
    Sign("overdose", compile_any(_WILD_MUSHROOMS), also=_PICKED, cause=_SICK_AFTER),
    Sign("overdose", compile_any(_GENERATOR_ROOM), also=_ALL_SICK),
    Sign("overdose", compile_any(_PESTICIDE), also=_CHOLINERGIC),
    sign("overdose", _TOXIC_PLANT),
    Sign("overdose", compile_any(_DRANK_ALCOHOL), also=CHILD, cause=_DROWSY),
    sign("other_emergency", _CLUSTER),
    Sign("bleeding", compile_any(_THINNERS), also=_SPREADING_BRUISE, cause=_KNOCK),
    Sign("bleeding", compile_any(_BLOOD_BELOW), also=_LOTS, unless=_A_LITTLE),
    sign("breathing", _LUNGS_FLOODING, _STRIDOR, _TURNING_BLUE),
    Sign("breathing", compile_any(_SMOKE), also=_SMOKE_HARM),
    Sign("other_emergency", compile_any(_SICKLE), also=_FEVERISH),
    sign("stroke", _FACE_ONE_SIDE),
    Sign("stroke", compile_any(_WORDS_SCRAMBLED), also=_ON_ONE_SIDE_OR_NOW),
    Sign("stroke", compile_any(_ARM_AND_LEG), also=_LIMB_WRONG),
]
