"""Ordinary clauses the nearest examples mistake for emergencies, told apart in words the signs understand.

The nearest-example reader (`semantic.py`) compares a clause with labelled examples by topic, not by
what is said of it: "i have like 4 pills left" lies beside "i've been collecting my pills", "a spot on
my nose that keeps bleeding a bit" beside a nosebleed that won't stop, "my husband was admitted to the
hospital last night" beside "my husband passed out", "mi nieto me va a llevar" beside a choking baby.
Held-out v8 had eight such false alarms, each 0.04 to 0.11 nearer an emergency than anything harmless,
while emergencies only that reader catches lead by 0.055 and up: no margin separates them, the words
do. Each class here is read as the signs read context (`context.py`), and each has a veto: any word of
what makes its emergency neighbour an emergency leaves the clause to the nearest examples.

- `supply_only`: how much medicine is left, for a refill ("me quedan 5 pastillas"), not a stockpile;
- `logistics_only`: getting there, parking, arrival time, a ride, a complaint about them, with no word of
  a body, a symptom or distress;
- `pill_form_only`: a pill too big to swallow, to crush or split, a liquid instead, with no word of
  taking them all, of a throat or of being unwell;
- `in_care`: someone already admitted or seen ("ya le hicieron radiografía en urgencias"), read like
  the past (a "now" brings it back);
- `mild_for`: a bleed or a rash said to be mild ("bleeds a little when I floss"), for those kinds only
  ("a little blue" is an emergency), and a rash said to be fading or asked about going away ("how long
  does the rash take to go away after stopping amoxicillin");
- `deferral_only`: a decision put off ("lo consulto y le escribo", "let me check my schedule and I'll text
  you back"), with no word of a body, a symptom, distress or a farewell;
- `companions_denied`: a rash or a knock on the head whose dangerous companions the message denies
  ("no swelling, breathing fine"; "no ha vomitado ni está confundido"; "pupils look normal") and none it
  affirms — as the signs read the head injury's companions.
"""

from __future__ import annotations

import re

from agents.understanding.redflags.context import clauses, denied
from agents.understanding.types import RedFlagKind

# Words that make a clause worth the nearest examples' reading whatever else it says: a body, a symptom,
# distress, medicine taken, help asked for. Broad on purpose: a veto only costs a false alarm.
_MEDICINE = r"pills?|pastillas?|tablets?"
_UNWELL = (
    r"breath\w*|breathe|respir\w*|aire|air\b|chok\w*|ahog\w*|asfix\w*|chest|pecho|heart|corazon|blood|bleed\w*"
    r"|sangr\w*|hemorrag\w*|unconscious|inconscient\w*|collaps\w*|desmay\w*|faint\w*|pass(?:ed|ing)?\s+out"
    r"|black(?:ed)?\s+out|wak\w*|despiert\w*|respond\w*|reacciona\w*|seiz\w*|convuls\w*|shak\w*|tembl\w*|vomit\w*"
    r"|throw\w*\s+up|threw\s+up|confus\w*|confundid\w*|swell\w*|swollen|hinch\w*|blue|azul\w*|morad\w*|gr[ae]y"
    r"|pale|palid\w*|numb\w*|entumid\w*|dormid\w*|slurr\w*|droop\w*|caid[oa]|stroke|derrame|overdos\w*|sobredosis"
    r"|suicid\w*|kill\w*|matar\w*|die|dying|dead|muer\w*|morir\w*|alive|vivir|help"
    r"|ayud\w*|911|ambulan\w*|pain|dolor\w*|duel\w*|hurt\w*|ache|sick|enferm\w*"
    r"|feel\w*|siento|sient\w*|dizz\w*|mare\w*|weak\w*|debil\w*|fever|fiebre|calentura|pregnan\w*|embaraz\w*"
    r"|no\s+sabe\s+donde|doesn'?t\s+know\s+where|no\s+reconoce|gone|anymore|ya\s+no|goodbye|adios|despedir\w*"
    r"|better\s+off|burden|carga|cansad\w*|tired|around|never\s+again|nunca\s+mas|ever\s+again|last\s+(?:time|visit)"
    r"|ultima\s+vez|mov\w*|muev\w*|ground|floor|suelo|piso|tirad[oa]|lying|laying|acostad\w*|accident\w*|crash\w*"
    r"|choc\w*|choque|atropell\w*|hit|struck|golpe\w*|peg\w*|fell|fall\w*|cay\w*|trip\w*|tropez\w*"
    r"|send\s+(?:someone|somebody|help|an?\s+ambulance)|manden|mande\s+a"
    r"|police|policia|fight\w*|pelea\w*"
)
_ACUTE = rf"{_UNWELL}|{_MEDICINE}"
_BODY = (
    r"head|cabeza|face|cara|arm|brazo|leg|pierna|hand|mano|eye|ojo|mouth|boca|lips?|labios?|tongue|lengua|throat"
    r"|garganta|neck|cuello|skin|piel|speak\w*|talk\w*|habla\w*|words?|palabras?|see|vision|vista|walk\w*|camin\w*"
)
# where emergencies go: beside getting there they may be the emergency ("take me to the ER"); beside
# someone already in care they are where the care is ("admitted to the hospital")
_PLACES = r"emergenc\w*|er|e\.r|urgencias|hospital"
_VETO = re.compile(rf"\b(?:{_ACUTE}|{_BODY}|{_PLACES})\b")
_ACUTE_ONLY = re.compile(rf"\b(?:{_ACUTE})\b")

