"""What turns an everyday mention into an emergency: a bleed's length or faintness beside it, a drug
behind a rash with wheezing or dizziness, a sore throat that will not let saliva down, the features
that make a knock on the head dangerous.

Each of these was missed by both readers: "the nosebleed has been going for 45 minutes and he's getting
pale" (heavy bleeding was only recognised at "an hour"), "slight rash and I'm wheezing after the
antibiotic" (wheezing counted only after a sting or a food), "my son hit his head and his pupils look
different sizes, no vomiting" (a head injury counted only with vomiting, confusion and the like, so
the denied vomiting left nothing). The signs here are read like every other (`context.py`: denied,
past, hypothetical), and each says what makes its mention ordinary (`unless`): a bleed that stopped,
gums that bleed when brushed, a baby who habitually bangs his head.
"""

from __future__ import annotations

from agents.understanding.redflags.context import Sign, compile_any, near, sign

# --- a bleed that goes on, or makes someone pale or faint -------------------------------------
# an active bleed (not "blood test", "blood pressure": a verb or a bleed's own noun)
_BLEEDING = (
    r"nos?e?\s*ble{1,2}d\w*|bloody\s+nose|ble{1,2}d(?:ing|in|s)?|sangrando|sangrandole|sangra\w*"
    r"|sangro|sangrado|hemorragia|blood\s+(?:everywhere|coming|pouring|dripping|running|gushing)"
)
# tens of minutes: 15 or more, in digits or words, or half an hour
_MINUTES = (
    r"(?:(?:over|more\s+than|about|almost|nearly|like|around|at\s+least|a\s+good|mas\s+de|casi|como|unos"
    r"|al\s+menos|ya)\s+)?(?:1[5-9]|[2-9]\d|fifteen|twenty|thirty|forty|fifty|sixty|quince|veinte|treinta"
    r"|cuarenta|cincuenta|sesenta)(?:[\s-]+(?:five|cinco|y\s+cinco))?\s*(?:minutes?|minutos?|mins?|min)\b"
    r"|half\s+an?\s+hour|half\s+hour|media\s+hora"
)
# it stopped (not "hasn't stopped", "no se detiene"), or a bleed no one worries about
_STOPPED = (
    r"(?<!n't\s)(?<!nt\s)(?<!not\s)(?<!never\s)(?<!no\s)\b(?:stopped|finally\s+stopped|went\s+away"
    r"|se\s+(?:le\s+|me\s+)?(?:detuvo|paro|quito)|(?:ya\s+)?paro\b|dejo\s+de\s+sangrar|ya\s+no\s+sangra"
    r"|(?:fine|ok|okay|bien)\s+(?:now|ahora)|(?:now|ahora)\s+(?:it'?s\s+|esta\s+|he'?s\s+|she'?s\s+)?(?:fine|ok|okay|bien))"
)
_FAINTISH = (
    r"\b(?:pale|paler|pallid|palid\w*|dizz\w*|light[\s-]?headed|mare(?:ad[oa]s?|o|a|e|ando|ndo)\b|se\s+mareo"
    r"|faint(?:ed|ing|s)?\b(?!\s+(?:line|trace|streak|spot|pink|smell))|desmay\w*|pass(?:ing|ed)?\s+out"
    r"|blacking\s+out|clammy|cold\s+sweat|sudor\s+frio|blanc[oa]\s+como|white\s+as|grey|gray)"
)
_ORDINARY_BLEED = (
    _STOPPED + r"|\b(?:gums?|encias?|brush\w*|floss\w*|cepill\w*|shav\w*|afeit\w*|blood\s+(?:draw|test|work)"
    r"|drew\s+blood|draw\s+blood|(?:sight|see|seeing)\s+(?:of\s+)?blood|ver\s+sangre|sacaron\s+sangre"
    r"|(?:analisis|examen|prueba|muestra)\w*\s+de\s+sangre|donat\w*|don[oe]\s+sangre)"
)

BLEEDING_SIGNS = [
    Sign("bleeding", compile_any(near(_BLEEDING, _MINUTES, 7)), unless=compile_any(_STOPPED)),
    Sign(
        "bleeding",
        compile_any(rf"\b(?:{_BLEEDING})"),
        also=compile_any(_FAINTISH),
        unless=compile_any(_ORDINARY_BLEED),
    ),
]

