"""What decides whether a mention of an emergency sign means it is happening: the reading context.

A sign is read per clause — a sentence, or the part of one after "but" / "and now" / "pero" — and
does not count when denied just before it ("no chest pain", "sin fiebre"), when its clause is about
the past ("a stroke two years ago", "hace tres años"), when it is a hypothetical ("what should I do
if I ever get chest pain?", a voice agent's "if this is an emergency, dial 911"), unless the clause
also says it is happening now ("right now", "ahora"). The name of a condition ("stroke", "heart
attack", "seizure") counts only when said to be happening or suspected, or when nothing in its
clause is clinic business ("my follow-up after my stroke").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from agents.understanding.types import RedFlagKind

GAP = r"[^\w.!?;\n]+"  # between two words of one sentence


def near(first: str, second: str, within: int = 4) -> str:
    """`first` and `second` in one sentence, at most `within` words apart, in either order."""
    gap = rf"{GAP}(?:[\w']+{GAP}){{0,{within}}}"
    return rf"(?:\b(?:{first})\w*{gap}(?:{second})|\b(?:{second})\w*{gap}(?:{first}))"


def compile_any(*alternatives: str) -> re.Pattern[str]:
    """One pattern matching any of `alternatives`."""
    return re.compile("|".join(f"(?:{a})" for a in alternatives))


NOW = re.compile(
    r"\b(?:right\s+now|now|currently|at\s+the\s+moment|as\s+we\s+speak|ahora|ahorita|en\s+este\s+momento)\b"
)
SUDDEN = compile_any(
    r"\b(?:sudden(?:ly)?|all\s+of\s+a\s+sudden|out\s+of\s+nowhere|just\s+now|right\s+now|out\s+of\s+the\s+blue"
    r"|(?:went|gone|going|goes|turned|became|got)\s+(?:all\s+)?(?:weak|numb|limp|dead|droopy|slack|dark|black)"
    r"|just\s+(?:started|happened|said|noticed)|de\s+repente|de\s+pronto|de\s+golpe|hace\s+(?:un\s+rato"
    r"|unos\s+minutos|media\s+hora|una\s+hora)|ahorita|ahora\s+mismo|since\s+(?:lunch|breakfast|this\s+morning"
    r"|an\s+hour|\d+\s*(?:am|pm))|desde\s+(?:hace\s+)?(?:una\s+hora|el\s+almuerzo|la\s+comida|esta\s+manana))"
)
ACTIVE = re.compile(
    r"\b(?:having|has\s+been\s+having|going\s+through|think\s+(?:i'?m|im|i\s+am|he'?s|she'?s|he\s+is|she\s+is"
    r"|it'?s|its|this\s+is|that'?s|i\s+had|he\s+had|she\s+had|i\s+may|i\s+might|he\s+may|she\s+may)"
    r"|might\s+be|may\s+be|could\s+be|maybe|looks?\s+like|seems?\s+like|feels?\s+like|signs\s+of|symptoms\s+of"
    r"|just\s+(?:had|now|happened|started)|had\s+(?:a\s+)?(?:seizure|fit|convulsion)|tuvo\s+(?:una\s+)?convulsion"
    r"|suddenly|is\s+it|am\s+i|is\s+this|happening|esta\s+teniendo"
    r"|estoy\s+teniendo|le\s+esta\s+dando|me\s+esta\s+dando|creo\s+que|parece|puede\s+ser|sera\s+(?:un|una)"
    r"|sintomas\s+de|senales\s+de|ahora\s+mismo|ahorita|de\s+repente|acaba\s+de|le\s+dio|me\s+dio)\b"
)
# "no" before a pronoun is an answer ("no my chest hurts"), not a denial
DENIAL = re.compile(
    r"\b(?:no(?!\s+(?:my|his|her|i|i'm|im|he|she|it|it's|its|we|they|the|this|but|wait|actually|please|sir"
    r"|ma'?am|mi|su|es)\b)|not|never|without|denies|denied|don'?t\s+have|doesn'?t\s+have|didn'?t\s+have"
    r"|no\s+longer|sin|nunca|ni|nada\s+de|ningun|ninguna|tampoco|niega|ya\s+no)\s+(?:[\w']+\s+){0,2}$"
)
SELF_NEGATED = ("no ", "not ", "can", "won", "unable", "couldn", "isn", "stopped", "barely", "ni ")
# a denial of stopping is no denial: "has not stopped seizing", "did not stop bleeding", "no ha dejado de"
CEASING = re.compile(r"\b(?:stop\w*|quit\w*|end\w*|(?:para|paro|parado|dej\w*|ceso|cesado)\s+de)\b")
# what also denies a companion sign, said after the sign it goes with ("bumped my head, hasn't vomited")
_NOT_SINCE = re.compile(
    r"\b(?:hasn'?t|haven'?t|didn'?t|did\s+not|has\s+not|have\s+not|isn'?t|is\s+not|wasn'?t|was\s+not"
    r"|no\s+(?:ha|he|han|esta|estaba|hubo))\s+(?:[\w']+\s+)?$"
)
PAST = re.compile(
    r"\b(?:\d+|a|an|one|two|three|four|five|ten|few|couple(?:\s+of)?|several|many)\s+(?:years?|yrs?|months?)"
    r"\s+ago\b|\b(?:years|months|decades)\s+ago\b|\blast\s+(?:year|summer|winter|spring|fall)\b|\bin\s+(?:19|20)\d\d\b"
    r"|\bback\s+in\b|\bwhen\s+(?:i|he|she)\s+was\s+(?:a\s+)?(?:kid|child|young|little|baby)"
    r"|\bwhen\s+(?:i|he|she|they)\s+(?:was|were)\s+on\b|\bwhen\s+(?:i|he|she)\s+was\s+(?:\d+|one|two|three|four|five|a\s+baby"
    r"|a\s+toddler|little|younger)\b|\bcuando\s+(?:tenia|era)\s+(?:\d+|un|una|bebe|chiquit[oa]|pequen[oa])\b|\bcuando\s+(?:tomaba|tomo|estaba\s+con)\b"
    r"|\bwith\s+(?:our|my|her|his)\s+(?:first|last|previous|older)\b|\ben\s+(?:el|mi|su)\s+(?:primer|anterior|otro)\s+embarazo"
    r"|\b(?:pense|penso|creia)\s+(?:q|que)\s+era\b|\bthought\s+it\s+was\b"
    r"|\b(?:fainted|passed\s+out|had\s+a\s+seizure|se\s+desmayo)\s+once\b|\blast\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\bel\s+(?:lunes|martes|miercoles|jueves"
    r"|viernes|sabado|domingo)\s+pasado\b|\bwas\s+seen\s+(?:in|at)\s+(?:the\s+)?(?:er|emergency|urgent\s+care|a&e|hospital)"
    r"|\bla\s+otra\s+vez\b|\ba\s+los\s+\d+(?:\s+anos)?\b|\bat\s+(?:the\s+)?age\s+(?:of\s+)?\d+\b|\b(?:el|la)\s+(?:verano|invierno|otono|primavera)\s+"
    r"pasad[oa]\b"
    r"|\bhace\s+(?:\w+\s+){0,2}(?:anos?|mes(?:es)?)\b|\b(?:died|murio|fallecio|passed\s+away)\b|\bused\s+to\b"
    r"|\bsolia\b|\bas\s+a\s+(?:teen|teenager|kid|child)\b|\b(?:in|en)\s+(?:january|february|march|april|may|june|july"
    r"|august|september|october|november|december|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre"
    r"|octubre|noviembre|diciembre)\b|\bel\s+ano\s+pasado\b|\ben\s+(?:19|20)\d\d\b"
    r"|\bcuando\s+(?:era|eramos)\s+(?:nin[oa]|chic[oa]|joven)|\bfor\s+(?:\w+\s+)?(?:years|months)\b"
    r"|\bbeen\s+(?:a|one|\d+|two|three|several)\s+(?:years?|months?)\s+since\b|\bdurante\s+(?:\w+\s+)?(?:anos|meses)\b|(?<!since\s)\blast\s+(?:week|month)\b|(?<!desde\s)\b(?:la\s+semana"
    r"\s+pasada|el\s+mes\s+pasado)\b|\bwent\s+to\s+(?:the\s+)?(?:er|e\.r\.|emergency\s+room|hospital|urgent\s+care)"
    r"|\bthey\s+said\s+it\s+was|\bfui\s+a\s+(?:urgencias|emergencias|la\s+sala)|\bdijeron\s+(?:que|q)\s+era"
    r"|\b(?:was|were)\s+in\s+(?:the\s+)?(?:er|e\.r\.|emergency\s+room|hospital|urgent\s+care)\s+(?:last|on|yesterday)"
    r"|\blast\s+weekend\b|\bestuve\s+en\s+(?:urgencias|emergencias|el\s+hospital)|\b(?:dieron|dio)\s+de\s+alta\b"
    r"|\bdischarged\b|\bde\s+(?:nin[oa]|chiquit[oa]|pequen[oa]|chic[oa]|bebe)\b|\buna\s+vez\s+(?:me|le)\s+dio\b"
    r"|\bnunca\s+mas\b|\bwhen\s+i\s+was\s+(?:\d+|little|young|a\s+kid)|\bat\s+age\s+\d+|\ba\s+los\s+\d+\s+anos"
    r"|\bnone\s+since|\bno\s+more\s+since|\bdesde\s+entonces\s+(?:nada|ninguna)|\bfamily\s+history|\bantecedentes"
    r"|\bin\s+(?:his|her|their|my)\s+(?:\d0s|fifties|sixties|seventies|eighties|nineties)"
)
YEAR = re.compile(r"\b(?:19[5-9]\d|20[0-2]\d)\b")
# the trouble is over ("coughed for a few seconds and was totally fine after"): no "now" brings it back
RESOLVED = re.compile(
    r"\b(?:was|is|he'?s|she'?s|i'?m|i\s+was|it\s+was|(?:has|have|'s|'ve)\s+been)\s+(?:totally\s+|completely\s+"
    r"|perfectly\s+)?(?:fine|ok|okay|normal|good|well)\s+(?:after|afterwards|right\s+after|since|ever\s+since)"
    r"|\bquedo\s+bien|\bya\s+(?:esta|estoy)\s+bien|\bse\s+(?:le|me)\s+paso\b|\bit\s+passed\b|\b(?:seizure|convulsion)"
    r"[\s-]free|\bsin\s+(?:convulsiones|crisis)\s+(?:desde|hace)|\b(?:bleeding|sangrado)\s+stopped|\bdejo\s+de\s+sangrar"
    r"|\bya\s+no\s+sangra|\bcoughed\s+it\s+(?:right\s+|back\s+|straight\s+)?(?:out|up)|\blo\s+(?:escupio|tosio)\s+(?:enseguida"
    r"|de\s+inmediato|rapido|luego)|\b(?:cut|bleeding|it)\s+stopped\s+(?:now|already)\b(?![^.]*\b(?:but|pero)\b)"
    r"|\bya\s+(?:se\s+)?paro\s+(?:de\s+sangrar|el\s+sangrado)\b"
    r"|\bse\s+(?:me|le)\s+paso\b|\bse\s+recupera\w*\s+bien|\brecovering\s+well|\bya\s+salio\s+de\s+(?:cuidados|terapia|la\s+uci|el\s+hospital)"
    r"|\b(?:out\s+of|discharged\s+from)\s+(?:the\s+)?(?:icu|hospital)"
    r"|\bcame\s+(?:round|to)\s+in\s+(?:a\s+few\s+)?seconds|\b(?:dijo|dijeron)\s+(?:q|que)\s+(?:todo\s+)?(?:estaba|esta)\s+bien"
    r"|\b(?:said|told\s+(?:me|us))\s+(?:that\s+)?(?:it\s+was|everything\s+(?:was|is))\s+(?:fine|ok|normal)"
    r"|\bhoy\s+ya\s+no\b|\bya\s+no\s+(?:me|le)\s+duele|\b(?:no\s+longer|doesn'?t)\s+hurt\s+(?:now|anymore|today)"
)
# Over or lifelong, read like the past in the sign's own part of the sentence and never for suicidal
# words (a "now" brings it back): "he's all better, barking cough gone", "in rehab now", "tengo un ojo
# más chiquito desde siempre", "todavía habla enredado", "the skin is white and leathery in the photos"
LIFELONG = re.compile(
    r"\bin\s+rehab\b|\ben\s+rehabilitacion\b|\b(?:all|totally|completely)\s+better\b|\bdesde\s+siempre"
    r"|\bsiempre\s+(?:ha|he)\s+(?:tenido|sido|hablado)|\bsince\s+birth|\bde\s+nacimiento|\btodavia\s+habla"
    r"|\bstill\s+(?:talks|speaks)|\bspeech\s+therapy|\bterapia\s+de\s+lenguaje|\ben\s+las\s+fotos"
    r"|\bin\s+(?:all\s+)?(?:the\s+|my\s+)?photos|\bcomo\s+siempre|\bas\s+(?:usual|always)|\blike\s+(?:always|usual)"
    r"|\bsame\s+as\s+(?:always|usual)|\bde\s+costumbre|\b(?:whole|entire)\s+life|\ball\s+(?:his|her|my)\s+life"
    r"|\btoda\s+(?:su|mi)\s+vida"
)
# a general question about a condition ("what are the warning signs of a stroke?") reports nothing
GENERAL_QUESTION = re.compile(
    r"\bwhat\s+(?:does|do|is|are)\b[^?]{0,40}\b(?:mean|signs?|symptoms?)\b|\bque\s+significa|\b(?:how\s+is\s+(?:it|that|this)"
    r"\s+different\s+from|difference\s+between|diferencia\s+entre|en\s+que\s+se\s+diferencia)\b|\b(?:cuales|que)\s+son\s+"
    r"(?:los|las)\s+(?:sintomas|senales|signos)|\bwhat\s+(?:are\s+)?the\s+(?:warning\s+)?(?:signs|symptoms)|\bhow\s+(?:do|can)"
    r"\s+(?:i|you|we)\s+(?:tell|know|recognize|spot)|\bwhat\s+to\s+watch\s+for|\bcomo\s+(?:reconozco|se\s+reconoce"
    r"|saber\s+si)|\b(?:max|maximum|safe)\s+dose|\bdosis\s+maxima|\bcuant[oa]s?\s+[\w ]{0,25}\bpuedo\s+tomar"
    r"|\bcomo\s+se\s+si\b|\bquiero\s+saber\s+(?:las|los)\s+(?:senales|sintomas|signos)"
    # questions about a condition in general, never about the person asked for: a worried parent's "is it
    # normal for my 2 month old to have 38.5 and not feed?" or "is 38.5 a fever in my 3 week old who won't
    # feed?" asks about now, and is read as an emergency
    r"|^\W*(?:does|do|can|could)\s+(?:chemo\w*|stress|anxiety|caffeine|coffee|alcohol|the\s+(?:vaccine|shot|medication))"
    r"\s+(?:cause|give\s+you|make\s+you)\b"
    r"|\bhow\s+(?:long|soon)\s+after\s+(?:a|an|the)\b|\bcuanto\s+tiempo\s+(?:despues\s+de|tarda\s+en)\s+(?:un|una|la|el)\b"
    r"|\bque\s+(?:sintomas|senales|signos)\s+(?:da|tiene|causa|produce|hay)\b"
    r"|\ba\s+partir\s+de\s+(?:que|cuando)\s+(?:momento|semana|mes)\b"
    r"|^\W*(?:signs?|symptoms?|sintomas|senales|signos)\s+(?:of|de)\b"
)
# the writer says they only ask, to be prepared: "solo quiero saber", "pregunto nomás por curiosidad"
ASKING_ONLY = re.compile(
    r"\b(?:es\s+)?solo\s+por\s+saber\b|\bsolo\s+quiero\s+(?:saber|estar\s+preparad[oa])|\b(?:es|solo\s+es)\s+pa(?:ra)?\s+saber|\bpregunto\s+(?:nomas|nada\s+mas"
    r"|solo)|\bpor\s+curiosidad|\bjust\s+curious|\bi'?m\s+curious|\bjust\s+(?:want|wanted)\s+to\s+(?:know|be\s+prepared)"
    r"|\bnunca\s+le\s+ha\s+dado|\bgot\s+curious|\b(?:i'?m|im|i\s+am)\s+not\s+having\s+any|\b(?:he'?s|she'?s)\s+never\s+had\s+one|\bahorita\s+no\s+tiene\s+nada"
)
# just before a mention, what makes it someone else's or a topic: a story on the news or a screen ("a show
# about seizures", "the news about the guy who overdosed"), a celebrity, a pet ("my cat had a seizure"), a
# first-aid class ("the CPR and choking first aid class"). Tight on purpose: "we were watching a movie and
# my son had a seizure" is an emergency.
ELSEWHERE = re.compile(
    r"\b(?:novel|book|script|screenplay|novela|libro|cuento|guion)\s+(?:[\w']+\s+){0,2}(?:where|in\s+which|about"
    r"|donde|en\s+(?:la|el)\s+que|sobre)\s+(?:[\w']+\s+){0,8}$"
    r"|\b(?:news|noticias?|article|articulo|story|show|documentary|documental|movie|pelicula|podcast)\s+(?:[\w']+\s+)"
    r"{0,2}(?:about|on|sobre|de|acerca\s+de)\s+(?:[\w']+\s+){0,6}$|\b(?:actor|actress|celebrity|singer|cantante"
    r"|famos[oa])\s+(?:who|que|q)\s+(?:[\w']+\s+){0,2}$|\b(?:my|our|mi|nuestr[oa])\s+(?:cat|dog|puppy|kitten|gat[oa]"
    r"|perr[oa]|perrit[oa]|gatit[oa]|mascota|pet)\s+(?:had|has|is|tuvo|tiene|esta)\s+(?:[\w']+\s+){0,2}$"
    r"|\b(?:cpr|rcp|first\s+aid|primeros\s+auxilios)\W+(?:[\w']+\W+){0,5}$"
)
LEARNING_AFTER = re.compile(
    r"^\s+(?:[\w']+\s+){0,2}(?:first\s+aid\s+)?(?:class|course|curso|training|taller)\b"
)
# a joke is no emergency ("I'm out of breath just looking at these forms lol"), except in words of suicide
# figures of speech and harmless cousins of a sign: "drowning in paperwork", "choking back tears", snoring
FIGURATIVE = re.compile(
    r"\b(?:drowning|ahogando(?:me)?|ahogad[oa])\s+(?:in|en)\s+(?:paperwork|papers?|papeles|work|trabajo|debt|deudas"
    r"|bills|cuentas|emails?|correos)|\bchok\w*\s+back\s+(?:tears|a\s+laugh)|\b(?:me|nos)\s+(?:estan|esta)\s+"
    r"desangrando|\bbleeding\s+(?:me|us)\s+dry|\bwhen\s+(?:i|he|she)\s+snores?\b"
    r"|\bme\s+ahogo\s+(?:de|con|en)\s+(?:tanto\s+)?(?:trabajo|tarea|deudas|cuentas|pendientes|chamba)"
    r"|\bsnor\w*\b[^.]{0,60}\bstops?\s+breathing|\bsleep\s+(?:study|apnea)|\bapnea\s+del\s+sueno"
    r"|\bahog\w*\s+en\s+un\s+vaso\s+de\s+agua|\bataque\s+de\s+risa|\bde\s+tanto\s+re[ií]r\w*|\blaughing\s+so\s+hard"
    r"|\b(?:giving|give|gave|gonna\s+give)\s+me\s+(?:a\s+)?(?:chest\s+pains?|heart\s+attack|stroke|aneurysm)"
    r"|\b(?:me|le|te)\s+va\s+a\s+dar\s+(?:un\s+)?(?:infarto|ataque)\s+(?:con|por)\s+"
    r"(?:esta|la|el|este|tanta?)\s+(?:factura|cuenta|cobro|precio|deuda)|\bahog\w*\s+(?:[\w']+\s+){0,2}(?:de|con|por)\s+"
    r"(?:este\s+|el\s+|tanto\s+)?calor|\bcon\s+este\s+calor\s+(?:me\s+)?(?:estoy\s+)?ahog\w*|\bod'?d\s+on\s+(?:coffee|caffeine"
    r"|sugar|candy|chocolate|netflix|tiktok)"
)
# a figure of death or killing said of effort or embarrassment, read for suicidal words too: "been killing
# myself at the gym", "me quería morir de la pena cuando me caí … jaja"
FIGURATIVE_DEATH = re.compile(
    r"\bkill\s+(?:himself|herself|myself)\s+if\s+(?:he|she|i)\s+(?:has|have)\s+to\b|\bjoke\s+(?:that\s+)?i\s+want\s+to\s+die"
    r"|\bbromeo\s+(?:con\s+)?(?:q|que)\s+me\s+quiero\s+morir|\b(?:kill\s+myself|kms)\s+(?:this|that|these|with\s+this)\s+(?:traffic|exam|test|class|homework|line|weather|job"
    r"|meeting|heat|week|paperwork)\b|\bme\s+quiero\s+(?:matar|morir)\s+con\s+(?:este|esta|el|la)\s+(?:parcial|examen|tarea|trafico|trabajo|calor|jefe"
    r"|clase|final)\b|\bme\s+quiero\s+(?:matar|morir)\W+(?:jaja\w*\W+)?(?:perdio|perdimos|gano|ganaron|empato)\b|\b(?:kill\s+myself|kms)\s+(?:lol|lmao+|haha\w*|jaja\w*|jk)\b|\b(?:lol|lmao+|haha\w*|jaja\w*)\s+(?:i'?ll\s+|gonna\s+)?"
    r"(?:kill\s+myself|kms)\b|\bkilling\s+myself\s+(?:at|in|with|over|doing)\s+(?:the\s+|my\s+|this\s+)?(?:gym|work|office|workouts?|training"
    r"|studying|homework|class|job|cardio|squats)|\b(?:quer[ií]a|quise|me\s+iba\s+a)\s+morir(?:me)?\s+de\s+(?:la\s+)?"
    r"(?:pena|verguenza|risa|vergüenza)\b"
)
# a story on a screen or in a game ("la novela de anoche, cuando a la protagonista le dio el infarto", "en el
# videojuego mi personaje se desangró"): a named condition there, or anything a character did, is fiction
FICTION = re.compile(
    r"\b(?:episod\w*|capitulo|novela|telenovela|serie|series|show|movie|pelicula|peli|videojuego|video\s*game|game"
    r"|juego|grey'?s|anatomy|netflix|tv|tele|documental|documentary|video|book|libro|novel|personaje|character"
    r"|thriller|story|plot|fiction|ficcion|cuento|script|guion)\b"
)
STORY_CHARACTER = re.compile(
    r"\b(?:personaje|protagonista|character|actor|actriz|actress|alguien|someone|una\s+senora|un\s+senor|a\s+(?:woman"
    r"|man|lady|guy)|una\s+mujer|un\s+hombre|villain|villano|victim|victima)\b"
)
_OWN_PERSON = re.compile(r"\b(?:i|i'?m|me|my|our|his|her|yo|mi|mis|nuestr[oa]s?|estoy)\b")
# an animal taken to the vet: "mi perro convulsionó ayer, ¿me recomiendan un veterinario?"
_ANIMAL = re.compile(
    r"\b(?:cat|dog|puppy|kitten|pet|gat[oa]|perr[oa]|perrit[oa]|gatit[oa]|mascota|hamster|conejo|rabbit|bird|pajaro"
    r"|loro|parrot|horse|caballo)s?\b"
)
_VET = re.compile(r"\b(?:vet|vets|veterinari\w*)\b")
_WHOSE_ANIMAL = re.compile(r"^\s*(?:de|of)\s+(?:mi|my|su|our|the|el|la|los|las)\s+[\w']+")
_PERSON = re.compile(
    r"\b(?:i|i'?m|me|my|mine|yo|mi|mis|he|she|him|her|they|them|ella|son|daughter|kid|child|baby|husband|wife|mom"
    r"|dad|hijo|hija|nino|nina|nene|nena|bebe|esposo|esposa|mama|papa|abuel[oa]|vecin[oa]|someone|alguien)\b"
)
JOKING = re.compile(
    r"\b(?:lol|lmao+|lmfao+|rofl|haha\w*|jaja\w*|jeje\w*|jk)\b|😂|🤣|\bcasi\s+me\s+(?:da|dio)\b|\balmost\s+(?:had|gave\s+me)\b|\bnearly\s+had\b"
)
# "if" after "not sure" / "wonder" asks about now; Spanish "si" is also "yes", so only its question forms
_IF = (
    r"(?:\b(?<!know\s)(?<!sure\s)(?<!wonder\s)(?<!wondering\s)(?<!tell\s)(?<!ask\s)(?<!asking\s)(?<!see\s)"
    r"(?<!check\s)(?<!whether\s)if|\bin\s+case\s+(?:of|i|you|he|she|someone)|\bshould\s+i\s+ever|\bfor\s+"
    r"(?:medical\s+)?emergencies|\bq(?:ue)?\s+(?:hago|hacemos|debo\s+hacer|pasa|hacer)\s+si|\ben\s+caso\s+de"
    r"|\bsi\s+(?:algun[ao]?\s+dia|alguna\s+vez|en\s+algun[ao]?\s+momento|llegara|llega\s+a)|\bif\s+ever)\b"
)
IF_CUE = re.compile(_IF)
# a hypothetical within eight words before a sign
HYPOTHETICAL = re.compile(_IF + r"(?:[^\w]+[\w']+){0,8}?[^\w]*$")
# "what do I do if my baby has a fever of 103 and won't wake up", "qué hago si mi hijo se tomó todas las
# pastillas": asking what to do now about one's own people is asking about now, not a hypothetical ("what
# should I do if I ever…" plans ahead)
_WHAT_IF_MINE = re.compile(
    r"\b(?:what\s+do\s+(?:i|we)\s+do|q(?:ue)?\s+(?:hago|hacemos))\s+(?:if|si)\s+(?:a\s+)?(?:my|mi|mis|our|nuestr\w*"
    r"|i|i'?m|yo|me|he|she|his|her)\b(?!(?:[^\w]+[\w']+){0,8}?[^\w]+(?:ever|alguna\s+vez|algun\s+dia)\b)"
    r"(?:[^\w]+[\w']+){0,8}?[^\w]*$"
)
# a sign said to be over right after it: "barking cough gone", "la tos ya se le quitó"
_PASSING = re.compile(r"(?:cough|tos|fever|fiebre|calentura|rash|sarpullido|wheez\w*|croup|crup)$")
_GONE_AFTER = re.compile(
    r"^\s*(?:is\s+|are\s+|has\s+)?(?:gone|went\s+away|ya\s+se\s+(?:le\s+|me\s+)?(?:fue|quito))\b"
)
# pain only when a spot is pressed is the chest wall's, said in its own part: "me duele el pecho solo cuando
# aprieto aquí en el hueso"
_ONLY_WHEN_PRESSED = re.compile(
    r"\bfrom\s+coughing|\bal\s+toser\b|\bwhen\s+i\s+cough|\bcuando\s+toso|\bsolo\s+cuando\s+(?:aprieto|presiono|toco)|\bcuando\s+me\s+(?:sacan|pinchan|ponen\s+(?:una\s+)?inyec\w*)"
    r"|\bwhen(?:ever)?\s+(?:i\s+)?(?:get|have)\s+(?:my\s+)?(?:blood\s+(?:drawn|taken)|shots?|needles?)|\bonly\s+(?:hurts\s+)?when\s+(?:i\s+)?(?:press|push|touch)"
)
# Words of clinic business: next to a named condition they mean its follow-up, not an emergency.
BUSINESS = re.compile(
    r"\b(?:follow[\s-]?up|check[\s-]?up|appointments?|appt|results?|tests?|x[\s-]?rays?|refills?|prescriptions?"
    r"|prevention|risk\s+factors?|class(?:es)?|course|insurance|rehab|therapy|screening|awareness|neurolog\w*"
    r"|cardiolog\w*|seguimiento|citas?|consultas?|custod\w*|autoriz\w*|authoriz\w*|consent\w*|resultados?|receta|prevencion|factores\s+de\s+riesgo|clases?|curso"
    r"|seguro|terapia|differen\w*|diferenc\w*|a\s+talk|una\s+charla|school\s+project|homework|tarea|prevent\w*"
    r"|previen\w*|prevenir|warning\s+signs"
    r"|learn\w*|reading|article|articulo|baseline|education|educacion|cpr|first\s+aid|primeros\s+auxilios"
    r"|support\s+group|grupo\s+de\s+apoyo|survivors?|sobrevivientes|families\s+of|familias\s+de|counsel\w*"
    r"|consejer\w*|grief|duelo|plan|action\s+plan|family\s+history|antecedentes|intake|formulario|death\s+certificate"
    r"|acta\s+de\s+defuncion|history\s+of|antecedentes\s+de|genetic|genetico|records?|expediente|referral|referido|referencia|orders?|transporte|transportation|ecografia|ultrasound|glucose|glucosa|vaccine|vacuna|flu\s+shot"
    r"|confirm\w*|reschedul\w*|cancel\w*|cambiar\s+mi\s+cita|botiquin|first[\s-]aid\s+kit|plane|avion|letter|carta"
    r"\s+(?:del|de\s+un)\s+doctor|dentist\w*|tooth|diente|form|formulario|intake|paperwork|blood\s*work|lab\s*work|labs|portal)\b"
)
_CLAUSE = re.compile(
    r"(?<!\d)\.(?!\d)|[!?;\n]+|\s(?:but|and\s+now|now|although|though|however|pero|y\s+ahora|ahora|aunque"
    r"|sin\s+embargo)\s"
)


def clauses(source: str) -> Iterator[tuple[int, int]]:
    """The (start, end) of each clause of `source` (a decimal point such as "39.5" splits nothing)."""
    start = 0
    for boundary in _CLAUSE.finditer(source):
        yield start, boundary.start()
        start = boundary.end()
    yield start, len(source)


_PART = re.compile(r",|\s(?:and|y|e)\s")


def _part(source: str, clause: tuple[int, int], match: re.Match[str]) -> str:
    """The sign's own part of its clause: from the "and" or comma before it to the one after it."""
    start = max((b.end() for b in _PART.finditer(source, clause[0], match.start())), default=clause[0])
    after = _PART.search(source, match.end(), clause[1])
    return source[start : after.start() if after else clause[1]]


