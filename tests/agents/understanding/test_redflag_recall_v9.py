"""Five classes of emergency both readers missed, caught by the signs now, and their ordinary neighbours.

1. A bleed that has gone on for tens of minutes ("45 minutes", "media hora"), or with paleness,
   dizziness or fainting beside it: heavy bleeding was only recognised at "an hour".
2. A drug (antibiotic, penicillin, ibuprofen, a vaccine, contrast dye, "la pastilla nueva") behind a
   rash with wheezing, faintness or dizziness, or behind swelling or trouble swallowing: anaphylaxis,
   as after a sting or a food. A mild rash with those companions denied stays ordinary.
3. A knock on the head with unequal pupils, fluid or blood from the nose or ears, a worsening headache,
   repeated vomiting, a fall from a height, blood thinners, or a baby: an emergency even when the other
   companions are denied ("no vomiting").
4. Indirect goodbyes said as an absence ("I won't be around for the appointment, thank you for
   everything", "ya no voy a estar"), while an absence with a reason (travel, work, a day named, "can we
   move it") is rescheduling.
5. Pills put aside and the intent to take them all: caught by the signs, not only the nearest examples.

The emergencies are read by the rule screen alone (it must not hang on embeddings); the ordinary
neighbours by the whole reader, signs and nearest examples, which is what the patient gets.
"""

from __future__ import annotations

import pytest

from agents.understanding import RedFlagReader
from agents.understanding.redflags import screen

BLEEDING = [
    "the nosebleed has been going for 45 minutes and he's getting pale",
    "nosebleed for 30 minutes now",
    "it's been bleeding for half an hour",
    "bleeding for 45 min and won't quit",
    "my cut has been bleeding for over 20 minutes",
    "his nose has been bleeding for like 25 mins",
    "nose bleed going on 40 minutes",
    "my daughter's nosebleed has been going for 40 minutes and she looks really pale",
    "cut my hand on a knife about half an hour ago and it's still bleeding",
    "his nose has been bleeding for 35 min now and he says he feels dizzy",
    "nosbleed for thirty minutes, pinching doesnt help",
    "le sangra la nariz desde hace media hora",
    "lleva mas de 20 minutos sangrando",
    "lleva 30 minutos sangrandole la nariz",
    "la herida sangra desde hace 40 minutos",
    "a mi papa le sangra la nariz desde hace media hora y se ve palido",
    "llevo mas de 20 minutos sangrando de la herida y me estoy mareando",
    "sangrando de la nariz como 25 minutos ya",
    "nosebleed and she looks pale",
    "he's bleeding from the cut and feels dizzy",
    "bleeding from his nose and he fainted",
    "my nose is bleeding and i feel like i'm going to pass out",
    "the wound keeps bleeding and he's gone white as a sheet and clammy",
    "sangra de la nariz y esta palido",
    "le sangra la herida y se mareo",
    "esta sangrando y se siente mareada",
    "la herida de mi hijo sigue sangrando y ya casi se desmaya",
    "bledding for 30 minutes",
    "sangrando hace 30 min y no para",
    "nose bleed 45 mins and hes pale",
]

DRUG_REACTION = [
    "slight rash and I'm wheezing after the antibiotic",
    "started the penicillin, itchy rash and now I feel faint and dizzy",
    "took amoxicillin and my lips are swelling",
    "after the sulfa pill my throat feels tight and my face is swollen",
    "got my vaccine and now my tongue feels swollen",
    "had contrast dye and now i can't swallow well",
    "took an aspirin and now i'm wheezing",
    "after the ibuprofen my face is swelling up",
    "took a new antibiotic this morning, now there's a rash and my lips feel swollen",
    "got a flu vaccine an hour ago and now im wheezing and my chest feels weird",
    "after the amoxicilin my son broke out in a rash and now hes really dizzy",
    "had the contrast dye for my ct scan and now my face is puffing up",
    "new medicine gave me hives and im lightheaded",
    "started bactrim yesterday, red itchy rash all day and now im wheezy",
    "me tome la pastilla nueva y tengo la cara hinchada",
    "empece la penicilina y tengo ronchas y me siento mareado",
    "despues del antibiotico me silba el pecho",
    "le pusieron la vacuna y se le hincharon los labios",
    "tome ibuprofeno y se me hincharon los ojos y me cuesta tragar",
    "despues de la penicilina le salio sarpullido y esta muy mareada",
    "con la amoxicilina me salio comezon y siento que me voy a desmayar",
    "desde que me pusieron la inyeccion me cuesta tragar",
    "took my antibotic and now im wheezin with a rash",
    "tome la pastiya nueva y tengo ronchas y estoy mariado",
    "after the amoxicillin rash and getting lightheaded",
]

HEAD_INJURY = [
    "my son hit his head and his pupils look different sizes, no vomiting",
    "fell off the ladder and hit his head, not confused but clear fluid coming from his nose",
    "fell and hit her head, she's on blood thinners",
    "my baby fell off the bed and hit his head",
    "hit my head this morning and the headache is getting worse",
    "he hit his head and there's blood coming from his ear",
    "bumped his head and keeps throwing up, no confusion",
    "my toddler fell off the bunk bed onto his head and one pupil is bigger than the other",
    "grandpa slipped and hit his head, he's on warfarin, seems ok otherwise",
    "dad fell down the stairs and banged his head, he seems fine",
    "my 8 month old rolled off the couch and hit her head",
    "she hit her head on the table, no vomiting, not sleepy, but clear liquid dripping from her ear",
    "se golpeo la cabeza y tiene las pupilas de diferente tamano",
    "se cayo de la escalera y se pego en la cabeza",
    "se pego en la cabeza y le sale liquido transparente por la nariz",
    "mi bebe se cayo y se golpeo la cabeza",
    "se golpeo la cabeza y toma anticoagulantes",
    "se pego en la cabeza y el dolor de cabeza va empeorando",
    "mi abuela se cayo de la escalera y se pego en la cabeza, toma anticoagulantes",
    "se golpeo la cabeza y le sale sangre del oido, no ha vomitado",
    "mi bebe de 6 meses se cayo del cambiador y se pego en la cabeza",
    "hit his head and his pupils r different",
    "se pego en la cabesa y tiene las pupilas diferentes",
    "my mom fell and hit her head, she takes eliquis",
]

