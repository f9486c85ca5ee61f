"""A person's name in a message: "my name is Ana Rodríguez", "soy Ana", "Lena Park, 14 Feb 1990".

Explicit phrasings ("my name is", "me llamo") are trusted; softer ones ("I'm", "soy", "this is")
and a bare reply ("lena park") are accepted only when the words do not read as ordinary words
("I'm fine", "soy alérgico", "I am the doctor" are not names). A bare reply needs two to four
words, so that "Thanks" or "Tuesday" never become a patient.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from agents.understanding.birthwords import spell_birth_aligned
from agents.understanding.identity import find_birth_date, find_phone
from agents.understanding.kin import KIN
from agents.understanding.namewords import (
    CONNECTORS,
    ELDERS,
    MONTHS_AS_NAMES,
    NAME_FOLLOWERS,
    ORDINARY_WORDS,
    OWN_NAME_SAID,
    PARTICLES,
    RELATIVES,
    SELF_INTRODUCED,
)
from agents.understanding.spelledout import unspell
from agents.understanding.text import clean, fold
from agents.understanding.timewords import NUMBER_RE
from agents.understanding.types import Language

_EXPLICIT = re.compile(
    r"\b(?:my\s+(?:full\s+)?name\s+is|my\s+name's|name\s*(?:is|:)|me\s+llamo|mi\s+nombre\s+(?:completo\s+)?es"
    r"|nombre\s*:|(?:her|his|their)\s+(?:full\s+)?name\s+is|(?:she|he)'?s\s+called|(?:she|he)\s+is\s+called"
    r"|se\s+llama|su\s+nombre\s+es)\s+"
)
_FOR_RELATIVE = re.compile(
    rf"\b(?:(?:for|para|about|de)\s+(?:my|mi|our|nuestr[oa])\s+(?:\w+\s+)?(?P<who>{RELATIVES})"
    rf"|(?<!\bnot\s)(?<!\bno\s)(?:for|para|on\s+behalf\s+of)\s+(?:my|mi|our|nuestr[oa])\s+(?:\w+\s+)?"
    rf"(?P<elder>{ELDERS}))\b"
    r"(?P<owner>'s)?\s*(?:[-,:]+\s*)?"
    r"(?P<intro>(?:her|his|their)\s+name\s+is\s+|se\s+llama\s+|(?:she|he)\s+is\s+|named\s+|called\s+)?"
)
_SOFT = re.compile(
    r"(?:^|[,.!;?)]\s*|\b(?:hi|hello|hey|hola|buenas|buenos\s+dias)[,!]?\s+)"
    rf"(?:{SELF_INTRODUCED})\s+"
)
# Who the writer is to someone else, before their own name: "soy el esposo de Ana, Luis Rodriguez",
# "I'm James's daughter, Emily Smith", "this is his wife, Mia Lopez", "This is James's father, Harold."
_KIN = KIN
_RELATION_INTRO = re.compile(
    r"\b(?:this\s+is|i\s+am|i'm|soy|yo\s+soy|le\s+habla|le\s+escribe|te\s+escribe)\s+"
    rf"(?:(?:el|la|su)\s+(?:{_KIN})\s+de\s+[^\W\d_]+|[^\W\d_]+'s\s+(?:{_KIN})|(?:his|her|their)\s+(?:{_KIN}))"
    r"\s*[,:-]\s*"
)
_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W\d_])?")
_KIN_AFTER = re.compile(rf"\s+(?i:{KIN})\b")
_MAX_WORDS = 4


def _title(word: str, first: bool) -> str:
    """Title-case one name word unless the patient already cased it deliberately ("McDonald")."""
    if not first and fold(word) in PARTICLES:
        return word.lower()
    if not (word.islower() or word.isupper()):
        return word
    return re.sub(r"[^\W\d_]+", lambda m: m.group()[0].upper() + m.group()[1:].lower(), word)


def _name_words(segment: str, *, strict_first: bool) -> list[str]:
    """The name words at the start of `segment`, stopping at punctuation or an ordinary word."""
    words: list[str] = []
    for raw in segment.split(" "):
        match = _WORD.fullmatch(raw.rstrip(",.;:!?"))
        if match is None:
            break
        word = match.group().removesuffix("'s")
        if word != match.group() and _KIN_AFTER.match(segment[segment.index(raw) + len(raw) :]):
            return []  # "it's Maria's sister": the name said is someone else's, not the writer's
        folded = fold(word)
        capitalised = word[0].isupper() and not word.isupper()
        ordinary = folded in ORDINARY_WORDS and folded not in PARTICLES
        month_named = not words and folded in MONTHS_AS_NAMES and _month_is_name(segment, raw, strict_first)
        if ordinary and not month_named and (not capitalised or (strict_first and not words)):
            break
        words.append(word)
        if _counted(words) == _MAX_WORDS or raw != raw.rstrip(",.;:!?"):
            break
    while words and fold(words[-1]) in PARTICLES:
        words.pop()
    return words


def _month_is_name(segment: str, raw: str, strict_first: bool) -> bool:
    """Whether a month's name at the start of a name (`raw`, its first occurrence in `segment`) is a
    given name: followed by a name word, capitalised when the month is ("June Park"; typed all in
    lower case, "my name is june park", "soy abril soto"); or, in lower case after "my name is" (not
    `strict_first`), alone ("my name is june"). Never before a number ("june 5")."""
    rest = segment[segment.index(raw) + len(raw) :].split()
    lower = raw[0].islower()
    if not rest:
        return lower and not strict_first
    if raw != raw.rstrip(",.;:!?"):
        return lower and not strict_first and not rest[0][0].isdigit()
    nxt = rest[0].rstrip(",.;:!?")
    return bool(_WORD.fullmatch(nxt)) and (lower or nxt[0].isupper()) and fold(nxt) not in ORDINARY_WORDS


def _counted(words: list[str]) -> int:
    """Name words that count towards `_MAX_WORDS`: "de los" in "José de los Santos" does not."""
    return sum(fold(word) not in PARTICLES for word in words)


def _format(words: Iterable[str]) -> str:
    return " ".join(_title(w, i == 0) for i, w in enumerate(words))


def name_in(
    cleaned: str, blanks: Iterable[tuple[int, int]], *, bare: bool, birth_at: int | None = None
) -> str | None:
    """`parse_name` on cleaned text whose `blanks` spans (a birth date, a phone) are to be ignored;
    a reply that is only a name counts when `bare` (the agent asked for it, or a birth date came).
    `birth_at` is where a birth date starts: the name said just before it is the patient's."""
    chars = list(cleaned)
    for start, end in blanks:
        chars[start:end] = " " * (end - start)
    blanked = "".join(chars)
    text = with_own_surname(unspell(blanked))
    folded = fold(text)
    before = (
        name_before_birth(with_own_surname(unspell(blanked[:birth_at]))) if birth_at is not None else None
    )
    if (relative := _FOR_RELATIVE.search(folded)) and (relatives := _after_relative(text, relative)):
        # "for my daughter, Zoe Adams": the child's name; but the name said right before the birth
        # date is whose birth date it is ("es para mi mama, q no maneja el celular: Dolores Huerta
        # Ríos, nacida el …": the words after "mi mama" were a clause about her)
        return before if before and fold(before) != fold(relatives) else relatives
    if birth_at is not None and (child := _after_mentioned(text, folded)):
        # "book my daughter Zoe Adler with Dr Okafor … dob dec 5 2019", "mi hija valentina ramirez tiene
        # fiebre … nacio el 2 de noviembre": the child named where mentioned, unless the name said right
        # before the birth date is another's (whose birth date it is)
        return before if before and fold(before) != fold(child) else child
    if introduced := _introduced(text, folded):
        # "this is Emily, …, Emily Smith, born …": the full name said later completes the first name
        full = before is not None and fold(before.split()[0]) == fold(introduced) and " " not in introduced
        # "its maria garcia. my son Leo Garcia (DOB 08/30/2021) …": the writer introduced themself, and
        # the birth date is the child's, so is the name said right before it
        other = before is not None and not fold(before).endswith(fold(introduced))
        for_child = other and mentioned_relative(folded) is not None
        if full or for_child:
            return before
        return introduced
    return before or (_bare_name(text) if bare else None)


