"""The words red-flag signs are made of, English and Spanish, one alternation per concept.

Body parts and functions ("face", "speech", "pecho") and what can go wrong with them ("droopy",
"slurred", "apretado"), the things swallowed and how much: `signs.py` pairs them with `near`.
"""

from __future__ import annotations

from agents.understanding.redflags.context import compile_any, near

PERSON = r"(?:my|his|her|their|our|the|mi|su|sus|el|la)"
CANT = r"(?:can'?t|cannot|can\s+not|couldn'?t|could\s+not|unable\s+to|not\s+able\s+to|won'?t|barely|hardly)"
PAIN = r"pain|pains|hurt|hurts|hurting|ache|aches|aching|dolor|duele|doliendo|dolia|punzada|puntada|dolorr"

# --- heart attack -----------------------------------------------------------------------------
CHEST = r"chest|chesst|chset|cehst|cehsst|chets|cheast|chst|breastbone|sternum|pecho|pechito|torax|esternon"
CHEST_FEELING = (
    PAIN + r"|(?<!blood\s)pressure|tight|tightness|heavy|heaviness|squeez|crush|crushing|elephant|stabbing"
    r"|killing\s+me|vice|vise|band|weight|brick|burning\s+up|on\s+fire|sitting\s+on|presion(?!\s+(?:arterial|alta|baja))|opresion"
    r"|apret|apriet|pesadez|pesado|peso|piedra|oprime|aplasta|ardor\s+fuerte"
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
FACE = r"face|mouth|smile|lip|lips|cheek|cara|boca|sonrisa|labio|labios|rostro|cachete|comisura"
FACE_WRONG = (
    r"droop|drooping|droopy|drooped|dropp|sag|sagging|saggy|crooked|lopsided|uneven|slant|twisted|fallen|falling"
    r"|slack|paralyz|frozen|torcid|chuec|caid|cayo|cayendo|se\s+(?:le|me)\s+cae|colgad|ladead|paralizad|desviad"
    r"|jalad|de\s+lado|tuerc|tuerz|numb\s+on\s+one|slid|sliding|melting|sunk|hanging|desvi\w*"
)
SIDE = (
    r"(?:one|left|right)\s+side(?:\s+of\s+(?:my|his|her|their|the)\s+(?:body|face))?"
    r"|half\s+(?:of\s+)?" + PERSON + r"?\s*(?:face|body)|un\s+lado"
    r"|lado\s+(?:izquierdo|derecho)|(?:la\s+)?mitad\s+(?:(?:derecha|izquierda)\s+)?de(?:l|\s+la)?\s+(?:cara|cuerpo)"
    r"|medio\s+cuerpo|media\s+cara"
)
LIMB = (
    r"arm|arms|leg|legs|hand|hands|foot|brazo|brazos|pierna|piernas|mano|manos|pie"
    r"|manito|manita|bracito|piernita"
)
LIMB_WRONG = (
    r"weak|weakness|numb|limp|heavy|dead|useless|paralyz|paraliz|tingl|gave\s+out|giving\s+out|clumsy|not\s+moving|lead"
    r"|se\s+(?:le|me)\s+fue\s+la\s+fuerza|perdio\s+(?:la\s+)?fuerza|plomo|como\s+muert[oa]|sin\s+poder\s+(?:mover|levantar)"
    r"|doesn'?t\s+move|won'?t\s+move|can'?t\s+(?:move|lift|grip|feel|hold)|(?:will\s+not|won'?t|doesn'?t|cannot)\s+"
    r"(?:grip|hold|lift)|debil|debilidad|dormid|durmi|entumid"
    r"|entumec|adormec|sin\s+fuerza|pesad|paralizad|se\s+(?:me|le)\s+(?:cae|cayo)|caid|torpe|no\s+se\s+(?:me|le)?"
    r"\s*mueve|no\s+(?:lo|la|los|las|me|le)?\s*(?:puede|puedo)\s+(?:mover|levantar|sentir)|no\s+(?:me|le)\s+"
    r"(?:responde|agarra|obedece)|no\s+(?:la\s+|lo\s+|las\s+|los\s+)?(?:mueve|muevo|siento|siente)\b"
)
SPEECH = r"speech|speaking|talking|talk|words|habla|hablar|hablando|palabras|lengua"
SPEECH_WRONG = (
    r"slurr|slur|garbled|jumbled|mumbl|weird|funny|strange|drunk|mixed\s+up|not\s+making\s+sense|nonsense|gibberish"
    r"|not\s+right|comes?\s+out\s+wrong|wrong|arrastr|enredad|trabad|traba(?!j)|rara|raro|incoherente|no\s+se\s+(?:le|me)"
    r"\s+entiende|balbuce|mocha|mushy|se\s+(?:me|le)\s+va|can'?t\s+name|wrong\s+words|calls?\s+(?:the|a)\s+\w+\s+(?:a|the)|stopped\s+making\s+sense|making\s+no\s+sense"
    r"|doesn'?t\s+make\s+sense|random\s+words|no\s+tiene\s+sentido|(?<=habla\s)mal\b"
)
SPEECH_SIGNS = (
    r"\bslurr\w*|\b(?:can'?t|cannot)\s+(?:get|find)\s+(?:the|his|her|my)?\s*words(?:\s+out)?|\b(?:can'?t|cannot"
    r"|couldn'?t|barely|unable\s+to)\s+(?:speak|talk)\s+(?:properly|clearly|right|normally|straight)|\b(?:trouble"
    r"|difficulty|problems?|hard\s+time)\s+(?:speaking|talking|getting\s+(?:the\s+)?words|finding\s+words)"
    r"|\bno\s+(?:le|me)\s+salen\s+las\s+palabras|\bse\s+(?:le|me)\s+traba\s+la\s+lengua|\b(?:se\s+(?:le|me)\s+olvido|(?:forgot|forgotten)|olvido)\s+(?:como|how\s+to)\s+(?:hablar|talk|speak)|\bno\s+(?:puedo|puede|pudo"
    r"|podia)\s+(?:hablar\s+(?:bien|claro|normal)|decir\s+(?:las\s+)?palabras|sonreir)|\b(?:can'?t|cannot)\s+smile"
    r"|\b(?:arm|brazo)\s+(?:and|y)\s+(?:leg|pierna)\s+(?:[\w']+\s+){0,3}(?:" + LIMB_WRONG + ")"
    r"|\b(?:se\s+(?:ha\s+)?)?qued(?:o|ado)\s+sin\s+(?:poder\s+)?habla(?:r)?\s+(?:de\s+repente|de\s+(?:un\s+)?golpe|de\s+un"
    r"\s+momento\s+a\s+otro)|\b(?:de\s+repente|de\s+un\s+momento\s+a\s+otro)\s+(?:[\w']+\s+){0,3}(?:no\s+(?:puede|pudo)\s+"
    r"hablar|sin\s+(?:poder\s+)?hablar)|\bsuddenly\s+(?:can'?t|couldn'?t|cannot)\s+(?:speak|talk)|\blost\s+(?:the\s+ability"
    r"\s+to\s+(?:speak|talk)|(?:his|her|my)\s+(?:speech|voice)\s+(?:all\s+of\s+a\s+sudden|suddenly))"
    r"|\bno\s+(?:siento|siente|puedo\s+mover|puede\s+mover)\s+(?:el|la|mi|su)\s+(?:brazo|pierna|mano)\s+(?:ni|y|o)\s+(?:el|la"
    r"|mi|su)\s+(?:brazo|pierna|mano)|\b(?:can'?t|cannot)\s+(?:feel|move)\s+(?:my|his|her)\s+(?:arm|leg|hand)\s+(?:or|and)"
    r"\s+(?:my|his|her)?\s*(?:arm|leg|hand)"
)
STROKE_NAME = (
    r"stroke|stroek|strok|derrame(?!\s+(?:en\s+el\s+ojo|ocular|pleural|de\s+(?:liquido|agua)))|ictus|embolia"
    r"|infarto\s+cerebral|apoplejia|trombosis\s+cerebral|mini[\s-]stroke"
)

# --- bleeding ---------------------------------------------------------------------------------
BLEED = (
    r"nose\s*bleed|bleeding|bleed|bleeds|bled|(?<!drew\s)(?<!draw\s)(?<!drawn\s)(?<!drawing\s)blood(?!\s*(?:work|test|tests|draw|pressure|sugar|type|results?"
    r"|panel|donation|bank|count|levels?|thinner|thinners|orange))|sangrando|sangra|(?<!analisis\sde\s)(?<!examen\sde\s)(?<!prueba\sde\s)(?<!toma\sde\s)(?<!muestra\sde\s)sangre(?!\s+en\s+ayunas)"
    r"|sangrado|desangr|hemorragia"
)
BLEED_HOW = (
    r"a\s+lot|lots|heavily|heavy|badly|bad|won'?t\s+stop|will\s+not\s+stop|doesn'?t\s+stop|not\s+stopping"
    r"|can'?t\s+stop|cannot\s+stop|nonstop|non\s+stop|everywhere|soak|soaking|soaked|through|thru|gush|spurt"
    r"|squirt|pour|pool|so\s+much|tons|severe|profuse|uncontroll|like\s+crazy|clots?|faint|mucho|mucha|muchisim"
    r"|tanta|un\s+monton|abundante|no\s+para|no\s+deja|no\s+se\s+detiene|no\s+se\s+(?:le\s+)?para|a\s+chorros?"
    r"|empapa|todos\s+lados|charco|bastante|grave|sin\s+parar|litros|como\s+loco|coagulos|hours|horas"
    r"|sigue\s+saliendo|keeps\s+(?:coming|gushing)|a\s+brincos|a\s+borbotones|cada\s+latido|con\s+cada\s+latido|pulsing|pulsating|(?:with|each|every)\s+(?:each\s+|every\s+)?(?:heart\s*beat|beat|pulse)"
    # "fuerte" of the bleed, not of blowing one's nose or brushing ("sangra poquito cuando me sueno fuerte")
    r"|(?<!sueno\s)(?<!suena\s)(?<!sone\s)(?<!sonar\s)(?<!sonarme\s)(?<!cepillo\s)(?<!tallo\s)(?<!rasco\s)fuerte"
    r"|large\s+amount|big\s+amount|huge|whole\s+bunch|pumping|pulsing|streaming|running\s+down|borbotones|buches"
    r"|has(?:n'?t|\s+not)\s+stopped|(?:did|does|will|can)\s*(?:n'?t|not)\s+stop|not\s+stopped|never\s+stopped"
    r"|no\s+(?:ha|han)\s+(?:dejado|parado)|for\s+(?:over\s+|more\s+than\s+|about\s+|almost\s+|nearly\s+)?(?:an|one"
    r"|half\s+an)\s+hour|(?:lleva|llevo|hace|durante|por)\s+(?:mas\s+de\s+)?(?:una|media)\s+hora"
)
VOMIT = (
    r"vomit\w*|devolv\w*\s+el\s+estomago|devolv\w*|threw\s+up|throwing\s+up|threw\s+up|puking|puked|coughing|coughed|spitting|spit|vomitando"
    r"|vomito|vomita|tosiendo|tose|toso|tosi|escupiendo|escupe"
)

# --- allergic reaction, overdose --------------------------------------------------------------
ALLERGY_CAUSE = (
    r"allerg|reaction|ate|eating|eaten|sting|stung|bee|wasp|peanut|nut|nuts|shellfish|shrimp|kiwi|medicine"
    r"|antibiotic|penicillin|amoxi\w*|sulfa|injection|shot|dye|contrast|vaccine|after\s+taking|took|itch\w*"
    r"|hives|throat|swallow|breath|pill|pills|egg|milk|alergi|huevo|leche|reaccion|comio|comi|picadura|pico|abeja|avispa|cacahuate|mani"
    r"|mariscos|marisco|camaron\w*|medicina|antibiotico|penicilina|inyeccion|vacuna|tome|tomo|tomar|picazon"
    r"|ibuprof|aspirin|naprox|advil|motrin|aleve|pastilla|pildora|medicamento|contraste|tinte|cefalex|cephalex"
    r"|keflex|bactrim|augmentin|vaccin|rash\w*|ronch\w*|sarpullido|salpullido"
    r"|comezon|ronchas|habones|garganta|tragar|respir"
)
SWELLING = r"swell|swollen|puff|hinch|inflam"
# a size is swelling only said of the part ("her lips are huge", "tongue feels too big"): not "no big deal",
# nor the pills "too big for my throat" (held-out v9's "He's got a sore throat, no big deal" was anaphylaxis)
SIZE = r"big|huge|enormous|enormes?|gigantes?|grandes|gordos"
PILLS = (
    r"pills|pill|tablets|meds|medication|medications|medicine|medicines|capsules|gummies|tylenol|advil|aspirin"
    r"|ibuprofen|acetaminophen|benadryl|xanax|oxy\w*|opioids?|fentanyl|percocet|vicodin|sleeping|insulin|digoxin"
    r"|lithium|melatonin|adderall|adhd|pastillas|pildoras|tabletas|medicamentos|medicinas|capsulas|paracetamol"
    r"|insulina|dosis|dose|doses|of\s+them|jarabe|syrup|oxycodone|iron|hierro|antidepressants?|antidepresiv\w*"
    r"|painkillers?|calmantes|analgesicos"
)
# "ten" and "extra" whole words: `near` lets a word run on, and "ten" ran on into "tengo" ("tengo que tomar la
# pastilla con comida?" was an overdose), "extra" into "extraño"
TOO_MUCH = (
    r"too\s+many|to\s+many|way\s+too\s+many|a\s+lot\s+of|lots\s+of|a\s+bunch|handful|the\s+whole|an\s+entire"
    r"|whole\s+bottle|entire\s+bottle|all\s+(?:of\s+)?(?:my|his|her|the)|bottle|extra(?!n)|double|twice|triple"
    r"|(?:like|about|around|maybe|almost|como|unas|casi|alrededor\s+de)\s+\d{2,}|\d{2,}\s+(?:pills|tablets|of\s+them"
    r"|pastillas|tabletas|capsulas|de\s+(?:ellas|esas)|ibuprofen\w*|paracetamol\w*|tylenol\w*|advil\w*|aspirin\w*)"
    r"|\d+\s+(?:doses|more\s+times|times|pills|tablets"
    r"|dosis|veces)|four\s+more|ten(?![a-z])|twenty|thirty|fifty|missing|faltan|entero|entera|completo|by\s+mistake"
    r"|por\s+error|sin\s+querer|accidental\w*"
    r"|todo\s+lo\s+(?:que|ke)\s+habia|como\s+diez|un\s+monton|muchas|todas|toda\s+la|frasco|caja\s+entera|bote|blister"
    r"|puno|doble|de\s+mas|dos\s+veces"
)
SWALLOWED = (
    r"took|taken|swallowed|ate|drank|popped|got\s+into|dosed|injected|tome|tomo|tomar|tomado|se\s+tomo|trago"
    r"|trague|se\s+metio\s+a\s+la\s+boca|se\s+comio|se\s+bebio|got\s+hold\s+of|taking|tomando"
    r"|se\s+trago"
    r"|comio|se\s+comio|bebio|ingirio|inyecte|me\s+puse|chewed|bit\s+into|mordio|mordisqueo|mastico"
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
    r"|peque|crio|cria|cipot[ea]|pibe|piba|chamac[oa]|chamaquit[oa]|escuincl[ea]|chiquillo|chiquilla|mijit[oa]"
    r"|\d+\s*anos|(?:un|dos|tres)\s+anos?(?:\s+y\s+medio)?|nacid[oa]\s+en\s+20[12]\d|born\s+(?:in\s+)?20[12]\d"
    r"|\d+\s*(?:-|\s)?wks?\s*(?:-|\s)?old|tiene\s+(?:\d+|un|dos|tres)\s+mes(?:es)?(?!\s+de\s+embarazo)"
)

# the weeks after a birth, said by the mother or about her: "days after my c-section", "tuvo a su bebé hace
# dos semanas", "the baby is 3 weeks old"
AFTER_BIRTH = compile_any(
    r"\b(?:gave\s+birth|had\s+(?:my|the|a|her)\s+baby|delivered|c[\s-]?section|caesarean|cesarean|cesarea|parto"
    r"|postpartum|posparto|postparto|puerperio|dio\s+a\s+luz|di\s+a\s+luz"
    r"|tuv[eo]\s+(?:a\s+)?(?:mi|su|el|la)\s+(?:bebe|nena|nene|guagua|hij[oa])|\d+\s+(?:weeks?|days?|semanas|dias)\s+old"
    r"|recien\s+nacid\w*|newborn|baby\s+is\s+\d+|bebe\s+(?:tiene|de)\s+\d+)"
)

# --- the signs, in the order they are tried: suicidal intent first (its reply, 988, differs) ---
