"""Classes of emergency the rule screen once missed, one block per source, each beside ordinary messages
that share its words: blind safety sets sb3–sb12 (written by people who saw neither code nor data, each
scored once on main before any change made for it) and the emergencies triage lists name, checked before
any blind set missed them. The messages are other phrasings of each class, not the sets' own (those are in
evals/datasets/safety.jsonl).

Read by the rule screen alone: the emergencies because it must not hang on embeddings, the ordinary
messages because they are the signs' own false alarms (the nearest examples are measured on the whole
set by `prm eval nlu`).
"""

from __future__ import annotations

import pytest

from agents.understanding.redflags import find_red_flag, screen
from agents.understanding.text import analyse
from agents.understanding.understand import VOCABULARY as UNDERSTANDING_VOCABULARY

# --- sb3 ------------------------------------------------------------------------------------------
# A third safety set written blind (sb3, 260 messages, 2026-12-07), made of understatement, lay and
# regional words, relayed accounts and emergencies spread over several sentences, scored once on the code
# with sb1's and sb2's fixes: recall 84.7% (English 93.3%, Spanish 76.0%), precision 86.4%; the signs
# alone missed 39 of its 150 emergencies. Those 39 are read by the signs now (`redflags/understated.py`
# and additions to the other modules), and the ordinary messages the signs flagged are left alone.
SB3_EMERGENCIES = [
    "I'm 85 and I can't lie flat tonight, I have to sit up to breathe, it sounds gurgly and I'm "
    "coughing up pink froth. Ankles have been swollen. Should I take another water pill?",
    "Can you move my therapy appt to next month. Honestly doesn't matter, I won't be around by "
    "then, the rope is already in the garage. sorry",
    "My 15yo left a note on her laptop saying everyone would be better off without her, and I found "
    "razor blades in her drawer. She's in her room now and won't open the door.",
    "my 2 yr old has that barking seal cough and now she's making a high squeaky noise when she "
    "breathes in even when she's resting, and the skin between her ribs sucks in. It's 2am, sorry.",
    "We picked mushrooms in the woods yesterday and made an omelet. Now, about 10 hours later, my "
    "wife and I both have terrible vomiting and diarrhea. Probably just a stomach bug?",
    "Caller: uh hi, I'm 29 weeks and I've been having, like, tightenings every 5 minutes for the "
    "past hour, and, um, some pressure down there. Agent: Is it painful? Caller: kind of, it comes "
    "and goes.",
    "Caller: um, yeah, I just wanted to, uh, ask, if someone took all their pills at once would it, "
    "like, hurt? Agent: Are you thinking of hurting yourself? Caller: I... I have the bottle right "
    "here. I'm just so tired.",
    "After the party my 4 year old drank from the cups left on the table. She's really wobbly and "
    "sleepy, threw up, and I can't keep her awake.",
    "Hi. I'm 70. Went to the bathroom and the toilet was full of bright red blood. It happened "
    "again 20 minutes later. I get dizzy when I stand up.",
    "I am 81 years old. This morning I could not lift my right arm to comb my hair, it just drops, "
    "and my coffee cup slipped from the same hand. It started about an hour ago. Should I wait for "
    "Dr. Patel on Thursday?",
    "Need a refill on my metformin please, 500mg. Also my left hand and left leg have felt numb and "
    "heavy since I woke up at 6, I keep dropping stuff. Is that the sugar?",
    "I had my baby 6 days ago. Since this afternoon I'm soaking a big pad every hour, passing clots "
    "bigger than a golf ball, and I feel lightheaded. Is this normal lochia?",
    "Hi um can I get a sick note for work? Pain around my belly button moved to the lower right "
    "since last night, it's 9/10 now, I can't stand up straight and I have a fever of 101.5.",
    "My grandma called me just now. She kept asking the same question. Her voice sounded thick, "
    "like after the dentist. She said her right hand feels asleep. She lives alone.",
    "I got rear-ended at a light, not bad, car's fine. I'm 7 months pregnant and my belly's been a "
    "bit crampy since. I feel okay otherwise, do I need to see anyone?",
    "Mi hermano es epiléptico y hoy le dieron tres ataques seguidos sin despertar entre uno y otro. "
    "Ahorita está quieto pero no abre los ojos.",
    "Desde el huracán tenemos la planta eléctrica prendida en la marquesina pegada a la casa, y hoy "
    "todos amanecimos con dolor de cabeza y vómito, y mi abuela no se quiere despertar.",
    "Mi cuñado se cortó la pierna con la motosierra, tiene un tajo hondo arriba de la rodilla, le "
    "amarramos un cinto y sigue saliendo sangre. Estamos en el rancho, a 40 minutos.",
    "Mi papá estaba fumigando la milpa sin mascarilla y ahora está babeando mucho, sudando, con las "
    "pupilas chiquititas y le tiemblan los músculos.",
    "¿Aceptan el seguro Ambetter? Me quiero cambiar. Ah, y mi esposa lleva una hora con náuseas, "
    "dolor en la parte alta de la panza y en la mandíbula, muy cansada y sudando. Tiene 64 y es "
    "diabética.",
    "Mi hijo de 13 es diabético, lleva dos días vomitando, respira hondo y rápido, el aliento le "
    "huele como a fruta y está muy adormilado. Se le acabó la insulina el finde.",
    "Tengo 79 años y vivo sola. Hace como una hora que no me salen las letras cuando escribo en el "
    "celular, todo me sale revuelto, y siento la mano derecha torpe. ¿Será la vista?",
    "Mi sobrino tomó té de floripondio con sus amigos para ver cosas y ahora está alucinando, con "
    "las pupilas enormes, la piel caliente y seca y el corazón a mil.",
    "Mi bebé de 9 meses tiene calentura, no para de llorar con un llanto agudo, raro, y la mollera "
    "se le ve abombada, como inflada.",
    "Mi marido se pegó un chispazo arreglando un enchufe y lo tiró al piso. Ya se levantó, pero "
    "tiene quemadita la mano y dice que el corazón le late raro, como brincando.",
    "Mi cipota de 2 años se tomó un trago de guaro que quedó en la mesa y ahora está muy dormida, "
    "fría y no me responde bien.",
    "Mi esposa tiene 8 meses y dice que el bebé se movía como loco anoche y hoy casi nada, solo una "
    "vez en toda la mañana. Ella no quiere ir para no exagerar.",
    "Tengo 35 semanas. Desde ayer me duele muy fuerte aquí arriba de la panza, del lado derecho "
    "debajo de las costillas, y la presión en la farmacia me salió 165/110. Pensé que eran agruras.",
    "Paciente: bueno, o sea, mi mamá estaba en la cocina y de repente no se podía sostener, se iba "
    "para atrás, se agarraba de la mesa, y tiene un ojo como bizco. Agente: ¿Cuándo empezó? "
    "Paciente: hace un ratito, como diez minutos.",
    "Tomo Sintrom. Me di un golpe en el muslo con la mesa y en dos horas se me puso enorme, duro y "
    "morado, me duele muchísimo y me siento mareado.",
    "¡Mi bebé se metió un botón a la boca, no llora, no le sale ningún sonido y se está poniendo "
    "morado! ¿Qué hago?",
    "Estaba manejando y de la nada empecé a ver todo doble, dos carriles, y se me adormeció la "
    "mitad de la boca. Me orillé. ¿Será el cansancio? Llevo 10 horas trabajando.",
    "Mi hermano lleva días diciendo que pronto ya no lo vamos a ver y que ya no nos va a dar "
    "problemas. Hoy vació su cuenta del banco para dejársela a mi mamá y escribió cartas para cada "
    "uno.",
    "Mi papá hoy no quiso desayunar. Dice que la taza le pesa. La sonrisa le sale rara, de un lado "
    "nomás. Y cuando le pregunto qué día es se queda callado. Anoche estaba bien.",
    "Ya tengo todo pensado para el domingo, cuando no haya nadie en la casa. Ya compré el veneno. "
    "No sé por qué le escribo esto aquí.",
    "Hubo un fuego en la cocina, ya lo apagamos, pero mi papá respiró mucho humo. Tiene la voz "
    "ronca, tose negro, como hollín, y le cuesta cada vez más respirar.",
    "Mi cipote de 5 años tiene calentura desde ayer y hoy le salieron unas manchas como moretones "
    "por el cuerpo y tiene las manos heladas. No quiere caminar, dice que le duelen las piernas.",
    "Mi hijo tiene anemia falciforme y hoy amaneció con fiebre de 38.6. Está jugando pero un poco "
    "cansado. ¿Lo llevo mañana a su cita o espero?",
    "Paciente: este... no, no es para cita. Es que... o sea, tengo la pistola de mi papá aquí "
    "conmigo y no quiero seguir. Agente: ¿Estás solo ahora? Paciente: sí.",
]
SB3_ORDINARY = [
    "I'm writing a novel where a woman in her 60s has a heart attack. What symptoms would she "
    "realistically have?",
    "My 6 yo had croup last week, the ER gave him a steroid dose and he's all better, barking cough "
    "gone. Does he need a follow-up?",
    "My mom had breast cancer and my grandma had a stroke in her 70s. What do I put in the family "
    "history section of the new patient form?",
    "En el formulario de paciente nuevo, ¿pongo que mi mamá tuvo un derrame cerebral? Fue hace 20 "
    "años y se recuperó.",
    "Mi abuelo murió por suicidio hace años y en el formulario preguntan antecedentes familiares de "
    "salud mental. ¿Es importante ponerlo?",
    "Tengo gripa y la nariz tapada, me cuesta respirar por la nariz pero por la boca bien. ¿Qué "
    "descongestionante puedo tomar con la pastilla de la tiroides?",
    "Mi hijo de 3 años todavía habla enredado, no se le entiende mucho. ¿El pediatra lo puede "
    "mandar a terapia de lenguaje?",
    "Tengo 28 años y me duele el pecho solo cuando aprieto aquí en el hueso, desde que cargué las "
    "cajas de la mudanza. Respiro bien. ¿Lo reviso en la cita del martes?",
    "Tengo un ojo más chiquito que el otro desde siempre y en las fotos se me ve la cara chueca. "
    "¿Eso lo ve un dermatólogo o un cirujano plástico?",
]