def _after_relative(text: str, relative: re.Match[str]) -> str | None:
    """The name right after "for my daughter", "para mi mamá": two name words or more. After a
    possessive ("for my son's asthma follow up") comes what is the relative's, not their name,
    unless the name is announced ("for my son's, his name is …")."""
    if relative["owner"] and not relative["intro"]:
        return None
    words = _name_words(text[relative.end() :], strict_first=True)
    return _format(words) if len(words) >= 2 and fold(words[0]) not in PARTICLES else None


def _after_mentioned(text: str, folded: str) -> str | None:
    """Two name words or more right after a child of the writer's mentioned ("my son Leo Garcia")."""
    mention = _MENTIONED.search(folded)
    if mention is None:
        return None
    words = _name_words(text[mention.end() :].lstrip(" ,:-"), strict_first=True)
    if words and words[0][0].isupper():  # "mi nieto Pablo Soto necesita vacunas": the capitalised run
        lower = (i for i, w in enumerate(words) if w[0].islower() and fold(w) not in PARTICLES)
        words = words[: next(lower, None)]
    return _format(words) if _counted(words) >= 2 and fold(words[0]) not in PARTICLES else None


def _introduced(text: str, folded: str) -> str | None:
    """The name after "my name is" / "I'm" / "soy", or after who the writer is to someone else
    ("soy el esposo de Ana, Luis Rodriguez", "I'm James's daughter, Emily Smith")."""
    return _after(text, folded, ((_EXPLICIT, False), (_SOFT, True))) or _after_relation(text, folded)


