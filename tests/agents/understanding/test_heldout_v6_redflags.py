"""Red flags after held-out v6: a hypertensive crisis (a reading of 180 or more over anything, or
anything over 120 or more, with a sign of harm) is an emergency, in English and Spanish; the reading
alone, an ordinary reading with a headache, a past reading and a question are not. The Spanish idiom
"me quiero morir de la vergüenza / de risa" is not suicidal intent; despair after it still is."""

from __future__ import annotations

import pytest

from agents.understanding.redflags import screen
from agents.understanding.redflags.semantic import plausible


@pytest.mark.parametrize(
    "text",
    [
        "my blood pressure is 210 over 130 and I have a pounding headache and blurry vision",
        "bp 185/100 at home, bad headache and seeing spots",
        "my mom's bp is 200/120 right now and she's confused",
        "BP reads 190/125, my chest feels tight and I'm short of breath",
        "blood pressure 230/140 and my nose is bleeding and I feel dizzy",
        "mi presión está en 200/120 y me duele mucho la cabeza",
        "la presion me salio 190 sobre 125 y estoy mareada",
        "mi tension esta en 210 y veo borroso",
        "a mi papa le salio la presion 220/130 y tiene el brazo entumido",
        "presion arterial 195/118, dolor de cabeza fortisimo y vomito",
        "mi presión está en 200/120 y me duele muchísimo la cabeza",
    ],
)
def test_a_hypertensive_crisis_is_an_emergency(text: str) -> None:
    assert screen(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "my bp is 190/110 and I feel fine, should I come in?",
        "my blood pressure is 130/85 and I have a headache",
        "bp 140/90 today with a headache, want to see cardiology",
        "my bp was 200/125 last month, I had a headache then, want a follow up",
        "what should I do if my bp is 200/120 and I get a headache?",
        "bp 180/100 no headache no chest pain no vision issues",
        "the bill was 200/120 dollars, my head hurts over it",
        "mi presion estuvo en 190/100 el mes pasado, ahora estoy bien, quiero control",
        "mi presión ha estado muy variable últimamente, quiero cita con cardiología",
    ],
)
def test_a_reading_alone_or_in_the_past_is_not(text: str) -> None:
    assert screen(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Ay, me quiero morir de la vergüenza, se me olvidó mi cita de ortopedia",
        "me quiero morir de risa jaja",
        "me quiero morir de verguenza, llegué tarde",
        "jaja me quiero morir de la risa con el doctor",
    ],
)
def test_the_spanish_idiom_of_dying_of_embarrassment_is_not_suicidal(text: str) -> None:
    assert screen(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "me quiero morir",
        "me quiero morir de tristeza",
        "me quiero morir, de verdad ya no puedo",
        "se quiere morir de dolor",
        "quiero morir de la verguenza y ya no quiero vivir",
        "me quiero morir de la pena que tengo",
    ],
)
def test_wanting_to_die_is_still_suicidal(text: str) -> None:
    found = screen(text)
    assert found is not None and found.kind == "suicidal"


@pytest.mark.parametrize(
    "text",
    [
        # held-out v7's one miss, a call whose extracted intent was a booking: a fall, a blow to the
        # head, vomiting and one side of the body weak
        "I fell off a ladder this morning and I want to see orthopedics about my wrist. But, uh, I also hit"
        " my head pretty hard and I've thrown up twice and the left side of my body feels kind of weak.",
        "the left side of my body feels kind of weak",
        "my right side feels weak since this morning",
        "el lado izquierdo del cuerpo lo siento débil",
        "me pegué en la cabeza y he vomitado dos veces",
        "me di un golpe en la cabeza y estoy confundido",
        "I smacked my head on the car door and now I keep throwing up",
        "hit my head on the shelf and I've puked since",
    ],
)
def test_one_side_weak_and_a_blow_to_the_head_with_vomiting_are_emergencies(text: str) -> None:
    assert screen(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "I slept on my left side and my arm is a bit numb this morning",
        "I hit my head last week and I feel fine now, can I see a doctor?",
        "me di cuenta que me duele la cabeza",
        "le di la mano al doctor y me dio la receta",
    ],
)
def test_near_misses_of_the_side_and_the_head(text: str) -> None:
    assert screen(text) is None


@pytest.mark.parametrize(
    ("clause", "compared"),
    [
        # a call's identity line is compared with no emergency example (v7: one sat nearer a bleeding one)
        ("Esperanza Torres, el veinticinco de junio de mil novecientos cincuenta y ocho.", False),
        ("Paciente: Esperanza Torres, 25 de junio de 1958", False),
        ("my name is Lena Park, born 3/4/1990", False),
        # anything more than who and when is still compared
        ("Lena Park 1990 and she is bleeding a lot", True),
        ("Bleeding Heavily Since 2 hours ago", True),
        ("my son, 3 years old, is not breathing right", True),
    ],
)
def test_a_name_and_a_birth_date_alone_are_not_compared_with_emergencies(clause: str, compared: bool) -> None:
    assert plausible(clause) is compared