_LOGISTICS = re.compile(
    r"\b(?:park\w*|estacion\w*|garage|garaje|valet|validat\w*|valid\w*|boleto|address|direccion|directions"
    r"|como\s+llegar|how\s+(?:do\s+i|to)\s+get\s+there|gps|map|mapa|ride|aventon|drive|driving|drop\s+(?:me\s+)?off"
    r"|dejar\s+en|pick\s+(?:me\s+)?up|recoger\w*|llevar|traer|bring\s+me|take\s+me|uber|taxi|bus|camion|arriv\w*"
    r"|get\s+there|llegar|how\s+early|cuanto\s+tiempo\s+antes|que\s+tan\s+temprano|first\s+(?:visit|time)"
    r"|primera\s+vez|new\s+patient|paciente\s+nuev[oa]|complaint|queja\w*|charg\w*|cobr\w*|attendant|guard\w*"
    r"|rude|grosero|yell\w*|grit\w*)\b"
)
# medicine on hand: "4 pills left", "down to my last 2", "me quedan como tres", "se me están acabando"
_SUPPLY = re.compile(
    r"\b(?:pills?|tablets?|capsules?|doses?|refills?|pastillas?|tabletas?|capsulas?|dosis|medicin\w*"
    r"|medicament\w*)\s+(?:[\w']+\s+){0,2}(?:left|remaining)\b|\b(?:only|just|like|about|around)\s+(?:[\w']+\s+)?"
    r"(?:left|remaining)\b|\bdown\s+to\s+(?:my|the)\s+last\b|\brunning\s+(?:low|out)\b|\bran\s+out\b|\bout\s+of\s+my\b"
    r"|\b(?:me|le)\s+quedan?\b|\bse\s+me\s+(?:estan\s+|esta\s+)?acab\w*|\bsolo\s+tengo\s+(?:[\w']+\s+){0,2}"
    r"(?:pastillas?|tabletas?|dosis)"
)
# what turns medicine on hand into a stockpile or a plan
_INTENT = re.compile(
    r"\b(?:all|every|enough|collect\w*|sav\w*|stash\w*|hoard\w*|hid\w*|keep\w*|kept|stor\w*|gather\w*|took"
    r"|found|got\s+into|gone|missing|empty|vacio|faltan?|encontr\w*|should\s+have|was\s+full|had\s+\d+|tenia\s+\d+"
    r"|tak\w*|swallow\w*|at\s+once|end|ends|die|kill\w*|sleep|todas?|suficientes?|junt\w*|guard\w*|ahorr\w*"
    r"|escond\w*|tom\w*|trag\w*|de\s+una\s+vez|acabar|morir|matar\w*|dormir|despertar|tonight|esta\s+noche"
    r"|alcohol|vodka|wine|vino|beer|cerveza)\b"
)
# the form of a pill a patient cannot get down: too big, to crush, split or chew, a liquid instead ("can't
# swallow the new pills, they're too big" lay 0.09 nearer "i've been collecting my pills" than anything
# harmless). Hard negatives could not carry the class: "I can't swallow pills, can I get the liquid" became
# the nearest harmless example of "i swallowed all my antidepressants", and it was missed.
_PILL = re.compile(
    r"\b(?:pills?|tablets?|capsules?|caplets?|meds|pastillas?|pildoras?|tabletas?|capsulas?)\b|\b(?:they'?re|they\s+are"
    r"|son|estan)\s+(?:too|so|really|muy|demasiado)\s+(?:big|large|grandes)"
)
_PILL_FORM = re.compile(
    r"\b(?:too|so|really|muy|demasiado)\s+(?:big|large|huge|grandes?|enormes?)|\b(?:crush\w*|split\w*|chewable|chew\s+(?:them|it|one)|be\s+chewed"
    r"|cut\s+(?:them|it|one)|in\s+half|a\s+la\s+mitad|liquid|liquid[oa]|jarabe|syrup|smaller|mas\s+(?:pequen\w*|chic\w*)"
    r"|gag\w*|arcadas|tritur\w*|part(?:ir|irlas?|o|e)|machac\w*|moler|applesauce|masticable\w*|masticarl[ao]s?)\b"
)
# what a pill's form does not explain: taken or got into ("chewed through a pack of my iron pills"), all of
# them, tonight, stuck in the throat — or any symptom
_PILL_RISK = re.compile(
    rf"\b(?:{_UNWELL}|throat|garganta|stuck|atora\w*|atasc\w*|all|every|enough|whole|bottle|todas|todos|frasco"
    r"|took|taken|swallowed|chewed\s+(?:through|up|on|some|an?|the)|ate|eaten|got\s+into|bit|pack|packet|blister|paquete|caja|mordi\w*|comio"
    r"|mastico|tome|tomo|se\s+tomo|trago|trague|tragado|tonight|esta\s+noche|at\s+once|de\s+una\s+vez"
    r"|junt\w*|together|end|ends|acab\w*|\d{2,})\b"
)
# already in care: admitted, in hospital, seen and treated (stitched, x-rayed, set) at the ER or urgent care
_IN_CARE = re.compile(
    r"\b(?:was|got|been|is|were|be|being)\s+(?:[\w']+\s+)?(?:admitted|hospitali[sz]ed)\b|\badmitted\s+(?:him|her|me|them)"
    r"|\b(?:is|she'?s|he'?s|i'?m|are)\s+(?:still\s+)?(?:in|at)\s+the\s+(?:hospital|icu)\b|\brecovering\s+(?:in|at)\b"
    r"|\b(?:the\s+)?(?:er|e\.r\.|emergency\s+room|urgent\s+care)\s+(?:already\s+)?(?:set|stitched|x-?rayed|checked"
    r"|treated|saw|put|gave|told|said|cleared|splinted)\b|\balready\s+(?:been\s+)?(?:seen|x-?rayed|stitched|treated"
    r"|checked|set)\b|\b(?:lo|la|le|los|las|me|nos)\s+(?:internaron|hospitalizaron|ingresaron)\b|\b(?:internad[oa]s?"
    r"|hospitalizad[oa]s?|ingresad[oa]s?)\b|\besta\s+(?:[\w']+\s+)?en\s+el\s+hospital\b|\bya\s+(?:[\w']+\s+){0,2}"
    r"(?:hicieron|vieron|revisaron|atendieron|cosieron|suturaron|enyesaron|pusieron|dieron|curaron)\b"
)
# said to be mild: only where that makes it mild (a bleed, a rash), never beside what makes it serious
_MILD = re.compile(
    r"\b(?:a\s+(?:tiny\s+|little\s+)?(?:little|bit|tad)|slight\w*|mild\w*|minor|tiny|small|un\s+poc(?:o|uito)"
    r"|poquit\w*|leve\w*|liger\w*|pequen\w*|chiquit\w*|nada\s+grave|nothing\s+(?:major|serious)|few|unos\s+pocos"
    r"|unas\s+(?:gotitas|pocas))\b"
)
# a rash on its way out: fading, clearing, getting better, or asked when it goes away (not a bleed: "how
# long until the bleeding stops" is asked of one that goes on)
_FADING = re.compile(
    r"\b(?:go(?:es|ing)?\s+away|gone|fad\w*|clear\w*\s+up|clearing|getting\s+better|improv\w*|heal\w*"
    r"|(?:se\s+)?(?:esta\s+)?quit\w*|se\s+(?:le\s+|me\s+)?(?:va|fue|quite)\b|desaparec\w*|mejor\w*|baj\w*|se\s+borr\w*)"
)
_MILD_WHAT = {
    "bleeding": re.compile(r"\b(?:bleed\w*|blood\w*|sangr\w*)"),
    "anaphylaxis": re.compile(
        r"\b(?:rash\w*|itch\w*|bumps?|hives|sarpullido|roncha\w*|comezon|picazon|pica\b|granit\w*)"
    ),
}
_SERIOUS = re.compile(
    r"\b(?:won'?t|wont|doesn'?t|does\s+not|not|can'?t|cannot|never)\s+(?:stop\w*|quit\w*)|\bkeeps?\s+(?:on\s+)?going"
    r"|\bhours?\b|\bminutes?\b|\bsoak\w*|\bthrough\b|\bgush\w*|\bspurt\w*|\bpour\w*|\ba\s+lot\b|\blots\b|\bso\s+much"
    r"|\bheavy|\bheavily|\bclots?\b|\beverywhere|\bthinners?|\bwarfarin|\beliquis|\bxarelto|\bcoumadin|\bpregnan\w*"
    r"|\bembaraz\w*|\bweeks\b|\bsemanas\b|\bvomit\w*|\bcough\w*|\btos\w*|\bstools?\b|\bpoop|\bheces|\bpopo|\burin\w*"
    r"|\borina\w*|\bpee\b|\bhead\b|\bcabeza|\bears?\b|\boido|\bno\s+(?:para|paro|se\s+(?:le\s+|me\s+)?detiene|deja)"
    r"|\bchorro\w*|\bmuch[oa]s?\b|\bempap\w*|\bhoras?\b|\bminutos\b|\bcoagul\w*|\banticoagul\w*|\bswell\w*|\bswollen"
    r"|\bhinch\w*|\bbreath\w*|\brespir\w*|\bthroat|\bgarganta|\blips?\b|\blabios?|\btongue|\blengua|\bface\b|\bcara\b"
    r"|\bdizz\w*|\bmare\w*|\bfaint\w*|\bdesmay\w*|\bblue|\bazul\w*|\bmorad\w*|\bwhole\s+body|\ball\s+over"
    r"|\btodo\s+el\s+cuerpo|\bpor\s+todo|\bwheez\w*|\bsilb\w*|\bchest|\bpecho|\btight\w*|\bapret\w*|\bpurpose"
    r"|\bproposito|\bmyself|\bwrists?\b|\bmunecas?\b|\bself|\bharm\w*|\baccident\w*|\bcrash\w*|\bchoque"
    r"|\bfell\b|\bcayo|\bsting|\bstung|\bpicadura|\babeja|\bbee\b|\bwasp|\bavispa|\bepi\w*pen|\banaphyla\w*"
    r"|\banafila\w*|\bspread\w*|\bextend\w*|\bwors\w*|\bpeor\b"
)
# the dangerous companions of a rash after a drug or food, and of a knock on the head: symptoms, which
# "no"/"sin"/"hasn't" deny, and functions and parts, which a negation does not deny ("not breathing",
# "no puede respirar" are the emergency) but "no trouble breathing" or "lips and throat are fine" do
_RASH_SYMPTOMS = re.compile(
    r"\b(?:swell\w*|swollen|hinch\w*|dizz\w*|mare\w*|faint\w*|desmay\w*|wheez\w*|silb\w*|vomit\w*)"
)
_RASH_FUNCTIONS = re.compile(
    r"\b(?:breath\w*|respir\w*|swallow\w*|trag\w*|throat|garganta|lips?|labios?|tongue|lengua|face|cara)\b"
)
_HEAD_COMPANIONS = re.compile(
    r"\b(?:vomit\w*|threw\s+up|throw\w*\s+up|thrown\s+up|puk\w*|confus\w*|confundid\w*|black(?:ed)?\s+out"
    r"|pass(?:ed)?\s+out|desmay\w*|faint\w*|dizz\w*|mare\w*|sleepy|drowsy|dormid\w*|adormilad\w*|unconscious"
    r"|inconscient\w*|seiz\w*|convuls\w*|numb\w*|weak\w*|slurr\w*|bleed\w*|sangr\w*|knocked\s+out)"
)
# what carries its own negation after a knock on the head: "no sabe dónde está", "won't wake up"
_HEAD_FUNCTIONS = re.compile(
    r"\b(?:know\w*|sabe|remember\w*|acuerda|recuerda|wak\w*|despiert\w*|asking|repeat\w*|pregunt\w*|sense"
    r"|walk\w*|camin\w*|speak\w*|talk\w*|habla\w*|see|ve|vision|vista|respond\w*|reacciona\w*|breath\w*"
    r"|respir\w*|face|cara|arms?|brazos?|legs?|piernas?|droop\w*|caid[oa]|chuec[oa]|words?|palabras?|pupil\w*)\b"
)
# what makes a knock on the head or a rash serious whatever companions are denied
_HEAD_SERIOUS = re.compile(
    r"\b(?:ears?|oido|oreja|nose|nariz|fluid|liquido|headache|dolor\s+de\s+cabeza|duele\s+mucho|worse\w*"
    r"|peor|thinners?|warfarin|eliquis|xarelto|coumadin|anticoagul\w*|baby|bebe|infant|newborn|roof|ladder|stairs"
    r"|escaleras?|techo|car|carro|coche|accident\w*|choque|bike|moto\w*|seiz\w*|convuls\w*|speech|slurr\w*|habla\w*"
    r"|vision|vista|see|ve|fever\w*|fiebre|calentura|temperature|temperatura)\b"
)
_RASH_SERIOUS = re.compile(
    r"\b(?:epi\w*pen|anaphyla\w*|anafila\w*|all\s+over|whole\s+body|todo\s+el\s+cuerpo|por\s+todo|spread\w*"
    r"|chest|pecho|tight\w*|apret\w*|voice|voz|hoarse|ronca|cough\w*|tos\w*|pale|palid\w*|blue|azul\w*|morad\w*"
    r"|sting|stung|picadura|abeja|bee|wasp|avispa|peanuts?|cacahuate|mani|shellfish|mariscos|camaron\w*|shrimp"
    r"|worse\w*|peor)\b"
)
# what the nearest examples call a knock on the head: a head injury, a stroke or bleed beside it, or a child's
# emergency ("my son hit his head at soccer, no vomiting, not confused, pupils look normal" lay nearest a
# feverish toddler) — not self-harm or an overdose, whatever the head
_HEAD_KINDS = frozenset({"other_emergency", "stroke", "bleeding", "child_fever"})
_HEAD_KNOCK = re.compile(
    r"\b(?:hit|hits|fell|banged|bumped|knocked|smacked|whacked|golpe\w*|cayo|pego|pegue)\b[^.!?;\n]{0,40}"
    r"\b(?:head|cabeza|forehead|frente)\b"
)
# said after a companion, "breathing fine", "lips and throat are fine", "respiro sin problema"
_FINE_AFTER = re.compile(
    r"^\W*(?:(?:and|y)\s+[\w']+\s+)?(?:(?:is|are|seems?|looks?|esta|estan|se\s+ven?|lucen?)\s+)?(?:fine|ok|okay"
    r"|normal\w*|good|bien|sin\s+problemas?|without\s+(?:any\s+)?(?:problem|trouble)|equal|the\s+same(?:\s+size)?"
    r"|iguales)\b"
)
# what makes "fine" after a function say the opposite: "not breathing good", "no respira bien"
_NEGATED = re.compile(
    r"\b(?:not|no|isn'?t|aren'?t|can'?t|cannot|couldn'?t|won'?t|doesn'?t|don'?t|never|nunca|ni)\s+(?:[\w']+\s+)?$"
)
_TROUBLE_DENIED = re.compile(
    r"\b(?:no|without|sin|not\s+any)\s+(?:trouble|problems?|difficulty|dificultad|problemas?)\s+(?:\w+\s+)?$"
)


