"""A sixth safety set written blind (sb6, 300 messages, 2026-12-08: teenagers and relayed accounts,
workplace and sports injuries, children's emergencies beyond fever, mental-health crises, common
emergencies in new words), scored once after sb5's fixes and `trauma.py`: recall 94.1% in English and
95.3% in Spanish, precision 87.9% / 91.0%; 9 emergencies missed, and 8 more caught only by the nearest
examples. All of them are read by the signs now (additions to `trauma.py`, `means.py`, `acute.py`,
`combined.py`, `lexicon.py`, `signs.py`); the messages below are other phrasings of the same classes,
not sb6's own (those are in evals/datasets/safety.jsonl), and ordinary messages that share their words.

Read by the rule screen alone, as the other recall tests are: it must not hang on embeddings.
"""

from __future__ import annotations

import pytest

from agents.understanding.redflags import screen

EMERGENCIES = [
    "my son got kicked in the head by a cow, he was knocked out for a bit and now keeps throwing up",
    "le dieron una patada en la cabeza jugando fútbol, se desmayó y ahora vomita",
    "landed on my neck on the trampoline and now both my hands are tingling",
    "my dad touched a power line at work and fell off, he's confused and his hand is burned",
    "a mi papá le dio la corriente con un cable pelado, está inconsciente",
    "my brother grabbed a knife and says he's going to kill the neighbours, he stopped his meds",
    "my friend is on the roof saying she's going to jump",
    "he sent me a pic of pills, said this is it, tell his mom sorry, not answering",
    "mi hermana dijo que ya tomó la decisión y que lo siente por todo, no contesta",
    "i cut tonight and it's deeper than last time, can't make it stop",
    "my friend's arm was cut by the hedge trimmer, blood is coming out a chorro",
    "we're going through the towels, the cut on his leg won't stop",
    "the pain goes into my jaw and left arm and I'm sweating",
    "el dolor se va al brazo izquierdo y estoy sudando frío",
    "pressure cooker burst and burned her chest and arms, skin peeling off",
    "mi bebé de cinco semanas tiene fiebre y no quiso el pecho en toda la mañana",
    "my mother wrote that her left hand will not hold the cup and she cannot see well since lunch, "
    "speech slow",
    "chocaron de cabeza en el partido y ahora siente hormigueo en los dos brazos",
]

ORDINARY = [
    "he's having a stroke lmaooo he saw the price of eggs",
    "I hit my head on the car door, no headache, no vomiting, just a bump",
    "my neck hurts from sleeping wrong, no numbness",
    "my dad is an electrician who works on power lines, can he get a tetanus shot?",
    "the chef grabbed a knife to show me how to cut onions",
    "I cut again my bangs lol, when is my appointment",
    "I'm going to drive off to the beach this weekend, can I move my appointment?",
    "the pain goes away when I rest, it was just in my calf after running",
    "se me quemó la sopa, jaja, ¿a qué hora es mi cita?",
    "I made my decision, I want to switch to Dr. Patel",
]


@pytest.mark.parametrize("text", EMERGENCIES)
def test_the_signs_read_the_classes_the_sixth_blind_set_found_missed(text: str) -> None:
    assert screen(text) is not None, text


@pytest.mark.parametrize("text", ORDINARY)
def test_the_same_words_in_an_ordinary_message_are_left_alone(text: str) -> None:
    assert screen(text) is None, text