def _after(text: str, folded: str, patterns: tuple[tuple[re.Pattern[str], bool], ...]) -> str | None:
    """The name right after the first of `patterns` found (strict ones need the name to end there)."""
    for pattern, strict in patterns:
        if match := pattern.search(folded):
            rest = text[match.end() :]
            words = _name_words(rest, strict_first=strict)
            if words and fold(words[0]) not in PARTICLES and (not strict or _ends_name(rest, words)):
                return _format(words)
    return None


def _after_relation(text: str, folded: str) -> str | None:
    """The writer's name after who they are to someone: two name words, or one capitalised that ends
    the sentence ("This is James's father, Harold.", "soy la esposa de Juan, Carmen")."""
    if match := _RELATION_INTRO.search(folded):
        rest = text[match.end() :]
        words = _name_words(rest, strict_first=True)
        enough = _counted(words) >= 2 or (len(words) == 1 and words[0][0].isupper())
        if enough and fold(words[0]) not in PARTICLES and _ends_name(rest, words):
            return _format(words)
    return None


# The writer's own name, first person only ("his name is …" is someone else's).
_OWN_EXPLICIT = re.compile(rf"\b(?:{OWN_NAME_SAID})\s+")


def own_name(text: str) -> str | None:
    """The name the writer gives as their own ("Hi, I'm Barnaby Voss, I'm calling for my son", "soy
    Maria Garcia, pero la cita es para mi hijo", "soy la esposa de Juan, Carmen"): who is speaking,
    which need not be who the visit is for."""
    unspelt = unspell(clean(text))
    folded = fold(unspelt)
    return _after(unspelt, folded, ((_OWN_EXPLICIT, False), (_SOFT, True))) or _after_relation(
        unspelt, folded
    )


# "Theo, same last name", "se llama Lucía, el mismo apellido que yo": the writer's own surname; a
# spelling of it that follows ("same last name, M-A-R-C-H-E-T-T-I", unspelt by then) is that surname.
_SAME_SURNAME = re.compile(
    r"\s*[,;:-]?\s*(?:with\s+|con\s+)?(?:the\s+|el\s+|mi\s+|my\s+)?(?:same\s+(?:last\s+name|surname|family\s+name)"
    r"|mismo\s+apellido|mismos\s+apellidos)(?:\s+as\s+(?:me|mine|my\s+own|his\s+\w+|her\s+\w+)|\s+que\s+(?:yo|el\s+mio"
    r"|la\s+mia|su\s+\w+|el|ella))?(?:\s+(?:too|also|tambien|también))?(?P<again>\s*[,;:-]?\s*[^\W\d_]+)?",
    re.IGNORECASE,
)


