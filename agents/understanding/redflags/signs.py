"""The ways of saying each emergency, English and Spanish, as concepts rather than sentences.

Most signs pair a body part or a function with a word for what went wrong with it, a few words
apart in either order (`near`): "face" with "droopy", "crooked", "caída"; "bleeding" with "won't
stop", "through two towels", "a chorros". Each is a `Sign` (see below); `context.py` decides
whether a mention says the emergency is happening. Presentations that need several things said
anywhere in the message (a child, a fever and a danger sign) are in `combined.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agents.understanding.redflags.context import compile_any, near
from agents.understanding.types import RedFlagKind


@dataclass(frozen=True)
class Sign:
    """One way of saying an emergency.

    `deniable`: a denial just before it cancels it ("no chest pain"); signs that carry their own
    negation ("can't breathe", "no puede respirar") are never cancelled that way. `named`: the name
    of a condition, counted only when its clause says it is happening now. `also`: what the message
    must say as well, anywhere ("lips swollen" counts with something eaten, a sting, hives...).
    """

    kind: RedFlagKind
    pattern: re.Pattern[str]
    deniable: bool = True
    named: bool = False
    also: re.Pattern[str] | None = None


def _signs(kind: RedFlagKind, *alternatives: str, **options: object) -> Sign:
    return Sign(kind, compile_any(*alternatives), **options)  # type: ignore[arg-type]


PERSON = r"(?:my|his|her|their|our|the|mi|su|sus|el|la)"
CANT = r"(?:can'?t|cannot|can\s+not|couldn'?t|could\s+not|unable\s+to|not\s+able\s+to|won'?t|barely)"
PAIN = r"pain|pains|hurt|hurts|hurting|ache|aches|aching|dolor|duele|doliendo|dolia|punzada|puntada|dolorr"

# --- heart attack -----------------------------------------------------------------------------
CHEST = r"chest|chesst|chset|cehst|cehsst|chets|cheast|chst|breastbone|sternum|pecho|pechito|torax|esternon"
CHEST_FEELING = (
    PAIN + r"|(?<!blood\s)pressure|tight|tightness|heavy|heaviness|squeez|crush|crushing|elephant|stabbing"
    r"|killing\s+me|vice|vise|band|weight|brick|burning\s+up|on\s+fire|sitting\s+on|presion(?!\s+(?:arterial|alta|baja))|opresion"
    r"|apret|pesadez|pesado|peso|piedra|oprime|aplasta|ardor\s+fuerte"
)
HEART_ATTACK = (
    r"heart\s+attack|cardiac\s+arrest|infarto(?!\s+cerebral)|ataque\s+(?:al|del)\s+corazon|ataque\s+cardiaco"
    r"|paro\s+cardiaco"
)
SPREADING = (
    r"(?:going|spreading|radiating|moving|shooting|goes|travels|runs)\s+(?:[\w']+\s+){0,2}(?:into|to|down|up|through)"
    r"\s+(?:my|his|her|the)?\s*(?:left\s+)?(?:arm|jaw|neck|back|shoulder)|se\s+(?:me|le)\s+(?:va|pasa|corre|baja"
    r"|sube|extiende)\s+(?:al|a\s+la|hacia\s+el|hacia\s+la|por\s+el)\s+(?:brazo|mandibula|quijada|cuello|espalda"
    r"|hombro)|"
    + near(
        r"left\s+arm|jaw|brazo\s+izquierdo|brazo\s+izq|mandibula|quijada",
        PAIN + r"|numb|entumid|hormigue|dormid|durmi",
        3,
    )
)
CARDIAC_COMPANIONS = compile_any(
    r"\b(?:sweat\w*|clammy|nause\w*|chest|pecho|sudor\w*|sudando|sudo|naus\w*|short\s+of\s+breath|threw\s+up"
    r"|transpir\w*|gris|palid\w*|blanquit\w*|fri[oa]\b|pale|grey|gray"
    r"|vomit\w*|dizzy|mare\w*)"
)

# --- stroke (BE-FAST) -------------------------------------------------------------------------
FACE = r"face|mouth|smile|lip|lips|cheek|cara|boca|sonrisa|labio|labios|rostro|cachete"
FACE_WRONG = (
    r"droop|drooping|droopy|drooped|dropp|sag|sagging|saggy|crooked|lopsided|uneven|slant|twisted|fallen|falling"
    r"|slack|paralyz|frozen|torcid|chuec|caid|cayo|cayendo|se\s+(?:le|me)\s+cae|colgad|ladead|paralizad|desviad"
    r"|jalad|de\s+lado|numb\s+on\s+one|slid|sliding|melting|sunk|hanging|desvi\w*"
)
SIDE = (
    r"one\s+side|left\s+side|right\s+side|half\s+(?:of\s+)?" + PERSON + r"?\s*(?:face|body)|un\s+lado"
    r"|lado\s+(?:izquierdo|derecho)|(?:la\s+)?mitad\s+de(?:l|\s+la)?\s+(?:cara|cuerpo)"
)
LIMB = r"arm|arms|leg|legs|hand|hands|foot|brazo|brazos|pierna|piernas|mano|manos|pie"
LIMB_WRONG = (
    r"weak|weakness|numb|limp|heavy|dead|useless|paralyz|tingl|gave\s+out|giving\s+out|clumsy|not\s+moving|lead"
    r"|se\s+(?:le|me)\s+fue\s+la\s+fuerza|perdio\s+(?:la\s+)?fuerza|plomo"
    r"|doesn'?t\s+move|won'?t\s+move|can'?t\s+(?:move|lift|grip|feel|hold)|debil|debilidad|dormid|durmi|entumid"
    r"|entumec|adormec|sin\s+fuerza|pesad|paralizad|se\s+(?:me|le)\s+(?:cae|cayo)|caid|torpe|no\s+se\s+(?:me|le)?"
    r"\s*mueve|no\s+(?:lo|la|los|las|me|le)?\s*(?:puede|puedo)\s+(?:mover|levantar|sentir)|no\s+(?:me|le)\s+"
    r"(?:responde|agarra|obedece)"
)
SPEECH = r"speech|speaking|talking|talk|words|habla|hablar|hablando|palabras|lengua"
SPEECH_WRONG = (
    r"slurr|slur|garbled|jumbled|mumbl|weird|funny|strange|drunk|mixed\s+up|not\s+making\s+sense|nonsense|gibberish"
    r"|not\s+right|comes?\s+out\s+wrong|wrong|arrastr|enredad|trabad|traba|rara|raro|incoherente|no\s+se\s+(?:le|me)"
    r"\s+entiende|balbuce|mocha|mushy|se\s+(?:me|le)\s+va|can'?t\s+name|wrong\s+words|calls?\s+(?:the|a)\s+\w+\s+(?:a|the)|stopped\s+making\s+sense|making\s+no\s+sense"
    r"|doesn'?t\s+make\s+sense|random\s+words|no\s+tiene\s+sentido"
)
SPEECH_SIGNS = (
    r"\bslurr\w*|\b(?:can'?t|cannot)\s+(?:get|find)\s+(?:the|his|her|my)?\s*words(?:\s+out)?|\b(?:can'?t|cannot"
    r"|couldn'?t|barely|unable\s+to)\s+(?:speak|talk)\s+(?:properly|clearly|right|normally|straight)|\b(?:trouble"
    r"|difficulty|problems?|hard\s+time)\s+(?:speaking|talking|getting\s+(?:the\s+)?words|finding\s+words)"
    r"|\bno\s+(?:le|me)\s+salen\s+las\s+palabras|\bse\s+(?:le|me)\s+traba\s+la\s+lengua|\bno\s+(?:puedo|puede|pudo"
    r"|podia)\s+(?:hablar\s+(?:bien|claro|normal)|decir\s+(?:las\s+)?palabras|sonreir)|\b(?:can'?t|cannot)\s+smile"
    r"|\b(?:arm|brazo)\s+(?:and|y)\s+(?:leg|pierna)\s+(?:[\w']+\s+){0,3}(?:" + LIMB_WRONG + ")"
)
STROKE_NAME = (
    r"stroke|stroek|strok|derrame(?!\s+(?:en\s+el\s+ojo|ocular|pleural|de\s+(?:liquido|agua)))|ictus|embolia"
    r"|infarto\s+cerebral|apoplejia|trombosis\s+cerebral|mini[\s-]stroke"
)

# --- bleeding ---------------------------------------------------------------------------------
BLEED = (
    r"nose\s*bleed|bleeding|bleed|bleeds|bled|blood(?!\s*(?:work|test|tests|draw|pressure|sugar|type|results?"
    r"|panel|donation|bank|count|levels?|thinner|thinners|orange))|sangrando|sangra|sangre(?!\s+en\s+ayunas)"
    r"|sangrado|desangr|hemorragia"
)
BLEED_HOW = (
    r"a\s+lot|lots|heavily|heavy|badly|bad|won'?t\s+stop|will\s+not\s+stop|doesn'?t\s+stop|not\s+stopping"
    r"|can'?t\s+stop|cannot\s+stop|nonstop|non\s+stop|everywhere|soak|soaking|soaked|through|thru|gush|spurt"
    r"|squirt|pour|pool|so\s+much|tons|severe|profuse|uncontroll|like\s+crazy|clots?|faint|mucho|mucha|muchisim"
    r"|tanta|un\s+monton|abundante|no\s+para|no\s+deja|no\s+se\s+detiene|no\s+se\s+(?:le\s+)?para|a\s+chorros"
    r"|empapa|todos\s+lados|charco|bastante|fuerte|grave|sin\s+parar|litros|como\s+loco|coagulos|hours|horas"
    r"|large\s+amount|big\s+amount|huge|whole\s+bunch|pumping|pulsing|streaming|running\s+down|borbotones|buches"
)
VOMIT = (
    r"vomit\w*|devolv\w*|threw\s+up|throwing\s+up|threw\s+up|puking|puked|coughing|coughed|spitting|spit|vomitando"
    r"|vomito|vomita|tosiendo|tose|toso|tosi|escupiendo|escupe"
)

# --- allergic reaction, overdose --------------------------------------------------------------
ALLERGY_CAUSE = (
    r"allerg|reaction|ate|eating|eaten|sting|stung|bee|wasp|peanut|nut|nuts|shellfish|shrimp|kiwi|medicine"
    r"|antibiotic|penicillin|amoxi\w*|sulfa|injection|shot|dye|contrast|vaccine|after\s+taking|took|itch\w*"
    r"|hives|throat|swallow|breath|pill|pills|egg|milk|alergi|huevo|leche|reaccion|comio|comi|picadura|pico|abeja|avispa|cacahuate|mani"
    r"|mariscos|marisco|camaron\w*|medicina|antibiotico|penicilina|inyeccion|vacuna|tome|tomo|tomar|picazon"
    r"|comezon|ronchas|habones|garganta|tragar|respir"
)
SWELLING = r"swell|swollen|puff|hinch|inflam|big|huge|enormous|grandes|gordos"
PILLS = (
    r"pills|pill|tablets|meds|medication|medications|medicine|medicines|capsules|gummies|tylenol|advil|aspirin"
    r"|ibuprofen|acetaminophen|benadryl|xanax|oxy\w*|opioids?|fentanyl|percocet|vicodin|sleeping|insulin|digoxin"
    r"|lithium|melatonin|adderall|adhd|pastillas|pildoras|tabletas|medicamentos|medicinas|capsulas|paracetamol"
    r"|insulina|dosis|dose|doses|of\s+them|jarabe|syrup|oxycodone|iron|hierro"
)
TOO_MUCH = (
    r"too\s+many|to\s+many|way\s+too\s+many|a\s+lot\s+of|lots\s+of|a\s+bunch|handful|the\s+whole|an\s+entire"
    r"|whole\s+bottle|entire\s+bottle|all\s+(?:of\s+)?(?:my|his|her|the)|bottle|extra|double|twice|triple"
    r"|(?:like|about|around|maybe|almost|como|unas|casi|alrededor\s+de)\s+\d{2,}|\d{2,}\s+(?:pills|tablets|of\s+them"
    r"|pastillas|tabletas|capsulas|de\s+(?:ellas|esas)|ibuprofen\w*|paracetamol\w*|tylenol\w*|advil\w*|aspirin\w*)"
    r"|\d+\s+(?:doses|more\s+times|times|pills|tablets"
    r"|dosis|veces)|four\s+more|ten|twenty|thirty|fifty|missing|faltan|entero|entera|completo|by\s+mistake"
    r"|por\s+error|sin\s+querer|accidental\w*"
    r"|todo\s+lo\s+(?:que|ke)\s+habia|como\s+diez|un\s+monton|muchas|todas|toda\s+la|frasco|caja\s+entera|bote|blister"
    r"|puno|doble|de\s+mas|dos\s+veces"
)
SWALLOWED = (
    r"took|taken|swallowed|ate|drank|popped|got\s+into|dosed|injected|tome|tomo|tomar|tomado|se\s+tomo|trago"
    r"|trague|se\s+metio\s+a\s+la\s+boca|se\s+comio|se\s+bebio|got\s+hold\s+of|taking|tomando"
    r"|se\s+trago"
    r"|comio|se\s+comio|bebio|ingirio|inyecte|me\s+puse"
)
HOUSEHOLD = (
    r"bleach|detergent|cleaning|cleaner|pod|pods|battery|batteries|chemicals?|antifreeze|rat\s+poison|lighter"
    r"\s+fluid|drain|cloro|lejia|detergente|jabon|pila|bateria|quimicos?|veneno|raticida|desinfectante|gasolina"
    r"|thinner|limpia\w*|liquido\s+de\s+limpiar|destapa\w*|suavizante|fabuloso|clorox|pinol|windshield|washer"
    r"|nail\s+polish|mouthwash|enjuague|perfume|lamp\s+oil|kerosene|edibles?|liquido\s+de\s+(?:los\s+)?platos"
    r"|lavaplatos|lavatrastes|button\s+battery|magnets|botiquin"
)
YOUNG = (
    r"baby|babies|babys|infant|newborn|toddler|child|kid|kids|son|daughter|boy|girl|little\s+one|grandson"
    r"|granddaughter|teen|teenager|guagua|\d+\s*(?:yo|y/o|yr|yrs)|\d+\s*(?:-|\s)?(?:months?|mo|years?|yrs?|weeks?|days?)\s*(?:-|\s)?old|bebe"
    r"|bebito|bebita|nino|nina|hijo|hija|nene|nena|chiquito|chiquita|recien\s+nacid[oa]s?|criatura|nieto|nieta"
    r"|peque|crio|cria"
)

# --- the signs, in the order they are tried: suicidal intent first (its reply, 988, differs) ---
SUICIDAL = [
    r"\b(?:kill|killing|harm|harming|off|offing)\s+(?:myself|himself|herself|themselves|themself)\b"
    r"|\b(?:want|wants|going|gonna|thinking\s+(?:about|of)|urge\s+to|feel\s+like|tempted\s+to|been)\s+(?:to\s+)?"
    r"(?:hurt|hurting|cut|cutting|burn|burning)\s+(?:myself|himself|herself)|\bcutting\s+(?:myself|himself|herself)"
    r"|\b(?:hurt|cut|burn)\w*\s+(?:myself|himself|herself)\s+(?:on\s+purpose|again|deliberately)|\b(?:started"
    r"|been|keep|back\s+to)\s+cutting\b|\bend(?:ing)?\s+(?:my|his|her)\s+(?:own\s+)?life|\bend(?:ing)?\s+(?:it\s+all"
    r"|everything)\b|\btak(?:e|ing)\s+(?:my|his|her)\s+(?:own\s+)?life|\bsuicid|\bsucid|\bsuicde|\bself[\s-]?harm"
    r"|\b(?:don'?t|do\s+not|doesn'?t|no\s+longer)\s+want\s+to\s+(?:live|be\s+alive|exist|be\s+here|wake\s+up"
    r"|go\s+on)|(?<!don't\s)(?<!dont\s)(?<!not\s)\b(?:want|wants|wanna|going|gonna|ready)\s+(?:to\s+)?die\b"
    r"(?!\s+(?:of|from|laughing)\s+(?:embarrassment|laughter|laughing|shame|boredom|curiosity|cringe))"
    r"|\bbetter\s+off\s+dead|\bno\s+reason\s+to\s+(?:live|go\s+on)|\bwish\s+(?:i|he|she)\s+(?:was|were|could\s+be)"
    r"\s+(?:dead|gone|never\s+born)|\bwish\s+i\s+(?:could\s+)?(?:just\s+)?(?:disappear|die|not\s+exist)"
    r"|\b(?:not|stop)\s+(?:to\s+)?exist(?:ing)?\s+(?:anymore|any\s+more)|\btired\s+of\s+(?:being\s+alive|living"
    r"|life|existing)|\boverdose\s+on\s+purpose|\bend\s+it\s+(?:tonight|today|now|soon)|\b(?:going|gonna)\s+to\s+"
    r"end\s+it\b|\bwant\s+(?:it\s+all|everything)\s+to\s+(?:stop|end)|\bno\s+way\s+out|\bthought\s+about\s+how\s+"
    r"(?:i'?d|to|i\s+would|i\s+could)\s+do\s+it|\bhave\s+a\s+plan\s+to|\b(?:don'?t|do\s+not)\s+think\s+(?:i'?ll|i\s+will)"
    r"\s+be\s+(?:around|here|alive)|\b(?:happier|better|fine)\s+(?:off\s+)?if\s+i\s+(?:just\s+)?(?:disappeared|was\s+"
    r"gone|were\s+gone|died|wasn'?t\s+(?:here|around)|weren'?t\s+(?:here|around))|\bdisappear\w*\s+for\s+good",
    r"\b(?:don'?t|dont|do\s+not|can'?t|cannot)\s+see\s+(?:the|any)\s+point(?![^.?!]{0,30}\b(?:follow|appointment"
    r"|appt|visit|test|check|exam|paying|coming|going\s+in|cita|consulta|seguimiento|result))|\bwhat'?s\s+the\s+point\s+(?:of\s+"
    r"(?:living|anything|going\s+on|it\s+all|life)|anymore)|\bno\s+point\s+(?:in\s+)?(?:living|going\s+on|anymore"
    r"|to\s+(?:life|anything|living))|\bpointless\s+to\s+(?:live|go\s+on)|\bnothing\s+matters\s+(?:anymore|any"
    r"\s+more)|\b(?:i'?m|im)\s+(?:so\s+)?tired\s+of\s+fighting(?!\s+(?:with|for))|\bno\s+(?:one|body)\s+would\s+"
    r"(?:miss|notice|care)|\bnobody\s+would\s+(?:miss|notice|care)",
    r"\b(?:everyone|everybody|they|my\s+\w+|the\s+world|people)\s+(?:would|will|'d)\s+be\s+(?:better|fine|happier"
    r"|ok|okay)\s+(?:off\s+)?without\s+me|\bbetter\s+off\s+without\s+me|\b(?:i'?m|i\s+am|im)\s+(?:just\s+)?a\s+"
    r"burden|\bburden\s+(?:to|on|for)\s+(?:everyone|everybody|my|them)",
    r"(?:\bbeen\s+(?:collecting|saving|gathering|keeping)|\bstockpil\w*|\bhoard\w*|\bstash\w*|\bsaving\s+up)"
    r"\s+(?:up\s+)?(?:all\s+)?(?:my|the|some|these|those|a\s+lot\s+of)?\s*(?:[\w']+\s+)?(?:pills|meds|medications?"
    r"|tablets|sleeping\s+pills|oxy\w*|opioids?|painkillers|xanax|insulin)(?!\s+(?:from|at)\s+(?:the\s+)?(?:pharmacy|store|drugstore))"
    r"|\b(?:have|got)\s+(?:the|my|all\s+(?:the|my))\s+pills\s+(?:right\s+)?(?:here|ready|with\s+me)",
    r"\b(?:goodbye|suicide|farewell)\s+(?:letters?|notes?)|\b(?:wrote|writing|written|left)\s+(?:[\w']+\s+){0,2}"
    r"(?:letters?|notes?)\s+(?:to|for)\s+(?:my|everyone)\s*(?:[\w']+\s+){0,3}(?:just\s+in\s+case|in\s+case)"
    r"|\bsaying\s+(?:my\s+)?goodbyes?\b|\bgoodbye\s+(?:forever|everyone|to\s+everyone)|\b(?:my|this\s+is\s+my)\s+"
    r"(?:last|final)\s+(?:message|goodbye|text|words)|\bwon'?t\s+be\s+(?:around|here)\s+(?:much\s+longer|anymore"
    r"|tomorrow|for\s+long)|\b(?:for|after)\s+when\s+(?:i'?m|im|i\s+am)\s+gone|\bwhen\s+i'?m\s+no\s+longer\s+"
    r"(?:here|around)|\b(?:go\s+to\s+)?sleep\s+and\s+(?:never|not)\s+wake\s+up|\bnot\s+wake\s+up\s+(?:again"
    r"|anymore|tomorrow)|\bdisappear\s+forever|\b(?:thinking\s+(?:about|of)\s+)?jump\w*\s+(?:off|from)\s+"
    r"(?:a|the|my|this)|\bthinking\s+(?:about|of)\s+jump\w*|\bhang\s+(?:myself|himself|herself)|\bshoot\s+"
    r"(?:myself|himself|herself)|\b(?:looking\s+up|searching|researching|googling)\s+(?:[\w']+\s+){0,2}(?:ways|how)"
    r"\s+to\s+(?:die|kill|end|do\s+it)|\b(?:can'?t|cannot)\s+(?:go\s+on|do\s+this|take\s+(?:it|this|life))\s+"
    r"(?:anymore|any\s+more|any\s+longer)\b(?!\s+(?:with\s+)?(?:this\s+|the\s+|my\s+)?(?:pain|cough|itch|rash))",
    r"\b(?:quiero|quisiera|me\s+quiero|ganas\s+de|prefiero|se\s+quiere|quiere)\s+morir|\bmatar(?:me|se|te)\b"
    r"|\b(?:me\s+(?:voy|iba)|se\s+(?:va|iba|quiere)|te\s+vas)\s+a\s+(?:matar|tirar|suicidar|quitar\s+la\s+vida|ahorcar"
    r"|colgar)|\bsuicid|\bno\s+quiero\s+(?:seguir\s+)?(?:vivir|viviendo|estar\s+aqui|despertar|existir)"
    r"|\b(?:me|se|te)\s+(?:quiero|quiere|quieres)\s+(?:matar|morir|suicidar)|\bquitar(?:me|se)\s+la\s+vida|\bacabar\s+con\s+(?:mi\s+vida|su\s+vida|todo)|\bno\s+vale\s+la\s+pena\s+vivir"
    r"|\b(?:no|ya\s+no)\s+(?:le\s+)?(?:veo|encuentro|tiene)\s+(?:ningun\s+)?sentido\s+(?:a\s+)?(?:nada|la\s+vida"
    r"|vivir|seguir)|\bestar(?:i|a)n\s+mejor\s+sin\s+mi|\bmejor\s+sin\s+mi\b|\bsoy\s+(?:solo\s+)?una\s+carga"
    r"|\bser\s+una\s+carga|\b(?:juntando|guardando|acumulando|ahorrando|escondiendo)\s+(?:[\w']+\s+){0,2}"
    r"(?:pastillas|pildoras|medicinas|medicamentos)|\bcortar(?:me|se)(?!\s+(?:el|la|las|los)\s+(?:pelo|cabello"
    r"|unas|flequillo))|\b(?:me|se)\s+(?:estoy|sigo|esta|sigue)\s+cortando|\b(?:volvi|volvio|he\s+vuelto"
    r"|ha\s+vuelto)\s+a\s+cortar|\b(?:quiero|ganas\s+de|pienso\s+en|pensando\s+en)\s+(?:lastimarme|hacerme\s+dano"
    r"|cortarme)|\bdormir\s+y\s+no\s+despertar|\bno\s+despertar\s+(?:nunca|mas|jamas|manana)|\bojala\s+no\s+"
    r"despert|\bdormir(?:me)?\s+y\s+no\s+despertar|\bnadie\s+me\s+(?:extranaria|echaria\s+de\s+menos)|\bdesaparecer\s+para\s+siempre|\bcartas?\s+de"
    r"\s+despedida|\bcartas?\s+(?:[\w']+\s+){0,4}por\s+si\s+acaso|\bme\s+(?:despido|despedi)\s+de\s+todos"
    r"|\bcansad[oa]\s+de\s+luchar|\bme\s+corte\s+(?:otra\s+vez|de\s+nuevo|a\s+proposito)|\b(?:mi|este\s+es\s+mi)\s+ultimo\s+mensaje|\bno\s+(?:aguanto|puedo)"
    r"\s+(?:mas\s+)?(?:la\s+vida|vivir|seguir\s+viviendo)|\btirar(?:me|se)\s+(?:de|del|por|al)|\bahorcar(?:me|se)"
    r"|\bya\s+no\s+quiero\s+estar\s+aqui|\bmejor\s+muert[oa]|\bno\s+hay\s+salida|\b(?:ya\s+)?(?:pense|pensado"
    r"|planee|planeado|se)\s+como\s+hacerlo|\bbuscando\s+como\s+(?:hacerlo|matarse|morir|suicidarse)"
    r"|\bno\s+creo\s+que\s+(?:siga|este|llegue)\s+(?:aqui|viv[oa])|\bcansad[oa]\s+de\s+vivir",
]
SUICIDAL.append(
    r"\b(?:don'?t|do\s+not|no\s+longer)\s+feel\s+safe\s+(?:with|around)\s+(?:myself|me)|\bno\s+me\s+siento\s+"
    r"segur[oa]\s+(?:conmigo|de\s+mi)|\b(?:no\s+one|nobody)\s+(?:would|will)\s+(?:even\s+)?(?:notice|miss|care)"
    r"|\bpicturing\s+my\s+(?:own\s+)?funeral|\b(?:got|have)\s+everything\s+(?:ready|planned|sorted)|\b(?:i'?ve|i\s+have)"
    r"\s+taken\s+care\s+of\s+everything|\b(?:not|won'?t)\s+(?:going\s+to\s+)?be\s+(?:here|around|alive)\s+"
    r"(?:tomorrow|tonight|much\s+longer|by|next|after)|\bwon'?t\s+be\s+needing\s+(?:them|it|any)|\bnadie\s+(?:me\s+)?"
    r"(?:va|iba)\s+a\s+(?:extranar|echar\s+de\s+menos)|\bya\s+lo\s+tengo\s+(?:pensado|planeado|decidido)"
    r"|\b(?:deje|dejo|tengo)\s+todo\s+(?:arreglado|listo|preparado)|\bno\s+creo\s+que\s+me\s+(?:vean|vuelvan\s+a\s+ver)"
    r"|\bno\s+(?:voy|pienso)\s+a?\s*(?:estar|seguir)\s+(?:aqui|viv[oa])\s+(?:manana|mucho)"
)
SUICIDAL.append(
    r"\b(?:ready|wants?)\s+to\s+(?:go\s+)?be\s+with\s+(?:her|him|mom|dad|my|his|her)|\bno\s+quiero\s+seguir\s+"
    r"(?:aqui|vivo|viv[ao]|viviendo)|\bescrib\w*\s+(?:[\w']+\s+){0,2}cartas?\s+a\s+(?:mis|todos)|\bwritten\s+letters\s+to"
    r"\s+everyone|\bcut\s+(?:[\w']+\s+){0,2}(?:deeper|too\s+deep)|\bdeep\s+enough\s+to|\bme\s+corte\s+mas\s+hondo"
    r"|\b(?:para|to)\s+not?\s+(?:despertar|wake\s+up)|\bnot\s+to\s+wake\s+up|\bfeel\s+safe\s+(?:being\s+)?(?:alone\s+)?"
    r"(?:with|around)\s+myself|\b(?:driv\w*|crash\w*)\s+(?:my\s+car\s+)?(?:into|off)\s+(?:a|the)\s+(?:tree|wall|bridge"
    r"|cliff|river|truck)|\b(?:sounds?|feels?)\s+like\s+(?:a\s+)?relief|\bestrellarme|\b(?:ultima|last)\s+(?:vez|time)"
    r"\s+(?:que\s+)?(?:le|les|te|i|you)\s+(?:escribo|write|hear)|\blast\s+message\s+you'?ll\s+(?:get|hear)"
    r"|\bburden\s+to\s+(?:all|you)|\b(?:tengo|have|got)\s+(?:la|el|the|a)\s+(?:cuerda|soga|rope)|\bdespedirme\s+de"
    r"\s+(?:alguien|todos|ustedes)|\bya\s+no\s+(?:voy|va)\s+a\s+estar\s+(?:para|aqui|mas)|\bwon'?t\s+be\s+around\s+after"
    r"|\bnothing\s+(?:left\s+)?to\s+live\s+for|\bno\s+tengo\s+(?:nada\s+)?(?:por|para)\s+(?:que|lo\s+que)\s+vivir"
    r"|\blife\s+is\s+(?:meaningless|pointless)|\bla\s+vida\s+no\s+tiene\s+sentido|\bmade\s+(?:my\s+)?peace"
    r"|\btonight\s+is\s+the\s+night|\bhice\s+las\s+paces\s+con\s+todo"
    r"|\ball\s+my\s+(?:meds|pills)\s+in\s+(?:one|a)\s+pile|\bsaving\s+them\s+up|\bknow\s+what\s+i'?m\s+(?:going\s+to"
    r"|gonna)\s+do\s+with\s+them|\bse\s+despide\s+de\s+todos|\bdespidiendose|\bcan'?t\s+go\s+on\b(?!\s+(?:like\s+"
    r"this\s+)?(?:with\s+)?(?:this\s+|the\s+|my\s+)?(?:pain|cough|itch|rash|waiting))"
)
EXTRA_SIGNS = [
    _signs(
        "breathing",
        r"\bbark\w*\s+(?:cough|like\s+a\s+seal)|\btos\s+de\s+perro|\b(?:sucks?|pulls?|sinks?)\s+in\s+(?:[\w']+\s+){0,2}"
        r"(?:between|under)\s+(?:the|his|her)?\s*ribs|\bse\s+le\s+(?:hunden|marcan)\s+las\s+costillitas|\b(?:oxygen|o2|sats?"
        r"|saturation|oximeter|finger\s+thing|oximetro|saturacion)\s+(?:[\w']+\s+){0,4}(?:[5-8]\d|9[01])\s*%?"
        r"|\bbreathing\s+(?:really\s+|super\s+|very\s+|so\s+)?(?:fast|shallow)|\bwheez\w*\s+and\s+drool\w*"
        r"|\bswallowed\s+(?:a\s+)?(?:[\w']+\s+){0,2}whole",
    ),
    _signs(
        "anaphylaxis",
        r"\b(?:puse|use|used|gave|inyecte|le\s+pusimos|le\s+puse)\s+(?:[\w']+\s+){0,2}(?:epinefrina|epinephrine"
        r"|adrenalina)",
    ),
    Sign(
        "overdose",
        compile_any(
            r"\b(?:took|taking|taken|tomo|tome|tomando)\s+(?:[\w']+\s+){0,4}(?:twice|double|extra|dos\s+veces"
            r"|doble)"
        ),
        also=compile_any(rf"\b(?:{PILLS})\w{{0,3}}\b|\bdigoxin|\bmetformin|\bwarfarin"),
    ),
    Sign(
        "suicidal",
        compile_any(
            r"\b(?:gave|given|regalo|regale)\s+(?:away\s+)?(?:my|his|her|su|sus|mi|mis)\s+(?:[\w']+\s+){0,4}"
            r"(?:to|a)\s+(?:my|his|her|sus|mis)|\b(?:wanted|want)\s+to\s+say\s+goodbye"
        ),
        deniable=False,
        also=compile_any(
            r"\b(?:calm|goodbye|last|won'?t\s+need|despedir\w*|ya\s+no|gun|rope|pills|ultim\w*)"
        ),
    ),
]
SIGNS: list[Sign] = [
    *(_signs("suicidal", p, deniable=False) for p in SUICIDAL),
    Sign(
        "suicidal",
        compile_any(
            r"\b(?:wants?|want)\s+to\s+be\s+(?:with|w)\s+(?:my|his|her|dad|mom|him|her)|\b(?:quiere|quiero)\s+"
            r"(?:irse|irme|estar|reunirse|reunirme)\s+con\s+(?:mi|su)|\b(?:giving|gave|given)\s+(?:away\s+)?"
            r"(?:all\s+)?(?:my|his|her)\s+(?:[\w']+\s+){0,2}(?:away|things|stuff|belongings|possessions|jewel\w*)"
            r"|\bregal(?:ando|o|ado|e)\s+(?:todas\s+)?(?:sus|mis)\s+cosas|\bwon'?t\s+need\s+(?:them|it|these|anything)"
            r"|\bno\s+(?:lo|los|las|la)\s+(?:voy|va)\s+a\s+necesitar"
        ),
        deniable=False,
        also=compile_any(
            r"\b(?:passed|died|death|funeral|late|gave\s+away|giving\s+away|won'?t\s+need|murio|fallecio|difunt\w*"
            r"|regalando|regalo|regale|necesitar|cancel\w*)"
        ),
    ),
    _signs(
        "overdose",
        near(SWALLOWED, TOO_MUCH, 5),
        also=compile_any(rf"\b(?:{PILLS}|bottle|frasco|caja|botiquin|medicine\s+cabinet)\w{{0,3}}\b"),
    ),
    _signs(
        "overdose",
        rf"\b(?:ate|swallowed|got\s+into|took|eaten|se\s+comio|se\s+tomo|se\s+trago)\s+(?:[\w']+\s+){{0,5}}(?:{PILLS})",
        also=compile_any(rf"\b(?:{YOUNG})\b"),
    ),
    _signs(
        "overdose",
        r"\boverdos\w*|\bo\.?d\.?'?(?:ed|d)\b|\bsobredosis|\bintoxica\w*|\benvenen\w*"
        r"|(?<!food\s)\bpoison(?:ed|ing)?\b(?!\s+(?:ivy|oak|control\s+(?:number|class)))",
        near(SWALLOWED, HOUSEHOLD, 5),
        near(YOUNG, rf"(?:{SWALLOWED})\W+(?:[\w']+\W+){{0,3}}(?:{PILLS})", 3),
        r"\bempty\s+(?:pill\s+)?bottle|\b(?:frasco|bote)\s+vacio|\b(?:double|doble)\s+(?:dos\w*|insulin\w*)"
        r"|\bdouble[\s-]?dosed",
        near(
            PILLS,
            r"(?:with|con)\s+(?:[\w']+\s+){0,3}(?:alcohol|vino|wine|beers?|cervezas?|vodka|drinks|tequila|whisk|liquor"
            r"|shots)",
            4,
        ),
        r"\bnodding\s+off|\bcabeceando",
    ),
    _signs(
        "anaphylaxis",
        r"\banaphyla\w*|\banafila\w*|\bthroat\s+(?:[\w']+\s+){0,3}(?:closing|swelling|swollen|tight|closed)"
        r"|\b(?:se\s+(?:me|le)\s+(?:esta\s+)?(?:cierr|cerr)\w*)\s+(?:[\w']+\s+){0,2}garganta|\bgarganta\s+(?:[\w']+\s+){0,4}"
        r"(?:cerrada|hinchada|cerrando|apretada|se\s+(?:me|le)\s+cierra)|\b(?:used|gave|give|giving|injected|use|jabbed|stabbed|had\s+to\s+use)\s+"
        r"(?:him|her|me|them)?\s*(?:an?|the|my|his|her)?\s*epi[\s-]?pen|\b(?:use|inyecte|le\s+puse|le\s+pusimos"
        r"|aplique)\s+(?:el\s+|la\s+|su\s+|mi\s+)?epi[\s-]?pen|\btongue\s+(?:[\w']+\s+){0,2}(?:thick|swollen|big|huge)"
        r"|\blengua\s+(?:[\w']+\s+){0,2}(?:gruesa|hinchada|pesada|grande)",
        near(
            r"allergic\s+reaction|reaccion\s+alergica",
            r"severe|bad|serious|grave|fuerte|severa|breath|respir|throat|garganta|swell|hinch",
            4,
        ),
    ),
    Sign(
        "anaphylaxis",
        compile_any(
            near(
                r"tongue|lips|lip|face|throat|mouth|eyes|eyelids|lengua|labios|cara|boca|garganta|ojos|parpados",
                SWELLING,
                4,
            ),
            r"\b(?:hives|ronchas|habones|welts)\s+(?:[\w']+\s+){0,2}(?:all\s+over|everywhere|por\s+todo)"
            r"|\b(?:covered|llen[oa])\s+(?:in|of|de)\s+(?:hives|welts|ronchas|habones)",
        ),
        also=compile_any(rf"\b(?:{ALLERGY_CAUSE})"),
    ),
    Sign(
        "anaphylaxis",
        compile_any(r"\b(?:hives|ronchas|habones|welts)\b"),
        also=compile_any(
            r"\b(?:breath|respir|dizzy|mare\w*|faint|pass(?:ing)?\s+out|desmay\w*|throat|garganta|swell\w*|hinch\w*"
            r"|vomit\w*|sleepy|cough\w*|tose|hoarse|ronca|wheez\w*)"
        ),
    ),
    _signs(
        "chest_pain",
        near(CHEST, CHEST_FEELING, 5),
        near(r"heart|corazon", PAIN + r"|squeez", 3),
        r"\b(?:holding|clutching|grabbing|agarrando|apretando|agarrandose|sujetandose)\s+(?:his|her|my|el|su)\s+"
        r"(?:chest|pecho)",
    ),
    Sign("chest_pain", compile_any(rf"\b(?:{HEART_ATTACK})"), named=True),
    Sign("chest_pain", compile_any(SPREADING), also=CARDIAC_COMPANIONS),
    _signs(
        "breathing",
        rf"\b{CANT}\s+(?:[\w']+\s+)?(?:breathe?|breathing|get\s+(?:[\w']+\s+){{0,2}}(?:air|breath|in)|catch\s+"
        rf"{PERSON}?\s*breath|finish\s+(?:a\s+)?sentences?|talk\s+without)(?!\s+(?:[\w']+\s+)?(?:through|out\s+of)\s+"
        r"(?:my|his|her|the)\s+nose)",
        r"\b(?:trouble|difficulty|difficult|hard\s+time|problems?|struggling|struggle|hard|labou?red)\s+(?:to\s+)?"
        r"(?:breathe?|breathing|catching\s+\w+\s+breath)|\bstruggling\s+for\s+(?:air|breath)|\bgasp\w*"
        r"|\bshort(?:ness)?\s+(?:of\s+)?breath|\bout\s+of\s+breath|\bchok(?:ing|ed|es)\b|\bsuffocat\w*"
        r"|\b(?:feel|feels|felt)\s+like\s+(?:i'?m|he'?s|she'?s|i\s+am)\s+drowning",
        r"\bturning\s+(?:[\w']+\s+){0,2}blue|\b(?:lips|mouth|face)\s+(?:[\w']+\s+){0,2}(?:blue|bluish|purple|gray|grey)|\b(?:blue|bluish"
        r"|purple)\s+(?:lips|around\s+(?:the|his|her)\s+(?:mouth|lips))|\b(?:not|isn'?t|stopped|stop)\s+breathing"
        r"|\bwheez\w*\s+(?:so\s+)?(?:bad|badly|hard|really\s+bad)|\bwheez\w*\s+(?:[\w']+\s+){0,4}(?:can'?t|cannot)\s+"
        r"(?:talk|speak)|\basthma\s+attack|\b(?:inhaler|puffer)\s+(?:[\w']+\s+){0,2}(?:isn'?t|is\s+not|not|doesn'?t"
        r"|does\s+nothing|won'?t)|\bused\s+(?:my|his|her|the)\s+(?:inhaler|puffer)\s+\d+\s+times|\bpulling\s+in\s+"
        r"(?:under|between|at)\s+(?:his|her|the)\s+ribs|\bretractions|\bgrunting",
        r"\bno\s+(?:puedo|puede|podia|podemos|pude)\s+respirar(?!\s+(?:bien\s+)?por\s+la\s+nariz)|\b(?:me|le|nos)\s+"
        r"(?:falta|faltaba|cuesta|costaba)\s+(?:mucho\s+)?(?:el\s+)?(?:aire|respirar)|\bfalta\s+de\s+aire"
        r"|\bdificultad\s+(?:para|al|pa)\s+respirar|\b(?:me|se|te)\s+(?:ahoga|ahogo|esta\s+ahogando|estoy\s+ahogando)"
        r"|\bahogando(?:se|me)?|\bno\s+respira\b|\bno\s+(?:me|le)\s+entra\s+(?:el\s+)?aire|\brespira\s+con\s+"
        r"dificultad|\bsin\s+aire|\basfixi\w*|\batragant\w*|\bse\s+(?:atoro|atraganto)|\batorad[oa]|\blabios\s+"
        r"(?:morados|azules)|\bse\s+(?:esta\s+poniendo|puso)\s+(?:morad|azul)|\b(?:ataque|crisis)\s+de\s+asma"
        r"|\binhalador\s+(?:[\w']+\s+){0,2}no\s+(?:me\s+|le\s+)?(?:hace|sirve|funciona)|\bno\s+puedo\s+hablar\s+sin"
        r"|\bse\s+le\s+(?:hunden|marcan)\s+las\s+costillas|\b(?:unas|boca|labios)\s+(?:[\w']+\s+){0,2}(?:azul|morad)\w*"
        r"|\b(?:azul|morad)\w*\s+(?:[\w']+\s+){0,2}(?:las\s+unas|la\s+boca|los\s+labios)|\brespira\s+(?:muy\s+)?rapid\w*"
        r"|\bnails\s+(?:are\s+|look\s+|turning\s+)?(?:blue|purple)|\b(?:labios|boca|boquita|unas)\s+(?:[\w']+\s+){0,2}"
        r"(?:gris\w*|azul\w*|morad\w*)|\b(?:lips|mouth)\s+(?:[\w']+\s+){0,3}(?:gr[ae]y|blue|bluish|purple)"
        r"|\brespira\s+con\s+(?:mucho\s+)?esfuerzo|\b(?:croup|crup)\b|\bbreathing\s+(?:really\s+|very\s+|so\s+)?fast",
    ),
    *EXTRA_SIGNS,
    _signs("stroke", near(FACE, FACE_WRONG, 4)),
    _signs(
        "stroke",
        near(SIDE, LIMB_WRONG + "|" + FACE_WRONG + r"|can'?t\s+(?:move|feel)|no\s+siente", 4),
        SPEECH_SIGNS,
        near(SPEECH, SPEECH_WRONG, 3),
        r"\bworst\s+headache|\bthunderclap|\bpeor\s+dolor\s+de\s+cabeza",
    ),
    Sign("stroke", compile_any(rf"\b(?:{STROKE_NAME})\b"), named=True),
    _signs(
        "bleeding",
        near(BLEED, BLEED_HOW, 7),
        rf"\b(?:{VOMIT})\s+(?:up\s+)?(?:[\w']+\s+){{0,4}}(?:blood|sangre)|\b(?:blood|sangre)\s+(?:when|al)\s+"
        r"(?:cough|vomit|tos)|\bhemorragia|\bdesangr\w*|\bbleeding\s+(?:out|to\s+death)|\bcoffee\s+grounds"
        r"|\b(?:borra|posos)\s+de\s+cafe|\b(?:black|tarry)\s+(?:tarry\s+)?(?:stool|poop)|\b(?:heces|popo|caca"
        r"|evacuaciones)\s+(?:[\w']+\s+)?negr\w*|\balquitran|\b(?:mouth|boca)\s+(?:[\w']+\s+){0,3}(?:fill\w*|llena)\s+"
        r"(?:[\w']+\s+){0,2}(?:blood|sangre)|\bse\s+me\s+llena\s+la\s+boca\s+de\s+sangre|\bsoak\w*\s+(?:through\s+)?"
        r"(?:a|one|\d+|two|three)\s+(?:pads?|tampons?|towels?)|\b(?:towel|towels|bandage|gauze|toalla|venda)\s+"
        r"(?:[\w']+\s+){0,5}(?:soaked|soaking|empapad\w*)|\b(?:stool|stools|poop|poo)\s+(?:[\w']+\s+){0,3}(?:black"
        r"|tarry|tar)\b",
    ),
    Sign(
        "bleeding",
        compile_any(
            r"\bsoaked\s+through|\b(?:soaking|soaked)\s+(?:the|a|it|my|his|her)?\s*(?:towel|bandage|gauze|pad|pads|shirt)"
            r"|\bempapad[oa]\s+(?:de\s+sangre)?|\b(?:toalla|pad|pads|tampon)\w*\s+(?:[\w']+\s+){0,2}(?:cada|every)\s+"
            r"(?:\d+|quince|media|una|an?|half)\s*(?:min\w*|hora|hour)?"
        ),
        also=compile_any(
            r"\b(?:towel|bandage|gauze|toalla|venda|cut|blood|bleed\w*|herida|wound|sangr\w*|period|regla)"
        ),
    ),
    Sign(
        "other_emergency",
        compile_any(
            r"\b(?:isn'?t|is\s+not|not|stopped|won'?t\s+start)\s+moving\b|\bno\s+se\s+mueve\b|\bya\s+no\s+se\s+mueve"
        ),
        also=compile_any(
            r"\b(?:fell|collapsed|found\s+(?:him|her)|lying|floor|ground|se\s+cayo|tirad[oa]|piso|suelo|emergenc\w*)"
        ),
    ),
    _signs(
        "other_emergency",
        r"\bunconscious|\bunresponsive|\b(?:isn'?t|is\s+not|not|stopped)\s+responding(?!\s+to\s+(?:my\s+|our\s+)?(?:e-?mails?|messages?|calls?"
        r"|texts?))|\bwon'?t\s+(?:wake|respond)|\b(?:can'?t|cannot)\s+wake\s+(?:him|her|them|my|up)|\bcollaps\w*"
        r"|\b(?:not|isn'?t)\s+waking\s+up|\b(?:won'?t|can'?t)\s+stay\s+awake|\bpassed\s+out\b|\bblacked\s+out\b"
        r"|\binconsciente|\bno\s+responde\b(?!\s+(?:a\s+)?(?:mis|los|el|la|al|sus)\s+(?:mensajes|llamadas|correos"
        r"|telefono))|\bno\s+reacciona|\bno\s+(?:se\s+)?despierta|\bno\s+(?:lo|la|le)\s+(?:puedo|podemos)\s+despertar"
        r"|\bno\s+se\s+mantiene\s+despiert|\bse\s+desmay\w*|\bse\s+desplom\w*|\bperdio\s+el\s+conocimiento"
        r"|\bse\s+(?:cayo|cae)\s+y\s+no\s+(?:se\s+levanta|responde|reacciona)|\bfoaming\s+at\s+the\s+mouth"
        r"|\bespuma\s+por\s+la\s+boca|\b(?:heart|corazon)\s+(?:has\s+)?(?:stopped|isn'?t\s+beating|is\s+not\s+beating"
        r"|dejo\s+de\s+latir|no\s+late)|\bno\s+(?:pulse|heartbeat)\b|\b(?:no\s+tiene|sin)\s+pulso|\bdesmay\w*|\bno\s+vuelve\s+en\s+si",
        deniable=False,
    ),
    Sign(
        "other_emergency",
        compile_any(
            r"\bseiz\w*|\bconvuls\w*|\b(?:having|had)\s+a\s+fit\b|\bstiff\s+(?:and\s+|then\s+)?(?:then\s+)?jerk\w*|\bjerking\s+"
            r"(?:on|all)|\bataque\s+epileptico|\bepileptic\s+fit|\b(?:shaking"
            r"|jerking|temblando|sacudiendose)\s+(?:[\w']+\s+)?(?:all\s+over|uncontrollabl\w*|todo|sin\s+control)"
        ),
        named=True,
    ),
    _signs(
        "other_emergency",
        r"\b(?:this\s+is|it'?s|its|having|we\s+have|i\s+have|there'?s)\s+(?:an?\s+)?(?:medical\s+|real\s+)?"
        r"emergenc\w*|\bes\s+una\s+emergencia|\btengo\s+una\s+emergencia|\b(?:call|calling|need|send)\s+(?:an?\s+)?"
        r"ambulance|\b(?:llamen|llama|llamo|necesito|necesitamos|manden)\s+(?:una\s+)?ambulancia|\b(?:should|do)\s+"
        r"i\s+(?:need\s+to\s+)?call\s+911|\bllamo\s+al\s+911",
        r"\b(?:severe|bad|serious|third[\s-]degree|second[\s-]degree)\s+burns?|\bquemadura\w*\s+(?:grave|fuerte|seria"
        r"|de\s+(?:segundo|tercer)\s+grado)|\bse\s+quemo\s+con\s+(?:agua\s+hirviendo|aceite|acido)",
        near(
            r"boiling|hirviendo|scald\w*|acid|acido|chemical|quimic\w*|fire|fuego|flames|llamas",
            r"blister\w*|ampollas|skin|piel|peeling|cayendo|chest|arms|face|pecho|brazos|cara",
            8,
        ),
        r"\bbone\s+(?:is\s+)?(?:sticking|poking|coming)\s+(?:out|through)|\bhueso\s+(?:[\w']+\s+){0,4}saliendo"
        r"|\bblood\s+(?:coming\s+)?(?:out\s+of|from)\s+(?:his|her|my|the)\s+ear|\bsangre\s+(?:por|del|de\s+la)\s+"
        r"(?:el\s+)?(?:oido|oreja)|\bknocked\s+out|\bperdio\s+el\s+sentido|\bcompound\s+fracture|\bhueso\s+(?:salido|de\s+fuera|afuera)"
        r"|\bse\s+le\s+ve\s+el\s+hueso|\b(?:leg|arm|pierna|brazo)\s+(?:[\w']+\s+){0,2}(?:al\s+reves|backwards|the\s+"
        r"wrong\s+way|bent\s+wrong)",
    ),
    Sign(
        "other_emergency",
        compile_any(
            near(
                r"hit|hits|fell|fallen|banged|bumped|golpe|golpeo|cayo|caido|caida|pego|dado|dio",
                r"head|cabeza|face|cara",
                6,
            ),
            r"\bfell\s+(?:off|from)\s+(?:a|the|his|her|my|our)\s+(?:roof|ladder|balcony|building|tree|bunk)",
        ),
        also=compile_any(
            r"\b(?:vomit\w*|threw\s+up|throwing\s+up|confus\w*|won'?t\s+(?:wake|stay)|unconscious|passed\s+out"
            r"|bleed\w*|not\s+making\s+sense|keeps\s+asking|repeat\w*|drowsy|sleepy|confundid\w*|no\s+despierta"
            r"|inconsciente|sangr\w*|desmay\w*|dormid\w*|adormilad\w*|can'?t\s+remember|no\s+(?:se\s+)?acuerda"
            r"|no\s+recuerda|fainted|came\s+round)"
        ),
    ),
]