# --- a drug, then a rash with wheezing, dizziness or fainting, or swallowing trouble ----------
DRUG = (
    r"\b(?:antib\w*ti(?:c|co)s?|antibio\w*|penicil\w*|amoxi\w*|augmentin|cephalex\w*|cefalex\w*|keflex|ceftriax\w*"
    r"|cefa\w*|sulfa\w*|bactrim|septra|cipro\w*|azithro\w*|zithromax|z[\s-]?pack|doxy\w*|clinda\w*|ibuprof\w*"
    r"|advil|motrin|aspirin\w*|naprox\w*|aleve|diclofenac\w*|metamizol\w*|new\s+(?:medicine|medication|med|meds"
    r"|pill|pills|prescription|drug|tablets?)|(?:medicina|medicamento|pastilla|pildora|tableta)s?\s+nuev[oa]s?"
    r"|nuev[oa]s?\s+(?:medicina|medicamento|pastilla|pildora|tableta)s?|vaccin\w*|vacuna\w*|shot|injection"
    r"|inyeccion|contrast|contraste|dye|tinte|infusion|the\s+(?:medicine|medication|pill|pills)"
    r"|(?:la|esa|esta)\s+(?:medicina|pastilla|pildora))\b"
)
_SKIN = (
    r"\b(?:rash\w*|hives|itch\w*|welts|bumps|blotch\w*|flush\w*|red\s+(?:all\s+over|spots|patches)|allerg\w*"
    r"|reaction|ronch\w*|sarpullido|salpullido|erupcion|comezon|picazon|pica\b|granit\w*|alergi\w*|reaccion"
    r"|manchas\s+rojas|brote)"
)
_WHEEZE = (
    r"\bwheez\w*|\bsilb\w*\s+(?:el\s+)?pecho|\bpecho\s+(?:me\s+|le\s+)?silba|\bchest\s+(?:feels\s+|is\s+|got\s+)?"
    r"tight\w*|\btight\w*\s+(?:in\s+)?(?:my|his|her|the)\s+chest|\bpecho\s+apretado|\bopresion\s+en\s+el\s+pecho"
)
_REACTION_FAINT = (
    r"\bdizz\w*|\blight[\s-]?headed|\bmare(?:ad[oa]s?|o|a|e|ando)\b|\bse\s+mareo|\bfaint(?:ed|ing|s)?\b(?!\s+(?:rash\w*|lines?|spots?|pink|red|marks?))"
    r"|\bdesmay\w*|\bpass(?:ing)?\s+out|\babout\s+to\s+pass\s+out"
)
_SWALLOW = (
    r"\b(?:can'?t|cannot|can\s+not|trouble|hard\s+to|difficult\w*|hard\s+time|struggl\w*|hurts?\s+to)\s+"
    r"(?:[\w']+\s+)?swallow\w*(?!\s+(?:the\s+|these\s+|those\s+|my\s+|big\s+|large\s+)?(?:pills?|tablets?"
    r"|capsules?|them|it)\b)|\bno\s+(?:puedo|puede|podia|pudo)\s+tragar(?!\s+(?:las|la|los|el)\s+(?:pastilla|pildora"
    r"|tableta|capsula))|\b(?:me|le)\s+cuesta\s+(?:mucho\s+)?tragar|\bdificultad\s+(?:para|al)\s+tragar"
)
# the drug named as the cause: after it, since it, on starting it ("wheezing since the vaccine")
_AFTER_DRUG = (
    r"\b(?:after|since|right\s+after|started|starting|took|taking|taken|got|had|from|on|gave\s+(?:me|him|her)"
    r"|despues\s+de(?:l)?|desde\s+(?:que|el|la)|empece|empezo|tome|tomo|me\s+(?:pusieron|dieron|inyectaron)"
    r"|le\s+(?:pusieron|dieron|inyectaron)|con\s+(?:el|la))\s+(?:[\w']+\s+){0,3}?" + DRUG
)

DRUG_REACTION_SIGNS = [
    Sign(
        "anaphylaxis",
        compile_any(_WHEEZE, _REACTION_FAINT, _SWALLOW),
        also=compile_any(_SKIN),
        cause=compile_any(DRUG),
    ),
    Sign("anaphylaxis", compile_any(_WHEEZE, _SWALLOW), also=compile_any(_AFTER_DRUG)),
]

# --- a throat that will not let saliva down: drooling, or unable to swallow one's own spit --------
# (epiglottitis, an abscess: the airway is closing). Neither reader had it: "sore throat and now he can't
# swallow his own spit, drooling" lay nearest a harmless sore throat. Drooling alone is a teething baby's,
# so it needs the throat, swallowing or breathing said too.
_SALIVA = (
    r"\b(?:can'?t|cannot|can\s+not|unable\s+to|won'?t|doesn'?t|isn'?t|not)\s+(?:even\s+)?(?:swallow\w*|get\s+down)"
    r"\s+(?:[\w']+\s+){0,2}(?:spit|saliva|drool)|\bno\s+(?:puede|puedo|pudo|podia)\s+(?:ni\s+)?(?:tragar|pasar)\s+"
    r"(?:ni\s+)?(?:[\w']+\s+){0,2}saliva|\b(?:choking|ahogandose)\s+on\s+(?:his|her|my)\s+(?:own\s+)?(?:spit|saliva)"
)
_DROOL = r"\bdrool\w*|\bbabe(?:a|ando|o|ar)\b|\bse\s+le\s+(?:cae|sale)\s+la\s+(?:baba|saliva)"
_THROAT = (
    r"\b(?:throat|garganta|swallow\w*|trag\w*|breath\w*|respir\w*|muffled|hot\s+potato|voz|voice|tonsil\w*"
    r"|amigdal\w*|neck|cuello)"
)
_TEETHING = r"\bteeth\w*|\bdientes"

