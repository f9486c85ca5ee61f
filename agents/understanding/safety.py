"""Safety signals checked on every message, whatever the flow: emergencies and prompt injection.

Red flags favour recall — a missed "no puedo respirar" costs far more than an unneeded "call
911" — but phrases that only share words with an emergency ("chest x-ray results", "breathing
exercises class") do not match, and a sign denied just before it ("no chest pain", "sin dolor de
pecho") does not count. Both checks run on the folded text (accents, look-alike letters and
invisible characters already neutralised) and on its typo-corrected twin.
"""

from __future__ import annotations

import re

from agents.understanding.text import Text, vocabulary_of
from agents.understanding.types import RedFlag, RedFlagKind

_RED_FLAGS: list[tuple[RedFlagKind, re.Pattern[str]]] = [
    (
        "chest_pain",
        re.compile(
            r"\bchest\s+(?:pain|pains|pressure|tightness|hurts?|is\s+hurting|feels\s+(?:tight|heavy))"
            r"|\b(?:pain|pressure|tightness|squeezing)\s+in\s+(?:my|his|her|the)\s+chest"
            r"|\bmy\s+chest\s+(?:is\s+)?(?:hurts?|hurting|tight|killing\s+me)|\bheart\s+attack"
            r"|\bdolor\s+(?:de|en\s+el)\s+pecho|\bme\s+duele\s+(?:mucho\s+)?el\s+pecho"
            r"|\b(?:presion|opresion)\s+en\s+el\s+pecho|\bdolor\s+toracico|\binfarto(?!\s+cerebral)"
        ),
    ),
    (
        "stroke",
        re.compile(
            r"\bface\s+(?:is\s+)?droop|\bdrooping\s+(?:face|mouth)|\bface\s+droop|\bslurr(?:ed|ing)\s+(?:speech|words)"
            r"|\bspeech\s+is\s+slurred|\bcan'?t\s+(?:speak|talk)\s+(?:properly|clearly|right)"
            r"|\barm\s+(?:is\s+)?(?:weak|numb)|\b(?:arm|leg)\s+weakness|\bweakness\s+in\s+(?:my|his|her)\s+(?:arm|leg)"
            r"|\bnumb(?:ness)?\s+on\s+one\s+side|\bone\s+side\s+of\s+(?:my|his|her)\s+(?:face|body)"
            r"|\b(?:signs|symptoms)\s+of\s+a\s+stroke|\b(?:i\s+think|i'm|im|is)\s+(?:having|having\s+a)\s+(?:a\s+)?stroke"
            r"|\bcara\s+(?:caida|torcida)|\bse\s+(?:me|le)\s+cae\s+(?:la\s+cara|el\s+brazo)|\bboca\s+torcida"
            r"|\bhabla\s+arrastrada|\barrastra\s+las\s+palabras|\bno\s+(?:puedo|puede)\s+hablar\s+bien"
            r"|\bdebilidad\s+en\s+el\s+brazo|\bbrazo\s+(?:debil|dormido)|\bno\s+(?:puedo|puede)\s+mover\s+el\s+brazo"
            r"|\bderrame\s+cerebral|\bictus|\binfarto\s+cerebral"
        ),
    ),
    (
        "bleeding",
        re.compile(
            r"\bbleeding\s+(?:heavily|a\s+lot|badly|profusely|nonstop|won'?t\s+stop|will\s+not\s+stop|doesn'?t\s+stop)"
            r"|\b(?:heavy|severe|uncontrolled|uncontrollable)\s+bleeding|\b(?:won'?t|can'?t|cannot)\s+stop\s+(?:the\s+)?bleeding"
            r"|\blots\s+of\s+blood|\blosing\s+(?:a\s+lot\s+of\s+)?blood|\b(?:coughing|vomiting|throwing)\s+up\s+blood"
            r"|\bvomiting\s+blood|\bsangrado\s+(?:abundante|fuerte|grave|que\s+no\s+para)|\bsangra\s+mucho"
            r"|\bsangrando\s+mucho|\bno\s+(?:para|deja)\s+de\s+sangrar|\bhemorragia|\bmucha\s+sangre"
            r"|\b(?:vomitando|tosiendo)\s+sangre"
        ),
    ),
    (
        "breathing",
        re.compile(
            r"\b(?:can'?t|cannot|can\s+not|cant|unable\s+to)\s+breathe?\b|\b(?:trouble|difficulty|problems?)\s+breathing"
            r"|\bhard\s+to\s+breathe?\b|\bstruggling\s+to\s+breathe?\b|\bshort(?:ness)?\s+of\s+breath"
            r"|\bgasping\s+for\s+air|\bchoking|\b(?:not|stopped)\s+breathing|\blips\s+(?:are\s+|turning\s+)?blue"
            r"|\bno\s+(?:puedo|puede)\s+respirar|\b(?:me|le)\s+falta\s+(?:el\s+)?aire|\bfalta\s+de\s+aire"
            r"|\bdificultad\s+para\s+respirar|\b(?:me|se)\s+ahoga|\bme\s+ahogo|\bno\s+respira\b"
        ),
    ),
    (
        "suicidal",
        re.compile(
            r"\b(?:want|wanna|going)\s+(?:to\s+)?die\b|\bkill(?:ing)?\s+myself|\bend\s+(?:my|it\s+all|my\s+own)\s*life"
            r"|\bend\s+it\s+all|\btake\s+my\s+(?:own\s+)?life|\bsuicid(?:e|al)|\b(?:don'?t|do\s+not)\s+want\s+to\s+live"
            r"|\bno\s+reason\s+to\s+live|\bbetter\s+off\s+dead|\bhurt(?:ing)?\s+myself|\bself[\s-]?harm"
            r"|\bquiero\s+morir(?:me)?|\bmatarme|\bsuicid(?:arme|io|a)|\bno\s+quiero\s+vivir|\bquitarme\s+la\s+vida"
            r"|\bacabar\s+con\s+mi\s+vida|\bhacerme\s+dano|\bno\s+vale\s+la\s+pena\s+vivir"
        ),
    ),
    (
        "other_emergency",
        re.compile(
            r"\bunconscious|\bunresponsive|\bpassed\s+out\b|\bse\s+desmayo|\bseizure|\bconvuls|\boverdos|\banaphyla"
            r"|\bthroat\s+(?:is\s+)?(?:closing|swelling)|\bsevere\s+allergic\s+reaction|\bpoison(?:ed|ing)"
            r"|\b(?:this\s+is\s+an|it'?s\s+an|medical)\s+emergency|\binconsciente|\bno\s+responde\b"
            r"|\bsobredosis|\banafila|\bse\s+me\s+cierra\s+la\s+garganta|\benvenen|\bes\s+una\s+emergencia"
        ),
    ),
]
# A denial at most two words before the sign: "no chest pain", "never had trouble breathing".
_NEGATION = re.compile(
    r"\b(?:no|not|never|without|denies|don'?t|doesn'?t|didn'?t|sin|nunca|ni|ningun|ninguna)\s+(?:[\w']+\s+){0,2}$"
)