# --- sb4 ------------------------------------------------------------------------------------------
# A fourth safety set written blind (sb4, 300 messages, 2026-12-08: Spanish from many countries —
# Chilean "guata" and "guagua", Dominican "mi mai no ta hablando", rioplatense voseo — and relayed,
# apologetic or buried emergencies), scored once on main before any change made for it: recall 92.9%
# in English and 87.6% in Spanish, precision 89.8% / 93.4%; 16 emergencies missed. Those classes are
# read by the signs now (additions to `acute.py`, `means.py`, `signs.py`, `spelling.py`); the messages
# below are other phrasings of the same classes, not sb4's own (those are in evals/datasets/safety.jsonl),
# and ordinary messages that share their words.
SB4_EMERGENCIES = [
    "changing a pad every hour, bleeding a lot",
    "cambio la toalla cada 20 minutos porque se llena de sangre",
    "my mum took her entire month's supply of heart pills this morning by mistake and now she's really "
    "dizzy and weird",
    "se tomó toda la caja de pastillas de la presión sin querer y está muy mareado",
    "my grandad's diabetic and he's sweaty and confused, the meter reading says 41",
    "mi papá es diabético, está sudando y confundido, el glucómetro dice 35... digo, la glucosa dice 35",
    "my son is type 1, been vomiting since this morning and his breath smells of acetone, he's really drowsy",
    "mi hija es diabética, vomita y el aliento le huele a acetona, está como dormida",
    "el niño se bebió el thinner que estaba en el garaje, está tosiendo y vomitando",
    "my toddler swallowed some lamp oil, he's coughing",
    "my brother keeps texting that soon nobody will have to put up with him, he's not picking up and "
    "I'm scared",
    "mi hija escribió que pronto nadie va a tener que aguantarla y no sé dónde está",
    "she posted bye everyone on her story and won't answer her phone",
    "im holding a blade to my arm right now, i want to go deeper this time",
    "I won't need the appointment. I don't think I'll be around, I've got everything I need. Tell the "
    "doctor thank you",
    "ayer di a luz por cesárea y hoy tengo fiebre de 39, la herida supura y huele mal",
    "I had my baby 10 days ago by c-section, fever 38.9 and chills, the wound is oozing and smells bad",
    "mi abuela tiene una infección de orina, está confundida y la presión muy baja",
    "my dad has pneumonia, he's confused and his blood pressure is really low",
    "mi mai no ta bien, se le fue la fuerza de un lao y habla raro",
    "mi abuelo respira con mucho trabajo, los labios violetas, no puede terminar una frase",
    "a mi mamá le duele la guata, la tiene dura como piedra y vomita",
]
SB4_ORDINARY = [
    "my period is heavy this month, I change my pad every 3 hours, otherwise fine",
    "la regla me vino fuerte, cambio la toalla cada 3 horas, ¿es normal?",
    "my pills are ready, can I pick them up today?",
    "las pastillas ya están listas, ¿puedo pasar por ellas a la farmacia?",
    "my sugar reading says 138 this morning, is that ok after breakfast?",
    "la herida de la cesárea está un poco roja pero sin pus, no tengo fiebre, ¿es normal?",
    "c-section was 3 weeks ago, the scar looks fine, when can I drive?",
    "siempre tengo la presión muy baja y me mareo un poco al levantarme, ¿qué puedo hacer?",
    "my blood pressure is really low usually, is that a problem for the procedure?",
    "I won't be around next week, I'm travelling. I've got everything I need for the trip though",
    "nobody will have to deal with the paperwork if I sign online, right?",
    "ya no te voy a molestar más con lo del reembolso, gracias por todo",
    "my pal drove me to the appointment, can he wait inside?",
    "the nebu mask cracked, can I get a new one?",
    "does the clinic use thinner or acetone to clean the floors? i'm allergic to the smell",
    "mi hijo de 17 se fue a la casa de un amigo y no sé dónde está la tarjeta del seguro",
    "I took my whole week of vitamins in one pill organizer, is that right?",
]

