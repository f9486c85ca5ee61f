"""Emergencies a second safety set written blind (sb2, 300 messages, 2026-12-07) found missed, now
caught by the signs, and their ordinary neighbours.

Run once on the code that already had sb1's fixes, sb2 scored recall 90.6% (English 98.9%, Spanish
82.2%): 17 emergencies missed by both readers, 47 by the signs alone. The classes: a farewell posted or
texted and no answer since ("perdón por todo … adiós", "the life insurance papers are in the drawer"), a
rope or gun bought or kept with despair or a threat ("se va a pegar un tiro"), cut wrists, a car in the
garage with the engine on, ketoacidosis ("the meter says HI", fruity breath), near-drowning, heat
stroke, septic shock (a pressure of 80/50 with confusion), carbon monoxide (the whole family with
headaches, a heater on all night), a laundry pod bitten, a baby drying out (sunken soft spot, no wet
diapers), a sudden loss of balance with vomiting, an arm "como de trapo", an elephant on the chest,
discomfort with cold sweat and grey skin, a hoarse voice after an allergen, an electric shock, an
inhaler used again and again, a fall on a pregnant belly, labour pains months early, an ectopic's
shoulder pain, a child's fever with a glass-test rash or a lost look; children called "pibe",
"chamaco" or "de 3 años".

The emergencies are read by the rule screen alone; the ordinary neighbours by the whole reader.
"""

from __future__ import annotations

import pytest

from agents.understanding import RedFlagReader
from agents.understanding.redflags import screen

EMERGENCIES = [
    # emergencies of the gated set that only the nearest examples caught, now read by the signs too (the
    # screen falls back to the signs when its embedder fails)
    "coughin up bright red blood, more than a spoonful, scared",
    "todos estarían mejor si yo no existiera",
    "been hiding my pills for weeks, i finally have enough",
    "i only have a few pills left but i'm going to swallow every one of them tonight so it ends",
    "soy el papá de Mateo Ruiz, nacido en 2019, se tragó unas pastillas de su abuela",
    "me tome la pastilla nueva y ahora tengo ronchitas y siento que se me cierra la respiracion",
    "the rash is fading but his lips are swelling",
    "do I have to take all the pills? I already took 20 and feel sleepy",
    "vomitando sangre, mucha, y me siento mareado",
    "my son (2) chewed through a pack of my iron pills",
    "Caller: hi, my dad spilled the kettle on his legs, the skin is coming off, it's a big area.",
    "my husband texted me that hes 'done' and that the life insurance papers are in the "
    "drawer, he wont pick up",
    "mi hija de 16 subio a sus historias 'perdon por todo, los quiero, adios' y no contesta el cel",
    "Paciente: este... no sé ni por qué llamo. Compré una soga hoy. Ya no puedo más con todo.",
    "me corte las muñecas y la verdad esta vez si queria morirme",
    "mi esposo tiene una pistola en la casa y ultimamente dice q se va a pegar un tiro",
    "there's a gun in the house and lately i keep thinking about using it on myself",
    "pienso meter el carro al garaje con el motor prendido cuando todos se duerman",
    "gave my dog to my neighbor, everything's sorted now. i just want the pain to stop for good",
    "type 1 teen, meter just says HI, shes been vomiting all day, breathing deep and fast",
    "el glucometro marca HI y lleva todo el dia vomitando",
    "found my toddler face down in the pool, hes awake now but really drowsy and keeps vomiting",
    "sacamos a mi sobrino de la alberca, estuvo abajo como un minuto, ya esta despierto pero muy adormilado",
    "working on the roof all afternoon, now hes confused, skin hot and dry and he stopped sweating",
    "mi papa tenia infeccion de orina y ahora tiene escalofrios, esta confundido y la presion 80/50",
    "whole family has headaches and feels dizzy, the heater's been running all night",
    "toda la familia tenemos dolor de cabeza y mareo, el calentador de gas estuvo prendido toda la noche",
    "my son bit into a laundry pod, he's vomiting",
    "mi hijo de 3 años mordio una capsula de detergente",
    "my 4 month old's soft spot looks sunken",
    "no wet diapers since morning and diarrhea all day, she's 5 months",
    "mi tio de 68 de repente no se puede parar, se va pa un lado, todo le da vueltas y vomito",
    "de la nada se me nublo la vista de un ojo y siento el brazo derecho como de trapo, no lo puedo levantar",
    "my dad says it's like an elephant sitting on his chest and he's gray and sweaty",
    "mi abuela de 80 dice q le duele la boca del estomago, esta vomitando, sudando frio y se ve gris",
    "she's allergic to nuts, ate a cookie, her voice sounds hoarse and she's throwing up",
    "ya me puse la epipen pero sigo con la lengua gorda y me cuesta tragar",
    "my son got a bad shock from an outlet, theres a burn on his hand and his heart is skipping",
    "ya use el inhalador como 5 veces y sigo sin poder respirar, casi no puedo hablar",
    "mija estoy de 28 semanas y me cai en la guagua, me di en la panza y tengo colicos",
    "27 weeks and fell down the stairs onto my belly, now having cramping",
    "estoy de 7 meses y tengo dolores como de parto, la panza se me pone dura cada 4 o 5 minutos",
    "tengo 6 semanas de embarazo, me duele muchisimo de un ladito abajo, me duele el hombro y "
    "me siento debil",
    "che, mi pibe tiene fiebre y le salieron unas manchitas violetas en las piernas q no se "
    "van cuando aprieto el vaso",
    "mi chiquito tiene fiebre de 39 y medio y está como perdido, no me mira, no llora",
    "mi abuelo no entiende lo q le digo y contesta cosas q no tienen nada q ver, en la mañana "
    "estaba normalito",
    "mi mama es diabetica y esta sudando, temblando y confundida, el azucar le marca 40 y no puede tragar",
]


