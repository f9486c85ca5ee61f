"""Manipulation attempts, checked on every message whatever the flow (emergencies: redflags.py).

The check runs on the folded text (accents, look-alike letters and invisible characters already
neutralised) and on its typo-corrected twin, so "ignоre yоur instructiоns" in Cyrillic still counts.
"""

from __future__ import annotations

import re

from agents.understanding.othersdetails import asks_others_details
from agents.understanding.text import Text, vocabulary_of

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
    # the clinic's lists of who is seen ("the list of patients who have appointments with Dr. Raman")
    r"|\b(?:list|names|roster)\s+of\s+(?:the\s+|all\s+(?:the\s+)?|your\s+)?patients\b"
    r"|\b(?:lista|nombres)\s+de\s+(?:los\s+|todos\s+los\s+|sus\s+)?pacientes\b"
    r"|\b(?:who|which\s+patients)\s+(?:has|have|is|are)\s+(?:got\s+)?(?:an?\s+)?(?:appointments?|appts?)\s+with\b"
    r"|\bquien(?:es)?\s+tienen?\s+citas?\s+con\b"
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
# a place, not a person: "la dirección de Riverside Health", "the number of Mercy Hospital"
_PLACE = (
    r"(?i:health|clinic|clinica|clínica|hospital|center|centre|centro|medical|pharmacy|farmacia|care|salud"
    r"|lab|laboratory|laboratorio|office|oficina|urgent|street|avenue|road|calle|avenida|station|estaci[oó]n"
    r"|airport|aeropuerto|hotel|school|escuela|bank|banco|church|iglesia|insurance|seguros?|department|services?)"
)
# How to reach someone and who they are: "phone number", "cell", "date of birth", "la dirección", "su edad".
_PERSONAL = (
    r"(?i:tel[eé]fono|n[uú]mero(?:\s+de\s+(?:tel[eé]fono|celular|cel))?|celular|cel|direcci[oó]n|domicilio|correo"
    r"(?:\s+electr[oó]nico)?|email|e-mail|(?:home\s+|email\s+|mailing\s+)?address|(?:phone|cell|mobile)(?:\s+number|\s+#)?"
    r"|date\s+of\s+birth|birth\s*date|birthday|dob|age|fecha\s+de\s+nacimiento|cumplea[nñ]os|edad)"
)
_NAMED_RECORDS = re.compile(
    rf"{_FULL_NAME}['’]s\s+(?:next\s+|upcoming\s+)?(?:appointments?|records?|results?|data|details|info\w*"
    rf"|files?|visits?|prescriptions?|phone(?:\s+number)?|birthday|date\s+of\s+birth)\b"
    rf"|\b(?:citas?|datos|resultados|historial)\s+(?:tiene|de\s+(?:la|el)\s+paciente)\s+{_FULL_NAME}"
    # "el teléfono y la dirección de Maria Garcia", "the phone number and date of birth of Ana Rodriguez":
    # how to reach her, and who she is
    rf"|\b{_PERSONAL}(?:\s*(?:,|(?i:y|o|and|or|,\s*and|&))\s*(?i:la|el|su|the|her|his)?\s*{_PERSONAL}){{0,3}}"
    rf"\s+(?i:de|of|for)\s+(?!(?:\w+\s+){{0,2}}{_PLACE}\b){_FULL_NAME}"
)
# An adult relative named in full whose appointment or records are asked about: "I'm calling for
# my mother Maria Garcia, can you cancel her appointment" — another patient's records (a child on
# the family's phone is identity's business, not this).
_ADULT_RELATIVE = re.compile(
    rf"\b(?:for|on\s+behalf\s+of|about)\s+my\s+(?:mother|mom|mum|father|dad|wife|husband|sister|brother|friend"
    rf"|neighbou?r|grandmother|grandma|grandfather|grandpa|aunt|uncle|partner|boss)\s*,?\s+{_FULL_NAME}"
    rf"|\b(?:por|para|de)\s+mi\s+(?:madre|mamá|mama|padre|papá|papa|esposa|esposo|marido|hermana|hermano|amiga|amigo"
    rf"|abuela|abuelo|tía|tia|tío|tio|pareja|vecina|vecino)\s*,?\s+{_FULL_NAME}"
)
_THEIR_RECORDS = re.compile(
    # "her upcoming appointments", "what her last labs showed", "sus próximas citas", "sus últimos análisis"
    r"\b(?:her|his|their)\s+(?:(?:next|upcoming|last|latest|recent|most\s+recent)\s+)?(?:appointments?|appts?|records?"
    r"|results?|labs?|lab\s+(?:results|work)|test\s+results|blood\s*work|visits?|prescriptions?|bill|date\s+of\s+birth"
    r"|birthday|phone(?:\s+number)?|address)\b"
    r"|\bsus?\s+(?:(?:proxim[oa]s?|próxim[oa]s?|ultim[oa]s?|últim[oa]s?)\s+)?(?:citas?|turnos?|historial|resultados"
    r"|analisis|análisis|estudios|examenes|exámenes|recetas?|factura|fecha\s+de\s+nacimiento|telefono|teléfono"
    r"|direccion|dirección|cumpleaños)\b|\b(?:la\s+)?cita\s+de\s+mi\b",
    re.IGNORECASE,
)
# Someone outside the family (a neighbour, a friend) whose records are asked for: "my neighbor's
# appointment", "la cita de mi vecino", or "when is maria garcia's next appointment? she's my neighbor"
# (a name in lower case is a name all the same when an outsider is who it is about).
_OUTSIDER = (
    r"(?:neighbou?rs?|friends?|co-?workers?|colleagues?|boss|roommates?|landlord|tenants?|ex|exes|ex-?wife"
    r"|ex-?husband|ex-?partner|(?:girl|boy)friends?|fiancee?|employees?|employers?|clients?|vecin[oa]s?"
    r"|amig[oa]s?|companer[oa]s?|jef[ea]s?|ex-?espos[oa]|ex-?pareja|ex-?marido|novi[oa]s?|inquilin[oa]s?"
    r"|caser[oa]s?|emplead[oa]s?|client[ea]s?)"
)
# The grown-ups of the family: a patient with a phone and records of their own. (A child on the family's
# phone is identity's business, namewords.RELATIVES, not this: "my son's appointment" is the writer's to ask.)
_ADULT_KIN = (
    r"(?:wife|husband|spouse|partner|mother|mom|mum|mommy|mama|father|dad|daddy|papa|parents?|sisters?"
    r"|brothers?|siblings?|aunt|uncle|cousins?|grandmother|grandma|granny|grandfather|grandpa|grandparents?"
    r"|(?:mother|father|sister|brother|son|daughter)s?-in-law|in-laws|step-?(?:mother|father|mom|dad)"
    r"|espos[oa]|marido|pareja|madre|mama|padre|papa|padres|herman[oa]s?|ti[oa]s?|prim[oa]s?|abuel[oa]s?"
    r"|suegr[oa]s?|cunad[oa]s?|yerno|nuera|madrastra|padrastro|concunad[oa])"
)
_RECORD = (
    r"(?:next\s+|upcoming\s+)?(?:appointments?|appt|records?|results?|visits?|prescriptions?|date\s+of\s+birth"
    r"|birthday|phone(?:\s+number)?|address)"
)
_VISIT_RECORD = (
    r"(?:next\s+|upcoming\s+|test\s+|lab\s+)?(?:appointments?|appt|records?|results?|visits?|prescriptions?)"
)
_SPANISH_RECORD = r"(?:citas?|turnos?|consultas?|historial|resultados|datos|fecha\s+de\s+nacimiento|telefono)"
# A title and a surname: "Mrs. Bennett", "la señora Fernández", "don Ernesto" (not a doctor's name).
_TITLED = r"(?:mr|mrs|ms|miss|mx)\.?\s+[a-z][a-z'-]+"
_SPANISH_TITLE = r"(?:senor|senora|senorita|sr|sra|srta|don|dona)\.?"
_OUTSIDERS_RECORDS = re.compile(
    rf"\b{_OUTSIDER}['’]?s\s+{_RECORD}\b|\b{_SPANISH_RECORD}"
    rf"\s+(?:\w+\s+){{0,2}}?de\s+(?:mi|la|el|su|una?)\s+{_OUTSIDER}\b"
    # by title: "Mrs. Bennett's appointment", "my neighbour Mr Ortiz's visit", "la cita de la señora Ortiz"
    rf"|\b{_TITLED}(?:\s+[a-z][a-z'-]+)?['’]s\s+{_RECORD}\b"
    rf"|\b{_SPANISH_RECORD}\s+(?:\w+\s+){{0,2}}?del?\s+(?:la\s+)?{_SPANISH_TITLE}\s+[a-z]"
)
# Another grown-up of the family's appointment or results asked about or acted on: "can you check my
# sister-in-law's appointment", "¿cuándo es la cita de mi suegra?". Only when asked about: a spouse
# who says "my husband's appointment is at 3, I'll drive him — where do we park?" asks about parking.
_KIN_RECORDS = re.compile(
    rf"\b(?:my|our)\s+(?:\w+\s+)?{_ADULT_KIN}['’]s\s+{_VISIT_RECORD}\b"
    # named after the relation: "my wife maria garcia's next appt", "my dad Joe's dob"
    rf"|\b(?:my|our)\s+{_ADULT_KIN}\s+(?:[a-z]+\s+){{0,2}}[a-z]+['’]?s\s+(?:{_RECORD}|dob|d\.o\.b\.?)(?![a-z])"
    rf"|\b(?:citas?|turnos?|consultas?|historial|resultados)\s+(?:\w+\s+){{0,2}}?de\s+(?:mi|nuestr[oa])\s+{_ADULT_KIN}\b"
)
_ASKS_ABOUT_IT = re.compile(
    r"\b(?:when|what\s+time|what\s+day|which\s+day|tell|check|send|give|show|look\s+up|mov(?:e|ed|ing)"
    r"|change|cancel\w*|reschedul\w*|confirm\w*|remind\w*|results?|access|cuando|a\s+que\s+hora|que\s+dia"
    r"|dime|diga|decir|decirme|saber|hora|ver|mirar|revisar|pasa|pasar|mand\w+|envi\w+|mover|cambi\w+"
    r"|resultados)\b"
)
# Someone else's visit by pronoun or by "has an appointment": "my coworker Ethan has an appt this week,
# what day?", "my landlord Mr. Hayes asked me to check when his cardiology appointment is", "mi vecino
# me pidió que le cambie su cita" — someone outside the family, or by title, and something asked or
# done about their visit.
_THEIR_OWN_VISIT = re.compile(
    r"\b(?:his|her|their)\s+(?:\w+\s+){0,2}?(?:appointments?|appts?|visits?)\b"
    r"|\bsus?\s+(?:\w+\s+)?(?:citas?|turnos?|consultas?)\b(?!\s+disponibles?)"
    r"|\b(?:has|have|tiene|tienen)\s+(?:an?\s+|una\s+)?(?:appointments?|appts?|citas?|turnos?)\b"
)
# ...unless the writer asks about their own as well ("my wife has an appointment at 3, when is mine?"),
# or about free times ("can I book my mom in? when is her earliest appointment?").
_MINE = re.compile(
    r"\bmine\b|\b(?:my|mi|mis)\s+(?:\w+\s+)?(?:appointments?|appts?|citas?|turnos?)\b"
    r"|\b(?:earliest|soonest|available|availability|openings?|free|disponibles?|libres?)\b"
)
_SOMEONES_RECORD = re.compile(
    rf"\b(?!(?:my|your|our|his|her|the|a|an|this|that)\b)[a-z]+\s+[a-z]+'s\s+{_RECORD}\b"
)
_MENTIONS_OUTSIDER = re.compile(rf"\b(?:my|mi|our|a|un|una)\s+{_OUTSIDER}\b")
# Someone else named, then their appointment asked about: "soy vecina del señor Ortiz, ¿cuándo tiene su
# próxima cita?", "my ex, Robert — when is his appointment?" ("su cita disponible" is the clinic's).
_SOMEONE_ELSE = re.compile(
    rf"\b(?:my|mi|our)\s+{_OUTSIDER}\b|\b(?:my|mi|our|nuestr[oa])\s+{_ADULT_KIN}\b|\b{_TITLED}\b"
    rf"|\b(?:de|del|de\s+la)\s+{_SPANISH_TITLE}\s+[a-z]|\b(?:soy|i'?m|i\s+am)\s+(?:su|his|her|their)\s+{_OUTSIDER}\b"
)
# Someone outside the family, or anyone by title: a relative unnamed is identity's to decide ("for my
# mom, can you move her appointment": whoever's name and birth date are given is whose it is).
_OUTSIDER_OR_TITLED = re.compile(
    rf"\b(?:my|mi|our)\s+{_OUTSIDER}\b|\b{_TITLED}\b|\b(?:de|del|de\s+la)\s+{_SPANISH_TITLE}\s+[a-z]"
    rf"|(?<!soy\s)\b(?:la|el)\s+{_SPANISH_TITLE}\s+[a-z]|\b(?:soy|i'?m|i\s+am)\s+(?:su|his|her|their)\s+{_OUTSIDER}\b"
)
_THEIR_VISIT = re.compile(
    r"\b(?:when|what\s+time|what\s+day|cuando|a\s+que\s+hora|que\s+dia)\b[^?.!]*\b(?:(?:his|her|their)\s+(?:next\s+)?"
    r"(?:appointments?|appt|visits?)|(?:tiene|es|son)\s+su(?:s)?\s+(?:proxima\s+)?(?:citas?|turnos?|consultas?)"
    r"|tiene\s+(?:la|una)\s+(?:citas?|turnos?|consultas?))\b"
    r"(?!\s+disponible)"
)
# A grown-up named in full and who they are to the writer, either way round: "Olivia Bennett is my aunt",
# "my aunt Olivia Bennett", "I'm Robert Hayes's son", "soy el hijo de Robert Hayes", "Olivia Bennett es mi
# tía". Only relations that make the one named a grown-up (the writer's elder, spouse, or outsider): "I'm
# Emma's mom" writes for a child, which is identity's business.
_ELDER_OF = (
    r"(?:son|daughter|niece|nephew|grandson|granddaughter|grandchild|(?:step-?)?(?:son|daughter)|wife|husband"
    r"|partner|spouse|caregiver|neighbou?r|friend|co-?worker|colleague|roommate|tenant|employee|assistant)"
)
_ELDER_OF_ES = (
    r"(?:hij[oa]|sobrin[oa]|niet[oa]|espos[oa]|marido|mujer|pareja|yerno|nuera|cuidador[a]?|vecin[oa]|amig[oa]"
    r"|companer[oa]|inquilin[oa]|emplead[oa])"
)
_KIN_OR_OUTSIDER = (
    rf"(?i:(?:my|mi|our|nuestr[oa])\s+(?:{_ADULT_KIN}|{_OUTSIDER}))"  # the name alone keeps its case
)
_NAMED_OTHER = re.compile(
    rf"{_FULL_NAME}\s+(?i:is|es)\s+{_KIN_OR_OUTSIDER}\b|{_FULL_NAME}['’]s\s+{_KIN_OR_OUTSIDER}\b"
    rf"|\b{_KIN_OR_OUTSIDER}\s*,?\s+{_FULL_NAME}"
)
_WRITER_IS_KIN = re.compile(
    rf"\b(?:i'?m|i\s+am|this\s+is|it'?s)\s+(?:[a-z]+\s+){{0,2}}?[a-z]+['’]s\s+{_ELDER_OF}\b"
    rf"|\b(?:soy|le\s+habla|le\s+escribe)\s+(?:el|la|un[a]?)\s+{_ELDER_OF_ES}\s+del?\s+(?!mi\b|su\b)[a-z]"
)
# Their visit in the third person: "she's got an appointment", "which doctor he's seeing", "tiene cita",
# "con qué doctor va".
_THIRD_PERSON_VISIT = re.compile(
    r"\b(?:she|he|they)(?:'s|'re|\s+is|\s+are|\s+has|\s+have)\s+(?:got\s+|booked\s+)?(?:an?\s+|the\s+)?"
    r"(?:appointments?|appts?|visits?|check-?up)\b|\b(?:she|he|they)(?:'s|'re|\s+is|\s+are)\s+(?:been\s+)?(?:seeing"
    r"|going\s+to\s+see|being\s+seen)\b|\b(?:seeing|sees|see)\s+(?:him|her|them)\b"
    r"|\b(?:is|are)\s+(?:he|she|they)\s+(?:being\s+seen|seeing|going\s+to\s+see)\b"
    r"|\b(?:tiene|tienen)\s+(?:una?\s+|la\s+|su\s+)?(?:citas?|turnos?|consultas?)\b|\bcon\s+(?:que|cual)\s+(?:doctor|doctora|medico"
    r"|medica)\s+(?:va|tiene|esta|lo|la)\b|\b(?:lo|la|los)\s+(?:va\s+a\s+)?(?:ve|atiende|ver|atender)\b"
)
# Asked about it, not about the clinic ("what time do you close?", "¿a qué hora abren?").
_ASKS_ABOUT_THEIRS = re.compile(
    r"\b(?:when|what\s+time|what\s+day|which\s+day)\b(?!\s+(?:do|does|should|can|shall|will|are)\s+(?:you|we|i|the)\b)"
    r"|\bwhich\s+(?:doctor|dr|provider|specialist|one)\b|\bwhat\s+(?:is\s+it|it'?s|is\s+(?:it|that)\s+about)\s+for\b"
    r"|\bwhat\s+for\b|\bwho\s+(?:is\s+)?(?:he|she|they)\b|\b(?:tell|check|confirm|look\s+up|cancel|move|reschedule"
    r"|change)\b|\b(?:cuando|que\s+dia|con\s+quien|con\s+que|para\s+que|dime|diga|digan|dices|dice|decir|decirme|dicen|confirm\w*"
    r"|cancel\w*|cambi\w*|mover|saber)\b|\ba\s+que\s+hora\b(?!\s+(?:abren|cierran|debo|debemos|llego|llegamos"
    r"|tengo|tenemos|puedo|podemos))"
)
# Whether another grown-up has a visit, asked: "me puedes decir si Lucia Fernandez tiene cita esta semana?",
# "does Tom Reyes have an appointment today?", "is my sister-in-law booked this week?", "¿mi cuñada tiene
# turno mañana?". Someone named in full (not the writer: "soy Lucia Fernandez, ¿tengo cita?" asks in the
# first person) or a grown-up of the family or outside it; a child ("does my son have an appointment?")
# is the parent's to ask.
_HAS_VISIT = (
    r"(?:(?:has|have|had|tiene|tienen|tenia)\s+(?:got\s+)?(?:an?\s+|una\s+|la\s+|su\s+|algun[ao]?\s+|any\s+)?"
    r"(?:appointments?|appts?|visits?|citas?|turnos?|consultas?)"
    r"|(?:is|was)\s+(?:\w+\s+)?(?:booked|scheduled|coming\s+in|being\s+seen)|(?:esta|estaba)\s+(?:agendad[oa]|citad[oa]))\b"
)
# After "is …" the subject comes first: "is my sister-in-law booked this week?"
_BOOKED = r"(?:booked|scheduled|coming\s+in|being\s+seen)\b"
_WHETHER_NAMED_HAS_VISIT = re.compile(
    rf"(?i:\b(?:if|whether|does|did|do|is|was|si)\s+|\b(?:tell\s+me|know|check|saber|decir(?:me)?|dime|diga|ver)\s+(?:if\s+|si\s+)?"
    rf"|[¿?]\s*)(?P<name>{_FULL_NAME})(?:\s+{_CAPITALISED})?\s+(?i:{_HAS_VISIT}|{_BOOKED})"
)
_WHETHER_THEY_HAVE_VISIT = re.compile(
    rf"(?:\b(?:if|whether|does|did|do|is|was|si)\s+|[¿?]\s*)(?:my|our|mi|nuestr[oa])\s+(?:{_ADULT_KIN}|{_OUTSIDER})"
    rf"\s+(?:{_HAS_VISIT}|{_BOOKED})"
)
# The writer's child, named: "does Eli Nakamura have an appointment? he's my son" is the parent's to ask.
_OWN_CHILD = re.compile(
    r"\b(?:my|mi|mis|our|nuestr[oa]s?)\s+(?:little\s+|youngest\s+|oldest\s+|pequen[oa]\s+)?(?:sons?|daughters?|kids?"
    r"|child|children|boy|girl|baby|toddler|hij[oa]s?|nin[oa]s?|bebe|chamac[oa]|peque|hijit[oa])\b(?![-'])"
)
_WRITER_NAMED = re.compile(
    rf"(?i:\b(?:soy|i'?m|i\s+am|this\s+is|my\s+name\s+is|me\s+llamo|mi\s+nombre\s+es|habla|le\s+habla))\s+(?P<name>{_FULL_NAME})"
)
VOCABULARY = vocabulary_of(["instructions", "previous", "disregard", "instrucciones"])


