"""Patients' words for what the knowledge base says in words of its own.

A question is matched to the clinic's documents by the words they share, and patients seldom use
the documents' words: "parquear" for "estacionamiento", "walk in" for "without an appointment",
"a bike" for "a bicycle", "¿a qué hora abren?" for the section with the opening hours. This module
knows those words: which say nothing (stopwords), which stem stands for a Spanish word, which
phrasings mean one thing, and what a search should add so that it finds the section meant. The
graph (`graphs/conversation/knowledge.py`) chooses, trusts and cuts the section with them.

Pure functions over text: no database, search or model.
"""

from __future__ import annotations

import re

from agents.understanding.text import fold, word_set

# Words every question or section heading has: they say nothing about which section answers.
_STOPWORDS = word_set(
    """what whats when where wheres which with your have does that this there from about could would
    should like want know tell please clinic appointment como cual cuales cuando donde para tiene tienen
    puedo quiero saber esta este estos usted ustedes espanol cuanto cuanta tiempo pasa algo mismo misma
    tengo puede pueden necesito hace cuantos cuantas hola buenas buenos hasta desde porfa favor saludos
    disculpe quisiera senor senora senorita cita citas queria preguntar preguntarle pregunta porque este
    wanted asking because wondering ando tipo algun alguna alguno"""
)
# Three-letter words that say nothing about which sentence answers ("fee" and "tea" do).
_SHORT_STOPWORDS = word_set(
    """the and for you are can how any not but our has was may all get its who why did had his her she
    one two out too use que por con los las del una mas muy hay sin son sus les nos"""
)

# Spanish words patients use for what the documents say in other words — regional ones ("parquear",
# "aseguranza"), other verbs for the same thing ("¿a qué hora abren?" / "abrimos", "cerrada";
# "¿qué llevo?" / "traiga"), and stems that change with the verb ("renueven" / "renovar") — as one
# stem each, the one the documents use. The local model tells Spanish texts apart poorly, so these
# shared words are most of what finds and trusts a Spanish answer.
_SPANISH_STEM = {
    **dict.fromkeys(("apar", "parq", "carr", "coch", "gara"), "estc"),
    **dict.fromkeys(("cobr", "carg", "mult", "cuot", "cues", "prec", "cost", "tari"), "cobr"),
    **dict.fromkeys(("abre", "abri", "abie", "atie"), "abri"),
    **dict.fromkeys(("cier", "cerr"), "cerr"),
    **dict.fromkeys(("hijo", "hija", "nino", "nina", "nene", "nena", "bebe"), "nino"),
    **dict.fromkeys(("ubic", "dire", "qued", "esqu"), "dire"),
    **dict.fromkeys(("llev", "trae", "trai"), "trae"),
    **dict.fromkeys(("renu", "reno"), "reno"),
    **dict.fromkeys(("aseg", "segu"), "segu"),
    **dict.fromkeys(("perr", "anim"), "anim"),
    **dict.fromkeys(("ayun", "bebe", "desa"), "ayun"),
    **dict.fromkeys(("hist", "expe"), "expe"),
    **dict.fromkeys(("pape", "form"), "form"),
    **dict.fromkeys(("urge", "emer"), "emer"),
    **dict.fromkeys(("vide", "virt", "zoom"), "vide"),
}
# Longer beginnings, where four letters would join different things ("medicinas" and "médico"), and
# whole words, where a beginning is also an English one ("tomar", not "tomorrow").
_SPANISH_PREFIX = {
    **dict.fromkeys(("estacion",), "estc"),  # not "está", "estado"
    **dict.fromkeys(("medicin", "medicam", "pastill", "pildor", "remedio"), "medc"),
    **dict.fromkeys(("examen", "prueba"), "anal"),
    **dict.fromkeys(("autob", "transp"), "tran"),
    **dict.fromkeys(("comer", "comid", "comiendo"), "ayun"),
    **dict.fromkeys(("consig", "obten", "obtien"), "obtn"),  # "consigo" is not "consulta"
}
_SPANISH_WORD = {
    **dict.fromkeys(("tome", "toma", "tomo", "tomar", "tomen", "tomas"), "toma"),
    **dict.fromkeys(("metro", "tren", "taxi"), "tran"),
    **dict.fromkeys(("reciben", "recibe", "aceptan", "acepta", "aceptamos"), "acep"),
}
# Regional words in either language's text (the English documents are read with these only).
_SAME_STEM = {"apar": "estc", "parq": "estc", "carg": "cobr", "mult": "cobr", "cuot": "cobr"}
# What a Spanish question adds to its search, per stem above: the documents' own words for it, so
# that the search's word match finds the section the question means.
_SEARCH_WORDS = {
    "estc": "estacionamiento garaje",
    "cobr": "cuesta cobramos",
    "abri": "horario abrimos",
    "cerr": "horario cerrada",
    "dire": "dirección esquina",
    "trae": "traiga traer",
    "reno": "renovar receta",
    "segu": "seguro",
    "anim": "animales servicio",
    "ayun": "ayunas ayuno",
    "expe": "expediente historial",
    "form": "formularios",
    "emer": "emergencias",
    "vide": "video",
    "acep": "aceptamos seguros",
}