GOODBYE = [
    "I won't need directions anymore, I won't be around for the appointment",
    "i won't be around for the appointment, thank you for everything",
    "I won't be here much longer, cancel everything",
    "i wont be around much longer so you can give my slot to someone else",
    "cancel it, I won't be here after this weekend, thanks for everything",
    "you can cancel my appointments, i won't be around anymore",
    "won't be needing the appointment, take care all of you",
    "ya no voy a estar para la cita, gracias por todo",
    "no voy a necesitar la cita, ya no voy a estar",
    "despues de esta semana ya no estare, gracias por todo",
    "ya no voy a necesitar la cita, gracias por todo, cuidense",
    "despues de este fin de semana ya no voy a estar, denle mi lugar a otro",
    "no voy a estar para la consulta, gracias por todo lo que hicieron por mi",
    "i wont b around for the appt, thanks for everything",
    "ya no voy a estar pa la cita gracias x todo",
]

STOCKPILE = [
    "i have 60 pills saved up now and tonight im going to take them all",
    "i've got 40 pills saved and tonight i'm taking them all",
    "been saving my sleeping pills for weeks, tonight im swallowing the lot",
    "i've been hiding my oxy for a month and i'm going to take all of them",
    "tengo 60 pastillas guardadas y hoy en la noche me las voy a tomar todas",
    "junte 50 pastillas y esta noche me las tomo todas",
    "tengo las pastillas escondidas y me las voy a tomar todas de una vez",
    "i have 30 pills stashed and im gonna take em all tonight",
    "tengo 40 pastillas juntadas y me las voy a tomar todas hoy",
]

KINDS = {
    "bleeding": (BLEEDING, {"bleeding"}),
    "drug_reaction": (DRUG_REACTION, {"anaphylaxis"}),
    "head_injury": (HEAD_INJURY, {"other_emergency"}),
    "goodbye": (GOODBYE, {"suicidal"}),
    "stockpile": (STOCKPILE, {"suicidal"}),
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
    # absences with a reason or a bounded time: rescheduling
    "I won't be around next week, I'm travelling",
    "I won't be around on Monday, can we move it?",
    "I won't be around next week, I'm on a work trip, can we move my appointment?",
    "i wont be here on friday, visiting my sister, please reschedule",
    "won't be around for the appointment, I'm on vacation that week",
    "I won't need the appointment anymore, I'm feeling better, thank you for everything",
    "no voy a estar, estoy de viaje",
    "no voy a estar el lunes porque salgo de viaje, me cambian la cita?",
    "ya no voy a necesitar la cita, ya me siento mejor",
    "no voy a estar esa semana por trabajo, gracias",
    # a bleed that stopped or is ordinary
    "my nosebleed stopped after 10 minutes",
    "he had a nosebleed for 20 minutes but it stopped, should he be seen?",
    "my son had a nosebleed that stopped after 10 minutes, should he be seen?",
    "le sangro la nariz unos minutos y ya paro, esta bien",
    "my gums bleed when i brush and i get dizzy when i stand up fast",
    "I felt faint when they drew blood for my blood test",
    "the appointment lasts 45 minutes right?",
    "i waited 30 minutes in the lobby and nobody called me",
    "I had a nosebleed last week for 20 minutes",
    # a mild rash, its companions denied; a side effect with no rash
    "mild rash after the antibiotic, no swelling and breathing is fine",
    "slight rash from the penicillin, no wheezing, no swelling",
    "a little itchy after the new pill, breathing fine, lips fine",
    "tengo un poco de comezon por la pastilla nueva, sin hinchazon y respiro bien",
    "the new blood pressure pill makes me a bit dizzy in the mornings",
    # a knock on the head with nothing dangerous
    "bumped his head on the table, no vomiting, acting totally normal, playing now",
    # pills, no stockpile or intent
    "i have 60 pills left, need a refill",
    "me quedan 30 pastillas",
    "I'm going to take all my antibiotics like the doctor said, 10 days",
    # found while writing these signs
    "the antibiotics arent helping my bronchitis, still wheezing",
    "I won't be around after 5pm, can you call me before?",
    "thanks for everything doctor, my mom won't need the appointment, she's doing great",
    "she keeps all her pills in a pill organizer and takes them all every morning",
    "no puedo tragar las pastillas nuevas, son muy grandes",
]


@pytest.mark.parametrize("text", ORDINARY)
async def test_their_ordinary_neighbours_get_no_emergency_reply(text: str, reader: RedFlagReader) -> None:
    assert await reader(text) is None, text


# The nearest examples still take these for emergencies (a pill too big to swallow for a stockpile, a
# question about a rash for a reaction, a knock with normal pupils for a child's fever): known false
# alarms of that reader, older than these signs. The signs must not add to them.
SIGNS_ONLY_ORDINARY = [
    "can't swallow the new pills, they're too big, is there a liquid?",
    "how long does the rash take to go away after stopping amoxicillin",
    "my son hit his head at soccer, no vomiting, not confused, pupils look normal",
]


@pytest.mark.parametrize("text", SIGNS_ONLY_ORDINARY)
def test_the_signs_leave_ordinary_neighbours_alone(text: str) -> None:
    assert screen(text) is None, text
