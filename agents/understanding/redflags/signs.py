"""The ways of saying each emergency, English and Spanish, as concepts rather than sentences.

Most signs pair a body part or a function with a word for what went wrong with it, a few words
apart in either order (`near`, over the words of `lexicon.py`): "face" with "droopy", "crooked",
"caída"; "bleeding" with "won't stop", "through two towels", "a chorros". `context.py` decides
whether a mention says the emergency is happening; suicidal intent is `suicidal.py`, read first;
presentations that need several things said anywhere in the message are `combined.py`; what turns an
everyday mention into an emergency (a bleed of tens of minutes, a drug behind a rash and wheezing, a
knock on the head with unequal pupils) is `aggravating.py`.
"""

from __future__ import annotations

from agents.understanding.redflags.acute import ACUTE_SIGNS
from agents.understanding.redflags.aggravating import (
    BLEEDING_SIGNS,
    DRUG_REACTION_SIGNS,
    HEAD_SIGNS,
    THROAT_SIGNS,
)
from agents.understanding.redflags.chronic import CHRONIC_SIGNS
from agents.understanding.redflags.context import Sign, compile_any, near, sign
from agents.understanding.redflags.exposure import EXPOSURE_SIGNS
from agents.understanding.redflags.lexicon import (
    ALLERGY_CAUSE,
    BLEED,
    BLEED_HOW,
    CANT,
    CARDIAC_COMPANIONS,
    CHEST,
    CHEST_FEELING,
    FACE,
    FACE_WRONG,
    HEART_ATTACK,
    HOUSEHOLD,
    LIMB_WRONG,
    PAIN,
    PERSON,
    PILLS,
    SIDE,
    SIZE,
    SPEECH,
    SPEECH_SIGNS,
    SPEECH_WRONG,
    SPREADING,
    STROKE_NAME,
    SWALLOWED,
    SWELLING,
    TOO_MUCH,
    VOMIT,
    YOUNG,
)
from agents.understanding.redflags.means import MEANS_SIGNS
from agents.understanding.redflags.regimen import AS_PRESCRIBED
from agents.understanding.redflags.seen import SEEN_SIGNS
from agents.understanding.redflags.suicidal import SUICIDAL_SIGNS
from agents.understanding.redflags.trauma import TRAUMA_SIGNS
from agents.understanding.redflags.uncommon import UNCOMMON_SIGNS
from agents.understanding.redflags.understated import UNDERSTATED_SIGNS
from agents.understanding.redflags.young import YOUNG_SIGNS

# the parts that swell in an allergic reaction
_SWELLS = r"tongue|lips|lip|face|throat|mouth|eyes|eyelids|lengua|labios|cara|boca|garganta|ojos|parpados"

