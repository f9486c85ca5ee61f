"""Presentations that need several things said anywhere in the message, not one sign in one clause.

- A child with a fever and a danger sign (limp, won't wake, not drinking, stiff neck, a rash that
  does not fade, a seizure), or an infant under three months with any fever.
- A pregnancy (said, or a number of weeks) and a warning sign (bleeding, severe pain, waters
  broken, the baby moving less, severe headache with vision changes or swelling); waters breaking
  or a miscarriage count alone.
- A fever with a stiff neck, confusion or unresponsiveness, at any age.
- A blood pressure in the crisis range (180 or more systolic, 120 or more diastolic) with a sign of
  harm (headache, vision, chest, breath, confusion, numbness or weakness).
- Stroke signs that are weak alone (a limb weak or numb, confusion, sudden vision loss, lost
  balance, a severe headache): two of them, or one that came on suddenly.
"""

from __future__ import annotations

import re

from agents.understanding.redflags.context import (
    SUDDEN,
    Sign,
    clauses,
    compile_any,
    first_mention,
    happening,
    near,
)
from agents.understanding.redflags.lexicon import LIMB, LIMB_WRONG, YOUNG
from agents.understanding.types import RedFlagKind

FEVER = re.compile(
    r"\b(?:fever|feverish|fevr|febrile|(?:high|alta)\s+(?:temp|temperature|temperatura)|(?:temp|temperature"
    r"|temperatura)\s+(?:[\w']+\s+){0,3}(?:\d+|high|alta|elevad\w*)|\d+(?:[.,]\d)?\s+(?:de\s+)?temperatura|10[2-7](?:[.,]\d)?\s*(?:f|degrees)?|10[01][.,]\d|101\s*(?:f|degrees)|3[89][.,]\d|3[89]\s+y\s+(?:pico|algo|medio)|38[1-9]\b|4[01]"
    r"(?:[.,]\d)?\s*(?:c|grados|degrees)?|(?:de|of)\s+3[89]|burning\s+up|fiebre|calentura|ardiendo|running\s+(?:a\s+)?(?:10[0-7]|3[89])|3[89]\s*(?:degrees|grados|°c?)"
    r"|(?:body|skin|cuerpo)\s+(?:is\s+)?(?:very\s+|so\s+|really\s+)?(?:hot|caliente)"
    r"(?:\s+en\s+fiebre)?|feels?\s+(?:really\s+|very\s+|so\s+)?hot|calientit[oa]|muy\s+caliente)\b"
)
CHILD = re.compile(rf"\b(?:{YOUNG})\b")
INFANT = re.compile(
    r"\b(?:newborn|recien\s+nacid\w*|(?:[1-9]|1[0-2])\s*(?:-|\s)?(?:days?|weeks?|wks?)\s*(?:-|\s)?old"
    r"|(?:1|2|one|two)\s*(?:-|\s)?months?\s*(?:-|\s)?old|(?:[1-9]|1[0-2])\s+(?:dias|semanas)\s+de\s+nacid\w*"
    r"|(?:1|2|un|dos)\s+mes(?:es)?\s+de\s+nacid\w*|(?:de|tiene)\s+(?:1|2|un|dos)\s+mes(?:es)?|de\s+(?:un\s+)?mes\s+y\s+medio"
    r"|tiene\s+(?:[1-9]|1[0-2])\s+semanas|(?:is|she'?s|he'?s)\s+(?:[1-9]|1[0-2])\s+weeks?\b(?!\s+(?:pregnant|along))"
    r"|de\s+(?:[1-9]|1[0-2])"
    r"\s+(?:dias|semanas)\b|(?:tiene|de)\s+(?:una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)\s+semanas"
    r"|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-]weeks?[\s-]old)"
)
DANGER = re.compile(
    r"\bno\s+(?:quiso|quiere|ha\s+querido)\s+(?:el\s+pecho|la\s+teta|mamar|comer|el\s+biberon|la\s+mamila|la\s+leche)"
    r"|\bnot\s+(?:sucking|nursing|latching)|\bno\s+(?:succiona|chupa|agarra\s+el\s+pecho)|\bvery\s+weak|\bjust\s+sleep\w*"
    r"|\bsolo\s+duerme|\baguadit[oa]|\btrapit\w*|\bno\s+me\s+sigue\s+con\s+la\s+mirada|\bse\s+queja\w*|\bbarely\s+waking"
    r"|\bno\s+quiere\s+despertar|\b(?:letharg\w*|limp|floppy|won'?t\s+wake|hard\s+to\s+wake|can'?t\s+wake|cannot\s+wake|not\s+waking"
    r"|won'?t\s+stay\s+awake|barely\s+(?:awake|wakes|opens)|(?:very|so|really|super|extremely)\s+(?:sleepy|drowsy"
    r"|tired)|drowsy|unresponsive|not\s+respond\w*|won'?t\s+respond|listless|out\s+of\s+it|glassy|zoned\s+out"
    r"|confus\w*|delirious|hallucinat\w*|saying\s+weird|not\s+(?:drinking|eating|feeding)|won'?t\s+(?:drink|eat"
    r"|feed|nurse)|refus\w+\s+(?:to\s+)?(?:drink|feed|nurse|bottle)|no\s+wet\s+diapers?|dry\s+diapers?|stiff\s+neck"
    r"|neck\s+(?:is\s+)?stiff|rash\s+(?:that\s+)?(?:doesn'?t|does\s+not|won'?t)\s+fade|purple\s+(?:spots|rash|dots)"
    r"|seizure|seizing|seziure|seziur|siezure|seizur|convuls\w*|rag\s+doll|barely\s+react\w*|not\s+reacting"
    r"|feeding\s+less|eating\s+less|kind\s+of\s+sleepy|sleepy|light\s+hurts|sensitive\s+to\s+(?:the\s+)?light"
    r"|neck\s+hurts|rash\s+(?:that\s+)?(?:doesn'?t|does\s+not|won'?t)\s+(?:go\s+away|disappear)|press\w*\s+a\s+glass"
    r"|como\s+id[oa]|no\s+(?:me\s+)?contesta|desmadejad\w*|no\s+quiere\s+despertar|apagad[oa]|apenas\s+abre\s+los\s+ojos|barely\s+rouse|hard\s+to\s+rouse"
    r"|can'?t\s+rouse|mollera\s+(?:[\w']+\s+){0,3}(?:abombada|inflada|hinchada|saltada|abultada)|bulging\s+(?:soft\s+spot|fontanel\w*)"
    r"|llanto\s+agudo|high[\s-]pitched\s+cry\w*|manchas\s+como\s+moretones|bruis\w*\s+(?:all\s+over|everywhere)"
    r"|manos\s+(?:y\s+pies\s+)?heladas|(?:hands|feet)\s+(?:and\s+(?:hands|feet)\s+)?(?:are\s+)?(?:ice\s+)?cold|just\s+staring|staring\s+(?:off|blankly|into\s+space)|not\s+(?:really\s+)?responding|not\s+crying|won'?t\s+look\s+at"
    r"|no\s+(?:me\s+)?mira|como\s+perdid\w*|mirada\s+perdida|no\s+llora|manchitas?\s+(?:violetas|moradas|morad\w*)"
    r"|no\s+se\s+(?:van|quitan|borran)\s+(?:cuando|al)\s+(?:aprieto|apretar|presion\w*)|sunken|hundid[oa]s|(?:won'?t|doesn'?t)\s+take\s+(?:his|her)\s+(?:bottle|sippy|cup)|diaper\w*\s+"
    r"(?:[\w']+\s+){0,3}dry|puntitos\s+(?:rojo|morad)\w*|se\s+siguen\s+viendo|vaso\s+encima|apenas\s+reacciona|le\s+molesta\s+la\s+luz|le\s+duele\s+el\s+cuello|shaking\s+(?:all\s+over|uncontrollabl\w*)|grunting|quejand\w*|respira\w*\s+(?:bien\s+|muy\s+)?rapid\w*|(?:turning|turned)\s+(?:blue"
    r"|gray|grey)|not\s+(?:acting\s+)?(?:like\s+)?(?:himself|herself)|decaid\w*|aletargad\w*|letargic\w*"
    r"|no\s+(?:se\s+)?despierta|no\s+(?:lo|la|le)\s+(?:puedo|podemos)\s+despertar|cuesta\s+despertar\w*|muy\s+"
    r"dormid\w*|dormilon\w*|somnolient\w*|adormilad\w*|no\s+responde|no\s+reacciona|flojit\w*|sin\s+fuerzas"
    r"|como\s+(?:un\s+)?trapo|no\s+quiere\s+(?:comer|tomar|mamar|beber)|no\s+(?:toma|come|mama|bebe)\b|no\s+moja\s+"
    r"(?:el\s+|los\s+)?panal|panal(?:es)?\s+sec\w*|cuello\s+(?:rigido|tieso|duro)|rigidez\s+(?:en\s+el|de)\s+cuello"
    r"|manchas\s+(?:moradas|rojas\s+que\s+no)|no\s+puede\s+(?:bajar|tocar|doblar)\s+(?:[\w']+\s+){0,3}(?:barbilla|menton)"
    r"|can'?t\s+(?:touch|put|bend|get)\s+(?:[\w']+\s+){0,3}chin|temblando\s+(?:todo|mucho)|casi\s+no\s+abre\s+los\s+ojos"
    r"|confundid\w*|delira\w*|se\s+(?:puso|esta\s+poniendo)\s+(?:morad|azul))"
)
PREGNANT = re.compile(
    r"\b(?:pregnan\w*|preggo|weeks\s+(?:along|pregnant)|expecting\s+(?:a\s+baby|twins)|trimester|embarazad\w*"
    r"|embarazo|semanas\s+de\s+(?:embarazo|gestacion)|encinta|gestacion|due\s+date)"
    r"|(?<!for\s)(?<!hace\s)(?<!past\s)(?<!last\s)(?<!durante\s)\b(?:[4-9]|[1-3]\d|4[0-2])\s*(?:weeks|wks|semanas)\b"
    r"(?!\s+ago)|\bcuantas\s+semanas|\b(?:en\s+)?la\s+semana\s+(?:[4-9]|[1-3]\d|4[0-2])\b|\bpataditas"
    r"|\bhad\s+(?:my|the|a)\s+baby\s+(?:\d+|a\s+few|two|three|four|five|six)\s+(?:days?|weeks?)\s+ago|\bgave\s+birth|\bpostpartum"
    r"|\b(?:el\s+)?bebe\s+(?:se\s+)?(?:movia|pateaba)\b|\bdi\s+a\s+luz|\btuve\s+(?:a\s+)?(?:mi|el)\s+bebe\s+hace|\bdespues\s+del\s+parto"
    r"|\bbaby'?s?\s+kicks?|\bkicks?\s+(?:from\s+)?(?:the\s+)?baby|\bestoy\s+de\s+(?:[3-9]|tres|cuatro|cinco|seis|siete|ocho|nueve)\s+meses"
)
WARNING = compile_any(
    r"\b(?:bleed\w*|blood\s+(?:clots?|everywhere|gushing|coming\s+out)|(?:lots\s+of|a\s+lot\s+of|so\s+much)\s+blood"
    r"|clots?|severe\s+(?:pain|cramp\w*|headache)|sharp|stabbing|faint\w*|agony|agonizing|unbearable|constant\s+pain"
    r"|kicks\s+(?:[\w']+\s+){0,3}(?:weak|few|less|fewer|stopped)|fluid\s+(?:[\w']+\s+){0,2}(?:gushing|leaking|running)"
    r"|gush\w*|(?:really|very|so)\s+bad\s+(?:pain|cramps)|pain\s+(?:[\w']+\s+){0,4}"
    r"(?:so|really|very)\s+bad|can'?t\s+stand\s+up|(?:water|waters)\s+(?:broke|broken|has\s+broken|just\s+broke)"
    r"|leaking\s+(?:fluid|water)|(?:baby|babies)\s+(?:[\w']+\s+){0,2}(?:isn'?t|is\s+not|stopped|hasn'?t|has\s+not|not"
    r"|no\s+longer|barely)\s+(?:[\w']+\s+)?(?:moving|move|moved|kicking|kicked)|(?:haven'?t|have\s+not|can'?t|cannot"
    r"|not)\s+felt?\s+(?:[\w']+\s+){0,2}(?:baby|kicks?|movement)|(?:less|fewer|reduced|decreased)\s+(?:movement"
    r"|movements|kicks|kicking)|moving\s+(?:a\s+lot\s+|much\s+)?less|(?:barely|hardly)\s+(?:moving|kicking)"
    r"|blurr\w*\s+vision|seeing\s+(?:spots|stars|flashes)|flashing\s+lights|vision\s+(?:is\s+)?(?:blurry|blurred)"
    r"|swollen\s+(?:face|hands)|(?:face|hands)\s+(?:[\w']+\s+){0,3}(?:swollen|swelled|swelling)|swell\w*\s+up"
    r"|head\s+(?:is\s+)?pounding|pounding\s+headache|seizure|convuls\w*|contractions|hard\s+as\s+a\s+rock"
    r"|rear[\s-]?ended|car\s+(?:accident|crash|wreck)|under\s+(?:my\s+)?(?:right\s+)?ribs|(?:bp|blood\s+pressure)\s+(?:[\w']+\s+){0,3}1[4-9]\d\s*/\s*(?:9|1[0-2])\d"
    r"|soak\w*\s+(?:[\w']+\s+){0,2}pads?\s+(?:every|an?)\s+hour|clots?\s+(?:[\w']+\s+){0,2}(?:bigger|larger)|(?:some|a\s+little)\s+pressure\s+down\s+there"
    r"|(?:fell|fall|landed|hit|kicked|punched)\s+(?:[\w']+\s+){0,5}(?:belly|stomach|tummy|abdomen)|labou?r\s+pains|shoulder\s+(?:tip\s+)?pain"
    r"|(?:cramps?|contractions?|pains?|tightenings?)\s+(?:[\w']+\s+){0,3}every\s+(?:\d+|few|couple|two|three|four|five|six"
    r"|seven|eight|nine|ten|fifteen)|(?:lots?\s+of|a\s+lot\s+of|so\s+much|strong|heavy)\s+pressure\s+(?:down\s+there|in\s+(?:my\s+)?"
    r"(?:pelvis|vagina|bottom))|bright\s+red\s+blood|soak\w*\s+(?:through\s+)?(?:a\s+|my\s+|the\s+)?(?:pad|pants|towel|sheets))",
    r"\b(?:sangrado|sangrando|sangro|sangrar|sangra\b|empec\w*\s+a\s+sangrar|moj\w*\s+(?:el\s+|la\s+|los\s+|las\s+)?(?:pantalon|toalla|calzon|ropa|cama|sabanas)|sangre\s+roja\s+brillante|rojo\s+brillante|(?:mucha|bastante)\s+sangre|sangre\s+(?:abundante|roja|a\s+chorros)"
    r"|coagulos|dolor\s+(?:[\w']+\s+){0,3}(?:muy\s+)?(?:fuerte|intenso|terrible|horrible)|ve\s+borroso"
    r"|duele\s+(?:mucho\s+)?la\s+(?:cabeza|panza|barriga)|desmay\w*|jaqueca|destellos|dura\s+como\s+(?:una\s+)?piedra"
    r"|fortisim\w*|no\s+(?:he\s+)?sentido\s+(?:las\s+)?pataditas|pataditas\s+(?:[\w']+\s+){0,2}(?:menos|no)|colicos\s+(?:muy\s+)?fuertes|(?:rompio"
    r"|rompi|revento|se\s+rompio|se\s+me\s+rompio)\s+(?:la\s+)?(?:fuente|bolsa)|fuente\s+rota|perdiendo\s+liquido"
    r"|(?:sale|saliendo)\s+(?:mucho\s+)?liquido|\bme\s+(?:salio|sale|esta\s+saliendo)\s+(?:un\s+)?(?:chorro\s+de\s+|mucha\s+)?(?:agua|liquido)|chorro\s+de\s+(?:agua|liquido)"
    r"|(?:me\s+cai|se\s+cayo|me\s+di|me\s+pegue|golpe\w*)\s+(?:[\w']+\s+){0,5}(?:panza|barriga|vientre|estomago)|dolores\s+(?:como\s+)?de\s+parto"
    r"|(?:dura|duro|apretad\w*)\s+cada\s+\d|hoy\s+casi\s+nada|solo\s+una\s+vez\s+en\s+toda|debajo\s+de\s+las\s+costillas"
    r"|presion\s+(?:[\w']+\s+){0,4}1[4-9]\d\s*/\s*(?:9|1[0-2])\d|me\s+duele\s+muy\s+fuerte|(?:me\s+)?choca\w+|accidente\s+de\s+(?:carro|auto|coche|transito)|me\s+duele\s+(?:much\w*|horrible|demasiado)|dolor\s+(?:en\s+el\s+|de\s+)?hombro|me\s+duele\s+el\s+hombro"
    r"|me\s+siento\s+(?:muy\s+)?debil|(?:colicos|contracciones|dolores)\s+(?:[\w']+\s+){0,3}cada\s+(?:\d+|cinco|diez|pocos|dos|tres)|presion\s+(?:muy\s+fuerte\s+)?(?:ahi\s+)?abajo|\bse\s+me\s+(?:salio|esta\s+saliendo|sale)\s+(?:mucha\s+)?agua|(?:el|mi)\s+bebe\s+(?:ya\s+)?no\s+se\s+(?:mueve|ha\s+movido)"
    r"|se\s+mueve\s+(?:[\w']+\s+)?(?:menos|poco)|no\s+siento\s+que\s+se\s+mueva|(?:casi\s+)?no\s+se\s+ha\s+movido"
    r"|no\s+(?:siento|he\s+sentido)\s+(?:al|que\s+el|a\s+mi)\s+bebe|se\s+mueve\s+(?:menos|poco)|vision\s+borrosa"
    r"|veo\s+(?:borroso|lucecitas|manchas|puntitos|luces)|dolor\s+de\s+cabeza\s+(?:muy\s+)?(?:fuerte|intenso"
    r"|terrible)|hinchad\w*\s+(?:la\s+cara|las\s+manos)|se\s+me\s+hinch\w*\b(?!\s+(?:los|las|mis)\s+(?:tobillos|pies|piernas))|contracciones|mareo|me\s+mareo)",
)
ALONE = re.compile(
    r"\b(?:my|her)\s+(?:water|waters)\s+(?:just\s+)?(?:broke|broken)|\b(?:se\s+(?:me|le)\s+)?(?:rompio|revento)\s+"
    r"(?:la\s+)?fuente|\bromp\w+\s+(?:la\s+)?fuente|\bmiscarr\w+|\baborto\s+espontaneo|\bestoy\s+abortando"
    r"|\bpreeclamp\w*|\bectopic"
)
_MENINGITIS = re.compile(
    r"stiff|rigid|tieso|confus|unresponsive|no\s+responde|seiz|convuls|rash|glass|purple|morad|vaso"
)
STROKE_HINTS = [
    compile_any(
        near(LIMB, LIMB_WRONG, 3),
        r"\bdragging\s+(?:his|her|my)\s+(?:foot|leg)|\barrastr\w*\s+(?:el|la)\s+"
        r"(?:pie|pierna)",
    ),
    compile_any(
        near(r"face|cara", r"off|weird|wrong|strange|different|funny|numb|rara|raro|dormid|entumid", 3)
    ),
    compile_any(
        r"\b(?:confus\w*|disoriented|doesn'?t\s+(?:know|recognize)|can'?t\s+(?:understand|follow)|not\s+making\s+"
        r"sense|confundid\w*|desorientad\w*|no\s+(?:me\s+)?reconoce|no\s+sabe\s+donde)"
    ),
    compile_any(
        r"\b(?:lost|losing|can'?t\s+see|cannot\s+see|can\s+not\s+see|vision\s+(?:loss|went|is\s+(?:gone|black|blurry|weird|off|strange|dark))"
        r"|double\s+vision|seeing\s+double|(?:sees|seeing|see)\s+two\s+of\s+everything|eyes\s+look\s+off|blind\s+in|curtain|perdio\s+la\s+vista|no\s+ve\b|no\s+veo\b|vision\s+doble"
        r"|ve\s+doble|veo\s+doble|se\s+le\s+nublo|veo\s+borroso|ve\s+borroso|vista\s+borrosa|cieg[oa]|cortina)(?:\s+(?:[\w']+\s+){0,3}(?:eye|vision|sight|ojo"
        r"|vista))?"
    ),
    compile_any(
        r"\b(?:lost\s+(?:his|her|my)\s+balance|falling\s+to\s+one\s+side|leaning\s+to\s+one\s+side|walking\s+like\s+"
        r"(?:he'?s|she'?s|he\s+is|she\s+is)\s+drunk|can'?t\s+(?:walk|stand)(?:\s+straight)?|stumbling|keeps\s+falling"
        r"|dizzy|vertigo|perdio\s+el\s+equilibrio|no\s+(?:puede|puedo)\s+(?:caminar|pararse|pararme)|mareo|mareado|mareando"
        r"|mareada|se\s+va\s+de\s+lado)"
    ),
    compile_any(
        r"\b(?:severe|terrible|horrible|intense|bad|sudden|explosive|worst)\s+headache|\bpop\s+in\s+(?:my|his|her)\s+head"
        r"|\bworst\s+pain\s+(?:ever|of\s+(?:my|his|her)\s+life)|\bheadache\s+(?:like|out\s+of)"
        r"|\bdolor\s+de\s+cabeza\s+(?:muy\s+)?(?:fuerte|intenso|terrible|horrible)|\b(?:latigazo|estallido|explosion)"
        r"\s+en\s+la\s+cabeza|\bnunca\s+me\s+(?:habia|ha)\s+dolido\s+(?:asi|tanto)\s+(?:la\s+cabeza)?"
    ),
]