def search_query(question: str, lang: str) -> str:
    """The search for `question`, naming also the documents' words for what it asks (`_SAME_THING`
    in either language, `_SEARCH_WORDS` for a Spanish one)."""
    folded = fold(question)
    added = [words for pattern, words in _SAME_THING if pattern.search(folded)]
    if lang == "es":
        added += [_SEARCH_WORDS[stem] for stem in sorted(stems_of(question, lang)) if stem in _SEARCH_WORDS]
    return " ".join([question, *added])[:500]


# Phrasings of one thing the documents say another way, in either language: "walk in" is "without an
# appointment" / "sin cita"; asking when ("what days", "¿qué días?", "a qué hora") is answered by
# the sentence with the days and times in it.
_WALK_IN = re.compile(
    r"\bwalk[\s-]?ins?\b|\b(?:without|w/?o|no)\s+(?:an?\s+|making\s+an?\s+)?(?:appointment|appt|booking|reservation)s?\b"
    r"|\bwithout\s+(?:booking|scheduling|making\s+an?\s+appointment)\b|\bjust\s+(?:walk|drop|come|show\s+up)\b"
    r"|\bsin\s+(?:cita|turno|reservar|agendar|hacer\s+cita|sacar\s+cita|pedir\s+cita)\b"
)
# A day the clinic may be closed, as the patient names it and as the documents do ("el 25 de diciembre"
# / "Navidad", "July 4th" / "Independence Day"): one word, so that the hours section answers it.
_HOLIDAY = re.compile(
    r"\b(?:christmas|xmas|navidad|nochebuena|december\s+25(?:th)?|25(?:th)?\s+(?:of\s+)?december|25\s+de\s+diciembre"
    r"|new\s+year'?s?(?:\s+day)?|ano\s+nuevo|(?:1|primero)\s+de\s+enero|january\s+1(?:st)?|independence\s+day"
    r"|july\s+4(?:th)?|4th\s+of\s+july|fourth\s+of\s+july|4\s+de\s+julio|cuatro\s+de\s+julio|labou?r\s+day"
    r"|dia\s+del\s+trabajo|thanksgiving|accion\s+de\s+gracias|memorial\s+day|(?:major\s+)?holidays?|festivos?"
    r"|feriados?)\b"
)
# Paying a balance over time, however it is said: "pay it in parts", "en cuotas", "a plazos", "payment plan".
_INSTALMENTS = re.compile(
    r"\b(?:payment\s+plans?|plan(?:es)?\s+de\s+pagos?|(?:in|by)\s+(?:parts|installments|instalments|monthly"
    r"\s+payments|payments|chunks)|installments?|instalments?|en\s+(?:partes|cuotas|plazos|pagos|mensualidades"
    r"|abonos)|a\s+plazos|pagos\s+mensuales|cuotas\s+mensuales|poco\s+a\s+poco)\b"
)
_ASKS_WHEN = re.compile(
    r"\bwhen\s*\?|\b(?:when\s+(?:are|is|can|do|does|will)|what\s+days?|which\s+days?|what\s+times?|what\s+hours|q(?:ue)?\s+dias?"
    r"|cuando\s+(?:abren|cierran|es|son|puedo|hay|atienden|ponen|estan)|a\s+q(?:ue)?\s+hora|q(?:ue)?\s+horas?"
    r"|en\s+q(?:ue)?\s+horario)\b"
)
_GREETING = re.compile(
    r"\b(?:buenos\s+dias|buenas\s+(?:tardes|noches)|good\s+(?:morning|afternoon|evening))\b"
)
_SAYS_WHEN = re.compile(
    r"\b(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|weekdays|lunes|martes|miercoles"
    r"|jueves|viernes|sabados?|domingos?)\b|\b\d{1,2}:\d\d\b"
)
_WHEN = "horario"  # the word both a question asking when and a sentence saying when get (no stopword)
# Not turning up, as the Spanish documents call it ("falta"): "si no llego a mi cita", "si no voy"
_NO_SHOW = re.compile(
    r"\bno\s+(?:llego|llegue|voy|vaya|vengo|venga|viene|asisto|asista|me\s+presento|aparezco|me\s+aparezco)\b"
)


