"""Six classes of false alarm, each fixed as a class, and the emergencies beside each that must still flag.

- A sore throat said to be mild or lasting ("no big deal", "going 2 wks"): "no big deal" put "big" beside
  "throat", the signs' swollen throat (`signs.py`: a size counts only said of the part); a lasting sore
  throat and a parent's booking call lay near choking and a feverish toddler (hard negatives).
- Fasting before blood work, "can I drink water": nearest "my water just broke" (hard negatives).
- A pill too big to swallow: nearest "i've been collecting my pills" (`ordinary.pill_form_only`; hard
  negatives could not carry it without hiding "i swallowed all my antidepressants").
- A drug rash fading or asked about going away (`ordinary.mild_for`).
- A knock on the head with every companion denied and the pupils said normal: nearest a feverish child,
  and "pupils" counted as serious whatever was said of them (`ordinary.companions_denied`).
- "¿tengo que tomar todas las pastillas del antibiótico?": "ten" ran on into "tengo", and "tomar ...
  todas" is also a regimen question (`regimen.py`).

While there, emergencies neither reader had: a throat that will not let saliva down (drooling, can't
swallow one's own spit), "labios enormes", a child who "mordió unas pastillas".
"""

from __future__ import annotations

from typing import Any

import pytest

from agents.understanding import RedFlagReader
from agents.understanding.redflags import screen
from agents.understanding.redflags.ordinary import companions_denied, mild_for, pill_form_only
from agents.understanding.redflags.regimen import AS_PRESCRIBED, regimen_only
from agents.understanding.text import clean, fold


def _f(text: str) -> str:
    return fold(clean(text))


HELD_OUT_V9 = [
    "Agent: Thanks for calling Riverside Health.\nCaller: uh hi, I'm, I'm calling for my son, this is Kevin "
    "Nunez, his dad. He's Caleb, Caleb Nunez, he was born January twentieth twenty-eighteen. He's got a sore "
    "throat, no big deal, but, like, can the pediatrician see him tomorrow afternoon after school?\nAgent: "
    "I'll text you the options.",
    "Agent: Riverside Health.\nCaller: yeah hi, do I need to, um, fast for a lipid panel? it's, uh, blood "
    "work, Thursday morning. like can I drink water\nAgent: I'll send you the details.",
]

ORDINARY = [
    # a sore throat, mild or lasting
    "He's got a sore throat, no big deal, but can the pediatrician see him tomorrow afternoon?",
    "sore throat, no big deal, can we get an appointment",
    "sore throat thats been going 2 wks",
    "my throat's been kinda sore like two weeks, is that normal",
    "uh my daughter has a, um, sore throat, nothing major, can she get in this week",
    "sor throat for 3 days no fever, need a appt",
    "mi hijo tiene dolor de garganta, nada grave, lo pueden ver mañana en la tarde?",
    "me duele la garganta desde hace 2 semanas, quiero una cita",
    # fasting before blood work
    "um, do I have to, like, fast before the blood work? can I still drink water?",
    "hey so for my labs tomorrow can i drink water in the morning",
    "can i drink water b4 my bloodwork",
    "puedo tomar agua antes de los análisis? es a las 8",
    "tengo que ir en ayunas para el perfil de lípidos? puedo beber agua?",
    # a pill too big to swallow
    "can't swallow the new pills, they're too big",
    "the pills are too big for my throat, can I crush them?",
    "cant swallow pills they r too big can u send liquid",
    "my son cant swallow the tablets, can they be chewed",
    "uh the capsules are, like, really big and I gag on them, is there a smaller one",
    "no puedo tragar las pastillas nuevas, son muy grandes",
    "no puedo tragar las pastillas, están muy grandes, me las pueden cambiar?",
    # a drug rash on its way out
    "how long does the rash take to go away after stopping amoxicillin",
    "stopped the amoxicillin 3 days ago and the rash is getting better, how long till its gone",
    "how long does an amoxicillin rash last",
    "amoxicillin rash almost gone, how long til its fully gone",
    "cuánto tarda en quitarse el sarpullido después de dejar la amoxicilina?",
    "la roncha por el antibiótico ya se está quitando, cuánto más dura?",
    # a knock on the head, every companion denied
    "hit his head at soccer, no vomiting, not confused, pupils look normal",
    "my son hit his head at soccer, no vomiting, not confused, pupils look normal. should we come in?",
    "he hit his head at soccer, um, he didn't throw up, he's not confused, pupils look normal, "
    "should I bring him in",
    "she bumped her head on the monkey bars, didnt throw up, not sleepy, pupils are equal, "
    "do we need to come in",
    "mi hijo se pegó en la cabeza jugando fútbol, no ha vomitado, no está confundido y las pupilas "
    "se ven normales",
    "se pegó en la cabeza en el fútbol, no vomitó, no está confundido, pupilas normales",
    # a regimen question
    "tengo que tomar todas las pastillas del antibiótico?",
    "tengo q tomar todas las pastillas del antibiotico??",
    "tengo que tomarme todas las pastillas aunque ya me sienta bien?",
    "debo tomar todas las cápsulas del antibiótico o puedo dejarlo?",
    "tengo que tomar la pastilla con comida?",
    "mi hija tiene que tomar las pastillas con comida?",
    "tengo que tomar el antibiótico cada 8 horas?",
    "do I have to take all the antibiotic pills even if I feel better?",
    # drooling, teething
    "my baby is drooling a lot, is that teething?",
]