# A hypertensive crisis: a reading of 180 or more over anything, or anything over 120 or more, with a
# sign that organs are suffering (headache, vision, chest, breath, confusion, numbness or weakness).
# The reading alone ("190/110 and I feel fine") is a same-day call to the doctor, not 911.
_READING = re.compile(
    r"\b(?P<high>\d{2,3})\s*(?:/|over|sobre|con|x)\s*(?P<low>\d{2,3})\b(?!\s*(?:dollars|dolares|bucks|\$|%))"
    r"|\b(?:bp|b\.p\.|blood\s+pressure|pressure|presion(?:\s+arterial)?|tension(?:\s+arterial)?|la\s+alta)"
    r"\s+(?:[\w']+\s+){0,3}?(?P<alone>1[89]\d|2\d\d)\b(?!\s*(?:/|over|sobre|dollars|dolares|\$|mg|lbs|pounds|libras))"
)
_PRESSURE_WORDS = re.compile(
    r"\b(?:bp|b\.p\.|blood\s+pressure|pressure|presion|tension|systolic|sistolica|la\s+alta)\b"
)
_ORGANS = re.compile(
    r"\b(?:headache|head\s+(?:is\s+)?(?:pounding|killing|hurts)|pounding\s+head|blurr\w*|vision|seeing\s+(?:spots|double)"
    r"|chest|short\s+of\s+breath|can'?t\s+breathe|trouble\s+breathing|confus\w*|numb\w*|weak\w*|slurr\w*"
    r"|nosebleed|nose\s+(?:is\s+)?bleeding|vomit\w*|throwing\s+up|dizz\w*|dolor\s+de\s+cabeza|duele\s+(?:[\w']+\s+){0,2}la\s+cabeza|cabeza\s+(?:me\s+)?(?:duele|late|revienta)"
    r"|cabeza\s+(?:me\s+)?(?:va\s+a\s+explotar|explota)|borros\w*|veo\s+(?:lucecitas|manchas|puntitos|doble)|pecho|falta"
    r"\s+(?:de\s+)?aire|no\s+puedo\s+respirar|confundid\w*|entumid\w*|hormigue\w*|debil\w*|sangr\w+\s+(?:de\s+)?la\s+nariz"
    r"|vomit\w*|mare\w*)"
)


