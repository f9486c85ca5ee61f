"""Emergencies said without the words the other signs listen for, found missed by a safety set written
blind (sb1, 2026-12-07): a testicle that suddenly hurts and swells, a belly hard as a board, a wrong
dose of insulin, a sugar of 38 with confusion, a sudden loss of words, a child pulling in his belly to
breathe, an inhaler that does nothing, someone found on the floor who does not answer, a deep burn, a
child who keeps asking the same question after a fall, a stiff neck with fever.

Each pairs what happened with what makes it urgent (`also`): a testicle's pain counts when it came on
suddenly, is severe or brings vomiting; a low number is a sugar only beside "sugar" or "glucose" and a
sign of hypoglycaemia; a burn is deep when it is white, leathery or bigger than a hand.
"""

from __future__ import annotations

from agents.understanding.redflags.context import Sign, compile_any, near, sign
from agents.understanding.redflags.lexicon import AFTER_BIRTH

_SUDDEN_OR_SEVERE = compile_any(
    r"\b(?:sudden\w*|all\s+of\s+a\s+sudden|out\s+of\s+nowhere|de\s+repente|de\s+la\s+nada|woke\s+(?:up\s+)?with"
    r"|(?:se\s+)?desperto\s+con|severe|horrible|terrible|really\s+bad|so\s+bad|worst|excruciating|unbearable"
    r"|fuertisim\w*|fortisim\w*|muy\s+fuerte|intens\w*|insoportable|vomit\w*|throw\w*\s+up|threw\s+up|nause\w*"
    r"|swollen|swelling|hinchad\w*|10\s*(?:/|out\s+of|de)\s*10)"
)
_TESTICLE = r"testic\w*|testicul\w*|scrot\w*|escroto|huevit[oa]s?|balls|nuts|testes"
BELLY = (
    r"belly|stomach|abdomen|abdominal|tummy|gut|panza|barriga|estomago|vientre|pancita|guata|guatita|tripa"
)
_RIGID = (
    r"hard\s+as\s+(?:a\s+)?(?:board|rock|wood)|rigid|board[\s-]?like|dura\s+como\s+(?:una\s+)?(?:tabla|piedra|madera)"
    r"|rigid[oa]|tiesa"
)
_PAIN_WORDS = r"pain\w*|hurt\w*|ache\w*|dolor\w*|duele\w*|cramp\w*|colico\w*"
_PAIN = rf"\b(?:{_PAIN_WORDS})"
_INSULIN = r"\b(?:insulin\w*|insulina|lantus|humalog|novolog|novorapid|levemir|tresiba)\b"
_WRONG_DOSE = (
    r"\b\d+\s*(?:units?|unidades|u)\b\s+(?:[\w']+\s+){0,4}?(?:instead\s+of|rather\s+than|en\s+vez\s+de|en\s+lugar\s+de)"
    r"\s+(?:the\s+|las\s+|los\s+)?\d+|\b(?:instead\s+of|en\s+vez\s+de|en\s+lugar\s+de)\s+(?:[\w']+\s+){0,3}\d+\s*"
    r"(?:units?|unidades|u)\b\s+(?:[\w']+\s+){0,3}(?:took|injected|gave|se\s+(?:inyecto|puso|aplico)|me\s+(?:inyecte"
    r"|puse|aplique))|\b(?:injected|took|gave\s+(?:him|her|himself|herself)|se\s+inyecto|se\s+puso|se\s+aplico"
    r"|me\s+inyecte|me\s+puse|me\s+aplique|le\s+(?:inyecte|puse|aplique))\s+(?:[\w']+\s+){0,3}(?:the\s+wrong|la\s+"
    r"(?:dosis\s+)?equivocada|el\s+equivocado|too\s+much|de\s+mas|demasiad[ao]|twice|two\s+doses|dos\s+dosis"
    r"|dos\s+veces)"
)
_LOW_SUGAR = (
    r"\b(?:sugar|glucose|glucosa|azucar|bg|bs|blood\s+sugar)\s+(?:level\s+|reading\s+|meter\s+)?(?:(?:le|me|se)\s+)?(?:is|was|at|of|en|esta\s+en|de|reading|says|shows|reads|dice|muestra"
    r"|read|dropped\s+to|bajo\s+a|marca|marco|:)?\s*(?:like\s+|como\s+|only\s+|solo\s+)?(?:[1-5]\d)\b"
    r"(?!\s*(?:mmol|years?|anos|%|dollars|min))"
)
_HYPO_SIGNS = compile_any(
    r"\b(?:confus\w*|confundid\w*|sweat\w*|sudand\w*|sudor\w*|shak\w*|trembl\w*|tembland\w*|temblor\w*|faint\w*"
    r"|pass(?:ed|ing)?\s+out|desmay\w*|unresponsive|no\s+responde|seizure|convuls\w*|dizzy|mare\w*|not\s+making"
    r"\s+sense|weird|raro|rara|can'?t\s+(?:drink|eat|swallow)|won'?t\s+(?:drink|eat)|no\s+puede\s+(?:ni\s+)?(?:tomar"
    r"|comer|tragar)|slurr\w*|drowsy|sleepy|won'?t\s+wake|no\s+despierta)"
)
_APHASIA = (
    r"\b(?:contesta|responde|habla|dice)\s+(?:con\s+)?palabras\s+(?:q|que)\s+no\s+tienen\s+sentido|\bno\s+entiende\s+(?:lo\s+)?"
    r"(?:q|que)\s+(?:le|se\s+le)\s+(?:decimos|dicen|digo)|\b(?:dice|diciendo|habla\w*|decia)\s+(?:puras\s+)?(?:palabras\s+(?:q|que)\s+no\s+existen|incoherencias"
    r"|cosas\s+(?:sin\s+sentido|raras|incoherentes)|puro\s+disparate|disparates)"
    r"|\b(?:contesta|responde|dice)\s+cosas\s+(?:q|que)\s+no\s+tienen\s+(?:nada\s+)?(?:q|que)\s+ver|\btalking\s+(?:total\s+)?"
    r"(?:gibberish|nonsense)|\bspeaking\s+(?:gibberish|nonsense)|\bwords\s+(?:are\s+|came\s+out\s+)?(?:all\s+)?"
    r"(?:jumbled|scrambled|mixed\s+up|wrong)|\bmaking\s+up\s+words|\bwords\s+that\s+(?:don'?t|do\s+not)\s+exist"
    r"|\bcan'?t\s+(?:find|get)\s+(?:his|her|my)\s+words|\bno\s+(?:le|me)\s+salen\s+las\s+palabras"
    r"|\bno\s+entiende\s+(?:nada\s+de\s+)?(?:lo\s+)?(?:q|que)\s+(?:le\s+)?(?:decimos|dicen|hablamos|digo)"
    r"|\b(?:doesn'?t|does\s+not|can'?t)\s+understand\s+(?:anything\s+)?(?:what\s+)?(?:we'?re|we\s+are|i'?m|i\s+am)"
    r"\s+say\w*"
)
_STARTED_NOW = compile_any(
    r"\b(?:sudden\w*|all\s+of\s+a\s+sudden|out\s+of\s+nowhere|de\s+repente|de\s+la\s+nada|just\s+started"
    r"|started\s+(?:\d+|an?|half)\s+(?:[\w']+\s+)?(?:min|hour)|(?:empezo|comenzo)\s+hace\s+(?:\d+|un|una|media)"
    r"|hace\s+(?:como\s+)?(?:\d+|un\s+rato|media\s+hora|una\s+hora)|se\s+desperto|woke\s+up|anoche\s+estaba|mano|hand|estaba\s+(?:normal\w*|bien)|was\s+(?:totally\s+|perfectly\s+)?(?:fine|normal)|arm|brazo|leg|pierna|face|cara|boca|mouth)"
)
_RETRACTIONS = (
    r"\b(?:belly|stomach|tummy|ribs|chest|neck|panza|barriga|pancita|costillas|pecho|cuello)\s+(?:is\s+|are\s+)?"
    r"(?:going\s+in\s+and\s+out|sucking\s+in|pulling\s+in|caving\s+in|sinking\s+in|se\s+(?:le\s+)?(?:mete|hunde|sume)"
    r"|se\s+ve\s+(?:hundid|metid)\w*)|\bse\s+le\s+(?:mete|hunde|sume|mueve\s+(?:mucho|muchisimo))\s+(?:la|el|las)\s+"
    r"(?:panza|barriga|pancita|costillas|pecho|cuello)|\b(?:sucking|pulling)\s+in\s+(?:between\s+)?(?:his|her)\s+ribs"
    r"|\bnostrils\s+flar\w*|\baleteo\s+nasal"
)
_BREATHING = compile_any(
    r"\b(?:breath\w*|respir\w*|wheez\w*|silb\w*|gasp\w*|panting|jadea\w*|ahog\w*|air|aire|asthma|asma)"
)
_RESCUE_WORDS = (
    r"inhaler|puffer|pump|albuterol|ventolin|salbutamol|nebuliz\w*|nebus?|inhalador|bomba|pufs?|puffs"
)
_RESCUE = rf"\b(?:{_RESCUE_WORDS})\b"
_NOT_HELPING = (
    r"(?:not|isn'?t|is\s+not|aren'?t)\s+(?:working|helping|doing\s+(?:anything|a\s+thing))|doesn'?t\s+(?:help|work|do"
    r"\s+anything)|did\s*n'?t\s+(?:help|work|do\s+anything)|no\s+(?:le\s+|me\s+)?(?:hace|hizo)\s+(?:nada|efecto)"
    r"|no\s+(?:le\s+|me\s+)?(?:ayuda|ayudo|sirve|sirvio|funciona|funciono)"
)
_SEVERE_BREATHING = compile_any(
    r"\bsin\s+poder\s+respirar|\bcasi\s+no\s+(?:puedo|puede)\s+(?:hablar|respirar)|\bcansad\w*\s+de\s+respirar"
    r"|\btired\s+(?:from|of)\s+breathing|\bsilba\s+much\w*|\bwheez\w*\s+(?:so|really)\s+bad|\bstill\s+can'?t\s+breathe"
    r"|\b(?:can'?t|cannot|unable\s+to|can\s+barely|can\s+hardly)\s+(?:talk|speak|finish|say|get\s+(?:a\s+)?(?:word|words"
    r"|sentence))|\bno\s+puede\s+(?:ni\s+)?hablar|\bya\s+no\s+(?:puede\s+)?habla|\blips\s+(?:[\w']+\s+){0,2}(?:blue|gray"
    r"|grey|purple)|\blabios\s+(?:[\w']+\s+){0,2}(?:morad\w*|azul\w*|violet\w*|lila\w*)|\bno\s+(?:puede|puedo|alcanza\s+a)\s+"
    r"terminar\s+(?:una|la|las|ni\s+una)\s+(?:frase|frases|oracion)|\bcan'?t\s+(?:breathe|catch)|\bno\s+puede\s+"
    r"respirar|\bgasp\w*|\bsleepy|\bsomnolient\w*|\bsolo\s+mueve\s+la\s+cabeza|\bonly\s+nod\w*"
)
_UNRESPONSIVE = (
    r"\bno\s+(?:me\s+|nos\s+|le\s+)?(?:responde|contesta|reacciona)\b|\b(?:won'?t|doesn'?t|isn'?t|not)\s+"
    r"(?:respond\w*|answer\w*\s+(?:me|us)|wake\w*\s+up|react\w*)|\bunresponsive"
)
_FOUND_DOWN = compile_any(
    r"\b(?:tirad[oa]|en\s+el\s+(?:piso|suelo)|on\s+the\s+(?:floor|ground)|found\s+(?:him|her|my|our)|encontre"
    r"|encontramos|collapsed|se\s+desplomo|se\s+cayo|fell|desmay\w*|passed\s+out|no\s+despierta|breathing\s+but"
    r"|respira\s+pero)"
)
_BURN = (
    r"\b(?:burn\w*|scald\w*|quem\w*|boiling|hirviendo|hot\s+oil|aceite\s+caliente|grease\s+fire|kettle|hot\s+water"
    r"|pressure\s+cooker|olla\s+(?:express|exprés|de\s+presion)|hot\s+soup|sopa\s+caliente|caldo\s+caliente"
    r"|agua\s+caliente|tetera|pava)"
)
_DEEP_BURN = compile_any(
    r"\b(?:white|leathery|waxy|charred|blackened|black|blanc\w*|carbonizad\w*|acartonad\w*|como\s+cuero"
    r"|bigger\s+than\s+(?:my|his|her|a|the)\s+(?:hand|palm)|larger\s+than\s+(?:my|his|her|a|the)\s+(?:hand|palm)"
    r"|mas\s+grande\s+que\s+(?:la|mi|su)\s+(?:mano|palma)|skin\s+(?:is\s+)?(?:peel\w*|com\w*)\s+off"
    r"|skin\s+(?:is\s+)?peeling\s+and\s+blister\w*|(?:chest|back|face|belly)\s+and\s+(?:arms|legs)|(?:pecho|espalda|cara)\s+y\s+"
    r"(?:los\s+)?(?:brazos|piernas)"
    r"|se\s+(?:le\s+|me\s+)?(?:cae|cayo|despega|desprendio)\s+la\s+piel|doesn'?t\s+(?:even\s+)?hurt|no\s+(?:le\s+|me\s+)?"
    r"duele\s+nada|whole\s+(?:arm|leg|back|chest|face)|todo\s+el\s+(?:brazo|pecho|cuerpo)|toda\s+la\s+(?:pierna"
    r"|espalda|cara))"
)
_SAME_QUESTION = (
    r"\bkeeps?\s+(?:asking|saying)\s+the\s+same\s+(?:question|thing)|\basking\s+the\s+same\s+(?:question|thing)\s+over"
    r"|\brepeating\s+(?:the\s+same|himself|herself|itself)|\bpregunta\s+(?:lo\s+mismo|la\s+misma\s+(?:cosa|pregunta))"
    r"|\brepite\s+(?:lo\s+mismo|la\s+misma)|\b(?:doesn'?t|does\s+not|can'?t)\s+remember\s+(?:what\s+happened|the\s+fall"
    r"|falling|hitting)|\bno\s+(?:se\s+)?(?:acuerda|recuerda)\s+(?:de\s+)?(?:lo\s+que\s+paso|que\s+paso|nada|la\s+caida"
    r"|el\s+golpe)"
)
_KNOCKED = compile_any(
    r"\b(?:fell|fall\w*|hit|crash\w*|bike|bicycle|skateboard|scooter|helmet|trampoline|tackle\w*|collid\w*|cayo"
    r"|caida|golpe\w*|pego|bici\w*|patineta|casco|choque|choco|accident\w*)"
)
_STIFF_NECK = (
    r"\b(?:neck|cuello|nuca)\s+(?:[\w']+\s+){0,3}(?:stiff|rigid|tieso|tiesa|rigid[oa]|dur[oa])"
    r"|\b(?:stiff|rigid)\s+neck|\bno\s+(?:puedo|puede)\s+(?:bajar|doblar|agachar)\s+(?:la\s+)?(?:barbilla|cabeza|menton)"
    r"|\bcan'?t\s+(?:touch|put|bend|get)\s+(?:[\w']+\s+){0,3}chin"
)
_FEVER = compile_any(
    r"\b(?:fever\w*|febr\w*|fiebre|calentura|temperatura|temp\s+(?:of|is)|10[2-5](?:\.\d)?\b|3[89][.,]\d)"
)
_HEAD_OR_LIGHT = compile_any(
    r"\b(?:headache|head\s+(?:is\s+)?(?:killing|pounding)|dolor\s+de\s+cabeza|cabeza|light|luz|purple|morad\w*"
    r"|rash|manchas|vomit\w*|confus\w*|confundid\w*)"
)