EMERGENCIES = [
    # the throat
    "sore throat and now he can't swallow his own spit, drooling",
    "le duele la garganta y ahora no puede tragar ni su saliva, está babeando",
    "my toddler is drooling and can't swallow, his breathing sounds noisy",
    "está babeando y no puede tragar, le duele mucho la garganta",
    "she can't swallow her saliva and it hurts to breathe",
    "his sore throat got so bad he can't breathe and he's drooling",
    "sore throat 2 wks and now he cant breathe, making a high pitched noise",
    "sore throat and now my throat is closing up",
    "la garganta se le está cerrando y no puede respirar",
    # water, blood work
    "um, I think my water broke, I'm, uh, 35 weeks pregnant",
    "se me rompió la fuente y tengo 30 semanas",
    "fasting for my labs and I fainted in the waiting room, still dizzy",
    "after my blood draw I passed out and I'm still dizzy",
    "can't keep water down, he's vomiting blood",
    # pills and swallowing
    "can't swallow and my throat is closing after the new pills",
    "after the new pills my tongue is huge and I can't swallow",
    "a pill got stuck in my throat and I can't breathe",
    "no puedo tragar y se me cierra la garganta desde la pastilla nueva",
    "the pills are too big so I took all of them at once, like 30",
    "my son (2) chewed through a pack of my iron pills",
    "mi niño mordió unas pastillas de mi mamá",
    "i swallowed all my antidepressants about 30 min ago",
    "i only have a few pills left but i'm going to swallow every one of them tonight so it ends",
    # swelling said as a size
    "her lips are huge after eating shrimp",
    "huge lips after the peanut butter, and itchy",
    "my tongue feels too big for my mouth after the shrimp",
    "se le pusieron los labios enormes después de comer camarón",
    # a drug rash
    "rash after amoxicillin and now my lips are swelling",
    "the amoxicillin rash is spreading and I'm wheezing",
    "me salió sarpullido con la amoxicilina y ahora me cuesta respirar",
    "how long does the rash take to go away? because his face is swelling up and he's breathing funny",
    "the rash is fading but his lips are swelling",
    "rash after the antibiotic is going away but now my throat feels tight",
    # the head
    "hit his head and he's throwing up and very sleepy",
    "hit his head at soccer and now one pupil is bigger than the other",
    "hit his head, no vomiting, one pupil is bigger",
    "bumped his head, pupils look normal but he passed out for a minute",
    "se pegó en la cabeza y ha vomitado dos veces, está muy dormido",
    "se golpeó la cabeza, no vomitó pero le sale líquido de la nariz",
    # all the pills
    "tomé todas las pastillas del frasco",
    "me tomé todas las pastillas del antibiótico de una vez",
    "mi hijo se tomó todas las pastillas de mi mamá",
    "mi hija tiene que ir al hospital? se tomó 5 pastillas de mi medicina",
    "tengo que tomar todas las pastillas para acabar con todo",
    "voy a tomarme todas las pastillas esta noche",
    "my daughter took the whole bottle of amoxicillin",
    "do I have to take all the pills? I already took 20 and feel sleepy",
    "tengo que decirles que mi hijo se tragó diez pastillas",
]


@pytest.mark.parametrize("text", HELD_OUT_V9 + ORDINARY)
async def test_ordinary_messages_get_no_emergency_reply(text: str, reader: RedFlagReader) -> None:
    assert await reader(text) is None, text


@pytest.mark.parametrize("text", EMERGENCIES)
async def test_their_emergency_neighbours_still_flag(text: str, reader: RedFlagReader) -> None:
    assert await reader(text) is not None, text


