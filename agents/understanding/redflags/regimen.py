"""A question about taking medicine as prescribed is no overdose: "¿tengo que tomar todas las pastillas
del antibiótico?" asks whether to finish a course.

The overdose signs pair a word of taking with a word of quantity ("tomar ... todas", "took ... the whole
bottle") and, for a child, a word of taking beside pills. Spanish says the infinitive both when
someone means to take them all ("voy a tomarme todas las pastillas") and when a patient asks whether
they must ("tengo que / debo / hay que tomar todas las pastillas del antibiótico?", "¿mi hija tiene
que tomar las pastillas con comida?"). `AS_PRESCRIBED` is that question: an obligation to take or
finish medicine, asked (a question mark) or said of a course (an antibiotic, a treatment, "even if I
feel better", with food) — and never where the message also says something was taken, too much, at
once, by mistake, with alcohol or to die: any such word leaves the signs to read it (a veto only
costs a false alarm).
"""

from __future__ import annotations

import re

# said anywhere, the message is not only a question about a regimen
_TAKEN = (
    r"took|taken|swallowed|ate|eaten|drank|popped|got\s+into|got\s+hold|dosed|doses|injected|tome|tomo|tomado"
    r"|tomaron|se\s+tomo|trago|trague|tragado|se\s+trago|se\s+metio|comio|bebio|ingirio|inyecte|me\s+puse"
    r"|overdos\w*|sobredosis|intoxica\w*|envenen\w*|poison\w*|veneno|accident\w*|by\s+mistake|por\s+error"
    r"|sin\s+querer|at\s+once|de\s+una\s+vez|juntas|together|tonight|esta\s+noche|double|doble|extra|twice"
    r"|dos\s+veces|\d{2,}|alcohol|vodka|wine|vino|beers?|cervezas?|tequila|liquor|drunk|borrach\w*|die|dying"
    r"|kill\w*|suicid\w*|end\s+it|morir\w*|muer\w*|matar\w*|acabar\s+con|vivir|empty|vacio|missing|faltan"
    r"|sleepy|drowsy|dormid\w*|nodding|cabece\w*|vomit\w*|confus\w*|confundid\w*|unconscious|inconscient\w*"
)
# must take or finish: "tengo que tomar", "debo terminar", "hay que tomarse", "do I have to finish"
_OBLIGED = (
    r"\b(?:tengo|tiene|tienes|tenemos|tienen)\s+(?:que|q|k)\s+(?:seguir\s+)?(?:tomar\w*|terminar\w*|acabar\w*)"
    r"|\b(?:debo|debe|debes|debemos|deben|deberia|deberiamos)\s+(?:de\s+)?(?:seguir\s+)?(?:tomar\w*|terminar\w*)"
    r"|\bhay\s+(?:que|q)\s+(?:seguir\s+)?(?:tomar\w*|terminar\w*)|\bes\s+necesario\s+(?:que\s+)?(?:tom\w+|termin\w+)"
    r"|\b(?:do|does|should|must|shall)\s+(?:i|we|he|she|they|you)\s+(?:still\s+|really\s+)?(?:need\s+to\s+"
    r"|have\s+to\s+)?(?:take|finish|complete|keep\s+taking)\b|\b(?:have|has|need|needs|supposed)\s+to\s+"
    r"(?:finish|complete|keep\s+taking)\b"
)
# what makes it a question about a course: asked, or said of a treatment
_COURSE = (
    r"\?|\b(?:antibiotic\w*|antibiotico\w*|amoxi\w*|tratamiento|course|treatment|prescri\w*|receta|recetad\w*"
    r"|as\s+directed|even\s+if|aunque|con\s+(?:comida|alimentos)|with\s+food|en\s+ayunas|empty\s+stomach"
    r"|al\s+dia|por\s+dia|a\s+day|cada|every)\b"
)

AS_PRESCRIBED = re.compile(
    rf"^(?![\s\S]*\b(?:{_TAKEN})\b)[\s\S]*?(?:{_OBLIGED})[^.!\n]{{0,80}}?(?:{_COURSE})"
)

# a symptom beside the question: the nearest examples read the message (the signs have read it anyway)
_UNWELL = re.compile(
    r"\b(?:breath\w*|respir\w*|chest|pecho|throat|garganta|swell\w*|swollen|hinch\w*|rash\w*|ronch\w*|hives"
    r"|itch\w*|comezon|dizz\w*|mare\w*|faint\w*|desmay\w*|bleed\w*|sangr\w*|pain|dolor\w*|duel\w*|hurt\w*"
    r"|blue|azul\w*|morad\w*|wak\w*|despiert\w*|sad|triste|hopeless|sin\s+esperanza)"
)


def regimen_only(folded: str) -> bool:
    """Whether a clause only asks how to take medicine as prescribed (`AS_PRESCRIBED`) and says nothing
    of being unwell: the nearest examples put "¿tengo que tomarme todas las pastillas aunque ya me sienta
    bien?" beside "mi mamá se tomó las pastillas con mucho vino"."""
    return AS_PRESCRIBED.search(folded) is not None and _UNWELL.search(folded) is None
