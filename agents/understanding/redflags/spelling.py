"""Frightened people type fast: a respelling of the message for the red-flag signs to read.

The shared typo correction (`Text.corrected`) is deliberately cautious: it is for every recogniser
and must never turn one word into another. A red flag can afford more: the words that matter here
are few, and an emergency misread costs far more than one raised by a typo. So this view also
- expands the shorthand of text messages, English and Spanish ("rn" → "right now", "teh" → "the",
  "ke" → "que", "toy" → "estoy", "pra" → "para"), and
- respells a word of five letters or more that is one edit (a transposition counts as one) from a
  red-flag word of six or more and starts like it, unless it is an everyday word one edit from
  one (`KEEP`: "cooking" is no "choking", "soaking" no "shaking"): "chesst", "brethe", "bleding";
- drops a voice transcript's fillers and stutters ("um", "uh", "i i"), and
- tries Spanish texting spellings first ("kiere" → "quiere", "muxo" → "mucho"); shorter words are
  respelled by the texting map alone ("pexo" → "pecho", "hart" → "heart").
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

SHORTHAND = {
    "kms": "kill myself", "kys": "kill yourself",
    "teh": "the", "hte": "the", "rn": "right now", "n": "and", "w": "with", "w/": "with", "thru": "through",
    "pls": "please", "plz": "please", "u": "you", "ur": "your", "im": "i'm", "ive": "i've", "cant": "can't",
    "wont": "won't", "dont": "don't", "doesnt": "doesn't", "isnt": "isn't", "hes": "he's", "shes": "she's",
    "its": "it's", "cuz": "because", "bc": "because", "b4": "before", "2day": "today", "abt": "about",
    "wat": "what", "tounge": "tongue", "tonuge": "tongue", "hart": "heart", "fevr": "fever",
    "dotcor": "doctor", "ke": "que", "q": "que", "k": "que", "xq": "porque", "pq": "porque", "d": "de",
    "cn": "con", "pra": "para", "pa": "para", "toy": "estoy", "sta": "esta", "stoy": "estoy", "ta": "esta",
    "tb": "tambien",
    "tmb": "tambien", "mui": "muy", "xfa": "por favor", "porfa": "por favor", "aki": "aqui", "kien": "quien",
    "bn": "bien", "dsps": "despues", "pexo": "pecho", "trauge": "trague", "trage": "trague", "aora": "ahora",
    "ase": "hace", "lao": "lado", "reve": "reves", "pa'l": "para el", "mai": "mama", "pai": "papa",
    "toi": "estoy", "ejta": "esta", "ehta": "esta",
}  # fmt: skip
# everyday words a respelling must leave alone ("strike" is not a stroke, "care" is no "cara")
KEEP = frozenset(
    """strike broken checking chopping cooking taking soaking walking dropping allergies talking shaking
    waking drooping choking drooling towel breathes seizures overdosed overdoses attacks blister vomit
    reactions responds respond liquid toddlers inhale mowing selling droop
    semana pastilla sangra sangro piernas toalla dormida mareada mareando alergico alergias sudado desmaye
    desmaya desmayada vomita vomite vomitado apretando apretada hinchados hinchadas frente temperatura
    muchisima emergencias ampolla convulsiono vuelo despierto quieto embarazadas hablan fuertes quieren
    corta roncha liquidos""".split()  # noqa: SIM905
)
# the words red-flag signs are made of: the targets of respelling
WORDS = frozenset(
    """
    chest pain pains hurts hurting heart attack pressure tight tightness heavy crushing squeezing breathe
    breathing breath gasping choking suffocating bleeding blood bleed towels stopping spurting squirting
    stroke face drooping droopy crooked slurred slurring speech talking words weakness numb numbness arm
    left right side sudden suddenly suicide suicidal kill killing myself himself herself die dying alive
    living pills bottle swallowed overdose poison fever temperature baby toddler daughter pregnant
    pregnancy moving kicking water broke unconscious unresponsive awake waking seizure shaking swelling
    swollen throat tongue lips hives allergic reaction inhaler asthma wheezing vomiting throwing passed
    collapsed fainted burned boiling blisters really crazy emergency ambulance severe terrible horrible
    pecho dolor duele presion apretado corazon infarto respirar respira respiro aire ahogo ahoga atragantando
    sangre sangrando sangrado hemorragia toallas derrame cara boca torcida chueca caida hablar habla palabras
    brazo pierna lado dormido entumido debil debilidad repente matar matarme morir morirme quiero quiere
    vivir viviendo pastillas frasco tomo trago sobredosis veneno fiebre bebe nino nina hijo hija embarazada
    embarazo semanas mueve moviendo fuente liquido inconsciente despierta despertar responde reacciona
    convulsion convulsiones temblando hinchada hinchado hinchando garganta lengua labios ronchas alergia
    alergica inhalador asma silbido vomitando vomito desmayo desmayado quemadura hirviendo ampollas mucho
    mucha muchisimo emergencia ambulancia fuerte horrible terrible cabeza golpe mareo mareado sudando
    estoy esta tiene puedo puede despues porque tambien wake wrong vuelto cortar llena tongue swelling notice
    gone
    """.split()  # noqa: SIM905 - a word list reads best as words
)
_TOKEN = re.compile(r"[a-z0-9/]+(?:'[a-z]+)?")
# Spanish texting spellings, tried before the edit distance
_SPANISH_TEXTING = (("x", "ch"), ("k", "qu"), ("k", "c"), ("z", "s"), ("s", "z"), ("b", "v"), ("v", "b"))


@lru_cache(maxsize=8192)
def respell_word(token: str) -> str:
    """The red-flag word `token` stands for, or `token` itself."""
    if token in SHORTHAND:
        return SHORTHAND[token]
    if token in WORDS or token in KEEP or len(token) < 4 or not token.isalpha():
        return token
    for typed, meant in _SPANISH_TEXTING:
        variant = token.replace(typed, meant)
        if variant != token and variant in WORDS:
            return variant
    if len(token) < 5:
        return token
    candidates = [w for w in WORDS if w[0] == token[0] and abs(len(w) - len(token)) <= 2 and len(w) >= 6]
    found = process.extract(token, candidates, scorer=OSA.distance, score_cutoff=1, limit=2)
    if not found or (len(found) == 2 and found[0][1] == found[1][1]):
        return token  # nothing close, or two words equally close: leave it alone
    return str(found[0][0])


# a voice transcript's fillers and stutters ("ive been um saving my pills", "i i cut myself") come between
# the words a sign reads together
_FILLER = re.compile(r"\b(?:u+m+|u+h+m*|e+r+m+|e+h+m*|h+m+|m{2,})\b[\s,.]*")
_STUTTER = re.compile(r"\b([a-z']+)(?:[\s,.]+\1\b)+")


def respell(folded: str) -> str:
    """`folded` with fillers and stutters dropped, shorthand expanded and misspelt red-flag words put
    right."""
    fluent = _STUTTER.sub(r"\1", _FILLER.sub("", folded))
    return _TOKEN.sub(lambda m: respell_word(m.group()), fluent)
