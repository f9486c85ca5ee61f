"""Who the writer says they are to someone else, and whether two given names are one person's.

"This is James's father, Harold", "soy la esposa de Juan, Carmen", "hi it's Maria's sister", "soy
Julio, el hermano de Ana", "its leo, marias son": the writer names the person they are related to
(often the phone's owner), and sometimes themselves. Whether that makes them someone other than the
phone's patient is identity's question (`borrowed.writer_apart`); this module only reads the words.

Given names are compared the way a person would: accents and case aside, a nickname is its name
("Jim" is James, "Pepe" is José, "Lola" is Dolores), and a shortened form is the name it starts
("Alex", "Alexandra").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agents.understanding.text import fold

KIN = (
    r"husband|wife|son|daughter|brother|sister|mother|father|mom|mum|dad|partner|boyfriend|girlfriend|friend"
    r"|neighbou?r|caregiver|grandson|granddaughter|grandmother|grandfather|grandma|grandpa|nephew|niece|aunt"
    r"|uncle|cousin|esposo|esposa|marido|mujer|hijo|hija|hermano|hermana|madre|padre|mama|papa|pareja|novio"
    r"|novia|amigo|amiga|vecino|vecina|cuidador|cuidadora|nieto|nieta|sobrino|sobrina|abuelo|abuela|tio|tia"
    r"|primo|prima"
)
_INTRO = (
    r"(?:this\s+is|i\s+am|i'?m|it'?s|its|here\s+is|here'?s|soy|yo\s+soy|le\s+habla|te\s+habla|habla"
    r"|le\s+escribe|te\s+escribe)"
)
_NAME = r"[^\W\d_]+"
# The writer placed beside someone: "X's father", "marias son" (the apostrophe left out), "el hermano de
# Ana", or by pronoun ("his wife", "su esposo"); the writer's own name may come first ("soy Julio, …").
_KIN_INTRO = re.compile(
    rf"\b{_INTRO}\s+(?:(?P<own>{_NAME})\s*,\s*)?"
    rf"(?:(?:his|her|their|su)\s+(?:{KIN})"
    rf"|(?!(?:my|mi|the|a|an|your|our|tu)\b)(?P<of>{_NAME}?)(?:'s|’s|s)\s+(?:{KIN})"
    rf"|(?:el|la|un|una)\s+(?:{KIN})\s+de\s+(?!(?:mi|su|la|el|los|las|un|una|tu)\b)(?P<de>{_NAME}))\b"
)


@dataclass(frozen=True)
class KinIntro:
    """The writer said they are someone's relative: `of` is that someone's name as written (None for
    "his wife", "su esposo"), `own` the writer's own given name when it came first ("soy Julio, el
    hermano de Ana")."""

    of: str | None
    own: str | None


def kin_intro(folded: str) -> KinIntro | None:
    """Who the writer says they are related to, in a folded text; None when they say no such thing."""
    found = _KIN_INTRO.search(folded)
    if found is None:
        return None
    return KinIntro(of=found["of"] or found["de"] or None, own=found["own"])


# Everyday forms of given names: each name (folded) and the forms people go by.
_FORMS = """james jim jimmy jamie|william bill billy will willy liam|robert bob bobby rob robbie
michael mike mikey mick|elizabeth liz lizzie beth betty eliza lisa|katherine kate katie kathy
catherine kate katie cathy|anthony tony|richard rick ricky dick rich|edward ed eddie ted teddy
margaret maggie meg peggy|joseph joe joey|thomas tom tommy|daniel dan danny|christopher chris
matthew matt|nicholas nick|samuel sam sammy|david dave davey|stephen steve|steven steve
andrew andy drew|jennifer jen jenny|susan sue suzy|harold harry hal|henry hank harry
charles charlie chuck|patricia pat patty trish|jose pepe chepe|francisco paco pancho
guadalupe lupe lupita|jesus chuy chucho|guillermo memo|dolores lola loli|concepcion concha conchita
ignacio nacho|antonio tono tonio|rosario charo|maria mari maru mary|alejandro alex ale
enrique kike quique|eduardo lalo|manuel manolo manu|roberto beto|alberto beto|isabel isa chabela
gabriela gaby gabi|fernando nando fer"""
_NAMES_OF: dict[str, set[str]] = {}
for _line in _FORMS.replace("\n", "|").split("|"):
    _name, *_nicks = _line.split()
    for _form in (_name, *_nicks):
        _NAMES_OF.setdefault(_form, set()).add(_name)


def _names(given: str) -> set[str]:
    """The name a form stands for, and the form itself ("beto": roberto, alberto, beto)."""
    return {given, *_NAMES_OF.get(given, ())}


def same_given_name(said: str, registered: str) -> bool:
    """Whether a given name the writer used is the registered one: the same once folded, a nickname
    of it, or one the start of the other ("Alex", "Alexandra"); only the first word of each counts
    when either is compound ("María José" and "Maria")."""
    words, others = fold(said).split(), fold(registered).split()
    if not words or not others:
        return False
    one, other = words[0], others[0]
    if _names(one) & _names(other):
        return True
    shorter, longer = sorted((one, other), key=len)
    return len(shorter) >= 3 and longer.startswith(shorter)
