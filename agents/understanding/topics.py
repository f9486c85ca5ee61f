"""What a non-booking message is about: a clinic question the knowledge base answers, or a request
that needs a person (a ticket) — and how urgent that request is.

The line between them: "How do refills work?" asks about the clinic (a question); "I need a
refill of my metformin" asks someone to act (a prescription ticket). Questions about one's own
body or medicines ("is it normal…", "can I take ibuprofen…") are medical questions: the agent
never answers those, so they become tickets for the care team.
"""

from __future__ import annotations

import re

from agents.understanding.belongings import reports_lost_property
from agents.understanding.carequestions import asks_clinician
from agents.understanding.owndetails import updates_own_details
from agents.understanding.text import Text, analyse, phrase_pattern, phrases, vocabulary_of
from agents.understanding.types import TicketCategory, TicketPriority

_INFO = phrases(
    "parking|where can i park|where do i park|where to park|parking lot|garage|estacionamiento|estacionar"
    "|aparcar|aparcamiento|parqueo|parquear|hours|opening hours|open|opening|close|closed|closing"
    "|what time do you|horario|horarios|abren|atienden|cierran|abierto|abiertos|cerrado|insurance"
    "|insurances|aetna"
    "|medicare|medicaid|masshealth|mass health|harvard pilgrim|tufts|unitedhealthcare|united healthcare|bcbs"
    "|cigna|blue cross|humana|in network|in-network|seguro|seguros|aseguradora|aceptan"
    "|accept|address|located|location|directions|where are you|where is the clinic|direccion|ubicacion"
    "|donde estan|donde queda|como llego|fasting|fast before|need to fast|have to fast|empty stomach"
    "|blood test|blood work|ayuno|ayunas|analisis de sangre|analisis|examen de sangre|prueba de sangre"
    "|laboratorio|sacar sangre|sacarme sangre|sacan sangre|telehealth|telemedicine|video visit|video call"
    "|virtual visit|virtual appointment|online|telemedicina|videollamada|consulta virtual|consulta en linea"
    "|por video|by video|via video|over video|on video|video appointment|video consultation|on zoom"
    "|por zoom|en video|refill|refills|billing|bill|pay|payment|payment plan|facturacion|pagar|pago|vaccine"
    "|vaccines"
    "|vaccination|flu shot|flu shots|shots|walk in|walk-in|walk-ins|vacuna|vacunas|vacunacion|sin cita"
    "|bring|traer|llevar"
    "|phone number|telephone number|numero de telefono|telefono"
    "|how long|how long does|how long do|how many days"
    "|cuanto tardan|cuanto tarda|cuanto tiempo|renovar una receta|results ready|resultados"
    "|cuanto se tarda|cuanto se tardan|cuantos dias|cuanto demora|cuanto demoran|abre|cierra"
    "|perro guia|perro de servicio|animal de servicio|animales de servicio|service animal|service dog"
    "|guide dog"
    "|wheelchair|accessible|accessibility|ramp|elevator|silla de ruedas|accesible|ascensor"
    "|cancellation policy|cancellation fee|late fee|no-show fee|politica de cancelacion|paperwork|forms"
    "|new patient forms|formularios|documentos|papeles|cost|price|how much|fee|fees|cuanto cuesta|precio"
    "|costo|referral|referrals|a referral|referencia|remision|where do i go|where should i go"
    "|where do i need to go|a donde voy|donde tengo que ir"
    "|speak spanish|hablan ingles|hablan espanol|hablan en espanol|do you speak|cover|covered|covers|cubre"
    "|cubren|cobertura|interpreter|interprete|arrive|arrival|check in|check-in|llegar"
    "|antelacion|phone number|telefono|fax|email"
)
_INFO_RE = phrase_pattern(_INFO)
_QUESTION_START = re.compile(
    r"^\W*(?:(?:hi|hello|hey|hola|buenas|buenos\s+dias|ok|so|and|also|y|tambien|una\s+pregunt(?:a|ita)"
    r"|(?:a\s+)?quick\s+question)\W+)*"
    r"(?:a\s+(?:que|q|k)\s+hora|q\s+(?:hora|dias?|seguros?)|r\s+(?:u|you|y'?all)|what|whats|when|where|wheres|who|why"
    r"|how|which|is|are|do|en\s+(?:que|q|cual)"
    r"|does|can\s+you\s+tell|could\s+you\s+tell"
    r"|will|would\s+i|en\s+cuant[oa]s?"
    r"|is\s+there|are\s+there|que|cuando|donde|quien|como|cual|cuales|cuanto|cuanta|cuantos|cuantas|hay|tienen"
    r"|aceptan|hacen"
    r"|ofrecen|do\s+you\s+offer"
    r"|atienden|se\s+puede|es\s+necesario|necesito\s+saber|i\s+want\s+to\s+know|i\s+was\s+wondering|i'd\s+like"
    r"\s+to\s+know|quisiera\s+saber|me\s+gustaria\s+saber|quiero\s+saber|queria\s+saber|queria\s+preguntar"
    r"|i\s+wanted\s+to\s+(?:know|ask)|wanted\s+to\s+(?:know|ask)|tell\s+me|info|information"
    r"|informacion)\b"
)
_INVERTED = re.compile(r"¿")
_ASK_START = re.compile(
    r"^\W*(?:(?:hi|hello|hey|hola|buenas|ok|so|and|also|please)\W+)*"
    r"(?:can\s+you|could\s+you|would\s+you|send\s+me|text\s+me|me\s+(?:puede|pueden|podria|podrian)"
    r"|puede|pueden|podria|podrian|mandame|envieme|enviame)\b"
)
_MEDICAL = re.compile(
    r"\b(?:side\s+effects?|dosage|dose|is\s+it\s+(?:normal|safe|ok|okay)|should\s+i\s+(?:take|stop(?!\s+(?:by|in|at|over)\b)|be\s+worried"
    r"|worry|go)|can\s+i\s+(?:take|mix|drink|stop|eat)\s+(?!the\s+\d|it\b|that\b|one\b)|medical\s+question"
    r"|question\s+for\s+(?:the|my)\s+(?:doctor|nurse)|ask\s+(?:the|my|a)\s+(?:doctor|nurse)|efectos?\s+secundarios?"
    # whether to go on with a medicine: "should I keep taking my fish oil before my colonoscopy?", "can I
    # still take my allergy pills before the test?", "¿debo seguir tomando el omega 3?" ("should I keep my
    # appointment?" is not: a medicine is taken)
    r"|(?:should|do|can|must)\s+i\s+(?:keep|continue|still|stop|quit|hold|pause)\s+(?:on\s+)?(?:taking|using|take)\b"
    r"|(?:ok|okay|safe|fine)\s+to\s+(?:keep|continue|stop)\s+(?:taking|using)|(?:stop|hold|pause)\s+(?:taking\s+)?my\s+\w+"
    r"\s+before\s+(?:my|the)\s+(?:colonoscopy|surgery|procedure|operation|test|scan|blood\s+test|endoscopy|biopsy)\b"
    r"|(?:debo|puedo|tengo\s+que|deberia|hay\s+que)\s+(?:seguir\s+tomando|dejar\s+de\s+tomar|suspender\s+(?:el|la|los|las|mi|mis))\b"
    r"|\bsigo\s+tomando\b"
    r"|dosis|es\s+normal|es\s+seguro|debo\s+(?:tomar|dejar|preocuparme)|puedo\s+tomar|pregunta\s+medica"
    r"|pregunta\s+para\s+(?:el|la|mi)\s+(?:doctor|doctora|medico|medica)|preguntar(?:le)?\s+al\s+(?:doctor|medico)"
    # how to take a medicine: "does it matter if I take it with food?", "¿lo tomo con o sin comida?"
    r"|does\s+it\s+matter\s+(?:if|whether|when)\s+i\s+take|(?:take|taking)\s+(?:it|them|this|these|my\s+\w+)"
    r"\s+(?:with|without|on)\s+(?:or\s+without\s+)?(?:food|meals?|milk|an\s+empty\s+stomach)"
    r"|(?:tomo|tomarlo|tomarla|tomarlos|tomarlas|tomar(?:lo)?)\s+(?:\w+\s+)?(?:con|sin)\s+(?:o\s+sin\s+)?(?:comida|alimentos"
    r"|leche|el\s+estomago\s+vacio))"
)
# A question about what a change would cost or how it works ("what happens if I cancel on the
# day?", "¿cobran si cancelo?"): the cancellation policy, not a cancellation.
_POLICY = re.compile(
    r"\b(?:what\s+happens\s+if|what\s+if\s+i|if\s+i\s+(?:cancel|miss|reschedule|change|move|am\s+late|(?:need|have|want)\s+to"
    r"\s+(?:cancel|reschedule|change|move)|don'?t\s+(?:show|come|make\s+it)|no[\s-]?show|can'?t\s+(?:come|make\s+it))|is\s+there\s+(?:a|any)"
    r"\s+(?:fee|charge|penalty|cost)|(?:do|will|would)\s+(?:you|u|y'?all)(?:\s+guys|\s+all)?\s+charge"
    r"|will\s+i\s+(?:be\s+charged|have\s+to\s+pay|get\s+charged)"
    r"|how\s+(?:late|far\s+in\s+advance|much\s+notice|many\s+hours|early)\s+(?:can|do|must|should)"
    r"|cancellation\s+(?:policy|fee)|(?:late|no[\s-]?show)\s+fee|que\s+pasa\s+si|si\s+(?:(?:necesito|tengo\s+que|quiero)\s+)?(?:cancel\w*|cambi\w*|reprogram\w*|falto"
    r"|no\s+(?:llego|voy|vengo|puedo\s+ir))|hay\s+(?:algun\s+)?(?:cargo|multa|cobro|penalizacion|costo)"
    r"|(?:me\s+)?cobran\s+(?:algo|si|por)|con\s+cuant[oa]\s+(?:antelacion|anticipacion|tiempo)"
    r"|cuant[oa]\s+(?:antelacion|anticipacion)|how\s+much\s+(?:notice|advance\s+notice)|how\s+far\s+(?:in\s+)?ahead"
    r"|hasta\s+cuando\s+(?:puedo|se\s+puede)\s+(?:cancelar|cambiar)"
    # running late: "si llego 20 minutos tarde ¿pierdo la cita?", "what if I'm 10 minutes late?"
    r"|si\s+(?:llego|llegamos|vengo|voy)\s+(?:\w+\s+){0,3}?tarde|if\s+(?:i'?m|i\s+am|we'?re|i\s+(?:arrive|get\s+there"
    r"|show\s+up|come|run|turn\s+up))\s+(?:\w+\s+){0,3}?late\b|\bpierdo\s+(?:la|mi)\s+(?:cita|turno)"
    r"|\b(?:lose|forfeit)\s+my\s+(?:appointment|appt|spot|slot)"
    r"|politica\s+de\s+cancelacion|tiene\s+(?:algun\s+)?(?:costo|cargo)"
    r"|(?:can|could|do)\s+i\s+(?:cancel|reschedule|change)\s+(?:\w+\s+){0,3}?(?:online|by\s+phone|over\s+the\s+phone"
    r"|(?:through|on)\s+the\s+(?:portal|app|website))|puedo\s+(?:cancelar|cambiar)\s+(?:\w+\s+){0,3}?(?:en\s+linea"
    r"|por\s+(?:internet|telefono|el\s+portal|la\s+web)))"
)
_PERMISSION = re.compile(
    r"^\W*(?:(?:hi|hello|hey|hola|ok|so|and|also|quick\s+question|una\s+pregunta)\W+)*"
    r"(?:can|could|may|do|does|is\s+it\s+possible|puedo|podria|se\s+puede|es\s+posible)\b"
)
_CHARGED = re.compile(
    r"\b(?:i\s+(?:got|was|been)\s+(?:charged|billed)|charged\s+me|billed\s+me|me\s+cobraron|me\s+han\s+cobrado"
    r"|me\s+cobran\s+(?:una|la)\s+multa\s+pero)\b"
)
# Eating or drinking before a test: the fasting guidance answers it, no clinician needed.
_FASTING = re.compile(
    r"\b(?:fast|fasting|empty\s+stomach|blood\s+(?:test|work|draw)|lab\s+(?:test|work)|labs|ayuno|ayunas"
    r"|analisis(?:\s+de\s+sangre)?|examen\s+de\s+sangre)\b"
)
# (and one's usual medicines, which the guidance says to take)
_EAT_OR_DRINK = re.compile(
    r"\b(?:eat|drink|have|coffee|tea|water|breakfast|juice|gum|comer|beber|tomar\s+(?:cafe|agua|te|jugo)"
    r"|desayunar|cafe|cafecito|cafesito|tecito|agua|aguita|juguito|chicle|medicines?|meds|pills|medications?|pastillas"
    r"|medicinas?|medicamentos?)\b"
)
_CATEGORY_PHRASES: list[tuple[TicketCategory, tuple[str, ...]]] = [
    (
        "prescription",
        phrases(
            "refill|refills|refilled|refilling|re-fill|prescription|prescriptions|renew my prescription"
            "|ran out of|run out of|resurtir|resurtan|resurta|resurtame|resurtanme|surtir mi receta"
            "|surtir la receta"
            "|running out of|out of my|my medication|my meds"
            "|more of my|more pills|my pills|mis pastillas|receta|recetas|renovar|se me acabo|se me acabaron"
            "|se me termino|se me terminaron"
            "|me quede sin|me estoy quedando sin|mis medicamentos|mi medicamento|mi medicina|reposicion"
            # a prescription lapsed or nearly used up: "the rx expired", "se me venció la receta"
            "|rx|my rx|the rx|rx expired|prescription expired|expired prescription|receta vencida"
            "|se vencio la receta|se me vencio la receta|almost out of|almost empty|running low"
            "|casi se me acaba|casi se me termina"
            # "necesito mas pastillas de la presion, losartan 50 mg": more of a medicine one takes
            "|necesito mas pastillas|necesito mas medicamento|necesito mas medicina|necesito mas tabletas"
            "|ocupo mas pastillas|me pueden dar mas pastillas|mandar mas pastillas|need more tablets"
            "|need more pills|need more meds|need more medication|need more of my"
        ),
    ),
    (
        "billing",
        phrases(
            "bill|billing|billed|overbilled|invoice|charged|overcharged|charge|charges|double charged"
            "|charged twice|payment|refund|copay|co-pay|statement|my balance|account balance|factura"
            "|facturacion|cobro|cobros|cobraron|me cobraron|reembolso|pago|cargo|saldo|owe|i owe|already paid"
            "|ya pague|ya lo pague|plan de pagos|plan de pago|payment plan"
        ),
    ),
    (
        "records",
        phrases(
            "medical records|my records|records|copy of my|copia de mis|copia de mi|test results"
            "|lab results|my results|results"
            "|historial|expediente|historia clinica|resultados|informe medico|mis resultados"
            # a vaccination record for school or work: "registro de vacunas", "shot record"
            "|registro de vacunas|registro de vacunacion|cartilla de vacunas|cartilla de vacunacion"
            "|carnet de vacunas|carnet de vacunacion|certificado de vacunas|immunization record"
            "|immunization records|vaccination record|vaccination records|vaccine record|vaccine records"
            "|shot record|shot records|vaccine card"
        ),
    ),
    (
        "complaint",
        phrases(
            "complaint|complain|rude|unacceptable|terrible service|bad service|bad experience"
            "|waited for hours|unhappy|dissatisfied|disappointed|unprofessional|queja|quejarme|reclamo"
            "|reclamacion|mal servicio|mala atencion|maleducado|maleducada|grosero|grosera|pesimo"
            "|inaceptable"
            # grievance words: what a complaint about being cancelled on or hung up on says
            "|no explanation|without explanation|without any explanation|without notice|without warning"
            "|no notice"
            "|with no notice|hung up on me|on record|for the record|fed up|furious|outraged|sin explicacion"
            "|sin ninguna explicacion|sin avisar|sin aviso|sin previo aviso|me colgo|me colgaron"
            "|falta de respeto"
            "|que conste|harta|harto|furiosa|furioso|indignada|indignado"
        ),
    ),
    (
        "other",
        phrases(
            "leave a message|message for|dejar un mensaje|recado|open a ticket|ticket"
            # a letter staff write: "una carta para mi trabajo", "a doctor's note for school"
            "|doctor's note|doctors note|work note|school note|note for work|note for school"
            "|note for my employer|letter for work|letter for my work|letter for my employer"
            "|letter for school|carta para mi trabajo|carta para el trabajo|carta para la escuela"
            "|carta para mi jefe|justificante|constancia medica|constancia de asistencia|certificado medico"
        ),
    ),
]
_CATEGORIES = [(category, phrase_pattern(words)) for category, words in _CATEGORY_PHRASES]
_CATEGORY_WORDS = [w for _, words in _CATEGORY_PHRASES for w in words]
_HIGH = re.compile(
    r"\b(?:ran\s+out|run\s+out|out\s+of\s+my|out\s+of\s+(?:meds|medication|pills|insulin)|se\s+me\s+(?:acabo|acabaron"
    r"|termino|terminaron)|me\s+quede\s+sin|no\s+me\s+quedan?|urgent|urgently|urgente|asap|right\s+away"
    r"|cuanto\s+antes|lo\s+antes\s+posible|today|hoy)\b"
)
_LOW = re.compile(
    r"\b(?:no\s+rush|no\s+hurry|whenever|not\s+urgent|no\s+es\s+urgente|sin\s+prisa|cuando\s+puedan)\b"
)
VOCABULARY = vocabulary_of(
    [
        *_INFO,
        *_CATEGORY_WORDS,
        "falto",
        "llego",
        "algun",
        "cobran",
        "anticipacion",
        "medication",
        "dosage",
        "effects",
        "question",
        "normal",
        "safe",
    ]
)