# a decision put off: "lo consulto y le escribo", "déjame ver mi agenda y te aviso", "let me check my
# schedule and I'll text you back" (held-out v10's pick put off lay beside a farewell note)
_DEFERRAL = re.compile(
    r"\b(?:lo|la)\s+(?:consulto|pienso|hablo|reviso|checo|platico)\b|\b(?:dejame|dejeme)\s+(?:ver|revisar|checar"
    r"|pensar\w*|consultar\w*|preguntar\w*)\b|\b(?:te|le|les)\s+(?:aviso|confirmo|contesto)\b|\blet\s+me\s+(?:check"
    r"|think|look|ask)\b|\bi'?ll\s+(?:get\s+back\s+to\s+(?:you|u)|let\s+(?:you|u)\s+know|text\s+(?:you\s+|u\s+)?back)\b"
    r"|\b(?:(?:te|le)\s+escribo|escribo)\s+(?:luego|despues|mas\s+tarde|manana)\b"
    r"|\b(?:lo|la)\s+(?:consulto|pienso|hablo|reviso)\b\s+y\s+(?:te|le)\s+escribo\b"
)


def deferral_only(folded: str) -> bool:
    """Whether a clause only puts a decision off (checking a schedule, asking someone, writing back),
    with no word of a body, a symptom, distress or a farewell."""
    return _DEFERRAL.search(folded) is not None and _VETO.search(folded) is None


