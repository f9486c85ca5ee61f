"""Which language a message is in, English or Spanish, decided per message.

Function words and clinic words are counted for each language (Spanish punctuation and letters
count for Spanish); a message with no evidence either way ("ok", "2", "Lena Park, 14/02/1990")
keeps the conversation's language, so that a short reply never flips the agent's language.
"""

from __future__ import annotations

import re

from agents.understanding.text import clean, fold, tokens, unstretched, word_set
from agents.understanding.types import Language

ENGLISH_WORDS = word_set(
    """the an i i'm i'd i've my mine you your to of and or in on at for with from is are was be
    been am do does did don't can't can could would should will have has had it it's this that these
    what when where who why how which there please thanks thank hello hi hey yes yeah yep not
    appointment appointments book booking schedule reschedule cancel see want need like get make
    next tomorrow today week month morning afternoon evening tonight monday tuesday wednesday
    thursday friday saturday sunday january february march april june july august september october
    november december first second third last one doctor help talk person someone human agent
    about after before some any just sure okay great good bye name born birthday phone number
    skin heart knee back pain child son daughter kid baby rash bill insurance parking hours open
    refill prescription question call visit soon possible asap twice times was were got been
    having feel feeling hurts still since because but if then than also very much many wanted"""
)
SPANISH_WORDS = word_set(
    """el la los las un una unos unas yo mi mis tu su sus de del al que y o en con por para es son
    está estoy esta este soy tengo tiene quiero quisiera necesito puedo puede podría hay hola
    gracias sí buenos buenas días dias tardes noches favor cita citas turno turnos hora agendar
    reservar pedir cancelar anular cambiar reprogramar mover ver médico medico doctora hablar
    alguien persona humano mañana manana semana mes próximo proximo próxima proxima pasado lunes
    martes miércoles miercoles jueves viernes sábado sabado domingo enero febrero marzo abril mayo
    junio julio agosto septiembre octubre noviembre diciembre primera primero segunda segundo
    tercera tercero última ultima último ultimo ninguna ninguno cualquiera dale vale claro bueno
    perfecto listo correcto nombre llamo nací naci teléfono telefono dolor duele piel corazón
    rodilla espalda hijo hija niño nina niña bebé bebe receta factura seguro horario dirección
    pregunta tarde noche antes después despues cuanto cuándo cuando dónde donde qué como cómo
    cuál cual también tambien pero muy más mas dos tres veces vez ya aquí aqui hace tenía tenia
    estaba fue fui voy vamos va puedes usted ustedes nos les lo se sin sobre hasta desde cada otro
    otra mucho mucha poco todo todos nada algo eso esto esa ese cobraron pagué pague hoy ayer
    porque tambien estoy siento duelen quería queria porfa porfavor porfis xfa plis"""
)
_BOTH = ENGLISH_WORDS | SPANISH_WORDS
_SPANISH_MARKS = re.compile(r"[¿¡ñÑáéíóúÁÉÍÓÚü]")


def _word_scores(text: str) -> tuple[int, int]:
    """(English, Spanish) words; words that are both (e.g. "no", "a") count for neither."""
    english = spanish = 0
    for stretched in tokens(fold(text)):
        word = unstretched(stretched, _BOTH)  # "holaa" is Spanish, "hellooo" English
        in_en, in_es = word in ENGLISH_WORDS, word in SPANISH_WORDS
        english += in_en and not in_es
        spanish += in_es and not in_en
    return english, spanish


def language_scores(text: str) -> tuple[int, int]:
    """(English, Spanish) evidence counts: words, and Spanish punctuation and letters for Spanish."""
    cleaned = clean(text)
    english, spanish = _word_scores(cleaned)
    return english, spanish + len(_SPANISH_MARKS.findall(cleaned))


# Asking for a language is the clearest evidence there is.
_ASKS_SPANISH = re.compile(
    r"\b(?:in\s+spanish|spanish\s+please|speak\s+spanish|en\s+espanol(?:\s+por\s+favor)?|hablame\s+en\s+espanol)\b"
)
_ASKS_ENGLISH = re.compile(r"\b(?:in\s+english|english\s+please|speak\s+english|en\s+ingles)\b")
SWITCH_MARGIN = 2  # evidence the other language needs beyond the conversation's own to switch
CODE_SWITCH_RATIO = 4  # ... and how many times the own language's evidence, when there is any


def detect_language(text: str, *, hint: Language | None = None) -> Language:
    """The message's language; the conversation's (`hint`) unless the message clearly says otherwise.

    A conversation's language is sticky: a short reply ("ok gracias", "si"), a name ("Maria de la
    Cruz") or a Spanish word in an English sentence does not switch it; only a message whose other
    language outweighs its own by `SWITCH_MARGIN` words does, and, when the message has words of its
    own language too, by `CODE_SWITCH_RATIO` times ("the first one porfa" in a Spanish conversation is
    Spanglish, not English). With no hint, the larger count wins (English on a tie).
    """
    folded = fold(clean(text))
    if _ASKS_SPANISH.search(folded):
        return "es"
    if _ASKS_ENGLISH.search(folded):
        return "en"
    english, spanish = language_scores(text)
    if hint is not None:
        own, other = (english, spanish) if hint == "en" else (spanish, english)
        # A message with words of both ("the first one porfa", "la primera please") is code-switching,
        # not a change of language: the other language must also outnumber the own one's words
        # clearly (an accent in a name, "Ana Rodríguez", is not a Spanish word).
        own_words = _word_scores(clean(text))[0 if hint == "en" else 1]
        switch = other - own >= SWITCH_MARGIN and other >= CODE_SWITCH_RATIO * own_words
        return ("es" if hint == "en" else "en") if switch else hint
    return "es" if spanish > english else "en"