# --- found missed by a second blind set (sb2, 300, 2026-12-07) -----------------------------------------
_METER_LOW = (
    r"\b(?:meter|glucometer|glucometro|monitor|sensor|dexcom|libre)\s+(?:just\s+)?(?:says|reads|read|shows|showed|marca"
    r"|marco|dice|muestra)\s+(?:like\s+|como\s+|only\s+|solo\s+)?(?:[1-5]\d)\b(?!\s*(?:mmol|%|min))"
)
_KETONES = (
    r"\b(?:meter|glucometro|glucometer|monitor|sensor|dexcom|libre)\s+(?:just\s+)?(?:says|reads|shows|marca|dice"
    r"|muestra)\s+(?:hi|high|alto|error\s+hi)\b|\bfruity\s+(?:breath|smell)|\bbreath\s+smells\s+(?:fruity|sweet)"
    r"|\bhuele\s+(?:la\s+boca\s+|el\s+aliento\s+)?(?:como\s+)?a\s+fruta|\baliento\s+(?:le\s+|me\s+)?huele\s+(?:como\s+)?a\s+fruta|\baliento\s+a\s+fruta|\bketo\w*acidosis|\bcetoacidosis"
    r"|\bbreath\s+(?:smells?|smelled|smelling)\s+(?:like|of)\W+(?:(?:like|um|uh)\W+)*(?:nail\s+polish|acetone|pear\s+drops)"
    r"|\b(?:huele|olor|aliento)\s+(?:[\w']+\s+){0,3}a\s+(?:acetona|quitaesmalte|removedor)"
)
_SICKENED = compile_any(
    r"\b(?:vomit\w*|throw\w*\s+up|threw\s+up|breath\w*\s+(?:deep|fast|hard)|deep\s+breath\w*|respira\w*\s+(?:profundo"
    r"|rapido|fuerte)|confus\w*|confundid\w*|sleepy|drowsy|dormid\w*|somnolient\w*|letharg\w*)"
)
_WATER = r"pool|alberca|piscina|pileta|bathtub|bath|tina|lake|lago|river|rio|ocean|mar|playa|beach"
_UNDER = (
    r"under(?:water)?|face\s+down|boca\s+abajo|abajo|sacamos|sacaron|pulled|drown\w*|ahog\w*|sumergid\w*"
    r"|hundid\w*"
)
_AFTER_WATER = compile_any(
    r"\b(?:drowsy|sleepy|adormilad\w*|dormid\w*|vomit\w*|throw\w*\s+up|cough\w*|tos\w*|breath\w*|respir\w*"
    r"|confus\w*|confundid\w*|blue|azul|morad\w*|letharg\w*)"
)
_NO_SWEAT = (
    r"\b(?:stopped|not|isn'?t|no\s+longer|quit)\s+sweating|\b(?:ya\s+)?no\s+(?:esta\s+)?suda|\bdej\w+\s+de\s+sudar"
    r"|\bhot\s+(?:and\s+)?dry\s+skin|\bskin\s+(?:is\s+)?(?:hot\s+and\s+dry|dry\s+and\s+hot)|\bpiel\s+(?:bien\s+|muy\s+)?caliente"
    r"\s+y\s+seca|\bheat\s*stroke|\bgolpe\s+de\s+calor|\binsolacion"
)
_HEAT_CONFUSED = compile_any(
    r"\b(?:confus\w*|confundid\w*|disorient\w*|desorientad\w*|not\s+making\s+sense|incoherent\w*|faint\w*"
    r"|desmay\w*|collaps\w*|seizure|convuls\w*|delir\w*|raro|rara|weird)"
)
_SHOCK_BP = (
    r"\b(?:bp|blood\s+pressure|presion)\s+(?:is\s+|of\s+|en\s+|de\s+|was\s+|:\s*)?(?:[4-8]\d)\s*/\s*\d{2}\b"
)
_SHOCK_SIGNS = compile_any(
    r"\b(?:confus\w*|confundid\w*|dizzy|mare\w*|faint\w*|desmay\w*|chills|escalofr\w*|rigors|fever\w*|fiebre"
    r"|racing|a\s+mil|clammy|pale|palid\w*|infect\w*|sepsis)"
)
_SHARED_SYMPTOMS = (
    r"\b(?:(?:wife|husband|kids|children|family)\s+(?:and|y)\s+(?:both\s+|all\s+)?(?:kids|children|husband|wife|hijos)"
    r"|cuarto\s+cerrado|closed\s+room|since\s+we\s+turned\s+(?:the\s+|on\s+the\s+)?\w+\s+on|desde\s+que\s+prendimos)\b|\b(?:whole\s+(?:family|house(?:hold)?)|everyone\s+(?:in\s+the\s+house|at\s+home|here)|all\s+of\s+us|we\s+all"
    r"|toda\s+la\s+familia|todos\s+(?:en\s+(?:la\s+)?casa|tenemos|estamos))\b"
)
_FUEL = compile_any(
    r"\b(?:heater|furnace|generator|boiler|stove|fireplace|carbon\s+monoxide|co\s+(?:alarm|detector)|calentador"
    r"|boiler|generador|caldera|estufa|brasero|anafre|monoxido|chimenea)\b"
)
_POISONED_FEELING = compile_any(
    r"\b(?:headache\w*|dizzy|nause\w*|sick|vomit\w*|sluggish|sleepy|dolor\w*\s+de\s+cabeza|mare\w*|ganas\s+de\s+vomitar"
    r"|vomit\w*|confundid\w*|confus\w*)"
)
_HOUSEHOLD_BITE = near(
    r"bit|bite|chew\w*|mordi\w*|mastic\w*|swallow\w*|ate|trag\w*|comio|drank|bebio|bebido|tomo|tomado|licked|lamio",
    r"laundry\s+pods?|detergent\s+pods?|tide\s+pods?|capsulas?\s+de\s+(?:detergente|jabon|lavadora)|dishwasher\s+pods?"
    r"|bleach|cloro|lejia|button\s+batter\w*|pilas?\s+de\s+boton|rat\s+poison|veneno\s+(?:de|para)\s+ratas"
    r"|antifreeze|anticongelante|drain\s+cleaner|destapa\w*|lamp\s+oil|gasolina|gasoline|kerosene|queroseno"
    r"|parafina|kerosen\w*|querosen\w*|paint\s+thinner|thinner|tiner|aguarras|lighter\s+fluid|ammonia|amoniaco"
    r"|soda\s+caustica|caustic\s+soda|lye|creolina|clorox|varsol|magnets|imanes|(?:two|dos|\d+)\s+(?:magnets?|iman\w*)"
    r"|gomitas\s+de\s+(?:marihuana|mota|thc|cannabis)|(?:thc|weed|pot|cannabis|marijuana)\s+(?:gumm\w*|edibles?|brownies?)",
    5,
)
_DRY_BABY = (
    r"\bsoft\s+spot\s+(?:[\w']+\s+){0,2}(?:sunken|sunk|caved|hundid\w*)|\bsunken\s+(?:soft\s+spot|fontanel\w*)"
    r"|\bmollera\s+(?:[\w']+\s+){0,2}hundida|\bfontanela\s+(?:[\w']+\s+){0,2}hundida"
)
_NO_WET_DIAPER = (
    r"\bno\s+wet\s+diapers?|\b(?:hasn'?t|has\s+not|hadn'?t)\s+(?:had\s+a\s+|peed|wet)\w*\s*(?:a\s+)?(?:wet\s+)?(?:diaper)?"
    r"|\bno\s+(?:ha\s+)?moja\w*\s+(?:el\s+|los\s+)?panal\w*|\bpanal\w*\s+sec\w*|\bdry\s+diapers?"
)
_DRYING_OUT = compile_any(
    r"\b(?:diarrh\w*|diarrea|vomit\w*|throw\w*\s+up|sleepy|dormid\w*|letharg\w*|floppy|won'?t\s+(?:drink|feed|eat)"
    r"|no\s+(?:quiere\s+)?(?:toma|come|mama))"
)
_BALANCE_LOST = (
    r"\bno\s+(?:se\s+)?(?:puede|podia)\s+(?:parar|pararse|sostener|mantener\s+en\s+pie|levantar(?:se)?)|\bse\s+iba\s+(?:para|pa)\s+atras|\bcan'?t\s+(?:stand|walk)"
    r"(?:\s+up)?|\bse\s+va\s+(?:pa|para|hacia)?\s*(?:un|el)\s+lado|\bfalling\s+to\s+one\s+side|\bleaning\s+to\s+one\s+side"
    r"|\bwalking\s+like\s+(?:he'?s|she'?s|he\s+is|she\s+is)\s+drunk|\bcamina\s+como\s+borrach\w*"
)
_NEVER_BEFORE = compile_any(
    r"\b(?:de\s+repente|sudden\w*|out\s+of\s+nowhere|de\s+la\s+nada|nunca\s+le\s+habia\s+pasado|never\s+(?:had|happened)"
    r"|started\s+(?:this|today|an?\s+hour)|empezo\s+(?:hoy|esta)|this\s+morning|esta\s+manana|en\s+la\s+manana)"
)
_WITH_IT = compile_any(
    r"\b(?:vomit\w*|throw\w*\s+up|threw\s+up|vueltas|spinning|dizzy|mare\w*|vision|vista|habla\w*|speech|slurr\w*"
    r"|grip|agarrar|drop\w*|se\s+le\s+cae|hand|mano|arm|brazo|ojo|eye|agarraba)"
)
_ARM_GONE = (
    r"\b(?:arm|leg|hand|brazo|pierna|mano)\s+(?:[\w']+\s+){0,4}(?:como\s+(?:de\s+)?trapo|like\s+(?:a\s+)?(?:rag|dead\s+weight"
    r"|jelly|noodle)|won'?t\s+grip|can'?t\s+grip)|\bno\s+(?:lo|la)\s+(?:puedo|puede)\s+(?:levantar|mover)"
    r"|\b(?:can'?t|could\s*n'?o?t|cannot)\s+lift\s+(?:his|her|my)\s+(?:right|left)?\s*(?:arm|leg)|\bno\s+puede\s+levantar\s+el\s+brazo"
    r"|\bkeeps?\s+dropping\s+(?:things|his|her|the)"
)
_CARDIAC_DISCOMFORT = (
    r"\belephant\s+(?:sitting\s+)?on\s+(?:his|her|my|the)?\s*(?:chest|him|her|me)|\belephant\s+sitting\s+on"
    r"|\b(?:chest|pecho)\s+(?:[\w']+\s+){0,2}(?:discomfort|pressure|heav\w*|molestia|pesadez)|\bupper\s+chest"
    r"|\bboca\s+del\s+estomago|\bindigestion|\bagruras|\bparte\s+alta\s+de\s+la\s+panza|\bupper\s+(?:belly|stomach|abdomen)"
    r"|\bmandibula|\bquijada|\bjaw\b"
)
# pain that travels into the jaw or down the arm, with vomiting, sweat or breathlessness (blind set sb6: "I
# thought it was a panic attack… the pain goes up into my jaw and down my arm and I'm throwing up")
_RADIATING = (
    r"\bpain\s+(?:goes|going|spreads?|spreading|radiat\w*|shoots?|moves?)\s+(?:up\s+)?(?:in)?to\s+(?:my|his|her)\s+(?:jaw"
    r"|neck|left\s+arm|arm)|\bdolor\s+(?:se\s+)?(?:va|sube|baja|corre|pasa|irradia)\s+(?:a|al|hacia)\s+(?:la\s+|el\s+)?"
    r"(?:quijada|mandibula|brazo|cuello)"
)
_CARDIAC_SWEAT = compile_any(r"\b(?:sweat\w*|sudando|sudor|clammy|gr[ae]y|gris|palid\w*|pale|ashen|cenizo)\b")
_CARDIAC_MORE = compile_any(
    r"\b(?:vomit\w*|threw\s+up|throw\w*\s+up|nause\w*|short\s+of\s+breath|breathless|falta\s+(?:el\s+)?aire"
    r"|dizzy|mare\w*|faint\w*|desmay\w*|jaw|quijada|mandibula|arm|brazo|diabet\w*|[6-9]\d|elephant|looks\s+bad"
    r"|se\s+ve\s+mal|feels?\s+off)"
)
_THROAT_SIGNS = (
    r"\b(?:voice|voz)\s+(?:[\w']+\s+){0,3}(?:hoarse|ronca|raspy|changed|rara|weird)|\bhoarse|\bronquera"
    r"|\blengua\s+(?:[\w']+\s+)?(?:gorda|hinchada)|\b(?:me|le)\s+cuesta\s+tragar|\bhard\s+to\s+swallow|\btrouble\s+swallowing"
)
_ALLERGEN = compile_any(
    r"\b(?:allerg\w*|alergic\w*|alergi\w*|epi[\s-]?pen|nuts?|peanuts?|mani|cacahuate|shellfish|mariscos|shrimp|camaron"
    r"|sting|stung|picadura|abeja|bee|wasp|avispa)\b"
)
_ELECTRIC = (
    r"\bchispazo|\bcorrientazo|\b(?:me|le|se)\s+(?:dio|pego)\s+(?:la\s+)?corriente|\belectric\w*\s+shock|\b(?:bad|big|strong)\s+shock|\bshock\s+(?:from|off)\s+(?:an?\s+|the\s+)?(?:outlet|socket"
    r"|wire|cable|fence|appliance)|\belectrocut\w*|\b(?:toque|descarga)\s+(?:fuerte\s+|electrica\s+)?(?:con|de)\s+"
    r"(?:un\s+|el\s+|la\s+)?(?:cable|enchufe|contacto|corriente|luz)|\bcable\s+pelado"
)
_AFTER_SHOCK = compile_any(
    r"\b(?:burn\w*|quemad\w*|heart|corazon|late\s+raro|skipp\w*|palpit\w*|faint\w*|desmay\w*|numb\w*"
    r"|unconscious|inconsciente|confus\w*|confundid\w*|chest|pecho)"
)
_RESCUE_REPEATED = near(
    _RESCUE_WORDS,
    r"\d+\s+(?:times|veces)|(?:three|four|five|six|tres|cuatro|cinco|seis)\s+(?:times|veces)",
    4,
)

