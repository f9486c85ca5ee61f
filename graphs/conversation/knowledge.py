"""Answering from the knowledge base: which section answers, whether to trust it, and the passage.

A patient asks one thing; the answer is the few sentences that answer it (with the document's
title as the source), not the whole section with its line wraps. The sections come from the
search in the patient's language; each section is cut into sentences and bullets, every one is
scored by the question's own words it shares, and the best few are given in document order.
"""

from __future__ import annotations

import math
import re

from agents.understanding.text import fold, word_set
from tools.schemas import KnowledgeHit

MIN_CONFIDENCE = 0.35  # cosine similarity below which the knowledge base is not trusted to answer
MAX_SENTENCES = 3  # a passage, not a document: what fits on a phone screen
MAX_LIST = 8  # a checklist section is given whole, up to this many lines
MAX_PARAGRAPH_SENTENCES = 6  # paragraphs longer than this together give only their best sentences
# Three-letter words that say nothing about which sentence answers ("fee" and "tea" do).
_SHORT_STOPWORDS = word_set(
    """the and for you are can how any not but our has was may all get its who why did had his her she
    one two out too use que por con los las del una mas muy hay sin son sus les nos"""
)


def _body(hit: KnowledgeHit) -> str:
    """A chunk's text without the "<title> — <section>" line it was embedded with."""
    head, _, body = hit.text.partition("\n\n")
    return body.strip() or head.strip()


# Words every question or section heading has: they say nothing about which section answers.
_STOPWORDS = word_set(
    """what whats when where wheres which with your have does that this there from about could would
    should like want know tell please clinic appointment como cual cuales cuando donde para tiene tienen
    puedo quiero saber esta este estos usted ustedes espanol cuanto cuanta tiempo pasa algo mismo misma
    tengo puede pueden necesito hace cuantos cuantas hola buenas buenos hasta desde porfa favor saludos
    disculpe quisiera senor senora senorita cita citas queria preguntar preguntarle pregunta porque este
    wanted asking because wondering ando tipo algun alguna alguno"""
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
SEARCHED = {"en": 6, "es": 10}  # hits asked for: Spanish sections rank lower, so more of them
_SPANISH_SECTION = "En español: "
LEXICAL_FLOOR = 0.25  # below MIN_CONFIDENCE, a section sharing the question's own words still answers


def search_query(question: str, lang: str) -> str:
    """The search for `question`, naming also the documents' words for what it asks (`_SAME_THING`
    in either language, `_SEARCH_WORDS` for a Spanish one)."""
    folded = fold(question)
    added = [words for pattern, words in _SAME_THING if pattern.search(folded)]
    if lang == "es":
        added += [_SEARCH_WORDS[stem] for stem in sorted(_stems(question, lang)) if stem in _SEARCH_WORDS]
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
]


def _concepts(folded: str) -> str:
    """`folded` with the phrasings of `_WALK_IN`, `_NO_SHOW` and `_HOLIDAY` as one word each, a word for
    `_INSTALMENTS` added beside their own (so "¿tienen planes de pago?" keeps its words: a Spanish answer
    is trusted on the share of them the section says) and, when it asks or says when, `_WHEN`."""
    folded = _GREETING.sub(" ", folded)  # "buenos días" asks about no days
    said = _NO_SHOW.sub(" falta ", _WALK_IN.sub(" walkin ", folded))
    said = _INSTALMENTS.sub(lambda found: f"{found.group()} planpago", _HOLIDAY.sub(" festivo ", said))
    for pattern, words in _SAME_THING:
        said = pattern.sub(rf"\g<0> {words}", said)
    return f"{said} {_WHEN}" if _ASKS_WHEN.search(folded) or _SAYS_WHEN.search(folded) else said


def _stems(text: str, lang: str) -> set[str]:
    """The 4-letter stems of a text's content words, accents folded ("sábados" meets "sabado");
    in Spanish, the documents' stem for the patient's word (see `_SPANISH_STEM`)."""
    words = re.findall(r"\w{4,}", _concepts(fold(text)))
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


def _words(text: str, lang: str) -> set[str]:
    """Like `_stems`, with three-letter words too ("is there a fee?" must find the $50 fee), and, for the
    sentences of a passage, `_LONG` when the text asks or says how long ("fast … and for how long" is
    answered by "8 to 12 hours", which shares no other word with it)."""
    folded = fold(text)
    short = {word for word in re.findall(r"\b\w{3}\b", _concepts(folded)) if word not in _SHORT_STOPWORDS}
    long = {_LONG} if _HOW_LONG.search(folded) else set()
    return _stems(text, lang) | short | long