def is_injection(text: Text) -> bool:
    """Whether the message tries to rewrite the agent's rules or identity or reach other patients."""
    if _NAMED_RECORDS.search(text.clean):
        return True
    if _ADULT_RELATIVE.search(text.clean) and _THEIR_RECORDS.search(text.clean):
        return True
    folded = text.folded
    if _OUTSIDERS_RECORDS.search(folded) or (
        _SOMEONES_RECORD.search(folded) and _MENTIONS_OUTSIDER.search(folded)
    ):
        return True
    if _KIN_RECORDS.search(folded) and _ASKS_ABOUT_IT.search(folded):
        return True
    if (
        _OUTSIDER_OR_TITLED.search(folded)
        and _THEIR_OWN_VISIT.search(folded)
        and _ASKS_ABOUT_IT.search(folded)
        and not _MINE.search(folded)
    ):
        return True
    if _SOMEONE_ELSE.search(folded) and _THEIR_VISIT.search(folded):
        return True
    if _asks_about_named_others_visit(text) or asks_others_details(text) or _asks_whether_others_visit(text):
        return True
    return any(_INJECTION.search(source) for source in (text.folded, text.corrected))


def _asks_about_named_others_visit(text: Text) -> bool:
    """A grown-up named and placed ("Olivia Bennett is my aunt", "I'm Robert Hayes's son") whose visit
    is then asked about in the third person ("she's got an appointment … what time is it?", "which
    doctor he's seeing"). The writer's own visit or free times asked beside it are the writer's."""
    folded = text.folded  # one character for one character: the clean text's capitals put back
    cased = "".join(f.upper() if c.isupper() else f for c, f in zip(text.clean, folded, strict=True))
    named = _NAMED_OTHER.search(cased) or _WRITER_IS_KIN.search(folded)
    return bool(
        named
        and (_THIRD_PERSON_VISIT.search(folded) or _THEIR_OWN_VISIT.search(folded))
        and _ASKS_ABOUT_THEIRS.search(folded)
        and not _MINE.search(folded)
    )


def _asks_whether_others_visit(text: Text) -> bool:
    """Whether someone else has a visit, asked ("si Lucia Fernandez tiene cita esta semana", "does my
    mother-in-law have an appointment today?") — unless the one named is the writer ("soy Lucia
    Fernandez, ¿si tiene cita Lucia Fernandez?") or the writer's child ("he's my son"): theirs to ask."""
    folded = text.folded
    cased = "".join(f.upper() if c.isupper() else f for c, f in zip(text.clean, folded, strict=True))
    if _WHETHER_THEY_HAVE_VISIT.search(folded):
        return True
    named = _WHETHER_NAMED_HAS_VISIT.search(cased)
    if named is None or _OWN_CHILD.search(folded):
        return False
    writers = {match.group("name").casefold() for match in _WRITER_NAMED.finditer(cased)}
    return named.group("name").casefold() not in writers