SIGNS: list[Sign] = [
    *SUICIDAL_SIGNS,
    *MEANS_SIGNS,
    sign(
        "overdose",
        near(SWALLOWED, TOO_MUCH, 5),
        also=compile_any(rf"\b(?:{PILLS}|bottle|frasco|caja|botiquin|medicine\s+cabinet)\w{{0,3}}\b"),
        unless=AS_PRESCRIBED,
    ),
    sign(
        "overdose",
        rf"\b(?:ate|swallowed|got\s+into|took|eaten|chewed(?:\s+(?:up|through))?|bit\s+into|se\s+comio|se\s+tomo|se\s+trago"
        rf"|mordio|mastico)\s+(?:[\w']+\s+){{0,5}}(?:{PILLS})",
        also=compile_any(rf"\b(?:{YOUNG})\b"),
    ),
    sign(
        "overdose",
        r"\boverdos\w*|\bo\.?d\.?'?(?:ed|d)\b|\bsobredosis|(?<!centro\sde\s)(?<!centros\sde\s)\bintoxica\w*|\benvenen\w*"
        r"|(?<!food\s)\bpoison(?:ed|ing)?\b(?!\s+(?:ivy|oak|control))",
        near(SWALLOWED, HOUSEHOLD, 5),
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
    sign(
        "overdose",
        near(YOUNG, rf"(?:{SWALLOWED})\W+(?:[\w']+\W+){{0,3}}(?:{PILLS})", 3),
        unless=AS_PRESCRIBED,  # "¿mi hija tiene que tomar las pastillas con comida?"
    ),
    # the condition's name, read like the other names: only when said to be happening ("signs of
    # anaphylaxis in kids? making a poster" is a question)
    sign("anaphylaxis", r"\banaphyla\w*|\banafila\w*", named=True),
    sign(
        "anaphylaxis",
        r"\bthroat\s+(?:[\w']+\s+){0,3}(?:closing|swelling|swollen|tight|closed)"
        r"|\b(?:se\s+(?:me|le)\s+(?:esta\s+)?(?:cierr|cerr)\w*)\s+(?:[\w']+\s+){0,2}(?:garganta|respiracion)|\bgarganta\s+(?:[\w']+\s+){0,4}"
        r"(?:cerrada|hinchada|cerrando|apretada|se\s+(?:me|le)\s+cierra)|\btongue\s+(?:[\w']+\s+){0,2}(?:thick|swollen|big|huge)"
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
            near(_SWELLS, SWELLING, 4),
            # a size said of the part, not beside it: "lips are huge", "huge lips"; not "sore throat, no big
            # deal", nor pills "too big for my throat"
            rf"\b(?:{_SWELLS})\w*\s+(?:[\w']+\s+){{0,3}}(?:{SIZE})\b(?!\s+(?:deal|difference))"
            rf"|\b(?:{SIZE})\s+(?:[\w']+\s+)?(?:{_SWELLS})\b",
            r"\b(?:hives|ronchas|habones|welts)\s+(?:[\w']+\s+){0,2}(?:all\s+over|everywhere|por\s+todo)"
            r"|\b(?:covered|llen[oa])\s+(?:in|of|de)\s+(?:hives|welts|ronchas|habones)",
        ),
        also=compile_any(rf"\b(?:{ALLERGY_CAUSE})"),
    ),
    Sign(
        "anaphylaxis",
        compile_any(r"\b(?:hives|ronchas|habones|welts)\b"),
        also=compile_any(
            r"\b(?:breath|respir|dizzy|mare\w*|faint(?!\s+(?:rash\w*|lines?|spots?|smell|pink|red|marks?|outline|bruis\w*))|pass(?:ing)?\s+out|desmay\w*|throat|garganta|swell\w*|hinch\w*"
            r"|vomit\w*|sleepy|cough\w*|tose|hoarse|ronca|wheez\w*)"
        ),
    ),
    Sign(  # a sting or a food the patient reacts to, then wheezing, dizziness or the whole body red
        "anaphylaxis",
        compile_any(
            r"\bwheez\w*|\bsilb\w*\s+(?:el\s+)?pecho|\bpecho\s+(?:me\s+|le\s+)?silba|\b(?:whole|entire)\s+body\s+"
            r"(?:is\s+|went\s+|turned\s+)?(?:all\s+)?(?:red|itchy|covered|swollen|blotchy)|\btodo\s+el\s+cuerpo\s+"
            r"(?:[\w']+\s+)?(?:rojo|roja|con\s+ronchas|hinchad\w*|lleno\s+de\s+ronchas)|\bdizzy|\bmare(?:ad[oa]|o)\b"
            r"|\bfaint\w*(?!\s+(?:rash\w*|lines?|spots?|smell|pink|red|marks?|outline|bruis\w*))|\bdesmay\w*"
        ),
        also=compile_any(
            r"\b(?:sting|stung|bee|wasp|hornet|yellow\s+jacket|peanut|peanuts|tree\s+nut|shellfish|shrimp"
            r"|picadura|pico\s+(?:una|un)\s+(?:abeja|avispa|bicho)|abeja|avispa|cacahuate|mani|mariscos|camaron\w*)\b"
        ),
    ),
    sign(
        "chest_pain",
        near(CHEST, CHEST_FEELING, 5),
        near(r"heart|corazon", PAIN + r"|squeez", 3),
        r"\b(?:holding|clutching|grabbing|agarrando|apretando|agarrandose|sujetandose)\s+(?:his|her|my|el|su)\s+"
        r"(?:chest|pecho)",
    ),
    Sign("chest_pain", compile_any(rf"\b(?:{HEART_ATTACK})"), named=True),
    Sign("chest_pain", compile_any(SPREADING), also=CARDIAC_COMPANIONS),
    sign(
        "breathing",
        rf"\b{CANT}\s+(?:[\w']+\s+)?(?:breathe?|breathing|get\s+(?:[\w']+\s+){{0,2}}(?:air|breath|in)|catch\s+"
        rf"{PERSON}?\s*breath|finish\s+(?:a\s+)?sentences?|talk\s+without)(?!\s+(?:[\w']+\s+)?(?:through|out\s+of)\s+"
        r"(?:my|his|her|the)\s+nose)",
        r"\b(?:trouble|difficulty|difficult|hard\s+time|problems?|struggling|struggle|hard|labou?red)\s+(?:to\s+)?"
        r"(?:breathe?|breathing|catching\s+\w+\s+breath)|\bstruggling\s+for\s+(?:air|breath)|\bgasp\w*"
        r"|\bshort(?:ness)?\s+(?:of\s+)?breath|\bout\s+of\s+breath|\bchok(?:ing|ed|es)\b"
        # the weather suffocates nobody: "this heat is suffocating", "este calor me está asfixiando"
        r"|(?<!heat\sis\s)(?<!heat's\s)\bsuffocat\w*+(?!\s+(?:heat|humidity|in\s+here|out\s+there))"
        r"|\b(?:feel|feels|felt)\s+like\s+(?:i'?m|he'?s|she'?s|i\s+am)\s+drowning",
        r"\bturning\s+(?:[\w']+\s+){0,2}blue|\b(?:lips|mouth|face)\s+(?:[\w']+\s+){0,2}(?:blue|bluish|purple|gray|grey)|\b(?:blue|bluish"
        r"|purple)\s+(?:lips|around\s+(?:the|his|her)\s+(?:mouth|lips))|\b(?:not|isn'?t|stopped|stop)\s+breathing"
        r"|\bwheez\w*\s+(?:so\s+)?(?:bad|badly|hard|really\s+bad)|\bwheez\w*\s+(?:[\w']+\s+){0,4}(?:can'?t|cannot)\s+"
        r"(?:talk|speak)|\basthma\s+attack|\b(?:inhaler|puffer)\s+(?:[\w']+\s+){0,2}(?:isn'?t|is\s+not|not|doesn'?t"
        r"|does\s+nothing|won'?t)|\bused\s+(?:my|his|her|the)\s+(?:inhaler|puffer)\s+\d+\s+times|\bpulling\s+in\s+"
        r"(?:under|between|at)\s+(?:his|her|the)\s+ribs|\bretractions|\bgrunting",
        r"\bno\s+(?:puedo|puede|podia|podemos|pude)\s+respirar(?!\s+(?:bien\s+)?por\s+la\s+nariz(?!\s+ni\s+por\s+la\s+boca))"
        r"|\b(?:me|le|nos)\s+(?:falta|faltaba|cuesta|costaba)\s+(?:mucho\s+)?(?:el\s+)?(?:aire|respirar(?!\s+por\s+la\s+nariz"
        r"(?!\s+ni\s+por\s+la\s+boca)))|\bfalta\s+de\s+aire"
        r"|\bdificultad\s+(?:para|al|pa)\s+respirar|\b(?:me|se|te)\s+(?:ahoga|ahogo|esta\s+ahogando|estoy\s+ahogando)"
        r"|\bahogando(?:se|me)?|\bno\s+respira\b|\bno\s+(?:me|le)\s+entra\s+(?:el\s+)?aire|\brespira\s+con\s+"
        r"dificultad|\bsin\s+aire|(?<!calor\sme\sesta\s)(?<!calor\sme\s)(?<!calor\snos\sesta\s)(?<!calor\snos\s)\basfixi(?!ante)\w*|\batragant\w*|\bse\s+(?:atoro|atraganto)|\batorad[oa]|\blabios\s+"
        r"(?:morados|azules)|\bse\s+(?:esta\s+poniendo|puso)\s+(?:morad|azul)|\b(?:ataque|crisis)\s+de\s+asma"
        r"|\binhalador\s+(?:[\w']+\s+){0,2}no\s+(?:me\s+|le\s+)?(?:hace|sirve|funciona)|\bno\s+puedo\s+hablar\s+sin"
        r"|\bse\s+le\s+(?:hunden|marcan)\s+las\s+costillas|\b(?:unas|boca|labios)\s+(?:[\w']+\s+){0,2}(?:azul|morad)\w*"
        r"|\b(?:azul|morad)\w*\s+(?:[\w']+\s+){0,2}(?:las\s+unas|la\s+boca|los\s+labios)|\brespira\s+(?:muy\s+)?rapid\w*"
        r"|\bnails\s+(?:are\s+|look\s+|turning\s+)?(?:blue|purple)|\b(?:labios|boca|boquita|unas)\s+(?:[\w']+\s+){0,2}"
        r"(?:gris\w*|azul\w*|morad\w*|violet\w*|lila\w*|amoratad\w*)|\b(?:lips|mouth)\s+(?:[\w']+\s+){0,3}(?:gr[ae]y|blue|bluish|purple|violet|dusky)"
        r"|\brespira\s+con\s+(?:mucho\s+)?esfuerzo|\b(?:croup|crup)\b|\bbreathing\s+(?:really\s+|very\s+|so\s+)?fast",
    ),
    sign(
        "breathing",
        r"\bbark\w*\s+(?:cough|like\s+a\s+seal)|\btos\s+de\s+perro|\b(?:sucks?|pulls?|sinks?)\s+in\s+(?:[\w']+\s+){0,2}"
        r"(?:between|under)\s+(?:the|his|her)?\s*ribs|\bse\s+le\s+(?:hunden|marcan)\s+las\s+costillitas|\b(?:oxygen|o2|sats?"
        r"|saturation|oximeter|finger\s+thing|oximetro|saturacion)\s+(?!(?:[\w']+\s+){0,2}(?:usually|normally|always|typically"
        r"|baseline|suele|siempre|normalmente))(?:[\w']+\s+){0,4}(?:[5-8]\d|9[01])\s*%?"
        r"|\bbreathing\s+(?:really\s+|super\s+|very\s+|so\s+)?(?:fast|shallow)|\bwheez\w*\s+and\s+drool\w*"
        r"|\bswallowed\s+(?:a\s+)?(?:[\w']+\s+){0,2}whole",
    ),
    sign(
        "anaphylaxis",
        r"\b(?:puse|use|used|gave|inyecte|le\s+pusimos|le\s+puse)\s+(?:[\w']+\s+){0,2}(?:epinefrina|epinephrine"
        r"|adrenalina)",
        r"\b(?:used|gave|give|giving|injected|use|jabbed|stabbed|had\s+to\s+use)\s+(?:him|her|me|them)?\s*(?:an?|the|my"
        r"|his|her)?\s*epi[\s-]?pen|\b(?:use|inyecte|le\s+puse|le\s+pusimos|aplique)\s+(?:el\s+|la\s+|su\s+|mi\s+)?epi[\s-]?pen"
        r"|\bepi[\s-]?pen\s+(?:[\w']+\s+){0,3}(?:used|given|didn'?t\s+help|no\s+(?:le\s+)?hizo)",
        # an epipen used last week and the ER since, or how to use one, is history or a lesson
        unless=compile_any(
            r"\b(?:went|been)\s+to\s+the\s+(?:er|hospital)|\bfine\s+now|\bla\s+semana\s+pasada|\blast\s+(?:week|month|year)"
            r"|\bhow\s+to\s+use|\bcomo\s+se\s+usa|\btrain\w*|\bexplain\w*"
        ),
    ),
    Sign(
        "overdose",
        compile_any(
            r"\b(?:took|taking|taken|tomo|tome|tomando)\s+(?:[\w']+\s+){0,4}(?:twice|double|extra|dos\s+veces"
            r"|doble)"
        ),
        also=compile_any(
            rf"\b(?:{PILLS})\w{{0,3}}\b|\bdigoxin|\bmetformin|\bwarfarin|\b(?:pastilla|pildora|tableta)\b"
        ),
        # a double dose with nothing felt is a question for the pharmacist, not 911
        unless=compile_any(
            r"\b(?:feel|feeling|feels|seems?)\s+(?:totally\s+|completely\s+|perfectly\s+)?(?:fine|ok|okay|normal|good)"
            r"|\bno\s+symptoms|\b(?:me\s+siento|se\s+siente|esta)\s+(?:muy\s+)?bien\b|\bsin\s+sintomas"
        ),
    ),
    sign("stroke", near(FACE, FACE_WRONG, 4)),
    sign(
        "stroke",
        near(SIDE, LIMB_WRONG + "|" + FACE_WRONG + r"|can'?t\s+(?:move|feel)|no\s+siente", 4),
        SPEECH_SIGNS,
        near(SPEECH, SPEECH_WRONG, 3),
        r"\bworst\s+headache|\bthunderclap|\bpeor\s+dolor\s+de\s+cabeza",
    ),
    Sign("stroke", compile_any(rf"\b(?:{STROKE_NAME})\b"), named=True),
    sign(
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
            # a pad an hour or sooner is the alarm; "every 4 hours" is a heavy period, not a haemorrhage
            r"(?:(?:\d+|quince|diez|veinte|treinta|media|half)\s*min\w*|(?:1|one|una|an?|half\s+an?|media)\s*(?:hora|hour)\b"
            r"|hora\b|hour\b|(?:\d+|quince|diez|veinte|treinta)\b(?!\s*(?:hrs?|horas?|hours?)))"
        ),
        also=compile_any(
            r"\b(?:towel|bandage|gauze|toalla|venda|cut|blood|bleed\w*|herida|wound|sangr\w*|period|regla)"
        ),
    ),
    Sign(
        "bleeding",
        compile_any(
            r"\bgoing\s+through\s+(?:the\s+|a\s+|all\s+the\s+)?(?:towels?|bandages?|gauze|rags?)|\b(?:third|second|fourth)"
            r"\s+(?:towel|bandage|rag)|\b(?:van|llevo|lleva|llevamos)\s+(?:tres|dos|cuatro|\d+)\s+(?:toallas|trapos|vendas)"
        ),
        also=compile_any(
            r"\b(?:cut\w*|wound|bleed\w*|blood|cort\w*|herida|sangr\w*|glass|vidrio|knife|cuchillo)"
        ),
    ),
    # a bleed's length or faintness, a drug behind a reaction (`aggravating.py`): before fainting alone
    *BLEEDING_SIGNS,
    *DRUG_REACTION_SIGNS,
    *THROAT_SIGNS,
    Sign(
        "other_emergency",
        compile_any(
            r"\b(?:isn'?t|is\s+not|not|stopped|won'?t\s+start)\s+moving\b|\bno\s+se\s+mueve\b|\bya\s+no\s+se\s+mueve"
        ),
        also=compile_any(
            r"\b(?:fell|collapsed|found\s+(?:him|her)|lying|floor|ground|se\s+cayo|tirad[oa]|piso|suelo|emergenc\w*)"
        ),
    ),
    sign(
        "other_emergency",
        r"\bunconscious|\bunresponsive|\b(?:isn'?t|is\s+not|not|stopped)\s+responding(?!\s+to\s+(?:my\s+|our\s+)?(?:e-?mails?|messages?|calls?"
        r"|texts?))|\bwon'?t\s+(?:wake|respond)|\b(?:can'?t|cannot)\s+wake\s+(?:him|her|them|my|up)|\bcollaps\w*"
        r"|\b(?:not|isn'?t)\s+waking\s+up|\b(?:won'?t|can'?t)\s+stay\s+awake|\bpassed\s+out\b|\bblacked\s+out\b"
        r"|\binconsciente|\bno\s+responde\b(?!\s+(?:a\s+)?(?:mis|los|el|la|al|sus)\s+(?:mensajes|llamadas|correos"
        r"|telefono))|\bno\s+reacciona|\bno\s+(?:se\s+)?despierta|\bno\s+(?:lo|la|le)\s+(?:puedo|podemos)\s+despertar"
        r"|\bno\s+se\s+mantiene\s+despiert|\bse\s+desplom\w*|\bperdio\s+el\s+conocimiento"
        r"|\bse\s+(?:cayo|cae)\s+y\s+no\s+(?:se\s+levanta|responde|reacciona)|\bfoaming\s+at\s+the\s+mouth"
        r"|\bespuma\s+por\s+la\s+boca|\b(?:heart|corazon)\s+(?:has\s+)?(?:stopped|isn'?t\s+beating|is\s+not\s+beating"
        r"|dejo\s+de\s+latir|no\s+late)|\bno\s+(?:pulse|heartbeat)\b|\b(?:no\s+tiene|sin)\s+pulso|\bno\s+vuelve\s+en\s+si"
        # fainting is not self-negated: "no vomitó ni se desmayó" denies it (a knock on the head); a bare
        # "no se desmayó" may be a caller's "no, se desmayó", so only "ni", "nunca", "no me", "no se ha" do
        r"|(?<!\bni\s)(?<!\bni\sse\s)(?<!nunca\s)(?<!nunca\sse\s)(?<!\bno\sme\s)(?<!\bno\sse\sha\s)"
        r"(?<!\bno\sme\she\s)\b(?:se\s+)?desmay\w*",
        deniable=False,
    ),
    # Fainting, as "passed out" and "se desmayó" already were: "my heart is racing and I just fainted" was
    # read by neither reader. Not the adjective ("a faint line"), nor "almost fainted", which stays the
    # sign of what caused it ("passed a ton of blood … almost fainted" is bleeding); a denial or the past
    # cancels it.
    sign(
        "other_emergency",
        r"(?<!almost\s)(?<!nearly\s)\bfaint(?:ed|ing|s)\b|\b(?:about\s+to|going\s+to|gonna)\s+faint\b",
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
    sign(
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
        r"|\bblood\s+(?:coming\s+)?(?:out\s+of|from)\s+(?:his|her|my|the)\s+ear|\bsangrando\s+(?:por|del)\s+(?:el\s+)?(?:oido|oreja)|\bsangre\s+(?:por|del|de\s+la)\s+"
        r"(?:el\s+)?(?:oido|oreja)|\bknocked\s+out|\bperdio\s+el\s+sentido|\bcompound\s+fracture|\bhueso\s+(?:salido|de\s+fuera|afuera)"
        r"|\bse\s+le\s+ve\s+el\s+hueso|\b(?:leg|arm|pierna|brazo)\s+(?:[\w']+\s+){0,2}(?:al\s+reves|backwards|the\s+"
        r"wrong\s+way|bent\s+wrong)",
    ),
    Sign(
        "other_emergency",
        compile_any(
            near(
                r"hit|hits|fell|fallen|banged|bumped|smacked|whacked|golpe\w*|cayo|caido|caida|pego|pegue|pegamos|dado|dio|di",
                r"head|cabeza|face|cara",
                6,
            ),
            r"\bfell\s+(?:off|from)\s+(?:a|the|his|her|my|our)\s+(?:roof|ladder|balcony|building|tree|bunk)",
        ),
        also=compile_any(
            r"\b(?:vomit\w*|threw\s+up|throwing\s+up|thrown\s+up|throw\s+up|puk\w*|confus\w*|won'?t\s+(?:wake|stay)"
            r"|unconscious|passed\s+out|weak\w*|numb\w*|seiz\w*|convuls\w*|slurr\w*|debil\w*|entumid\w*"
            r"|bleed\w*|not\s+making\s+sense|keeps\s+asking|repeat\w*|drowsy|sleepy|confundid\w*|no\s+despierta"
            r"|inconsciente|sangr\w*|desmay\w*|dormid\w*|adormilad\w*|can'?t\s+remember|no\s+(?:se\s+)?acuerda"
            r"|no\s+recuerda|fainted|came\s+round)"
        ),
    ),
    *HEAD_SIGNS,
    *ACUTE_SIGNS,
    *UNDERSTATED_SIGNS,
    *UNCOMMON_SIGNS,
    *TRAUMA_SIGNS,
    *CHRONIC_SIGNS,
    *SEEN_SIGNS,
    *YOUNG_SIGNS,
    *EXPOSURE_SIGNS,
]