_LONG = "duracion"
_HOW_LONG = re.compile(
    r"\b(?:how\s+long|how\s+many\s+(?:hours|days|minutes|weeks)|cuanto\s+tiempo|cuantas\s+horas|cuantos\s+(?:dias|minutos)"
    r"|cuanto\s+(?:tarda|tardan|demora|demoran|dura))\b"
    r"|\b\d+(?:\s*(?:to|a|-|–|or|o)\s*\d+)?\s*(?:hours?|hrs?|horas?|minutes?|mins?|minutos?|days?|dias?|weeks?|semanas?"
    r"|business\s+days|dias\s+habiles)\b"
)


def _heading(hit: KnowledgeHit) -> str:
    return hit.text.partition("\n\n")[0].rpartition(" — ")[2].removeprefix(_SPANISH_SECTION)


def _fit(hit: KnowledgeHit, asked: set[str], lang: str) -> float:
    """How well a section answers: its similarity, raised by the question's words in its body and
    heading, lowered by heading words the question did not use ("Laboratory and walk-in hours" is
    a worse answer to "your hours on Friday" than "Clinic hours")."""
    heading = _stems(_heading(hit), lang)
    body = _stems(hit.text.partition("\n\n")[2], lang)
    return hit.score + 0.08 * len(asked & body) + 0.15 * len(asked & heading) - 0.05 * len(heading - asked)


def best(hits: list[KnowledgeHit], question: str, lang: str) -> KnowledgeHit:
    """The section, in the patient's language, that fits the question best (see `_fit`).

    Every hit competes, not only the top document's: the local embedding model knows English
    well and Spanish poorly, so for a Spanish question the right document is often not first.
    """
    in_language = [h for h in hits if ("español" in h.text.partition("\n\n")[0].casefold()) == (lang == "es")]
    pool = in_language or hits
    asked = _stems(question, lang)
    if lang == "es":  # the words it shares first: the similarities of Spanish sections are all alike
        return max(pool, key=lambda h: (_shared(h, asked, pool), _fit(h, asked, lang)))
    return max(pool, key=lambda h: _fit(h, asked, lang))


def _shared(hit: KnowledgeHit, asked: set[str], pool: list[KnowledgeHit]) -> float:
    """The question's words in a section, each weighing less the more sections have it ("cita" is
    everywhere, "ayuno" in one; by the square root, so that one rare word does not outweigh
    several), and twice in its heading ("qué traer a su cita" answers what to
    bring better than a section that says "traiga su tarjeta" in passing)."""
    heading = _stems(_heading(hit), "es")
    weight = 0.0
    for stem in sorted(asked & _stems(hit.text, "es")):  # one order, one float sum
        spread = sum(stem in _stems(other.text, "es") for other in pool)
        weight += (2 if stem in heading else 1) / math.sqrt(spread)
    return weight


def confident(hits: list[KnowledgeHit], best: KnowledgeHit, question: str, lang: str) -> bool:
    """Whether the section can be trusted to answer.

    In either language, two of the question's words in the section, one of them in no other
    document found, are enough ("do you accept Harvard Pilgrim?" scores low against any passage).
    English: similar enough, or nearly so and sharing the question's words (a short "do u take
    aetna" scores low against any passage, yet the insurance list names Aetna). Spanish: the local
    model scores every Spanish passage about alike, so at least half the question's own words must
    be in the section ("¿venden tarjetas de regalo?" is not answered by "tarjeta del seguro").
    """
    top = max(h.score for h in hits)
    asked = _stems(question, lang)
    shared = asked & _stems(best.text, lang)
    others = set().union(*(_stems(h.text, lang) for h in hits if h.title != best.title))
    # two of its words in the section, one found in no other document ("intérprete", "Harvard
    # Pilgrim"): what a long spoken question or a name the model does not know is about
    distinctive = len(shared) >= 2 and bool(shared - others)
    if not names_subject(best, question, lang):
        return False
    if lang == "es":
        return top >= LEXICAL_FLOOR and (2 * len(shared) >= len(asked) > 0 or distinctive)
    if top < MIN_CONFIDENCE and _together(best, asked, lang) < min(2, len(shared)):
        return False  # trusted on its words alone, they must be said together ("allergy" ≠ "test results")
    return top >= MIN_CONFIDENCE or (top >= LEXICAL_FLOOR and bool(shared)) or distinctive