def logistics_only(folded: str) -> bool:
    """Whether a clause is only about getting to the clinic (parking, directions, a ride, arrival
    time, a first visit) or a complaint about it, with no word of a body, a symptom or distress."""
    return _LOGISTICS.search(folded) is not None and _VETO.search(folded) is None


def supply_only(folded: str) -> bool:
    """Whether a clause tells how much medicine is left (for a refill), not that it is being saved,
    counted as enough or about to be taken."""
    return _SUPPLY.search(folded) is not None and _INTENT.search(folded) is None


def pill_form_only(folded: str) -> bool:
    """Whether a clause only says a pill is hard to get down and asks for another form (smaller, liquid,
    crushed, split), with no word of taking them all, of a throat or of being unwell."""
    return bool(_PILL.search(folded) and _PILL_FORM.search(folded) and not _PILL_RISK.search(folded))


def in_care(folded: str) -> bool:
    """Whether a clause tells of someone already admitted or already seen and treated, with no acute
    symptom said beside it ("was admitted last night" is a reason to cancel, not a call to 911)."""
    return _IN_CARE.search(folded) is not None and _ACUTE_ONLY.search(_IN_CARE.sub(" ", folded)) is None


def mild_for(kind: RedFlagKind, folded: str) -> bool:
    """Whether a clause says a bleed or a rash is mild, with nothing that makes it serious: a few drops
    from a spot on the nose is no haemorrhage; "a little blue" or "a bit short of breath" are not read."""
    what = _MILD_WHAT.get(kind)
    said_mild = _MILD.search(folded) or (kind == "anaphylaxis" and _FADING.search(folded))
    return bool(what and what.search(folded) and said_mild and not _SERIOUS.search(folded))