@dataclass(frozen=True)
class Sign:
    """One way of saying an emergency.

    `deniable`: a denial just before it cancels it ("no chest pain"); signs that carry their own
    negation ("can't breathe", "no puede respirar") are never cancelled that way. `named`: the name
    of a condition, counted only when its clause says it is happening now. `also`: what the message
    must say as well, anywhere ("lips swollen" counts with something eaten, a sting, hives...).
    `cause`: a second thing it must say as well (a drug beside a rash and wheezing), read as `also`.
    `unless`: what, said anywhere, makes the sign ordinary ("I won't be around next week, I'm
    travelling"; a nosebleed that "stopped after 20 minutes").
    """

    kind: RedFlagKind
    pattern: re.Pattern[str]
    deniable: bool = True
    named: bool = False
    also: re.Pattern[str] | None = None
    cause: re.Pattern[str] | None = None
    unless: re.Pattern[str] | None = None

    @property
    def jokes_cancel(self) -> bool:
        """A joke, figure of speech or general question cancels only named conditions and generic
        alarms: nervous laughter beside "I took 20 pills" is no joke."""
        return self.named or self.kind == "other_emergency"


def sign(kind: RedFlagKind, *alternatives: str, **options: Any) -> Sign:
    """A `Sign` matching any of `alternatives`."""
    return Sign(kind, compile_any(*alternatives), **options)