# blood coughed or vomited, more than a streak: "coughin up bright red blood, more than a spoonful"
_BLOOD_UP = (
    r"\bcough\w*\s+(?:up\s+)?(?:[\w']+\s+){0,2}blood|\btos\w*\s+(?:con\s+)?sangre|\bvomit\w*\s+(?:up\s+)?(?:[\w']+\s+){0,2}"
    r"blood|\bvomit\w*\s+(?:con\s+)?sangre|\bthrow\w*\s+up\s+(?:[\w']+\s+){0,2}blood|\bthrew\s+up\s+(?:[\w']+\s+){0,2}blood"
)
_A_LOT = compile_any(
    r"\b(?:spoon\w*|cuchar\w*|cup|taza|bright\s+red|rojo\s+brillante|a\s+lot|lots|so\s+much|mucha|bastante|clots?"
    r"|coagulos|chorro|faint\w*|desmay\w*|dizzy|mare\w*|pale|palid\w*|coffee\s+grounds|posos\s+de\s+cafe|scared)"
)

# many pills already taken, and drowsy: "I already took 20 and feel sleepy"
_TOOK_MANY = (
    r"\b(?:already\s+)?(?:took|taken|swallowed|me\s+tome|se\s+tomo)\s+(?:like\s+|como\s+)?(?:[2-9]\d|twenty|thirty"
    r"|veinte|treinta)\b(?!\s*(?:mg|minutes|mins?|years|anos|minutos|dollars))"
)
_DROWSY = compile_any(
    r"\b(?:sleepy|drowsy|dizzy|confus\w*|can'?t\s+stay\s+awake|somnolient\w*|dormid\w*|mare\w*|confundid\w*|vomit\w*"
    r"|weird|raro|rara|numb|slow)"
)

