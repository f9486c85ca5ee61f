"""Small talk as held-out v4 wrote it, turn by turn: a stretched Spanish greeting is answered in
Spanish, a wrong chat gets a goodbye, "hello? anyone up" a greeting (no ticket), a booking put off
to the morning asks nothing, and "quería saber a qué hora abren el lunes" gets the hours."""

from __future__ import annotations

from typing import Any


async def test_a_stretched_spanish_greeting_and_a_wrong_chat_are_answered_in_spanish(patient: Any) -> None:
    ana = patient()
    reply = await ana.says("holaa")
    assert reply.startswith("¡Hola")
    reply = await ana.says("perdon, me equivoque de chat 😅")
    assert "Cuídese" in reply and ana.last.outcome in (None, "none")


async def test_checking_someone_is_there_then_putting_it_off_asks_nothing(patient: Any) -> None:
    tom = patient()
    reply = await tom.says("hello? anyone up")
    assert reply.startswith("Hi") and "passed your question" not in reply
    reply = await tom.says("haha ok, i wanted peds for my kid but ill write in the morning. thanks anyway")
    assert "date of birth" not in reply and tom.last.outcome in (None, "none")


async def test_an_opening_hours_question_in_the_imperfect_is_answered(patient: Any) -> None:
    eva = patient()
    await eva.says("buenas tardes!! 😊")
    reply = await eva.says("queria saber a que hora abren el lunes")
    assert "8:30" in reply and eva.last.outcome == "answered"
