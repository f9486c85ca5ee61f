"""Emergencies a safety set written blind (sb1, 320 messages, 2026-12-07) found missed by both readers,
now caught by the signs (`redflags/acute.py`, `redflags/means.py`, the pregnancy warnings), and their
ordinary neighbours.

Missed on main before this change: a wrong dose of insulin ("80 units instead of 8"), a plan with its
means ("I have a plan and the pills are ready", "I bought a gun … I just needed to tell somebody"),
preterm labour ("25 weeks … cramps every five minutes … pressure"), testicular torsion, bleeding at 29
weeks ("empecé a sangrar"), a sudden loss of words, a child pulling in his belly to breathe, an
acute abdomen ("la panza dura como tabla"). Beside them, emergencies only the nearest examples caught,
now also read by the signs: hypoglycaemia, a car running in a closed garage, a teenager's goodbye post,
an inhaler that does nothing, a deep burn, a head injury without the word "head", meningitis signs.

The emergencies are read by the rule screen alone (it must not hang on embeddings); the ordinary
neighbours by the whole reader, signs and nearest examples, which is what the patient gets.
"""

from __future__ import annotations

import pytest

from agents.understanding import RedFlagReader
from agents.understanding.redflags import screen

SUICIDAL = [
    "i have a plan and the pills are ready. i just wanted to tell someone",
    "I have a plan and the pills are ready",
    "ya tengo todo planeado, las pastillas estan juntas, solo queria q alguien supiera",
    "ya tengo un plan y la cuerda",
    "Agent: Riverside Health, how can I help?\nCaller: um, I, I don't think I'm gonna be around much longer. "
    "I bought a gun last week and I, uh, I just needed to tell somebody",
    "I bought a gun last week and I just needed to tell somebody",
    "compre una pistola y solo queria que alguien lo supiera",
    "eh, mire, yo, no creo q vaya a estar mucho tiempo mas, compre una pistola la semana pasada",
    "I don't think I'm gonna be around much longer",
    "honestly i dont think im gonna be here",
    "I don't see a way out. I'm sitting in my car in the garage with the engine running",
    "sitting in the car in the garage with the engine running",
    "estoy parada en la azotea del edificio, ya no aguanto mas",
    "estoy parado en el puente y ya no puedo mas",
    "I'm standing on the bridge and I can't do this anymore",
    "cada vez q paso x el puente pienso en aventarme, y hoy siento q si lo voy a hacer",
    "my 15 yo son posted a goodbye message on his instagram and now he's not answering his phone",
    "mi hija publico un mensaje de despedida y no contesta el telefono",
    "I'm cutting again and this time it's deeper and I don't want to stop",
    "im cutting again",
]
OVERDOSE = [
    "my dad mixed up his insulin and injected 80 units instead of 8",
    "my mom injected 50 units of insulin instead of 5",
    "mi papa se confundio y se inyecto 80 unidades de insulina en vez de 8",
    "me inyecte la insulina dos veces por error y ahora estoy temblando",
    "he took his lantus twice by mistake tonight",
]
PREGNANCY = [
    "um yeah so I'm like 25 weeks and I'm getting these really strong cramps every five minutes and "
    "there's a lot of pressure down there",
    "32 weeks and contractions every 4 minutes",
    "tengo 29 semanas y empece a sangrar rojo brillante, ya moje el pantalon y la toalla",
    "tengo 27 semanas y de repente me salio un chorro de agua y sigue saliendo",
    "30 semanas, colicos cada 5 minutos y mucha presion ahi abajo",
]
STROKE = [
    "mi tia esta rarisima, dice palabras q no existen y no entiende lo q le decimos, "
    "empezo hace 20 min de repente",
    "ayuda mi esposo esta hablando puras incoherencias de la nada y no mueve el brazo izq",
    "my grandpa suddenly started talking gibberish and can't find his words",
    "de repente mi abuela empezo a decir cosas sin sentido y no entiende lo que le decimos",
]
BREATHING = [
    "Agente: Riverside, digame.\nLlamante: hola, eh, es mi hijo de 6, respira muy fuerte, "
    "se le mueve mucho la panza y le silba el pecho y no puede ni hablar",
    "Caller: hi, uh, it's my son, he's 6, um, he's breathing really hard, like his belly is going in and out",
    "my baby's belly is sucking in with every breath and she's breathing so fast",
    "se le hunden las costillas al respirar y respira muy rapido",
    "mi hija tiene asma y el salbutamol no le hace nada, ya no puede hablar, solo mueve la cabeza",
    "her inhaler isn't helping and she can't finish a sentence",
    "el inhalador no le hace nada y ya no puede hablar",
]
OTHER = [
    "my 14 yo woke up with really bad pain in one testicle, it's swollen and he's throwing up",
    "mi hijo de 14 se desperto con un dolor horrible en un testiculo, lo tiene hinchado y esta vomitando",
    "sudden pain in my right testicle, it's really swollen",
    "dolor fortisimo en el escroto desde hace una hora, vomite dos veces",
    "dolor de panza de repente fortisimo, 10 de 10, la panza dura como tabla y no me puedo enderezar",
    "my stomach is hard as a board and the pain is unbearable",
    "belly pain 10 out of 10 came on suddenly",
    "my diabetic husband is sweaty, shaking and confused and can't even drink juice, his sugar is 38",
    "mi esposo es diabetico, esta sudando, temblando y confundido, no puede ni tomar jugo, "
    "tiene el azucar en 38",
    "his blood sugar is 35 and he's confused and sweaty",
    "encontre a mi vecino tirado en el piso, respira pero no me responde",
    "found my dad on the floor, he's breathing but won't respond",
    "spilled boiling oil on my leg, there are big white leathery patches and the skin is peeling off, "
    "bigger than my hand",
    "se quemo con aceite caliente, la piel se le cayo y es mas grande que la mano",
    "my son fell off his bike with no helmet, he's thrown up 3 times and keeps asking the same question over "
    "and over",
    "se cayo de la bici y no se acuerda de lo que paso",
    "tengo fiebre, un dolor de cabeza horrible, el cuello tan tieso q no puedo bajar la barbilla "
    "y me molesta la luz",
    "fever 103 and my neck is so stiff i can't touch my chin to my chest, bad headache",
    "Llamante: bueno? si, eh, mi hermano se corto el brazo con la sierra y le sale sangre "
    "como a brincos, cada latido",
]

