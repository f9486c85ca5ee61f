"""A surname spelt by the names of its letters in Spanish (held-out v7: "Jorge Luis Benítez. Benítez
con be larga, e, ene, i, te, e, zeta", registered as the platform heard it, "Benites") is read as the
English "N-O-V-A-K" is: its letters, with the accents of the word said before it; ordinary Spanish
made of letter names ("a ver, o sea", "el de la tarde") is left alone."""

from __future__ import annotations

import pytest

from agents.understanding.letternames import spell_spanish_letters
from agents.understanding.spelledout import spelled_words, unspell


@pytest.mark.parametrize(
    ("said", "words"),
    [
        ("Jorge Luis Benítez. Benítez con be larga, e, ene, i, te, e, zeta. Nací el veintidós", ["Benítez"]),
        ("Me llamo Ana Quiroga, cu, u, i, erre, o, ge, a.", ["Quiroga"]),
        ("Núñez: ene, u con acento, eñe, e, zeta", ["Núñez"]),
        ("Ibáñez, se escribe i, be larga, a con tilde, eñe, e, zeta", ["Ibáñez"]),
        ("soy Wendy Vázquez, doble ve, e, ene, de, i griega; Vázquez con ve corta, a, zeta, cu, u, e, zeta",
         ["Wendy", "Vázquez"]),
        ("Yolanda Ybarra, con i griega, be grande, a, erre, erre, a", ["Ybarra"]),
        ("Gutiérrez: ge, u, te, i con tilde, e, erre, erre, e, zeta", ["Gutiérrez"]),
        ("Xavier, equis, a, uve, i, e, erre", ["Xavier"]),
        ("Helena con hache, e, ele, e, ene, a", ["Helena"]),
        ("Kowalski: ka, o, uve doble, a, ele, ese, ka, i", ["Kowalski"]),
        ("Novak, N-O-V-A-K", ["Novak"]),  # English spelling: as before
    ],
)  # fmt: skip
def test_a_word_spelt_by_spanish_letter_names_is_that_word(said: str, words: list[str]) -> None:
    assert spelled_words(said) == words


@pytest.mark.parametrize(
    "said",
    [
        "a ver, o sea, de la tarde",
        "el de te ese",
        "ese de ahí, el de la tienda",
        "la hache de hospital",
        "me duele la pierna, la de la ele",
        "quería una cita con el doctor, eh, el de la tarde",
        "quiero una cita para el lunes a las tres",
        "tengo que ir a la farmacia o a la clínica, y a ver qué me dicen",
        "la vitamina de y la be doce",
    ],
)
def test_ordinary_spanish_made_of_letter_names_is_left_alone(said: str) -> None:
    assert spell_spanish_letters(said) == said
    assert spelled_words(said) == []


def test_the_spelling_of_a_word_said_before_it_is_not_a_second_name() -> None:
    assert unspell("Jorge Luis Benítez. Benítez con be larga, e, ene, i, te, e, zeta. Nací el 22") == (
        "Jorge Luis Benítez. Benítez, Nací el 22"
    )