def with_own_surname(text: str) -> str:
    """`text` with "same last name" / "el mismo apellido" replaced by the writer's own surname ("Hi,
    this is Paolo Marchetti, calling for my son Theo, same last name" → "… my son Theo Marchetti");
    as it is when the writer gave no full name of their own."""
    if not (_SAME_SURNAME.search(text) and (own := own_name(text)) and len(own.split()) >= 2):
        return text
    surname = own.split()[-1]

    def put(match: re.Match[str]) -> str:
        again = match["again"] or ""
        return f" {surname}" + ("" if fold(again.strip(" ,;:-")) == fold(surname) else again)

    return _SAME_SURNAME.sub(put, text)


# The child as the one who needs the visit, not after "for": "my daughter needs a checkup", "mi hijo
# tiene fiebre", "can you see my son", "quiero que vean a mi hija".
_RELATIVE_NEEDS = re.compile(
    rf"\b(?:my|mi|our|nuestr[oa])\s+(?:\w+\s+)?(?P<who>{RELATIVES})\b(?:'s)?\s+(?:\w+\s+)?(?:needs?|has|is|got|gets"
    r"|should|wants?|keeps|necesita|tiene|esta|anda|sigue|se\s+(?:cayo|golpeo|torcio|corto|quemo|enfermo|siente))\b"
    rf"|\b(?:see|check|look\s+at|bring|examine|vean|vea|ver|revisen|revise|atiendan|atienda|llevar|traer)\s+"
    rf"(?:a\s+)?(?:my|mi|nuestr[oa])\s+(?:\w+\s+)?(?P<seen>{RELATIVES})\b"
)


_MENTIONED = re.compile(rf"\b(?:my|mi|our|nuestr[oa])\s+(?:\w+\s+)?(?P<who>{RELATIVES})\b")


def mentioned_relative(folded: str) -> str | None:
    """A child of the writer's mentioned anywhere ("can my daughter Ruby … see a pediatrician"):
    who the visit is for when the birth date in the message is a child's."""
    found = _MENTIONED.search(folded)
    return re.sub(r"\s+", " ", found["who"]) if found else None


def relative_in(folded: str) -> str | None:
    """The relative the visit is for ("daughter", "hijo"), when the writer books for someone else."""
    found = _FOR_RELATIVE.search(folded)
    if found:
        return re.sub(r"\s+", " ", found["who"] or found["elder"])
    needs = _RELATIVE_NEEDS.search(folded)
    return re.sub(r"\s+", " ", needs["who"] or needs["seen"]) if needs else None


def _ends_name(rest: str, words: list[str]) -> bool:
    """After "I'm …"/"soy …" the name must end the sentence or be followed by identity details
    ("I'm Lena Park, born…", "soy Ana y nací…"), so "I'm short of breath" names nobody."""
    after = rest.split(" ", len(words))[len(words) :]
    following = after[0].strip() if after else ""
    if not following or rest.split(" ")[len(words) - 1][-1:] in ",.;:!?":
        return True
    return fold(re.sub(r"\W+$", "", following.split(" ")[0])) in NAME_FOLLOWERS


def _bare_name(text: str) -> str | None:
    """A reply that is nothing but a name (plus connectors such as "born" or "DOB")."""
    parts = re.split(r"[\s,;:.!?/()]+", text)
    kept = [w for w in parts if w.strip("-") and fold(w) not in CONNECTORS]
    if not 2 <= _counted(kept) <= _MAX_WORDS:
        return None
    words = _name_words(" ".join(kept), strict_first=True)
    if len(words) != len(kept) or fold(words[0]) in PARTICLES:
        return None
    return _format(words)