# thoughts of it denied in so many words: "mood is better, no thoughts of self-harm, just still anxious"
_THOUGHTS_DENIED = re.compile(
    r"\b(?:no|not\s+having\s+(?:any\s+)?|never\s+had\s+(?:any\s+)?|denies|without|sin|ningun\s+)\s*(?:thoughts?|ideas?"
    r"|pensamientos?|ideacion|ideation|urges?)\s+(?:of|about|de)\s+$"
)
# suicidal words of the past are history only beside a recovery said in so many words, and nothing saying
# they are back ("I tried to kill myself in 2015, I'm in a good place now and want to restart therapy")
_RECOVERED = re.compile(
    r"\b(?:i'?ve|i\s+have|has|have|he'?s|she'?s)\s+been\s+(?:well|fine|good|ok|okay|stable|clean|sober)\b|\b(?:in\s+a\s+(?:good|better)\s+place|doing\s+(?:a\s+lot\s+|much\s+|so\s+much\s+)?(?:better|well|great|good)"
    r"|(?:i'?m|i\s+am)\s+(?:stable|well|fine|ok|okay|good)\b|recovered|(?:estoy|me\s+siento)\s+(?:mucho\s+|muy\s+)?(?:estable"
    r"|bien|mejor)|ya\s+(?:estoy|me\s+siento)\s+bien|are\s+gone|se\s+(?:me\s+)?(?:fueron|quitaron)|much\s+better)"
)
_RETURNING = re.compile(
    r"\b(?:again|back|lately|recently|these\s+days|this\s+week|tonight|today|otra\s+vez|de\s+nuevo|volvi\w*"
    r"|volvieron|ultimamente|esta\s+(?:noche|semana)|hoy|plan|pills|pastillas)\b"
)
# "all fine now", "ya estoy bien ahora": a "now" that says nothing is happening, so the past stays past
_REASSURED_NOW = re.compile(
    r"\b(?:fine|ok|okay|good|better|well|normal|bien|mejor)\s+(?:right\s+)?(?:now|ahora)\b"
    r"|\b(?:ahora|ahorita|now)\s+(?:estoy|esta|i'?m|he'?s|she'?s)\s+(?:bien|mejor|fine|ok|okay|good|better)\b"
    r"|\bfor\s+(?:years|months|a\s+long\s+time)\s+now\b|\b(?:he'?s|she'?s|i'?m|is|tiene)\s+\d+\s+(?:years?\s+(?:old\s+)?|anos\s+)?(?:now|ahora)\b|\bin\s+rehab(?:ilitation)?\s+now\b|\bnow\s+in\s+rehab|\b(?:desde\s+hace|por)\s+(?:anos|meses)\b"
)