THROAT_SIGNS = [
    sign("breathing", _SALIVA),
    Sign("breathing", compile_any(_DROOL), also=compile_any(_THROAT), unless=compile_any(_TEETHING)),
]

# --- a knock on the head with a feature that makes it dangerous whatever else is denied --------
_KNOCK = compile_any(
    near(
        r"hit|hits|fell|fallen|falls|banged|bumped|smacked|whacked|knocked|golpe\w*|cayo|caido|caida|pego|pegue"
        r"|pegamos|se\s+dio|se\s+di",
        r"head|cabeza|cabecita|forehead|frente|skull|craneo",
        6,
    ),
    r"\bchichon\w*|\bgoose\s*egg",  # the bump itself says the head was hit
)
_HEAD_FEATURES = (
    near(
        r"pupil\w*",
        r"differ\w*|uneven|unequal|bigger|smaller|larger|dilat\w*|not\s+the\s+same|blown|diferente\w*|desigual\w*"
        r"|distint\w*|mas\s+grande|mas\s+chic\w*|dilatad\w*",
        4,
    ),
    near(
        r"fluid|liquid|liquido|agua\w*|clear\s+\w+|blood|sangre|sangr\w*|bleed\w*",
        r"nose|ear|ears|nariz|oido|oidos|oreja\w*",
        4,
    ),
    near(
        r"headache|head\s+(?:hurts|pain|is\s+pounding)|dolor\s+de\s+cabeza|(?:le|me)\s+duele\s+(?:mucho\s+)?la\s+cabeza",
        r"worse\w*|worsen\w*|peor|empeor\w*|aument\w*|more\s+and\s+more|cada\s+vez\s+(?:mas|peor)|severe|terrible"
        r"|worst|fuerte|intens\w*|unbearable|insoportable|killing",
        4,
    ),
    r"\b(?:blood\s+thinners?|thinners?|warfarin|coumadin|eliquis|apixaban|xarelto|rivaroxaban|pradaxa|dabigatran"
    r"|plavix|clopidogrel|anticoagula\w*|sintrom|acenocumarol|heparin\w*|lovenox|enoxaparin\w*)\b",
    r"\b(?:fell|fall|falling|fallen|tumbled|cayo|caido|caida|cayendo)\s+(?:[\w']+\s+){0,3}?(?:off|from|down|out\s+of"
    r"|de|desde|por)\s+(?:[\w']+\s+){0,2}?(?:ladders?|roof|balcony|stairs|staircase|bunk\s*beds?|top\s+bunk|tree"
    r"|window|escalera\w*|techo|balcon|litera|arbol|ventana|azotea|\d+\s*(?:feet|ft|foot|metros?|meters?))\b",
    r"\b(?:vomit\w*|threw\s+up|throwing\s+up|thrown\s+up|puk\w*)\s+(?:[\w']+\s+){0,3}(?:again|twice|times|veces"
    r"|otra\s+vez|de\s+nuevo)|\b(?:keeps|kept|sigue|siguio)\s+(?:[\w']+\s+)?(?:vomit\w*|throwing\s+up|puking)",
)
_INFANT = (
    r"\b(?:baby|babies|infant|newborn|bebe|bebito|bebita|recien\s+nacid\w*|(?:[1-9]|1[01])\s*(?:-|\s)?months?\s*"
    r"(?:-|\s)?old|(?:de|tiene)\s+(?:[1-9]|1[01])\s+meses(?!\s+de\s+embarazo))\b"
)
_HABIT = compile_any(
    r"\b(?:keeps|always|often|sometimes|habit|head[\s-]?bang\w*|bang\w*\s+(?:his|her)\s+(?:own\s+)?head|siempre"
    r"|a\s+veces|suele|fell\s+asleep|se\s+(?:durmio|quedo\s+dormid\w*))\b"
)

# an infant's knock with nothing wrong after it ("lloró un ratito y ahora está riendo y tomando la
# mamadera"); a danger sign after a knock is read by `_HEAD_FEATURES` whatever else is said
_HABIT_OR_WELL = compile_any(
    _HABIT.pattern,
    r"\b(?:ahora\s+)?(?:esta|is|he'?s|she'?s)\s+(?:riendo|jugando|laughing|playing|smiling|sonriendo)\b|\btomando\s+(?:la\s+)?"
    r"(?:mamadera|mamila|pecho|biberon)|\b(?:feeding|nursing|eating)\s+(?:well|normally|fine)",
)

HEAD_SIGNS = [
    sign("other_emergency", *_HEAD_FEATURES, also=_KNOCK),
    Sign("other_emergency", compile_any(_INFANT), also=_KNOCK, unless=_HABIT_OR_WELL),
]