def _crisis_reading(source: str) -> re.Match[str] | None:
    """The first blood-pressure reading in a crisis range (systolic ≥ 180 or diastolic ≥ 120) that is
    not past, denied or hypothetical ("it was 200/120 last month" is history)."""
    reading = Sign("other_emergency", _READING)
    for clause in clauses(source):
        for match in _READING.finditer(source, *clause):
            if match["alone"]:
                crisis = True
            else:
                high, low = int(match["high"]), int(match["low"])
                plausible = 60 <= high <= 300 and 30 <= low < high
                said = _PRESSURE_WORDS.search(source) or high >= 150  # "210/130" needs no "bp" beside it
                crisis = plausible and bool(said) and (high >= 180 or low >= 120)
            if crisis and happening(reading, match, source, clause):
                return match
    return None


def _first(pattern: re.Pattern[str], source: str) -> re.Match[str] | None:
    """The first mention of `pattern` that is not denied, past or hypothetical."""
    return first_mention(Sign("other_emergency", pattern), source)


def specific_red_flag(source: str) -> tuple[RedFlagKind, str] | None:
    """A child's fever with a danger sign, or a pregnancy with a warning sign: read before the single
    signs so that "my baby has a fever and won't wake up" is a child's fever, not just collapse."""
    fever = _first(FEVER, source)
    if fever and CHILD.search(source):
        if danger := _first(DANGER, source):
            return "child_fever", danger.group()
        if infant := INFANT.search(source):
            return "child_fever", f"{infant.group()} ... {fever.group()}"
    pregnant = PREGNANT.search(source) or ALONE.search(source)
    if pregnant and (sign := _first(ALONE, source) or _first(WARNING, source)):
        return "pregnancy", sign.group()
    return None


def combined_red_flag(source: str) -> tuple[RedFlagKind, str] | None:
    """A fever with a sign of meningitis at any age, a hypertensive crisis, or stroke signs weak alone
    (two, or one sudden)."""
    fever = _first(FEVER, source)
    danger = _first(DANGER, source)
    if fever and danger and _MENINGITIS.search(danger.group()):
        return "other_emergency", f"{fever.group()} ... {danger.group()}"
    reading = _crisis_reading(source)
    if reading and (organs := _first(_ORGANS, source)):
        return "other_emergency", f"{reading.group()} ... {organs.group()}"
    hints = [match for pattern in STROKE_HINTS if (match := _first(pattern, source))]
    if len(hints) >= 2 or (hints and SUDDEN.search(source)):
        return "stroke", hints[0].group()
    return None