def is_question(text: Text) -> bool:
    """Phrased as a question: a question mark, or opening with an interrogative or "I want to know"."""
    return "?" in text.clean or opens_with_interrogative(text)


def opens_with_interrogative(text: Text) -> bool:
    """Opens like an enquiry ("what…", "do you…", "¿dónde…", "I want to know…"), or asks one after
    an opening "¿" ("soy Ana. Me sacaron sangre ayer, ¿en cuántos días salen…?"): Spanish marks
    where its question starts, whatever was said before it."""
    source = text.corrected
    return any(_QUESTION_START.search(source[at:]) for at in (0, *_question_starts(source)))


def _question_starts(source: str) -> list[int]:
    """Where each question opened with "¿" starts."""
    return [m.start() for m in _INVERTED.finditer(source)]


def asks_for_something(text: Text) -> bool:
    """A question, or a request addressed to the clinic ("can you text me the address")."""
    return is_question(text) or bool(_ASK_START.search(text.corrected))


def mentions_clinic_info(text: Text) -> bool:
    """Touches a subject the clinic's knowledge base covers (hours, parking, insurance, fasting…)."""
    return bool(_INFO_RE.search(text.corrected))


def is_medical_question(text: Text) -> bool:
    """A question about the patient's own health or medicines — for the care team, never answered.

    Whether one may eat or drink before a blood test is not: the fasting guidance answers it.
    """
    source = text.corrected
    if not (_MEDICAL.search(source) or asks_clinician(text)):
        return False
    return not (_FASTING.search(source) and _EAT_OR_DRINK.search(source))