# Everyday words for what the documents name otherwise, in either language, each given the documents'
# words beside its own: a bike is a bicycle, an app is something to install, help paying is financial
# assistance, a six-year-old is a child, notice is how far in advance, a number is a phone number.
_SAME_THING = [
    # "what's the number for…", "el número de la línea de…": the section that gives one
    (
        re.compile(r"\(\d{3}\)\s*\d{3}-\d{4}|\b(?:phone|telephone|numero|telefono)\b"),
        "numero telefono phone number",
    ),
    # where the clinic is, as the address says it: "what's your address?", "where are you located?",
    # "¿cuál es la dirección?", "¿dónde quedan?" — the sentence with the avenue and the corner
    (
        re.compile(
            r"\b(?:(?:street\s+|mailing\s+)?address|addy|located|location|where\s+(?:are\s+(?:you|u|y'?all)|r\s+u"
            r"|is\s+(?:the\s+|your\s+)?(?:clinic|office|building))|direccion|ubicacion|ubicad[oa]s|donde\s+(?:estan"
            r"|quedan?|se\s+encuentran?|es\s+la\s+clinica))\b"
        ),
        "avenue corner esquina",
    ),
    (re.compile(r"\b(?:bikes?|bicycles?|bicis?|bicicletas?|cycling|cycle)\b"), "bicycle bicicleta"),
    (
        re.compile(
            r"\b(?:apps?|aplicacion(?:es)?|aplicaciones|download|descargar|bajar|instalar|install|software|programa)\b"
        ),
        "install instalar",
    ),
    (
        re.compile(
            r"\b(?:help\s+(?:paying|to\s+pay|with\s+(?:the\s+)?(?:bill|costs?|payment))|can'?t\s+afford|cannot\s+afford"
            r"|sliding\s+(?:scale|fee)|financial\s+(?:help|aid|assistance)|low\s+income|short\s+on\s+(?:money|cash)"
            r"|ayuda\s+(?:para|con)\s+(?:pagar|el\s+pago|la\s+factura)|ayuda\s+economica|ayuda\s+financiera"
            r"|(?:corto|corta)\s+de\s+(?:dinero|plata|lana)|no\s+(?:me\s+)?alcanza|pocos\s+ingresos|no\s+puedo\s+pagar)\b"
        ),
        "financial assistance financiera",
    ),
    (
        re.compile(
            r"\b\d{1,2}[\s-]*(?:yr|year|yo|y/o)s?[\s-]*old\b|\bmy\s+(?:son|daughter|kids?|child|toddler|baby)\b"
        ),
        "child childhood",
    ),
    (
        re.compile(
            r"\b(?:how\s+much\s+(?:advance\s+)?notice|how\s+far\s+(?:in\s+)?(?:advance|ahead)|how\s+early\s+(?:do|must|should)\s+i"
            r"\s+(?:tell|let|call|cancel))\b"
        ),
        "advance hours",
    ),
    # paying with no insurance: "no tengo seguro, ¿cuánto me sale?", "I don't have insurance, how much?"; the
    # documents say "without insurance", "self-pay", "si no tiene seguro"
    (
        re.compile(
            r"\b(?:(?:don'?t|do\s+not|dont)\s+have\s+(?:any\s+|health\s+|medical\s+)*insurance|no\s+(?:health\s+)?insurance"
            r"|uninsured|without\s+(?:any\s+)?insurance|self[\s-]?pay|no\s+(?:tengo|tiene|tenemos|cuento\s+con)\s+"
            r"(?:seguro|aseguranza)|sin\s+(?:seguro|aseguranza)|pago\s+directo)\b"
        ),
        "uninsured selfpay",
    ),
    # a lower price asked about, and as the documents give it: "¿hay descuento?", "me cobran más caro?",
    # "is it cheaper without insurance?" — the self-pay rates "30% below our standard fees", "un 30% más
    # barata"
    (
        re.compile(
            r"\b(?:descuentos?|discounts?|discounted|cheaper|rebajas?|mas\s+(?:barat|car)[oa]s?|more\s+expensive"
            r"|(?:charge|charged|cobran|cobrarian)\s+(?:me\s+|us\s+)?(?:more|extra|mas)|reduced\s+(?:rates?|prices?|fees?)"
            r"|lower\s+(?:rates?|prices?|fees?)|tarifas?\s+reducidas?|below\s+(?:our\s+)?standard)\b"
        ),
        "descuento discount",
    ),
    # how much it comes to: "¿cuánto me sale la consulta?", "¿cuánto me saldría?"
    (
        re.compile(r"\bcuanto\s+(?:me\s+|nos\s+|le\s+)?(?:sale|saldria|va\s+a\s+salir|costaria|cobrarian)\b"),
        "cuesta tarifa",
    ),
    # how to pay, as the copay line says it: "¿aceptan efectivo?", "do you take credit cards?", "con tarjeta"
    (
        re.compile(
            r"\b(?:cash|efectivo|cheques?|(?:credit|debit)\s+cards?|tarjetas?\s+de\s+(?:credito|debito)|(?:con|with|by)"
            r"\s+(?:tarjeta|card|check|cheque)|pay\s+(?:by|with)\s+card|forms?\s+of\s+payment|payment\s+methods?"
            r"|(?:formas?|metodos?|medios?)\s+de\s+pago)\b"
        ),
        "efectivo cash",
    ),
]


