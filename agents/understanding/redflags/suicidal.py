"""Suicidal or self-harm intent, said directly and indirectly, English and Spanish: read first,
because its reply (988, the crisis line) differs from every other emergency's.

Indirect words are most of it: hopelessness ("I don't see the point anymore"), being a burden,
goodbyes and things given away, pills saved up and a plan to take them all, being gone said as an
absence ("I won't be around for the appointment, thank you for everything") — which a reason or a
bounded time ("next week, I'm travelling") makes rescheduling. None of these signs is ever denied or
"past" (context.py): grief and an old attempt are risks, not history.
"""

from __future__ import annotations

from agents.understanding.redflags.context import Sign, compile_any, sign

# "Me quiero morir de la vergüenza / de risa / de hambre" is the Spanish "I could die of embarrassment":
# the everyday idiom of a feeling that is not despair. Sadness, pain or loneliness after it are not
# idioms ("me quiero morir de tristeza" stays a red flag), nor is "morir" alone or with anything else.
_NOT_AN_IDIOM = (
    r"(?!\s+de\s+(?:la\s+)?(?:verguenza|risa|hambre|sueno|calor|frio|aburrimiento|envidia|ganas|emocion"
    r"|alegria|felicidad|nervios|ternura|cansancio)\b)"
)

WORDS = [
    r"\b(?:kill|killing|harm|harming|off|offing)\s+(?:myself|himself|herself|themselves|themself)\b"
    r"|\b(?:want|wants|going|gonna|thinking\s+(?:about|of)|urge\s+to|feel\s+like|tempted\s+to|been)\s+(?:to\s+)?"
    r"(?:hurt|hurting|cut|cutting|burn|burning)\s+(?:myself|himself|herself)|\bcutting\s+(?:myself|himself|herself)"
    r"|\b(?:hurt|cut|burn)\w*\s+(?:myself|himself|herself)\s+(?:on\s+purpose|again|deliberately)|\b(?:started"
    r"|been|keep|back\s+to)\s+cutting\b|\bend(?:ing)?\s+(?:my|his|her)\s+(?:own\s+)?life|\bend(?:ing)?\s+(?:it\s+all"
    r"|everything)\b|\btak(?:e|ing)\s+(?:my|his|her)\s+(?:own\s+)?life|(?<!prevention\sof\s)(?<!prevencion\sdel\s)(?<!murio\spor\s)(?<!died\sby\s)(?<!died\sof\s)(?<!prevencion\sde\s)\bsuicid(?!\w*\s+(?:prevention|awareness|prevencion))|\bsucid|\bsuicde|\bself[\s-]?harm"
    r"|\b(?:don'?t|do\s+not|doesn'?t|no\s+longer)\s+want\s+to\s+(?:live|be\s+alive|exist|be\s+here|wake\s+up"
    r"|go\s+on)|(?<!don't\s)(?<!dont\s)(?<!not\s)\b(?:want|wants|wanna|going|gonna|ready)\s+(?:to\s+)?die\b"
    r"(?!\s+(?:of|from|laughing)\s+(?:embarrassment|laughter|laughing|shame|boredom|curiosity|cringe))"
    r"|\bbetter\s+off\s+dead|\bno\s+reason\s+to\s+(?:live|go\s+on)|\bwish\s+(?:i|he|she)\s+(?:was|were|could\s+be)"
    r"\s+(?:dead|gone|never\s+born)|\bwish\s+i\s+(?:could\s+)?(?:just\s+)?(?:disappear|die|not\s+exist)"
    r"|\b(?:not|stop)\s+(?:to\s+)?exist(?:ing)?\s+(?:anymore|any\s+more)|\btired\s+of\s+(?:being\s+alive|living"
    r"|life|existing)|\boverdose\s+on\s+purpose|\bend\s+it\s+(?:tonight|today|now|soon)|\b(?:going|gonna)\s+to\s+"
    r"end\s+it\b|\bwant\s+(?:it\s+all|everything)\s+to\s+(?:stop|end)|\bno\s+way\s+out|\bthought\s+about\s+how\s+"
    r"(?:i'?d|to|i\s+would|i\s+could)\s+do\s+it|\bhave\s+a\s+plan\s+to|\b(?:don'?t|do\s+not)\s+think\s+(?:i'?ll|i\s+will)"
    r"\s+be\s+alive|\b(?:happier|better|fine)\s+(?:off\s+)?if\s+i\s+(?:just\s+)?(?:disappeared|was\s+"
    r"gone|were\s+gone|died|wasn'?t\s+(?:here|around)|weren'?t\s+(?:here|around))|\bdisappear\w*\s+for\s+good",
    r"\b(?:don'?t|dont|do\s+not|can'?t|cannot)\s+see\s+(?:the|any)\s+point(?![^.?!]{0,30}\b(?:follow|appointment"
    r"|appt|visit|test|check|exam|paying|coming|going\s+in|cita|consulta|seguimiento|result))|\bwhat'?s\s+the\s+point\s+(?:of\s+"
    r"(?:living|anything|going\s+on|it\s+all|life)|anymore)|\bno\s+point\s+(?:in\s+)?(?:living|going\s+on|anymore"
    r"|to\s+(?:life|anything|living))|\bpointless\s+to\s+(?:live|go\s+on)|\bnothing\s+matters\s+(?:anymore|any"
    r"\s+more)|\b(?:i'?m|im)\s+(?:so\s+)?tired\s+of\s+fighting(?!\s+(?:with|for))|\bno\s+(?:one|body)\s+would\s+"
    r"(?:miss|notice|care)|\bnobody\s+would\s+(?:miss|notice|care)",
    r"\b(?:everyone|everybody|they|my\s+\w+|the\s+world|people)\s+(?:would|will|'d)\s+be\s+(?:better|fine|happier"
    r"|ok|okay)\s+(?:off\s+)?(?:without\s+me|if\s+i\s+(?:(?:was|were)\s+(?:gone|dead)|(?:wasn'?t|weren'?t|was\s+not|were"
    r"\s+not)\s+(?:here|around)|(?:didn'?t|did\s+not)\s+exist|(?:just\s+)?disappeared|died))|\bbetter\s+off\s+without\s+me|\b(?:i'?m|i\s+am|im)\s+(?:just\s+)?a\s+"
    r"burden|\bburden\s+(?:to|on|for)\s+(?:everyone|everybody|my|them)",
    r"(?:\bbeen\s+(?:collecting|saving|gathering|keeping)|\bstockpil\w*|\bhoard\w*|\bstash\w*|\bsaving\s+up)"
    r"\s+(?:up\s+)?(?:all\s+)?(?:my|the|some|these|those|a\s+lot\s+of)?\s*(?:[\w']+\s+)?(?:pills|meds|medications?"
    r"|tablets|sleeping\s+pills|oxy\w*|opioids?|painkillers|xanax|insulin)(?!\s+(?:from|at)\s+(?:the\s+)?(?:pharmacy|store|drugstore))"
    r"|\b(?:have|got)\s+(?:the|my|all\s+(?:the|my))\s+pills\s+(?:right\s+)?(?:here|ready|with\s+me)",
    r"\b(?:goodbye|suicide|farewell)\s+(?:letters?|notes?)|\b(?:wrote|writing|written|left)\s+(?:[\w']+\s+){0,2}"
    r"(?:letters?|notes?)\s+(?:to|for)\s+(?:my|everyone)\s*(?:[\w']+\s+){0,3}(?:just\s+in\s+case|in\s+case)"
    r"|\bsaying\s+(?:my\s+)?goodbyes?\b|\bgoodbye\s+(?:forever|everyone|to\s+everyone)|\b(?:my|this\s+is\s+my)\s+"
    r"(?:last|final)\s+(?:message|goodbye|text|words)|\b(?:for|after)\s+when\s+(?:i'?m|im|i\s+am)\s+gone|\bwhen\s+i'?m\s+no\s+longer\s+"
    r"(?:here|around)|\b(?:go\s+to\s+)?sleep\s+and\s+(?:never|not)\s+wake\s+up|\bnot\s+wake\s+up\s+(?:again"
    r"|anymore|tomorrow)|\bdisappear\s+forever|\b(?:thinking\s+(?:about|of)\s+)?jump\w*\s+(?:off|from)\s+"
    r"(?:a|the|my|this)|\bthinking\s+(?:about|of)\s+jump\w*|\bhang\s+(?:myself|himself|herself)|\bshoot\s+"
    r"(?:myself|himself|herself)|\b(?:looking\s+up|searching|researching|googling)\s+(?:[\w']+\s+){0,2}(?:ways|how)"
    r"\s+to\s+(?:die|kill|end|do\s+it)|\b(?:can'?t|cannot)\s+(?:go\s+on|do\s+this|take\s+(?:it|this|life))\s+"
    r"(?:anymore|any\s+more|any\s+longer)\b(?!\s+(?:with\s+)?(?:this\s+|the\s+|my\s+)?(?:pain|cough|itch|rash))",
    rf"\b(?:quiero|quisiera|me\s+quiero|ganas\s+de|prefiero|se\s+quiere|quiere)\s+morir{_NOT_AN_IDIOM}|\bmatar(?:me|se|te)\b"
    r"|\b(?:me\s+(?:voy|iba)|se\s+(?:va|iba|quiere)|te\s+vas)\s+a\s+(?:matar|tirar|suicidar|quitar\s+la\s+vida|ahorcar"
    r"|colgar)|(?<!prevention\sof\s)(?<!prevencion\sdel\s)(?<!murio\spor\s)(?<!died\sby\s)(?<!died\sof\s)(?<!prevencion\sde\s)\bsuicid(?!\w*\s+(?:prevention|awareness|prevencion))|\bno\s+quiero\s+(?:seguir\s+)?(?:vivir|viviendo|estar\s+aqui|despertar|existir)"
    rf"|\b(?:me|se|te)\s+(?:quiero|quiere|quieres)\s+(?:matar|morir{_NOT_AN_IDIOM}|suicidar)|\bquitar(?:me|se)\s+la\s+vida|\bacabar\s+con\s+(?:mi\s+vida|su\s+vida|todo)|\bno\s+vale\s+la\s+pena\s+vivir"
    r"|\b(?:no|ya\s+no)\s+(?:le\s+)?(?:veo|encuentro|tiene)\s+(?:ningun\s+)?sentido\s+(?:a\s+)?(?:nada|la\s+vida"
    r"|vivir|seguir)|\bestar(?:i|a)n\s+mejor\s+sin\s+mi|\bmejor\s+sin\s+mi\b|\bsoy\s+(?:solo\s+)?una\s+carga"
    r"|\bser\s+una\s+carga|\bsin\s+tomar(?:me|se)?\s+(?:el|la|las|los|mis|mi|su|sus)\s+(?:tratamiento|pastillas"
    r"|pildoras|medicinas|medicamentos)\W+(?:[\w']+\W+){0,6}(?:guard|junt|acumul|ahorr|escond)\w*"
    r"|\b(?:guard|junt|acumul|ahorr)\w+\s+(?:[\w']+\s+){0,2}para\s+cuando\s+(?:me\s+)?decid\w*"
    r"|\b(?:juntando|guardando|acumulando|ahorrando|escondiendo)\s+(?:[\w']+\s+){0,2}"
    r"(?:pastillas|pildoras|medicinas|medicamentos)|\bcortar(?:me|se)(?!\s+(?:el|la|las|los)\s+(?:pelo|cabello"
    r"|unas|flequillo))|\b(?:me|se)\s+(?:estoy|sigo|esta|sigue)\s+cortando|\b(?:volvi|volvio|he\s+vuelto"
    r"|ha\s+vuelto)\s+a\s+cortar|\b(?:quiero|ganas\s+de|pienso\s+en|pensando\s+en)\s+(?:lastimarme|hacerme\s+dano"
    r"|cortarme)|\bdormir\s+y\s+no\s+despertar|\bno\s+despertar\s+(?:nunca|mas|jamas|manana)|\bojala\s+no\s+"
    r"despert|\bdormir(?:me)?\s+y\s+no\s+despertar|\bnadie\s+me\s+(?:extranaria|echaria\s+de\s+menos)|\bdesaparecer\s+para\s+siempre|\bcartas?\s+de"
    r"\s+despedida|\bcartas?\s+(?:[\w']+\s+){0,4}por\s+si\s+acaso|\bme\s+(?:despido|despedi)\s+de\s+todos"
    r"|\bcansad[oa]\s+de\s+luchar|\bme\s+corte\s+(?:otra\s+vez|de\s+nuevo|a\s+proposito)|\b(?:mi|este\s+es\s+mi)\s+ultimo\s+mensaje|\bno\s+(?:aguanto|puedo)"
    r"\s+(?:mas\s+)?(?:la\s+vida|vivir|seguir\s+viviendo)|\btirar(?:me|se)\s+(?:de|del|por|al)|\bahorcar(?:me|se)"
    r"|\bya\s+no\s+quiero\s+estar\s+aqui|\bmejor\s+muert[oa]|\bprefi?er\w*\s+(?:estar\s+)?muert[oa]"
    r"|\bprefi?er\w*\s+no\s+(?:existir|vivir|despertar|haber\s+nacido)|\bno\s+hay\s+salida|\b(?:ya\s+)?(?:pense|pensado"
    r"|planee|planeado|se)\s+como\s+hacerlo|\bbuscando\s+como\s+(?:hacerlo|matarse|morir|suicidarse)"
    r"|\bno\s+creo\s+que\s+(?:siga|este|llegue)\s+(?:aqui|viv[oa])|\bcansad[oa]\s+de\s+vivir",
    r"\b(?:don'?t|do\s+not|no\s+longer)\s+feel\s+safe\s+(?:with|around)\s+(?:myself|me)|\bno\s+me\s+siento\s+"
    r"segur[oa]\s+(?:conmigo|de\s+mi)|\b(?:no\s+one|nobody)\s+(?:would|will)\s+(?:even\s+)?(?:notice|miss|care)"
    r"|\bpicturing\s+my\s+(?:own\s+)?funeral|\b(?:got|have)\s+everything\s+(?:ready|planned|sorted)|\b(?:i'?ve|i\s+have)"
    r"\s+taken\s+care\s+of\s+everything|\b(?:not|won'?t)\s+(?:going\s+to\s+)?be\s+alive\s+"
    r"(?:tomorrow|tonight|much\s+longer|by|next|after)|\bwon'?t\s+be\s+needing\s+(?:them|it|any)|\bnadie\s+(?:me\s+)?"
    r"(?:va|iba)\s+a\s+(?:extranar|echar\s+de\s+menos)|\bya\s+lo\s+tengo\s+(?:pensado|planeado|decidido)"
    r"|\b(?:deje|dejo|tengo)\s+todo\s+(?:arreglado|listo|preparado)|\bno\s+creo\s+que\s+me\s+(?:vean|vuelvan\s+a\s+ver)"
    r"|\bno\s+(?:voy|pienso)\s+a?\s*(?:estar|seguir)\s+(?:aqui|viv[oa])\s+(?:manana|mucho)",
    r"\b(?:ready|wants?)\s+to\s+(?:go\s+)?be\s+with\s+(?:her|him|mom|dad|my|his|her)|\bno\s+quiero\s+seguir\s+"
    r"(?:aqui|vivo|viv[ao]|viviendo)|\bescrib\w*\s+(?:[\w']+\s+){0,2}cartas?\s+a\s+(?:mis|todos)|\bwritten\s+letters\s+to"
    r"\s+everyone|\bcut\s+(?:[\w']+\s+){0,2}(?:deeper|too\s+deep)|\bdeep\s+enough\s+to|\bme\s+corte\s+mas\s+hondo"
    r"|\b(?:para|to)\s+not?\s+(?:despertar|wake\s+up)|\bnot\s+to\s+wake\s+up|\bfeel\s+safe\s+(?:being\s+)?(?:alone\s+)?"
    r"(?:with|around)\s+myself|\b(?:driv\w*|crash\w*)\s+(?:my\s+car\s+)?(?:into|off)\s+(?:a|the)\s+(?:tree|wall|bridge"
    r"|cliff|river|truck)|\b(?:sounds?|feels?)\s+like\s+(?:a\s+)?relief|\bestrellarme|\b(?:ultima|last)\s+(?:vez|time)"
    r"\s+(?:que\s+)?(?:le|les|te|i|you)\s+(?:escribo|write|hear)|\blast\s+message\s+you'?ll\s+(?:get|hear)"
    r"|\bburden\s+to\s+(?:all|you)|\b(?:tengo|have|got)\s+(?:la|el|the|a)\s+(?:cuerda|soga|rope)|\bdespedirme\s+de"
    r"\s+(?:alguien|todos|ustedes)|\bnothing\s+(?:left\s+)?to\s+live\s+for|\bno\s+tengo\s+(?:nada\s+)?(?:por|para)\s+(?:que|lo\s+que)\s+vivir"
    r"|\blife\s+is\s+(?:meaningless|pointless)|\bla\s+vida\s+no\s+tiene\s+sentido|\bmade\s+(?:my\s+)?peace"
    r"|\btonight\s+is\s+the\s+night|\bhice\s+las\s+paces\s+con\s+todo"
    r"|\ball\s+my\s+(?:meds|pills)\s+in\s+(?:one|a)\s+pile|\bsaving\s+them\s+up"
    r"|\b(?:keeping|saving|holding\s+on\s+to)\s+(?:them|it|everything|all\s+of\s+them)\s+(?:[\w']+\s+){0,2}for\s+when\s+i"
    r"\s+decide|\bknow\s+what\s+i'?m\s+(?:going\s+to"
    r"|gonna)\s+do\s+with\s+them|\bse\s+despide\s+de\s+todos|\bdespidiendose|\bcan'?t\s+go\s+on\b(?!\s+(?:like\s+"
    r"this\s+)?(?:with\s+)?(?:this\s+|the\s+|my\s+)?(?:pain|cough|itch|rash|waiting))",
]
# Being gone, said as an absence ("I won't be around", "ya no voy a estar", "no voy a necesitar la cita"):
# final by itself when open-ended ("much longer", "anymore", "after this weekend"), otherwise only beside a
# farewell ("thank you for everything", "cuídense", "give my slot to someone"). A reason or a bounded
# time makes it rescheduling: travel, work, a day named, "can we move it", feeling better.
_GONE_FOR_GOOD = (
    r"\b(?:won'?t|wont|will\s+not|not\s+(?:going\s+to|gonna))\s+b(?:e)?\s+(?:around|here)\s+(?:much\s+longer|anymore"
    r"|any\s+more|for\s+(?:long|much\s+longer|good)|after|tomorrow|tonight|by|next)|\bya\s+no\s+(?:voy|va)\s+a\s+estar"
    r"\s+(?:para|aqui|mas|con)|\bya\s+no\s+(?:estare|estara)\b|\bdespues\s+de\s+(?:[\w']+\s+){1,4}(?:ya\s+)?no\s+"
    r"(?:estare|voy\s+a\s+estar)|\bno\s+(?:voy|pienso)\s+a?\s*(?:estar|seguir)\s+(?:aqui|viv[oa])\s+(?:manana|mucho)"
)
_ABSENT = (
    r"\b(?:won'?t|wont|will\s+not|not\s+(?:going\s+to|gonna))\s+b(?:e)?\s+(?:around|here)\b|\b(?:ya\s+)?no\s+(?:voy|va)"
    r"\s+a\s+estar\b|\bno\s+estare\b|\b(?:won'?t|wont|will\s+not|not\s+(?:going\s+to|gonna))\s+(?:need|be\s+needing)"
    r"\s+(?:the\s+|my\s+|this\s+|that\s+|any\s+|your\s+)?(?:appointment|appt|directions|reminders?|refills?|visit"
    r"|slot|spot)|\b(?:ya\s+)?no\s+(?:voy|va)\s+a\s+necesitar\s+(?:la|el|mi|las|los|su|sus)\s+(?:cita|consulta"
    r"|receta|indicaciones|direccion|turno|recordatorio)\w*|\bno\s+(?:la|lo)\s+(?:voy|va)\s+a\s+necesitar"
)
_FAREWELL = (
    r"\b(?:anymore|any\s+more|much\s+longer|for\s+(?:long|good)|forever|para\s+siempre|ya\s+no|thank(?:s|\s+you)"
    r"\s+for\s+everything|gracias\s+por\s+todo|take\s+care|cuiden(?:se)?|cuidate|goodbye|good\s+bye|bye|adios"
    r"|farewell|won'?t\s+need|no\s+(?:voy|va)\s+a\s+necesitar|give\s+(?:my|the)\s+(?:spot|slot|place|appointment|time)"
    r"\s+to|den(?:le)?\s+(?:mi|el)\s+(?:lugar|turno|cita|espacio)|after\s+(?:this|today|tonight|tomorrow)"
    r"|despues\s+de\s+(?:est[ae]|hoy|manana)|you'?ve\s+(?:all\s+)?been|han\s+sido\s+muy|it'?s\s+been\s+an?\s+"
    r"(?:pleasure|honou?r))"
)
_DAY = (
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mondays|lunes|martes|miercoles|jueves|viernes"
    r"|sabado|domingo"
)
A_REASON = compile_any(
    r"\b(?:travel\w*|trip|viaj\w*|vacation|vacaciones|holiday\w*|out\s+of\s+(?:town|the\s+country|state|office)"
    r"|fuera\s+de\s+(?:la\s+ciudad|el\s+pais)|work\w*|job|shift|turno\s+de|trabaj\w*|business|negocios?"
    r"|conference|congreso|meeting|junta|reunion|moving|moved|mudo|mudanza|me\s+mude|nos\s+mudamos|visit\w*"
    r"|wedding|boda|surgery|cirugia|operacion|school|escuela|colegio|class|clase|exam\w*|reschedul\w*|reprogram\w*"
    r"|move\s+(?:it|my|the)|another\s+(?:day|time|date)|otro\s+dia|otra\s+(?:fecha|hora)|cambi\w*|mover(?:la)?"
    r"|feel\w*\s+better|me\s+siento\s+mejor|ya\s+(?:estoy|me\s+siento)\s+bien|se\s+me\s+quito|healed|all\s+better"
    r"|another\s+(?:doctor|clinic|provider)|otr[oa]\s+(?:doctor|medico|clinica)|insurance|seguro\s+medico"
    r"|next\s+(?:week|month)|la\s+(?:proxima|otra)\s+semana|el\s+(?:proximo|otro)\s+mes|that\s+(?:day|week)"
    r"|ese\s+dia|esa\s+semana|until|hasta\s+el|back\s+(?:on|in|by)|regreso|vuelvo|de\s+regreso|\d{1,2}\s*(?:am|pm)"
    r"|\d{1,2}:\d\d|o'?clock|call\s+me|text\s+me|llam(?:en|e|a)me|en\s+(?:la\s+)?(?:manana|tarde)|doing\s+(?:great|well"
    r"|better|fine)|recovered|se\s+recupero|(?:esta|estoy)\s+(?:mucho\s+)?mejor|resolved|went\s+away|se\s+(?:le\s+)?quito"
    r"|(?:doctor|dr)\s+(?:stopped|cancel\w*|said)|en\s+casa|at\s+home|address|direccion)\b",
    rf"(?<!after\s)(?<!after\sthis\s)(?<!despues\sde\s)(?<!despues\sdel\s)(?<!despues\sde\seste\s)\b(?:{_DAY})\b",
)
# pills put aside, then taking them all: "60 pills saved up … tonight I'm going to take them all"
_TAKE_THEM_ALL = (
    r"\b(?:take|taking|swallow|swallowing|down|downing|pop|popping)\s+(?:(?:them|em|'em)\s+all|all\s+of\s+them|(?:the\s+)?"
    r"(?:whole\s+)?lot|every\s+(?:single\s+|last\s+)?one|all\s+(?:\d+|of\s+(?:my|the|these|those)|my|the|these"
    r"|those)\b(?:\s+[\w']+)?|(?:them|em|'em)\s+(?:tonight|all\s+at\s+once|at\s+once|together))|\b(?:me\s+|se\s+)?(?:las|los)\s+"
    r"(?:voy\s+a\s+|va\s+a\s+)?(?:tomar|tomo|tomare|trago|tragare|tragar)\s+(?:todas|todos|de\s+una\s+vez|juntas"
    r"|esta\s+noche|hoy)|\b(?:tomar|tragar)(?:me|se)?(?:las|los)\s+(?:todas|todos|de\s+una\s+vez|juntas)"
    r"|\b(?:me|se)\s+(?:voy\s+a\s+|va\s+a\s+)?(?:tomar|tragar)\s+(?:todas|todos)\s+(?:las|los|mis|sus)"
)
_PUT_ASIDE = (
    r"\b(?:saved|saving|stash\w*|stockpil\w*|hoard\w*|collect\w*|gather\w*|put\s+aside|set\s+aside|hidden|hid"
    r"|hiding|kept|keeping|guardad\w*|guarde|guardando|juntad\w*|junte|juntando|ahorrad\w*|acumul\w*"
    r"|escondid\w*|escondi\w*|apartad\w*)\b|\b\d{2,}\s+(?:pills|tablets|pastillas|pildoras|tabletas|capsulas)\b"
)
# taking them all as a regimen, not a plan: "spread them out", "every morning", a pill organiser
_AS_DIRECTED = compile_any(
    r"\bor\s+(?:spread|split|one\s+at\s+a\s+time|separate)|\bspread\s+(?:them\s+)?out|\b(?:every|each)\s+(?:day"
    r"|morning|night|evening)|\bdaily\b|\bpill\s+(?:organi[sz]er|box)|\bpastillero|\bas\s+prescribed|\btodos\s+los"
    r"\s+dias|\bcada\s+(?:dia|manana|noche)|\b(?:separad|espaciad)\w*|\bo\s+(?:separad|una\s+por\s+una|de\s+a\s+poco)"
)

SUICIDAL_SIGNS: list[Sign] = [
    *(sign("suicidal", words, deniable=False) for words in WORDS),
    sign("suicidal", _GONE_FOR_GOOD, deniable=False, unless=A_REASON),
    sign("suicidal", _ABSENT, deniable=False, also=compile_any(_FAREWELL), unless=A_REASON),
    sign("suicidal", _TAKE_THEM_ALL, deniable=False, also=compile_any(_PUT_ASIDE), unless=_AS_DIRECTED),
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