@pytest.mark.parametrize(
    "text",
    [
        "He's got a sore throat, no big deal",
        "sore throat, no big deal, can we get an appointment",
        "sore throat no big deal",
        "the pills are too big for my throat, can I crush them?",
        "tengo que tomar todas las pastillas del antibiótico?",
        "tengo que tomar la pastilla con comida?",
        "mi hija tiene que tomar las pastillas con comida?",
        "tenemos que tomar las pastillas con agua?",
        "debo tomar todas las cápsulas del antibiótico o puedo dejarlo?",
    ],
)
def test_the_signs_read_no_emergency(text: str) -> None:
    assert screen(text) is None, text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("sore throat and now he can't swallow his own spit, drooling", "breathing"),
        ("no puede tragar ni su propia saliva", "breathing"),
        ("he's drooling and won't swallow, his voice sounds muffled", "breathing"),
        ("se le pusieron los labios enormes después de comer camarón", "anaphylaxis"),
        ("his tongue got so big after the bee sting", "anaphylaxis"),
        ("mi niño mordió unas pastillas de mi mamá", "overdose"),
        ("i swallowed all my antidepressants about 30 min ago", "overdose"),
        ("tengo que tomar algo? mi hija se tomó como 20 pastillas de paracetamol", "overdose"),
        ("me tomé todas las pastillas del antibiótico de una vez", "overdose"),
    ],
)
def test_the_signs_read_the_emergency(text: str, kind: str) -> None:
    found = screen(text)
    assert found is not None and found.kind == kind, (text, found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("can't swallow the new pills, they're too big", True),
        ("can I crush the pills, they are too big", True),
        ("is there a chewable, she cant swallow pills", True),
        ("no puedo tragar las pastillas, son muy grandes", True),
        ("my son (2) chewed through a pack of my iron pills", False),
        ("the pills are too big so I took all of them", False),
        ("the pills are too big and now my throat is swelling", False),
        ("the pills are too big, I'm taking them all tonight", False),
        ("the pills are too big and I feel dizzy", False),
    ],
)
def test_pill_form(text: str, expected: bool) -> None:
    assert pill_form_only(_f(text)) is expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("how long does the rash take to go away after stopping amoxicillin", True),
        ("the amoxicillin rash is fading", True),
        ("la roncha ya se esta quitando", True),
        ("the rash is fading but his lips are swelling", False),
        ("the rash is spreading", False),
        ("the rash is going away but I'm wheezing", False),
    ],
)
def test_a_fading_rash_is_mild(text: str, expected: bool) -> None:
    assert mild_for("anaphylaxis", _f(text)) is expected, text


def test_fading_is_no_word_for_a_bleed() -> None:
    assert not mild_for("bleeding", _f("how long until the bleeding goes away"))


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        ("child_fever", "hit his head at soccer, no vomiting, not confused, pupils look normal", True),
        ("other_emergency", "bumped her head, didn't throw up, pupils are equal", True),
        ("other_emergency", "se pego en la cabeza, no vomito, las pupilas se ven normales", True),
        ("other_emergency", "hit his head, no vomiting, pupils look different", False),
        ("other_emergency", "hit his head, no vomiting, his pupils", False),
        ("child_fever", "hit his head, no vomiting, now a fever, pupils look normal", False),
        ("overdose", "hit his head, no vomiting, pupils look normal", False),
    ],
)
def test_a_knock_with_its_companions_denied(kind: Any, text: str, expected: bool) -> None:
    assert companions_denied(kind, _f(text)) is expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tengo que tomar todas las pastillas del antibiotico?", True),
        ("hay que terminar todas las pastillas del tratamiento", True),
        ("debo tomar todas las capsulas aunque ya me sienta bien", True),
        ("do i have to finish all the antibiotic even if i feel better", True),
        ("tengo que tomar todas las pastillas", False),  # no question, no course: left to the signs
        ("tengo que tomar todas las pastillas? ya me tome 20", False),
        ("tengo que tomar todas las pastillas de una vez?", False),
        ("tengo que tomar todas las pastillas con alcohol?", False),
        ("tengo que tomar todas las pastillas para morir?", False),
    ],
)
def test_a_regimen_question(text: str, expected: bool) -> None:
    assert (AS_PRESCRIBED.search(text) is not None) is expected, text


def test_a_regimen_question_with_a_symptom_is_read() -> None:
    assert regimen_only("tengo que tomar todas las pastillas del antibiotico?")
    assert not regimen_only("tengo que tomar todas las pastillas del antibiotico? me cuesta respirar")