def asks_permission(text: Text) -> bool:
    """A yes/no question about what is allowed ("can I do my follow-up by video?", "¿se puede…?")."""
    return bool(_PERMISSION.search(text.corrected))


def asks_about_policy(text: Text) -> bool:
    """A question about what cancelling, moving or missing an appointment costs or how it works —
    not a charge already made ("I got charged a no-show fee but I cancelled": a billing problem)."""
    return bool(_POLICY.search(text.corrected)) and not _CHARGED.search(text.corrected)


# Paying a balance over time asked about: "my balance is $450, can I pay it in parts?", "¿lo puedo pagar en
# cuotas?", "do you do payment plans?" — the billing policy answers it, whatever balance is named.
_PAY_OVER_TIME = re.compile(
    r"\b(?:payment\s+plans?|plan(?:es)?\s+de\s+pagos?|(?:in|by)\s+(?:parts|installments|instalments|monthly\s+payments"
    r"|payments|chunks)|installments?|instalments?|en\s+(?:partes|cuotas|plazos|pagos|mensualidades|abonos)|a\s+plazos"
    r"|pagos\s+mensuales|cuotas\s+mensuales|poco\s+a\s+poco)\b"
)


# Asking to be put on a plan, not whether there is one: "quiero que me la pongan en un plan de pagos",
# "can you set me up on a payment plan?" — someone at billing has to do it.
_ARRANGE = re.compile(
    r"\b(?:quiero\s+que\s+me\s+(?:la|lo|las|los)?\s*(?:pongan|ponga|hagan|haga|armen|arme|den|de)"
    r"|me\s+(?:ayudan|ayuda|puede\s+ayudar|pueden\s+ayudar)\s+a\s+(?:organizar|armar|hacer|poner)"
    r"|(?:set|put|sign)\s+me\s+up|(?:set|put)\s+(?:it|this|my\s+(?:bill|balance))\s+(?:up\s+)?on"
    # asked as a favour: "¿me pueden poner en un plan de pagos?", "can you put me on a payment plan?"
    r"|(?:me|nos)\s+(?:pueden|puede|podrian|podria|podes|puedes)\s+(?:poner|pasar|inscribir|anotar|meter|hacer|armar)"
    r"|(?:pongan|ponga|inscriban|anoten)(?:me|nos)|(?:can|could|would)\s+(?:you|u|y'?all)\s+(?:please\s+)?(?:put|set|get"
    r"|sign)\s+(?:me|us)\s+(?:up\s+)?(?:on|in|for)|(?:can|could)\s+i\s+(?:please\s+)?(?:be\s+put|get\s+put|be\s+set\s+up)"
    r"|i\s+(?:want|need|would\s+like|'d\s+like)\s+to\s+(?:set\s+up|start|arrange))\b"
)