def _mentions_all_denied(folded: str, symptoms: re.Pattern[str], functions: re.Pattern[str]) -> bool:
    """Whether companions are mentioned and every mention is denied: a symptom before ("no swelling", "ni
    está confundido", "hasn't thrown up"), a function or part only as fine ("breathing fine", "lips and
    throat are fine", "no trouble breathing") — "not breathing" and "no puede respirar" are trouble."""
    found = False
    for start, end in clauses(folded):
        for pattern in (symptoms, functions):
            for match in pattern.finditer(folded, start, end):
                found = True
                before, after = folded[start : match.start()], folded[match.end() : end]
                fine_after = _FINE_AFTER.match(after) is not None and _NEGATED.search(before) is None
                fine = _TROUBLE_DENIED.search(before) is not None or fine_after
                if not (fine or (pattern is symptoms and denied(before, companion=True))):
                    return False
    return found


def companions_denied(kind: RedFlagKind, folded_message: str) -> bool:
    """Whether the message denies the companions that would make its rash an allergic emergency, or
    its knock on the head a head injury, and affirms none of them."""
    if kind == "anaphylaxis" and not _RASH_SERIOUS.search(folded_message):
        return _mentions_all_denied(folded_message, _RASH_SYMPTOMS, _RASH_FUNCTIONS)
    if (
        kind in _HEAD_KINDS
        and _HEAD_KNOCK.search(folded_message)
        and not _HEAD_SERIOUS.search(folded_message)
    ):
        return _mentions_all_denied(folded_message, _HEAD_COMPANIONS, _HEAD_FUNCTIONS)
    return False
