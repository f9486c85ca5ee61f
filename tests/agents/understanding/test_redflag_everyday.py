"""Everyday complaints are no emergency, in Spanish above all: the nearest-example screen read "me
duele el hombro al levantar el brazo", "¿a qué hora sacan sangre?" or "mi hija se cayó de la bici y se
raspó el codo" as emergencies (the model puts every Spanish text near every other). Hard negatives
of those classes in the bank and a margin over the nearest harmless example fixed them; the
Spanish phrasings of emergencies found on the way are signs now, read without the model."""

from __future__ import annotations

from typing import Any

import pytest

from agents.understanding import RedFlagReader, SemanticScreen, screen_red_flags


@pytest.mark.parametrize(
    "text",
    [
        "me duele el hombro al levantar el brazo",
        "¿a qué hora sacan sangre?",
        "¿hasta qué hora sacan sangre en el laboratorio?",
        "mi hija se cayó de la bici y se raspó el codo",
        "mi hijo se cayó y le duele el brazo, ¿lo pueden ver hoy?",
        "me pegué en la mano con la puerta y tengo un moretón",
        "tengo una uña encarnada que me duele",
        "me quemé con el horno, es pequeño y tiene ampolla",
        "tengo náuseas por las mañanas, creo que estoy embarazada",
        "estoy embarazada de 16 semanas y tengo un poco de acidez",
        "mi niña se cayó en el kínder y tiene un raspón en la frente",
        "mi bebé tiene fiebre de 37.9 después de la vacuna, está tranquila",
        "tengo ganas de llorar por todo, creo que es el posparto, quiero hablar con alguien",
        "me siento triste desde que perdí el trabajo, quiero hablar con alguien",
        "my shoulder hurts when I lift my arm",
        "my daughter fell off her bike and scraped her elbow",
        "I fell off a ladder, my ankle hurts but I can walk",
        "where is the nearest emergency room?",
    ],
)
async def test_an_everyday_complaint_is_no_emergency(embedder: Any, text: str) -> None:
    assert await RedFlagReader(SemanticScreen(embedder))(text) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("mi sobrino me dijo que preferiría estar muerto", "suicidal"),
        ("prefiero estar muerta que seguir así", "suicidal"),
        ("preferiría no despertar mañana", "suicidal"),
        ("llevo semanas sin tomarme el tratamiento, lo estoy guardando todo", "suicidal"),
        ("las estoy juntando para cuando me decida", "suicidal"),
        ("everyone would be better off if I didn't exist", "suicidal"),
        ("my family would be fine if I wasn't around", "suicidal"),
        ("voy en la semana 29 y tengo una jaqueca que no se me quita y veo destellos", "pregnancy"),
        ("tengo 33 semanas y se me salió mucha agua de golpe", "pregnancy"),
        ("hoy no he sentido las pataditas del bebé en todo el día", "pregnancy"),
        ("mi bebita de mes y medio tiene 38.4", "child_fever"),
        ("our little one is 5 weeks and has a fever of 100.9", "child_fever"),
        ("mi hijo tiene fiebre alta y no puede bajar la barbilla al pecho", "child_fever"),
        ("sentí como un latigazo en la cabeza y ahora veo borroso", "stroke"),
        ("acabo de devolver el estómago y era casi todo sangre", "bleeding"),
        ("got stung by a hornet and now I'm wheezing", "anaphylaxis"),
        ("me picó una avispa y me silba el pecho", "anaphylaxis"),
    ],
)
def test_spanish_and_indirect_emergencies_are_signs(text: str, kind: str) -> None:
    flag = screen_red_flags(text)
    assert flag is not None and flag.kind == kind, (text, flag)


@pytest.mark.parametrize(
    "text",
    [
        "prefiero no esperar, quiero la cita hoy",
        "everyone would be better off if I was here on time lol",
        "a bee stung my hand and it's a bit swollen, I'm not allergic",
        "I'm allergic to cats and I get a little wheezy, I want allergy tests",
        "se me traba el trabajo y no puedo hablar con el jefe",
        "me duele la cabeza y veo borroso cuando leo mucho, necesito lentes",
        "estoy embarazada de 16 semanas y quiero mi control",
    ],
)
def test_the_same_words_saying_something_else_are_no_sign(text: str) -> None:
    assert screen_red_flags(text) is None, text