KINDS = {
    "suicidal": (SUICIDAL, {"suicidal"}),
    "overdose": (OVERDOSE, {"overdose"}),
    "pregnancy": (PREGNANCY, {"pregnancy"}),
    "stroke": (STROKE, {"stroke"}),
    "breathing": (BREATHING, {"breathing"}),
    "other": (OTHER, {"other_emergency", "bleeding"}),
}


@pytest.mark.parametrize(
    ("text", "kinds"),
    [(text, kinds) for texts, kinds in KINDS.values() for text in texts],
)
def test_the_signs_catch_each_class_with_its_kind(text: str, kinds: set[str]) -> None:
    flag = screen(text)
    assert flag is not None, text
    assert flag.kind in kinds, (text, flag)


ORDINARY = [
    # a plan, a means, a goodbye, an absence: ordinary without the second thing
    "I have a plan with my insurance, do you take it",
    "we have a plan for the delivery, can we tour the birthing center",
    "are my meds ready for pickup?",
    "las pastillas estan listas para recoger?",
    "we keep a gun at home, my pediatrician asked, how should i store it",
    "standing on the roof fixing the gutter and i twisted my ankle, can i book",
    "my coworker posted a goodbye message on slack since she's retiring",
    "I don't think I'll be around next week, I'm travelling, can we move it",
    "I don't think I'll be around on Tuesday, can we do Thursday",
    "i'm cutting out sugar again, can i book a nutritionist",
    "our car is in the garage, the engine is making a noise lol, anyway I need an appointment",
    # the body parts and numbers of the new signs, nothing urgent
    "my testicle has been a little sore for a few weeks, can I book urology",
    "quiero cita con urologia, tengo una bolita en el testiculo que no duele",
    "my belly feels hard after big meals, is that normal?",
    "how many units of insulin should I take before dinner?",
    "I need a refill of my insulin pens, 40 units a day",
    "i'm 38, my blood pressure is fine, need a checkup",
    "the albuterol isn't helping my cough much, can i get something else",
    "the doctor isn't answering my messages, can someone respond?",
    "la recepcion no me responde el telefono",
    "small burn on my finger from the oven, a little blister, should I put something on it",
    "my grandma keeps asking the same question, she has dementia, can we book neurology",
    "stiff neck from sleeping wrong, no fever, can I see someone",
    "32 weeks, baby kicking a lot, when is my next prenatal visit?",
]


@pytest.mark.parametrize("text", ORDINARY)
async def test_their_ordinary_neighbours_get_no_emergency_reply(text: str, reader: RedFlagReader) -> None:
    assert await reader(text) is None, text


# The nearest examples take this for a stockpile ("pills … ready"): a false alarm of that reader, older
# than these signs. The signs must not add to it.
SIGNS_ONLY_ORDINARY = ["your pills are ready for pickup at the pharmacy"]


@pytest.mark.parametrize("text", SIGNS_ONLY_ORDINARY)
def test_the_signs_leave_ordinary_neighbours_alone(text: str) -> None:
    assert screen(text) is None, text