# --- sb5 ------------------------------------------------------------------------------------------
# A fifth safety set written blind (sb5, 300 messages, 2026-12-08: less common emergencies — a snake
# bite, cauda equina, frostbite, serotonin syndrome, postpartum psychosis — emergencies said in numbers,
# indirect suicidality), scored once on main after sb4's fixes: recall 86.4% in English and 85.7% in
# Spanish, precision 88.4% / 91.1%; 24 emergencies missed. Those classes are read by the signs now
# (`redflags/uncommon.py` and additions to `means.py`, `acute.py`, `lexicon.py`); the messages below are
# other phrasings of the same classes, not sb5's own (those are in evals/datasets/safety.jsonl), and
# ordinary messages that share their words — four of them classes of sb5's false alarms (a usual
# saturation, a comparison of conditions, an idiom, ankles that swell late in pregnancy).
SB5_EMERGENCIES = [
    "I wrote letters for each of my children and updated my will. Thank you for everything, doctor",
    "regalé a mi perro y dejé todo arreglado para que no sufran cuando yo no esté",
    "I'm sitting on the bridge railing. I just wanted to say it wasn't your fault",
    "estoy parada en la azotea, solo quería avisarles",
    "I keep thinking about swerving my car into a tree on the highway",
    "pienso en tirarme al río cuando cruzo el puente",
    "my son tried to hang himself in the garage, we cut him down, he's breathing but confused",
    "my sugar meter shows 35 and I'm shaking and sweaty",
    "he took some oxy from a friend and now he's nodding off and breathing really slow",
    "my brother got bitten by a copperhead on his hand 20 minutes ago, it's swelling up",
    "a mi hijo de 4 años le picó un alacrán y está babeando",
    "suddenly there's a dark curtain over my right eye, started an hour ago",
    "my back has been killing me and now my groin went numb and I can't pee",
    "se me durmieron las nalgas y no puedo orinar desde anoche",
    "my fingers are white and hard after shoveling snow all night without gloves",
    "my heart rate is 190 sitting down and I feel like I'm going to faint",
    "my husband's arm got crushed in a machine at work, it's purple and he's screaming",
    "I take sertraline and had tramadol after my surgery, now I'm shaking, sweating and have a fever",
    "my wife had the baby last week and now she's hearing voices and says the baby isn't hers",
    "de un momento a otro mi papá no puede hablar",
    "no siento el brazo ni la pierna derecha desde hace media hora",
]
SB5_ORDINARY = [
    "my oxygen usually sits around 90 with my COPD, today is 91, just need my refill",
    "what's the difference between a stroke and a TIA?",
    "me ahogo en un vaso de agua con los trámites, ¿qué papeles llevo?",
    "tengo 34 semanas y se me hinchan los pies en la tarde, no tengo dolor de cabeza, ¿es normal?",
    "I saw a snake in my backyard, is there anything I should keep in the house in case?",
    "my heart rate was 160 on my run today, is that too high for my age?",
    "I got my hand caught in the car door yesterday, a bit bruised, can I get it looked at?",
    "I take sertraline, is it ok to take tramadol for my back?",
    "my sugar meter shows 135 after lunch, is that good?",
    "I wrote letters to my kids for their birthdays, can you recommend a family therapist?",
    "la fluoxetina me quita el sueño, ¿puedo tomarla en la mañana?",
]