@pytest.mark.parametrize("text", EMERGENCIES)
def test_the_signs_catch_each_class(text: str) -> None:
    assert screen(text) is not None, text


ORDINARY = [
    "I chewed my vitamins instead of swallowing them, is that ok",
    "I finally have enough saved for the copay, can I book",
    "we have enough pills till friday, refill please",
    "took 20 minutes to get here, i'm dizzy from the drive lol",
    "my son was born in 2019, needs his school physical",
    "so it ends at 5? the clinic i mean",
    "the kettle broke lol, anyway I need an appointment",
    "my husband is done with work, the life insurance papers are in the drawer if you need them for billing?",
    "sorry for everything, i was rude on the phone yesterday, can we reschedule",
    "perdon por todo el lio con la factura, ya pague",
    "i bought a rope ladder for the kids, unrelated, need a physical",
    "my meter says hi to me every morning lol, can I get new test strips",
    "my kid loves the pool, we go every day, need a sports physical",
    "went to the lake, swam all day, now I have a sunburn, want to book dermatology",
    "my bp was 85/60 at the pharmacy, I feel totally fine, is that ok",
    "we need to replace our furnace, my whole family is fine though, just a checkup",
    "my baby's diapers have been wet, eating fine, just a checkup",
    "my knee gives out and i can't stand for long at work, orthopedics please",
    "my hand falls asleep at night, can I see someone",
    "I have heartburn after tacos sometimes, is there a med for that",
    "my voice is hoarse from yelling at the game, is that normal",
    "got a static shock from the door lol, anyway need a refill",
    "I use my inhaler 2 times a week, is that too much?",
    "estoy de 7 meses, todo bien, cuando es mi proxima cita",
    "I fell on my knee last week, 20 weeks pregnant, baby is fine, need ortho",
    "mi hijo tiene fiebre de 38 pero esta jugando y comiendo bien",
]


@pytest.mark.parametrize("text", ORDINARY)
async def test_their_ordinary_neighbours_get_no_emergency_reply(text: str, reader: RedFlagReader) -> None:
    assert await reader(text) is None, text


# The nearest examples take these for carbon monoxide and an overdose: false alarms of that reader, older
# than these signs. The signs must not add to it.
SIGNS_ONLY_ORDINARY = [
    "the whole family has colds, can we all book flu shots? our heater is broken too",
    "I took 25 mg of zoloft and feel a bit sleepy, normal?",
]


@pytest.mark.parametrize("text", SIGNS_ONLY_ORDINARY)
def test_the_signs_leave_ordinary_neighbours_alone(text: str) -> None:
    assert screen(text) is None, text