# "do you have a pharmacy…?", "do u do allergy testing", "¿tienen cajero automático?", "¿hacen botox?":
# whether the clinic has or does a thing. The thing is named in the few words after the verb.
_HAS_THING = re.compile(
    r"\b(?:do|does|can)\s+(?:you|u|y'?all|ya|the\s+clinic)(?:\s+(?:guys|all))?\s+(?:have|do|offer|sell|provide|carry"
    r"|accept|perform)\s+(?:an?\s+|any\s+)?(?P<en>(?:[\w'-]+\s*){1,3})"
    r"|\b(?:is|are)\s+there\s+(?!(?:somewhere|anywhere|someplace|anyplace|a\s+place)\b)(?:an?\s+|any\s+)?(?P<there>(?:[\w'-]+\s*){1,3})"
    r"|\b(?:tienen|hacen|ofrecen|venden|aceptan|realizan|hay)\s+(?:(?:un|una|unos|unas|algun|alguna)\s+)?"
    r"(?P<es>(?:[\w'-]+\s*){1,3})"
)


def names_subject(best: KnowledgeHit, question: str, lang: str) -> bool:
    """Whether the section names what a "do you have / do you do X?" question asks about: some
    content word of X in it. A section that only shares the question's other words ("pay in cash"
    beside "¿tienen cajero automático?") does not say whether the clinic has X, so it must not be
    given as the answer. Questions of another shape, or an X of no content words, pass."""
    found = _HAS_THING.search(_concepts(fold(question)))
    if found is None:
        return True
    thing = _stems(found["en"] or found["there"] or found["es"], lang)
    return not thing or bool(thing & _stems(best.text, lang))


def _together(best: KnowledgeHit, asked: set[str], lang: str) -> int:
    """The most of the question's words that one sentence of the section says, with its title line
    (which every sentence of the section is said under)."""
    title = asked & _stems(best.text.partition("\n\n")[0], lang)
    return max(len(title | (asked & _stems(sentence, lang))) for sentence in ["", *_sentences(_body(best))])


def _paragraphs(body: str) -> list[list[str]]:
    """A section's paragraphs (a bullet is one), each as its sentences, the file's line wraps joined."""
    paragraphs: list[list[str]] = []
    for block in re.split(r"\n\s*\n|\n(?=\s*[-*] )", body):
        joined = " ".join(line.strip() for line in block.splitlines()).strip()
        joined = re.sub(r"\*\*(.+?)\*\*", r"*\1*", joined)  # Markdown bold as WhatsApp bold
        if not joined:
            continue
        if joined.startswith(("- ", "* ")):
            paragraphs.append([joined])
        else:
            paragraphs.append([part for part in re.split(r"(?<=[.!?])\s+(?=[A-Z¿¡(])", joined) if part])
    return paragraphs


def _sentences(body: str) -> list[str]:
    return [sentence for paragraph in _paragraphs(body) for sentence in paragraph]


def passage(hits: list[KnowledgeHit], chosen: KnowledgeHit, question: str, lang: str) -> str:
    """The paragraphs that answer `question`, from the chosen section and the other sections of its
    document in the same language. Each sentence scores the question's words it shares, a word
    weighing less the more sentences have it ("fast" is everywhere in the fasting guide, "coffee"
    in one line); the best few sentences (none much weaker than the best) bring their paragraphs,
    so an answer keeps its context ("the first no-show is waived; after that, $50"), in document
    order, at most `MAX_SENTENCES` lines when a paragraph is long. A checklist answers whole."""
    own = _sentences(_body(chosen))
    bullets = [unit for unit in own if unit.startswith(("- ", "* "))]
    if len(bullets) >= 3 and 2 * len(bullets) >= len(own):
        return "\n".join(own[:MAX_LIST])
    asked = _words(question, lang)
    same = _in_language(chosen, lang)
    siblings = [
        h for h in hits if h.title == chosen.title and h is not chosen and _in_language(h, lang) is same
    ]
    paragraphs = [p for section in [chosen, *siblings] for p in _paragraphs(_body(section))]  # in order
    sentences = [
        (place, sentence, _words(sentence, lang)) for place, p in enumerate(paragraphs) for sentence in p
    ]
    spread = {stem: sum(stem in stems for *_, stems in sentences) for stem in asked}
    scored = [
        (sum(1 / spread[stem] for stem in sorted(asked & stems)), place, sentence)
        for place, sentence, stems in sentences
        if asked & stems
    ]
    if not scored:
        return " ".join(own[:2])
    top = max(score for score, *_ in scored)
    best = [s for s in sorted(scored, key=lambda s: (-s[0], s[1]))[:MAX_SENTENCES] if s[0] >= top / 3]
    places = sorted({place for _, place, _ in best})
    lines = [" ".join(paragraphs[place]) for place in places]
    if sum(len(paragraphs[place]) for place in places) > MAX_PARAGRAPH_SENTENCES:
        lines = [
            sentence for _, _, sentence in sorted(best, key=lambda s: (s[1], paragraphs[s[1]].index(s[2])))
        ]
    return "\n".join(lines)


def _in_language(hit: KnowledgeHit, lang: str) -> bool:
    return ("español" in hit.text.partition("\n\n")[0].casefold()) == (lang == "es")