def happening(sign: Sign, match: re.Match[str], source: str, clause: tuple[int, int]) -> bool:
    """Whether this mention of `sign`, in its clause, says the emergency is happening now."""
    before = source[clause[0] : match.start()]
    whole = source[clause[0] : clause[1]]
    suicidal = sign.kind == "suicidal"
    if RESOLVED.search(whole) or FIGURATIVE_DEATH.search(whole):
        return False
    if not suicidal and FIGURATIVE.search(whole):
        return False
    if _about_fiction_or_animal(sign, before, whole, source):
        return False
    if sign.jokes_cancel and (
        JOKING.search(whole) or GENERAL_QUESTION.search(whole) or ASKING_ONLY.search(source)
    ):
        return False
    after = source[match.end() : clause[1]]
    if not suicidal and _GONE_AFTER.search(after) and _PASSING.search(match.group()):
        return False
    if not suicidal and (ELSEWHERE.search(before) or LEARNING_AFTER.search(after)) and not NOW.search(whole):
        return False
    if sign.deniable and denied(before) and not match.group().startswith(SELF_NEGATED):
        return False
    now = NOW.search(_REASSURED_NOW.sub(" ", whole)) is not None
    # the past is read in the sign's own part of the sentence, not across "and" or a comma ("a history
    # of asthma and I can't breathe"; "he had a heart attack five years ago, he is grey and has a
    # stabbing pain in his chest": the heart attack is past, the chest pain is not). Suicidal words are
    # never "past": grief ("since my wife died I don't want to live") is a risk, not history.
    part = _part(source, clause, match)
    if suicidal and PAST.search(part) and _RECOVERED.search(source) and not _RETURNING.search(source):
        return False
    if suicidal and _THOUGHTS_DENIED.search(before):
        return False
    if (
        not suicidal
        and (PAST.search(part) or LIFELONG.search(part) or _ONLY_WHEN_PRESSED.search(part))
        and not now
    ):
        return False
    if sign.named and YEAR.search(part) and not now and not ACTIVE.search(whole):
        return False
    if HYPOTHETICAL.search(before) and not now and not _WHAT_IF_MINE.search(before):
        return False
    return not sign.named or now or bool(ACTIVE.search(whole)) or not BUSINESS.search(whole)