_OVERRIDE = (
    r"\b(?:ignore|disregard|forget|override|bypass)\s+(?:all\s+|any\s+)?(?:of\s+)?(?:your|the|previous|prior"
    r"|above|earlier|these|those)?\s*(?:previous\s+|prior\s+)?(?:instructions|rules|prompts?|directions|guidelines"
    r"|programming|restrictions|policies|system)"
    r"|\bignore\s+(?:everything|all|anything)\s+(?:above|before|previous|prior|you\s+were\s+told)"
    r"|\byou\s+are\s+now\b|\bfrom\s+now\s+on\s+you\s+(?:are|will|must)|\bpretend\s+(?:to\s+be|you\s+are)"
    r"|\bact\s+as\s+(?:a|an|the|my)?\s*(?:admin|doctor|developer|system|administrator|staff|dan)\b"
    r"|\bsystem\s+prompt|\bdeveloper\s+mode|\bjailbreak|\breveal\s+(?:your|the)\s+(?:prompt|instructions|system)"
    r"|\b(?:print|show|repeat)\s+(?:me\s+)?(?:your|the)\s+(?:system\s+|hidden\s+)?(?:prompt|instructions)"
    r"|\bnew\s+instructions\s*:|</?\s*system\s*>|\[\s*system\s*\]|#+\s*system\b|^\s*(?:system|assistant)\s*:"
    r"|\b(?:olvida|ignora|omite)\s+(?:todas\s+)?(?:tus|las|todo\s+lo)\s*(?:instrucciones|reglas|anterior|normas)"
    r"|\b(?:ahora|a\s+partir\s+de\s+ahora)\s+eres\b|\bactua\s+como\b|\bhaz\s+de\s+cuenta\s+que\s+eres"
    r"|\b(?:prompt|instrucciones)\s+del\s+sistema|\bmodo\s+(?:desarrollador|administrador)"
)
_OTHERS_DATA = (
    r"\bpatient\s*(?:#|number|no\.?|id)?\s*\d+|\bpaciente\s*(?:#|numero|n)?\s*\d+"
    r"|\b(?:other|another)\s+patients?'?s?\s+(?:appointments?|records?|data|info\w*|details|names?|phones?|files?)"
    r"|\bsomeone\s+else'?s\s+(?:appointments?|records?|data|info\w*|details)"
    r"|\b(?:show|list|give|tell|send|read|access|display|dump|export)\s+(?:me\s+)?(?:all\s+|every\s+|the\s+)*"
    r"(?:patients|users|patient\s+(?:list|records|data)|(?:other|another)\s+patients?)"
    r"|\bdatos\s+de\s+otr[oa]|\bcitas\s+de\s+otr[oa]s?\b|\b(?:todos\s+los|otros)\s+pacientes"
)
_AUTHORITY = (
    r"\b(?:i\s+am|i'm|im|this\s+is)\s+(?:the|your)\s+(?:doctor|admin|administrator|developer|nurse|physician"
    r"|system|operator|owner|manager)\b|\b(?:i\s+am|i'm|im)\s+(?:a|an)\s+(?:admin|administrator|developer"
    r"|system\s+administrator|operator)\b|\badmin\s+mode|\bas\s+(?:an?\s+)?(?:admin|administrator)\b|\bsudo\b"
    r"|\bsoy\s+(?:el|la|tu|su)\s+(?:doctor|doctora|medico|medica|administrador|administradora|admin|enfermera"
    r"|enfermero|desarrollador|desarrolladora)\b"
)
_INJECTION = re.compile(f"{_OVERRIDE}|{_OTHERS_DATA}|{_AUTHORITY}")
# Someone named by full name whose records are asked for: "James Smith's appointments", "¿qué
# citas tiene James Smith?". Read on the clean text: capitals tell a name from "my son's visit"
# (the family on a shared phone, which identity handles), and a doctor's name is no patient's.
_CAPITALISED = r"[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+"
_NOT_AFTER_TITLE = "".join(
    rf"(?<!{re.escape(t)}\s)" for t in ("Dr", "Dr.", "Dra", "Dra.", "Doctor", "Doctora")
)
_FULL_NAME = rf"(?<![\w.]){_NOT_AFTER_TITLE}(?!(?:Dr|Dra|Doctor|Doctora)\b){_CAPITALISED}\s+{_CAPITALISED}"
_NAMED_RECORDS = re.compile(
    rf"{_FULL_NAME}['’]s\s+(?:next\s+|upcoming\s+)?(?:appointments?|records?|results?|data|details|info\w*"
    rf"|files?|visits?|prescriptions?|phone(?:\s+number)?|birthday|date\s+of\s+birth)\b"
    rf"|\b(?:citas?|datos|resultados|historial)\s+(?:tiene|de\s+(?:la|el)\s+paciente)\s+{_FULL_NAME}"
)
VOCABULARY = vocabulary_of(
    ["breathe", "breathing", "breath", "bleeding", "suicide", "suicidal", "myself", "instructions",
     "previous", "disregard", "respirar", "sangrar", "sangrado", "instrucciones", "drooping", "slurred",
     "seizure", "unconscious", "emergency", "emergencia", "pressure", "tightness"]
)  # fmt: skip


def find_red_flag(text: Text) -> RedFlag | None:
    """The first emergency sign said (and not denied), with the words that said it."""
    for source in dict.fromkeys((text.folded, text.corrected)):
        for kind, pattern in _RED_FLAGS:
            for match in pattern.finditer(source):
                if not _NEGATION.search(source, 0, match.start()) or _self_negating(match):
                    return RedFlag(kind, text.quote(match))
    return None


def _self_negating(match: re.Match[str]) -> bool:
    """Spanish signs that start with "no" ("no puedo respirar") are not negated by it."""
    return match.group().startswith("no ")


def is_injection(text: Text) -> bool:
    """Whether the message tries to rewrite the agent's rules or identity or reach other patients."""
    if _NAMED_RECORDS.search(text.clean):
        return True
    return any(_INJECTION.search(source) for source in (text.folded, text.corrected))