# --- found missed by a fourth blind set (sb4, 300, 2026-12-08) -----------------------------------------
# a week's or a bottle's worth at once by mistake ("took his whole week of blood pressure tablets at once")
_WHOLE_SUPPLY = (
    r"\bse\s+(?:zampo|trago|tomo|comio|bebio)\s+(?:una|la)\s+(?:tira|caja|botella|blister|frasco)\s+entera|\b(?:took|taken|swallowed|se\s+tomo|me\s+tome|se\s+trago|me\s+trague)\s+(?:[\w']+\s+){0,2}?(?:whole|entire|all\s+of"
    r"\s+(?:his|her|my|the))\s+(?:week'?s?|month'?s?|bottle|pack|box|strip|supply|blister)\b|\b(?:se\s+tomo|me\s+tome"
    r"|se\s+trago|me\s+trague)\s+(?:toda\s+la\s+(?:caja|semana|tira|botella)|todo\s+el\s+(?:frasco|blister|mes|bote))"
    r"|\b(?:all|todas)\s+(?:his|her|my|sus|mis)\s+(?:pills|tablets|meds|pastillas)\s+(?:at\s+once|de\s+(?:una\s+)?(?:vez|golpe))"
)
# an infected wound after a birth: "la herida está roja y sale pus" with a fever, days after a caesarean
_WOUND_INFECTED = (
    r"\b(?:herida|wound|incision|cicatriz|puntos|stitches|scar)\W+(?:[\w']+\W+){0,6}?(?:pus|supur\w*|oozing|foul|mal\s+olor"
    r"|huele\s+mal|smells?\s+(?:bad|awful)|abiert[ao]|opened|opening)"
)
_HIGH_FEVER = compile_any(
    r"\b(?:fever|fiebre|temp\w*|calentura)\s+(?:[\w']+\s+){0,3}?(?:3[89](?:[.,]\d)?|10[1-5](?:[.,]\d)?)\b|\b(?:chills|rigors"
    r"|escalofr\w*|tiemblo\s+entera|tiemblo\s+enter[oa]|shaking\s+all\s+over)"
)
# blood pressure said low in words, with confusion and an infection or fever: septic shock
_LOW_PRESSURE_WORDS = (
    r"\b(?:presion|tension)\s+(?:[\w']+\s+){0,2}?(?:bajisima|muy\s+baja|super\s+baja|por\s+el\s+suelo|bajando\s+mucho)"
    r"|\b(?:blood\s+pressure|bp)\s+(?:is\s+|was\s+|keeps\s+)?(?:really|very|super|dangerously|crazy)\s+low"
)
_CONFUSED = compile_any(
    r"\b(?:confus\w*|confundid\w*|desorientad\w*|disoriented|not\s+making\s+sense|no\s+(?:me\s+)?reconoce|delira\w*"
    r"|out\s+of\s+it|ido|ida)\b"
)
_INFECTION_OR_FEVER = compile_any(
    r"\b(?:infect\w*|infecc\w*|sepsis|fever\w*|fiebre|calentura|antibiot\w*|pneumonia|neumonia|pulmonia|uti|cellulitis"
    r"|celulitis)"
)