def with_concepts(folded: str) -> str:
    """`folded` with the phrasings of `_WALK_IN`, `_NO_SHOW` and `_HOLIDAY` as one word each, a word for
    `_INSTALMENTS` added beside their own (so "¿tienen planes de pago?" keeps its words: a Spanish answer
    is trusted on the share of them the section says) and, when it asks or says when, `_WHEN`."""
    folded = _GREETING.sub(" ", folded)  # "buenos días" asks about no days
    said = _NO_SHOW.sub(" falta ", _WALK_IN.sub(" walkin ", folded))
    said = _INSTALMENTS.sub(lambda found: f"{found.group()} planpago", _HOLIDAY.sub(" festivo ", said))
    for pattern, words in _SAME_THING:
        said = pattern.sub(rf"\g<0> {words}", said)
    return f"{said} {_WHEN}" if _ASKS_WHEN.search(folded) or _SAYS_WHEN.search(folded) else said


def stems_of(text: str, lang: str) -> set[str]:
    """The 4-letter stems of a text's content words, accents folded ("sábados" meets "sabado");
    in Spanish, the documents' stem for the patient's word (see `_SPANISH_STEM`)."""
    words = re.findall(r"\w{4,}", with_concepts(fold(text)))
    return {_stem(word, lang) for word in words if word not in _STOPWORDS}


def _stem(word: str, lang: str) -> str:
    if lang == "es":
        if word in _SPANISH_WORD:
            return _SPANISH_WORD[word]
        for prefix, stem in _SPANISH_PREFIX.items():
            if word.startswith(prefix):
                return stem
        if word[:4] in _SPANISH_STEM:
            return _SPANISH_STEM[word[:4]]
    return _SAME_STEM.get(word[:4], word[:4])


def words_of(text: str, lang: str) -> set[str]:
    """Like `stems_of`, with three-letter words too ("is there a fee?" must find the $50 fee), and, for the
    sentences of a passage, `_LONG` when the text asks or says how long ("fast … and for how long" is
    answered by "8 to 12 hours", which shares no other word with it)."""
    folded = fold(text)
    short = {word for word in re.findall(r"\b\w{3}\b", with_concepts(folded)) if word not in _SHORT_STOPWORDS}
    long = {_LONG} if _HOW_LONG.search(folded) else set()
    return stems_of(text, lang) | short | long


_LONG = "duracion"
_HOW_LONG = re.compile(
    r"\b(?:how\s+long|how\s+many\s+(?:hours|days|minutes|weeks)|cuanto\s+tiempo|cuantas\s+horas|cuantos\s+(?:dias|minutos)"
    r"|cuanto\s+(?:tarda|tardan|demora|demoran|dura))\b"
    r"|\b\d+(?:\s*(?:to|a|-|–|or|o)\s*\d+)?\s*(?:hours?|hrs?|horas?|minutes?|mins?|minutos?|days?|dias?|weeks?|semanas?"
    r"|business\s+days|dias\s+habiles)\b"
)