def parse_name(text: str, *, language: Language) -> str | None:
    """The patient's name, title-cased ("lena park" → "Lena Park"), or None.

    A birth date (read in `language`'s order) and a phone number in the same reply are set aside
    first, so "Lena Park, 14 Feb 1990" gives "Lena Park".
    """
    cleaned = clean(text)
    birth = find_birth_date(spell_birth_aligned(fold(cleaned)), language=language, today=None)
    phone = find_phone(cleaned)
    spans = [c.span for c in (birth, phone) if c is not None]
    return name_in(cleaned, spans, bare=True, birth_at=birth.span[0] if birth else None)


# What may stand between a name and the birth date after it: "Lena Park, born", "(born", "DOB:",
# "he was born", "fecha de nacimiento", "nací el", "born on the".
_BIRTH_LEAD = re.compile(
    r"(?:[\s,;:.()\-–—]|\b(?:born|dob|d\.?o\.?b|date\s+of\s+birth|birth\s*date|birthday|on|the|was|is|were|he|she"
    r"|they|and|her|his|fecha\s+de\s+nacimiento|nacid[oa]|naci|nacio|el|en|fue|y|del?|here|speaking|aqui|hablando)\b)*$"
)
_CLAUSE_END = ",.;:!?()"
# A child's age said between the name and the birth date ("Noah Price. He's ten, born …", "Camila
# Ortega. Tiene ocho años, nació el …", "Zoe, 8 yrs old, dob …"): skipped, never a name ("Ocho Años").
_AGE = re.compile(
    rf"(?:[\s,;:.()\-–—]|\b(?:he|she|they)(?:'s|\s+is|\s+are)?\s+|\b(?:is|are|tiene|tienen|has|aged?)\s+)*"
    rf"\b{NUMBER_RE}\s*(?:(?:years?|yrs?|y/?o|anos|ano|añitos|anitos|añito|anito|años)(?:\s+old|\s+de\s+edad)?)?"
    r"[\s,;:.()\-–—]*$"
)


def name_before_birth(text: str) -> str | None:
    """The name said right before a birth date ("Aurelio Montenegro, 24/12/1961", "she's Mia
    Thornton, born 11/22/2018", "le escribe Jorge Luis Mendoza, fecha de nacimiento …"): two to four
    name words back from the birth date's lead-in, within one clause. A patient types a name the
    same way throughout, so when some words are capitalised only the capitalised run counts
    ("escribe Jorge Luis Mendoza" is Jorge Luis Mendoza)."""
    lead = _BIRTH_LEAD.search(fold(text))
    text = text[: lead.start()] if lead else text
    if age := _AGE.search(fold(text)):
        text = text[: age.start()]
    tokens = text.split()
    words: list[str] = []
    for i in range(len(tokens) - 1, -1, -1):
        raw = tokens[i]
        if words and raw[-1] in _CLAUSE_END:
            break  # the clause before the name ended here
        word = raw.strip(_CLAUSE_END)
        if _WORD.fullmatch(word) is None:
            break
        folded = re.split(r"['’]", fold(word))[0]  # "he's", "she’s": the pronoun
        initial = i == 0 or tokens[i - 1][-1] in ".!?"
        # "Julio Ramirez, 3/4/1988", and typed all in lower case, "julio ramirez 3/4/1988"
        given_month = (
            folded in MONTHS_AS_NAMES
            and bool(words)
            and fold(words[0]) not in ORDINARY_WORDS
            and (word[0].isupper() == words[0][0].isupper() or word[0].islower())
        )
        if (
            folded in ORDINARY_WORDS
            and folded not in PARTICLES
            and not (word[0].isupper() and not initial)
            and not given_month
        ):
            break
        words.insert(0, word)
        if _counted(words) == _MAX_WORDS or raw[0] == "(":
            break
    if any(w[0].isupper() for w in words):
        while words and (words[0][0].islower() or fold(words[0]) in PARTICLES):
            words.pop(0)
    while words and fold(words[0]) in PARTICLES:
        words.pop(0)
    return _format(words) if 2 <= _counted(words) <= _MAX_WORDS else None