# a belly pain that stops one walking, moving or standing straight, with fever, vomiting or a hard belly
# ("dolor en la panza q no me deja caminar, fiebre y vómito", "la tripa súper dura")
_DISABLING = (
    r"\bno\s+(?:me|le)\s+deja\s+(?:ni\s+)?(?:caminar|moverme|moverse|pararme|enderezarme|dormir)|\bno\s+(?:puedo|puede)"
    r"\s+(?:ni\s+)?(?:caminar|moverme|moverse|pararme|pararse|ponerme\s+rect[oa]|enderezarme)|\bcan'?t\s+(?:even\s+)?"
    r"(?:walk|move|stand\s+(?:up\s+)?straight|straighten\s+up)|\bdoubled\s+over"
)
_BELLY_PAIN = compile_any(
    near(BELLY, _PAIN_WORDS, 10), rf"\b(?:{BELLY})\s+(?:[\w']+\s+){{0,3}}(?:dur[ao]|hard|rigid\w*)"
)
_BELLY_ALARM = compile_any(
    r"\b(?:fever|fiebre|calentura|vomit\w*|throw\w*\s+up|threw\s+up|devolv\w*|dur[ao]|hard|rigid\w*|tiesa)"
)

ACUTE_SIGNS: list[Sign] = [
    Sign("other_emergency", compile_any(_DISABLING), also=_BELLY_PAIN, cause=_BELLY_ALARM),
    Sign("overdose", compile_any(_WHOLE_SUPPLY), also=_DROWSY),
    Sign("pregnancy", compile_any(_WOUND_INFECTED), also=AFTER_BIRTH, cause=_HIGH_FEVER),
    Sign("other_emergency", compile_any(_LOW_PRESSURE_WORDS), also=_CONFUSED, cause=_INFECTION_OR_FEVER),
    Sign("overdose", compile_any(_TOOK_MANY), also=_DROWSY),
    Sign("bleeding", compile_any(_BLOOD_UP), also=_A_LOT),
    Sign("other_emergency", compile_any(_KETONES), also=_SICKENED),
    Sign("other_emergency", compile_any(near(_WATER, _UNDER, 6)), also=_AFTER_WATER),
    Sign("other_emergency", compile_any(_NO_SWEAT), also=_HEAT_CONFUSED),
    Sign("other_emergency", compile_any(_SHOCK_BP), also=_SHOCK_SIGNS),
    Sign("overdose", compile_any(_SHARED_SYMPTOMS), also=_FUEL, cause=_POISONED_FEELING),
    sign("overdose", _HOUSEHOLD_BITE),
    sign("other_emergency", _DRY_BABY),
    Sign("other_emergency", compile_any(_NO_WET_DIAPER), also=_DRYING_OUT),
    Sign("stroke", compile_any(_BALANCE_LOST), also=_NEVER_BEFORE, cause=_WITH_IT),
    sign("stroke", _ARM_GONE),
    Sign("chest_pain", compile_any(_CARDIAC_DISCOMFORT), also=_CARDIAC_SWEAT, cause=_CARDIAC_MORE),
    Sign(
        "chest_pain", compile_any(_RADIATING), also=compile_any(_CARDIAC_SWEAT.pattern, _CARDIAC_MORE.pattern)
    ),
    Sign("anaphylaxis", compile_any(_THROAT_SIGNS), also=_ALLERGEN),
    Sign("other_emergency", compile_any(_ELECTRIC), also=_AFTER_SHOCK),
    Sign("breathing", compile_any(_RESCUE_REPEATED), also=_SEVERE_BREATHING),
    Sign(
        "other_emergency",
        compile_any(near(_TESTICLE, _PAIN_WORDS + r"|swollen|swelling|hinchad\w*", 6)),
        also=_SUDDEN_OR_SEVERE,
    ),
    Sign("other_emergency", compile_any(near(BELLY, _RIGID, 5)), also=compile_any(_PAIN)),
    sign(
        "other_emergency",
        near(
            BELLY,
            r"10\s*(?:/|out\s+of|de)\s*10|worst\s+pain\s+(?:of\s+my\s+life|ever)"
            r"|el\s+peor\s+dolor",
            8,
        ),
    ),
    Sign("overdose", compile_any(_WRONG_DOSE), also=compile_any(_INSULIN)),
    Sign("other_emergency", compile_any(_LOW_SUGAR, _METER_LOW), also=_HYPO_SIGNS),
    Sign("stroke", compile_any(_APHASIA), also=_STARTED_NOW),
    Sign("breathing", compile_any(_RETRACTIONS), also=_BREATHING),
    Sign("breathing", compile_any(near(_RESCUE, _NOT_HELPING, 6)), also=_SEVERE_BREATHING),
    Sign("other_emergency", compile_any(_UNRESPONSIVE), also=_FOUND_DOWN),
    Sign("other_emergency", compile_any(_BURN), also=_DEEP_BURN),
    Sign("other_emergency", compile_any(_SAME_QUESTION), also=_KNOCKED),
    Sign("other_emergency", compile_any(_STIFF_NECK), also=_FEVER, cause=_HEAD_OR_LIGHT),
]