def asks_to_arrange_payments(text: Text) -> bool:
    """A request to be put on a payment plan ("quiero que me la pongan en un plan de pagos"): a ticket."""
    source = text.corrected
    return bool(_PAY_OVER_TIME.search(source)) and bool(_ARRANGE.search(source))


def asks_to_pay_over_time(text: Text) -> bool:
    """A question whether a balance can be paid over time (not a charge disputed: that is billing's,
    nor a request to be put on a plan: billing's too)."""
    source = text.corrected
    return (
        is_question(text)
        and bool(_PAY_OVER_TIME.search(source))
        and not _CHARGED.search(source)
        and not _ARRANGE.search(source)
    )


def policy_start(text: Text) -> int:
    """Where the policy question starts (the end of the text when there is none)."""
    found = _POLICY.search(text.corrected)
    return found.start() if found else len(text.corrected)


# A refill of one's own medicine, named or dosed: "can I get a refill on my lisinopril 10 mg?" asks
# someone to act, however politely it is asked; "can I get refills through the portal?" asks how.
_OWN_REFILL = re.compile(
    r"\b(?:refill\w*|re-fill|renew\w*|renov\w*|resurt\w*|surt\w*|more)\s+(?:\w+\s+){0,2}?(?:my|mi|mis)\s+(?!prescriptions?\b)"
    r"[a-z]{4,}|\b(?:my|mi|mis)\s+[a-z]{4,}\s+(?:refill\w*|renewal)|\b\d+(?:\.\d+)?\s*(?:mg|mcg|ml|micrograms?|milligrams?)\b"
)