# --- sb6 ------------------------------------------------------------------------------------------
# A sixth safety set written blind (sb6, 300 messages, 2026-12-08: teenagers and relayed accounts,
# workplace and sports injuries, children's emergencies beyond fever, mental-health crises, common
# emergencies in new words), scored once after sb5's fixes and `trauma.py`: recall 94.1% in English and
# 95.3% in Spanish, precision 87.9% / 91.0%; 9 emergencies missed, and 8 more caught only by the nearest
# examples. All of them are read by the signs now (additions to `trauma.py`, `means.py`, `acute.py`,
# `combined.py`, `lexicon.py`, `signs.py`); the messages below are other phrasings of the same classes,
# not sb6's own (those are in evals/datasets/safety.jsonl), and ordinary messages that share their words.
SB6_EMERGENCIES = [
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
SB6_ORDINARY = [
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

# --- triage ---------------------------------------------------------------------------------------
# Emergencies that triage lists name, checked as classes before any blind set missed them (2026-12-08):
# the signs read 16 of these 27 phrasings not at all before `redflags/trauma.py` — a stab or gunshot
# wound, a fingertip cut off, a fall from a roof with numb legs, a baby being born in the car, a bone
# stuck with drooling, priapism, alcohol withdrawal, a metal chip in the eye, a threat with a weapon, a
# pulsing lump with sudden pain, a toddler and cannabis gummies. Beside them, ordinary messages with the
# same words (a vaccine "shot in the arm", "stabbed in the back" by a coworker, a fall last year, a baby
# "coming in March", "I want to kill my brother for eating my leftovers lol").
TRIAGE_EMERGENCIES = [
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
TRIAGE_ORDINARY = [
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


# --- sb7 to sb10 ---------------------------------------------------------------------------------
# Four safety sets written blind (2026-12-08, 300 each: sb7 caregivers, chronic illness and drugs, the
# emergency at the end of a business message; sb8 voice transcripts and Spanglish; sb9 formal and older
# writers, non-native English; sb10 very short messages, folk names, what the writer sees), each scored
# once before any change made for it: recall en / es 96.5 / 90.5 (sb7) and 91.8 / 94.1 (sb8) on 5a4bd2a,
# then 97.6 / 89.5 (sb9) and 89.6 / 83.5 (sb10) on 974a199, after sb7's and sb8's fixes. The classes are
# read by `chronic.py`, `seen.py` and additions to the other modules; a voice transcript's fillers and
# stutters are dropped before reading (`spelling.py`); the shared typo correction is no longer a view.
SB7_10_EMERGENCIES = [
    "my mom is on xarelto and she's been peeing blood since this morning and feels faint",
    "mi papá toma sintrom y le salieron moretones enormes en las piernas sin golpearse",
    "my husband skipped dialysis twice this week, now he's short of breath and swollen",
    "no fue a la hemodialisis el lunes y hoy está muy débil y confundido",
    "my son's sugar reading is 480 and he keeps throwing up",
    "la glucosa de mi mamá está en 520 y no para de orinar",
    "my dad is diabetic, he's pale and sweaty and acting drunk, won't drink his juice",
    "took 3 nitro tablets and the chest pressure is still there",
    "my wife is on chemo and has a fever of 38.5 with chills",
    "started lamotrigine last week, now blisters in my mouth and my skin is peeling",
    "el oximetro dice setenta y ocho",
    "if i don't wake up tomorrow, tell my sister i love her",
    "my daughter texted saying goodbye and now she won't pick up",
    "estoy en el garaje con la soga, ya no puedo más",
    "I cut myself deeper than I meant to and honestly I wanted to go further",
    "la panza me duele tanto que no puedo ni caminar y tengo fiebre",
    "my 3 year old has had a fever for 6 days, red eyes and cracked lips",
    "my husband burned his face in the grill fire and his voice is hoarse",
    "the cut keeps spurting blood even with the towel on it",
    "she's been jerking on the floor for five minutes and won't stop",
    "I'm 32 weeks, slipped on the stairs and landed on my belly, now cramping",
    "gave grandma her sleeping pills twice by mistake, now we can't keep her awake",
    "mi hermano tomó tachas en la fiesta, está ardiendo en fiebre y con el corazón a mil",
    "um my my dad uh his face is drooping",
    "ya tengo la soga lista en mi cuarto",
    "le dio el ataque otra vez y sigue sin despertar",
    "mi abuelo está privado, no reacciona",
    "he's clutching his chest and he's grey and sweating",
    "I've been pressing on it for half an hour and it's still gushing",
    "she can only say two words at a time and uses her neck muscles to breathe",
    "se me hinchó la lengua y no puedo tragar",
    "le pusieron una inyección de penicilina, se puso roja y se le bajó la presión",
    "grandpa spent the night outside in the cold and now he's confused and slurring",
    "he swallowed a whole bottle of tylenol",
    "4 wk old baby with temp of 38.1",
    "gonna kms tonight",
]
SB7_10_ORDINARY = [
    "dad is on eliquis, stable, needs a refill",
    "i'm on warfarin and got a small bruise from the door, normal?",
    "I missed my dialysis ride, can you reschedule my appointment? I feel fine",
    "my sugar was 450 last year before insulin, now it's fine",
    "does chemo cause fever?",
    "if i don't wake up on time for my 8am can you call me?",
    "thanks for trying to fit me in, bye!",
    "not sure i'm safe to drive after the eye drops",
    "watched a movie where a guy has a heart attack, are the symptoms real?",
    "my cat had a seizure, any good vet nearby?",
    "I tried to kill myself in 2012, I'm doing well now and need my records",
    "been killing myself at the gym, my knees hurt",
    "this bill is gonna give me a heart attack lol",
    "kms this traffic",
    "me dio un aire en el cuello",
    "tuve un ataque de risa que no podía respirar jaja",
    "took my vitamin d twice by accident, feel fine",
    "how long after a stroke can my dad drive again?",
    "¿el análisis de sangre necesita ayuno?",
    "my grandmother had a seizure disorder her whole life, do I list it?",
    "the first aid course covers severe bleeding and CPR, when is it?",
    "she's 6 now, she had a febrile seizure when she was 1, any follow up?",
    "me quiero matar con este examen jaja",
    "la otra vez me dio un ataque de panico, quiero ver a la psicologa",
]


# --- sb11 and sb12 -------------------------------------------------------------------------------
# Two more safety sets written blind (2026-12-08, 300 each: sb11 parents and pregnancy, sb12 adults who
# understate and less common emergencies), scored once on 2253407 (after sb7-sb10's fixes): recall en / es
# 95.5 / 89.0 (sb11) and 89.4 / 89.4 (sb12). Read now by `young.py`, `exposure.py` and additions to
# `means.py`, `chronic.py`, `aggravating.py`; beside them their false alarms' classes.
SB11_12_EMERGENCIES = [
    "she's 7 months pregnant and her bp just read 165/112 at the pharmacy",
    "estoy de 34 semanas, me duele mucho la cabeza y veo lucecitas",
    "gave birth 10 days ago, terrible headache and I'm seeing spots",
    "positive pregnancy test last week, now sharp pain on my right side low down and I nearly fainted",
    "my baby choked on a grape, he can't cry or cough and he's turning blue",
    "my 10 month old is vomiting green and screaming, pulling his legs up",
    "my 5 week old has projectile vomiting after every feed and hardly any wet diapers",
    "my toddler chewed on my zyn pouches and now he's drooling and vomiting",
    "got drain cleaner splashed in my eye at work, it burns and I can't see well",
    "my leg was pinned under the car for an hour, now it's swollen tight and my toes are numb",
    "after crossfit yesterday my pee looks like cola and my arms are super swollen",
    "small cut on my hand two days ago, now a red streak up my arm and I have a fever of 102",
    "collapsed after the race in the heat, he's confused and his temp is 41",
    "my coworker got shocked by a live wire, he's confused and his heart is racing",
    "mi esposo es diabético tipo 1, lleva vomitando todo el día y respira muy profundo",
    "I bought a gun. My kids would be better off with the insurance money",
    "tengo el cuchillo en la mano y ya me corté",
    "I don't see any reason to stick around anymore, been cleaning my rifle every night",
    "mi amiga me dijo que hoy se mata",
    "my 7 month old fell off the bed and has a huge goose egg, now she's very sleepy and won't wake properly",
]
SB11_12_ORDINARY = [
    "tengo 28 semanas y a veces se me pone dura la barriga unos segundos, no duele",
    "my wife had preeclampsia with our first baby, what should we watch for this time?",
    "my 6 month old bumped her head on the crib, cried a bit and now she's laughing and feeding well",
    "my son says he'll kill himself if he has to go to the dentist again lol, can we move his checkup?",
    "mood is better, no thoughts of self-harm, just still anxious",
    "last month my daughter used her epipen after shrimp and went to the ER, she's fine now, referral?",
    "can you explain how to use an epipen? the school wants to train his teacher",
    "sometimes I joke I want to die when work is bad lol, I'm fine",
    "el año pasado pensé en quitarme la vida pero estuve en terapia y ahora estoy muy bien",
    "my partner snores and sometimes stops breathing at night, can he get a sleep study?",
    "Tengo 8 semanas de embarazo, náuseas pero nada de sangrado ni dolor",
]


FOUND = {
    "sb3": (SB3_EMERGENCIES, SB3_ORDINARY),
    "sb4": (SB4_EMERGENCIES, SB4_ORDINARY),
    "sb5": (SB5_EMERGENCIES, SB5_ORDINARY),
    "sb6": (SB6_EMERGENCIES, SB6_ORDINARY),
    "triage": (TRIAGE_EMERGENCIES, TRIAGE_ORDINARY),
    "sb7-10": (SB7_10_EMERGENCIES, SB7_10_ORDINARY),
    "sb11-12": (SB11_12_EMERGENCIES, SB11_12_ORDINARY),
}


def _cases(which: int) -> list[object]:
    return [
        pytest.param(text, id=f"{source}-{number}")
        for source, lists in FOUND.items()
        for number, text in enumerate(lists[which], start=1)
    ]


@pytest.mark.parametrize("text", _cases(0))
def test_the_signs_read_each_class_found_missed(text: str) -> None:
    assert screen(text) is not None, text


@pytest.mark.parametrize("text", _cases(1))
def test_the_same_words_in_an_ordinary_message_are_left_alone(text: str) -> None:
    assert screen(text) is None, text


# A farewell needs the writer to have gone quiet after it: "this is it" beside fear alone is a big day.
@pytest.mark.parametrize(
    "text",
    [
        "this is it, surgery day tomorrow, I am so scared",
        "this is it, my last chemo session, so scared but excited",
        "sorry for the delay, this is it: the form you asked for",
    ],
)
def test_this_is_it_beside_fear_or_an_apology_is_no_farewell(text: str) -> None:
    assert screen(text) is None, text


@pytest.mark.parametrize(
    "text",
    [
        "my friend sent me a pic of pills and said this is it, tell my mom sorry. hes not answering now",
        "she texted this is it goodbye and now shes not picking up",
    ],
)
def test_this_is_it_then_silence_is_a_farewell(text: str) -> None:
    flag = screen(text)
    assert flag is not None and flag.kind == "suicidal", text


# The shared typo correction is made for the intents' vocabulary: it turned "la semana pasada" into "pasado"
# and "mi personaje" into "mi persona", and the past or the story was read as now. Red flags read their own
# respelling only; these are read here as `understand` reads them, with the whole vocabulary.
@pytest.mark.parametrize(
    "text",
    [
        "mi vecino estuvo en el hospital por un infarto la semana pasada, ya está en casa bien. ¿Cómo pide "
        "cita?",
        "En el videojuego mi personaje se desangró jaja, perdón, era para preguntar el horario del "
        "laboratorio",
    ],
)
def test_the_intents_typo_correction_does_not_turn_a_story_into_an_emergency(text: str) -> None:
    assert find_red_flag(analyse(text, UNDERSTANDING_VOCABULARY)) is None, text


# An animal at the vet is no emergency of the clinic's, but only when the animal is the one it happened
# to: a dog that bit a child and a vet asked about in the same message is the child's bleeding.
@pytest.mark.parametrize(
    "text",
    [
        "my dog bit my son and he is bleeding a lot, is the vet open?",
        "el perro mordió a mi hijo y está sangrando mucho, ¿hay veterinario?",
        "the neighbours dog attacked me, im bleeding a lot, should i go to the vet or the er",
    ],
)
def test_a_person_hurt_by_an_animal_is_an_emergency_beside_a_vet(text: str) -> None:
    assert screen(text) is not None, text


@pytest.mark.parametrize(
    "text",
    [
        "my dog is bleeding from his paw, any vet open?",
        "mi perro convulsionó ayer, ¿me recomiendan un veterinario?",
        "el perro de mi vecino se desmayó por el calor, ¿ustedes saben de un veterinario?",
    ],
)
def test_an_animal_taken_to_the_vet_is_left_alone(text: str) -> None:
    assert screen(text) is None, text


# A worried question about the person asked for is about now, not a general question; a stroke sign that
# passed is still a stroke (a transient attack). Reviewing this session's precision rules found each of
# these missed by a rule that was too broad.
@pytest.mark.parametrize(
    "text",
    [
        "is it normal for my 2 month old to have a fever of 38.5 and not want to feed?",
        "is it normal for my baby to be this floppy after a fever of 39?",
        "is 38.5 a fever in my 3 week old? she wont feed",
        "my baby has 40 fever and wont wake up, just asking if i should go to the ER",
        "¿puede ser por la fiebre que mi bebé de 2 meses no despierta?",
        "my face drooped for 10 minutes and then it went away, now fine",
        "his arm went weak for a few minutes, he has been fine for an hour",
    ],
)
def test_a_question_about_ones_own_and_a_passing_sign_are_still_emergencies(text: str) -> None:
    assert screen(text) is not None, text
