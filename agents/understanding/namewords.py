"""The words that tell a name from the rest of a message, for `names.py`.

A name is whatever is left once the ordinary words are known, so reading names well is mostly
knowing those words: who a visit is for ("my daughter", "mi mamá"), the particles inside a name
("José de los Santos"), the words that join a name to the rest of an identity reply ("Lena Park,
born …"), and the ordinary words that follow "I'm" or "soy" without being a name ("I'm fine", "soy
alérgico"). They live here, apart from the rules that use them, so that the rules stay readable and
the lists can grow without touching them. Listed as patients write them; `word_set` folds them.
"""

from __future__ import annotations

from agents.understanding.dates import VOCABULARY as DATE_WORDS
from agents.understanding.language import ENGLISH_WORDS, SPANISH_WORDS
from agents.understanding.specialties import VOCABULARY as SPECIALTY_WORDS
from agents.understanding.text import word_set
from agents.understanding.timewords import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS

# The words before the writer's own name: explicit ("my name is", "me llamo") and soft ("I'm", "soy",
# "this is", "le habla"). Regular-expression alternatives, shared with the red-flag reader, which must
# know a lower-case name introduced this way for a name.
OWN_NAME_SAID = r"my\s+(?:full\s+)?name\s+is|my\s+name's|me\s+llamo|mi\s+nombre\s+(?:completo\s+)?es"
SELF_INTRODUCED = (
    r"this\s+is|i\s+am|i'm|it's|its|soy|yo\s+soy|le\s+habla|habla|(?:le|les|te)\s+escribe|here\s+is|here's"
)

# Who the visit is for, when a parent writes for a child: "it's for my daughter — Zoe Adams", "para mi
# hijo". A child is also the one a child's birth date or "my son needs…" points at (`ELDERS` below
# are only ever said outright). Regex alternations.
RELATIVES = (
    r"daughter|son|child|kid|baby|boy|girl|little\s+one|granddaughter|grandson|grandchild|hija|hijo|nino|nina"
    "|bebe|nieta|nieto|hijita|hijito|nena|nene"
)
# A grown-up of the family the visit is for, said outright ("it's for my mom", "es para mi mamá", "on
# behalf of my husband"): they are registered on this phone like a child when not found on it. Only
# after "for"/"para": "el cel de mi mamá" is whose phone it is, and "not for my husband" is nobody's.
ELDERS = (
    r"mother|mom|mum|mommy|mama|father|dad|daddy|papa|wife|husband|spouse|grandmother|grandma|granny"
    r"|grandfather|grandpa|madre|mami|padre|papi|esposa|esposo|marido|abuela|abuelo|abuelita|abuelito"
    r"|suegra|suegro"
)
PARTICLES = word_set("de del la las los y van von da di du le st")
# Words that join a bare name to the rest of an identity reply ("Lena Park, born 14/02/1990"), and
# the apologies that open a second try ("sorry, Tom Smith, March 2 2015").
CONNECTORS = word_set(
    """born dob d.o.b date of birth birthday birth and my is name phone number tel here it's its
    nacido nacida naci nací fecha nacimiento el on y mi es nombre teléfono telefono aquí aqui
    hi hello hey hola buenas buenos dias días good morning afternoon evening
    sorry oops actually ok okay sure yes yeah si sí claro perdón perdon disculpa disculpe
    she he was her his ella él fue nació nacio spelled spell spelt deletreado"""
)
# Ordinary words that follow "I'm" / "soy" / "this is" without being a name, beside the general word
# lists (`language.py`): how the writer is, what they are, who they are calling about, how they feel;
# and what follows a child's name in a request for papers ("mi hijo Thiago pal colegio": texting's "pa",
# "pal", "x" for "para", "por", and where the papers go).
NOT_NAMES = word_set(
    """fine good ok okay sure great well sorry here calling looking trying going writing texting
    interested new patient sick ill allergic pregnant diabetic worried scared afraid available free
    busy late early ready back home done happy sad tired also just still really very not the doctor
    nurse admin administrator staff system assistant bot calling for mother father mom dad wife husband
    paciente nuevo nueva alérgico alérgica alergico alergica embarazada diabético diabética enfermo
    enferma bien mal aquí llamando escribiendo disponible libre ocupado ocupada también yo tu usted
    administrador administradora enfermera doctor doctora madre padre mamá papá esposa esposo hermano
    hermana de dr dra mr mrs ms miss sr sra srta nacio nació nacida nacido born was is escribe escribo
    saluda habla hablo llama llamo he she they we you him them that this who ellos ellas nosotros
    her hers his their theirs us our
    extremely so too quite pretty super unhappy upset angry mad frustrated disappointed annoyed furious
    concerned confused unacceptable desperate fed glad muy bastante molesto molesta enojado enojada
    furioso furiosa decepcionado decepcionada preocupado preocupada harto harta frustrado frustrada
    pa pal xa x aca acá porfa pls plz colegio escuela school trabajo work guarderia guardería kinder daycare
    universidad college camp campamento q k ke qe
    deaf blind deafblind disabled handicapped autistic epileptic asthmatic hypertensive immunocompromised
    elderly senior vegan hard hearing impaired visually mute sordo sorda sordomudo sordomuda ciego ciega
    discapacitado discapacitada asmatico asmatica epileptico epileptica hipertenso hipertensa mudo muda"""
)
# (and a condition the writer lives with: "Hi, I'm deaf and I'll need an ASL interpreter", "soy sorda")
# ("q", "k", "ke": "que" as texted, which opens a clause about someone: "mi mamá, q no maneja el celular")
# Months that are also given names ("Julio Rodríguez", "Abril Soto", "April Reyes", "June Park",
# "May Chen"): capitalised and followed by another name word, a name, not a date word.
MONTHS_AS_NAMES = frozenset({"julio", "abril", "april", "june", "may"})
# What may follow a name after "I'm …" / "soy …" for it to be one ("I'm Lena Park and …", "soy Ana y
# nací …"), rather than the start of a sentence about something else.
NAME_FOLLOWERS = word_set(
    "and born dob my from here speaking y naci nací nacido nacida mi de aqui aquí hablando"
)


# Every word that is no name on its own: the languages' ordinary words, date and specialty words, the
# words above. A name is what is left.
ORDINARY_WORDS = (
    ENGLISH_WORDS
    | SPANISH_WORDS
    | DATE_WORDS
    | SPECIALTY_WORDS
    | NOT_NAMES
    | frozenset([*MONTHS, *MONTH_ABBREVIATIONS, *WEEKDAYS])
)