def _about_fiction_or_animal(sign: Sign, before: str, whole: str, source: str) -> bool:
    """Whether a mention is of a character on a screen (a named condition in a story, or a character's
    doing), or of an animal in a message that asks for a vet. A person's own emergency beside a screen
    ("watching a movie and suddenly my face went numb") is not: the sign's own subject must be the story."""
    if sign.kind != "suicidal" and not (NOW.search(whole) or SUDDEN.search(whole)):
        screens = list(FICTION.finditer(before))
        told = before[screens[-1].end() :] if screens else ""
        # "a show where someone …", or a named condition right after the story ("un video de un ataque al
        # corazón"), not "we were watching a movie and my son had a seizure"
        if screens and (STORY_CHARACTER.search(before) or (sign.named and not _OWN_PERSON.search(told))):
            return True
    animals = list(_ANIMAL.finditer(before))
    if not animals or _VET.search(source) is None:
        return False
    # the animal must be the one it happened to: "my dog bit my son and he is bleeding" is the son's; whose
    # animal it is may follow it ("el perro de mi vecino")
    between = _WHOSE_ANIMAL.sub(" ", before[animals[-1].end() :], count=1)
    return _PERSON.search(between) is None


def denied(before: str, *, companion: bool = False) -> bool:
    """Whether the words just before a mention deny it ("no vomiting"), not its stopping ("has not
    stopped vomiting", "no para de sangrar": those say it goes on)."""
    denial = DENIAL.search(before) or (_NOT_SINCE.search(before) if companion else None)
    return denial is not None and not CEASING.search(denial.group())


def _companion_said(also: re.Pattern[str], source: str) -> bool:
    """Whether what a sign needs said as well is said and not denied: "bumped my head, no vomiting,
    no confusion" is a bump; "hit my head and has not stopped vomiting" is not."""
    for start, end in clauses(source):
        for match in also.finditer(source, start, end):
            before = source[start : match.start()]
            if match.group().startswith(SELF_NEGATED) or not denied(before, companion=True):
                return True
    return False


def first_mention(sign: Sign, source: str) -> re.Match[str] | None:
    """The first mention of `sign` in `source` (folded) that says the emergency is happening."""
    for needed in (sign.also, sign.cause):
        if needed is not None and not _companion_said(needed, source):
            return None
    if sign.unless is not None and sign.unless.search(source):
        return None
    for clause in clauses(source):
        for match in sign.pattern.finditer(source, *clause):
            if happening(sign, match, source, clause):
                return match
    return None