def asks_own_refill(text: Text) -> bool:
    """A request to refill the patient's own medicine (a prescription ticket, even as a question)."""
    source = text.corrected
    return bool(_OWN_REFILL.search(source)) and dict(_CATEGORIES)["prescription"].search(source) is not None


def ticket_topic(text: Text) -> re.Match[str] | None:
    """Where the words of a ticket's category are first said in `text.corrected` (the earliest of
    the first category found), or None: what a visit asked for is about."""
    for _, pattern in _CATEGORIES:
        if found := pattern.search(text.corrected):
            return found
    return None


def ticket_category(text: Text) -> TicketCategory | None:
    """The kind of request a staff member would act on, or None (lost property is `other`)."""
    if reports_lost_property(text):
        return "other"
    if is_medical_question(text):
        return "medical_question"
    if updates_own_details(text, question=is_question(text)):
        return "other"  # "can you update my address on file?": the front desk changes the record
    for category, pattern in _CATEGORIES:
        if pattern.search(text.corrected):
            return category
    return None


def is_lost_property(words: str) -> bool:
    """Whether a request understood earlier (its clean words) reports lost property: for the ticket's
    summary and reply, read as `ticket_category` read it."""
    return reports_lost_property(analyse(words, VOCABULARY))


def ticket_priority(text: Text) -> TicketPriority:
    """High when the patient is out of medicine or says it is urgent, low when they say no rush.

    "Not urgent" / "no es urgente" is read as a whole first, so its "urgent" never makes it high.
    """
    calm = _LOW.sub(" ", text.corrected)
    if _HIGH.search(calm):
        return "high"
    if calm != text.corrected:
        return "low"
    return "normal"
