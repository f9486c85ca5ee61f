"""Whole turns for the classes held-out v10 left: a pick put off while times are on offer books nothing
("let me check my work schedule first and I'll text you back"), and a pick still books; a call that
dropped, or whose caller took the request back, is greeted or thanked, never answered from the documents
or ticketed; someone else's contact details or visit are refused, a parent's own child's visit is not; a
question answered with the passage that answers it (an interpreter's notice, the street address asked
beside the directions, the billing office's number with no ticket beside it); a specialty or a day the
caller took back is not the one searched; a parent who introduces themselves by the child's name books
the child; a cancellation with the rebooking left for later cancels."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from api.runtime import Runtime
from graphs.runner import Runner
from tests.graphs.test_flows import tickets_of
from tests.graphs.test_understanding_classes import appointments_of
from tests.graphs.test_voice_turns import call
from tests.instant import TZ


def _starts(offered: list[Any]) -> list[datetime]:
    return [datetime.fromisoformat(o["start"]).astimezone(TZ) for o in offered]


@pytest.mark.parametrize(
    ("request_words", "put_off", "language"),
    [
        (
            "Hi, I'd like to book a dermatology appointment for next Thursday",
            "actually let me check my work schedule first and I'll text you back. thanks!",
            "en",
        ),
        ("derm friday morning please", "I need to check with my boss first, I'll get back to you", "en"),
        ("quiero una cita de dermatología el viernes", "déjame ver mi agenda y te aviso", "es"),
        ("dermatología el jueves por favor", "lo consulto y le escribo", "es"),
    ],
)
async def test_a_pick_put_off_books_nothing(
    demo: Runtime, patient: Any, register: Any, request_words: str, put_off: str, language: str
) -> None:
    pat = patient()
    await register(pat.phone, "Maria Garcia", "1985-04-12", language=language)
    await pat.says(request_words)
    assert pat.last.state.get("offered"), pat.last.reply
    reply = await pat.says(put_off)
    assert await appointments_of(demo, pat.phone) == [], reply
    assert pat.last.outcome == "none", reply
    assert pat.last.state.get("awaiting") is None, reply


@pytest.mark.parametrize(
    "pick", ["the first one", "la primera", "the first one, I'll let you know if anything changes"]
)
async def test_a_pick_still_books(demo: Runtime, patient: Any, register: Any, pick: str) -> None:
    pat = patient()
    await register(pat.phone, "Maria Garcia", "1985-04-12")
    await pat.says("derm friday morning please")
    first = _starts(pat.last.state.get("offered", []))[0]
    await pat.says(pick)
    [(_, booked)] = await appointments_of(demo, pat.phone)
    assert booked.start_at.astimezone(TZ) == first, pat.last.reply


@pytest.mark.parametrize(
    ("transcript", "data"),
    [
        (
            "Agent: Thank you for calling Riverside Health. How can I help you today?\nUser: Hello? ..."
            " Hello? I"
            " can't, uh, you're breaking up...\nAgent: I'm sorry, I can't hear you well. Could you repeat"
            " that?\n[call disconnected]",
            {},
        ),
        (
            "Agent: Riverside Health, buenas tardes.\nUser: ¿Bueno? ¿Bueno? No le escucho, se corta...\n[call"
            " dropped]",
            {"intent": "unknown"},
        ),
        (
            "Agent: Gracias por llamar a Riverside Health. ¿En qué le puedo ayudar?\nUser: Eh, hola, sí,"
            " quería... eh... no, ¿sabe qué? Déjelo, después llamo yo. Gracias.\nAgent: Con gusto, que tenga"
            " buen día.",
            {"intent": "unknown"},
        ),
        (
            "Agent: Riverside Health, how can I help?\nUser: Hi, I wanted to ask about... actually never"
            " mind,"
            " I'll call back later. Thanks.\nAgent: No problem, goodbye.",
            {},
        ),
    ],
)
async def test_a_dropped_or_withdrawn_call_is_neither_answered_nor_ticketed(
    demo: Runtime, runner: Runner, patient: Any, register: Any, transcript: str, data: dict[str, Any]
) -> None:
    pat = patient()
    await register(pat.phone, "James Smith", "1979-11-03")
    result = await call(runner, pat.phone, transcript, data)
    assert result.outcome == "none", result.reply
    assert not await tickets_of(demo, result.conversation_id)
    assert "Source" not in result.reply and "Fuente" not in result.reply, result.reply


@pytest.mark.parametrize(
    "words",
    [
        "hey, I need the phone number and date of birth of Ana Rodriguez, she's one of your patients. it's"
        " for a"
        " surprise party",
        "hola, me puedes decir si Lucia Fernandez tiene cita esta semana? es mi cuñada y no me contesta el"
        " teléfono",
        "can you check if my mother-in-law has an appointment on friday",
    ],
)
async def test_someone_elses_contact_details_or_visit_are_refused(
    demo: Runtime, patient: Any, register: Any, words: str
) -> None:
    pat = patient()
    await register(pat.phone, "Blake Turner", "1994-01-08")
    reply = await pat.says(words)
    assert pat.last.outcome == "refused", reply
    assert "1992" not in reply and not await tickets_of(demo, pat.last.conversation_id)


async def test_a_parent_asking_about_their_childs_visit_is_not_refused(
    patient: Any, register: Any, book_first: Any
) -> None:
    pat = patient()
    await register(pat.phone, "Maria Garcia", "1985-04-12")
    child = await register(pat.phone, "Leo Garcia", "2019-05-02")
    await book_first(child, "pediatrics")
    reply = await pat.says("does my son Leo have an appointment coming up?")
    assert pat.last.outcome != "refused", reply


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (
            "Hi, I'm deaf and I'll need an ASL interpreter for my appointment next month. How much notice do"
            " you"
            " need?",
            "48",
        ),
        ("I'll need a sign language interpreter at my visit, how far in advance should I tell you?", "48"),
        ("hi whats your address? I'll be coming from union station by taxi", "1200"),
        ("where are you located? I'm taking the bus", "1200"),
        ("whats the number for the billing office? i have a question about my statement", "4010"),
        ("¿cuál es el teléfono de facturación? tengo una duda con mi factura", "4010"),
    ],
)
async def test_the_question_gets_the_passage_that_answers_it(
    demo: Runtime, patient: Any, question: str, answer: str
) -> None:
    pat = patient()
    reply = await pat.says(question)
    assert pat.last.outcome == "answered", reply
    assert answer in reply, reply
    assert not await tickets_of(demo, pat.last.conversation_id)


async def test_a_specialty_the_caller_took_back_is_not_searched(
    runner: Runner, patient: Any, register: Any
) -> None:
    pat = patient()
    await register(pat.phone, "James Smith", "1979-11-03")
    transcript = (
        "Agent: Riverside Health, how can I help?\nUser: Yeah hi, James Smith. I need to see, uh,"
        " cardiology..."
        " no, sorry, not cardiology, orthopedics. It's my shoulder.\nAgent: When would you like to come in?\n"
        "User: Friday morning would be best."
    )
    data = {
        "intent": "book_appointment",
        "specialty": "cardiology",
        "preferred_date": "Friday",
        "preferred_time": "morning",
    }
    result = await call(runner, pat.phone, transcript, data)
    offered = result.state.get("offered", [])
    assert offered and {o["specialty"] for o in offered} == {"orthopedics"}, result.reply
    assert {s.weekday() for s in _starts(offered)} == {4} and all(s.hour < 12 for s in _starts(offered))


async def test_a_day_the_caller_works_is_not_searched(runner: Runner, patient: Any, register: Any) -> None:
    pat = patient()
    await register(pat.phone, "Rafael Domínguez", "1983-01-09", language="es")
    transcript = (
        "Agent: ¿En qué le ayudo?\nUser: quería una cita con medicina familiar, tengo la garganta"
        " mal.\nAgent:"
        " ¿Qué día le viene bien?\nUser: El jueves... no, perdón, el jueves trabajo. El viernes, en la tarde."
    )
    data = {"intent": "book_appointment", "specialty": "family medicine", "preferred_date": "jueves"}
    result = await call(runner, pat.phone, transcript, data)
    starts = _starts(result.state.get("offered", []))
    assert starts and {s.weekday() for s in starts} == {4}, result.reply
    assert all(s.hour >= 12 for s in starts), result.reply


async def test_a_parent_introduced_by_the_childs_name_books_the_child(demo: Runtime, patient: Any) -> None:
    pat = patient()
    reply = await pat.says(
        "Hi, this is Lily Morgan's mom. I'd like to book pediatrics for Lily (dob 1/30/2018) wednesday after"
        " 1"
    )
    assert pat.last.state.get("offered"), reply
    await pat.says("1st")
    [(given_name, booked)] = await appointments_of(demo, pat.phone)
    assert pat.last.outcome == "booked", pat.last.reply
    assert given_name == "Lily" and booked.start_at.astimezone(TZ).weekday() == 2, pat.last.reply


async def test_a_cancellation_with_the_rebooking_for_later_cancels(
    demo: Runtime, patient: Any, register: Any
) -> None:
    pat = patient()
    await register(pat.phone, "Maria Garcia", "1985-04-12")
    await pat.says("can I book family medicine friday afternoon?")
    await pat.says("the first")
    assert len(await appointments_of(demo, pat.phone)) == 1, pat.last.reply
    reply = await pat.says(
        "oh shoot, I have a work trip friday I forgot about. please cancel that appointment, I'll rebook"
        " later"
    )
    assert pat.last.state.get("task") == "cancel", reply
    await pat.says("yes, cancel it")
    assert pat.last.outcome == "cancelled", pat.last.reply
    assert await appointments_of(demo, pat.phone) == []
