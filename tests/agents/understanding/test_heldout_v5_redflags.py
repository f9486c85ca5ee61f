"""Red flags and held-out v5: two calls got the emergency reply they did not need ("Could the doctor
get back to me?" after a question about an antibiotic with the pill; "my heart's been fluttering a bit
after coffee, that's all"), and so did a greeting ("hey, is this riverside health?"), all three from the
nearest-example screen. Fixed narrowly, recall first: a clause of nothing but a greeting, the clinic's
name or a plea to be called back is not compared (no word of a body, of help or urgency is in it); ten
hard negatives joined the bank (mild palpitations after coffee, antibiotics with the pill). The near
positives — palpitations with chest pain, fainting or breathlessness, real drug reactions — are still
emergencies, and English fainting became a sign as "passed out" and "se desmayó" were ("my heart is
racing and I just fainted" was read by neither reader)."""

from __future__ import annotations

import pytest

from agents.understanding import RedFlagReader, screen_red_flags
from agents.understanding.redflags.semantic import plausible


@pytest.mark.parametrize(
    "text",
    [
        "my heart is fluttering really fast and I have chest pain and feel like I'm going to pass out",
        "my heart is racing and I just fainted",
        "my heart's been pounding for an hour and now my chest hurts and I'm short of breath",
        "palpitations and I almost passed out in the kitchen",
        "tengo el corazon acelerado, dolor en el pecho y siento que me desmayo",
        "me late el corazon muy rapido y me desmaye hace un rato",
        "se me acelera el corazon y me falta el aire, me duele el pecho",
        "took amoxicillin an hour ago and now my throat is closing up and my lips are swelling",
        "after the antibiotic my face is puffy and I can't breathe well",
        "me tome el antibiotico y se me esta cerrando la garganta",
        "me dieron penicilina y tengo ronchas por todo el cuerpo y me cuesta respirar",
        "Caller: my heart's fluttering and I feel faint, the room is spinning, my chest is tight",
        "my heart keeps skipping and I blacked out for a second",
        "could the doctor call me back? my chest hurts really bad and my left arm is numb",
        "I took my antibiotic and now my tongue is swelling and I can't swallow",
        "after the amoxicillin I'm covered in hives and wheezing",
        "me tome la amoxicilina y tengo la lengua hinchada y no puedo tragar",
        "Caller: can the doctor call me back? I can't breathe and my lips are going blue",
        "is this riverside health? my husband collapsed and isn't breathing",
        "hola, es la clinica riverside? mi papa se desmayo y no responde",
    ],
)
async def test_the_near_positives_are_still_emergencies(reader: RedFlagReader, text: str) -> None:
    assert await reader(text) is not None, text


@pytest.mark.parametrize(
    "text",
    [
        "Agent: Riverside Health. Caller: Hi, it's Maria Garcia. I'd like a cardiology appointment... um, "
        "Wednesday, no, Thursday, Thursday the first, in the afternoon. My heart's been fluttering a bit "
        "after coffee, that's all. Agent: I'll text you the available times.",
        "My heart's been fluttering a bit after coffee, that's all.",
        "my heart kind of flutters after espresso, can I see cardiology next week?",
        "I notice my heart skipping now and then after coffee, no big deal, want it checked",
        "me late un poco rapido el corazon despues del cafe, eso es todo",
        "tengo palpitaciones cuando tomo cafe, quiero cita con el cardiologo",
        "hey, is this riverside health?",
        "Could the doctor get back to me?",
        "Agent: Riverside Health. Caller: Hi, this is Delphine Archer, June eighteenth, seventy-four. Dr. "
        "Chen put me on amoxicillin on Monday and I'm wondering if it's okay to keep taking my birth "
        "control with it, or if I need backup. Could the doctor get back to me? No rush. Agent: I'll pass "
        "your question on.",
        "does amoxicillin make the pill less effective?",
        "estoy tomando antibiotico, sigue funcionando la pastilla anticonceptiva?",
        "will the antibiotic mess with my birth control? should we use condoms this week?",
        "is it safe to take ibuprofen with my antibiotic?",
        "my doctor gave me doxycycline, does it cancel out the pill?",
        "la amoxicilina corta el efecto de los anticonceptivos?",
        "tomo anticonceptivos y me recetaron antibiotico, necesito otro metodo?",
        "hola, es la clinica riverside?",
        "hello is this the right number for riverside health",
        "can someone call me back please, no rush",
        "me puede llamar la doctora cuando pueda?",
    ],
)
async def test_the_hard_negatives_are_not(reader: RedFlagReader, text: str) -> None:
    assert await reader(text) is None, text


@pytest.mark.parametrize(
    ("clause", "compared"),
    [
        ("hey, is this riverside health?", False),
        ("Caller: hola, es la clinica riverside?", False),
        ("Could the doctor get back to me?", False),
        ("can someone call me back please", False),
        ("help me please", True),  # a word of help
        ("is this 911?", True),
        ("can the doctor call me, I cant breathe", True),
        ("Caller: help", True),
        ("my chest hurts", True),
    ],
)
def test_a_clause_that_says_nothing_of_a_body_is_not_compared(clause: str, compared: bool) -> None:
    assert plausible(clause) is compared


@pytest.mark.parametrize(
    "text",
    [
        "my heart is racing and I just fainted",
        "my mom fainted and we can't wake her",
        "I feel like I'm gonna faint and my chest is tight",
        "he keeps fainting",
    ],
)
def test_fainting_is_a_sign(text: str) -> None:
    assert screen_red_flags(text) is not None, text


@pytest.mark.parametrize(
    "text",
    [
        "I fainted once 10 years ago when giving blood. Should I tell the lab before my draw tomorrow?",
        "i fainted once last year and my doctor wanted a tilt table test how do i schedule it",
        "I didn't faint, just dizzy for a sec",
        "what should I do if someone faints?",
    ],
)
def test_fainting_denied_past_asked_about_or_an_adjective_is_not(text: str) -> None:
    assert screen_red_flags(text) is None, text


async def test_almost_fainting_keeps_the_kind_of_what_caused_it(reader: RedFlagReader) -> None:
    flag = await reader(
        "passed a ton of blood when I went to the bathroom and I almost fainted on the toilet"
    )
    assert flag is not None and flag.kind == "bleeding"
