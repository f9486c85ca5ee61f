"""Emergencies that triage lists name, checked as classes before any blind set missed them (2026-12-08):
the signs read 16 of these 27 phrasings not at all before `redflags/trauma.py` — a stab or gunshot
wound, a fingertip cut off, a fall from a roof with numb legs, a baby being born in the car, a bone
stuck with drooling, priapism, alcohol withdrawal, a metal chip in the eye, a threat with a weapon, a
pulsing lump with sudden pain, a toddler and cannabis gummies. Beside them, ordinary messages with the
same words (a vaccine "shot in the arm", "stabbed in the back" by a coworker, a fall last year, a baby
"coming in March", "I want to kill my brother for eating my leftovers lol").
"""

from __future__ import annotations

import pytest

from agents.understanding.redflags import screen

EMERGENCIES = [
    "my dad hit his head on the cabinet and he's on eliquis, now he has a headache and feels sick",
    "mi abuela se cayó y se pegó en la cabeza, toma anticoagulantes y ahora está vomitando",
    "my 3 year old got into my THC gummies and ate like 5, he's super sleepy and wobbly",
    "mi hijo se comió unas gomitas de marihuana y está muy dormido",
    "I cut off the tip of my finger with the mandoline, it won't stop bleeding",
    "se cortó un dedo con la sierra, se le desprendió la punta",
    "my brother got stabbed in the stomach, he's bleeding",
    "a mi vecino le dispararon en la pierna",
    "I think I'm having the baby, I can see the head",
    "ya viene el bebé, ya se le ve la cabecita, estamos en el carro",
    "he swallowed a fish bone and now he's drooling and can't swallow his spit",
    "se le atoró un hueso de pollo, babea y no puede tragar",
    "I used cocaine last night and now my chest is tight and my left arm is numb",
    "my erection has lasted 5 hours and it's really painful",
    "he fell off the roof, about 12 feet, and he can't feel his legs",
    "se cayó del andamio y no siente las piernas",
    "my husband is shaking and seeing bugs on the wall, he stopped drinking 2 days ago",
    "mi esposo dejó de tomar hace 2 días y está temblando y ve cosas que no existen",
    "something flew into my eye while grinding metal and now I can't see well and it's bleeding",
    "I want to kill my husband, I have the knife in my hand",
    "my son is threatening to hurt us with a bat, he's not himself, hearing voices",
    "my 2 month old has a fever of 38.1",
    "mi bebé de 6 semanas tiene 38 de temperatura",
    "my belly has a pulsing lump and sudden terrible pain going to my back, I'm 74",
    "my baby is breathing super fast and grunting with every breath",
    "he got stabbed in the back with a knife outside the bar",
    "my son was shot in the chest",
]

ORDINARY = [
    "I got shot in the arm with a flu vaccine today lol, is it normal to be sore?",
    "the nurse who gave me the shot in the arm was great",
    "my son got his shot in the leg yesterday and it's a bit red",
    "I was stabbed in the back by my coworker, figuratively, anyway I need a sick note",
    "I fell off a ladder last year and hurt my back, need a physio referral",
    "my daughter fell off her bike, scraped knee, is urgent care open?",
    "can I see the baby's head on the ultrasound next week?",
    "the baby is coming in March, when should I book the glucose test?",
    "ya viene el bebé en marzo, ¿cuándo me toca la prueba de glucosa?",
    "I sometimes feel like food gets stuck when I swallow, can I see GI?",
    "a veces siento que la comida se me atora, ¿me dan cita con gastro?",
    "I want to kill my brother for eating my leftovers lol",
    "quiero matar a mi hermano, se comió mi pastel jaja",
    "I stopped drinking 3 months ago and I feel great, can I get my liver tests?",
    "dejé de tomar hace un año, quiero un chequeo general",
    "I have a small lump in my belly button, no pain, can I book?",
    "I cut my finger chopping onions, it stopped bleeding, do I need stitches?",
    "my husband cut off the tip of the carrot and ate it, anyway what time is my appointment",
    "the shooting pain in my leg is back, sciatica again, can I see ortho?",
    "got a splinter of glass in my foot yesterday, it came out, is it ok?",
]


@pytest.mark.parametrize("text", EMERGENCIES)
def test_the_signs_read_what_triage_lists_name(text: str) -> None:
    assert screen(text) is not None, text


@pytest.mark.parametrize("text", ORDINARY)
def test_the_same_words_in_an_ordinary_message_are_left_alone(text: str) -> None:
    assert screen(text) is None, text
